/**
 * ListCache: reads of many records in one zone share one list call; a writer asks for a listing
 * that started after its write (`notBefore`) and never gets an older one. Jest's fake clock drives
 * both setTimeout and performance.now(), so time only moves when a test advances it; the loader is
 * a controllable fake that records when each load started.
 */
import { ListCache } from "../../provider/http/list-cache";

interface Load {
  zone: string;
  startedAt: number;
  resolve(v: string[]): void;
  reject(e: unknown): void;
}

function setup(maxAgeMs = 5_000, gatherMs = 5) {
  const loads: Load[] = [];
  const load = jest.fn(
    (zone: string) =>
      new Promise<string[]>((resolve, reject) => {
        loads.push({ zone, startedAt: performance.now(), resolve, reject });
      }),
  );
  return { cache: new ListCache<string>(load, maxAgeMs, gatherMs), load, loads };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** Runs what is already due (pending promise callbacks included) without moving the clock. */
const flush = () => jest.advanceTimersByTimeAsync(0);
const sleep = (ms: number) => jest.advanceTimersByTimeAsync(ms);

it("coalesces concurrent gets of a zone into one load", async () => {
  const { cache, load, loads } = setup();
  const gets = Array.from({ length: 10 }, () => cache.get("example.cz"));
  await flush();
  expect(load).toHaveBeenCalledTimes(1);
  loads[0]!.resolve(["a", "b"]);
  const results = await Promise.all(gets);
  expect(results.every((r) => r === results[0])).toBe(true);
  expect(results[0]).toEqual(["a", "b"]);
  expect(cache.loads).toBe(1);
});

it("reuses a finished listing within maxAgeMs and reloads after it", async () => {
  const { cache, load, loads } = setup(30);
  const first = cache.get("example.cz");
  await flush();
  loads[0]!.resolve(["a"]);
  await first;
  await expect(cache.get("example.cz")).resolves.toEqual(["a"]);
  expect(load).toHaveBeenCalledTimes(1);
  await sleep(30); // exactly maxAgeMs old: still served
  await expect(cache.get("example.cz")).resolves.toEqual(["a"]);
  expect(load).toHaveBeenCalledTimes(1);
  await sleep(10);
  const again = cache.get("example.cz");
  await flush();
  expect(load).toHaveBeenCalledTimes(2);
  loads[1]!.resolve(["a", "b"]);
  await expect(again).resolves.toEqual(["a", "b"]);
});

it("keeps zones apart", async () => {
  const { cache, loads } = setup();
  const cz = cache.get("example.cz");
  const sk = cache.get("example.sk");
  await flush();
  expect(loads.map((l) => l.zone)).toEqual(["example.cz", "example.sk"]);
  loads[0]!.resolve(["cz"]);
  loads[1]!.resolve(["sk"]);
  expect(await Promise.all([cz, sk])).toEqual([["cz"], ["sk"]]);
});

it("invalidate after a load started forces a new load", async () => {
  const { cache, load, loads } = setup();
  const stale = cache.get("example.cz");
  await flush();
  expect(load).toHaveBeenCalledTimes(1);
  cache.invalidate("example.cz"); // a write happened while the listing was in flight
  const fresh = cache.get("example.cz");
  await flush();
  expect(load).toHaveBeenCalledTimes(2);
  loads[0]!.resolve(["old"]);
  loads[1]!.resolve(["old", "new"]);
  await expect(stale).resolves.toEqual(["old"]);
  await expect(fresh).resolves.toEqual(["old", "new"]);
});

it("invalidate after a finished load forces a new load", async () => {
  const { cache, load, loads } = setup();
  const first = cache.get("example.cz");
  await flush();
  loads[0]!.resolve(["old"]);
  await first;
  cache.invalidate("example.cz");
  void cache.get("example.cz");
  await flush();
  expect(load).toHaveBeenCalledTimes(2);
});

it("get(zone, notBefore) never returns a listing that started before notBefore", async () => {
  const { cache, load, loads } = setup();
  const early = cache.get("example.cz");
  await flush();
  await sleep(2);
  const writeDone = performance.now();
  const late = cache.get("example.cz", writeDone);
  await sleep(20);
  expect(load).toHaveBeenCalledTimes(2);
  expect(loads[1]!.startedAt).toBeGreaterThanOrEqual(writeDone);
  expect(loads[1]!.startedAt).toBe(writeDone + 5); // it waited gatherMs for other writers
  loads[0]!.resolve(["before"]);
  loads[1]!.resolve(["after"]);
  await expect(early).resolves.toEqual(["before"]);
  await expect(late).resolves.toEqual(["after"]);
  // A finished listing that started before notBefore is not reused either, even within maxAgeMs.
  const later = performance.now();
  const again = cache.get("example.cz", later);
  await sleep(20);
  expect(load).toHaveBeenCalledTimes(3);
  loads[2]!.resolve(["latest"]);
  await expect(again).resolves.toEqual(["latest"]);
});

it("reuses a listing that started after notBefore", async () => {
  const { cache, load, loads } = setup();
  const writeDone = performance.now();
  const first = cache.get("example.cz");
  await flush();
  loads[0]!.resolve(["x"]);
  await first;
  await expect(cache.get("example.cz", writeDone)).resolves.toEqual(["x"]);
  expect(load).toHaveBeenCalledTimes(1);
});

it("concurrent notBefore callers (writers finishing together) share one load", async () => {
  const { cache, load, loads } = setup(5_000, 50);
  const gets: Array<Promise<string[]>> = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    cache.invalidate("example.cz"); // each writer drops the zone, then asks for a fresh listing
    gets.push(cache.get("example.cz", t));
    await sleep(1);
  }
  await sleep(80);
  expect(load).toHaveBeenCalledTimes(1);
  loads[0]!.resolve(["fresh"]);
  expect(await Promise.all(gets)).toEqual(Array(5).fill(["fresh"]));
  expect(cache.loads).toBe(1);
});

it("does not cache a failed load", async () => {
  const { cache, load, loads } = setup();
  const a = cache.get("example.cz");
  const b = cache.get("example.cz");
  await flush();
  loads[0]!.reject(new Error("WEDOS dns-rows-list: HTTP 503"));
  await expect(a).rejects.toThrow("HTTP 503");
  await expect(b).rejects.toThrow("HTTP 503");
  const c = cache.get("example.cz");
  await flush();
  expect(load).toHaveBeenCalledTimes(2);
  loads[1]!.resolve(["ok"]);
  await expect(c).resolves.toEqual(["ok"]);
});

it("clear() drops every zone", async () => {
  const { cache, load, loads } = setup();
  const a = cache.get("example.cz");
  await flush();
  loads[0]!.resolve(["a"]);
  await a;
  cache.clear();
  void cache.get("example.cz");
  await flush();
  expect(load).toHaveBeenCalledTimes(2);
});

describe("recent: what is there besides this process's own additions", () => {
  it("serves the listing an own add dropped, without a load; a get reloads", async () => {
    const { cache, load, loads } = setup();
    const first = cache.get("example.cz");
    await flush();
    loads[0]!.resolve(["a"]);
    await first;
    cache.invalidate("example.cz", { adds: true });
    await expect(cache.recent("example.cz")).resolves.toEqual(["a"]);
    expect(load).toHaveBeenCalledTimes(1);
    void cache.get("example.cz");
    await flush();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("never serves one a removal or change dropped, nor one older than maxAgeMs", async () => {
    const { cache, load, loads } = setup(30);
    const first = cache.get("example.cz");
    await flush();
    loads[0]!.resolve(["a"]);
    await first;
    cache.invalidate("example.cz");
    void cache.recent("example.cz");
    await flush();
    expect(load).toHaveBeenCalledTimes(2);
    loads[1]!.resolve(["b"]);
    await sleep(31);
    void cache.recent("example.cz");
    await flush();
    expect(load).toHaveBeenCalledTimes(3);
  });
});
