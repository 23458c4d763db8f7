/**
 * The emulated nameservers through clients that are not ours: dnspython, and Node's resolver
 * (c-ares). Every record of the zone-file corpus (410-character DKIM, quotes, UTF-8 TXT, CAA, SRV
 * with the root target, TLSA, SSHFP, wildcards) is written through each API and must come back
 * from every one of its nameservers as the API holds it; then NXDOMAIN vs NODATA, truncation and
 * the TCP retry, and IDN.
 */
import { Resolver } from "node:dns/promises";
import type { Nameserver } from "../../emulator";
import { DnspodClient } from "../../provider/dnspod/client";
import { WedosClient } from "../../provider/wedos/client";
import type { ZoneFileRecord } from "../../provider/zonefile";
import { fromZoneFile } from "../../provider/zonefile/dnspod";
import { CORPUS } from "../fixtures/zonefile/corpus";
import { type DigRecord, type DigResult, dig, dnsPython } from "../helpers/dig";
import { DNSPOD_TOKEN, useEmulators, WEDOS_PASSWORD, WEDOS_USER } from "../helpers/emulators";

const h = useEmulators({ dnspod: { accountGrade: "DP_Plus" } });
const wedos = () => new WedosClient({ username: WEDOS_USER, password: WEDOS_PASSWORD, endpoint: h.emu.wedos.endpoint, format: "json" });
const dnspod = () => new DnspodClient({ loginToken: DNSPOD_TOKEN, endpoint: h.emu.dnspod.endpoint });

beforeAll(() => void dnsPython(), 300_000);

/** What the resources write of a zone file: no SOA, no apex NS (the services serve their own). */
const written = (records: ZoneFileRecord[]) => records.filter((r) => r.type !== "SOA" && !(r.type === "NS" && r.name === ""));
const DNSPOD_TYPES = new Set(["A", "AAAA", "CNAME", "MX", "TXT", "NS", "SRV", "CAA"]);

async function seedWedos(zone: string, records: ZoneFileRecord[]): Promise<void> {
  const w = wedos();
  await w.addDomain({ name: zone, type: "primary" });
  for (const r of records) await w.addRow(zone, { name: r.name, type: r.type, ttl: r.ttl ?? 300, rdata: r.rdata });
  await w.commit(zone);
}

async function seedDnspod(zone: string, records: ZoneFileRecord[]): Promise<void> {
  const d = dnspod();
  const id = await d.createDomain(zone);
  for (const r of fromZoneFile(records)) {
    await d.createRecord(id, {
      sub_domain: r.subDomain,
      record_type: r.recordType,
      record_line: "default",
      value: r.value,
      ttl: r.ttl ?? 600,
      ...(r.mx !== undefined ? { mx: r.mx } : {}),
    });
  }
}

/** A record's data as a comparison key: TXT as its joined strings, AAAA normalised, names lower-case. */
function answered(r: DigRecord): string {
  if (r.type === "TXT") return r.strings!.join("");
  if (r.type === "AAAA") return new URL(`http://[${r.text}]`).hostname;
  return r.type === "CAA" ? r.text : r.text.toLowerCase();
}
const declared = (r: ZoneFileRecord): string => (r.type === "AAAA" ? new URL(`http://[${r.rdata}]`).hostname : r.rdata);

/**
 * Asks every nameserver for every RRset of the zones with dnspython. Returns, per type, how many
 * answers held exactly the declared records ("matched/asked"), and each answer that did not.
 */
async function matrix(servers: Nameserver[], zones: [string, ZoneFileRecord[]][]) {
  const sets = zones.flatMap(([zone, records]) => {
    const byKey = new Map<string, ZoneFileRecord[]>();
    for (const r of records) byKey.set(`${r.name} ${r.type}`, [...(byKey.get(`${r.name} ${r.type}`) ?? []), r]);
    return [...byKey.values()].map((rs) => ({ name: rs[0]!.name ? `${rs[0]!.name}.${zone}` : zone, type: rs[0]!.type, records: rs }));
  });
  const queries = servers.flatMap((s) => sets.map((set) => ({ server: s.address, name: set.name, type: set.type })));
  const results = await dig(queries);
  const counts: Record<string, [number, number]> = {};
  const wrong: string[] = [];
  results.forEach((res, i) => {
    const set = sets[i % sets.length]!;
    const got = res.answer
      .filter((a) => a.type === set.type && a.name === `${set.name}.`)
      .map(answered)
      .sort();
    const want = set.records.map(declared).sort();
    const ok = res.rcode === "NOERROR" && res.aa && JSON.stringify(got) === JSON.stringify(want);
    const [matched, asked] = counts[set.type] ?? [0, 0];
    counts[set.type] = [matched + (ok ? 1 : 0), asked + 1];
    if (!ok) wrong.push(`${queries[i]!.server} ${set.name} ${set.type}: want ${JSON.stringify(want)}, got ${JSON.stringify(res)}`);
  });
  return { matrix: Object.fromEntries(Object.entries(counts).map(([t, [m, a]]) => [t, `${m}/${a}`])), wrong };
}

test("WEDOS: every record of the corpus, from each of the four nameservers, as dnspython reads it", async () => {
  const zones = Object.values(CORPUS).map((z) => [z.origin, written(z.records)] as [string, ZoneFileRecord[]]);
  for (const [zone, records] of zones) await seedWedos(zone, records);
  const { matrix: m, wrong } = await matrix(h.emu.wedos.nameservers, zones);
  expect(wrong).toEqual([]);
  // RRsets per type × 4 nameservers, every answer exactly the declared records.
  expect(m).toEqual({
    A: "52/52",
    AAAA: "12/12",
    CAA: "8/8",
    CNAME: "20/20",
    MX: "12/12",
    SRV: "12/12",
    SSHFP: "4/4",
    TLSA: "4/4",
    TXT: "32/32",
  });
});

test("DNSPod: every record of the corpus DNSPod takes, from both nameservers, as dnspython reads it", async () => {
  // DNSPod takes MX priorities 1–20 only (the corpus has a null-priority 0).
  const takes = (r: ZoneFileRecord) => DNSPOD_TYPES.has(r.type) && !(r.type === "MX" && r.rdata.startsWith("0 "));
  const zones = Object.values(CORPUS).map((z) => [z.origin, written(z.records).filter(takes)] as [string, ZoneFileRecord[]]);
  for (const [zone, records] of zones) await seedDnspod(zone, records);
  const { matrix: m, wrong } = await matrix(h.emu.dnspod.nameservers, zones);
  expect(wrong).toEqual([]);
  // RRsets per type × 2 nameservers.
  expect(m).toEqual({ A: "26/26", AAAA: "6/6", CAA: "4/4", CNAME: "10/10", MX: "4/4", SRV: "6/6", TXT: "16/16" });
});

const soaOf = (res: DigResult) => res.authority.map((r) => `${r.name} ${r.type}`);

test("NXDOMAIN and NODATA: both authoritative, both with the zone's SOA; outside the zones REFUSED", async () => {
  await seedWedos("example.cz", written(CORPUS["example.cz.zone"]!.records));
  const [server] = h.emu.wedos.nameservers;
  const [nx, nodata, out] = await dig([
    { server: server!.address, name: "nothing.example.cz", type: "A" },
    { server: server!.address, name: "mail.example.cz", type: "TXT" },
    { server: server!.address, name: "example.net", type: "A" },
  ]);
  expect([nx!.rcode, nx!.aa, nx!.answer, soaOf(nx!)]).toEqual(["NXDOMAIN", true, [], ["example.cz. SOA"]]);
  expect([nodata!.rcode, nodata!.aa, nodata!.answer, soaOf(nodata!)]).toEqual(["NOERROR", true, [], ["example.cz. SOA"]]);
  expect(nx!.authority[0]!.text).toMatch(/^ns\.wedos\.net\. hostmaster\.wedos\.com\. \d{10} 10800 3600 1209600 300$/);
  expect([out!.rcode, out!.aa]).toEqual(["REFUSED", false]);
});

test("a large answer: truncated over UDP (TC, no records), whole over the TCP retry", async () => {
  const big = ["a", "b", "c"].map((c) => ({ name: "big", type: "TXT", rdata: c.repeat(300) }));
  await seedWedos("example.cz", big);
  const server = h.emu.wedos.nameservers[1]!.address;
  const [udp, retry, edns] = await dig([
    { server, name: "big.example.cz", type: "TXT", transport: "udp" },
    { server, name: "big.example.cz", type: "TXT", transport: "auto" },
    { server, name: "big.example.cz", type: "TXT", transport: "auto", edns: true },
  ]);
  expect([udp!.tc, udp!.answer.length]).toEqual([true, 0]);
  expect([retry!.tcp, retry!.tc, retry!.answer.map((a) => a.strings!.map((s) => s.length))]).toEqual([
    true,
    false,
    [
      [255, 45],
      [255, 45],
      [255, 45],
    ],
  ]);
  // With EDNS (dnspython offers 1232) the answer of about 950 bytes fits in one datagram.
  expect([edns!.tcp, edns!.answer.length]).toEqual([false, 3]);
});

test("IDN: a zone named in Unicode answers its punycode names, asked in Unicode by dnspython", async () => {
  await seedWedos("xn--bcher-kva.cz", [{ name: "www", type: "A", rdata: "192.0.2.80" }]);
  await dnspod()
    .createDomain("bücher.com")
    .then((id) =>
      dnspod().createRecord(id, { sub_domain: "www", record_type: "A", record_line: "default", value: "192.0.2.81", ttl: 600 }),
    );
  const [w, d] = await dig([
    { server: h.emu.wedos.nameservers[0]!.address, name: "www.bücher.cz", type: "A" },
    { server: h.emu.dnspod.nameservers[0]!.address, name: "www.bücher.com", type: "A" },
  ]);
  expect(w!.answer.map((a) => `${a.name} ${a.text}`)).toEqual(["www.xn--bcher-kva.cz. 192.0.2.80"]);
  expect(d!.answer.map((a) => `${a.name} ${a.text}`)).toEqual(["www.xn--bcher-kva.com. 192.0.2.81"]);
});

test("Node's resolver (c-ares) reads A, AAAA, CNAME, MX, TXT, SRV, CAA, NS and SOA, and tells ENOTFOUND from ENODATA", async () => {
  await seedWedos("example.com", written(CORPUS["example.com.zone"]!.records));
  await seedWedos("example.cz", [
    ...written(CORPUS["example.cz.zone"]!.records),
    ...Array.from({ length: 8 }, (_, i) => ({ name: "huge", type: "TXT", rdata: `${i}${"x".repeat(249)}` })),
  ]);
  const r = new Resolver({ timeout: 2000, tries: 2 });
  r.setServers([h.emu.wedos.nameservers[3]!.address]);
  const error = (p: Promise<unknown>) =>
    p.then(
      () => "resolved",
      (e: NodeJS.ErrnoException) => e.code,
    );
  expect(await r.resolve4("mail.example.com")).toEqual(["192.0.2.25"]);
  expect(await r.resolve6("example.com")).toEqual(["2001:db8::10"]);
  expect(await r.resolveCname("www2.example.com")).toEqual(["www.example.com"]);
  expect((await r.resolveMx("example.com")).sort((a, b) => a.priority - b.priority)).toEqual([
    { exchange: "mail.example.com", priority: 10 },
    { exchange: "mail.backup.example.net", priority: 20 },
  ]);
  expect((await r.resolveTxt("sel1._domainkey.example.cz")).map((t) => t.join(""))).toEqual([
    CORPUS["example.cz.zone"]!.records.find((x) => x.name === "sel1._domainkey")!.rdata,
  ]);
  expect(await r.resolveSrv("_sip._tcp.example.cz")).toEqual([{ name: "sip.example.cz", port: 5060, priority: 10, weight: 60 }]);
  expect((await r.resolveCaa("example.com")).sort((a, b) => (a.issue ?? "").localeCompare(b.issue ?? ""))).toEqual([
    { critical: 0, iodef: "mailto:security@example.com" },
    { critical: 0, issue: "letsencrypt.org" },
  ]);
  expect((await r.resolveNs("example.cz")).sort()).toEqual(["ns.wedos.com", "ns.wedos.cz", "ns.wedos.eu", "ns.wedos.net"]);
  expect(await r.resolveSoa("example.cz")).toMatchObject({ nsname: "ns.wedos.net", hostmaster: "hostmaster.wedos.com", minttl: 300 });
  // 8 × 250 bytes: larger than any UDP size c-ares offers, so it has to come over TCP.
  expect((await r.resolveTxt("huge.example.cz")).map((t) => t.join("").length)).toEqual([250, 250, 250, 250, 250, 250, 250, 250]);
  expect([await error(r.resolve4("nothing.example.cz")), await error(r.resolve4("_dmarc.example.cz"))]).toEqual(["ENOTFOUND", "ENODATA"]);
});
