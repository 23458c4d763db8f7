/**
 * WedosClient errors and retries: every
 * non-1000 code is a WedosApiError naming code, meaning and fix; auth/IP/validation codes are sent
 * exactly once; transport faults, 5xx, non-JSON bodies and 2006 are retried with growing back-off,
 * each attempt signed afresh; a maybe-executed dns-row-add is reconciled instead of resent.
 */

import { RequestBudget } from "../../provider/http/budget";
import { ApiConnectionError, HttpStatusError, ResponseParseError } from "../../provider/http/errors";
import type { WedosClient } from "../../provider/wedos/client";
import { WEDOS_CODES } from "../../provider/wedos/codes";
import { WedosApiError } from "../../provider/wedos/errors";
import { authFor, envelope, fixture, type Harness, harness } from "../fixtures/wedos/harness";

let h: Harness | undefined;
afterEach(async () => {
  h?.agent.assertNoPendingInterceptors();
  await h?.agent.close();
  h = undefined;
});

const ROW = { name: "www", type: "A", ttl: 300, rdata: "192.0.2.1" };
const ROW_OBJECT = 'row "www" A "192.0.2.1" of zone "example.cz"';
const svTRIDOf = (file: string): string => JSON.parse(fixture(file)).response.svTRID;
const reset = () => Object.assign(new Error("other side closed"), { code: "ECONNRESET" });
const failure = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );

describe("WedosApiError for each important code", () => {
  // [code, fixture, call, command, object]
  const CASES: Array<[number, string, (c: WedosClient) => Promise<unknown>, string, string]> = [
    [2050, "dns-row-add-error-2050.json", (c) => c.addRow("example.cz", ROW), "dns-row-add", ROW_OBJECT],
    [2051, "dns-row-add-error-2051.json", (c) => c.addRow("example.cz", ROW), "dns-row-add", ROW_OBJECT],
    [2052, "dns-row-add-error-2052.json", (c) => c.addRow("example.cz", ROW), "dns-row-add", ROW_OBJECT],
    [2006, "dns-rows-list-error-2006.json", (c) => c.listRows("example.cz"), "dns-rows-list", 'zone "example.cz"'],
    [2316, "dns-row-add-error-2316.json", (c) => c.addRow("example.cz", ROW), "dns-row-add", ROW_OBJECT],
    [2313, "dns-row-add-error-2313.json", (c) => c.addRow("example.cz", ROW), "dns-row-add", ROW_OBJECT],
    [
      3309,
      "dns-row-update-error-3309.json",
      (c) => c.updateRow("example.cz", "912", 300, "192.0.2.2"),
      "dns-row-update",
      'row 912 of zone "example.cz"',
    ],
    [3222, "dns-rows-list-error-3222.json", (c) => c.listRows("example.cz"), "dns-rows-list", 'zone "example.cz"'],
    [4000, "dns-domain-commit-error-4000.json", (c) => c.commit("example.cz"), "dns-domain-commit", 'zone "example.cz"'],
  ];

  it.each(CASES)("%i", async (code, file, call, command, object) => {
    h = harness({ retry: { maxAttempts: 1 } });
    h.reply(fixture(file));
    const err = (await failure(call(h.client))) as WedosApiError;
    const info = WEDOS_CODES[code]!;
    expect(err).toBeInstanceOf(WedosApiError);
    expect(err).toMatchObject({
      name: `WedosApiError[${code}]`,
      code,
      command,
      object,
      svTRID: svTRIDOf(file),
      meaning: info.meaning,
      fix: info.fix,
    });
    expect(info.fix).not.toBe("");
    expect(err.message).toContain(`code ${code}`);
    expect(err.message).toContain(info.meaning);
    expect(err.message).toContain(info.fix);
    expect(err.message).toContain(object);
    expect(err.message).toContain(svTRIDOf(file));
  });

  it.each(Object.entries(WEDOS_CODES).map(([code, info]) => [Number(code), info] as const))(
    "code %i has a message and, unless OK, a fix",
    (code, info) => {
      const err = new WedosApiError(code, "dns-row-add", 'zone "example.cz"', "WAPI text", "sv-1");
      expect(info.meaning).not.toBe("");
      expect(err.message).toContain(`code ${code}`);
      expect(err.message).toContain(info.meaning);
      if (code >= 2000) {
        expect(info.fix.length).toBeGreaterThan(5);
        expect(err.message).toContain(`Fix: ${info.fix}`);
      } else {
        expect(info.kind).toBe("ok");
      }
    },
  );

  it("describes a code missing from the table and points at the code list", () => {
    const err = new WedosApiError(2999, "ping", "", "", undefined);
    expect(err.message).toContain("code 2999");
    expect(err.fix).toMatch(/kb\.wedos/);
  });
});

describe("retry policy", () => {
  it.each([
    [2050, "dns-row-add-error-2050.json"],
    [2051, "dns-row-add-error-2051.json"],
    [2052, "dns-row-add-error-2052.json"],
    [2316, "dns-row-add-error-2316.json"],
    [2314, "dns-row-add-error-2314.json"],
  ])("%i is sent exactly once", async (code, file) => {
    h = harness();
    h.reply(fixture(file));
    const exists = jest.fn(async () => true);
    const err = await failure(h.client.addRow("example.cz", ROW, exists));
    expect(err).toMatchObject({ code, retryable: false });
    expect(h.sent()).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
    expect(exists).not.toHaveBeenCalled();
  });

  const truncated = fixture("dns-rows-list.json").slice(0, 120);
  // [label, how to fail once, expected error class]
  const FAULTS: Array<[string, (h: Harness) => void, new (...args: never[]) => Error]> = [
    ["HTTP 503", (x) => x.reply("Service Unavailable", 503, { "content-type": "text/plain" }), HttpStatusError],
    ["HTTP 500", (x) => x.reply("<h1>500</h1>", 500, { "content-type": "text/html" }), HttpStatusError],
    ["connection reset", (x) => x.replyError(reset()), ApiConnectionError],
    [
      "plain-text User-Agent Rate Limit",
      (x) => x.reply("User-Agent Rate Limit", 200, { "content-type": "text/plain" }),
      ResponseParseError,
    ],
    [
      "HTML protection page",
      (x) => x.reply("<!DOCTYPE html><html><title>WEDOS Protection</title></html>", 200, { "content-type": "text/html" }),
      ResponseParseError,
    ],
    ["truncated JSON", (x) => x.reply(truncated), ResponseParseError],
    ["2006 requests limit", (x) => x.reply(fixture("dns-rows-list-error-2006.json")), WedosApiError],
  ];

  it.each(FAULTS)("%s is retried and succeeds on the 3rd attempt", async (_label, fail, _cls) => {
    h = harness();
    fail(h);
    fail(h);
    h.reply(fixture("dns-rows-list.json"));
    expect(await h.client.listRows("example.cz")).toHaveLength(3);
    expect(h.sent()).toHaveLength(3);
    expect(h.sleeps).toHaveLength(2);
    expect(h.sleeps[1]!).toBeGreaterThan(h.sleeps[0]!);
    expect(h.logs).toHaveLength(2);
    expect(h.logs[0]).toMatch(/dns-rows-list zone "example\.cz": attempt 1 failed/);
  });

  it.each(FAULTS)("%s fails with its own error class once maxAttempts is used up", async (_label, fail, cls) => {
    h = harness({ retry: { maxAttempts: 2 } });
    fail(h);
    fail(h);
    const err = await failure(h.client.listRows("example.cz"));
    expect(err).toBeInstanceOf(cls);
    expect((err as Error).message).toMatch(/WEDOS/);
    expect(h.sent()).toHaveLength(2);
    expect(h.sleeps).toHaveLength(1);
  });

  it("uses the default of 5 attempts with growing delays", async () => {
    h = harness();
    for (let i = 0; i < 5; i++) h.reply("busy", 503);
    await expect(h.client.ping()).rejects.toBeInstanceOf(HttpStatusError);
    expect(h.client.requests).toBe(5);
    expect(h.sleeps).toEqual([375, 750, 1500, 3000]); // random() = 0.5: 3/4 of 500·2^(n-1)
  });

  // Back-off honours Retry-After. The transport drops every header but content-type, so a
  // 429/503 with Retry-After is resent after the plain back-off (375 ms) instead.
  it.each([[429], [503]])("waits at least Retry-After before resending after HTTP %i", async (status) => {
    h = harness();
    h.reply("slow down", status, { "content-type": "text/plain", "retry-after": "7" });
    h.reply(envelope("ping"));
    await h.client.ping();
    expect(h.sleeps).toHaveLength(1);
    expect(h.sleeps[0]).toBeGreaterThanOrEqual(7_000);
  });

  it("signs each attempt afresh: a retry after the hour turned uses the new hour", async () => {
    // 01:59:59.8 CEST; the recorded 375 ms sleep advances the clock to 02:00:00.175.
    h = harness({}, "2026-10-24T23:59:59.800Z");
    h.reply("busy", 503);
    h.reply("busy", 503);
    h.reply(envelope("ping"));
    await h.client.ping();
    const auths = h.sent().map((r) => r.request.auth);
    expect(auths).toEqual([authFor("01"), authFor("02"), authFor("02")]);
    expect(new Set(h.sent().map((r) => r.request.clTRID)).size).toBe(3);
  });

  it("re-signs across the spring-forward gap (01 → 03)", async () => {
    h = harness({}, "2026-03-29T00:59:59.900Z");
    h.replyError(reset());
    h.reply(envelope("dns-rows-list", 1000, { row: [] }));
    await h.client.listRows("example.cz");
    expect(h.sent().map((r) => r.request.auth)).toEqual([authFor("01"), authFor("03")]);
  });
});

describe("request budget", () => {
  it("signs after waiting for a slot, so a wait across the hour uses the new hour", async () => {
    let clock = (): Date => new Date(0);
    const waits: number[] = [];
    const budget = new RequestBudget({
      limit: 1,
      windowMs: 60_000,
      now: () => clock().getTime(),
      sleep: async (ms) => {
        waits.push(ms);
        h!.setNow(new Date(clock().getTime() + ms).toISOString());
      },
    });
    h = harness({ budget }, "2026-06-15T09:59:30Z"); // 11:59:30 CEST
    clock = h.now;
    h.reply(envelope("ping"));
    h.reply(envelope("ping"));
    await h.client.ping();
    await h.client.ping(); // waits 60 s for the budget: 12:00:30
    expect(waits).toEqual([60_000]);
    expect(h.sent().map((r) => r.request.auth)).toEqual([authFor("11"), authFor("12")]);
  });
});

describe("reconciling a maybe-executed dns-row-add", () => {
  it("does not resend when exists() finds the row after a 502", async () => {
    h = harness();
    h.reply("Bad Gateway", 502, { "content-type": "text/html" });
    const exists = jest.fn(async () => true);
    await h.client.addRow("example.cz", ROW, exists);
    expect(exists).toHaveBeenCalledTimes(1);
    expect(h.sent().map((r) => r.request.command)).toEqual(["dns-row-add"]);
  });

  it("resends when exists() does not find the row", async () => {
    h = harness();
    h.replyError(reset());
    h.reply(envelope("dns-row-add"));
    const exists = jest.fn(async () => false);
    await h.client.addRow("example.cz", ROW, exists);
    expect(exists).toHaveBeenCalledTimes(1);
    expect(h.sent().map((r) => r.request.command)).toEqual(["dns-row-add", "dns-row-add"]);
  });

  it("does not ask exists() when the first attempt certainly did not run (429)", async () => {
    h = harness();
    h.reply("Too Many Requests", 429, { "content-type": "text/plain" });
    h.reply(envelope("dns-row-add"));
    const exists = jest.fn(async () => true);
    await h.client.addRow("example.cz", ROW, exists);
    expect(exists).not.toHaveBeenCalled();
    expect(h.sent()).toHaveLength(2);
  });

  it("addDomain reconciles through dns-domains-list", async () => {
    h = harness();
    h.reply("Gateway Timeout", 504);
    h.reply(fixture("dns-domains-list.json"));
    await h.client.addDomain({ name: "example.cz", type: "primary" });
    expect(h.sent().map((r) => r.request.command)).toEqual(["dns-domain-add", "dns-domains-list"]);
  });
});
