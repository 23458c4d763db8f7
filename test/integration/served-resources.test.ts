/**
 * waitUntilServed on the four record resources, through the provider methods the engine calls,
 * against the emulated nameservers with one server of each API lagging 3 s. The emulator and the
 * wait share one injected clock, so the lag passes in no time: each wait sleeps, the clock moves,
 * the lagging server catches up. A lag longer than propagationTimeout keeps the outputs with what
 * is not yet served; diff then sees a change, and the update asks again without writing.
 */
import { request } from "undici";
import type { DnsLogEntry } from "../../emulator";
import { domainResource as dnspodDomain } from "../../provider/dnspod/resources/domain";
import { recordResource as dnspodRecord } from "../../provider/dnspod/resources/record";
import { zoneRecordsResource as dnspodZone } from "../../provider/dnspod/resources/zone-records";
import { PartialCreate, PartialUpdate } from "../../provider/resource";
import { domainResource as wedosDomain } from "../../provider/wedos/resources/domain";
import { recordResource as wedosRecord } from "../../provider/wedos/resources/record";
import { zoneRecordsResource as wedosZone } from "../../provider/wedos/resources/zone-records";
import { fromZoneFile, type ZoneFileRecord } from "../../provider/zonefile";
import { CORPUS } from "../fixtures/zonefile/corpus";
import { useEmulators } from "../helpers/emulators";

let nowMs = Date.now();
const clock = {
  now: () => nowMs,
  sleep: async (ms: number) => {
    nowMs += ms;
  },
};
const h = useEmulators({
  now: () => new Date(nowMs),
  // CAA needs a paid grade (the corpus below).
  dnspod: { accountGrade: "DP_Plus" },
  dns: { delayMs: { "ns.wedos.com": 3000, "f1g1ns2.dnspod.net": 3000 } },
});
let said: string[] = [];
const ENV = [
  "WEDOS_NAMESERVERS",
  "DNSPOD_NAMESERVERS",
  "WEDOS_PROPAGATION_TIMEOUT",
  "DNSPOD_PROPAGATION_TIMEOUT",
  "WEDOS_WAIT_UNTIL_SERVED",
];

beforeEach(() => {
  said = [];
  const log = (m: string) => void said.push(m);
  h.wedos.served = { clock, log };
  h.dnspod.served = { clock, log };
  process.env.WEDOS_NAMESERVERS = h.emu.wedos.nameservers.map((n) => n.address).join(",");
  process.env.DNSPOD_NAMESERVERS = h.emu.dnspod.nameservers.map((n) => n.address).join(",");
});
afterEach(() => {
  for (const k of ENV) delete process.env[k];
});

const addressOf = (name: string) => [...h.emu.wedos.nameservers, ...h.emu.dnspod.nameservers].find((n) => n.name === name)!.address;
const writes = (api: "wedos" | "dnspod") => h.calls(api).filter((e) => !/list|info|\.List|\.Info/.test(e.op)).length;

async function dnsLog(api: "wedos" | "dnspod", server: string): Promise<string[]> {
  const base = h.emu.wedos.endpoint.replace(/\/wapi\/json$/, "");
  const log = (await (await request(`${base}/_emulator/dns-log?api=${api}&rrsets=count`)).body.json()) as DnsLogEntry[];
  return log.filter((e) => e.server === server).map((e) => e.time);
}

async function checked<T>(r: { check(o: object, n: Record<string, unknown>): Promise<{ inputs?: T; failures?: unknown }> }, news: object) {
  const c = await r.check({}, news as Record<string, unknown>);
  if (!c.inputs) throw new Error(JSON.stringify(c.failures));
  return c.inputs;
}

/** A zone every server already serves: created, then 10 s later. */
async function wedosZoneReady(): Promise<void> {
  nowMs = Date.now();
  await wedosDomain.create(h.wedos, await checked(wedosDomain, { name: "example.cz" }));
  nowMs += 10_000;
}
async function dnspodDomainReady(): Promise<string> {
  nowMs = Date.now();
  const { id } = await dnspodDomain.create(h.dnspod, await checked(dnspodDomain, { domain: "example.com" }));
  nowMs += 10_000;
  return id;
}

describe("wedos", () => {
  test("Record: create returns once the lagging secondary serves the committed row, 3 s after the commit", async () => {
    await wedosZoneReady();
    const committedAt = nowMs;
    const inputs = await checked(wedosRecord, { domain: "example.cz", name: "www", type: "A", rdata: "192.0.2.10", waitUntilServed: true });
    const { outs } = await wedosRecord.create(h.wedos, inputs);
    expect(outs.notYetServed).toBeUndefined();
    const lagging = addressOf("ns.wedos.com");
    expect(said).toEqual([
      `WEDOS: waiting 1 s for ${lagging} to serve the change`,
      `WEDOS: waiting 2 s for ${lagging} to serve the change`,
      "WEDOS zone example.cz: every nameserver serves the change of 1 record(s) (6 DNS queries in 3 round(s), 3.0 s)",
    ]);
    expect((await dnsLog("wedos", "ns.wedos.com")).pop()).toBe(new Date(committedAt + 3000).toISOString());
  });

  test("Record: a lag longer than propagationTimeout keeps the row in the outputs; the next up asks again and writes nothing", async () => {
    await wedosZoneReady();
    process.env.WEDOS_PROPAGATION_TIMEOUT = "2";
    const inputs = await checked(wedosRecord, { domain: "example.cz", name: "www", type: "A", rdata: "192.0.2.10", waitUntilServed: true });
    const err = (await wedosRecord.create(h.wedos, inputs).catch((e: unknown) => e)) as PartialCreate;
    expect(err).toBeInstanceOf(PartialCreate);
    expect(err.message).toBe(
      `WEDOS zone example.cz: the change is written but a nameserver does not serve it after 2 s:\n${addressOf("ns.wedos.com")}:\n` +
        "  www.example.cz A: answers nothing (NXDOMAIN); expected 192.0.2.10\n" +
        "The records are written and kept in the state; the next `pulumi up` asks the nameservers again without writing them again.",
    );
    const olds = err.outs as Awaited<ReturnType<typeof wedosRecord.create>>["outs"];
    expect(olds).toMatchObject({ rowId: expect.any(String), notYetServed: ["+www.example.cz A 192.0.2.10"] });
    expect(await wedosRecord.diffDetailed(err.id, olds, inputs)).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
      detailedDiff: { notYetServed: "update" },
    });
    // Without waiting (input false wins over any setting), the marker is no change.
    expect((await wedosRecord.diff(err.id, olds, { ...inputs, waitUntilServed: false })).changes).toBe(false);
    nowMs += 5000;
    h.emu.hub.entries.length = 0;
    const { outs } = await wedosRecord.update(h.wedos, err.id, olds, inputs);
    expect(outs.notYetServed).toBeUndefined();
    expect(writes("wedos")).toBe(0);
  });

  test("Record: the provider setting is the default; an update waits for the new data and for the old to go", async () => {
    await wedosZoneReady();
    process.env.WEDOS_WAIT_UNTIL_SERVED = "true";
    const inputs = await checked(wedosRecord, { domain: "example.cz", name: "www", type: "A", rdata: "192.0.2.10" });
    const { id, outs } = await wedosRecord.create(h.wedos, inputs);
    nowMs += 5000;
    said = [];
    await wedosRecord.update(h.wedos, id, outs, { ...inputs, rdata: "192.0.2.20" });
    expect(said.at(-1)).toBe(
      "WEDOS zone example.cz: every nameserver serves the change of 2 record(s) (6 DNS queries in 3 round(s), 3.0 s)",
    );
    nowMs += 5000;
    said = [];
    await wedosRecord.delete(h.wedos, id, { ...outs, rdata: "192.0.2.20" });
    expect(said).toHaveLength(3);
  });

  test("ZoneRecords: only the changed rows are asked; removed ones must no longer be answered", async () => {
    await wedosZoneReady();
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `h${i}`, type: "A", rdata: `192.0.2.${i + 1}` }));
    const inputs = await checked(wedosZone, { domain: "example.cz", records: rows(5), waitUntilServed: true });
    const { outs } = await wedosZone.create(h.wedos, inputs);
    expect(said.at(-1)).toBe(
      "WEDOS zone example.cz: every nameserver serves the change of 5 record(s) (30 DNS queries in 3 round(s), 3.0 s)",
    );
    nowMs += 5000;
    said = [];
    const next = await checked(wedosZone, {
      domain: "example.cz",
      records: [...rows(4), { name: "new", type: "A", rdata: "192.0.2.99" }],
      waitUntilServed: true,
    });
    await wedosZone.update(h.wedos, "example.cz", outs, next);
    // h4 removed, new added: two questions per server, then the lagging one alone.
    expect(said.at(-1)).toBe(
      "WEDOS zone example.cz: every nameserver serves the change of 2 record(s) (12 DNS queries in 3 round(s), 3.0 s)",
    );
  });

  test("ZoneRecords: an update that times out is a partial failure keeping the new outputs; the next update writes nothing", async () => {
    await wedosZoneReady();
    const inputs = await checked(wedosZone, {
      domain: "example.cz",
      records: [{ name: "a", type: "A", rdata: "192.0.2.1" }],
      waitUntilServed: true,
    });
    const { outs } = await wedosZone.create(h.wedos, inputs);
    nowMs += 5000;
    process.env.WEDOS_PROPAGATION_TIMEOUT = "2";
    const next = await checked(wedosZone, {
      domain: "example.cz",
      records: [{ name: "a", type: "A", rdata: "192.0.2.2" }],
      waitUntilServed: true,
    });
    const err = (await wedosZone.update(h.wedos, "example.cz", outs, next).catch((e: unknown) => e)) as PartialUpdate;
    expect(err).toBeInstanceOf(PartialUpdate);
    expect(err.message).toContain(
      `${addressOf("ns.wedos.com")}:\n  a.example.cz A: answers 192.0.2.1; expected 192.0.2.2 and not 192.0.2.1`,
    );
    const olds = err.outs as typeof outs;
    expect(Object.keys(olds.records)).toEqual(["a A 192.0.2.2"]);
    expect(olds.notYetServed).toEqual(["+a.example.cz A 192.0.2.2", "-a.example.cz A 192.0.2.1"]);
    expect((await wedosZone.diff("example.cz", olds, next)).changes).toBe(true);
    nowMs += 5000;
    h.emu.hub.entries.length = 0;
    const after = await wedosZone.update(h.wedos, "example.cz", olds, next);
    expect([after.outs.notYetServed, writes("wedos")]).toEqual([undefined, 0]);
  });
});

describe("dnspod", () => {
  test("Record: served by the primary at once, by the lagging server 3 s later; another line is not verified", async () => {
    const domainId = await dnspodDomainReady();
    const www = await checked(dnspodRecord, { domainId, subDomain: "www", recordType: "A", value: "192.0.2.10", waitUntilServed: true });
    await dnspodRecord.create(h.dnspod, www);
    expect(said).toEqual([
      `DNSPod: waiting 1 s for ${addressOf("f1g1ns2.dnspod.net")} to serve the change`,
      `DNSPod: waiting 2 s for ${addressOf("f1g1ns2.dnspod.net")} to serve the change`,
      "DNSPod domain example.com: every nameserver serves the change of 1 record(s) (4 DNS queries in 3 round(s), 3.0 s)",
    ]);
    said = [];
    const us = await checked(dnspodRecord, {
      domainId,
      subDomain: "www",
      recordType: "A",
      recordLine: "US",
      value: "192.0.2.20",
      waitUntilServed: true,
    });
    const { outs } = await dnspodRecord.create(h.dnspod, us);
    expect([said, outs.notYetServed]).toEqual([
      [
        "DNSPod domain example.com: not verified, not waited for: 1 record on lines other than the default (US): only resolvers DNSPod places on those lines get them",
      ],
      undefined,
    ]);
  });

  test("ZoneRecords: a timeout keeps what was written; the next update asks again without writing; delete waits until gone", async () => {
    const domainId = await dnspodDomainReady();
    process.env.DNSPOD_PROPAGATION_TIMEOUT = "2";
    const inputs = await checked(dnspodZone, {
      domainId,
      records: [
        { subDomain: "mail", recordType: "MX", value: "mx.example.net.", mx: 10 },
        { subDomain: "off", recordType: "TXT", value: "v=1", status: "disable" },
      ],
      waitUntilServed: true,
    });
    const err = (await dnspodZone.create(h.dnspod, inputs).catch((e: unknown) => e)) as PartialCreate;
    expect(err).toBeInstanceOf(PartialCreate);
    const olds = err.outs as Awaited<ReturnType<typeof dnspodZone.create>>["outs"];
    // The disabled record is written and must not be answered: it is not, so only the MX is left.
    expect(olds.notYetServed).toEqual(["+mail.example.com MX 10 mx.example.net."]);
    delete process.env.DNSPOD_PROPAGATION_TIMEOUT;
    nowMs += 5000;
    h.emu.hub.entries.length = 0;
    const { outs } = await dnspodZone.update(h.dnspod, domainId, olds, inputs);
    expect([outs.notYetServed, writes("dnspod")]).toEqual([undefined, 0]);
    said = [];
    await dnspodZone.delete(h.dnspod, domainId, outs);
    expect(said.at(-1)).toBe(
      "DNSPod domain example.com: every nameserver serves the change of 2 record(s) (8 DNS queries in 3 round(s), 3.0 s)",
    );
    // A delete run again (its wait had timed out) removes nothing twice and asks again.
    h.emu.hub.entries.length = 0;
    await dnspodZone.delete(h.dnspod, domainId, outs);
    expect(writes("dnspod")).toBe(0);
  });
});

describe("the hard-records corpus (410-character DKIM, quotes, UTF-8 TXT, CAA, SRV to the root, TLSA, SSHFP, wildcards)", () => {
  /** What the resources write of a zone file (no SOA, no apex NS), at a TTL both APIs take. */
  const written = (records: ZoneFileRecord[]) =>
    records.filter((r) => r.type !== "SOA" && !(r.type === "NS" && r.name === "")).map((r) => ({ ...r, ttl: 600 }));
  const DNSPOD_TYPES = new Set(["A", "AAAA", "CNAME", "MX", "TXT", "NS", "SRV", "CAA"]);

  test("WEDOS: what the wait expects of every record is what the nameservers answer, on create and on delete", async () => {
    for (const { origin, records } of Object.values(CORPUS)) {
      nowMs = Date.now();
      await wedosDomain.create(h.wedos, await checked(wedosDomain, { name: origin }));
      said = [];
      const inputs = await checked(wedosZone, { domain: origin, records: written(records), waitUntilServed: true });
      const { outs } = await wedosZone.create(h.wedos, inputs);
      const n = written(records).length;
      expect(said.at(-1)).toMatch(new RegExp(`^WEDOS zone ${origin}: every nameserver serves the change of ${n} record\\(s\\)`));
      nowMs += 5000;
      await wedosZone.delete(h.wedos, origin, outs);
      expect(said.at(-1)).toMatch(new RegExp(`^WEDOS zone ${origin}: every nameserver serves the change of ${n} record\\(s\\)`));
    }
  });

  test("DNSPod: the same for every record DNSPod takes", async () => {
    for (const { origin, records } of Object.values(CORPUS)) {
      nowMs = Date.now();
      const { id } = await dnspodDomain.create(h.dnspod, await checked(dnspodDomain, { domain: origin }));
      const takes = written(records).filter((r) => DNSPOD_TYPES.has(r.type) && !(r.type === "MX" && r.rdata.startsWith("0 ")));
      said = [];
      const inputs = await checked(dnspodZone, { domainId: id, records: fromZoneFile(takes), waitUntilServed: true });
      const { outs } = await dnspodZone.create(h.dnspod, inputs);
      expect(said.at(-1)).toMatch(
        new RegExp(`^DNSPod domain ${origin}: every nameserver serves the change of ${takes.length} record\\(s\\)`),
      );
      nowMs += 5000;
      await dnspodZone.delete(h.dnspod, id, outs);
      expect(said.at(-1)).toMatch(
        new RegExp(`^DNSPod domain ${origin}: every nameserver serves the change of ${takes.length} record\\(s\\)`),
      );
    }
  });
});
