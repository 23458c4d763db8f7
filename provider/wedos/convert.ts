/**
 * Pure conversions between resource properties and WAPI's wire forms, both ways. Names are relative
 * to the zone with "" for the apex; WAPI lower-cases nothing, so comparisons of names ignore case.
 */
import { RDATA_RULES } from "../dns/stored-rdata";
import type { DomainInfo, Row } from "./schemas";

export interface NewRow {
  name: string;
  type: string;
  ttl: number;
  rdata: string;
  comment?: string;
}
export interface NewDomain {
  name: string;
  type: "primary" | "secondary";
  primaryIp?: string | undefined;
  axfrEnabled?: boolean;
  axfrIps?: string[];
}

/** dns-domain-add data: a secondary names its primary; a primary says whether it allows AXFR, and to whom. */
export function toAddDomainData(d: NewDomain): Record<string, unknown> {
  const data: Record<string, unknown> = { name: d.name, type: d.type };
  if (d.type === "secondary") data.primary_ip = d.primaryIp;
  else {
    data.axfr_enabled = d.axfrEnabled ? 1 : 0;
    if (d.axfrEnabled) data.axfr_ips = d.axfrIps ?? [];
  }
  return data;
}

/** dns-row-add data; an empty comment is not sent. */
export function toAddRowData(domain: string, r: NewRow): Record<string, unknown> {
  const data: Record<string, unknown> = { domain, name: r.name, ttl: r.ttl, type: r.type, rdata: r.rdata };
  if (r.comment) data.auth_comment = r.comment;
  return data;
}

/** The natural key of a row: name, type and rdata (WAPI refuses a second identical row with 2316). */
export function sameRow(x: Row, r: { name: string; type: string; rdata: string }): boolean {
  return x.name.toLowerCase() === r.name.toLowerCase() && x.rdtype === r.type.toUpperCase() && x.rdata === r.rdata;
}

export const fqdn = (name: string, domain: string) => (name ? `${name}.${domain}` : domain);

/** What a row says about the properties of a wedos.Record; rdata in the canonical form check() gives it. */
export function fromRow(row: Row, domain: string) {
  const name = row.name.toLowerCase();
  return {
    name,
    type: row.rdtype,
    ttl: row.ttl,
    rdata: canonicalRdata(row),
    comment: row.author_comment,
    rowId: row.ID,
    fqdn: fqdn(name, domain),
    changedDate: row.changed_date,
  };
}

/** WAPI keeps rdata as it was sent; rows written elsewhere may spell it otherwise than check() does. */
function canonicalRdata(row: Row): string {
  const c = RDATA_RULES[row.rdtype]?.(row.rdata);
  return c?.ok ? c.value : row.rdata;
}

const num = (s: string) => (s === "" ? 0 : Number(s));
const ips = (s: string) => s.split(/[\s,;]+/).filter(Boolean);

/** What dns-domain-info says about the properties of a wedos.Domain. */
export function fromDomainInfo(info: DomainInfo) {
  const type = info.type === "secondary" ? ("secondary" as const) : ("primary" as const);
  const axfr = type === "primary" && info.axfr_enabled === "1";
  return {
    type,
    axfrEnabled: axfr,
    axfrIps: axfr ? ips(info.axfr_ips) : [],
    status: info.status,
    serial: info.serial,
    rname: info.rname,
    refresh: num(info.refresh),
    retry: num(info.retry),
    expire: num(info.expire),
    minimum: num(info.minimum),
    nameservers: ips(info.ns_out || info.ns1 || info.ns),
  };
}

/** What wedos.ZoneRecords keeps of a row besides its identity: the attributes WAPI stores with it. */
export interface RowAttrs {
  ttl: number;
  comment?: string;
}

/** A row's identity as ZoneRecords keys it: `"www A 192.0.2.10"`, `"@ MX 10 mail.example.cz"`. */
export const rowKey = (r: { name: string; type: string; rdata: string }): string => `${r.name || "@"} ${r.type} ${r.rdata}`;

export function rowOfKey(key: string): { name: string; type: string; rdata: string } {
  const m = /^(\S+) (\S+) ([\s\S]*)$/.exec(key);
  if (!m) throw new Error(`wedos.ZoneRecords: "${key}" is not a row key ("<name> <type> <rdata>")`);
  return { name: m[1] === "@" ? "" : m[1]!, type: m[2]!, rdata: m[3]! };
}

/** An empty comment is not stored, so state stays small and "" and absent compare equal. */
export const rowAttrs = (r: { ttl: number; comment?: string | undefined }): RowAttrs =>
  r.comment ? { ttl: r.ttl, comment: r.comment } : { ttl: r.ttl };

/** A listed row as ZoneRecords sees it, rdata in the canonical form check() gives declared rows. */
export function liveRow(row: Row): { key: string; attrs: RowAttrs; id: string } {
  return {
    key: rowKey({ name: row.name.toLowerCase(), type: row.rdtype, rdata: canonicalRdata(row) }),
    attrs: rowAttrs({ ttl: row.ttl, comment: row.author_comment }),
    id: row.ID,
  };
}

/** A row of wedos.ZoneRecords' `records` as a program declares it (an empty comment left out). */
export const declaredRow = (key: string, a: RowAttrs) => ({ ...rowOfKey(key), ttl: a.ttl, ...(a.comment ? { comment: a.comment } : {}) });

/** Rows the service keeps itself (the zone's apex NS): never listed as unmanaged or removed. */
export const isKeptByService = (row: Row): boolean => row.name === "" && row.rdtype === "NS";
