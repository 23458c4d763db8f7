/**
 * Waits until every nameserver serves the changed records: asks each lagging server again, with
 * backoff (1 s, 2 s, 4 s … at most 30 s), until all agree or the timeout would pass, then fails
 * naming each server still lagging and what it still answers. The clock and the sleep are
 * injected, so the tests run in no time.
 */
import { checkServer, type ServerCheck, serverName } from "./check";
import type { Expectation } from "./compare";
import type { Query } from "./query";
import type { Nameserver } from "./servers";

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

export interface WaitOptions {
  /** Who is waiting, for messages: "WEDOS", "DNSPod". */
  api: string;
  servers: Nameserver[];
  expectations: Expectation[];
  timeoutMs: number;
  query: Query;
  clock?: Clock;
  /** First pause and the most a pause grows to (defaults 1000 and 30000 ms). */
  backoff?: { firstMs: number; maxMs: number };
  /** Told after each round that left servers lagging (for a progress message). */
  onLagging?: (lagging: ServerCheck[], nextCheckInMs: number) => void;
}

export interface WaitResult {
  /** Rounds of questions (1 when everything was served at once). */
  rounds: number;
  queries: number;
  elapsedMs: number;
}

/** What each lagging server still answers, one line per record that differs. */
function lagReport(lagging: ServerCheck[]): string {
  return lagging
    .map((c) => {
      const lines = c.differences.map((d) => {
        const wanted = [d.expected.join(", "), d.absent.length ? `not ${d.absent.join(", ")}` : ""].filter(Boolean).join(" and ");
        return `  ${d.name} ${d.type}: answers ${d.answer}; expected ${wanted || "nothing"}`;
      });
      return `${serverName(c.server)}:\n${lines.join("\n")}`;
    })
    .join("\n");
}

export class NotServedError extends Error {
  override readonly name = "NotServedError";
  constructor(
    api: string,
    readonly lagging: ServerCheck[],
    timeoutMs: number,
  ) {
    super(
      `${api}: the change is written but ${lagging.length === 1 ? "a nameserver does" : `${lagging.length} nameservers do`} not serve it after ${timeoutMs / 1000} s:\n${lagReport(lagging)}`,
    );
  }
}

export async function waitUntilServed(o: WaitOptions): Promise<WaitResult> {
  const clock = o.clock ?? realClock;
  const { firstMs, maxMs } = o.backoff ?? { firstMs: 1000, maxMs: 30_000 };
  const start = clock.now();
  let pending = o.servers;
  let pause = firstMs;
  let queries = 0;
  for (let round = 1; ; round++) {
    const checks = await Promise.all(pending.map((s) => checkServer(s, o.expectations, o.query)));
    queries += checks.reduce((n, c) => n + c.queries, 0);
    const lagging = checks.filter((c) => c.differences.length > 0);
    if (lagging.length === 0) return { rounds: round, queries, elapsedMs: clock.now() - start };
    const left = start + o.timeoutMs - clock.now();
    if (left <= 0) throw new NotServedError(o.api, lagging, o.timeoutMs);
    const wait = Math.min(pause, left);
    o.onLagging?.(lagging, wait);
    await clock.sleep(wait);
    pause = Math.min(pause * 2, maxMs);
    pending = lagging.map((c) => c.server);
  }
}
