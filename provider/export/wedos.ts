/**
 * WEDOS rows → export entries, as pure functions. WAPI stores rdata as it was sent, and treats the
 * host names in it as absolute with or without a trailing dot; so the zone-file form gets the dot
 * (and parseZoneFile's canonical spelling), and the resource input gets the form wedos.ZoneRecords'
 * check() produces, so that check() leaves it unchanged and the live row is adopted as it is.
 */
import { canonicalHost, RDATA_RULES } from "../dns/stored-rdata";
import { ZoneRow } from "../wedos/resources/inputs";
import type { Row } from "../wedos/schemas";
import { wedosZoneApi } from "../wedos/zone-api";
import { checkedName } from "../zonefile/fields";
import { count, type ExportEntry, notTaken, sortEntries, type WedosExport, type WedosInput } from "./model";

/** Every row of the zone but the apex NS rows naming WEDOS's own name servers (`nameservers`). */
export function wedosExport(zone: string, rows: Row[], nameservers: string[]): WedosExport {
  const own = new Set(nameservers.map((n) => canonicalHost(n) ?? n));
  const isOwn = (r: Row) => r.name === "" && r.rdtype === "NS" && own.has(canonicalHost(r.rdata) ?? r.rdata);
  const skipped = rows.filter(isOwn);
  const omitted = skipped.length
    ? [
        `${count(skipped.length, "NS record")} at the apex naming WEDOS's own name servers (${skipped.map((r) => host(r.rdata)).join(", ")}): WEDOS manages them with the zone.`,
      ]
    : [];
  return { api: "wedos", zone, omitted, entries: sortEntries(rows.filter((r) => !isOwn(r)).map(wedosEntry)) };
}

function wedosEntry(row: Row): ExportEntry<WedosInput> {
  const name = row.name.trim().toLowerCase();
  const type = row.rdtype;
  const checked = RDATA_RULES[type]?.(row.rdata);
  const comment = row.author_comment;
  const input = { name, type, ttl: row.ttl, rdata: checked?.ok ? checked.value : row.rdata, ...(comment ? { comment } : {}) };
  return {
    id: row.ID,
    input,
    zone: { name, type, ttl: row.ttl, rdata: zoneRdata(type, row.rdata), ...(comment ? { comment } : {}) },
    ...notTaken(wedosZoneApi, input, () => ZoneRow.safeParse(input)),
  };
}

/**
 * WAPI rdata in the form parseZoneFile returns: host names lower-case with their trailing dot,
 * numbers without leading zeros, hex lower-case, CAA values re-quoted; TXT is raw text already.
 * Data that does not have the type's shape is passed on as it is, for formatZoneFile to report.
 */
export function zoneRdata(type: string, raw: string): string {
  const f = raw.trim().split(/\s+/);
  const n = (s: string) => String(Number(s));
  switch (type) {
    case "CNAME":
    case "NS":
      return host(raw);
    case "AAAA":
      return raw.trim().toLowerCase();
    case "MX":
      return f.length === 2 && isUint(f[0]!) ? `${n(f[0]!)} ${host(f[1]!)}` : raw;
    case "SRV":
      return f.length === 4 && f.slice(0, 3).every(isUint) ? `${f.slice(0, 3).map(n).join(" ")} ${host(f[3]!)}` : raw;
    case "TLSA":
      return f.length >= 4 && f.slice(0, 3).every(isUint) ? `${f.slice(0, 3).map(n).join(" ")} ${f.slice(3).join("").toLowerCase()}` : raw;
    case "SSHFP":
      return f.length >= 3 && f.slice(0, 2).every(isUint) ? `${f.slice(0, 2).map(n).join(" ")} ${f.slice(2).join("").toLowerCase()}` : raw;
    case "CAA":
      return caa(raw);
    default:
      return type === "TXT" ? raw : raw.trim();
  }
}

const isUint = (s: string) => /^\d+$/.test(s);

/** A host name of WAPI rdata (absolute with or without its dot) → lower-case with the dot. */
const host = (value: string) => checkedName(value.trim(), { root: true }) ?? value.trim();

/** `0 issue "letsencrypt.org"`, the value unescaped and quoted again as parseZoneFile quotes it. */
function caa(raw: string): string {
  const m = /^\s*(\d+)\s+([a-z0-9]+)\s+(.*?)\s*$/i.exec(raw);
  if (!m) return raw;
  const quoted = /^"(.*)"$/.exec(m[3]!);
  const value = quoted ? quoted[1]!.replace(/\\(.)/g, "$1") : m[3]!;
  return `${Number(m[1])} ${m[2]!.toLowerCase()} "${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
