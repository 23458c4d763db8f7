/**
 * dnspod.ZoneRecords: a set of records of one domain as one resource, id = the domain id. Every
 * operation lists the domain once (paged) and writes only the difference against what it holds
 * now — records created, changed in place, removed (provider/zone/resource.ts, dnspod/zone-api.ts).
 */

import { z } from "zod";
import { describeResource, replaces } from "../../descriptor";
import { typeError } from "../../resource";
import { notYetServedOutput, waitUntilServedInput } from "../../served/input";
import { keyedRecords } from "../../zone/keyed";
import { zoneRecordsParts } from "../../zone/resource";
import { defineDnspodResource } from "../context";
import { type RecordAttrs, recordAttrs, recordKey } from "../convert";
import { dnspodZoneApi } from "../zone-api";
import { bool, dnspodId, ZoneRecord } from "./inputs";

const RecordAttrsSchema = z.object({
  ttl: z.number().int(),
  mx: z.number().int().optional(),
  status: z.literal("disable").optional(),
  remark: z.string().optional(),
});

const ZoneRecordsInputs = z
  .object({
    domainId: replaces(
      dnspodId("domainId").describe("Id of the domain whose records this resource manages (`domain.id` of a dnspod.Domain)."),
    ),
    records: z
      .array(ZoneRecord, {
        error: typeError("records", "a list of records", 'records: [{ subDomain: "www", recordType: "A", value: "192.0.2.10" }]'),
      })
      .transform((list, ctx) =>
        keyedRecords<ZoneRecord, RecordAttrs>(list, ctx, {
          key: recordKey,
          attrs: recordAttrs,
          owner: (r) => `${r.subDomain} ${r.recordLine}`,
          type: (r) => r.recordType,
        }),
      )
      .pipe(z.record(z.string(), RecordAttrsSchema))
      .describe(
        "The records: { subDomain, recordType, value, recordLine, mx, ttl, status, remark } each, with the rules " +
          "and defaults of dnspod.Record (dnspod.fromZoneFile(parseZoneFile(…)) fits; SOA and apex NS are left " +
          "out, DNSPod serves its own). A record is identified by subDomain, type, line and value; ttl, mx, status " +
          "and remark are its attributes, changed in place. Records already in the domain with the same identity " +
          "are adopted without a write.",
      ),
    exclusive: bool("exclusive")
      .default(false)
      .describe(
        "Own the whole domain: records nothing declares are deleted (never DNSPod's own NS records). They show " +
          "as removals in the preview after `pulumi refresh` (or `pulumi up --refresh`), and an update deletes " +
          "only what its preview showed. Default false: other records are left alone and listed in `unmanaged`.",
      ),
    waitUntilServed: waitUntilServedInput("dnspod"),
  })
  .strict();
export type ZoneRecordsInputs = z.output<typeof ZoneRecordsInputs>;

const descriptor = describeResource({
  api: "dnspod",
  type: "ZoneRecords",
  description:
    "A set of records of one DNSPod domain as one resource — a list or a BIND zone file (dnspod.fromZoneFile(parseZoneFile(…))). " +
    "Each operation lists the domain once (paged) and writes only the difference: records created, changed " +
    "in place (Record.Modify, Record.Status, Record.Remark) or removed. With exclusive: true it owns the " +
    "whole domain.",
  noun: "resource",
  idFormat: "the DNSPod domain id",
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
        'The records as stored, keyed by identity ("www A 192.0.2.10", "www A@US 192.0.2.10" on another line), ' +
          "each with its DNSPod recordId; after a refresh of an exclusive resource also the undeclared records " +
          "(unmanaged: true), which the next update deletes.",
      ),
    unmanaged: z
      .array(z.string())
      .describe("Records in the domain that nothing here declares, by identity (never DNSPod's own NS records)."),
    recordCount: z.number().int().describe("Number of declared records."),
    notYetServed: notYetServedOutput(),
  }),
});

export const zoneRecordsResource = defineDnspodResource(descriptor, zoneRecordsParts(dnspodZoneApi, "domainId", "recordId"));
