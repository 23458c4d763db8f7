/**
 * What WEDOS's nameservers serve, and when, on the emulator's own clock (injected here, so minutes
 * pass at once): rows are served as of the last dns-domain-commit, uncommitted rows by themselves
 * after the auto-commit delay, and a nameserver given a --dns-delay serves each publish that much
 * later — which the publish log (GET /_emulator/dns-log) shows.
 */
import { request } from "undici";
import type { DnsLogEntry } from "../../emulator";
import { WedosClient } from "../../provider/wedos/client";
import { dig, dnsPython } from "../helpers/dig";
import { useEmulators, WEDOS_PASSWORD, WEDOS_USER } from "../helpers/emulators";

let nowMs = Date.now();
const h = useEmulators({ now: () => new Date(nowMs), wedos: { autoCommitSeconds: 60 }, dns: { delayMs: { "ns.wedos.com": 3000 } } });
const client = () => new WedosClient({ username: WEDOS_USER, password: WEDOS_PASSWORD, endpoint: h.emu.wedos.endpoint, format: "json" });

beforeAll(() => void dnsPython(), 300_000);

/** What each of the four nameservers answers for `name` A: its addresses, or its rcode. */
async function answers(name: string): Promise<Record<string, string>> {
  const servers = h.emu.wedos.nameservers;
  const res = await dig(servers.map((s) => ({ server: s.address, name, type: "A" })));
  return Object.fromEntries(servers.map((s, i) => [s.name, res[i]!.answer.map((a) => a.text).join(",") || res[i]!.rcode]));
}

async function dnsLog(): Promise<DnsLogEntry[]> {
  const base = h.emu.wedos.endpoint.replace(/\/wapi\/json$/, "");
  return (await (await request(`${base}/_emulator/dns-log?api=wedos&rrsets=count`)).body.json()) as DnsLogEntry[];
}

const at = (ms: number) => new Date(T0 + ms).toISOString();
let T0 = 0;

test("an uncommitted row is not served; after the commit it is, by the lagging server 3 s later; auto-commit after 60 s", async () => {
  T0 = nowMs = Date.now();
  const w = client();
  await w.addDomain({ name: "example.cz", type: "primary" });
  await w.addRow("example.cz", { name: "www", type: "A", ttl: 300, rdata: "192.0.2.10" });
  expect(await answers("www.example.cz")).toEqual({
    "ns.wedos.net": "NXDOMAIN",
    "ns.wedos.eu": "NXDOMAIN",
    "ns.wedos.cz": "NXDOMAIN",
    "ns.wedos.com": "REFUSED", // it has not loaded the new zone yet
  });

  nowMs = T0 + 1000;
  await w.commit("example.cz");
  expect(await answers("www.example.cz")).toEqual({
    "ns.wedos.net": "192.0.2.10",
    "ns.wedos.eu": "192.0.2.10",
    "ns.wedos.cz": "192.0.2.10",
    "ns.wedos.com": "REFUSED",
  });
  nowMs = T0 + 3000;
  expect((await answers("www.example.cz"))["ns.wedos.com"]).toBe("NXDOMAIN"); // the empty zone of t=0
  nowMs = T0 + 4000;
  expect((await answers("www.example.cz"))["ns.wedos.com"]).toBe("192.0.2.10");

  nowMs = T0 + 10_000;
  await w.addRow("example.cz", { name: "auto", type: "A", ttl: 300, rdata: "192.0.2.20" });
  nowMs = T0 + 69_999;
  expect(await answers("auto.example.cz")).toEqual({
    "ns.wedos.net": "NXDOMAIN",
    "ns.wedos.eu": "NXDOMAIN",
    "ns.wedos.cz": "NXDOMAIN",
    "ns.wedos.com": "NXDOMAIN",
  });
  nowMs = T0 + 75_000; // no API call since the change: the nameservers publish it by themselves
  expect(await answers("auto.example.cz")).toEqual({
    "ns.wedos.net": "192.0.2.20",
    "ns.wedos.eu": "192.0.2.20",
    "ns.wedos.cz": "192.0.2.20",
    "ns.wedos.com": "192.0.2.20",
  });

  const log = await dnsLog();
  const serials = [...new Set(log.map((e) => e.serial))];
  expect(serials).toHaveLength(3);
  expect(serials).toEqual([...serials].sort((a, b) => a! - b!)); // raised on each publish
  expect(
    log.map((e) => `${e.server} ${e.time} ${e.published} ${e.serial === serials[0] ? 1 : e.serial === serials[1] ? 2 : 3} ${e.rrsets}`),
  ).toEqual([
    `ns.wedos.net ${at(0)} ${at(0)} 1 2`,
    `ns.wedos.eu ${at(0)} ${at(0)} 1 2`,
    `ns.wedos.cz ${at(0)} ${at(0)} 1 2`,
    `ns.wedos.net ${at(1000)} ${at(1000)} 2 3`,
    `ns.wedos.eu ${at(1000)} ${at(1000)} 2 3`,
    `ns.wedos.cz ${at(1000)} ${at(1000)} 2 3`,
    `ns.wedos.com ${at(3000)} ${at(0)} 1 2`,
    `ns.wedos.com ${at(4000)} ${at(1000)} 2 3`,
    // The auto-commit is dated when it fell due (60 s after the change), not when it was noticed.
    `ns.wedos.net ${at(70_000)} ${at(70_000)} 3 4`,
    `ns.wedos.eu ${at(70_000)} ${at(70_000)} 3 4`,
    `ns.wedos.cz ${at(70_000)} ${at(70_000)} 3 4`,
    `ns.wedos.com ${at(73_000)} ${at(70_000)} 3 4`,
  ]);
});

test("a deleted zone stops being served; /_emulator/reset empties the publish log", async () => {
  nowMs = Date.now();
  const w = client();
  await w.addDomain({ name: "gone.cz", type: "primary" });
  await w.deleteDomain("gone.cz");
  expect((await answers("gone.cz"))["ns.wedos.net"]).toBe("REFUSED");
  expect((await dnsLog()).filter((e) => e.server === "ns.wedos.net").map((e) => [e.zone, e.removed ?? false])).toEqual([
    ["gone.cz", false],
    ["gone.cz", true],
  ]);
  h.emu.hub.reset();
  expect(await dnsLog()).toEqual([]);
});
