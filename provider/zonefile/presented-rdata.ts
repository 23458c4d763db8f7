/**
 * Record data of each supported type, from its tokens to the one presentation form we return:
 * single spaces, names absolute and lower-case with a trailing dot, hex lower-case and joined,
 * TXT as its raw text, CAA values re-quoted, SOA times in seconds.
 */
import { isIPv4, isIPv6 } from "node:net";
import { absoluteName, fail, parseTtl, parseUint } from "./fields";
import type { Token } from "./tokenize";

/** What WEDOS and DNSPod take between them, plus SOA, which we return and the resources skip. */
export const ZONE_FILE_TYPES = ["A", "AAAA", "CNAME", "MX", "TXT", "NS", "SRV", "CAA", "TLSA", "SSHFP", "SOA"] as const;
export type ZoneFileType = (typeof ZONE_FILE_TYPES)[number];

export interface RdataContext {
  /** The current $ORIGIN, absolute with its trailing dot. */
  origin: string;
  /** The type token, where errors about the record as a whole point. */
  type: Token;
}

type Reader = (fields: Token[], ctx: RdataContext) => string;

/** Checks the number of fields against the type's syntax (`usage`), before reading them. */
function arity(fields: Token[], ctx: RdataContext, usage: string, example: string, min: number, max = min): void {
  const type = ctx.type.text.toUpperCase();
  const sample = `${type} ${example}`;
  const fix = `Fix: write e.g. ${sample.includes('"') ? `'${sample}'` : `"${sample}"`}`;
  if (fields.length < min) {
    const found = fields.length === 0 ? "nothing" : `only "${fields.map((f) => f.raw).join(" ")}"`;
    throw fail(ctx.type, `this ${type} record needs ${usage} after ${type}, found ${found}. ${fix}`);
  }
  const extra = fields[max];
  if (extra)
    throw fail(extra, `unexpected "${extra.raw}": this ${type} record takes only ${usage}. Fix: remove it, or start a comment with ";"`);
}

const name = (t: Token, ctx: RdataContext, what: string, root = false) => absoluteName(t, ctx.origin, what, { root });

function hex(fields: Token[], what: string, want: number | undefined, why: string): string {
  for (const f of fields) {
    if (f.quoted || !/^[0-9a-f]+$/i.test(f.text))
      throw fail(f, `"${f.raw}" is not hexadecimal ${what}. Fix: write the ${what} as hex digits 0-9 and a-f`);
  }
  const data = fields.map((f) => f.text.toLowerCase()).join("");
  if (want !== undefined ? data.length !== want : data.length % 2 !== 0) {
    const expected = want !== undefined ? `${want} for ${why}` : "an even number";
    throw fail(fields[0]!, `the ${what} has ${data.length} hex digits, expected ${expected}. Fix: paste the whole ${what}`);
  }
  return data;
}

/** Hex digits of a SHA-1, SHA-256 and SHA-512 digest. */
const DIGEST = { sha1: 40, sha256: 64, sha512: 128 };
const TLSA_DIGESTS: Record<number, [number, string]> = {
  1: [DIGEST.sha256, "matching type 1 (SHA-256)"],
  2: [DIGEST.sha512, "matching type 2 (SHA-512)"],
};
const SSHFP_DIGESTS: Record<number, [number, string]> = {
  1: [DIGEST.sha1, "fingerprint type 1 (SHA-1)"],
  2: [DIGEST.sha256, "fingerprint type 2 (SHA-256)"],
};

/** A CAA value is a quoted string in presentation form; `"` and `\` inside it are escaped. */
const quoteCaaValue = (v: string) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

const READERS: Record<ZoneFileType, Reader> = {
  A: (f, ctx) => {
    arity(f, ctx, "an IPv4 address", "192.0.2.10", 1);
    if (isIPv4(f[0]!.text)) return f[0]!.text;
    throw fail(
      f[0]!,
      `"${f[0]!.raw}" is not an IPv4 address for this A record. Fix: write four numbers 0-255 separated by dots, e.g. 192.0.2.10 (IPv6 addresses go in AAAA records)`,
    );
  },
  AAAA: (f, ctx) => {
    arity(f, ctx, "an IPv6 address", "2001:db8::10", 1);
    if (isIPv6(f[0]!.text)) return f[0]!.text.toLowerCase();
    throw fail(
      f[0]!,
      `"${f[0]!.raw}" is not an IPv6 address for this AAAA record. Fix: write e.g. 2001:db8::10 (IPv4 addresses go in A records)`,
    );
  },
  CNAME: (f, ctx) => {
    arity(f, ctx, "a target name", "www.example.net.", 1);
    return name(f[0]!, ctx, "CNAME target");
  },
  NS: (f, ctx) => {
    arity(f, ctx, "a name server", "ns1.example.net.", 1);
    return name(f[0]!, ctx, "NS name server");
  },
  MX: (f, ctx) => {
    arity(f, ctx, "<preference> <exchange>", "10 mail.example.com.", 2);
    return `${parseUint(f[0]!, 0, 65535, "MX preference")} ${name(f[1]!, ctx, "MX exchange", true)}`;
  },
  // RFC 1035: TXT data is one or more <character-string>s, each a quoted string or a word
  // without spaces. Both APIs take the text as one value, so the strings are concatenated.
  TXT: (f, ctx) => {
    arity(f, ctx, "one or more strings", '"v=spf1 -all"', 1, Infinity);
    return f.map((t) => t.text).join("");
  },
  SRV: (f, ctx) => {
    arity(f, ctx, "<priority> <weight> <port> <target>", "10 5 5060 sip.example.com.", 4);
    const nums = ["SRV priority", "SRV weight", "SRV port"].map((what, i) => parseUint(f[i]!, 0, 65535, what));
    return `${nums.join(" ")} ${name(f[3]!, ctx, "SRV target", true)}`;
  },
  CAA: (f, ctx) => {
    arity(f, ctx, "<flags> <tag> <value>", '0 issue "letsencrypt.org"', 3);
    const flags = parseUint(f[0]!, 0, 255, "CAA flags value");
    if (f[1]!.quoted || !/^[a-z0-9]{1,15}$/i.test(f[1]!.text)) {
      throw fail(f[1]!, `"${f[1]!.raw}" is not a CAA tag. Fix: use issue, issuewild or iodef`);
    }
    return `${flags} ${f[1]!.text.toLowerCase()} ${quoteCaaValue(f[2]!.text)}`;
  },
  TLSA: (f, ctx) => {
    arity(f, ctx, "<usage> <selector> <matching type> <hex data>", "3 1 1 0c72ac70…", 4, Infinity);
    const usage = parseUint(f[0]!, 0, 3, "TLSA certificate usage");
    const selector = parseUint(f[1]!, 0, 1, "TLSA selector");
    const mtype = parseUint(f[2]!, 0, 2, "TLSA matching type");
    const [want, why] = TLSA_DIGESTS[mtype] ?? [undefined, ""];
    return `${usage} ${selector} ${mtype} ${hex(f.slice(3), "certificate association data", want, why)}`;
  },
  SSHFP: (f, ctx) => {
    arity(f, ctx, "<algorithm> <fingerprint type> <hex fingerprint>", "4 2 c1f1d5c8…", 3, Infinity);
    const alg = parseUint(f[0]!, 1, 6, "SSHFP algorithm");
    const fptype = parseUint(f[1]!, 1, 2, "SSHFP fingerprint type");
    const [want, why] = SSHFP_DIGESTS[fptype]!;
    return `${alg} ${fptype} ${hex(f.slice(2), "fingerprint", want, why)}`;
  },
  SOA: (f, ctx) => {
    arity(
      f,
      ctx,
      "<mname> <rname> <serial> <refresh> <retry> <expire> <minimum>",
      "ns1.example.com. hostmaster.example.com. 1 2h 30m 2w 1h",
      7,
    );
    const names = [name(f[0]!, ctx, "SOA mname"), name(f[1]!, ctx, "SOA rname")];
    const serial = parseUint(f[2]!, 0, 4294967295, "SOA serial");
    const times = ["SOA refresh", "SOA retry", "SOA expire", "SOA minimum"].map((what, i) => parseTtl(f[i + 3]!, `${what} time`));
    return [...names, serial, ...times].join(" ");
  },
};

export const isZoneFileType = (t: string): t is ZoneFileType => (ZONE_FILE_TYPES as readonly string[]).includes(t);

/** The canonical rdata of a record of `type` (one of ZONE_FILE_TYPES) from its fields. */
export const readRdata = (type: ZoneFileType, fields: Token[], ctx: RdataContext): string => READERS[type](fields, ctx);
