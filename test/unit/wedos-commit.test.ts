/**
 * CommitCoalescer: one dns-domain-commit per zone covers every change
 * made before it was sent; concurrent mutations share one; a caller is only ever released by a commit
 * sent after its call; a failed commit fails its whole batch. Fake timers drive quietMs/maxWaitMs.
 */
import { CommitCoalescer } from "../../provider/wedos/commit";

interface Deferred {
  zone: string;
  sentAt: number;
  resolve(): void;
  reject(e: unknown): void;
}

function setup(opts: { quietMs?: number; maxWaitMs?: number; paceFactor?: number } = {}) {
  const commits: Deferred[] = [];
  const commit = jest.fn(
    (zone: string) =>
      new Promise<void>((resolve, reject) => {
        commits.push({ zone, sentAt: Date.now(), resolve, reject });
      }),
  );
  // The behaviour is tested with short, explicit waits; the production defaults are tested below.
  return { co: new CommitCoalescer({ commit, quietMs: 30, maxWaitMs: 250, ...opts }), commit, commits };
}

/** Tracks a promise's outcome without awaiting it. */
function track(p: Promise<void>) {
  const s = { settled: false, ok: false, err: undefined as unknown };
  p.then(
    () => Object.assign(s, { settled: true, ok: true }),
    (err) => Object.assign(s, { settled: true, err }),
  );
  return s;
}

const tick = (ms: number) => jest.advanceTimersByTimeAsync(ms);

beforeEach(() => jest.useFakeTimers({ now: new Date("2026-06-15T09:30:00Z") }));
afterEach(() => jest.useRealTimers());

it("coalesces 20 concurrent callers into one commit", async () => {
  const { co, commit, commits } = setup();
  const waiters = Array.from({ length: 20 }, () => track(co.committed("example.cz")));
  await tick(29);
  expect(commit).not.toHaveBeenCalled();
  await tick(1);
  expect(commit).toHaveBeenCalledTimes(1);
  expect(commit).toHaveBeenCalledWith("example.cz");
  expect(waiters.some((w) => w.settled)).toBe(false);
  commits[0]!.resolve();
  await tick(0);
  expect(waiters.every((w) => w.ok)).toBe(true);
  expect(co.sent.get("example.cz")).toBe(1);
});

it("waits quietMs after the last joiner", async () => {
  const { co, commit } = setup({ quietMs: 30, maxWaitMs: 1_000 });
  void co.committed("example.cz");
  await tick(20);
  void co.committed("example.cz");
  await tick(20);
  expect(commit).not.toHaveBeenCalled();
  await tick(10);
  expect(commit).toHaveBeenCalledTimes(1);
});

it("never releases a caller with a commit that was already in flight when it called", async () => {
  const { co, commit, commits } = setup();
  const a = track(co.committed("example.cz"));
  await tick(30);
  expect(commit).toHaveBeenCalledTimes(1); // commit #1 is in flight
  const b = track(co.committed("example.cz"));
  await tick(100); // b's batch is due but must wait for #1 to finish
  expect(commit).toHaveBeenCalledTimes(1);
  commits[0]!.resolve();
  await tick(0);
  expect(a.ok).toBe(true);
  expect(b.settled).toBe(false);
  expect(commit).toHaveBeenCalledTimes(2); // #2 sent after #1 finished
  expect(commits[1]!.sentAt).toBeGreaterThanOrEqual(commits[0]!.sentAt);
  commits[1]!.resolve();
  await tick(0);
  expect(b.ok).toBe(true);
});

it("does not release a caller when the in-flight commit before it fails; its own commit decides", async () => {
  const { co, commits } = setup();
  const a = track(co.committed("example.cz"));
  await tick(30);
  const b = track(co.committed("example.cz"));
  await tick(30);
  commits[0]!.reject(new Error("3305 locked"));
  await tick(0);
  expect(a.err).toEqual(new Error("3305 locked"));
  expect(b.settled).toBe(false);
  commits[1]!.resolve();
  await tick(0);
  expect(b.ok).toBe(true);
});

it("rejects every waiter of a failed batch with its error; the next batch commits again", async () => {
  const { co, commit, commits } = setup();
  const failure = new Error("WEDOS dns-domain-commit: code 4000");
  const batch = Array.from({ length: 5 }, () => track(co.committed("example.cz")));
  await tick(30);
  commits[0]!.reject(failure);
  await tick(0);
  expect(batch.every((w) => w.settled && w.err === failure)).toBe(true);
  const again = track(co.committed("example.cz"));
  await tick(30);
  expect(commit).toHaveBeenCalledTimes(2);
  commits[1]!.resolve();
  await tick(0);
  expect(again.ok).toBe(true);
  expect(co.sent.get("example.cz")).toBe(2);
});

it("commits different zones independently", async () => {
  const { co, commit, commits } = setup();
  const cz = track(co.committed("example.cz"));
  const sk = track(co.committed("example.sk"));
  await tick(30);
  expect(commit.mock.calls.map((c) => c[0]).sort()).toEqual(["example.cz", "example.sk"]);
  // example.cz's commit hangs; example.sk is not held up by it, and a new sk batch is not either.
  commits.find((c) => c.zone === "example.sk")!.resolve();
  await tick(0);
  expect(sk.ok).toBe(true);
  expect(cz.settled).toBe(false);
  const sk2 = track(co.committed("example.sk"));
  await tick(30);
  commits.filter((c) => c.zone === "example.sk")[1]!.resolve();
  await tick(0);
  expect(sk2.ok).toBe(true);
  expect(cz.settled).toBe(false);
  expect(co.sent.get("example.sk")).toBe(2);
  expect(co.sent.get("example.cz")).toBe(1);
});

it.each([
  [30, 250, 10],
  [30, 100, 5],
  [50, 120, 1],
])("quietMs %i, maxWaitMs %i: a caller every %i ms still gets a commit within maxWaitMs", async (quietMs, maxWaitMs, every) => {
  const { co, commits } = setup({ quietMs, maxWaitMs });
  const start = Date.now();
  const first = track(co.committed("example.cz"));
  const others: Array<ReturnType<typeof track>> = [];
  while (Date.now() - start < maxWaitMs * 3) {
    await tick(every);
    others.push(track(co.committed("example.cz")));
    for (const c of commits) c.resolve();
  }
  expect(commits[0]!.sentAt - start).toBeLessThanOrEqual(maxWaitMs);
  await tick(0);
  expect(first.ok).toBe(true);
  // Under the steady stream, commits keep going out at most maxWaitMs + one commit apart.
  expect(commits.length).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < commits.length; i++) expect(commits[i]!.sentAt - commits[i - 1]!.sentAt).toBeLessThanOrEqual(maxWaitMs + every);
  await tick(maxWaitMs);
  for (const c of commits) c.resolve();
  await tick(0);
  expect(others.every((o) => o.ok)).toBe(true);
});

it("drops the state of an idle zone", async () => {
  const { co, commits } = setup();
  const a = track(co.committed("example.cz"));
  await tick(30);
  commits[0]!.resolve();
  await tick(0);
  expect(a.ok).toBe(true);
  expect((co as unknown as { zones: Map<string, unknown> }).zones.size).toBe(0);
});

it("by default waits 120 ms of quiet, at most 1 s, so creates the engine hands out tens of ms apart share a commit", async () => {
  const commit = jest.fn(async () => undefined);
  const co = new CommitCoalescer({ commit });
  const waiters: Promise<void>[] = [];
  for (let i = 0; i < 10; i++) {
    waiters.push(co.committed("example.cz"));
    await tick(60);
  }
  expect(commit).not.toHaveBeenCalled();
  await tick(119);
  expect(commit).toHaveBeenCalledTimes(1);
  await Promise.all(waiters);
  for (let i = 0; i < 30; i++) {
    void co.committed("example.cz");
    await tick(50);
  }
  // A steady stream still commits within a second of its first joiner.
  expect(commit.mock.calls.length).toBeGreaterThanOrEqual(2);
});

describe("paceFactor: a stream slower than quietMs", () => {
  it("joiners 150 ms apart share one commit once their pace is known, instead of one commit each", async () => {
    const { co, commit, commits } = setup({ quietMs: 120, maxWaitMs: 2_000, paceFactor: 3 });
    const waiters = [track(co.committed("example.cz"))];
    // The first joiner has no pace yet: it commits alone after quietMs.
    await tick(150);
    expect(commit).toHaveBeenCalledTimes(1);
    commits[0]!.resolve();
    for (let i = 1; i < 10; i++) {
      waiters.push(track(co.committed("example.cz")));
      await tick(150);
    }
    // The next nine came 150 ms apart: the batch stays open 450 ms after each, so they share one.
    expect(commit).toHaveBeenCalledTimes(1);
    await tick(300);
    expect(commit).toHaveBeenCalledTimes(2);
    commits[1]!.resolve();
    await tick(0);
    expect(waiters.every((w) => w.ok)).toBe(true);
  });

  it("without it the same stream commits every joiner or two", async () => {
    const { co, commit, commits } = setup({ quietMs: 120, maxWaitMs: 2_000 });
    for (let i = 0; i < 10; i++) {
      void co.committed("example.cz").catch(() => undefined);
      await tick(150);
      for (const c of commits.splice(0)) c.resolve();
    }
    expect(commit.mock.calls.length).toBeGreaterThanOrEqual(5);
  });

  it("a lone mutation still commits after quietMs", async () => {
    const { co, commit } = setup({ quietMs: 120, maxWaitMs: 8_000, paceFactor: 3 });
    void co.committed("example.cz");
    await tick(120);
    expect(commit).toHaveBeenCalledTimes(1);
  });

  it("a joiner long after the last one is not a pace: it commits after quietMs", async () => {
    const { co, commit, commits } = setup({ quietMs: 120, maxWaitMs: 8_000, paceFactor: 3 });
    void co.committed("example.cz");
    await tick(120);
    commits[0]!.resolve();
    // The zone's records come 2 s after the zone itself.
    await tick(2_000);
    void co.committed("example.cz");
    await tick(120);
    expect(commit).toHaveBeenCalledTimes(2);
  });
});
