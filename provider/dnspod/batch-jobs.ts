/**
 * One dnsapi.cn batch job from submission to result: submit, poll Batch.Detail until no record waits
 * or runs, and tell per record what happened. A job runs asynchronously and nothing says how long it
 * will take, so polls start soon and grow by a quarter of the time waited so far (never more than
 * POLL_MAX_MS apart): a job done quickly is seen quickly, a long one costs few requests.
 */
import { ProviderError } from "../http/errors";
import type { BatchDetail, BatchRecordResult } from "./schemas";

const POLL_FIRST_MS = 100;
const POLL_MAX_MS = 5_000;
/** A job still unfinished after this long is given up on; the listing that follows decides. */
const POLL_TIMEOUT_MS = 300_000;

/** What became of one record of a job: ok, failed with DNSPod's words, or unknown (no answer). */
export type ItemResult = { ok: true } | { ok: false; error: unknown };

/** A record a job reported as failed, in DNSPod's own words (its err_msg). */
class BatchItemError extends ProviderError {
  override readonly name = "BatchItemError";
  readonly retryable = false;
  constructor(action: string, jobId: string, object: string, errMsg: string) {
    super(`DNSPod ${action} job ${jobId}, ${object}: DNSPod says "${errMsg || "error"}"`);
  }
}

/** A job that had not run a record when polling ended (or could not be asked): the next run looks again. */
class BatchPendingError extends ProviderError {
  override readonly name = "BatchPendingError";
  readonly retryable = true;
  constructor(action: string, jobId: string, object: string, cause?: unknown) {
    const why = cause instanceof Error ? `Batch.Detail failed: ${cause.message}` : `no result after ${POLL_TIMEOUT_MS / 1000} s`;
    super(`DNSPod ${action} job ${jobId}, ${object}: the job reported no result for this record (${why})`, { cause });
  }
}

const settled = (r: BatchRecordResult) => r.status === "ok" || r.status === "error";

function finished(d: BatchDetail): boolean {
  const records = d.detail.flatMap((e) => e.records);
  if (records.length) return records.every(settled);
  return d.total !== undefined && (d.success ?? 0) + (d.fail ?? 0) >= d.total;
}

export interface JobSpec {
  /** The action that queued it, for messages: "Batch.Record.Create". */
  action: string;
  /** The object of messages: "domain 123". */
  object: string;
  submit(): Promise<string>;
  poll(jobId: string): Promise<BatchDetail>;
  /** The answer's record for each item of the job, in the order submitted. */
  match(d: BatchDetail): (BatchRecordResult | undefined)[];
  sleep(ms: number): Promise<void>;
}

/**
 * Runs the job; one result per item. Throws only when the submission fails (nothing was queued, or
 * the caller cannot tell): what to do then depends on why (batch-writes.ts).
 */
export async function runJob(spec: JobSpec, count: number): Promise<ItemResult[]> {
  const jobId = await spec.submit();
  let detail: BatchDetail | undefined;
  let failure: unknown;
  try {
    for (let waited = 0; !detail || (!finished(detail) && waited < POLL_TIMEOUT_MS); ) {
      const wait = Math.min(POLL_MAX_MS, Math.max(POLL_FIRST_MS, Math.round(waited / 4)));
      await spec.sleep(wait);
      waited += wait;
      detail = await spec.poll(jobId);
    }
  } catch (err) {
    failure = err;
  }
  const records = detail ? spec.match(detail) : [];
  return Array.from({ length: count }, (_, k): ItemResult => {
    const r = records[k];
    if (r?.status === "ok") return { ok: true };
    if (r?.status === "error") return { ok: false, error: new BatchItemError(spec.action, jobId, spec.object, r.err_msg) };
    return { ok: false, error: new BatchPendingError(spec.action, jobId, spec.object, failure) };
  });
}

/** A create job's records, matched by their position (`id`, 0-based) in the job's only domain. */
export function byPosition(d: BatchDetail): (BatchRecordResult | undefined)[] {
  const out: (BatchRecordResult | undefined)[] = [];
  (d.detail[0]?.records ?? []).forEach((r, k) => {
    out[r.id === undefined ? k : Number(r.id)] = r;
  });
  return out;
}

/** A modify job's records, matched by record id, across the domains they belong to. */
export function byRecordId(ids: readonly string[]): (d: BatchDetail) => (BatchRecordResult | undefined)[] {
  return (d) => {
    const found = new Map(d.detail.flatMap((e) => e.records).map((r) => [String(r.record_id), r]));
    return ids.map((id) => found.get(id));
  };
}
