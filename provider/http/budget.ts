/**
 * Client-side request budget (e.g. WEDOS: 1000 requests per hour per account). Instead of tripping
 * the vendor's limit — which answers 2006 and counts as an invalid request — callers wait for a
 * slot and say so. One instance per account per process; concurrent callers get ordered slots.
 */
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
}


export class RequestBudget {
  /** Grant times (ms), non-decreasing; may lie in the future for callers still waiting. */
  private grants: number[] = [];
  private lastNotice = -Infinity;
  waitedMs = 0;

  constructor(private readonly options: BudgetOptions) {
    if (!(options.limit >= 1)) throw new Error(`request budget must allow at least 1 request, got ${options.limit}`);
  }

  async take(): Promise<void> {
    const { limit, now, sleep } = this.options;
    const windowMs = this.options.windowMs + (this.options.slackMs ?? 0);
    const t = now();
    while (this.grants.length > 0 && this.grants[0]! <= t - windowMs) this.grants.shift();
    const at = this.grants.length < limit ? t : Math.max(t, this.grants[this.grants.length - limit]! + windowMs);
    this.grants.push(at);
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

/** The budget of one API account as configured, telling the user when and why it waits. */
export function accountBudget(
  api: ApiLabel,
  configKey: string,
  perWindow: number,
  windowS: number,
  now: () => number,
  sleep: (ms: number) => Promise<void>,
): RequestBudget {
  return new RequestBudget({
    limit: perWindow,
    windowMs: windowS * 1000,
    slackMs: Math.max(250, windowS * 10),
    now,
    sleep,
    onWait: (ms, queued) =>
      stderrLogger(`${api} request budget (${perWindow} per ${windowS} s, ${configKey}) reached: waiting ${Math.ceil(ms / 1000)} s; ${queued} request(s) queued`),
  });
}
