/**
 * Fault injection of the emulators: deterministic by seed, every kind on the wire as the real
 * edge produces it, and the clients riding through retryable faults without duplicates.
 */
import { request } from "undici";
import type { WedosState } from "../../emulator";
import { FaultInjector, TRANSPORT_FAULTS } from "../../emulator/faults";
import { DnspodClient } from "../../provider/dnspod/client";
import { wapiAuth } from "../../provider/wedos/auth";
import { WedosClient } from "../../provider/wedos/client";
import { DNSPOD_TOKEN, useEmulators, WEDOS_PASSWORD, WEDOS_USER } from "../helpers/emulators";

const h = useEmulators();

test("the same seed gives the same faults; kinds, APIs and operations can be restricted", () => {
  const run = (seed: number) => {
    const f = new FaultInjector({ rate: 0.3, seed });
    return Array.from({ length: 200 }, (_, i) => f.decide(i % 2 ? "wedos" : "dnspod", "op")?.kind ?? "-").join(",");
  };
  expect(run(7)).toBe(run(7));
  expect(run(7)).not.toBe(run(8));
  const hits = run(7)
    .split(",")
    .filter((k) => k !== "-").length;
  expect(hits).toBeGreaterThan(40);
  expect(hits).toBeLessThan(80);
  const only = new FaultInjector({ rate: 1, seed: 1, kinds: ["api-2006"], apis: ["wedos"], exceptOps: ["ping"] });
  expect(only.decide("wedos", "dns-rows-list")?.kind).toBe("api-2006");
  expect(only.decide("dnspod", "Record.List")).toBeUndefined();
  expect(only.decide("wedos", "ping")).toBeUndefined();
});

async function wapi(kind: string) {
  h.emu.hub.setFaults({ rate: 1, seed: 3, kinds: [kind as never], holdMs: 200 });
  const body = new URLSearchParams({
    request: JSON.stringify({ request: { user: WEDOS_USER, auth: wapiAuth(WEDOS_USER, WEDOS_PASSWORD, new Date()), command: "ping" } }),
  });
  try {
    const r = await request(h.emu.wedos.endpoint, {
      method: "POST",
      body: body.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    return { status: r.statusCode, type: String(r.headers["content-type"]), text: await r.body.text() };
  } catch (err) {
    return { error: (err as { code?: string }).code ?? String(err) };
  } finally {
    h.emu.hub.setFaults(undefined);
  }
}

test.each([
  ["http-503", { status: 503 }],
  ["http-500", { status: 500 }],
  ["http-502", { status: 502, type: expect.stringContaining("text/html") }],
  ["html", { status: 200, text: expect.stringMatching(/<!DOCTYPE html>.*Protection/) }],
  ["ua-rate-limit", { status: 200, text: "User-Agent Rate Limit" }],
  ["truncated", { status: 200, text: '{"response":{"code":10' }],
  ["api-2006", { status: 200, text: expect.stringMatching(/"code":2006/) }],
  ["api-2052", { status: 200, text: expect.stringMatching(/"code":2052/) }],
  ["reset", { error: expect.stringMatching(/ECONNRESET|UND_ERR_SOCKET|other side closed/) }],
  ["timeout", { error: expect.stringMatching(/ECONNRESET|UND_ERR_SOCKET|other side closed/) }],
])("WEDOS fault %s reaches the wire as the real edge sends it", async (kind, expected) => {
  expect(await wapi(kind)).toMatchObject(expected);
  expect(h.emu.log().at(-1)).toMatchObject({ api: "wedos", fault: expect.stringContaining(kind) });
});

test("DNSPod -2 fault answers DNSPod's envelope", async () => {
  h.emu.hub.setFaults({ rate: 1, seed: 3, kinds: ["api--2"] });
  const client = new DnspodClient({
    loginToken: DNSPOD_TOKEN,
    endpoint: h.emu.dnspod.endpoint,
    sleep: async () => undefined,
    retry: { maxAttempts: 1 },
  });
  await expect(client.listDomains()).rejects.toMatchObject({ code: "-2" });
  h.emu.hub.setFaults(undefined);
});

/** Lets loopback I/O run (real setImmediate turns) until `done()`; bounded, never waits on a clock. */
async function ioUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !done(); i++) await new Promise<void>((r) => setImmediate(r));
  if (!done()) throw new Error("loopback I/O did not get there");
}

test("added latency delays every answer", async () => {
  // The emulator's latency timer runs on jest's fake clock; the sockets stay real.
  jest.useFakeTimers({ doNotFake: ["nextTick", "queueMicrotask", "setImmediate", "clearImmediate"] });
  const timers = jest.spyOn(globalThis, "setTimeout");
  try {
    h.emu.hub.latencyMs = 150;
    const t = performance.now();
    let answered = false;
    const ping = new WedosClient({ username: WEDOS_USER, password: WEDOS_PASSWORD, endpoint: h.emu.wedos.endpoint, format: "json" })
      .ping()
      .finally(() => (answered = true));
    await ioUntil(() => timers.mock.calls.some(([, ms]) => ms === 150));
    await jest.advanceTimersByTimeAsync(149);
    expect(h.calls("wedos", "ping")).toHaveLength(0); // still held: not handled, not answered
    expect(answered).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(h.calls("wedos", "ping")).toHaveLength(1);
    await ioUntil(() => answered);
    await ping;
    expect(performance.now() - t).toBeGreaterThanOrEqual(140);
  } finally {
    h.emu.hub.latencyMs = 0;
    timers.mockRestore();
    jest.useRealTimers();
  }
});

test("the WAPI client rides through 40% retryable faults — some after execution — with no duplicate rows", async () => {
  const retries: string[] = [];
  const client = new WedosClient({
    username: WEDOS_USER,
    password: WEDOS_PASSWORD,
    endpoint: h.emu.wedos.endpoint,
    format: "json",
    sleep: async () => undefined,
    timeoutMs: 1_000,
    retry: { maxAttempts: 12 },
    log: (m) => retries.push(m),
  });
  await client.addDomain({ name: "faulty.cz", type: "primary" });
  h.emu.hub.setFaults({ rate: 0.4, seed: 11, kinds: [...TRANSPORT_FAULTS, "api-2006"], holdMs: 1_500 });
  const names = Array.from({ length: 40 }, (_, i) => `h${i}`);
  for (const name of names) {
    // A resend is decided by the client's own fresh listing of the zone.
    await client.addRow("faulty.cz", { name, type: "A", ttl: 300, rdata: "192.0.2.1" });
  }
  h.emu.hub.setFaults(undefined);
  const rows = (h.emu.hub.state().wedos as WedosState).domains[0]!.rows.map((r) => r.name).sort();
  expect(rows).toEqual([...names].sort());
  const faults = h.emu.log().filter((e) => e.fault);
  expect(faults.length).toBeGreaterThan(10);
  expect(retries.length).toBeGreaterThanOrEqual(faults.length);
  expect(faults.some((e) => e.fault!.includes("after execute"))).toBe(true);
}, 120_000);
