/**
 * Record data from the APIs' presentation form to what dns-packet encodes, one pure function per
 * type. Data an API let through that has no wire form (it validates on write, so this is rare) is
 * not served rather than served wrong: the function returns undefined.
 */
import { isIPv4, isIPv6 } from "node:net";

/** What dns-packet's answer encoder takes for `type` (SSHFP as raw RDATA, see below). */
export interface WireRecord {
  type: string;
  data: unknown;
}

const host = (s: string | undefined): string | undefined => {
  if (s === undefined || s === "") return undefined;
  if (s === ".") return ".";
  const h = s.replace(/\.$/, "");
  return h.split(".").every((l) => l.length > 0 && l.length <= 63) && h.length <= 253 ? h : undefined;
};

const uint = (s: string | undefined, max: number): number | undefined =>
  s !== undefined && /^\d{1,10}$/.test(s) && Number(s) <= max ? Number(s) : undefined;

const hex = (s: string): Buffer | undefined => (/^(?:[0-9a-f]{2})+$/i.test(s) ? Buffer.from(s, "hex") : undefined);

/**
 * TXT text as DNS character-strings: at most 255 bytes each, cut on UTF-8 character boundaries so
 * every string is valid text on its own. An empty text is one empty string.
 */
export function txtStrings(text: string): Buffer[] {
  const out: Buffer[] = [];
  let current: Buffer[] = [];
  let size = 0;
  for (const ch of text) {
    const b = Buffer.from(ch, "utf8");
    if (size + b.length > 255) {
      out.push(Buffer.concat(current));
      current = [];
      size = 0;
    }
    current.push(b);
    size += b.length;
  }
  out.push(Buffer.concat(current));
  return out;
}

/** `0 issue "letsencrypt.org"` (value quoted with \" and \\ escapes, or a bare word). */
function caa(rdata: string): WireRecord | undefined {
  const m = /^\s*(\d{1,3})\s+([A-Za-z0-9]{1,15})\s+(?:"((?:[^"\\]|\\.)*)"|(\S+))\s*$/.exec(rdata);
  const flags = uint(m?.[1], 255);
  if (!m || flags === undefined) return undefined;
  const value = m[3] !== undefined ? m[3].replace(/\\(.)/g, "$1") : m[4]!;
  return { type: "CAA", data: { flags, tag: m[2]!.toLowerCase(), value } };
}

type Reader = (fields: string[], rdata: string) => WireRecord | undefined;

const READERS: Record<string, Reader> = {
  A: ([a], r) => (a !== undefined && isIPv4(a) && r.trim() === a ? { type: "A", data: a } : undefined),
  AAAA: ([a], r) => (a !== undefined && isIPv6(a) && r.trim() === a ? { type: "AAAA", data: a } : undefined),
  CNAME: ([h]) => (host(h) ? { type: "CNAME", data: host(h) } : undefined),
  NS: ([h]) => (host(h) ? { type: "NS", data: host(h) } : undefined),
  MX: ([p, h]) => {
    const preference = uint(p, 65535);
    return preference !== undefined && host(h) ? { type: "MX", data: { preference, exchange: host(h) } } : undefined;
  },
  SRV: ([p, w, port, t]) => {
    const [priority, weight, pt] = [uint(p, 65535), uint(w, 65535), uint(port, 65535)];
    if (priority === undefined || weight === undefined || pt === undefined || !host(t)) return undefined;
    return { type: "SRV", data: { priority, weight, port: pt, target: host(t) } };
  },
  TXT: (_f, r) => ({ type: "TXT", data: txtStrings(r) }),
  CAA: (_f, r) => caa(r),
  TLSA: ([u, s, m, ...data]) => {
    const [usage, selector, matchingType, certificate] = [uint(u, 255), uint(s, 255), uint(m, 255), hex(data.join(""))];
    if (usage === undefined || selector === undefined || matchingType === undefined || !certificate) return undefined;
    return { type: "TLSA", data: { usage, selector, matchingType, certificate } };
  },
  // dns-packet's SSHFP encoder insists on the digest length of the fingerprint type; WEDOS does
  // not, so the RDATA (RFC 4255: algorithm, type, fingerprint) is written as it is, type 44.
  SSHFP: ([a, t, ...fp]) => {
    const [algorithm, fpType, fingerprint] = [uint(a, 255), uint(t, 255), hex(fp.join(""))];
    if (algorithm === undefined || fpType === undefined || !fingerprint) return undefined;
    return { type: "UNKNOWN_44", data: Buffer.concat([Buffer.from([algorithm, fpType]), fingerprint]) };
  },
};

/** The wire form of one record, or undefined when the type is not served or the data has none. */
export function wireRecord(type: string, rdata: string): WireRecord | undefined {
  const read = READERS[type.toUpperCase()];
  return read?.(rdata.trim().split(/\s+/), rdata);
}

/** The RR type a wire record answers to ("UNKNOWN_44" answers SSHFP questions). */
export const answersType = (w: WireRecord): string => (w.type === "UNKNOWN_44" ? "SSHFP" : w.type);
