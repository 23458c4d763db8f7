/**
 * --dns-delay: how long each nameserver takes to serve a publish. One value is every server's; a
 * list gives the servers in the ready line's order (DNSPod's, then WEDOS's) and leaves the rest at
 * 0; NAME=MS sets one server by name. Programs pass a number, a list, or { name: ms }.
 */
export type DelaySpec = number | readonly number[] | Readonly<Record<string, number>>;

function checked(ms: number, what: string): number {
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`--dns-delay: ${what} must be a number of milliseconds >= 0, got ${ms}`);
  return ms;
}

/** The CLI text as a spec: "3000", "0,0,3000" or "ns.wedos.eu=3000,f1g1ns2.dnspod.net=500". */
export function parseDelayText(text: string): DelaySpec {
  const parts = text.split(",").map((p) => p.trim());
  if (parts.every((p) => p.includes("="))) {
    return Object.fromEntries(parts.map((p) => [p.slice(0, p.indexOf("=")), Number(p.slice(p.indexOf("=") + 1))]));
  }
  if (parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) throw new Error(`--dns-delay must be MS, MS,MS,… or NAME=MS,…; got "${text}"`);
  const values = parts.map(Number);
  return values.length === 1 ? values[0]! : values;
}

/** Delay per server name; `servers` in the ready line's order. */
export function delaysFor(spec: DelaySpec | undefined, servers: readonly string[]): Map<string, number> {
  const out = new Map(servers.map((s) => [s, 0]));
  if (spec === undefined) return out;
  if (typeof spec === "number") {
    for (const s of servers) out.set(s, checked(spec, "the delay"));
    return out;
  }
  if (Array.isArray(spec)) {
    if (spec.length > servers.length)
      throw new Error(`--dns-delay: ${spec.length} delays for ${servers.length} nameservers (${servers.join(", ")})`);
    for (const [i, ms] of spec.entries()) out.set(servers[i]!, checked(ms, `the delay of ${servers[i]}`));
    return out;
  }
  for (const [name, ms] of Object.entries(spec as Record<string, number>)) {
    if (!out.has(name)) throw new Error(`--dns-delay: no nameserver "${name}"; the nameservers are ${servers.join(", ")}`);
    out.set(name, checked(ms, `the delay of ${name}`));
  }
  return out;
}
