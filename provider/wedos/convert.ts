/**
 * Pure conversions between resource properties and WAPI's wire forms, both ways. Names are relative
 * to the zone with "" for the apex; WAPI lower-cases nothing, so comparisons of names ignore case.
 */
import type { DomainInfo, Row } from "./schemas";

export interface NewRow { name: string; type: string; ttl: number; rdata: string; comment?: string }
export interface NewDomain { name: string; type: "primary" | "secondary"; primaryIp?: string | undefined; axfrEnabled?: boolean; axfrIps?: string[] }

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

/** What a row says about the properties of a wedos.Record. */
export function fromRow(row: Row, domain: string) {
  const name = row.name.toLowerCase();
  return { name, type: row.rdtype, ttl: row.ttl, rdata: row.rdata, rowId: row.ID, fqdn: fqdn(name, domain), changedDate: row.changed_date };
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
