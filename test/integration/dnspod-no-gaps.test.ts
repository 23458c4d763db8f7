/**
 * No answer gaps on DNSPod, proven from what the nameservers published (GET /_emulator/dns-log):
 * one dnspod.ZoneRecords update swaps the values of 50 A records, retargets 10 CNAMEs, grows and
 * shrinks two round-robin sets, turns an A into an AAAA, and swaps two names between A and CNAME.
 * No publish leaves a name that is declared before and after without an answer, except the two
 * CNAME ↔ A names, each unanswered in exactly one publish that the publish of its new records
 * follows directly. On api.dnspod.com and on dnsapi.cn, where the additions go as a batch job.
 */
import { request } from "undici";
import type { DnsLogEntry } from "../../emulator";
import { type DnspodContext, makeDnspodContext } from "../../provider/dnspod/context";
import { domainResource } from "../../provider/dnspod/resources/domain";
import { zoneRecordsResource as impl } from "../../provider/dnspod/resources/zone-records";
import { DNSPOD_SITES, DNSPOD_TOKEN, TEST_BUDGET, useEmulators } from "../helpers/emulators";

type Rec = { subDomain: string; recordType: string; value: string };
const A = (subDomain: string, value: string): Rec => ({ subDomain, recordType: "A", value });
const CNAME = (subDomain: string, value: string): Rec => ({ subDomain, recordType: "CNAME", value });
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

const BEFORE: Rec[] = [
  ...range(50).map((i) => A(`a${i}`, `10.1.0.${i}`)),
  ...range(10).map((i) => CNAME(`c${i}`, `t${i}.example.net.`)),
  A("rr", "10.2.0.1"),
  A("rr", "10.2.0.2"),
  ...range(3).map((i) => A("shrink", `10.3.0.${i + 1}`)),
  A("v6", "10.6.0.1"),
  A("s0", "10.4.0.1"),
  A("s0", "10.4.0.2"),
  CNAME("s1", "s1.example.net."),
];
const AFTER: Rec[] = [
  // Each a<i> takes the value of a<i+1>: a swap of values among the 50 names.
  ...range(50).map((i) => A(`a${i}`, `10.1.0.${(i + 1) % 50}`)),
  ...range(10).map((i) => CNAME(`c${i}`, `u${i}.example.net.`)),
  ...range(3).map((i) => A("rr", `10.2.0.${i + 3}`)),
  A("shrink", "10.3.0.4"),
  { subDomain: "v6", recordType: "AAAA", value: "2001:db8::6" },
  CNAME("s0", "s0.example.net."),
  A("s1", "10.5.0.1"),
  A("s1", "10.5.0.2"),
  // New names: enough additions for dnsapi.cn's batch job.
  ...range(12).map((i) => A(`n${i}`, `10.7.0.${i}`)),
];
const KEPT = [...new Set(BEFORE.map((r) => r.subDomain))].filter((n) => !["s0", "s1"].includes(n));

describe.each(DNSPOD_SITES)("on %s", (site) => {
  let clock = Date.parse("2026-03-01T10:00:00Z");
  const h = useEmulators({ dnspod: { site, batchDelayMs: 300 }, now: () => new Date(clock) });
  let ctx: DnspodContext;
  beforeEach(() => {
    ctx = makeDnspodContext(
      { loginToken: DNSPOD_TOKEN, endpoint: h.emu.dnspod.endpoint, site, ...TEST_BUDGET },
      {
        sleep: async (ms) => {
          clock += ms;
        },
      },
    );
  });

  /** What f1g1ns1 served after each publish: name → its types. */
  async function published(): Promise<Map<string, Set<string>>[]> {
    const base = h.emu.dnspod.endpoint;
    const log = (await (await request(`${base}/_emulator/dns-log?api=dnspod`)).body.json()) as DnsLogEntry[];
    return log
      .filter((e) => e.server === "f1g1ns1.dnspod.net")
      .map((e) => {
        const names = new Map<string, Set<string>>();
        for (const r of e.rrsets as { name: string; type: string }[]) {
          const n = r.name.replace(/\.example\.com$/, "");
          names.set(n, new Set([...(names.get(n) ?? []), r.type]));
        }
        return names;
      });
  }

  test("swaps, retargets and type changes leave no name unanswered; CNAME ↔ A only for one publish, the next one answering", async () => {
    const { id: domainId } = await domainResource.create(ctx, (await domainResource.check({}, { domain: "example.com" })).inputs!);
    const create = await impl.check({}, { domainId, records: BEFORE });
    const { outs } = await impl.create(ctx, create.inputs!);
    const start = (await published()).length;
    h.emu.hub.entries.length = 0;
    const update = await impl.check({}, { domainId, records: AFTER });
    await impl.update(ctx, domainId, outs, update.inputs!);

    const after = (await published()).slice(start - 1);
    const unanswered = (name: string) => after.flatMap((p, i) => (p.has(name) ? [] : [i]));
    expect(Object.fromEntries(KEPT.map((n) => [n, unanswered(n)]).filter(([, gaps]) => gaps!.length))).toEqual({});
    for (const [name, type] of [
      ["s0", "CNAME"],
      ["s1", "A"],
    ] as const) {
      const gaps = unanswered(name);
      expect(gaps).toHaveLength(1);
      // Adjacent: the very next publish answers the name with its new type.
      expect([...(after[gaps[0]! + 1]?.get(name) ?? [])]).toEqual([type]);
    }
    const count = (op: string) => h.calls("dnspod", op).length;
    expect({
      modify: count("Record.Modify"),
      create: count("Record.Create"),
      remove: count("Record.Remove"),
      batch: count("Batch.Record.Create"),
    }).toEqual({
      // 50 swaps, 10 retargets, 2 of rr's 3 values, 1 of shrink's: each one Record.Modify.
      modify: 63,
      // rr's third value, v6's AAAA, the 12 new names (dnsapi.cn: one batch job), then s0's CNAME and s1's two A.
      create: site === "cn" ? 3 : 17,
      remove: 2 + 1 + 2 + 1,
      batch: site === "cn" ? 1 : 0,
    });

    const last = after.at(-1)!;
    expect([last.get("a0"), last.get("c0"), last.get("v6"), last.get("s0"), last.get("s1")]).toEqual([
      new Set(["A"]),
      new Set(["CNAME"]),
      new Set(["AAAA"]),
      new Set(["CNAME"]),
      new Set(["A"]),
    ]);
  });
});
