/**
 * Publishing: a zone's content becomes a version only when it changed; each server serves it after
 * its own delay, on the emulator's clock; the publish log lists what each server served and when.
 */
import type { ZoneContent } from "../../../../emulator/dns/content";
import { delaysFor, parseDelayText } from "../../../../emulator/dns/delays";
import { ApiNameservers } from "../../../../emulator/dns/nameservers";
import { Publisher } from "../../../../emulator/dns/publisher";
import { CONTENT } from "./zone-fixture";

const T0 = Date.parse("2026-03-01T10:00:00Z");
const SERVERS = ["ns1.test", "ns2.test", "ns3.test"];

function setup(delays: Record<string, number> = {}) {
  let nowMs = T0;
  let zones: ZoneContent[] = [];
  const publisher = new Publisher("dnspod", SERVERS, delaysFor(delays, SERVERS));
  const ns = new ApiNameservers(publisher, { zones: () => zones }, () => new Date(nowMs));
  return {
    publisher,
    ns,
    set: (z: ZoneContent[]) => (zones = z),
    at: (ms: number) => (nowMs = T0 + ms),
    /** What each server answers "www.example.cz" from: the zone's serial, or "-" when it serves none. */
    serials: () => SERVERS.map((s) => publisher.zoneOf(s, nowMs)("www.example.cz")?.serial ?? "-"),
  };
}

const dnspodLike = (records = CONTENT.records): ZoneContent => ({ zone: CONTENT.zone, soa: CONTENT.soa, records });

test("a publish is served by each server after its delay; a lagging server keeps the old version meanwhile", () => {
  const t = setup({ "ns3.test": 3000 });
  t.set([{ ...CONTENT, serial: 1 }]);
  t.ns.sync(new Date(T0));
  expect(t.serials()).toEqual([1, 1, "-"]);
  t.at(1000);
  t.set([{ ...CONTENT, serial: 2 }]);
  t.ns.sync(new Date(T0 + 1000));
  expect(t.serials()).toEqual([2, 2, "-"]);
  t.at(3000);
  expect(t.serials()).toEqual([2, 2, 1]);
  t.at(4000);
  expect(t.serials()).toEqual([2, 2, 2]);
});

test("only changed content is published; serials the API does not keep rise with every publish", () => {
  const t = setup();
  t.set([dnspodLike()]);
  t.ns.sync(new Date(T0));
  t.ns.sync(new Date(T0 + 10)); // nothing changed
  t.set([dnspodLike(CONTENT.records.slice(0, -2))]); // git's SSHFP (and a record with no wire form)
  t.ns.sync(new Date(T0 + 20)); // same second: the serial still rises
  const log = t.publisher.log(T0 + 20, { counts: true });
  expect(log.filter((e) => e.server === "ns1.test").map((e) => [e.serial, e.rrsets])).toEqual([
    [T0 / 1000, 14],
    [T0 / 1000 + 1, 13],
  ]);
});

test("the log: time served, time published, the RRsets in the API's form, removals; filtered by zone", () => {
  const t = setup({ "ns2.test": 500 });
  t.set([{ ...CONTENT, serial: 7, records: [{ name: "www", type: "A", ttl: 300, rdata: "192.0.2.10" }] }]);
  t.ns.sync(new Date(T0));
  t.set([]);
  t.ns.sync(new Date(T0 + 100));
  expect(t.publisher.log(T0 + 400, {})).toEqual([
    {
      time: "2026-03-01T10:00:00.000Z",
      published: "2026-03-01T10:00:00.000Z",
      api: "dnspod",
      server: "ns1.test",
      zone: "example.cz",
      serial: 7,
      rrsets: [
        { name: "example.cz", type: "SOA", ttl: 300, data: ["ns.wedos.net. hostmaster.wedos.com. 7 10800 3600 1209600 300"] },
        { name: "www.example.cz", type: "A", ttl: 300, data: ["192.0.2.10"] },
      ],
    },
    expect.objectContaining({ server: "ns3.test", serial: 7 }),
    {
      time: "2026-03-01T10:00:00.100Z",
      published: "2026-03-01T10:00:00.100Z",
      api: "dnspod",
      server: "ns1.test",
      zone: "example.cz",
      serial: null,
      rrsets: [],
      removed: true,
    },
    expect.objectContaining({ server: "ns3.test", removed: true }),
  ]);
  expect(t.publisher.log(T0 + 600, { zone: "other.cz" })).toEqual([]);
  expect(t.publisher.log(T0 + 600, {}).map((e) => `${e.server} ${e.serial}`)).toEqual([
    "ns1.test 7",
    "ns3.test 7",
    "ns1.test null",
    "ns3.test null",
    "ns2.test 7",
    "ns2.test null",
  ]);
  t.at(600);
  expect(t.serials()).toEqual(["-", "-", "-"]);
});

test("unchanged RRsets are shared between the versions the log keeps", () => {
  const t = setup();
  t.set([{ ...CONTENT, serial: 1 }]);
  t.ns.sync(new Date(T0));
  t.set([{ ...CONTENT, serial: 1, records: [...CONTENT.records, { name: "new", type: "A", ttl: 300, rdata: "192.0.2.99" }] }]);
  t.ns.sync(new Date(T0 + 1));
  const [first, second] = t.publisher.log(T0 + 1, {}).filter((e) => e.server === "ns1.test");
  const www = (e: typeof first) =>
    (e!.rrsets as { name: string; type: string }[]).find((r) => r.name === "www.example.cz" && r.type === "A");
  expect(www(second)).toBe(www(first));
});

test("reset forgets the versions and the log; the next sync publishes again", () => {
  const t = setup();
  t.set([{ ...CONTENT, serial: 1 }]);
  t.ns.sync(new Date(T0));
  t.ns.reset();
  expect([t.serials(), t.publisher.log(T0, {})]).toEqual([["-", "-", "-"], []]);
  t.ns.sync(new Date(T0));
  expect(t.serials()).toEqual([1, 1, 1]);
});

test("changing the delays affects later publishes; a server never goes back to an older version", () => {
  const t = setup({ "ns3.test": 5000 });
  t.set([{ ...CONTENT, serial: 1 }]);
  t.ns.sync(new Date(T0));
  t.publisher.setDelays(delaysFor(0, SERVERS));
  t.set([{ ...CONTENT, serial: 2 }]);
  t.ns.sync(new Date(T0 + 100));
  t.at(100);
  expect(t.serials()).toEqual([2, 2, 2]);
  t.at(6000);
  expect(t.serials()).toEqual([2, 2, 2]);
});

test("--dns-delay: one value for all, a list in order (the rest 0), or by name; mistakes are named", () => {
  const show = (spec: Parameters<typeof delaysFor>[0]) => [...delaysFor(spec, SERVERS).values()];
  expect(show(parseDelayText("250"))).toEqual([250, 250, 250]);
  expect(show(parseDelayText("0,3000"))).toEqual([0, 3000, 0]);
  expect(show(parseDelayText("ns3.test=1500"))).toEqual([0, 0, 1500]);
  expect(() => parseDelayText("soon")).toThrow('--dns-delay must be MS, MS,MS,… or NAME=MS,…; got "soon"');
  expect(() => delaysFor([1, 2, 3, 4], SERVERS)).toThrow("--dns-delay: 4 delays for 3 nameservers (ns1.test, ns2.test, ns3.test)");
  expect(() => delaysFor({ "ns9.test": 1 }, SERVERS)).toThrow(
    '--dns-delay: no nameserver "ns9.test"; the nameservers are ns1.test, ns2.test, ns3.test',
  );
  expect(() => delaysFor({ "ns1.test": -1 }, SERVERS)).toThrow(
    "--dns-delay: the delay of ns1.test must be a number of milliseconds >= 0, got -1",
  );
});
