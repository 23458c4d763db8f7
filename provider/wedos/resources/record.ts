/**
 * wedos.Record: one WAPI row, id "zone/rowId". Name, type, zone and comment cannot be updated by
 * WAPI, so they replace the row; ttl and rdata are updated in place. Every mutation is committed
 * (coalesced per zone) before the operation returns.
 */

import { z } from "zod";
import type { InputsOf, OutputsOf } from "../../descriptor";
import { createOnly, describeResource, replaces } from "../../descriptor";
import { isNotFound } from "../../http/errors";
import { forget, journaledCreate } from "../../journal";
import { typeError } from "../../resource";
import { defineWedosResource, type WedosContext } from "../context";
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
    "One row of a WEDOS zone. ttl and rdata are updated in place; name, type, domain and comment replace " +
    "the row, because WAPI cannot change them. Every change is committed (dns-domain-commit, coalesced per " +
    "zone) before the operation returns.",
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

/** Commits the zone (joining the other changes of the moment in one dns-domain-commit). */
const commit = (ctx: WedosContext, domain: string) => ctx.commits.committed(domain);

const journalKey = (ctx: WedosContext, r: Inputs) => `wedos|${ctx.client.account}|row|${r.domain}|${r.name}|${r.type}|${r.rdata}`;

/** Adds the row (or, with adopt, takes over the identical one), commits, and reads it back. */
async function createRow(ctx: WedosContext, inputs: Inputs, adopt: boolean): Promise<{ id: string; outs: Outputs }> {
  const { client } = ctx;
  // Is the row there already (another resource's, or from before)? Rows this process added in the
  // last seconds cannot be this one, so any recent listing answers, as concurrent creates share it.
  const existing = (await client.listRows(inputs.domain, { recent: true })).find((r) => sameRow(r, inputs));
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
    await client.addRow(inputs.domain, {
      name: inputs.name,
      type: inputs.type,
      ttl: inputs.ttl,
      rdata: inputs.rdata,
      comment: inputs.comment,
    });
  }
  // dns-row-add tells no ID: a listing finds it. Listing after the commit, the rows one commit
  // covers (the engine creates them together) ask at the same moment and share one listing.
  await commit(ctx, inputs.domain);
  const row = (await client.listRows(inputs.domain, { fresh: true })).find((r) => sameRow(r, inputs));
  if (!row)
    throw new Error(
      `WEDOS dns-row-add: row "${inputs.name}" ${inputs.type} of zone "${inputs.domain}" was accepted but is not listed; run \`pulumi refresh\` and retry`,
    );
  return { id: `${inputs.domain}/${row.ID}`, outs: outputsFromRow(inputs, row) };
}

export const recordResource = defineWedosResource(descriptor, {
  // A new row identical to the old one (only the comment changed) cannot be added next to it.
  deleteBeforeReplace: (olds, news) =>
    olds.domain === news.domain &&
    sameRow({ ID: "", name: olds.name, rdtype: olds.type, rdata: olds.rdata, ttl: 0, changed_date: "", author_comment: "" }, news),

  create: (ctx, inputs) => journaledCreate(journalKey(ctx, inputs), inputs.adopt, (adopt) => createRow(ctx, inputs, adopt)),

  async read({ client }, id, props) {
    const { domain, rowId } = splitId(id);
    const row = (await client.listRows(domain)).find((r) => r.ID === rowId);
    return row && outputsFromRow({ ...props, domain }, row);
  },

  async update(ctx, id, olds, news) {
    const { rowId } = splitId(id);
    if (olds.ttl !== news.ttl || olds.rdata !== news.rdata) {
      await ctx.client.updateRow(news.domain, rowId, news.ttl, news.rdata);
      await commit(ctx, news.domain);
      const row = (await ctx.client.listRows(news.domain, { fresh: true })).find((r) => r.ID === rowId);
      if (row) return outputsFromRow(news, row);
    }
    return { ...olds, ...news, rowId, fqdn: fqdn(news.name, news.domain) };
  },

  async delete(ctx, id, props) {
    const { domain, rowId } = splitId(id);
    forget(journalKey(ctx, props));
    await ctx.client.deleteRow(domain, rowId);
    try {
      await commit(ctx, domain);
    } catch (err) {
      // The zone itself is gone (deleted with the domain): nothing left to publish.
      if (!isNotFound(err)) throw err;
    }
  },
});
