/**
 * What schema.json and the README reference are generated from: each resource's zod input
 * schema (the same one check() uses) plus a description of every output it adds.
 */
import type { z } from "zod";
import { DomainInputs, KeysetInputs, RecordInputs } from "../wedos/resources/inputs";

export interface OutputDoc { type: "string" | "integer" | "boolean" | "array"; items?: "string"; secret?: boolean; description: string }
export interface ResourceDoc {
  module: "wedos" | "dnspod";
  type: string;
  description: string;
  id: string;
  inputs: z.ZodType;
  outputs: Record<string, OutputDoc>;
}

export const RESOURCES: ResourceDoc[] = [
  {
    module: "wedos",
    type: "Domain",
    description: "A zone in WEDOS DNS (dns-domain-add / dns-domain-copy). Changes WAPI cannot apply in place are refused unless allowRecreate is set.",
    id: "the zone name",
    inputs: DomainInputs,
    outputs: {
      status: { type: "string", description: "Zone status as WEDOS reports it, e.g. \"active\"." },
      serial: { type: "string", description: "SOA serial; grows with every commit that publishes changes." },
      rname: { type: "string", description: "SOA responsible-person mailbox." },
      refresh: { type: "integer", description: "SOA refresh in seconds." },
      retry: { type: "integer", description: "SOA retry in seconds." },
      expire: { type: "integer", description: "SOA expire in seconds." },
      minimum: { type: "integer", description: "SOA minimum (negative-caching TTL) in seconds." },
      nameservers: { type: "array", items: "string", description: "Name servers that serve the zone." },
      axfrNextRun: { type: "string", description: "Secondary zones: when WEDOS will run the transfer asked for by axfrRunTrigger." },
    },
  },
  {
    module: "wedos",
    type: "Record",
    description: "One row of a WEDOS zone. ttl and rdata are updated in place; name, type, domain and comment replace the row, because WAPI cannot change them. Every change is committed (dns-domain-commit, coalesced per zone) before the operation returns.",
    id: "\"zone/rowId\"",
    inputs: RecordInputs,
    outputs: {
      rowId: { type: "string", description: "WAPI row ID." },
      fqdn: { type: "string", description: "Fully qualified name, e.g. \"www.example.cz\"." },
      changedDate: { type: "string", description: "When WEDOS last changed the row." },
    },
  },
  {
    module: "wedos",
    type: "DnssecKeyset",
    description: "DNSSEC KEYSET of a WEDOS zone (dns-domain-update-keyset). Deleting the resource sets keyset 0 (DNSSEC off). WAPI cannot read the keyset back, so only the zone's disappearance is detected on refresh.",
    id: "the zone name",
    inputs: KeysetInputs,
    outputs: {},
  },
];

export function registerResource(doc: ResourceDoc): void {
  if (!RESOURCES.some((r) => r.module === doc.module && r.type === doc.type)) RESOURCES.push(doc);
}
