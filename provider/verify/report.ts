/**
 * The outcome of `verify`, as data (`--json`) and as a table of differences per nameserver, both
 * pure. Long values (a DKIM key) are cut in the table; the JSON has them whole.
 */
import type { ServerCheck } from "../served/check";
import type { Difference } from "../served/compare";

export interface VerifyReport {
  api: "wedos" | "dnspod";
  zone: string;
  /** Where the expected records came from: the API's listing or a zone file. */
  source: string;
  /** Name-and-type sets compared, on each nameserver. */
  rrsets: number;
  queries: number;
  agree: boolean;
  nameservers: { server: string; address: string; agree: boolean; differences: Difference[] }[];
  notVerified: string[];
}

export function buildReport(head: Omit<VerifyReport, "agree" | "nameservers" | "queries">, checks: ServerCheck[]): VerifyReport {
  const nameservers = checks.map((c) => ({
    server: c.server.label,
    address: c.server.host.includes(":") ? `[${c.server.host}]:${c.server.port}` : `${c.server.host}:${c.server.port}`,
    agree: c.differences.length === 0,
    differences: c.differences,
  }));
  return {
    ...head,
    queries: checks.reduce((n, c) => n + c.queries, 0),
    agree: nameservers.every((n) => n.agree),
    nameservers,
    notVerified: head.notVerified,
  };
}

const CUT = 48;
const cut = (s: string) => (s.length > CUT ? `${s.slice(0, CUT - 1)}…` : s);
/** A value as the table shows it: TXT in quotes (its spaces matter), each cut to fit. */
const shown = (type: string, values: string[]) => values.map((v) => cut(type === "TXT" ? JSON.stringify(v) : v)).join(", ");

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => `  ${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  ")}`.trimEnd());
}

function differencesTable(differences: Difference[]): string[] {
  const rows = differences.map((d) => [
    d.name,
    d.type,
    shown(d.type, d.expected) || (d.absent.length ? `not ${shown(d.type, d.absent)}` : "nothing"),
    d.served.length ? shown(d.type, d.served) : d.answer,
  ]);
  return table([["NAME", "TYPE", "EXPECTED", "SERVED"], ...rows]);
}

export function renderText(r: VerifyReport): string {
  const out = [
    `${r.api === "wedos" ? "WEDOS" : "DNSPod"} ${r.zone}: ${r.rrsets} RRsets from ${r.source}, asked of ${r.nameservers.length} nameservers`,
  ];
  for (const n of r.nameservers) {
    out.push(
      `${n.server === n.address ? n.address : `${n.server} (${n.address})`}: ${n.agree ? "agrees" : `${n.differences.length} difference${n.differences.length === 1 ? "" : "s"}`}`,
    );
    if (!n.agree) out.push(...differencesTable(n.differences));
  }
  for (const line of r.notVerified) out.push(`Not verified: ${line}`);
  const differing = r.nameservers.filter((n) => !n.agree).length;
  out.push(
    differing === 0
      ? `All ${r.nameservers.length} nameservers serve what ${r.source} holds.`
      : `${differing} of ${r.nameservers.length} nameservers differ from ${r.source}.`,
  );
  return `${out.join("\n")}\n`;
}
