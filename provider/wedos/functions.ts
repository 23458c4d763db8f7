/**
 * The wedos lookup functions, read with the configured credentials: the SDK's data-source
 * functions (sdk/wedos/functions.ts) and the plugin's invokes (wedos:index:getDomains, …) both call
 * these. The zod schemas are their result types and the source of the package schema's types.
 */
import { z } from "zod";
import { wedosContext } from "./context";

export const WedosDomainInfo = z.object({
  name: z.string().describe("Zone name."),
  type: z.string().describe("primary or secondary."),
  status: z.string().describe('Zone status as WEDOS reports it, e.g. "active".'),
});
export type WedosDomainInfo = z.infer<typeof WedosDomainInfo>;

export const WedosRowInfo = z.object({
  rowId: z.string().describe("WAPI row ID."),
  name: z.string().describe('Row name relative to the zone; "" is the apex.'),
  type: z.string().describe("Record type."),
  ttl: z.number().int().describe("Time to live in seconds."),
  rdata: z.string().describe("Record data as WAPI stores it."),
  changedDate: z.string().describe("When WEDOS last changed the row."),
  comment: z.string().describe("Author comment stored with the row."),
});
export type WedosRowInfo = z.infer<typeof WedosRowInfo>;

/** Every zone of the account (dns-domains-list). */
export async function getDomains(): Promise<WedosDomainInfo[]> {
  return (await wedosContext().client.listDomains()).map((d) => ({ name: d.name, type: d.type, status: d.status }));
}

/** Every row of a zone (dns-rows-list); the apex name is "". */
export async function getRecords(domain: string): Promise<WedosRowInfo[]> {
  return (await wedosContext().client.listRows(domain)).map((r) => ({
    rowId: r.ID,
    name: r.name,
    type: r.rdtype,
    ttl: r.ttl,
    rdata: r.rdata,
    changedDate: r.changed_date,
    comment: r.author_comment,
  }));
}
