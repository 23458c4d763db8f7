/**
 * RequestBudget: the client-side pacing that keeps us under the vendor's limit (WEDOS: 1000 requests
 * per hour per account; 2006 counts as an invalid request). Fake clock; sleep records the wait.
 */
import { fileBudgetStore, RequestBudget } from "../../provider/http/budget";

const T0 = 1_000_000;

function setup(limit = 60, windowMs = 10_000) {
  let t = T0;
  const sleeps: number[] = [];
  const onWait = jest.fn();
  const budget = new RequestBudget({ limit, windowMs, now: () => t, sleep: async (ms) => void sleeps.push(ms), onWait });
  /** Starts a take and returns the time its slot was granted (take's bookkeeping is synchronous). */
  const take = (): { at: number; done: Promise<void> } => {
    const before = budget.waitedMs;
    const done = budget.take();
    return { at: t + (budget.waitedMs - before), done };
  };
  return { budget, sleeps, onWait, take, advance: (ms: number) => (t += ms), now: () => t };
}

/** mulberry32: a small seeded PRNG so the property loop is reproducible. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

it("rejects a limit below 1", () => {
  for (const limit of [0, -1, Number.NaN]) {
    expect(() => new RequestBudget({ limit, windowMs: 1000, now: () => 0, sleep: async () => undefined })).toThrow(/at least 1/);
  }
});

it("grants `limit` requests at once, then request 61 waits until the first grant + 10 s", async () => {
  const s = setup();
  const first = s.take();
  s.advance(1_234);
  for (let i = 2; i <= 60; i++) await s.take().done;
  expect(s.sleeps).toEqual([]);
  s.advance(100);
  const r61 = s.take();
  await r61.done;
  expect(r61.at).toBe(first.at + 10_000);
  expect(s.sleeps).toEqual([10_000 - 1_334]);
  expect(s.budget.waitedMs).toBe(10_000 - 1_334);
});

it("frees a slot exactly when the window has passed", async () => {
  const s = setup(2, 1_000);
  await s.take().done;
  await s.take().done;
  s.advance(999);
  expect(s.take().at).toBe(T0 + 1_000);
  s.advance(1);
  // The third grant sits at T0+1000; at T0+1000 the first two have left the window.
  expect(s.take().at).toBe(T0 + 1_000);
  expect(s.sleeps).toEqual([1]);
});

it("gives concurrent takes ordered slots", async () => {
  const s = setup();
  for (let i = 0; i < 60; i++) {
    s.take();
    s.advance(10);
  }
  // 10 callers at the same instant: each gets the slot freed by the grant 60 before it.
  const waiting = Array.from({ length: 10 }, () => s.take());
  expect(waiting.map((w) => w.at)).toEqual(Array.from({ length: 10 }, (_, i) => T0 + i * 10 + 10_000));
  await Promise.all(waiting.map((w) => w.done));
  expect(s.sleeps).toEqual(waiting.map((w) => w.at - s.now()));
});

it("tells onWait once per stretch of waiting, with the wait and the queue", async () => {
  const s = setup();
  for (let i = 0; i < 60; i++) await s.take().done;
  const burst = Array.from({ length: 30 }, () => s.take());
  s.advance(1_000);
  burst.push(s.take());
  await Promise.all(burst.map((b) => b.done));
  expect(s.onWait).toHaveBeenCalledTimes(1);
  expect(s.onWait).toHaveBeenCalledWith(10_000, 1);
  // A later, separate stretch is announced again.
  s.advance(60_000);
  for (let i = 0; i < 60; i++) await s.take().done;
  await s.take().done;
  expect(s.onWait).toHaveBeenCalledTimes(2);
});

// The doc comment promises one notice per stretch of waiting. The implementation throttles to one
// per 5 s instead, so a queue that never drains (new waiters keep arriving) is announced every ~5 s.
it("repeats the onWait notice at most every 5 s while a queue keeps waiting", async () => {
  const s = setup();
  for (let i = 0; i < 60; i++) await s.take().done;
  const queued: Array<Promise<void>> = [];
  for (let i = 0; i < 60; i++) {
    queued.push(s.take().done); // each waits for a slot ≥ T0 + 10 s: the queue is never empty
    s.advance(100);
  }
  await Promise.all(queued);
  // 60 waiters arriving over 6 s: one notice at the start, one more after 5 s.
  expect(s.onWait).toHaveBeenCalledTimes(2);
});

it("does not call onWait when nobody waits", async () => {
  const s = setup(5, 1_000);
  for (let i = 0; i < 50; i++) {
    await s.take().done;
    s.advance(200);
  }
  expect(s.onWait).not.toHaveBeenCalled();
  expect(s.budget.waitedMs).toBe(0);
});

describe.each([
  [60, 10_000, 1],
  [5, 1_000, 42],
  [1, 500, 7],
  [1000, 3_600_000, 2026],
])("property: limit %i per %i ms (seed %i)", (limit, windowMs, seed) => {
  it("never grants more than limit in any window, in FIFO order, as early as allowed", async () => {
    const s = setup(limit, windowMs);
    const random = prng(seed);
    const grants: number[] = [];
    const requested: number[] = [];
    const pending: Array<Promise<void>> = [];
    for (let i = 0; i < 500; i++) {
      // Bursts (no gap), short and long gaps relative to the window.
      const r = random();
      s.advance(r < 0.4 ? 0 : r < 0.9 ? Math.floor(random() * (windowMs / limit) * 2) : Math.floor(random() * windowMs));
      requested.push(s.now());
      const { at, done } = s.take();
      grants.push(at);
      pending.push(done);
    }
    await Promise.all(pending);
    for (let i = 0; i < grants.length; i++) {
      expect(grants[i]).toBeGreaterThanOrEqual(requested[i]!);
      if (i > 0) expect(grants[i]).toBeGreaterThanOrEqual(grants[i - 1]!);
      // At most `limit` grants in any half-open window [g, g + windowMs).
      if (i >= limit) expect(grants[i]! - grants[i - limit]!).toBeGreaterThanOrEqual(windowMs);
      // …and no later than needed: either at once, or exactly when the window frees a slot.
      const earliest = i >= limit ? Math.max(requested[i]!, grants[i - limit]! + windowMs) : requested[i]!;
      expect(grants[i]).toBe(earliest);
    }
  });
});

describe("grants kept across runs", () => {
  it("a second budget of the same account starts from the first one's grants, and waits like it", async () => {
    let saved: number[] = [];
    const store = {
      load: () => [...saved],
      save: (g: readonly number[]) => {
        saved = [...g];
      },
    };
    let t = T0;
    const sleeps: number[] = [];
    const first = new RequestBudget({ limit: 3, windowMs: 10_000, now: () => t, sleep: async (ms) => void sleeps.push(ms), store });
    for (let i = 0; i < 3; i++) await first.take();
    expect(saved).toEqual([T0, T0, T0]);
    t += 4_000; // the next `pulumi up`, a new process, 4 s later
    const second = new RequestBudget({ limit: 3, windowMs: 10_000, now: () => t, sleep: async (ms) => void sleeps.push(ms), store });
    await second.take();
    expect(sleeps).toEqual([6_000]);
    expect(saved).toEqual([T0, T0, T0, T0 + 10_000]);
    t += 20_000; // past the window: old grants drop out, nothing waits
    await second.take();
    expect(sleeps).toEqual([6_000]);
  });

  it("the file store of the state directory survives the process: same account, same file; another account starts empty", () => {
    const dir = require("node:fs").mkdtempSync(require("node:path").join(require("node:os").tmpdir(), "pdw-budget-"));
    const before = process.env.PULUMI_DNSPOD_WEDOS_STATE_DIR;
    process.env.PULUMI_DNSPOD_WEDOS_STATE_DIR = dir;
    try {
      fileBudgetStore("WEDOS", "https://api.wedos.com/wapi/json|a@example.com").save([1, 2, 3]);
      expect(fileBudgetStore("WEDOS", "https://api.wedos.com/wapi/json|a@example.com").load()).toEqual([1, 2, 3]);
      expect(fileBudgetStore("WEDOS", "https://api.wedos.com/wapi/json|b@example.com").load()).toEqual([]);
      expect(fileBudgetStore("DNSPod", "https://api.wedos.com/wapi/json|a@example.com").load()).toEqual([]);
      // Nothing secret in the name or the content: the account is hashed, grants are times.
      const names = require("node:fs").readdirSync(dir) as string[];
      expect(names.join()).not.toContain("example.com");
    } finally {
      if (before === undefined) delete process.env.PULUMI_DNSPOD_WEDOS_STATE_DIR;
      else process.env.PULUMI_DNSPOD_WEDOS_STATE_DIR = before;
      require("node:fs").rmSync(dir, { recursive: true, force: true });
    }
  });
});
