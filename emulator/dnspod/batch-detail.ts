/**
 * Batch.Detail: a job's state as its records have run so far. The shape is the vendor's example
 * (a finished Batch.Domain.Create job): numbers for total/success/fail, ttl and record_id, the job's
 * own `created_at` beside the status', no job_id echoed, `domain_id` a string after `records`.
 * An item that failed says why in `err_msg`: the text its single action answers, in the language
 * of this request, so a batch record reads exactly as a Record.Create of it would.
 */
import { type BatchDomainEntry, type BatchItem, type BatchJob, jobItems, jobStatus } from "./batch-state";
import { lineName } from "./lines";
import { type Language, languageOf, statusMessage } from "./messages";
import type { DnspodRecord } from "./state";
import { badParam, type Call, fail, type Handler, intParam, ok } from "./wire";

function errMsg(call: Call, language: Language, action: string, done: BatchItem["done"]): string | null {
  if (!done || done.code === "1") return null;
  return statusMessage(call.options, language, action, done.code, done.reason);
}

type Status = ReturnType<typeof jobStatus>;
/** A domain's records by id, as they are now. */
type Live = ReadonlyMap<number, DnspodRecord>;

function itemRow(call: Call, language: Language, job: BatchJob, status: Status, live: Live, item: BatchItem, k: number) {
  // The record an item wrote, as it is now (a modify that ran shows the new values).
  const r = item.done?.code === "1" && item.recordId !== undefined ? live.get(item.recordId) : undefined;
  const shown = r
    ? { sub_domain: r.subDomain, record_type: r.type, area: lineName(call.options.site, r.line), value: r.value, ttl: r.ttl }
    : { ...item.shown, sub_domain: item.shown.sub_domain || "@" };
  const mx = r ? (r.type === "MX" ? r.mx : null) : shown.record_type.toUpperCase() === "MX" ? item.shown.mx : null;
  return {
    id: k,
    ...(job.type === "record_modify" ? { record_id: item.recordId } : {}),
    sub_domain: shown.sub_domain,
    record_type: shown.record_type,
    area: shown.area,
    value: shown.value,
    ttl: shown.ttl,
    err_msg: errMsg(call, language, item.action, item.done),
    status: status.item(item),
    operation: job.type === "record_add" ? "plus" : "edit",
    ...(job.type === "record_add" && item.recordId !== undefined ? { record_id: item.recordId } : {}),
    mx,
  };
}

export const batchDetail: Handler = (call) => {
  const id = intParam(call.params, "job_id");
  if (id === undefined || Number.isNaN(id)) return badParam("6", "job_id");
  // "8 数据为空，没有查到该任务": never submitted, or no longer kept.
  const job = call.state.batch?.jobs.find((j) => j.id === id);
  if (!job) return fail("8");
  const language = languageOf(call.options, call.params, true);
  const status = jobStatus(job, call.now.getTime());
  const rows = (entry: BatchDomainEntry) => {
    const live: Live = new Map((call.state.domains.find((d) => d.id === entry.domainId)?.records ?? []).map((r) => [r.id, r]));
    return entry.items.map((item, k) => itemRow(call, language, job, status, live, item, k));
  };
  const detail = job.domains.map((entry, i) => ({
    id: i,
    domain: entry.domain,
    domain_grade: entry.grade,
    err_msg: entry.error ? errMsg(call, language, entry.items[0]!.action, entry.error) : null,
    status: status.domain(entry),
    operation: null,
    records: rows(entry),
    domain_id: String(entry.domainId),
  }));
  const items = jobItems(job);
  return ok({
    detail,
    total: items.length,
    success: items.filter((i) => i.done?.code === "1").length,
    fail: items.filter((i) => i.done && i.done.code !== "1").length,
    type: job.type,
    created_at: job.createdAt,
  });
};
