/**
 * wedos.ZoneRecords: a set of rows of one zone as one resource, id = the zone. Every operation
 * lists the zone once and writes only the difference against what the zone holds now — rows added,
 * ttl updated in place (WAPI cannot change a comment: that row is deleted and added), rows no
 * longer declared deleted — then commits once (provider/zone/resource.ts, wedos/zone-api.ts).
 */

import { z } from "zod";
import { describeResource, replaces } from "../../descriptor";
import { typeError } from "../../resource";
import { notYetServedOutput, waitUntilServedInput } from "../../served/input";
import { keyedRecords } from "../../zone/keyed";
import { zoneRecordsParts } from "../../zone/resource";
import { defineWedosResource } from "../context";
import { type RowAttrs, rowAttrs, rowKey } from "../convert";
import { wedosZoneApi } from "../zone-api";
import { ZoneRow, zoneName } from "./inputs";

const RowAttrsSchema = z.object({ ttl: z.number().int(), comment: z.string().optional() });

const ZoneRecordsInputs = z
  .object({
    domain: replaces(
      zoneName("domain").describe('Zone whose rows this resource manages, e.g. "example.cz" (pass `zone.name` of a wedos.Domain).'),
    ),
    records: z
      .array(ZoneRow, { error: typeError("records", "a list of rows", 'records: [{ name: "www", type: "A", rdata: "192.0.2.10" }]') })
      .transform((rows, ctx) =>
        keyedRecords<ZoneRow, RowAttrs>(rows, ctx, { key: rowKey, attrs: rowAttrs, owner: (r) => r.name, type: (r) => r.type }),
      )
      .pipe(z.record(z.string(), RowAttrsSchema))
      .describe(
        "The rows: { name, type, ttl, rdata, comment } each, with the rules and defaults of wedos.Record (parseZoneFile() " +
          "output fits as it is; its SOA and apex NS are left out, WEDOS serves its own). A row is identified by " +
          "name, type and rdata; ttl and comment are its attributes. Rows already in the zone with the same identity " +
          "are adopted without a write.",
      ),
    exclusive: z
      .boolean({ error: typeError("exclusive", "a boolean", "exclusive: true") })
      .default(false)
      .describe(
        "Own the whole zone: rows nothing declares are deleted. They show as removals in the preview after `pulumi " +
          "refresh` (or `pulumi up --refresh`), and an update deletes only what its preview showed. Default false: " +
          "other rows are left alone and listed in `unmanaged`.",
      ),
    waitUntilServed: waitUntilServedInput("wedos"),
  })
  .strict();
export type ZoneRecordsInputs = z.output<typeof ZoneRecordsInputs>;

const descriptor = describeResource({
  api: "wedos",
  type: "ZoneRecords",
  description:
    "A set of rows of one WEDOS zone as one resource — a list or a BIND zone file (parseZoneFile). Each operation " +
    "lists the zone once, writes only the difference (rows added, ttl updated in place, rows deleted) and " +
    "commits once. With exclusive: true it owns the whole zone.",
  noun: "resource",
  idFormat: "the zone name",
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
        'The rows as stored, keyed by identity ("www A 192.0.2.10"), each with its WAPI rowId; after a refresh ' +
          "of an exclusive resource also the undeclared rows (unmanaged: true), which the next update deletes.",
      ),
    unmanaged: z.array(z.string()).describe("Rows in the zone that nothing here declares, by identity (never the zone's own apex NS)."),
    recordCount: z.number().int().describe("Number of declared rows."),
    notYetServed: notYetServedOutput(),
  }),
});

export const zoneRecordsResource = defineWedosResource(descriptor, zoneRecordsParts(wedosZoneApi, "domain", "rowId"));
