/**
 * Runs dnsapi.cn's batch jobs: each record, when its time has come, as the single action it stands
 * for. Time is the emulator's clock (EmulatorContext.now), so a test with an injected clock decides
 * exactly when a job runs. Jobs are run on every request (whatever it asks, it sees the jobs that
 * are due), and by a timer so that a job completes, and is persisted, with nobody asking; the timer
 * is injectable too (BatchTimer) so unit tests can fire it by hand.
 */
import type { EmulatorContext } from "../types";
import { type BatchChange, type BatchItem, type BatchJob, itemDue, jobItems } from "./batch-state";
import { lineId } from "./lines";
import { recordWriteActions } from "./records-write";
import type { DnspodEmulatorOptions, DnspodState } from "./state";

/** Starts `fn` after `ms` milliseconds; returns what cancels it. */
export type BatchTimer = (ms: number, fn: () => void) => () => void;

/** setTimeout, unref'd: a pending job never keeps a process alive. */
const realTimer: BatchTimer = (ms, fn) => {
  const t = setTimeout(fn, ms);
  t.unref();
  return () => clearTimeout(t);
};

/**
 * Record.Modify's form for a change: every field as the record has it now, the changed one as asked.
 * A record that is gone keeps only its ids, and Record.Modify answers for it as it would.
 */
function modifyParams(state: DnspodState, base: Record<string, string>, change: BatchChange): Record<string, string> {
  const r = state.domains.find((d) => String(d.id) === base.domain_id)?.records.find((x) => String(x.id) === base.record_id);
  if (!r) return base;
  const p: Record<string, string> = {
    ...base,
    sub_domain: r.subDomain,
    record_type: r.type,
    record_line_id: lineId(r.line),
    value: r.value,
    ttl: String(r.ttl),
    ...(r.type === "MX" ? { mx: String(r.mx) } : {}),
  };
  switch (change.field) {
    case "record_type":
      delete p.mx;
      return { ...p, record_type: change.to, value: change.value ?? "", ...(change.mx !== undefined ? { mx: change.mx } : {}) };
    case "area": {
      const { record_line_id: _id, ...rest } = p;
      return { ...rest, record_line: change.to };
    }
    case "status":
      return { ...base, status: change.to };
    default:
      return { ...p, [change.field]: change.to };
  }
}

/** Runs one record as its single action would, on the state as it is now. */
function runItem(state: DnspodState, options: DnspodEmulatorOptions, item: BatchItem, now: Date): void {
  const handler = recordWriteActions[item.action]!;
  const outcome = handler({
    action: item.action,
    params: item.change ? modifyParams(state, item.params, item.change) : item.params,
    state,
    options,
    now,
    ip: "",
    errorOnEmpty: true,
    userId: options.loginToken.split(",")[0] ?? "",
  });
  item.done = outcome.reason ? { code: outcome.code, reason: outcome.reason } : { code: outcome.code };
  const written = (outcome.payload?.record as { id?: unknown } | undefined)?.id;
  if (outcome.code === "1" && item.recordId === undefined && written !== undefined) item.recordId = Number(written);
}

export class BatchRunner {
  private cancel: (() => void) | undefined;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly options: DnspodEmulatorOptions,
    /** The emulator's state as it is now (restore() and reset() replace it). */
    private readonly state: () => DnspodState,
    private readonly timer: BatchTimer = realTimer,
  ) {}

  /** Runs every record that is due, oldest job first; true when anything ran. */
  runDue(): boolean {
    const state = this.state();
    const jobs = state.batch?.jobs ?? [];
    const now = this.ctx.now();
    const due: { job: BatchJob; item: BatchItem; at: number }[] = [];
    for (const job of jobs) {
      jobItems(job).forEach((item, k) => {
        if (!item.done && itemDue(job, k) <= now.getTime()) due.push({ job, item, at: itemDue(job, k) });
      });
    }
    due.sort((a, b) => a.at - b.at || a.job.id - b.job.id);
    for (const { job, item } of due) {
      runItem(state, this.options, item, now);
      const entry = job.domains.find((d) => d.items.includes(item))!;
      // The single action answers 6 for a domain that is no longer there: the entry failed with it.
      if (item.done?.code === "6" && !state.domains.some((d) => d.id === entry.domainId)) entry.error = item.done;
    }
    return due.length > 0;
  }

  /** Sets the timer for the next record that is due (replacing any earlier one). */
  arm(): void {
    this.stop();
    let next = Number.POSITIVE_INFINITY;
    for (const job of this.state().batch?.jobs ?? []) {
      jobItems(job).forEach((item, k) => {
        if (!item.done) next = Math.min(next, itemDue(job, k));
      });
    }
    if (next === Number.POSITIVE_INFINITY) return;
    this.cancel = this.timer(Math.max(0, next - this.ctx.now().getTime()), () => {
      this.cancel = undefined;
      if (this.runDue()) {
        this.ctx.changed();
        // The records a job wrote are live at once, like any other write.
        this.ctx.served?.(this.ctx.now());
      }
      this.arm();
    });
  }

  stop(): void {
    this.cancel?.();
    this.cancel = undefined;
  }
}
