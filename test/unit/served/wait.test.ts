/**
 * Waiting until served, on an injected clock: each lagging server is asked again with backoff
 * until all agree, or the wait fails at the timeout naming each lagging server and what it answers.
 */
import * as dnsPacket from "dns-packet";
import { DnsQueryError, type Query } from "../../../provider/served/query";
import type { Nameserver } from "../../../provider/served/servers";
import { NotServedError, waitUntilServed } from "../../../provider/served/wait";

const SERVERS: Nameserver[] = [
  { label: "ns.wedos.net", host: "192.0.2.1", port: 53 },
  { label: "127.0.0.1:5302", host: "127.0.0.1", port: 5302 },
];

/** A fake world: each server answers www A with the records it has at the current time. */
function world(schedule: Record<string, (ms: number) => string[] | "timeout" | "REFUSED">) {
  let now = 0;
  const sleeps: number[] = [];
  const asked: string[] = [];
  const query: Query = async (server, q) => {
    asked.push(`${now} ${server.host}:${server.port} ${q.name} ${q.type}`);
    const have = schedule[`${server.host}:${server.port}`]!(now);
    if (have === "timeout") throw new DnsQueryError("no answer after 3 tries of 2 s");
    return dnsPacket.decode(
      dnsPacket.encode({
        type: "response",
        flags: have === "REFUSED" ? 5 : dnsPacket.AUTHORITATIVE_ANSWER,
        questions: [{ type: "A", name: q.name }],
        answers: have === "REFUSED" ? [] : have.map((data) => ({ type: "A", name: q.name, data }) as dnsPacket.Answer),
      }),
    );
  };
  const clock = {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
  return { query, clock, sleeps, asked };
}

const expectations = [{ name: "www.example.cz", type: "A", present: ["192.0.2.20"], absent: ["192.0.2.10"] }];

test("everything served at once: one round, no sleep", async () => {
  const w = world({ "192.0.2.1:53": () => ["192.0.2.20"], "127.0.0.1:5302": () => ["192.0.2.20"] });
  expect(await waitUntilServed({ api: "WEDOS", servers: SERVERS, expectations, timeoutMs: 60_000, ...w })).toEqual({
    rounds: 1,
    queries: 2,
    elapsedMs: 0,
  });
  expect(w.sleeps).toEqual([]);
});

test("a server 5 s behind: asked again after 1, 2 and 4 s, the server that agreed is not asked again", async () => {
  const w = world({
    "192.0.2.1:53": () => ["192.0.2.20"],
    "127.0.0.1:5302": (ms) => (ms >= 5000 ? ["192.0.2.20"] : ["192.0.2.10"]),
  });
  const lagging: string[] = [];
  const result = await waitUntilServed({
    api: "WEDOS",
    servers: SERVERS,
    expectations,
    timeoutMs: 60_000,
    ...w,
    onLagging: (l, next) => lagging.push(`${l.map((c) => c.server.label).join(",")} next in ${next}`),
  });
  expect(result).toEqual({ rounds: 4, queries: 5, elapsedMs: 7000 });
  expect(w.sleeps).toEqual([1000, 2000, 4000]);
  expect(lagging).toEqual(["127.0.0.1:5302 next in 1000", "127.0.0.1:5302 next in 2000", "127.0.0.1:5302 next in 4000"]);
  expect(w.asked.filter((a) => a.includes("192.0.2.1:53"))).toEqual(["0 192.0.2.1:53 www.example.cz A"]);
});

test("backoff grows to its cap; the last check falls on the timeout; the error names each lagging server and its answer", async () => {
  const w = world({ "192.0.2.1:53": () => "timeout", "127.0.0.1:5302": () => ["192.0.2.10", "192.0.2.11"] });
  const err = await waitUntilServed({ api: "WEDOS", servers: SERVERS, expectations, timeoutMs: 100_000, ...w }).catch((e: unknown) => e);
  expect(w.sleeps).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 9000]);
  expect(err).toBeInstanceOf(NotServedError);
  expect((err as Error).message).toBe(
    [
      "WEDOS: the change is written but 2 nameservers do not serve it after 100 s:",
      "ns.wedos.net (192.0.2.1:53):",
      "  www.example.cz A: answers no answer after 3 tries of 2 s; expected 192.0.2.20 and not 192.0.2.10",
      "127.0.0.1:5302:",
      "  www.example.cz A: answers 192.0.2.10, 192.0.2.11; expected 192.0.2.20 and not 192.0.2.10",
    ].join("\n"),
  );
});

test("a removal: waiting ends when no server answers the removed record", async () => {
  const w = world({ "192.0.2.1:53": (ms) => (ms >= 1000 ? [] : ["192.0.2.10"]), "127.0.0.1:5302": () => "REFUSED" });
  const err = await waitUntilServed({
    api: "DNSPod",
    servers: SERVERS,
    expectations: [{ name: "www.example.cz", type: "A", present: [], absent: ["192.0.2.10"] }],
    timeoutMs: 2500,
    ...w,
  }).catch((e: unknown) => e as Error);
  expect((err as Error).message).toBe(
    "DNSPod: the change is written but a nameserver does not serve it after 2.5 s:\n127.0.0.1:5302:\n  www.example.cz A: answers REFUSED; expected not 192.0.2.10",
  );
});
