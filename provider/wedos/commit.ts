/**
 * Per-zone commit coalescing. Every mutation must be committed before its Pulumi operation
 * returns, but one dns-domain-commit covers every change made to the zone before it was sent.
 * So concurrent mutations join one batch; a batch is sent after a short quiet period, only when
 * no commit of the zone is in flight, and every waiter of the batch shares its outcome.
 */
export interface CoalescerOptions {
  commit: (zone: string) => Promise<void>;
  /**
   * Wait this long after the last joiner before sending (more mutations may be finishing). The
   * engine hands out creates a few tens of milliseconds apart, so shorter waits commit per row.
   * @default 120
   */
  quietMs?: number;
  /** …but never longer than this after the first joiner. @default 1000 */
  maxWaitMs?: number;
  /**
   * Keep the batch open this many times the recent gap between joiners (at most a second), when
   * that is longer than quietMs: an engine that hands out creates every 150 ms (its checkpoints
   * pace it) otherwise sends a commit for every row or two. @default 0 (off)
   */
  paceFactor?: number;
}

/** The longest gap between two joiners that still counts as one stream of mutations. */
const STREAM_GAP_MS = 1_000;

interface Batch {
  promise: Promise<void>;
  resolve(): void;
  reject(err: unknown): void;
  firstAt: number;
  timer?: NodeJS.Timeout;
}

interface ZoneState {
  inFlight?: Promise<void>;
  next?: Batch;
  /** When the last mutation joined, and the recent gap between joiners (moving average, ms). */
  lastJoin?: number;
  gapMs?: number;
}

export class CommitCoalescer {
  private zones = new Map<string, ZoneState>();
  /** Commits sent, per zone; read by tests and `make bench`. */
  readonly sent = new Map<string, number>();

  constructor(private readonly options: CoalescerOptions) {}

  /** Resolves once a commit that was sent after this call succeeded; rejects if it failed. */
  committed(zone: string): Promise<void> {
    const state = this.zones.get(zone) ?? {};
    this.zones.set(zone, state);
    const now = Date.now();
    // Only joiners at most a second apart are a stream; a longer gap (the zone's own create, then
    // its records later) says nothing about the pace and would hold the next commit for seconds.
    const gap = state.lastJoin === undefined ? undefined : now - state.lastJoin;
    state.gapMs = gap === undefined || gap > STREAM_GAP_MS ? undefined : 0.7 * (state.gapMs ?? gap) + 0.3 * gap;
    state.lastJoin = now;
    if (!state.next) {
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      state.next = { promise, resolve, reject, firstAt: Date.now() };
    }
    this.arm(zone, state, state.next);
    return state.next.promise;
  }

  private arm(zone: string, state: ZoneState, batch: Batch): void {
    clearTimeout(batch.timer);
    const paced = Math.min(STREAM_GAP_MS, (this.options.paceFactor ?? 0) * (state.gapMs ?? 0));
    const quiet = Math.max(this.options.quietMs ?? 120, paced);
    const left = (this.options.maxWaitMs ?? 1000) - (Date.now() - batch.firstAt);
    batch.timer = setTimeout(() => void this.fire(zone, state, batch), Math.max(0, Math.min(quiet, left)));
  }

  private async fire(zone: string, state: ZoneState, batch: Batch): Promise<void> {
    // A running commit may have been sent before these mutations; wait for it, then send our own.
    while (state.inFlight) await state.inFlight.catch(() => undefined);
    if (state.next !== batch) return;
    state.next = undefined;
    const run = this.options.commit(zone);
    state.inFlight = run;
    this.sent.set(zone, (this.sent.get(zone) ?? 0) + 1);
    try {
      await run;
      batch.resolve();
    } catch (err) {
      batch.reject(err);
    } finally {
      if (state.inFlight === run) state.inFlight = undefined;
      // The zone's pace is kept while mutations keep coming; a quiet zone starts afresh.
      const keepPace = (this.options.paceFactor ?? 0) > 0 && Date.now() - (state.lastJoin ?? 0) <= (this.options.maxWaitMs ?? 1000);
      if (!state.inFlight && !state.next && !keepPace) this.zones.delete(zone);
    }
  }
}
