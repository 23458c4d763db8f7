/**
 * dnspod.ZoneRecords' changes and creates on dnsapi.cn as batch jobs (batch-plan.ts says which):
 * Batch.Record.Modify for a change many records take, Batch.Record.Create for many new records,
 * then one listing for the new ids. The listing, not the job's report, decides what was created:
 * a record that is in the zone was written (by this job, by a job whose answer was lost, by an
 * earlier run), and one that is not failed, with the vendor's words for it when the job gave any.
 * Where dnsapi.cn refuses the batch actions themselves (permission, -99), the records take the
 * single actions instead; everything else that fails is reported by record, and a re-run converges.
 */

import { byPosition, byRecordId, type ItemResult, runJob } from "./batch-jobs";
import { BATCH_MIN_CREATES, batchRecord, type Change, chunks, JOB_RECORDS, planChanges, sameAttrs } from "./batch-plan";
import type { DnspodContext } from "./context";
import { liveRecord, type RecordAttrs } from "./convert";
import { DnspodApiError } from "./errors";

/** Jobs of one resource in flight at once; dnsapi.cn is said to allow 4 unfinished per account. */
const JOBS_AT_ONCE = 2;

interface Failure {
  key: string;
  what: string;
  error: unknown;
}
type Create = { key: string; to: RecordAttrs };

/** The single-record writes of zone-api.ts, for what a batch cannot (or may not) do. */
export interface SingleWrites {
  change(items: readonly Change[]): Promise<Failure[]>;
  create(items: readonly Create[]): Promise<Failure[]>;
}

/** The batch actions are not there for this account or endpoint: use the single ones. */
const unavailable = (err: unknown) => err instanceof DnspodApiError && err.kind === "permission";

async function atMost<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Changes in place: shared ones as Batch.Record.Modify jobs, the rest (and remarks) one by one. */
async function applyChanges(ctx: DnspodContext, domainId: string, changes: readonly Change[], singles: SingleWrites): Promise<Failure[]> {
  const { client, sleep } = ctx;
  const plan = planChanges(changes);
  const failed = new Map<string, Failure>();
  const fallback = new Set<Change>();
  await atMost(plan.jobs, JOBS_AT_ONCE, async (job) => {
    const ids = job.items.map((u) => u.id);
    let results: ItemResult[];
    try {
      results = await runJob(
        {
          action: "Batch.Record.Modify",
          object: `${job.field} → ${job.to} on domain ${domainId}`,
          submit: () => client.batchModifyRecords(domainId, ids, job.field, job.to),
          poll: (id) => client.batchDetail(id),
          match: byRecordId(ids),
          sleep,
        },
        ids.length,
      );
    } catch (err) {
      if (unavailable(err)) for (const u of job.items) fallback.add(u);
      results = job.items.map(() => ({ ok: false, error: err }));
    } finally {
      client.jobRan(domainId);
    }
    job.items.forEach((u, k) => {
      const r = results[k]!;
      if (!r.ok && !failed.has(u.key) && !fallback.has(u)) failed.set(u.key, { key: u.key, what: "change", error: r.error });
    });
  });
  // Records whose jobs the account may not run take every change one by one, remark included.
  const rest = new Set([...fallback].map((u) => u.key));
  const remarks = plan.remarks.filter((u) => !failed.has(u.key) && !rest.has(u.key));
  return [...failed.values(), ...(await singles.change([...plan.singles, ...fallback, ...remarks]))];
}

/** Creates as Batch.Record.Create jobs, then one listing for their ids (and attributes a job cannot set). */
async function applyCreates(
  ctx: DnspodContext,
  domainId: string,
  creates: readonly Create[],
  created: Map<string, string>,
  singles: SingleWrites,
) {
  const { client, sleep } = ctx;
  const why = new Map<string, unknown>();
  const fallback = new Set<Create>();
  await atMost(chunks(creates, JOB_RECORDS), JOBS_AT_ONCE, async (chunk) => {
    try {
      const results = await runJob(
        {
          action: "Batch.Record.Create",
          object: `domain ${domainId}`,
          submit: () =>
            client.batchCreateRecords(
              domainId,
              chunk.map((c) => batchRecord(c.key, c.to)),
            ),
          poll: (id) => client.batchDetail(id),
          match: byPosition,
          sleep,
        },
        chunk.length,
      );
      chunk.forEach((c, k) => {
        const r = results[k]!;
        if (!r.ok) why.set(c.key, r.error);
      });
    } catch (err) {
      if (unavailable(err)) for (const c of chunk) fallback.add(c);
      else for (const c of chunk) why.set(c.key, err);
    } finally {
      client.jobRan(domainId);
    }
  });
  const batched = creates.filter((c) => !fallback.has(c));
  // Even a job whose answer was lost may have written its records: the zone as it is now decides.
  const rows = batched.length ? (await client.listRecords(domainId, { fresh: true })).filter((r) => r.hold !== "hold").map(liveRecord) : [];
  // Two records of one identity (DNSPod allows it when only mx differs): the first counts, as in the plan.
  const live = new Map(rows.reverse().map((r) => [r.key, r]));
  const failed: Failure[] = [];
  const fixes: Change[] = [];
  for (const c of batched) {
    const r = live.get(c.key);
    if (!r) failed.push({ key: c.key, what: "create", error: why.get(c.key) ?? new Error("not found in the domain after its batch job") });
    else if (sameAttrs(r.attrs, c.to)) created.set(c.key, r.id);
    else fixes.push({ key: c.key, id: r.id, from: r.attrs, to: c.to });
  }
  // Status and remark (or a record found with other attributes): changed in place like any other.
  const unfixed = await applyChanges(ctx, domainId, fixes, singles);
  const notFixed = new Set(unfixed.map((f) => f.key));
  for (const u of fixes) if (!notFixed.has(u.key)) created.set(u.key, u.id);
  return [...failed, ...unfixed.map((f) => ({ ...f, what: "create" })), ...(await singles.create([...fallback]))];
}

/**
 * The changes and creates of a plan on dnsapi.cn (removals stay single: there is no batch removal).
 * `created` receives the id of every record created as declared.
 */
export async function batchedWrites(
  ctx: DnspodContext,
  domainId: string,
  plan: { update: readonly Change[]; create: readonly Create[] },
  created: Map<string, string>,
  singles: SingleWrites,
): Promise<Failure[]> {
  const changed = await applyChanges(ctx, domainId, plan.update, singles);
  if (plan.create.length < BATCH_MIN_CREATES) return [...changed, ...(await singles.create(plan.create))];
  return [...changed, ...(await applyCreates(ctx, domainId, plan.create, created, singles))];
}
