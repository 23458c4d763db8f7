/**
 * dnspod.Record: one record of a DNSPod domain, id "domainId/recordId". Everything but the domain
 * is updated in place, each through the one action that changes it: Record.Modify for the record
 * itself, Record.Status for enable/disable, Record.Remark for the note. A no-op update sends
 * nothing (DNSPod counts modifications that change nothing as abuse).
 */

import { z } from "zod";
import { createOrAdopt } from "../../define";
import type { InputsOf, OutputsOf } from "../../descriptor";
import { createOnly, describeResource, replaces } from "../../descriptor";
import { unlessGone } from "../../http/errors";
import { stderrLogger } from "../../http/log";
import { forget, journaledCreate } from "../../journal";
import { sameValue } from "../../resource";
import { changeOfMarker, mergeChanges, type ServedChange } from "../../served/change";
import { notYetServedOutput, waitUntilServedInput } from "../../served/input";
import { servedDeleted, servedOutputs, type WaitOutcome, waitForChange, waitsFor } from "../../served/operation";
import { type DnspodContext, defineDnspodResource } from "../context";
import { DNSPOD_TYPES, fromRecordRow, type RecordState, sameRecord, toRecordWrite } from "../convert";
import type { RecordRow } from "../schemas";
import { type DnspodServedRecord, dnspodChange, dnspodTarget } from "../served";
import { bool, dnspodId, RECORD_FIELDS, refineRecord } from "./inputs";

const RecordInputs = z
  .object({
    domainId: replaces(dnspodId("domainId").describe("Id of the domain (`domain.id` of a dnspod.Domain).")),
    ...RECORD_FIELDS,
    adopt: createOnly(
      bool("adopt")
        .default(false)
        .describe("Take over an existing identical record (same subDomain, type, line, value) instead of failing."),
    ),
    waitUntilServed: waitUntilServedInput("dnspod"),
  })
  .strict()
  .superRefine(refineRecord);
export type RecordInputs = z.infer<typeof RecordInputs>;

const descriptor = describeResource({
  api: "dnspod",
  type: "Record",
  description:
    "A DNSPod record. Every field is updated in place (Record.Modify, Record.Status, Record.Remark), only when it changed. Writes fail while a DomainLock holds the domain.",
  noun: "record",
  idFormat: '"domainId/recordId"',
  idExample: "1992403/451217",
  inputs: RecordInputs,
  outputs: z.object({
    recordId: z.string().describe("DNSPod record id."),
    updatedOn: z.string().describe("When DNSPod last changed the record."),
    notYetServed: notYetServedOutput(),
  }),
  sdkEnums: { recordType: ["RecordType", DNSPOD_TYPES] },
});

type Inputs = InputsOf<typeof descriptor>;
export type RecordOutputs = Outputs;
type Outputs = OutputsOf<typeof descriptor>;

/** The fields Record.Modify sets (all of them at once). */
const MODIFY_KEYS = ["subDomain", "recordType", "recordLine", "value", "mx", "ttl"] as const;

type Desired = Omit<Inputs, "adopt">;

function splitRecordId(id: string): { domainId: string; recordId: string } {
  const i = id.indexOf("/");
  return { domainId: id.slice(0, i), recordId: id.slice(i + 1) };
}

function outputsFromState(inputs: Inputs, s: RecordState): Outputs {
  const { mx: _ignored, ...rest } = inputs;
  return {
    ...rest,
    subDomain: s.subDomain,
    recordType: s.recordType as Inputs["recordType"],
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

/**
 * Brings the record from `cur` to `want` with only the calls that are needed. Says whether it
 * wrote, and when DNSPod made the last change (what the record's `updated_on` then is).
 */
async function modifyWhereDifferent(
  ctx: DnspodContext,
  domainId: string,
  recordId: string,
  cur: Desired,
  want: Desired,
): Promise<{ wrote: boolean; at?: string | undefined }> {
  const { client, site } = ctx;
  const writes: (() => Promise<string | undefined>)[] = [];
  if (MODIFY_KEYS.some((k) => !sameValue(cur[k], want[k])))
    writes.push(() => client.modifyRecord(domainId, recordId, toRecordWrite(want, site)));
  if (cur.status !== want.status) writes.push(() => client.setRecordStatus(domainId, recordId, want.status));
  if (cur.remark !== want.remark) writes.push(() => client.setRecordRemark(domainId, recordId, want.remark));
  let at: string | undefined;
  for (const write of writes) at = await write();
  return { wrote: writes.length > 0, at };
}

/** The record as a Record.List sent after the writes lists it (one listing shared by concurrent writers). */
async function readBack(ctx: DnspodContext, inputs: Inputs, recordId: string): Promise<Outputs> {
  const row = (await ctx.client.listRecords(inputs.domainId, { fresh: true })).find((r) => r.id === recordId);
  if (!row)
    throw new Error(
      `DNSPod Record.List record ${recordId} of domain ${inputs.domainId}: the record was written but is not listed; run \`pulumi refresh\` and retry`,
    );
  return outputsFromState(inputs, fromRecordRow(row));
}

/** The record as the inputs wrote it: check() gives them in the form DNSPod stores. */
const asWritten = (inputs: Inputs, recordId: string, updatedOn: string, set: Pick<Desired, "status" | "remark"> = inputs): Outputs => ({
  ...inputs,
  ...set,
  recordId,
  updatedOn,
});

/**
 * Creates the record (or, with adopt, takes over the identical one) and sets what Record.Create
 * cannot (status, remark; an adopted record's ttl). The outputs come from what was written and the
 * answers' times, so a create costs its writes and no listing; only a create whose answer was lost
 * (reconciled by a listing) reads the record back.
 */
async function createRecord(ctx: DnspodContext, inputs: Inputs, adopt: boolean): Promise<{ id: string; outs: Outputs }> {
  const { client, site } = ctx;
  const write = toRecordWrite(inputs, site);
  // 104: an identical record exists.
  const made = await createOrAdopt<{ id: string; at?: string | undefined; row?: RecordRow }>(
    adopt,
    () => client.createRecordAt(inputs.domainId, write),
    async () => {
      const row = (await client.listRecords(inputs.domainId, { fresh: true })).find((r) => sameRecord(r, write));
      return row && { id: row.id, row };
    },
  );
  const id = `${inputs.domainId}/${made.id}`;
  // What the record is now: as listed when taken over; as written otherwise (enabled, no remark).
  const cur = made.row
    ? outputsFromState(inputs, fromRecordRow(made.row))
    : asWritten(inputs, made.id, made.at ?? "", { status: "enable", remark: "" });
  const changed = await modifyWhereDifferent(ctx, inputs.domainId, made.id, cur, inputs);
  const at = changed.wrote ? changed.at : cur.updatedOn;
  if (at) return { id, outs: changed.wrote ? asWritten(inputs, made.id, at) : cur };
  return { id, outs: await readBack(ctx, inputs, made.id) };
}

const journalKey = (ctx: DnspodContext, r: Pick<Inputs, "domainId" | "subDomain" | "recordType" | "recordLine" | "value">) =>
  `dnspod|${ctx.client.account}|record|${r.domainId}|${r.subDomain}|${r.recordType}|${r.recordLine}|${r.value}`;

/**
 * Waits until the nameservers serve what was written and no longer what was replaced (plus what an
 * earlier wait left unconfirmed); records of other lines and URL records are reported, not waited for.
 */
async function served(
  ctx: DnspodContext,
  domainId: string,
  written: DnspodServedRecord[],
  replaced: DnspodServedRecord[],
  left?: string[],
): Promise<WaitOutcome> {
  const { zone, target } = await dnspodTarget(ctx, domainId);
  const { change, notVerified } = dnspodChange(zone, written, replaced);
  if (notVerified) (ctx.served?.log ?? stderrLogger)(notVerified);
  const all: ServedChange = mergeChanges(changeOfMarker(left), change);
  return waitForChange(target, all);
}

export const recordResource = defineDnspodResource(descriptor, {
  // A wait for the nameservers that timed out: the next up asks again (README "Served DNS").
  unfinished: (olds, news) => (olds.notYetServed?.length && waitsFor("dnspod", news.waitUntilServed) ? "notYetServed" : undefined),

  async create(ctx, inputs) {
    const { id, outs } = await journaledCreate(journalKey(ctx, inputs), inputs.adopt, (adopt) => createRecord(ctx, inputs, adopt));
    if (!waitsFor("dnspod", inputs.waitUntilServed)) return { id, outs };
    return { id, outs: servedOutputs("create", id, outs, await served(ctx, inputs.domainId, [outs], [])) };
  },

  async read({ client }, id, props) {
    const { domainId, recordId } = splitRecordId(id);
    const row = (await client.listRecords(domainId)).find((r) => r.id === recordId);
    return row && outputsFromState({ ...props, domainId }, fromRecordRow(row));
  },

  async update(ctx, id, olds, news) {
    const { recordId } = splitRecordId(id);
    const changed = await modifyWhereDifferent(ctx, news.domainId, recordId, olds, news);
    const outs = !changed.wrote
      ? { ...olds, ...news, mx: news.mx, recordId, updatedOn: olds.updatedOn }
      : changed.at
        ? asWritten(news, recordId, changed.at)
        : await readBack(ctx, news, recordId);
    if (!waitsFor("dnspod", news.waitUntilServed)) return servedOutputs("update", id, outs, { served: true });
    const outcome = await served(ctx, news.domainId, changed.wrote ? [outs] : [], changed.wrote ? [olds] : [], olds.notYetServed);
    return servedOutputs("update", id, outs, outcome);
  },

  async delete(ctx, id, props) {
    const { domainId, recordId } = splitRecordId(id);
    forget(journalKey(ctx, { ...props, domainId }));
    if (!waitsFor("dnspod", props.waitUntilServed)) return ctx.client.removeRecord(domainId, recordId);
    const listed = await unlessGone(() => ctx.client.listRecords(domainId));
    if (!listed) return; // the domain is gone, and nothing of it is served
    // A delete whose wait timed out runs again: the record is gone, so only the wait runs again.
    if (listed.some((r) => r.id === recordId)) await ctx.client.removeRecord(domainId, recordId);
    servedDeleted(await served(ctx, domainId, [], [props]));
  },
});
