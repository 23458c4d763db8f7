/**
 * Zone-file records ↔ DNSPod records, both ways, as pure functions: fromZoneFile feeds
 * dnspod.ZoneRecords, toZoneFileRecord feeds `export dnspod --format zone`. The canonical forms
 * are those of provider/dnspod/convert.ts: hosts lower-case with a trailing dot, TXT raw, CAA
 * `0 issue "x"`, the MX priority in `mx` rather than in the value.
 */
import { checkedName } from "./fields";
import type { FormattedRecord } from "./format";
import type { ZoneFileRecord } from "./parse";
import { isZoneFileType } from "./presented-rdata";

/** A record in dnspod.ZoneRecords terms; the other inputs (line, status, remark) keep their defaults. */
export interface DnspodZoneRecord {
  subDomain: string;
  recordType: string;
  value: string;
  mx?: number;
  ttl?: number;
}

/** What export reads from DNSPod: a record with its line, status and remark. */
export interface DnspodExportRecord extends DnspodZoneRecord {
  recordLine?: string;
  status?: string;
  remark?: string;
}

/** Line keys and display names that mean "every resolver": not worth a comment. */
const DEFAULT_LINES = new Set(["", "default", "默认"]);
/** The MX priority DNSPod's Record.Create assumes when none is given. */
const MX_DEFAULT = 10;

/** parseZoneFile's records as DNSPod records: apex "@", MX priority in `mx`, SOA left out. */
export function fromZoneFile(records: ZoneFileRecord[]): DnspodZoneRecord[] {
  return records.filter((r) => r.type !== "SOA").map(fromZoneFileRecord);
}

function fromZoneFileRecord(r: ZoneFileRecord): DnspodZoneRecord {
  const base = { subDomain: r.name === "" ? "@" : r.name, recordType: r.type };
  const ttl = r.ttl === undefined ? {} : { ttl: r.ttl };
  if (r.type !== "MX") return { ...base, value: r.rdata, ...ttl };
  const m = /^(\d+) (\S+)$/.exec(r.rdata);
  if (!m)
    throw new TypeError(
      `fromZoneFile: MX record "${r.name}" has rdata ${JSON.stringify(r.rdata)}; expected "<preference> <exchange>" as parseZoneFile returns it, e.g. "10 mail.example.com."`,
    );
  return { ...base, value: m[2]!, mx: Number(m[1]), ...ttl };
}

/**
 * One DNSPod record as a zone-file record (for formatZoneFile): values that are host names are
 * absolute in DNSPod whether or not they end in a dot, so they get the dot; the line (unless
 * default), a disabled status and the remark become the record's comment.
 */
export function toZoneFileRecord(r: DnspodExportRecord): FormattedRecord {
  const upper = r.recordType.trim().toUpperCase();
  // "URL" and "Framed URL" keep DNSPod's spelling: formatZoneFile writes them as comments.
  const type = isZoneFileType(upper) ? upper : r.recordType;
  const comment = commentOf(r);
  return {
    name: r.subDomain === "@" ? "" : r.subDomain.toLowerCase(),
    type,
    ...(r.ttl === undefined ? {} : { ttl: r.ttl }),
    rdata: rdataOf(type, r.value, r.mx),
    ...(comment ? { comment } : {}),
  };
}

function rdataOf(type: string, value: string, mx: number | undefined): string {
  switch (type) {
    case "CNAME":
    case "NS":
      return host(value);
    case "MX":
      return `${mx ?? MX_DEFAULT} ${host(value)}`;
    case "AAAA":
    case "TLSA":
    case "SSHFP":
      return value.trim().toLowerCase();
    case "SRV": {
      const parts = value.trim().split(/\s+/);
      return parts.length === 4 ? [...parts.slice(0, 3), host(parts[3]!)].join(" ") : value;
    }
    default:
      return value;
  }
}

/** A host name as DNSPod means it (always absolute) → lower-case with its trailing dot. */
function host(value: string): string {
  return checkedName(value.trim(), { root: true }) ?? value;
}

function commentOf(r: DnspodExportRecord): string {
  const parts: string[] = [];
  if (r.recordLine !== undefined && !DEFAULT_LINES.has(r.recordLine.trim().toLowerCase())) parts.push(`line ${r.recordLine}`);
  if (r.status === "disable" || r.status === "disabled") parts.push("disabled");
  if (r.remark) parts.push(`remark: ${r.remark}`);
  return parts.join(", ");
}
