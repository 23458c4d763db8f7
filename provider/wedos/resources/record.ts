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
import { changeOfMarker, mergeChanges, NO_CHANGE } from "../../served/change";
import { notYetServedOutput, waitUntilServedInput } from "../../served/input";
import { servedDeleted, servedOutputs, waitForChange, waitsFor } from "../../served/operation";
import { defineWedosResource, type WedosContext } from "../context";
import { fqdn, fromRow, sameRow } from "../convert";
import { WedosApiError } from "../errors";
import type { Row } from "../schemas";
import { servedRow, wedosTarget } from "../served";
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
    waitUntilServed: waitUntilServedInput("wedos"),
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
    notYetServed: notYetServedOutput(),
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

/** ttl and rdata in place (dns-row-update), committed; the row as listed afterwards. */
async function updateRow(ctx: WedosContext, id: string, olds: Outputs, news: Inputs, wrote: boolean): Promise<Outputs> {
  const { rowId } = splitId(id);
  if (wrote) {
    await ctx.client.updateRow(news.domain, rowId, news.ttl, news.rdata);
    await commit(ctx, news.domain);
    const row = (await ctx.client.listRows(news.domain, { fresh: true })).find((r) => r.ID === rowId);
    if (row) return outputsFromRow(news, row);
  }
  return { ...olds, ...news, rowId, fqdn: fqdn(news.name, news.domain) };
}

export const recordResource = defineWedosResource(descriptor, {
  // A wait for the nameservers that timed out: the next up asks again (README "Served DNS").
  unfinished: (olds, news) => (olds.notYetServed?.length && waitsFor("wedos", news.waitUntilServed) ? "notYetServed" : undefined),

  // A new row identical to the old one (only the comment changed) cannot be added next to it.
  deleteBeforeReplace: (olds, news) =>
    olds.domain === news.domain &&
    sameRow({ ID: "", name: olds.name, rdtype: olds.type, rdata: olds.rdata, ttl: 0, changed_date: "", author_comment: "" }, news),

  async create(ctx, inputs) {
    const { id, outs } = await journaledCreate(journalKey(ctx, inputs), inputs.adopt, (adopt) => createRow(ctx, inputs, adopt));
    if (!waitsFor("wedos", inputs.waitUntilServed)) return { id, outs };
    const outcome = await waitForChange(wedosTarget(ctx, inputs.domain), { present: [servedRow(inputs.domain, inputs)], absent: [] });
    return { id, outs: servedOutputs("create", id, outs, outcome) };
  },

  async read({ client }, id, props) {
    const { domain, rowId } = splitId(id);
    const row = (await client.listRows(domain)).find((r) => r.ID === rowId);
    return row && outputsFromRow({ ...props, domain }, row);
  },

  async update(ctx, id, olds, news) {
    const wrote = olds.ttl !== news.ttl || olds.rdata !== news.rdata;
    const outs = await updateRow(ctx, id, olds, news, wrote);
    if (!waitsFor("wedos", news.waitUntilServed)) return servedOutputs("update", id, outs, { served: true });
    // What this update wrote, and what an earlier wait left unconfirmed (written then, not again now).
    const change = wrote ? { present: [servedRow(news.domain, news)], absent: [servedRow(olds.domain, olds)] } : NO_CHANGE;
    const all = mergeChanges(changeOfMarker(olds.notYetServed), change);
    return servedOutputs("update", id, outs, await waitForChange(wedosTarget(ctx, news.domain), all));
  },

  async delete(ctx, id, props) {
    const { domain, rowId } = splitId(id);
    forget(journalKey(ctx, props));
    const wait = waitsFor("wedos", props.waitUntilServed);
    // A delete whose wait timed out runs again: the row is gone, and a second dns-row-delete of it
    // would be an invalid request to WAPI, so only the wait runs again.
    if (wait && !(await ctx.client.listRows(domain)).some((r) => r.ID === rowId)) {
      servedDeleted(await waitForChange(wedosTarget(ctx, domain), { present: [], absent: [servedRow(domain, props)] }));
      return;
    }
    await ctx.client.deleteRow(domain, rowId);
    try {
      await commit(ctx, domain);
    } catch (err) {
      // The zone itself is gone (deleted with the domain): nothing left to publish, nothing served.
      if (!isNotFound(err)) throw err;
      return;
    }
    if (wait) servedDeleted(await waitForChange(wedosTarget(ctx, domain), { present: [], absent: [servedRow(domain, props)] }));
  },
});
