/**
 * The one retry loop: back-off bounds, and withRetry's stop conditions — non-retryable
 * errors, maxAttempts — plus the reconcile hook for maybe-executed requests.
 */
import { ApiConnectionError, HttpStatusError, ResponseParseError } from "../../provider/http/errors";
import { backoff, DEFAULT_RETRY, type RetryConfig, type RetryHooks, withRetry } from "../../provider/http/retry";

describe("backoff", () => {
  const configs: RetryConfig[] = [
    DEFAULT_RETRY,
    { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1_000 },
    { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
  ];
  const randoms = [0, 0.001, 0.25, 0.5, 0.999_999, 1];

  it.each(configs)("stays within [exp/2, min(exp, maxDelayMs)] for %j", (config) => {
    for (let attempt = 1; attempt <= 40; attempt++) {
      const exp = Math.min(config.maxDelayMs, config.baseDelayMs * 2 ** (attempt - 1));
      for (const r of randoms) {
        const d = backoff(config, attempt, r);
        expect(Number.isInteger(d)).toBe(true);
        expect(d).toBeGreaterThanOrEqual(Math.floor(exp / 2));
        expect(d).toBeLessThanOrEqual(config.maxDelayMs);
        expect(d).toBeLessThanOrEqual(Math.ceil(exp));
      }
    }
  });

  it("grows with the attempt until it reaches the cap", () => {
    const at = (n: number) => backoff(DEFAULT_RETRY, n, 0.5);
    expect([1, 2, 3, 4, 5, 6, 7].map(at)).toEqual([375, 750, 1500, 3000, 6000, 12000, 15000]);
    expect(at(50)).toBe(15000);
    expect(backoff(DEFAULT_RETRY, 50, 1)).toBe(DEFAULT_RETRY.maxDelayMs);
    expect(backoff(DEFAULT_RETRY, 2000, 0)).toBe(DEFAULT_RETRY.maxDelayMs / 2);
  });

  it.each([
    [1, 0, 0, 250],
    [1, 0, 5_000, 5_000],
    [6, 1, 10_000, 16_000],
    [6, 1, 19_999, 19_999],
    [10, 1, 20_000, 20_000],
  ])("attempt %i, random %d, minDelayMs %i → %i (never below minDelayMs)", (attempt, r, min, want) => {
    const d = backoff(DEFAULT_RETRY, attempt, r, min);
    expect(d).toBe(want);
    expect(d).toBeGreaterThanOrEqual(min);
    expect(d).toBeLessThanOrEqual(DEFAULT_RETRY.maxDelayMs);
  });
});

describe("withRetry", () => {
  const config: RetryConfig = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 };

  function hooks(extra: Partial<RetryHooks> = {}) {
    const sleeps: number[] = [];
    const retries: Array<[number, number]> = [];
    const h: RetryHooks = {
      classify: (err) => ({ retry: (err as { retryable?: boolean }).retryable === true }),
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0.5,
      onRetry: (_err, n, delay) => void retries.push([n, delay]),
      ...extra,
    };
    return { h, sleeps, retries };
  }

  /** An attempt function that throws the given errors in turn, then returns "ok". */
  function script(...errors: unknown[]) {
    const fn = jest.fn(async (_n: number) => {
      const e = errors.shift();
      if (e !== undefined) throw e;
      return "ok";
    });
    return fn;
  }

  const retryable = () => new HttpStatusError("WEDOS", "ping", 503, "busy");
  const fatal = () => new HttpStatusError("WEDOS", "ping", 400, "bad request");

  it("returns the first success without sleeping", async () => {
    const { h, sleeps } = hooks();
    await expect(withRetry(config, h, script())).resolves.toBe("ok");
    expect(sleeps).toEqual([]);
  });

  it.each([
    ["a non-retryable HTTP status", fatal()],
    ["a plain Error", new Error("bug")],
    ["a thrown string", "boom"],
  ])("stops at once on %s and rethrows it unchanged", async (_label, err) => {
    const { h, sleeps } = hooks();
    const attempt = script(err);
    await expect(withRetry(config, h, attempt)).rejects.toBe(err);
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(sleeps).toEqual([]);
  });

  it("stops on a non-retryable error that follows retryable ones", async () => {
    const { h, sleeps } = hooks();
    const stop = fatal();
    const attempt = script(retryable(), retryable(), stop);
    await expect(withRetry(config, h, attempt)).rejects.toBe(stop);
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(sleeps).toEqual([75, 150]);
  });

  it("retries retryable errors with growing delays and numbers the attempts", async () => {
    const { h, sleeps, retries } = hooks();
    const attempt = script(
      retryable(),
      new ResponseParseError("WEDOS", "ping", "<html>", "not JSON"),
      new ApiConnectionError("WEDOS", "ping", new Error("reset"), true),
    );
    await expect(withRetry(config, h, attempt)).resolves.toBe("ok");
    expect(attempt.mock.calls.map((c) => c[0])).toEqual([1, 2, 3, 4]);
    expect(sleeps).toEqual([75, 150, 300]);
    expect(retries).toEqual([
      [1, 75],
      [2, 150],
      [3, 300],
    ]);
  });

  it.each([1, 2, 4])("makes at most maxAttempts = %i attempts and throws the last error", async (maxAttempts) => {
    const { h, sleeps } = hooks();
    const errors = Array.from({ length: 6 }, retryable);
    const attempt = script(...errors);
    await expect(withRetry({ ...config, maxAttempts }, h, attempt)).rejects.toBe(errors[maxAttempts - 1]);
    expect(attempt).toHaveBeenCalledTimes(maxAttempts);
    expect(sleeps).toHaveLength(maxAttempts - 1);
  });

  it("honours the classifier's minDelayMs (e.g. Retry-After)", async () => {
    const { h, sleeps } = hooks({ classify: () => ({ retry: true, minDelayMs: 7_000 }) });
    await withRetry(config, h, script(retryable()));
    expect(sleeps).toEqual([7_000]);
  });

  it("honours a server's Retry-After by itself, for any client", async () => {
    const { h, sleeps } = hooks({ classify: () => ({ retry: true }) });
    await withRetry(config, h, script(new HttpStatusError("DNSPod", "Record.List", 503, "busy", "9")));
    expect(sleeps).toEqual([9_000]);
  });

  describe("reconcile", () => {
    it("returns { reconciled: true } without resending when a maybe-executed effect is there", async () => {
      const reconcile = jest.fn(async () => true);
      const { h, sleeps } = hooks({ reconcile });
      const attempt = script(new HttpStatusError("WEDOS", "dns-row-add", 502, "bad gateway"));
      await expect(withRetry(config, h, attempt)).resolves.toEqual({ reconciled: true });
      expect(attempt).toHaveBeenCalledTimes(1);
      expect(reconcile).toHaveBeenCalledTimes(1);
      expect(sleeps).toHaveLength(1);
    });

    it("resends when the effect is not there", async () => {
      const reconcile = jest.fn(async () => undefined);
      const { h } = hooks({ reconcile });
      const attempt = script(new ApiConnectionError("WEDOS", "dns-row-add", new Error("reset"), true));
      await expect(withRetry(config, h, attempt)).resolves.toBe("ok");
      expect(attempt).toHaveBeenCalledTimes(2);
      expect(reconcile).toHaveBeenCalledTimes(1);
    });

    it.each([
      ["429 (not executed)", new HttpStatusError("WEDOS", "dns-row-add", 429, "")],
      ["a refused connection", new ApiConnectionError("WEDOS", "dns-row-add", new Error("refused"), false)],
    ])("is not asked after %s", async (_label, err) => {
      const reconcile = jest.fn(async () => true);
      const { h } = hooks({ reconcile });
      await expect(withRetry(config, h, script(err))).resolves.toBe("ok");
      expect(reconcile).not.toHaveBeenCalled();
    });

    it("is not asked for a non-retryable error, even one that may have run", async () => {
      const reconcile = jest.fn(async () => true);
      const { h } = hooks({ reconcile });
      const stop = Object.assign(new Error("2316 row exists"), { retryable: false, maybeExecuted: true });
      await expect(withRetry(config, h, script(stop))).rejects.toBe(stop);
      expect(reconcile).not.toHaveBeenCalled();
    });
  });
});
