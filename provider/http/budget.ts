/**
 * Client-side request budget (e.g. WEDOS: 1000 requests per hour per account). Instead of tripping
 * the vendor's limit — which answers 2006 and counts as an invalid request — callers wait for a
 * slot and say so. One instance per account per process; concurrent callers get ordered slots.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { appendLine, readLines, stateDir, writeAtomically } from "../state-dir";
import type { ApiLabel } from "./errors";
import { stderrLogger } from "./log";

export interface BudgetOptions {
  limit: number;
  windowMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /**
   * Added to the window. The server starts its window when our first request *arrives*, so
   * network jitter could otherwise squeeze request limit+1 into it. @default 0
   */
  slackMs?: number;
  /** Told when callers start waiting (at most every 5 s), so the user sees why `pulumi up` paused. */
  onWait?: (waitMs: number, queued: number) => void;
  /** Keeps the grants across runs: the vendor's window does not end with a process. */
  store?: BudgetStore;
}

export interface BudgetStore {
  load(): number[];
  /** Replaces what is kept with these grants. */
  save(grants: readonly number[]): void;
  /** Keeps one more grant; without it, every grant saves the whole list. */
  add?(grant: number): void;
}

export class RequestBudget {
  /** Grant times (ms), non-decreasing; may lie in the future for callers still waiting. */
  private grants: number[] = [];
  private lastNotice = -Infinity;
  waitedMs = 0;

  constructor(private readonly options: BudgetOptions) {
    if (!(options.limit >= 1)) throw new Error(`request budget must allow at least 1 request, got ${options.limit}`);
    this.grants = (options.store?.load() ?? []).filter(Number.isFinite).sort((a, b) => a - b);
  }

  async take(): Promise<void> {
    const { limit, now, sleep } = this.options;
    const windowMs = this.options.windowMs + (this.options.slackMs ?? 0);
    const t = now();
    while (this.grants.length > 0 && this.grants[0]! <= t - windowMs) this.grants.shift();
    const at = this.grants.length < limit ? t : Math.max(t, this.grants[this.grants.length - limit]! + windowMs);
    this.grants.push(at);
    const store = this.options.store;
    if (store?.add) store.add(at);
    else store?.save(this.grants);
    const wait = at - t;
    if (wait <= 0) return;
    this.waitedMs += wait;
    if (t - this.lastNotice > 5_000) {
      this.lastNotice = t;
      this.options.onWait?.(wait, this.grants.filter((g) => g > t).length);
    }
    await sleep(wait);
  }
}

/**
 * The grants of one account, in a file of the provider's state directory: a second `pulumi up`
 * within WEDOS's hour starts where the first left off, instead of with a fresh budget and a 2006
 * from the vendor (which counts as an invalid request towards the IP block). Each grant is one
 * appended line, so a request costs the same however many came before, and processes that run at
 * the same time for one account all leave their grants; loading drops the lines older than
 * `keepMs` and rewrites the file when most of it is such lines.
 */
export function fileBudgetStore(api: ApiLabel, account: string, keepMs = 24 * 3600_000): BudgetStore {
  const path = join(stateDir(), `budget-${api.toLowerCase()}-${createHash("sha1").update(account).digest("hex").slice(0, 16)}.log`);
  const save = (grants: readonly number[]) => writeAtomically(path, grants.map((g) => `${g}\n`).join(""));
  return {
    load: () => {
      const grants = readLines(path).map(Number).filter(Number.isFinite);
      const since = Date.now() - keepMs;
      const recent = grants.filter((g) => g >= since);
      if (grants.length <= 2 * recent.length + 100) return grants;
      save(recent);
      return recent;
    },
    save,
    add: (grant) => appendLine(path, String(grant)),
  };
}

/** The budget of one API account as configured, telling the user when and why it waits. */
export function accountBudget(
  api: ApiLabel,
  configKey: string,
  perWindow: number,
  windowS: number,
  now: () => number,
  sleep: (ms: number) => Promise<void>,
  store?: BudgetStore,
): RequestBudget {
  return new RequestBudget({
    ...(store ? { store } : {}),
    limit: perWindow,
    windowMs: windowS * 1000,
    slackMs: Math.max(250, windowS * 10),
    now,
    sleep,
    onWait: (ms, queued) =>
      stderrLogger(
        `${api} request budget (${perWindow} per ${windowS} s, ${configKey}) reached: waiting ${Math.ceil(ms / 1000)} s; ${queued} request(s) queued`,
      ),
  });
}
