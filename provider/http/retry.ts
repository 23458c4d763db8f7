/**
 * The one retry loop of both clients. Policy: retry only what can succeed later (transport faults,
 * 5xx, unparseable bodies, vendor rate-limit codes); never auth, IP, permission or validation codes,
 * because WEDOS lengthens its IP block and DNSPod bans the account for every failed attempt.
 */
import { minDelayOf } from "./errors";
import { type Logger, stderrLogger } from "./log";

export interface RetryConfig {
  /** Total attempts including the first. @default 5 */
  maxAttempts: number;
  /** First back-off delay. @default 500 */
  baseDelayMs: number;
  /** Cap on one back-off delay. @default 20000 */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryConfig = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 20_000 };

export interface RetryHooks<R = unknown> {
  /** Decides whether an error is worth another attempt, and how long at least to wait. */
  classify(err: unknown): { retry: boolean; minDelayMs?: number };
  /**
   * Called before re-sending a request whose first attempt may have been executed. Returns what
   * the call would have answered when the effect is already there (e.g. the row exists), so the
   * call succeeds without a resend; undefined when it is not.
   */
  reconcile?: (err: unknown) => Promise<R | undefined>;
  sleep(ms: number): Promise<void>;
  random(): number;
  onRetry?(err: unknown, attempt: number, delayMs: number): void;
}

export function backoff(config: RetryConfig, attempt: number, random: number, minDelayMs = 0): number {
  const exp = Math.min(config.maxDelayMs, config.baseDelayMs * 2 ** (attempt - 1));
  // Full jitter on the upper half keeps concurrent clients apart without collapsing to zero.
  return Math.max(minDelayMs, Math.round(exp / 2 + (exp / 2) * random));
}

/** A call whose effect was found already done: what reconcile found stands for its answer. */
export class Reconciled<R> {
  constructor(readonly reconciled: R) {}
}

export async function withRetry<T, R = never>(
  config: RetryConfig,
  hooks: RetryHooks<R>,
  attempt: (n: number) => Promise<T>,
): Promise<T | Reconciled<R>> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      const verdict = hooks.classify(err);
      if (!verdict.retry || n >= config.maxAttempts) throw err;
      // A server's Retry-After beats our own guess, whichever client asked.
      const delay = backoff(config, n, hooks.random(), Math.max(verdict.minDelayMs ?? 0, minDelayOf(err) ?? 0));
      hooks.onRetry?.(err, n, delay);
      await hooks.sleep(delay);
      if (hooks.reconcile && (err as { maybeExecuted?: boolean }).maybeExecuted) {
        const found = await hooks.reconcile(err);
        if (found !== undefined) return new Reconciled(found);
      }
    }
  }
}

export const sleepFor = (ms: number): Promise<void> => new Promise<void>((r) => setTimeout(r, ms));

/** The options every API client shares, with their defaults filled in. */
export interface ClientBasics {
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  retry?: Partial<RetryConfig>;
  timeoutMs?: number;
  log?: Logger;
}

export function withClientDefaults<O extends ClientBasics>(options: O) {
  return {
    sleep: sleepFor,
    random: Math.random,
    timeoutMs: 30_000,
    log: stderrLogger,
    ...options,
    retry: { ...DEFAULT_RETRY, ...options.retry },
  };
}
