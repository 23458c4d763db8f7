/**
 * dnspod.Record: one record of a DNSPod domain, id "domainId/recordId". Everything but the domain
 * is updated in place, each through the one action that changes it: Record.Modify for the record
 * itself, Record.Status for enable/disable, Record.Remark for the note. A no-op update sends
 * nothing (DNSPod counts modifications that change nothing as abuse).
 */
import { forget, journaled, wasInFlight } from "../../journal";
import { checkInputs, diffInputs, pick, sameValue, type ResourceImpl } from "../../resource";
import { dnspodContext } from "../context";
import { fromRecordRow, sameRecord, toRecordWrite, type RecordState } from "../convert";
import { isExists, isNotFound } from "../errors";
import type { RecordRow } from "../schemas";
import { RecordInputs } from "./inputs";

export interface RecordOutputs extends RecordInputs {
  recordId: string;
  updatedOn: string;
}

const INPUT_KEYS = ["domainId", "subDomain", "recordType", "recordLine", "value", "mx", "ttl", "status", "remark"] as const;
const REPLACE_KEYS = ["domainId"];
/** The fields Record.Modify sets (all of them at once). */
const MODIFY_KEYS = ["subDomain", "recordType", "recordLine", "value", "mx", "ttl"] as const;

type Desired = Pick<RecordInputs, (typeof INPUT_KEYS)[number]>;

export function splitRecordId(id: string): { domainId: string; recordId: string } {
  const i = id.indexOf("/");
  return { domainId: id.slice(0, i), recordId: id.slice(i + 1) };
}

export function outputsFromState(inputs: RecordInputs, s: RecordState): RecordOutputs {
  const { mx: _ignored, ...rest } = inputs;
  return {
    ...rest,
    subDomain: s.subDomain,
    recordType: s.recordType as RecordInputs["recordType"],
    recordLine: s.recordLine,
    value: s.value,
    ...(s.mx !== undefined ? { mx: s.mx } : {}),
    ttl: s.ttl,
    status: s.status,
    remark: s.remark,
    recordId: s.recordId,
    updatedOn: s.updatedOn,
  };
}

/** The record as listed by a Record.List that started after `since` (shared by concurrent writers). */
async function listedAfter(domainId: string, recordId: string, since: number): Promise<RecordRow | undefined> {
  return (await dnspodContext().records.get(domainId, since)).find((r) => r.id === recordId);
}

/** Brings the record from `cur` to `want` with only the calls that are needed; true if it wrote. */
async function converge(domainId: string, recordId: string, cur: Desired, want: Desired): Promise<boolean> {
  const { client, records } = dnspodContext();
  let wrote = false;
  const step = async (f: () => Promise<void>) => {
    records.invalidate(domainId);
    await f();
    wrote = true;
  };
  if (MODIFY_KEYS.some((k) => !sameValue(cur[k], want[k]))) await step(() => client.modifyRecord(domainId, recordId, toRecordWrite(want)));
  if (cur.status !== want.status) await step(() => client.setRecordStatus(domainId, recordId, want.status));
  if (cur.remark !== want.remark) await step(() => client.setRecordRemark(domainId, recordId, want.remark));
  if (wrote) records.invalidate(domainId);
  return wrote;
}

async function readBack(inputs: RecordInputs, recordId: string, since: number): Promise<RecordOutputs> {
  const row = await listedAfter(inputs.domainId, recordId, since);
  if (!row) throw new Error(`DNSPod Record.List record ${recordId} of domain ${inputs.domainId}: the record was written but is not listed; run \`pulumi refresh\` and retry`);
  return outputsFromState(inputs, fromRecordRow(row));
}

/** Creates the record (or, with adopt, takes over the identical one) and converges status and remark. */
async function createRecord(inputs: RecordInputs, adopt: boolean): Promise<{ id: string; outs: RecordOutputs }> {
  const { client, records } = dnspodContext();
  const write = toRecordWrite(inputs);
  let recordId: string;
  records.invalidate(inputs.domainId);
  try {
    recordId = await client.createRecord(inputs.domainId, write);
  } catch (err) {
    // 104: an identical record exists. Its message already says to set adopt.
    if (!(isExists(err) && adopt)) throw err;
    const row = (await records.get(inputs.domainId, performance.now())).find((r) => sameRecord(r, write));
    if (!row) throw err;
    recordId = row.id;
  }
  const created = await readBack(inputs, recordId, performance.now());
  // Record.Create cannot set status or remark (and an adopted record may differ in ttl).
  if (!(await converge(inputs.domainId, recordId, created, inputs))) return { id: `${inputs.domainId}/${recordId}`, outs: created };
  return { id: `${inputs.domainId}/${recordId}`, outs: await readBack(inputs, recordId, performance.now()) };
}


const journalKey = (r: Pick<RecordInputs, "domainId" | "subDomain" | "recordType" | "recordLine" | "value">) =>
  `dnspod|${dnspodContext().client.account}|record|${r.domainId}|${r.subDomain}|${r.recordType}|${r.recordLine}|${r.value}`;

export const recordImpl: ResourceImpl<RecordInputs, RecordOutputs> = {
  async check(_olds, news) {
    return checkInputs(RecordInputs, news, "dnspod.Record");
  },

  async diff(_id, olds, news) {
    const d = diffInputs(INPUT_KEYS, REPLACE_KEYS, olds as unknown as Record<string, unknown>, news as unknown as Record<string, unknown>);
    return { changes: d.changes, replaces: d.replaces, deleteBeforeReplace: false };
  },

  async create(inputs) {
    const key = journalKey(inputs);
    const adopt = inputs.adopt || wasInFlight(key);
    return journaled(key, () => createRecord(inputs, adopt));
  },

  async read(id, props) {
    const { domainId, recordId } = splitRecordId(id);
    let rows: RecordRow[];
    try {
      rows = await dnspodContext().records.get(domainId);
    } catch (err) {
      if (isNotFound(err)) return {};
      throw err;
    }
    const row = rows.find((r) => r.id === recordId);
    if (!row) return {};
    const outs = outputsFromState({ ...props, domainId }, fromRecordRow(row));
    return { id, props: outs, inputs: pick(outs as unknown as Record<string, unknown>, [...INPUT_KEYS, "adopt"]) };
  },

  async update(id, olds, news) {
    const { recordId } = splitRecordId(id);
    if (!(await converge(news.domainId, recordId, olds, news))) {
      return { outs: { ...olds, ...news, mx: news.mx, recordId, updatedOn: olds.updatedOn } };
    }
    return { outs: await readBack(news, recordId, performance.now()) };
  },

  async delete(id, props) {
    const { domainId, recordId } = splitRecordId(id);
    const { client, records } = dnspodContext();
    forget(journalKey({ ...props, domainId }));
    records.invalidate(domainId);
    await client.removeRecord(domainId, recordId);
    records.invalidate(domainId);
  },
};
