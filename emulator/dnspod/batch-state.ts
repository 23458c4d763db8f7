/**
 * dnsapi.cn's batch jobs as the emulator keeps them (plain JSON, persisted with the rest of the
 * state). A job is a list of domains, each with the records it writes; every record is run later
 * as the single action it stands for (Record.Create, Record.Modify, Record.Status), so a batch
 * record fails exactly as that action would, with its code and text, and never stops the others.
 *
 * What the vendor documents (DNSPod/dnspod-api-doc source/batch.rst, docs.dnspod.cn 批量添加记录 /
 * 批量修改记录 / 获取任务详情) [D]: the actions and their parameters, that a job runs
 * asynchronously after the job_id is returned, the item states error/ok/running/waiting with
 * err_msg, Batch.Detail's total/success/fail/type/created_at and its code 8 for an unknown job.
 * Where it is silent, the emulator's choices [G]:
 * - A job holds at most `batchMaxRecords` (5000) records and an account at most `batchMaxJobs` (4)
 *   unfinished jobs: the figures third-party tables give for the API 3.0 errors JobGreaterThanLimit
 *   and BatchTaskCountLimit. Beyond them the submission answers 7 or 9 (the legacy codes are unknown).
 * - A job starts `batchDelayMs` after its submission and then runs its records one after the other,
 *   `batchRecordMs` apart (0: all at once). Jobs are kept for the last 50 submissions.
 * - Detail's `total` counts records only (the "domain counts 1" rule is shown only for domain jobs),
 *   and a record job's domain entry is "error" only when the domain is gone when its records run.
 */
import type { Reason } from "./wire";

type BatchAction = "Record.Create" | "Record.Modify" | "Record.Status";
export type BatchItemStatus = "waiting" | "running" | "ok" | "error";

/** What a record looks like in the job's answers before it has run (and after, for a failed one). */
interface BatchShown {
  sub_domain: string;
  record_type: string;
  /** The line's name, which the batch answers call `area`. */
  area: string;
  value: string;
  ttl: number;
  mx: number | null;
  enabled?: boolean;
}

/** Batch.Record.Modify's `change` and what goes with it; the form is built when the record runs. */
export interface BatchChange {
  field: "sub_domain" | "record_type" | "area" | "value" | "mx" | "ttl" | "status";
  to: string;
  /** `value` and `mx`, which a change of record_type (to MX) needs. */
  value?: string;
  mx?: string;
}

export interface BatchItem {
  action: BatchAction;
  /**
   * The form the single action is run with. A modify keeps only domain_id and record_id here: the
   * rest is read from the record when it runs, so jobs that change other fields do not undo each other.
   */
  params: Record<string, string>;
  change?: BatchChange;
  shown: BatchShown;
  /** The record written: its id once created, or the id a modify names. */
  recordId?: number;
  /** Set once the item has run: the single action's code and why. */
  done?: { code: string; reason?: Reason };
}

export interface BatchDomainEntry {
  domainId: number;
  domain: string;
  grade: string;
  items: BatchItem[];
  /** Set when the domain was gone when its records ran. */
  error?: { code: string; reason?: Reason };
}

export interface BatchJob {
  id: number;
  type: "record_add" | "record_modify";
  /** "YYYY-MM-DD HH:MM:SS" of the submission. */
  createdAt: string;
  /** Epoch milliseconds at which the first record runs. */
  startsAt: number;
  /** Milliseconds between two records of the job. */
  recordMs: number;
  domains: BatchDomainEntry[];
}

export interface BatchState {
  nextJobId: number;
  jobs: BatchJob[];
}

/** Jobs kept for Batch.Detail; older ones answer 8 like a job that never existed. */
export const KEPT_JOBS = 50;

/** The job counter starts at the vendor's example (job_id "409952"), so ids look realistic. */
export const emptyBatchState = (): BatchState => ({ nextJobId: 409952, jobs: [] });

export const jobItems = (job: BatchJob): BatchItem[] => job.domains.flatMap((d) => d.items);

/** When the k-th record of the job runs. */
export const itemDue = (job: BatchJob, k: number): number => job.startsAt + k * job.recordMs;

export const isFinished = (job: BatchJob): boolean => jobItems(job).every((i) => i.done);

/**
 * Item and domain states of a job at `nowMs`: the first record of a started job that has not run
 * yet is "running", the rest wait. (Computed once per answer: a job may hold thousands of records.)
 */
export function jobStatus(job: BatchJob, nowMs: number) {
  const started = nowMs >= job.startsAt;
  const running = started ? jobItems(job).find((i) => !i.done) : undefined;
  const item = (i: BatchItem): BatchItemStatus => (i.done ? (i.done.code === "1" ? "ok" : "error") : i === running ? "running" : "waiting");
  const domain = (entry: BatchDomainEntry): BatchItemStatus => {
    if (entry.items.every((i) => i.done)) return entry.error ? "error" : "ok";
    return started && entry.items.some((i) => i.done || i === running) ? "running" : "waiting";
  };
  return { item, domain };
}
