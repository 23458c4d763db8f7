/**
 * The dnspod resources as declared once (see provider/descriptor.ts): their input schemas
 * (inputs.ts), the outputs they add, what forces replacement and their ids. schema.json, the
 * README reference and the SDK classes in sdk/dnspod/ are generated from these.
 */
import { z } from "zod";
import { describeResource } from "../../descriptor";
import { DNSPOD_TYPES } from "../convert";
import { AliasInputs, DomainInputs, GroupInputs, LockInputs, RecordInputs, ShareInputs, ZoneRecordsInputs } from "./inputs";

export const DomainResource = describeResource({
  module: "dnspod",
  type: "Domain",
  file: "domain",
  description:
    "A domain at DNSPod (Domain.Create). Group, mark, remark, status and search-engine push are updated in place through their own actions.",
  id: "the DNSPod domain id",
  idExample: "1992403",
  inputs: DomainInputs,
  outputs: z.object({
    punycode: z.string().describe("The domain in punycode."),
    grade: z.string().describe('Service grade, e.g. "DP_Free"; it sets the minimum TTL and the record types and lines allowed.'),
    ttl: z.number().int().describe("The domain's default TTL."),
    owner: z.string().describe("E-mail of the owning account."),
    recordCount: z.number().int().describe("Number of records, system NS records included."),
  }),
  replaceOnChange: ["domain"],
  createOnly: ["adopt"],
});

export const RecordResource = describeResource({
  module: "dnspod",
  type: "Record",
  file: "record",
  description:
    "A DNSPod record. Every field is updated in place (Record.Modify, Record.Status, Record.Remark), only when it changed. Writes fail while a DomainLock holds the domain.",
  id: '"domainId/recordId"',
  idExample: "1992403/451217",
  inputs: RecordInputs,
  outputs: z.object({
    recordId: z.string().describe("DNSPod record id."),
    updatedOn: z.string().describe("When DNSPod last changed the record."),
  }),
  replaceOnChange: ["domainId"],
  createOnly: ["adopt"],
  sdkEnums: { recordType: ["RecordType", DNSPOD_TYPES] },
});

export const ShareResource = describeResource({
  module: "dnspod",
  type: "DomainShare",
  file: "share",
  description: "Shares a domain (or one subdomain of it) with another DNSPod account (Domainshare.Create/Modify/Remove).",
  id: '"domainId/email[/subDomain]"',
  idExample: "1992403/colleague@example.com",
  inputs: ShareInputs,
  outputs: z.object({ status: z.string().describe('Share status as DNSPod reports it, e.g. "enabled".') }),
  replaceOnChange: ["domainId", "email"],
  createOnly: ["adopt"],
});

export const AliasResource = describeResource({
  module: "dnspod",
  type: "DomainAlias",
  file: "alias",
  description: "Another domain name answering with this domain's records (Domainalias.Create/Remove).",
  id: '"domainId/aliasId"',
  idExample: "1992403/8822",
  inputs: AliasInputs,
  outputs: z.object({ aliasId: z.string().describe("DNSPod alias id.") }),
  replaceOnChange: ["domainId", "domain"],
  createOnly: ["adopt"],
});

export const GroupResource = describeResource({
  module: "dnspod",
  type: "DomainGroup",
  file: "group",
  description: "A custom domain group (Domaingroup.Create/Modify/Remove); DNSPod allows custom groups on VIP accounts only.",
  id: "the group id",
  idExample: "9001",
  inputs: GroupInputs,
  outputs: z.object({ groupId: z.string().describe("DNSPod group id, for dnspod.Domain's groupId.") }),
  replaceOnChange: [],
  createOnly: ["adopt"],
});

export const LockResource = describeResource({
  module: "dnspod",
  type: "DomainLock",
  file: "lock",
  description:
    "Locks a domain for a number of days (Domain.Lock); while it holds, DNSPod refuses record writes and removal of the domain. Read through Domain.Lockstatus (an expired lock is gone); deleting the resource unlocks with the stored code.",
  id: "the domain id",
  idExample: "1992403",
  inputs: LockInputs,
  outputs: z.object({
    lockCode: z.string().describe("The unlock code; stored as a secret (additionalSecretOutputs)."),
    lockEnd: z.string().describe('Last day of the lock, "YYYY-MM-DD".'),
  }),
  replaceOnChange: ["domainId", "days"],
  secretOutputs: ["lockCode"],
});

export const ZoneRecordsResource = describeResource({
  module: "dnspod",
  type: "ZoneRecords",
  file: "zone-records",
  description:
    "A set of records of one DNSPod domain as one resource — a list or a BIND zone file (dnspod.fromZoneFile(parseZoneFile(…))). Each operation lists the domain once (paged) and writes only the difference: records created, changed in place (Record.Modify, Record.Status, Record.Remark) or removed. With exclusive: true it owns the whole domain.",
  id: "the DNSPod domain id",
  idExample: "1992403",
  inputs: ZoneRecordsInputs,
  outputs: z.object({
    records: z
      .record(
        z.string(),
        z.object({
          ttl: z.number().int().describe("Time to live in seconds."),
          mx: z.number().int().optional().describe("MX priority (MX records only)."),
          status: z.literal("disable").optional().describe('"disable" for a disabled record; absent when enabled.'),
          remark: z.string().optional().describe("The record's remark, when it has one."),
          recordId: z.string().describe("DNSPod record id."),
          unmanaged: z
            .boolean()
            .optional()
            .describe("A record nothing declares, seen by a refresh of an exclusive resource; the next update deletes it."),
        }),
      )
      .describe(
        'The records as stored, keyed by identity ("www A 192.0.2.10", "www A@US 192.0.2.10" on another line), each with its DNSPod recordId; after a refresh of an exclusive resource also the undeclared records (unmanaged: true), which the next update deletes.',
      ),
    unmanaged: z
      .array(z.string())
      .describe("Records in the domain that nothing here declares, by identity (never DNSPod's own NS records)."),
    recordCount: z.number().int().describe("Number of declared records."),
  }),
  replaceOnChange: ["domainId"],
});

export const DNSPOD_RESOURCES = [
  DomainResource,
  RecordResource,
  ShareResource,
  AliasResource,
  GroupResource,
  LockResource,
  ZoneRecordsResource,
] as const;
