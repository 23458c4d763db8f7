/**
 * One canonical text per record, whether it comes from an API (WEDOS rdata, a DNSPod value with
 * its MX priority, a zone file) or from a DNS answer: host names lower-case without the trailing
 * dot, numbers without leading zeros, hex lower-case, TXT as its text with the strings joined,
 * CAA re-quoted. Two records are the same record when their canonical texts are equal; TTLs
 * never take part.
 */
import { isIPv6 } from "node:net";
import { domainToASCII } from "node:url";
import type { Answer } from "dns-packet";

const host = (s: string | undefined): string => (s === undefined ? "" : s === "." ? "." : s.replace(/\.$/, "").toLowerCase());
const num = (s: string | undefined): string => (s !== undefined && /^\d+$/.test(s) ? String(Number(s)) : (s ?? ""));

/** IPv6 in its one compressed lower-case spelling ("2001:DB8:0:0::1" → "2001:db8::1"). */
function ipv6(s: string): string {
  const a = s.trim();
  return isIPv6(a) ? new URL(`http://[${a}]`).hostname.slice(1, -1) : a.toLowerCase();
}

const quoteCaa = (value: string) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** `0 issue "letsencrypt.org"`, the value unescaped then quoted again, the tag lower-case. */
function caa(text: string): string {
  const m = /^\s*(\d+)\s+(\S+)\s+(?:"((?:[^"\\]|\\.)*)"|(.*?))\s*$/.exec(text);
  if (!m) return text.trim();
  const value = m[3] !== undefined ? m[3].replace(/\\(.)/g, "$1") : m[4]!;
  return `${num(m[1])} ${m[2]!.toLowerCase()} ${quoteCaa(value)}`;
}

/** A record's data in presentation form (as an API or a zone file has it) → its canonical text. */
export function canonicalRdata(type: string, rdata: string): string {
  const f = rdata.trim().split(/\s+/);
  switch (type.toUpperCase()) {
    case "TXT":
      return rdata;
    case "A":
      return rdata.trim();
    case "AAAA":
      return ipv6(rdata);
    case "CNAME":
    case "NS":
    case "PTR":
      return host(f[0]);
    case "MX":
      return `${num(f[0])} ${host(f[1])}`;
    case "SRV":
      return `${f.slice(0, 3).map(num).join(" ")} ${host(f[3])}`;
    case "CAA":
      return caa(rdata);
    case "TLSA":
      return `${f.slice(0, 3).map(num).join(" ")} ${f.slice(3).join("").toLowerCase()}`;
    case "SSHFP":
      return `${f.slice(0, 2).map(num).join(" ")} ${f.slice(2).join("").toLowerCase()}`;
    default:
      return rdata.trim();
  }
}

const hex = (b: unknown): string => (Buffer.isBuffer(b) ? b.toString("hex") : String(b).toLowerCase());

/** A resource record of a DNS answer, as dns-packet decoded it → the same canonical text. */
export function canonicalAnswer(rr: Answer): string {
  const d = (rr as { data?: unknown }).data as never;
  switch (rr.type) {
    case "A":
      return String(d);
    case "AAAA":
      return ipv6(String(d));
    case "CNAME":
    case "NS":
    case "PTR":
      return host(String(d));
    case "MX": {
      const { preference, exchange } = d as { preference: number; exchange: string };
      return `${preference} ${host(exchange)}`;
    }
    case "SRV": {
      const { priority, weight, port, target } = d as { priority: number; weight: number; port: number; target: string };
      return `${priority} ${weight} ${port} ${host(target)}`;
    }
    case "TXT":
      return Buffer.concat((Array.isArray(d) ? d : [d]).map((s: Buffer | string) => Buffer.from(s))).toString("utf8");
    case "CAA": {
      const { flags, tag, value } = d as { flags: number; tag: string; value: string };
      return `${flags} ${tag.toLowerCase()} ${quoteCaa(value)}`;
    }
    case "TLSA": {
      const { usage, selector, matchingType, certificate } = d as {
        usage: number;
        selector: number;
        matchingType: number;
        certificate: Buffer;
      };
      return `${usage} ${selector} ${matchingType} ${hex(certificate)}`;
    }
    case "SSHFP": {
      const { algorithm, hash, fingerprint } = d as { algorithm: number; hash: number; fingerprint: string };
      return `${algorithm} ${hash} ${hex(fingerprint)}`;
    }
    case "SOA": {
      const s = d as { mname: string; rname: string; serial: number; refresh: number; retry: number; expire: number; minimum: number };
      return `${host(s.mname)} ${host(s.rname)} ${s.serial} ${s.refresh} ${s.retry} ${s.expire} ${s.minimum}`;
    }
    default:
      return Buffer.isBuffer(d) ? hex(d) : JSON.stringify(d);
  }
}

/** An owner name as DNS compares it: lower-case ASCII (punycode for Unicode labels), no trailing dot. */
export function canonicalName(name: string): string {
  const lower = name.replace(/\.$/, "").toLowerCase();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is "not ASCII"
  return /[^\x00-\x7f]/.test(lower) ? domainToASCII(lower) || lower : lower;
}
