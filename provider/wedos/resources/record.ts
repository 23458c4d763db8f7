/**
 * wedos.Record: one WAPI row, id "zone/rowId". Name, type, zone and comment cannot be updated by
 * WAPI, so they replace the row; ttl and rdata are updated in place. Every mutation is committed
 * (coalesced per zone) before the operation returns.
 */
import { forget, journaled, wasInFlight } from "../../journal";
import { checkInputs, diffInputs, pick, type ResourceImpl } from "../../resource";
import { sameRow } from "../client";
import { wedosContext } from "../context";
import { WedosApiError } from "../errors";
import type { Row } from "../schemas";
import { RecordInputs } from "./inputs";

export interface RecordOutputs extends RecordInputs {
  rowId: string;
  fqdn: string;
  changedDate: string;
}

const INPUT_KEYS = ["domain", "name", "type", "ttl", "rdata", "comment", "adopt"] as const;
const REPLACE_KEYS = ["domain", "name", "type", "comment"];

export const fqdn = (name: string, domain: string) => (name ? `${name}.${domain}` : domain);

export function outputsFromRow(inputs: RecordInputs, row: Row): RecordOutputs {
  return {
    ...inputs,
    name: row.name.toLowerCase(),
    type: row.rdtype as RecordInputs["type"],
    ttl: row.ttl,
    rdata: row.rdata,
    rowId: row.ID,
    fqdn: fqdn(row.name.toLowerCase(), inputs.domain),
    changedDate: row.changed_date,
  };
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

const journalKey = (r: RecordInputs) => `wedos|${wedosContext().client.account}|row|${r.domain}|${r.name}|${r.type}|${r.rdata}`;

/** Adds the row (or, with adopt, takes over the identical one), commits, and reads it back. */
async function createRow(inputs: RecordInputs, adopt: boolean): Promise<{ id: string; outs: RecordOutputs }> {
  const { client, rows } = wedosContext();
  const existing = (await rows.get(inputs.domain)).find((r) => sameRow(r, inputs));
  if (existing && !adopt) {
    throw new WedosApiError(2316, "dns-row-add", `row "${inputs.name}" ${inputs.type} "${inputs.rdata}" of zone "${inputs.domain}" (row ${existing.ID})`, "this row exists", undefined);
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
  if (!row) throw new Error(`WEDOS dns-row-add: row "${inputs.name}" ${inputs.type} of zone "${inputs.domain}" was accepted but is not listed; run \`pulumi refresh\` and retry`);
  return { id: `${inputs.domain}/${row.ID}`, outs: outputsFromRow(inputs, row) };
}

export const recordImpl: ResourceImpl<RecordInputs, RecordOutputs> = {
  async check(_olds, news) {
    return checkInputs(RecordInputs, news, "wedos.Record");
  },

  async diff(_id, olds, news) {
    const d = diffInputs(INPUT_KEYS, REPLACE_KEYS, olds as unknown as Record<string, unknown>, news as unknown as Record<string, unknown>);
    const collides = d.replaces!.length > 0 && sameRow({ ID: "", name: olds.name, rdtype: olds.type, rdata: olds.rdata, ttl: 0, changed_date: "", author_comment: "" }, news) && olds.domain === news.domain;
    return { changes: d.changes, replaces: d.replaces, deleteBeforeReplace: collides };
  },

  async create(inputs) {
    const key = journalKey(inputs);
    const adopt = inputs.adopt || wasInFlight(key);
    return journaled(key, () => createRow(inputs, adopt));
  },

  async read(id, props) {
    const { domain, rowId } = splitId(id);
    let rows: Row[];
    try {
      rows = await wedosContext().rows.get(domain);
    } catch (err) {
      if (err instanceof WedosApiError && err.notFound) return {};
      throw err;
    }
    const row = rows.find((r) => r.ID === rowId);
    if (!row) return {};
    const outs = outputsFromRow({ ...props, domain }, row);
    return { id, props: outs, inputs: pick(outs as unknown as Record<string, unknown>, INPUT_KEYS) };
  },

  async update(id, olds, news) {
    const { rowId } = splitId(id);
    if (olds.ttl !== news.ttl || olds.rdata !== news.rdata) {
      await wedosContext().client.updateRow(news.domain, rowId, news.ttl, news.rdata);
      const done = performance.now();
      await commit(news.domain);
      const row = (await rowsAfter(news.domain, done)).find((r) => r.ID === rowId);
      if (row) return { outs: outputsFromRow(news, row) };
    }
    return { outs: { ...olds, ...news, rowId, fqdn: fqdn(news.name, news.domain) } };
  },

  async delete(id, props) {
    const { domain, rowId } = splitId(id);
    forget(journalKey(props));
    await wedosContext().client.deleteRow(domain, rowId);
    try {
      await commit(domain);
    } catch (err) {
      // The zone itself is gone (deleted with the domain): nothing left to publish.
      if (!(err instanceof WedosApiError && err.notFound)) throw err;
    }
  },
};
