/**
 * The wedos resources as declared once (see provider/descriptor.ts): their input schemas
 * (inputs.ts), the outputs they add, what forces replacement and their ids. schema.json, the
 * README reference and the SDK classes in sdk/wedos/ are generated from these.
 */
import { z } from "zod";
import { describeResource } from "../../descriptor";
import { DomainInputs, KeysetInputs, RecordInputs, WEDOS_TYPES, ZoneRecordsInputs } from "./inputs";

export const DomainResource = describeResource({
  module: "wedos",
  type: "Domain",
  file: "domain",
  description:
    "A zone in WEDOS DNS (dns-domain-add / dns-domain-copy). Changes WAPI cannot apply in place are refused unless allowRecreate is set.",
  id: "the zone name",
  idExample: "example.cz",
  inputs: DomainInputs,
  outputs: z.object({
    status: z.string().describe('Zone status as WEDOS reports it, e.g. "active".'),
    serial: z.string().describe("SOA serial; grows with every commit that publishes changes."),
    rname: z.string().describe("SOA responsible-person mailbox."),
    refresh: z.number().int().describe("SOA refresh in seconds."),
    retry: z.number().int().describe("SOA retry in seconds."),
    expire: z.number().int().describe("SOA expire in seconds."),
    minimum: z.number().int().describe("SOA minimum (negative-caching TTL) in seconds."),
    nameservers: z.array(z.string()).describe("Name servers that serve the zone."),
    axfrNextRun: z.string().optional().describe("Secondary zones: when WEDOS will run the transfer asked for by axfrRunTrigger."),
  }),
  // The same name with other settings is a re-created zone: see allowRecreate.
  replaceOnChange: ["name", "type", "primaryIp", "axfrEnabled", "axfrIps"],
  createOnly: ["copyFrom", "adopt"],
});

export const RecordResource = describeResource({
  module: "wedos",
  type: "Record",
  file: "record",
  description:
    "One row of a WEDOS zone. ttl and rdata are updated in place; name, type, domain and comment replace the row, because WAPI cannot change them. Every change is committed (dns-domain-commit, coalesced per zone) before the operation returns.",
  id: '"zone/rowId"',
  idExample: "example.cz/123456",
  inputs: RecordInputs,
  outputs: z.object({
    rowId: z.string().describe("WAPI row ID."),
    fqdn: z.string().describe('Fully qualified name, e.g. "www.example.cz".'),
    changedDate: z.string().describe("When WEDOS last changed the row."),
  }),
  replaceOnChange: ["domain", "name", "type", "comment"],
  createOnly: ["adopt"],
  sdkEnums: { type: ["RecordType", WEDOS_TYPES] },
});

export const KeysetResource = describeResource({
  module: "wedos",
  type: "DnssecKeyset",
  file: "keyset",
  description:
    "DNSSEC KEYSET of a WEDOS zone (dns-domain-update-keyset). Deleting the resource sets keyset 0 (DNSSEC off). WAPI cannot read the keyset back, so only the zone's disappearance is detected on refresh.",
  id: "the zone name",
  idExample: "example.cz",
  inputs: KeysetInputs,
  outputs: z.object({}),
  replaceOnChange: ["domain"],
});

export const ZoneRecordsResource = describeResource({
  module: "wedos",
  type: "ZoneRecords",
  file: "zone-records",
  description:
    "A set of rows of one WEDOS zone as one resource — a list or a BIND zone file (parseZoneFile). Each operation lists the zone once, writes only the difference (rows added, ttl updated in place, rows deleted) and commits once. With exclusive: true it owns the whole zone.",
  id: "the zone name",
  idExample: "example.cz",
  inputs: ZoneRecordsInputs,
  outputs: z.object({
    records: z
      .record(
        z.string(),
        z.object({
          ttl: z.number().int().describe("Time to live in seconds."),
          comment: z.string().optional().describe("Author comment, when the row has one."),
          rowId: z.string().describe("WAPI row ID."),
          unmanaged: z
            .boolean()
            .optional()
            .describe("A row nothing declares, seen by a refresh of an exclusive resource; the next update deletes it."),
        }),
      )
      .describe(
        'The rows as stored, keyed by identity ("www A 192.0.2.10"), each with its WAPI rowId; after a refresh of an exclusive resource also the undeclared rows (unmanaged: true), which the next update deletes.',
      ),
    unmanaged: z.array(z.string()).describe("Rows in the zone that nothing here declares, by identity (never the zone's own apex NS)."),
    recordCount: z.number().int().describe("Number of declared rows."),
  }),
  replaceOnChange: ["domain"],
});

export const WEDOS_RESOURCES = [DomainResource, RecordResource, KeysetResource, ZoneRecordsResource] as const;
