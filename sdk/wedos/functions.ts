/** Data sources: read WEDOS DNS from a Pulumi program with the stack's wedos:* config. */
import { wedosContext } from "../../provider/wedos/context";
import { useProgramConfig } from "../config";

export interface WedosDomainInfo { name: string; type: string; status: string }
export interface WedosRowInfo { rowId: string; name: string; type: string; ttl: number; rdata: string; changedDate: string; comment: string }

/** Every zone of the account (dns-domains-list). */
export async function getDomains(): Promise<WedosDomainInfo[]> {
  useProgramConfig();
  return (await wedosContext().client.listDomains()).map((d) => ({ name: d.name, type: d.type, status: d.status }));
}

/** Every row of a zone (dns-rows-list); the apex name is "". */
export async function getRecords(domain: string): Promise<WedosRowInfo[]> {
  useProgramConfig();
  return (await wedosContext().client.listRows(domain)).map((r) => ({
    rowId: r.ID, name: r.name, type: r.rdtype, ttl: r.ttl, rdata: r.rdata, changedDate: r.changed_date, comment: r.author_comment,
  }));
}
