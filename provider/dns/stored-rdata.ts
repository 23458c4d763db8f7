/**
 * Record data rules both APIs share, as pure functions: validate one value of one type and return
 * it in the one canonical form we store (lower-case host names, no trailing dot, single spaces),
 * or the reason it is wrong together with an example of a right one.
 */
import { isIPv4, isIPv6 } from "node:net";

export type Checked = { ok: true; value: string } | { ok: false; reason: string };

/** One label of a host name as both APIs take it: letters, digits, "_" and "-", not at either end of it. */
export const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/** A host name such as mail.example.com (a trailing dot is accepted and dropped). */
export function canonicalHost(input: string): string | undefined {
  const host = input.trim().toLowerCase().replace(/\.$/, "");
  if (!host || host.length > 253) return undefined;
  return host.split(".").every((l) => LABEL.test(l)) ? host : undefined;
}

/** A registrable zone name: at least two labels, letters in the TLD. */
export function canonicalZone(input: string): string | undefined {
  const zone = canonicalHost(input);
  if (!zone?.includes(".")) return undefined;
  const tld = zone.split(".").pop()!;
  return /^(xn--[a-z0-9-]+|[a-z]{2,63})$/.test(tld) ? zone : undefined;
}

const ok = (value: string): Checked => ({ ok: true, value });
const bad = (reason: string): Checked => ({ ok: false, reason });
const int = (s: string | undefined, min: number, max: number) => s !== undefined && /^\d+$/.test(s) && Number(s) >= min && Number(s) <= max;

function hostField(s: string, what: string, example: string): Checked {
  const h = canonicalHost(s);
  return h ? ok(h) : bad(`${what} "${s}" is not a host name; use e.g. "${example}"`);
}

export const RDATA_RULES: Record<string, (v: string) => Checked> = {
  A: (v) => (isIPv4(v.trim()) ? ok(v.trim()) : bad(`"${v}" is not an IPv4 address; use e.g. "192.0.2.10"`)),
  AAAA: (v) => {
    const t = v.trim().toLowerCase();
    return isIPv6(t) ? ok(t) : bad(`"${v}" is not an IPv6 address; use e.g. "2001:db8::10"`);
  },
  CNAME: (v) => hostField(v, "CNAME target", "www.example.net"),
  NS: (v) => hostField(v, "NS target", "ns1.example.net"),
  MX: (v) => {
    const [pref, host, ...rest] = v.trim().split(/\s+/);
    if (rest.length || !int(pref, 0, 65535) || !host)
      return bad(`MX rdata "${v}" must be "<preference 0-65535> <host>", e.g. "10 mail.example.com"`);
    const h = hostField(host, "MX host", "mail.example.com");
    return h.ok ? ok(`${Number(pref)} ${h.value}`) : h;
  },
  SRV: (v) => {
    const [prio, weight, port, target, ...rest] = v.trim().split(/\s+/);
    if (rest.length || !int(prio, 0, 65535) || !int(weight, 0, 65535) || !int(port, 0, 65535) || !target) {
      return bad(`SRV rdata "${v}" must be "<priority> <weight> <port> <target>", e.g. "10 5 5060 sip.example.com"`);
    }
    const h = target === "." ? ok(".") : hostField(target, "SRV target", "sip.example.com");
    return h.ok ? ok(`${Number(prio)} ${Number(weight)} ${Number(port)} ${h.value}`) : h;
  },
  TXT: (v) =>
    v.length === 0
      ? bad("TXT rdata must not be empty")
      : v.length > 4096
        ? bad(`TXT rdata is ${v.length} characters; at most 4096`)
        : ok(v),
  CAA: (v) => {
    const m = /^\s*(\d+)\s+(issue|issuewild|iodef)\s+"([^"]*)"\s*$/i.exec(v);
    if (!m || !int(m[1], 0, 255))
      return bad(`CAA rdata "${v}" must be '<flags 0-255> <issue|issuewild|iodef> "<value>"', e.g. '0 issue "letsencrypt.org"'`);
    return ok(`${Number(m[1])} ${m[2]!.toLowerCase()} "${m[3]}"`);
  },
  TLSA: (v) => {
    const [usage, selector, mtype, ...hex] = v.trim().split(/\s+/);
    const data = hex.join("");
    if (!int(usage, 0, 3) || !int(selector, 0, 1) || !int(mtype, 0, 2) || !/^[0-9a-fA-F]+$/.test(data) || data.length % 2) {
      return bad(`TLSA rdata "${v}" must be "<usage 0-3> <selector 0-1> <matching type 0-2> <hex>", e.g. "3 1 1 0123…ef"`);
    }
    return ok(`${Number(usage)} ${Number(selector)} ${Number(mtype)} ${data.toLowerCase()}`);
  },
  SSHFP: (v) => {
    const [alg, fptype, ...hex] = v.trim().split(/\s+/);
    const data = hex.join("");
    if (!int(alg, 1, 6) || !int(fptype, 1, 2) || !/^[0-9a-fA-F]+$/.test(data) || data.length % 2) {
      return bad(`SSHFP rdata "${v}" must be "<algorithm 1-6> <fingerprint type 1-2> <hex>", e.g. "4 2 0123…ef"`);
    }
    return ok(`${Number(alg)} ${Number(fptype)} ${data.toLowerCase()}`);
  },
};
