/**
 * Which writes of a dnspod.ZoneRecords plan go through dnsapi.cn's batch jobs, as pure functions.
 * A job costs a submission, a few polls and (for creates) one listing, so it pays only for many
 * records: creates from BATCH_MIN_CREATES on, and a change (field → new value) that at least
 * BATCH_MIN_CHANGES records take, e.g. a TTL raised across the zone. Batch.Record.Modify sets one
 * field per job, so a record whose changes are not all shared by enough others, and every remark
 * (which no batch action sets), keeps its single actions.
 */
import type { BatchChange } from "./client";
import { type RecordAttrs, type RecordWrite, recordOfKey, toRecordWrite } from "./convert";

export const BATCH_MIN_CREATES = 10;
const BATCH_MIN_CHANGES = 5;
/**
 * Records per job. dnsapi.cn documents no limit; third-party tables give 5000 for API 3.0's
 * JobGreaterThanLimit, which is not confirmed, so jobs stay well below it.
 */
export const JOB_RECORDS = 1000;

/** A record changed in place (an update of the zone plan). */
export interface Change {
  key: string;
  id: string;
  from: RecordAttrs;
  to: RecordAttrs;
}

/** One Batch.Record.Modify job: `field` set to `to` on every record of `items`. */
interface ChangeJob {
  field: BatchChange;
  to: string;
  items: Change[];
}

export interface ChangePlan {
  jobs: ChangeJob[];
  /** Changed by the single actions, as on api.dnspod.com. */
  singles: Change[];
  /** Batched records whose remark changes too: Record.Remark alone, once their jobs succeeded. */
  remarks: Change[];
}

/** The batchable fields in which `to` differs from `from`, each with the value a job sets. */
function fieldChanges(from: RecordAttrs, to: RecordAttrs): { field: BatchChange; to: string }[] {
  const out: { field: BatchChange; to: string }[] = [];
  if (from.ttl !== to.ttl) out.push({ field: "ttl", to: String(to.ttl) });
  if (to.mx !== undefined && from.mx !== to.mx) out.push({ field: "mx", to: String(to.mx) });
  if ((from.status ?? "enable") !== (to.status ?? "enable")) out.push({ field: "status", to: to.status ?? "enable" });
  return out;
}

export const sameAttrs = (a: RecordAttrs, b: RecordAttrs): boolean => !fieldChanges(a, b).length && (a.remark ?? "") === (b.remark ?? "");

export function planChanges(changes: readonly Change[], minGroup = BATCH_MIN_CHANGES): ChangePlan {
  const groupOf = (c: { field: string; to: string }) => `${c.field}=${c.to}`;
  const sizes = new Map<string, number>();
  for (const u of changes) for (const c of fieldChanges(u.from, u.to)) sizes.set(groupOf(c), (sizes.get(groupOf(c)) ?? 0) + 1);
  const jobs = new Map<string, ChangeJob>();
  const plan: ChangePlan = { jobs: [], singles: [], remarks: [] };
  for (const u of changes) {
    const fields = fieldChanges(u.from, u.to);
    if (!fields.length || fields.some((c) => sizes.get(groupOf(c))! < minGroup)) {
      plan.singles.push(u);
      continue;
    }
    for (const c of fields) {
      const job = jobs.get(groupOf(c)) ?? { ...c, items: [] };
      job.items.push(u);
      jobs.set(groupOf(c), job);
    }
    // What is left once the jobs have run: the remark alone.
    if ((u.from.remark ?? "") !== (u.to.remark ?? "")) plan.remarks.push({ ...u, from: { ...u.to, remark: u.from.remark ?? "" } });
  }
  plan.jobs = [...jobs.values()].flatMap((j) => chunks(j.items, JOB_RECORDS).map((items) => ({ ...j, items })));
  return plan;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * A record of Batch.Record.Create's `records`: Record.Create's fields, the apex as "" as the
 * vendor's example writes it, mx in lower case (the example's "MX" reads as ignored: its echo shows 5).
 */
export function batchRecord(key: string, attrs: RecordAttrs): RecordWrite {
  const w = toRecordWrite({ ...recordOfKey(key), ...attrs }, "cn");
  return { ...w, sub_domain: w.sub_domain === "@" ? "" : w.sub_domain };
}
