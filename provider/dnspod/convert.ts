/**
 * Pure conversions between resource properties and DNSPod's wire forms. One canonical form per
 * value, applied unconditionally in check() and in read(), so what the API rewrites (host names
 * lower-cased with a trailing dot, AAAA lower-cased, line keys read back as display names) never
 * shows up as a diff. This is the one place lines are converted, for both sites: the default line
 * is "default" in state everywhere, other lines are the site's write form ("US"; dnsapi.cn "电信").
 * Functions that depend on the site take it as their last argument, defaulting to the configured one.
 */
import { type Checked, canonicalHost, LABEL, RDATA_RULES } from "../dns/stored-rdata";
import { DEFAULT_LINE_KEY, lineKeyFromDisplay, lineKeys } from "./lines";
import { CN_DEFAULT_LINE_NAME, CN_LINES, looksChinese } from "./lines-cn";
import type { Domain, RecordRow } from "./schemas";
import { configuredSite, type DnspodSite } from "./site";

/** Types of the free grade (Record.Type for DP_Free) plus CAA, which paid grades add. */
export const DNSPOD_TYPES = ["A", "CNAME", "MX", "TXT", "NS", "AAAA", "SRV", "URL", "Framed URL", "CAA"] as const;
export type DnspodType = (typeof DNSPOD_TYPES)[number];

export const TTL_MIN = 1;
export const TTL_MAX = 604800;
/** DNSPod's TXT values are limited to 512 characters. */
const TXT_MAX = 512;

/** Record.Create / Record.Modify parameters, exactly as sent. */
export interface RecordWrite {
  sub_domain: string;
  record_type: string;
  record_line: string;
  value: string;
  mx?: number;
  ttl: number;
}

/** What a record is, in resource terms (the provider-side view of one Record.List row). */
export interface RecordState {
  subDomain: string;
  recordType: string;
  recordLine: string;
  value: string;
  mx?: number;
  ttl: number;
  status: "enable" | "disable";
  remark: string;
  recordId: string;
  updatedOn: string;
}

export function canonicalType(raw: string): DnspodType | undefined {
  const t = raw.trim().toUpperCase().replace(/\s+/g, " ");
  return DNSPOD_TYPES.find((x) => x.toUpperCase() === t);
}

const ok = (value: string): Checked => ({ ok: true, value });
const bad = (reason: string): Checked => ({ ok: false, reason });

/** DNSPod stores host targets lower-case with a trailing dot; so do we. */
function dotted(raw: string, what: string, example: string): Checked {
  const h = canonicalHost(raw);
  return h ? ok(`${h}.`) : bad(`${what} "${raw}" is not a host name. Fix: use e.g. "${example}"`);
}

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

/** Validates a record value for its type and returns it in the canonical (stored) form. */
export function canonicalValue(type: DnspodType, raw: string): Checked {
  switch (type) {
    case "A":
    case "AAAA":
    case "CAA":
      return RDATA_RULES[type]!(raw);
    case "CNAME":
      return dotted(raw, "CNAME target", "www.example.net");
    case "NS":
      return dotted(raw, "NS target", "ns1.example.net");
    case "MX":
      if (/^\s*\d+\s+\S/.test(raw))
        return bad(`MX value "${raw}" must be the mail host only. Fix: put the priority in mx, e.g. value "mail.example.com", mx 10`);
      return dotted(raw, "MX host", "mail.example.com");
    case "SRV": {
      const c = RDATA_RULES.SRV!(raw);
      if (!c.ok) return c;
      const parts = c.value.split(" ");
      const target = parts[3]!;
      return ok(`${parts.slice(0, 3).join(" ")} ${target === "." ? "." : `${target}.`}`);
    }
    case "TXT":
      return raw.length === 0
        ? bad("TXT value must not be empty")
        : raw.length > TXT_MAX
          ? bad(`TXT value is ${raw.length} characters; DNSPod allows at most ${TXT_MAX}. Fix: shorten it`)
          : ok(raw);
    case "URL":
    case "Framed URL":
      return isHttpUrl(raw.trim()) ? ok(raw.trim()) : bad(`${type} value "${raw}" must be an http(s) URL, e.g. "https://www.example.com/"`);
  }
}

/** Relative record name: "@" for the apex ("" accepted), "*" only as the whole leftmost label. */
export function canonicalSubDomain(raw: string): Checked {
  const sub = raw.trim().toLowerCase();
  if (sub === "" || sub === "@") return ok("@");
  const labels = sub.split(".");
  const valid = sub.length <= 253 && labels.every((l, i) => (l === "*" && i === 0) || LABEL.test(l));
  return valid
    ? ok(sub)
    : bad(
        `"${raw}" is not a valid subDomain. Fix: give it relative to the domain without a trailing dot ("www", "_sip._tcp", "*.dev"); "@" is the apex`,
      );
}

const KEYS_LOWER = new Map([...lineKeys()].map((k) => [k.toLowerCase(), k]));

/** An api.dnspod.com key from a key or a display name, any case ("us", "United States" → "US"). */
function intlLineKey(v: string): string | undefined {
  return lineKeyFromDisplay(v) ?? KEYS_LOWER.get(v.toLowerCase());
}

/** The free grade's dnsapi.cn lines other than the default, for messages. */
const CN_NAMES = CN_LINES.slice(1)
  .map((l) => l.name)
  .join(", ");

const notALine = (raw: string, site: DnspodSite): Checked =>
  bad(
    site === "cn"
      ? `"${raw}" is not a dnsapi.cn line. Fix: use "default" (默认) or a line name: ${CN_NAMES} (paid grades have more); see dnspod.getRecordLines()`
      : `"${raw}" is not a DNSPod line. Fix: use a line key such as "default", "US", "CN", "search_engine" (display names like "United States" are accepted too); see dnspod.getRecordLines()`,
  );

/**
 * A recordLine as check() stores it for the site: "default" for the default line however it is
 * spelled ("Default", "默认"); on api.dnspod.com the key of a key or display name ("United States" →
 * "US"); on dnsapi.cn the Chinese name ("电信"). Chinese names beyond the free grade's table are
 * passed through on dnsapi.cn (paid grades have many more), and refused on api.dnspod.com with a
 * pointer to dnspod:site, because that is the usual cause.
 */
export function checkLine(raw: string, site: DnspodSite = configuredSite()): Checked {
  const v = raw.trim();
  if (v.toLowerCase() === DEFAULT_LINE_KEY || v === CN_DEFAULT_LINE_NAME) return ok(DEFAULT_LINE_KEY);
  if (site === "cn") {
    if (looksChinese(v)) return ok(v);
    if (intlLineKey(v))
      return bad(
        `"${raw}" is an api.dnspod.com line; dnsapi.cn names its lines in Chinese. Fix: use "default" (默认) or ` +
          `a dnsapi.cn line such as 电信, 联通, 移动, 境内, 境外 (see dnspod.getRecordLines()); if the account is on api.dnspod.com, ` +
          `set dnspod:site intl`,
      );
    return notALine(raw, site);
  }
  const key = intlLineKey(v);
  if (key) return ok(key);
  if (looksChinese(v)) {
    return bad(
      `"${raw}" is a dnsapi.cn (DNSPod China) line, and the provider is set up for api.dnspod.com. Fix: for ` +
        `a dnsapi.cn account run \`pulumi config set dnspod:site cn\` (or point dnspod:endpoint at https://dnsapi.cn); ` +
        `on api.dnspod.com use a line key such as "default" or "US"`,
    );
  }
  return notALine(raw, site);
}

/** The stored form of a line, or undefined if the site has no such line (see checkLine). */
export function lineKey(raw: string, site: DnspodSite = configuredSite()): string | undefined {
  const c = checkLine(raw, site);
  return c.ok ? c.value : undefined;
}

/** `record_line` for a stored line: dnsapi.cn takes 默认 for the default line, not the key `default`. */
export function wireLine(line: string, site: DnspodSite = configuredSite()): string {
  return site === "cn" && line === DEFAULT_LINE_KEY ? CN_DEFAULT_LINE_NAME : line;
}

/**
 * The stored form of a line as the API shows it (or as it was written), on either site: "Default"
 * and "默认" → "default", "United States" → "US", "电信" as it is. Unknown lines are kept verbatim.
 */
export function readLine(shown: string): string {
  const v = shown.trim();
  if (v === CN_DEFAULT_LINE_NAME) return DEFAULT_LINE_KEY;
  return looksChinese(v) ? v : (intlLineKey(v) ?? v);
}

/** Resource properties → Record.Create/Modify parameters (mx only for MX, as DNSPod wants). */
export function toRecordWrite(
  r: { subDomain: string; recordType: string; recordLine: string; value: string; mx?: number | undefined; ttl: number },
  site: DnspodSite = configuredSite(),
): RecordWrite {
  return {
    sub_domain: r.subDomain,
    record_type: r.recordType,
    record_line: wireLine(r.recordLine, site),
    value: r.value,
    ...(r.recordType === "MX" ? { mx: r.mx ?? 10 } : {}),
    ttl: r.ttl,
  };
}

/** One Record.List row → resource terms; values that fail our rules are kept as DNSPod sent them. */
export function fromRecordRow(row: RecordRow): RecordState {
  const type = canonicalType(row.type) ?? row.type;
  const value = canonicalType(type) ? canonicalValue(type as DnspodType, row.value) : undefined;
  const disabled = row.enabled === "0" || row.status === "disabled" || row.status === "disable";
  return {
    subDomain: row.name.toLowerCase() || "@",
    recordType: type,
    recordLine: readLine(row.line),
    value: value?.ok ? value.value : row.value,
    ...(type === "MX" ? { mx: row.mx } : {}),
    ttl: row.ttl,
    status: disabled ? "disable" : "enable",
    remark: row.remark,
    recordId: row.id,
    updatedOn: row.updated_on,
  };
}

/** The natural key of a record: name, type, line, value (and priority for MX); lines compared as stored. */
export function sameRecord(row: RecordRow, w: RecordWrite): boolean {
  const s = fromRecordRow(row);
  return (
    s.subDomain === w.sub_domain &&
    s.recordType === w.record_type &&
    s.recordLine === readLine(w.record_line) &&
    s.value === w.value &&
    (w.record_type !== "MX" || s.mx === w.mx)
  );
}

/** What a dnspod.Domain reads back from Domain.Info. */
export function fromDomain(d: Domain) {
  return {
    domain: (d.punycode || d.name).toLowerCase(),
    groupId: Number(d.group_id) || 1,
    isMark: d.is_mark === "yes",
    remark: d.remark,
    status: d.status === "disable" ? ("disable" as const) : ("enable" as const),
    searchEnginePush: d.searchengine_push !== "no",
    punycode: d.punycode || d.name,
    grade: d.grade,
    ttl: d.ttl,
    owner: d.owner,
    recordCount: d.records,
  };
}

/** What dnspod.ZoneRecords keeps of a record besides its identity: its attributes. */
export interface RecordAttrs {
  ttl: number;
  mx?: number;
  /** Only "disable" is kept; enabled is the default. */
  status?: "disable";
  remark?: string;
}

export interface RecordIdentity {
  subDomain: string;
  recordType: string;
  recordLine: string;
  value: string;
}

/** A record's identity as ZoneRecords keys it: `"www A 192.0.2.10"`, on another line `"www A@US 192.0.2.10"`. */
export const recordKey = (r: RecordIdentity): string =>
  `${r.subDomain} ${r.recordType}${r.recordLine === DEFAULT_LINE_KEY ? "" : `@${r.recordLine}`} ${r.value}`;

export function recordOfKey(key: string): RecordIdentity {
  const m = /^(\S+) (Framed URL|[^\s@]+)(?:@(\S+))? ([\s\S]*)$/.exec(key);
  if (!m) throw new Error(`dnspod.ZoneRecords: "${key}" is not a record key ("<subDomain> <type>[@<line>] <value>")`);
  return { subDomain: m[1]!, recordType: m[2]!, recordLine: m[3] ?? DEFAULT_LINE_KEY, value: m[4]! };
}

/** Defaults (enabled, no remark) are not stored, so state stays small and absent equals default. */
export function recordAttrs(r: {
  recordType: string;
  ttl: number;
  mx?: number | undefined;
  status?: string;
  remark?: string;
}): RecordAttrs {
  return {
    ttl: r.ttl,
    ...(r.recordType === "MX" && r.mx !== undefined ? { mx: r.mx } : {}),
    ...(r.status === "disable" ? { status: "disable" as const } : {}),
    ...(r.remark ? { remark: r.remark } : {}),
  };
}

/** A listed record as ZoneRecords sees it (lines as keys, values canonical). */
export function liveRecord(row: RecordRow): { key: string; attrs: RecordAttrs; id: string } {
  const s = fromRecordRow(row);
  return { key: recordKey(s), attrs: recordAttrs(s), id: s.recordId };
}
