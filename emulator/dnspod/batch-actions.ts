/**
 * Batch.Record.Create and Batch.Record.Modify (dnsapi.cn only): check the request, queue a job
 * (emulator/dnspod/batch-state.ts) and answer its id with the documented `detail`, which only
 * echoes the input ("仅将用户的输入补全，并非实际执行结果"): every item "waiting", strings and numbers
 * as the vendor's examples have them. The records run later (batch-run.ts); Batch.Detail tells.
 */
import { batchDetail } from "./batch-detail";
import {
  type BatchChange,
  type BatchDomainEntry,
  type BatchItem,
  type BatchJob,
  emptyBatchState,
  isFinished,
  KEPT_JOBS,
} from "./batch-state";
import { lineName } from "./lines";
import type { DnspodDomain, DnspodRecord } from "./state";
import { badParam, type Call, fail, formatDateTime, type Handler, type Outcome, ok } from "./wire";

const CHANGES: readonly BatchChange["field"][] = ["sub_domain", "record_type", "area", "value", "mx", "ttl", "status"];

/** "36,90,91" → numbers; a trailing comma or empty items are dropped (clients send "12,34,") [I]. */
function idList(raw: string | undefined): number[] | undefined {
  const ids = (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return ids.length && ids.every((s) => /^\d+$/.test(s)) ? ids.map(Number) : undefined;
}

/** The JSON `records` parameter: a non-empty array of objects, else undefined. */
function recordsParam(raw: string | undefined): Record<string, unknown>[] | undefined {
  try {
    const list: unknown = JSON.parse(raw ?? "");
    const objects = Array.isArray(list) && list.every((r) => r !== null && typeof r === "object" && !Array.isArray(r));
    return objects && list.length ? (list as Record<string, unknown>[]) : undefined;
  } catch {
    return undefined;
  }
}

const text = (v: unknown): string | undefined => (typeof v === "string" || typeof v === "number" ? String(v) : undefined);

/**
 * The records one object of `records` stands for, as Record.Create forms: `sub_domain` may list
 * several names ("www,wap,bbs"), "" is the apex. The documented example writes the priority as
 * `MX` and echoes `"mx":"5"`, as if it were not read and 5 filled in: both spellings are taken,
 * and 5 is the default [I].
 */
function expand(r: Record<string, unknown>): Record<string, string>[] {
  const names = (text(r.sub_domain) ?? "").split(",").map((s) => s.trim());
  const subs = names.some(Boolean) ? names.filter(Boolean) : [""];
  const fields = {
    record_type: text(r.record_type),
    record_line: text(r.record_line),
    record_line_id: text(r.record_line_id),
    value: text(r.value),
    ttl: text(r.ttl),
    mx: text(r.mx) ?? text(r.MX) ?? "5",
    status: text(r.status),
  };
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return subs.map((sub_domain) => ({ sub_domain, ...defined }));
}

/** 7 when a job would hold too many records, 9 when the account has too many unfinished jobs [G]. */
function overLimit(call: Call, records: number): Outcome | undefined {
  if (records > call.options.batchMaxRecords) return fail("7");
  const unfinished = (call.state.batch?.jobs ?? []).filter((j) => !isFinished(j)).length;
  return unfinished >= call.options.batchMaxJobs ? fail("9") : undefined;
}

function queue(call: Call, type: BatchJob["type"], domains: BatchDomainEntry[]): BatchJob {
  call.state.batch ??= emptyBatchState();
  const batch = call.state.batch;
  const job: BatchJob = {
    id: batch.nextJobId++,
    type,
    createdAt: formatDateTime(call.now),
    startsAt: call.now.getTime() + call.options.batchDelayMs,
    recordMs: call.options.batchRecordMs,
    domains,
  };
  batch.jobs.push(job);
  batch.jobs.splice(0, Math.max(0, batch.jobs.length - KEPT_JOBS));
  return job;
}

const createItem = (d: DnspodDomain, form: Record<string, string>): BatchItem => ({
  action: "Record.Create",
  params: { domain_id: String(d.id), ...form },
  shown: {
    sub_domain: form.sub_domain ?? "",
    record_type: form.record_type ?? "",
    area: form.record_line ?? "",
    value: form.value ?? "",
    ttl: Number(form.ttl ?? 600),
    mx: Number(form.mx),
  },
});

const create: Handler = (call) => {
  const ids = idList(call.params.domain_id);
  const domains = ids?.map((id) => call.state.domains.find((d) => d.id === id));
  if (!domains || domains.some((d) => !d)) return badParam("6", "domain_id");
  const records = recordsParam(call.params.records);
  if (!records) return badParam("6", "records");
  const forms = records.flatMap(expand);
  const limited = overLimit(call, forms.length * domains.length);
  if (limited) return limited;
  const entries = (domains as DnspodDomain[]).map((d) => ({
    domainId: d.id,
    domain: d.name,
    grade: d.grade,
    items: forms.map((f) => createItem(d, f)),
  }));
  const job = queue(call, "record_add", entries);
  // The echo of the vendor's example: domain_id a string here, ttl and mx strings, ids 0-based per domain.
  const detail = job.domains.map((e, i) => ({
    id: i,
    domain_id: String(e.domainId),
    domain: e.domain,
    domain_grade: e.grade,
    err_msg: null,
    status: "waiting",
    operation: null,
    records: e.items.map((it, k) => ({
      id: k,
      ...it.shown,
      ttl: String(it.shown.ttl),
      mx: String(it.shown.mx),
      err_msg: null,
      status: "waiting",
      operation: "plus",
    })),
  }));
  return ok({ job_id: String(job.id), detail }, true);
};

/** Batch.Record.Modify's change, or the parameter that is missing or invalid. */
function changeParam(call: Call): BatchChange | Outcome {
  const { change, change_to: to, value, mx } = call.params;
  if (!CHANGES.includes(change as BatchChange["field"])) return badParam("6", "change");
  if (to === undefined || to === "") return badParam("6", "change_to");
  // "value: 仅当 change 字段为 record_type 时为必填参数"; mx when the type becomes MX.
  if (change === "record_type" && !value) return badParam("6", "value");
  if (change === "record_type" && to.toUpperCase() === "MX" && !mx) return badParam("6", "mx");
  return { field: change as BatchChange["field"], to, ...(value ? { value } : {}), ...(mx ? { mx } : {}) };
}

/** A record as the Modify echo shows it (its values before the change), `mx` on MX records only. */
const shownRecord = (call: Call, r: DnspodRecord) => ({
  sub_domain: r.subDomain,
  record_type: r.type,
  area: lineName(call.options.site, r.line),
  value: r.value,
  ttl: r.ttl,
  mx: r.type === "MX" ? r.mx : null,
  enabled: r.enabled,
});

const modify: Handler = (call) => {
  const ids = idList(call.params.record_id);
  if (!ids) return badParam("6", "record_id");
  const change = changeParam(call);
  if ("code" in change) return change;
  const found = ids.map((id) => {
    const d = call.state.domains.find((x) => x.records.some((r) => r.id === id));
    return d && { d, r: d.records.find((r) => r.id === id)! };
  });
  // [G] A record id that is nowhere in the account refuses the whole job, as Record.Modify's 8 would.
  if (found.some((f) => !f)) return fail("8");
  const limited = overLimit(call, ids.length);
  if (limited) return limited;
  const entries: BatchDomainEntry[] = [];
  for (const { d, r } of found as { d: DnspodDomain; r: DnspodRecord }[]) {
    let entry = entries.find((e) => e.domainId === d.id);
    if (!entry) {
      entry = { domainId: d.id, domain: d.name, grade: d.grade, items: [] };
      entries.push(entry);
    }
    const action = change.field === "status" ? "Record.Status" : "Record.Modify";
    entry.items.push({
      action,
      params: { domain_id: String(d.id), record_id: String(r.id) },
      change,
      shown: shownRecord(call, r),
      recordId: r.id,
    });
  }
  const job = queue(call, "record_modify", entries);
  // The vendor's example: domain_id a number here, record_id a string, enabled "1", mx only on MX.
  const detail = job.domains.map((e, i) => ({
    domain_id: e.domainId,
    domain: e.domain,
    err_msg: null,
    status: "waiting",
    operation: null,
    records: e.items.map((it, k) => ({
      record_id: String(it.recordId),
      sub_domain: it.shown.sub_domain,
      area: it.shown.area,
      record_type: it.shown.record_type,
      ttl: String(it.shown.ttl),
      value: it.shown.value,
      enabled: it.shown.enabled ? "1" : "0",
      status: "waiting",
      ...(it.shown.mx !== null ? { mx: String(it.shown.mx) } : {}),
      err_msg: null,
      id: k,
      operation: "edit",
    })),
    domain_grade: e.grade,
    id: i,
  }));
  return ok({ job_id: String(job.id), detail }, true);
};

/** The batch actions, answered on dnsapi.cn only: api.dnspod.com has none (its documents never had them). */
export const batchActions: Record<string, Handler> = {
  "Batch.Record.Create": create,
  "Batch.Record.Modify": modify,
  "Batch.Detail": batchDetail,
};
