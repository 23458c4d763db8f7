/**
 * What schema.json and the README reference are generated from: each resource's zod input
 * schema (the same one check() uses) plus a description of every output it adds.
 */
import type { z } from "zod";
import * as D from "../dnspod/resources/inputs";
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
  {
    module: "dnspod",
    type: "Domain",
    description: "A domain at DNSPod (Domain.Create). Group, mark, remark, status and search-engine push are updated in place through their own actions.",
    id: "the DNSPod domain id",
    inputs: D.DomainInputs,
    outputs: {
      punycode: { type: "string", description: "The domain in punycode." },
      grade: { type: "string", description: "Service grade, e.g. \"DP_Free\"; it sets the minimum TTL and the record types and lines allowed." },
      ttl: { type: "integer", description: "The domain's default TTL." },
      owner: { type: "string", description: "E-mail of the owning account." },
      recordCount: { type: "integer", description: "Number of records, system NS records included." },
    },
  },
  {
    module: "dnspod",
    type: "Record",
    description: "A DNSPod record. Every field is updated in place (Record.Modify, Record.Status, Record.Remark), only when it changed. Writes fail while a DomainLock holds the domain.",
    id: "\"domainId/recordId\"",
    inputs: D.RecordInputs,
    outputs: {
      recordId: { type: "string", description: "DNSPod record id." },
      updatedOn: { type: "string", description: "When DNSPod last changed the record." },
    },
  },
  {
    module: "dnspod",
    type: "DomainShare",
    description: "Shares a domain (or one subdomain of it) with another DNSPod account (Domainshare.Create/Modify/Remove).",
    id: "\"domainId/email[/subDomain]\"",
    inputs: D.ShareInputs,
    outputs: { status: { type: "string", description: "Share status as DNSPod reports it, e.g. \"enabled\"." } },
  },
  {
    module: "dnspod",
    type: "DomainAlias",
    description: "Another domain name answering with this domain's records (Domainalias.Create/Remove).",
    id: "\"domainId/aliasId\"",
    inputs: D.AliasInputs,
    outputs: { aliasId: { type: "string", description: "DNSPod alias id." } },
  },
  {
    module: "dnspod",
    type: "DomainGroup",
    description: "A custom domain group (Domaingroup.Create/Modify/Remove); DNSPod allows custom groups on VIP accounts only.",
    id: "the group id",
    inputs: D.GroupInputs,
    outputs: { groupId: { type: "string", description: "DNSPod group id, for dnspod.Domain's groupId." } },
  },
  {
    module: "dnspod",
    type: "DomainLock",
    description: "Locks a domain for a number of days (Domain.Lock); while it holds, DNSPod refuses record writes and removal of the domain. Read through Domain.Lockstatus (an expired lock is gone); deleting the resource unlocks with the stored code.",
    id: "the domain id",
    inputs: D.LockInputs,
    outputs: {
      lockCode: { type: "string", secret: true, description: "The unlock code; stored as a secret (additionalSecretOutputs)." },
      lockEnd: { type: "string", description: "Last day of the lock, \"YYYY-MM-DD\"." },
    },
  },
];

export function registerResource(doc: ResourceDoc): void {
  if (!RESOURCES.some((r) => r.module === doc.module && r.type === doc.type)) RESOURCES.push(doc);
}
