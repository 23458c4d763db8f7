/**
 * The field kinds of master files — domain names, TTLs with BIND units, bounded integers — read
 * from tokens into canonical values, or a ZoneFileError that points at the token.
 */
import { LABEL } from "../dns/stored-rdata";
import { type Token, ZoneFileError } from "./tokenize";

export const fail = (at: { line: number; column: number }, reason: string) => new ZoneFileError(at.line, at.column, reason);

/** Letters, digits, "-" and "_" (for _dmarc, _sip._tcp), no hyphen at either end. */

export interface NameRules {
  /** "*" as the leftmost label (owner names). */
  wildcard?: boolean;
  /** "." alone, the root (null MX, "no service" SRV). */
  root?: boolean;
}

/** A checked, lower-case, absolute name with its trailing dot, or undefined if `input` is not one. */
export function checkedName(input: string, rules: NameRules = {}): string | undefined {
  const name = input.toLowerCase();
  if (rules.root && name === ".") return ".";
  const labels = name.replace(/\.$/, "").split(".");
  const valid = name.length <= 254 && labels.every((l, i) => LABEL.test(l) || (rules.wildcard === true && i === 0 && l === "*"));
  return valid ? (name.endsWith(".") ? name : `${name}.`) : undefined;
}

/**
 * A name as written in a record: "@" is the origin, a name without a trailing dot is relative to
 * the origin, and the result is absolute, lower-case, with its trailing dot.
 */
export function absoluteName(t: Token, origin: string, what: string, rules: NameRules = {}): string {
  if (t.quoted) throw fail(t, `${what} "${t.raw}" is quoted. Fix: write names without quotes`);
  if (t.escaped) {
    throw fail(
      t,
      `${what} "${t.raw}" contains a backslash escape; names with "\\." or other escapes inside a label are ` +
        `not supported by this parser nor by WEDOS or DNSPod. Fix: use a name of letters, digits, "-" and "_"`,
    );
  }
  const text = t.text;
  if (text === "@") return origin;
  const absolute = text.endsWith(".") ? text : `${text}.${origin}`;
  const name = checkedName(absolute, rules);
  if (name) return name;
  throw fail(t, `${what} "${t.raw}" is not a valid domain name: ${nameProblem(absolute, rules)}`);
}

function nameProblem(name: string, rules: NameRules): string {
  if (name === ".") return `the root "." is not allowed here. Fix: write a host name`;
  if (name.length > 254) return `it is ${name.length - 1} characters long, at most 253 are allowed. Fix: shorten it`;
  const labels = name.replace(/\.$/, "").split(".");
  const i = labels.findIndex((l, i) => !(LABEL.test(l.toLowerCase()) || (rules.wildcard === true && i === 0 && l === "*")));
  const label = labels[i] ?? "";
  if (label === "") return `it has an empty label (".." or a leading "."). Fix: remove the extra dot`;
  if (label.length > 63)
    return `label "${label.slice(0, 12)}…" is ${label.length} characters long, at most 63 are allowed. Fix: shorten it`;
  if (label === "*") {
    return rules.wildcard
      ? `"*" is allowed only as the leftmost label. Fix: write the wildcard as "*.rest"`
      : `"*" (a wildcard) belongs only in owner names. Fix: write a host name here`;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is "not ASCII", NUL included on purpose
  if (/[^\x00-\x7f]/.test(label)) return `label "${label}" is not ASCII. Fix: write an internationalized name in its xn-- (punycode) form`;
  return `label "${label}" may hold only letters, digits, "-" and "_", and may not start or end with "-". Fix: correct the label`;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
/** 2^31 - 1: RFC 2181 §8 limits TTLs to 31 bits. */
const TTL_MAX = 2147483647;

/** Seconds, or BIND's units in any combination ("1h30m", "2d", "1W"); undefined if not a TTL. */
export function ttlSeconds(text: string): number | undefined {
  if (!/^(?:\d+[smhdw])*\d*$/i.test(text) || text === "") return undefined;
  let total = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)([smhdw]?)/gi)) total += Number(n) * (UNIT_SECONDS[unit!.toLowerCase()] ?? 1);
  return total <= TTL_MAX ? total : undefined;
}

export function parseTtl(t: Token, what: string): number {
  const seconds = t.quoted ? undefined : ttlSeconds(t.text);
  if (seconds !== undefined) return seconds;
  const tooBig = /^\d+$/.test(t.text) ? ` (at most ${TTL_MAX} seconds)` : "";
  throw fail(t, `"${t.raw}" is not a ${what}${tooBig}. Fix: give seconds (3600) or BIND units such as 30m, 1h, 1h30m, 2d, 1w`);
}

/** A decimal integer in [min, max], written without units. */
export function parseUint(t: Token, min: number, max: number, what: string): number {
  if (!t.quoted && /^\d+$/.test(t.text) && Number(t.text) >= min && Number(t.text) <= max) return Number(t.text);
  throw fail(t, `"${t.raw}" is not a valid ${what}. Fix: write a whole number from ${min} to ${max}`);
}
