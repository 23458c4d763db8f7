/**
 * wedos.Record: one WAPI row, id "zone/rowId". Name, type, zone and comment cannot be updated by
 * WAPI, so they replace the row; ttl and rdata are updated in place. Every mutation is committed
 * (coalesced per zone) before the operation returns.
 */

import { z } from "zod";
import { defineResource } from "../../define";
import type { InputsOf, OutputsOf } from "../../descriptor";
import { createOnly, describeResource, replaces } from "../../descriptor";
import { isNotFound } from "../../http/errors";
import { forget, journaledCreate } from "../../journal";
import { typeError } from "../../resource";
import { wedosContext } from "../context";
import { fqdn, fromRow, sameRow } from "../convert";
import { WedosApiError } from "../errors";
import type { Row } from "../schemas";
import { ROW_FIELDS, refineRow, WEDOS_TYPES, zoneName } from "./inputs";

const RecordInputs = z
  .object({
    domain: replaces(
      zoneName("domain").describe(
        'Zone the row belongs to, e.g. "example.cz" (pass `zone.name` of a wedos.Domain so a recreated zone recreates its rows).',
      ),
    ),
    ...ROW_FIELDS,
    comment: replaces(ROW_FIELDS.comment),
    type: replaces(ROW_FIELDS.type),
    name: replaces(ROW_FIELDS.name),
    adopt: createOnly(
      z
        .boolean({ error: typeError("adopt", "a boolean", "adopt: true") })
        .default(false)
        .describe(
          "Take over an identical existing row (same name, type and rdata) instead of failing; the way to bring existing DNS under management.",
        ),
    ),
  })
  .strict()
  .superRefine((r, ctx) => refineRow(r, ctx, "wedos.Record"));
export type RecordInputs = z.infer<typeof RecordInputs>;

const descriptor = describeResource({
  api: "wedos",
  type: "Record",
  description:
    "One row of a WEDOS zone. ttl and rdata are updated in place; name, type, domain and comment replace the row, because WAPI cannot change them. Every change is committed (dns-domain-commit, coalesced per zone) before the operation returns.",
  noun: "row",
  idFormat: '"zone/rowId"',
  idExample: "example.cz/123456",
  inputs: RecordInputs,
  outputs: z.object({
    rowId: z.string().describe("WAPI row ID."),
    fqdn: z.string().describe('Fully qualified name, e.g. "www.example.cz".'),
    changedDate: z.string().describe("When WEDOS last changed the row."),
  }),
  sdkEnums: { type: ["RecordType", WEDOS_TYPES] },
});

type Inputs = InputsOf<typeof descriptor>;
type Outputs = OutputsOf<typeof descriptor>;

function outputsFromRow(inputs: Inputs, row: Row): Outputs {
  return { ...inputs, ...fromRow(row, inputs.domain), type: row.rdtype as Inputs["type"] };
}

function splitId(id: string): { domain: string; rowId: string } {
  const i = id.lastIndexOf("/");
  return { domain: id.slice(0, i), rowId: id.slice(i + 1) };
}

/** Lists the zone with a listing that started after `since`, shared by concurrent callers. */
async function rowsAfter(domain: string, since: number): Promise<Row[]> {
  return wedosContext().rows.get(domain, since);
}

async function commit(domain: string): Promise<void> {
  const { commits, rows } = wedosContext();
  rows.invalidate(domain);
  await commits.committed(domain);
}

const journalKey = (r: Inputs) => `wedos|${wedosContext().client.account}|row|${r.domain}|${r.name}|${r.type}|${r.rdata}`;

/** Adds the row (or, with adopt, takes over the identical one), commits, and reads it back. */
async function createRow(inputs: Inputs, adopt: boolean): Promise<{ id: string; outs: Outputs }> {
  const { client, rows } = wedosContext();
  const existing = (await rows.get(inputs.domain)).find((r) => sameRow(r, inputs));
  if (existing && !adopt) {
    throw new WedosApiError(
      2316,
      "dns-row-add",
      `row "${inputs.name}" ${inputs.type} "${inputs.rdata}" of zone "${inputs.domain}" (row ${existing.ID})`,
      "this row exists",
      undefined,
    );
  }
  if (existing) {
    if (existing.ttl !== inputs.ttl) await client.updateRow(inputs.domain, existing.ID, inputs.ttl, inputs.rdata);
  } else {
    await client.addRow(
      inputs.domain,
      { name: inputs.name, type: inputs.type, ttl: inputs.ttl, rdata: inputs.rdata, comment: inputs.comment },
      async () => (await rowsAfter(inputs.domain, performance.now())).some((r) => sameRow(r, inputs)),
    );
  }
  const done = performance.now();
  // The commit and the listing that finds the new ID only need the add to be done: run both.
  const [, listed] = await Promise.all([commit(inputs.domain), rowsAfter(inputs.domain, done)]);
  const row = listed.find((r) => sameRow(r, inputs));
  if (!row)
    throw new Error(
      `WEDOS dns-row-add: row "${inputs.name}" ${inputs.type} of zone "${inputs.domain}" was accepted but is not listed; run \`pulumi refresh\` and retry`,
    );
  return { id: `${inputs.domain}/${row.ID}`, outs: outputsFromRow(inputs, row) };
}

export const recordResource = defineResource(descriptor, {
  // A new row identical to the old one (only the comment changed) cannot be added next to it.
  deleteBeforeReplace: (olds, news) =>
    olds.domain === news.domain &&
    sameRow({ ID: "", name: olds.name, rdtype: olds.type, rdata: olds.rdata, ttl: 0, changed_date: "", author_comment: "" }, news),

  create: (inputs) => journaledCreate(journalKey(inputs), inputs.adopt, (adopt) => createRow(inputs, adopt)),

  async read(id, props) {
    const { domain, rowId } = splitId(id);
    const row = (await wedosContext().rows.get(domain)).find((r) => r.ID === rowId);
    return row && outputsFromRow({ ...props, domain }, row);
  },

  async update(id, olds, news) {
    const { rowId } = splitId(id);
    if (olds.ttl !== news.ttl || olds.rdata !== news.rdata) {
      await wedosContext().client.updateRow(news.domain, rowId, news.ttl, news.rdata);
      const done = performance.now();
      await commit(news.domain);
      const row = (await rowsAfter(news.domain, done)).find((r) => r.ID === rowId);
      if (row) return outputsFromRow(news, row);
    }
    return { ...olds, ...news, rowId, fqdn: fqdn(news.name, news.domain) };
  },

  async delete(id, props) {
    const { domain, rowId } = splitId(id);
    forget(journalKey(props));
    await wedosContext().client.deleteRow(domain, rowId);
    try {
      await commit(domain);
    } catch (err) {
      // The zone itself is gone (deleted with the domain): nothing left to publish.
      if (!isNotFound(err)) throw err;
    }
  },
});
