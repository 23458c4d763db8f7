import { isIP } from "node:net";

/** The record types WAPI accepts (krencl/wedos-api DNSType.php); anything else is 2309. */
const RDTYPES = ["A", "AAAA", "CNAME", "MX", "TXT", "NS", "SRV", "CAA", "TLSA", "SSHFP"] as const;
export type RdType = (typeof RDTYPES)[number];

const TTL_MIN = 300;
const TTL_MAX = 172_800;

/**
 * Special-use and private-use TLDs WEDOS cannot host (RFC 6761/6762/7686, ICANN's .internal, the
 * common home-network names). "test" and "example" stay usable on purpose: tests and docs name their
 * zones example.com and *.test, and the emulator must accept them.
 */
const UNSUPPORTED_TLDS = new Set(["local", "localhost", "invalid", "onion", "internal", "alt", "home", "lan", "corp"]);

const LDH_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const TLD_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export type DomainNameProblem = "invalid" | "unsupported-tld";

/** Checks a zone name (already lower-cased): LDH labels, at least two, an alphabetic or IDN TLD. */
export function domainNameProblem(name: string): DomainNameProblem | undefined {
  if (name.length === 0 || name.length > 253) return "invalid";
  const labels = name.split(".");
  if (labels.length < 2 || !labels.every((l) => LDH_LABEL.test(l))) return "invalid";
  const tld = labels[labels.length - 1] ?? "";
  if (!TLD_LABEL.test(tld)) return "invalid";
  return UNSUPPORTED_TLDS.has(tld) ? "unsupported-tld" : undefined;
}

const OWNER_LABEL = /^[A-Za-z0-9_-]{1,63}$/;

/**
 * A row name relative to the zone: "" is the apex and "*" may only be the first label. WAPI has no
 * "@" (LIBDNS-W maps "@" to ""), so "@" is rejected like any other invalid character.
 */
export function isValidRowName(name: string): boolean {
  if (name === "") return true;
  if (name.length > 253) return false;
  const labels = name.split(".");
  return labels.every((label, i) => (i === 0 && label === "*") || OWNER_LABEL.test(label));
}

/** An integer TTL in 300–172800, sent as a number or a decimal string; undefined when invalid. */
export function parseTtl(value: string): number | undefined {
  if (!/^\d{1,9}$/.test(value)) return undefined;
  const ttl = Number(value);
  return ttl >= TTL_MIN && ttl <= TTL_MAX ? ttl : undefined;
}

export function isIpAddress(value: string): boolean {
  return isIP(value) !== 0;
}

/** A target host name; the trailing dot of a fully qualified name is optional, "_" allowed (SRV-style owners). */
export function isHostname(value: string): boolean {
  const host = value.endsWith(".") ? value.slice(0, -1) : value;
  if (host.length === 0 || host.length > 253) return false;
  return host.split(".").every((l) => /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/.test(l));
}

const UINT = /^\d{1,5}$/;
const HEX = /^(?:[0-9A-Fa-f]{2})+$/;

function uintIn(text: string | undefined, max: number): boolean {
  return text !== undefined && UINT.test(text) && Number(text) <= max;
}

const RDATA_CHECKS: Readonly<Record<RdType, (rdata: string) => boolean>> = {
  A: (r) => isIP(r) === 4,
  AAAA: (r) => isIP(r) === 6,
  CNAME: isHostname,
  NS: isHostname,
  MX: (r) => {
    const [pref, host, ...rest] = r.split(" ");
    return rest.length === 0 && uintIn(pref, 65535) && host !== undefined && (host === "." || isHostname(host));
  },
  SRV: (r) => {
    const [prio, weight, port, target, ...rest] = r.split(" ");
    return (
      rest.length === 0 &&
      [prio, weight, port].every((n) => uintIn(n, 65535)) &&
      target !== undefined &&
      (target === "." || isHostname(target))
    );
  },
  // RFC 8659 presentation form: flags tag "value"; the value may be empty ("0 issue \";\"" style).
  CAA: (r) => /^(\d{1,3}) ([A-Za-z0-9]{1,15}) "(?:[^"\\]|\\.)*"$/.test(r) && Number(r.split(" ")[0]) <= 255,
  TLSA: (r) => {
    const [usage, selector, matching, data, ...rest] = r.split(" ");
    return rest.length === 0 && [usage, selector, matching].every((n) => uintIn(n, 255)) && HEX.test(data ?? "");
  },
  SSHFP: (r) => {
    const [alg, fpType, fp, ...rest] = r.split(" ");
    return rest.length === 0 && uintIn(alg, 255) && uintIn(fpType, 255) && HEX.test(fp ?? "");
  },
  TXT: (r) => r.length > 0 && r.length <= 4096,
};

export function isRdType(value: string): value is RdType {
  return (RDTYPES as readonly string[]).includes(value);
}

export function isValidRdata(type: RdType, rdata: string): boolean {
  return RDATA_CHECKS[type](rdata);
}

/** Rows are the same record when name (DNS names are case-insensitive), type and data agree. */
export function sameRecord(
  a: { name: string; rdtype: string; rdata: string },
  b: { name: string; rdtype: string; rdata: string },
): boolean {
  if (a.name.toLowerCase() !== b.name.toLowerCase() || a.rdtype !== b.rdtype) return false;
  // TXT and CAA values are case-sensitive text; every other rdata is numbers and host names.
  const caseSensitive = a.rdtype === "TXT" || a.rdtype === "CAA";
  return caseSensitive ? a.rdata === b.rdata : a.rdata.toLowerCase() === b.rdata.toLowerCase();
}
