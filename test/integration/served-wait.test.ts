/**
 * The provider's served-DNS wait against the emulated nameservers, over real UDP/TCP, with one
 * nameserver lagging 3 s. The emulator and the wait share one injected clock, so the lag passes
 * in no time: the wait sleeps, the clock moves, the lagging server catches up.
 */
import { request } from "undici";
import type { DnsLogEntry } from "../../emulator";
import { DnspodClient } from "../../provider/dnspod/client";
import { NotServedError, nameserversOf, waitForRecords } from "../../provider/served";
import { WedosClient } from "../../provider/wedos/client";
import { DNSPOD_TOKEN, useEmulators, WEDOS_PASSWORD, WEDOS_USER } from "../helpers/emulators";

let nowMs = Date.now();
const clock = {
  now: () => nowMs,
  sleep: async (ms: number) => {
    nowMs += ms;
  },
};
const h = useEmulators({ now: () => new Date(nowMs), dns: { delayMs: { "ns.wedos.com": 3000 } } });
const wedos = () => new WedosClient({ username: WEDOS_USER, password: WEDOS_PASSWORD, endpoint: h.emu.wedos.endpoint, format: "json" });
const addresses = (api: "wedos" | "dnspod") => h.emu[api].nameservers.map((n) => n.address).join(",");
const change = [{ name: "www.example.cz", type: "A", present: ["192.0.2.20"], absent: ["192.0.2.10"] }];

async function committedZone(): Promise<string> {
  nowMs = Date.now();
  const w = wedos();
  await w.addDomain({ name: "example.cz", type: "primary" });
  await w.addRow("example.cz", { name: "www", type: "A", ttl: 300, rdata: "192.0.2.10" });
  await w.commit("example.cz");
  nowMs += 10_000; // every server has the first version
  const row = (await w.listRows("example.cz")).find((r) => r.name === "www")!;
  await w.updateRow("example.cz", row.ID, 300, "192.0.2.20");
  await w.commit("example.cz");
  return row.ID;
}

afterEach(() => {
  delete process.env.WEDOS_NAMESERVERS;
  delete process.env.WEDOS_PROPAGATION_TIMEOUT;
  delete process.env.DNSPOD_NAMESERVERS;
});

test("WEDOS: returns once the lagging server serves the change, as its publish log shows", async () => {
  await committedZone();
  const committedAt = nowMs;
  process.env.WEDOS_NAMESERVERS = addresses("wedos");
  const progress: string[] = [];
  const result = await waitForRecords("wedos", { zoneNameservers: [], expectations: change, clock, onLagging: (m) => progress.push(m) });
  expect(result).toEqual({ rounds: 3, queries: 6, elapsedMs: 3000 });
  const lagging = h.emu.wedos.nameservers[3]!;
  expect(progress).toEqual([
    `WEDOS: waiting 1 s for ${lagging.address} to serve the change`,
    `WEDOS: waiting 2 s for ${lagging.address} to serve the change`,
  ]);
  const base = h.emu.wedos.endpoint.replace(/\/wapi\/json$/, "");
  const log = (await (await request(`${base}/_emulator/dns-log?api=wedos&rrsets=count`)).body.json()) as DnsLogEntry[];
  expect(
    log
      .filter((e) => e.server === "ns.wedos.com")
      .map((e) => e.time)
      .pop(),
  ).toBe(new Date(committedAt + 3000).toISOString());
});

test("WEDOS: a lag longer than propagationTimeout fails naming the server and what it still answers", async () => {
  await committedZone();
  process.env.WEDOS_NAMESERVERS = addresses("wedos");
  process.env.WEDOS_PROPAGATION_TIMEOUT = "2";
  const err = (await waitForRecords("wedos", { zoneNameservers: [], expectations: change, clock }).catch((e: unknown) => e)) as Error;
  expect(err).toBeInstanceOf(NotServedError);
  expect(err.message).toBe(
    `WEDOS: the change is written but a nameserver does not serve it after 2 s:\n${h.emu.wedos.nameservers[3]!.address}:\n` +
      "  www.example.cz A: answers 192.0.2.10; expected 192.0.2.20 and not 192.0.2.10",
  );
});

test("DNSPod: a write is served at once; one round of questions to each server", async () => {
  nowMs = Date.now();
  const d = new DnspodClient({ loginToken: DNSPOD_TOKEN, endpoint: h.emu.dnspod.endpoint });
  const id = await d.createDomain("example.com");
  await d.createRecord(id, { sub_domain: "_acme-challenge", record_type: "TXT", record_line: "default", value: "token-1", ttl: 600 });
  process.env.DNSPOD_NAMESERVERS = addresses("dnspod");
  const result = await waitForRecords("dnspod", {
    zoneNameservers: [],
    expectations: [{ name: "_acme-challenge.example.com", type: "TXT", present: ["token-1"] }],
    clock,
  });
  expect(result).toEqual({ rounds: 1, queries: 2, elapsedMs: 0 });
});

test("without the setting, the zone's NS names are asked, resolved by the lookup (the system's by default)", async () => {
  const looked: string[] = [];
  const servers = await nameserversOf("wedos", ["ns.wedos.net.", "ns.wedos.eu"], async (host) => {
    looked.push(host);
    return "127.0.0.1";
  });
  expect([looked, servers]).toEqual([
    ["ns.wedos.net", "ns.wedos.eu"],
    [
      { label: "ns.wedos.net", host: "127.0.0.1", port: 53 },
      { label: "ns.wedos.eu", host: "127.0.0.1", port: 53 },
    ],
  ]);
});
