/**
 * dnspod.ZoneRecords against the DNSPod emulator, through the provider methods the engine calls:
 * one (paged) listing and only the delta, adoption of identical records, changes in place through
 * the one action that sets each attribute, removals of records no longer declared, drift and
 * unmanaged records on refresh, exclusive ownership, and delete of exactly the declared records.
 * On both DNSPod sites: api.dnspod.com (line keys) and dnsapi.cn (Chinese line names, 默认).
 */
import type { DnspodState } from "../../emulator";
import { domainResource } from "../../provider/dnspod/resources/domain";
import type { ZoneRecordsInputs } from "../../provider/dnspod/resources/zone-records";
import { zoneRecordsResource as impl } from "../../provider/dnspod/resources/zone-records";
import { fromZoneFile, parseZoneFile } from "../../provider/zonefile";
import { DNSPOD_SITES, useEmulators } from "../helpers/emulators";

/** What differs per site: a non-default line as written and as the emulator keeps it, and 默认's `record_line`. */
const SITE = {
  intl: { line: "US", lineStored: "US", defaultWire: "default" },
  cn: { line: "电信", lineStored: "10=0", defaultWire: "默认" },
} as const;

describe.each(DNSPOD_SITES)("dnspod.ZoneRecords on %s", (site) => {
  const h = useEmulators({ dnspod: { site } });
  const S = SITE[site];

  const ops = () => h.calls("dnspod").map((e) => e.op);
  const writes = () => ops().filter((op) => !/\.(List|Info)$/.test(op));
  const mark = () => (h.emu.hub.entries.length = 0);
  const state = () => h.emu.hub.state().dnspod as DnspodState;
  const records = () =>
    state()
      .domains[0]!.records.filter((r) => !r.hold)
      .map(
        (r) =>
          `${r.subDomain} ${r.type} ${r.line} ${r.value} ttl=${r.ttl}${r.type === "MX" ? ` mx=${r.mx}` : ""}${r.enabled ? "" : " off"}${r.remark ? ` "${r.remark}"` : ""}`,
      )
      .sort();

  async function checked(news: Record<string, unknown>): Promise<ZoneRecordsInputs> {
    const r = await impl.check({}, news);
    if (!r.inputs) throw new Error(JSON.stringify(r.failures));
    return r.inputs;
  }

  async function domain(): Promise<string> {
    const { id } = await domainResource.create(h.dnspod, (await domainResource.check({}, { domain: "example.com" })).inputs!);
    mark();
    return id;
  }

  const BASE = [
    { subDomain: "www", recordType: "A", value: "192.0.2.10" },
    { subDomain: "www", recordType: "A", recordLine: S.line, value: "192.0.2.20" },
    { recordType: "MX", value: "Mail.Example.com", mx: 10 },
    { recordType: "TXT", value: "v=spf1 mx -all", remark: "spf" },
    { subDomain: "old", recordType: "CNAME", value: "www.example.com.", status: "disable" },
  ];

  test("check keys the records by identity and line, normalised like dnspod.Record; zone files fit through fromZoneFile", async () => {
    const domainId = "1";
    expect((await checked({ domainId, records: BASE })).records).toEqual({
      "www A 192.0.2.10": { ttl: 600 },
      [`www A@${S.line} 192.0.2.20`]: { ttl: 600 },
      "@ MX mail.example.com.": { ttl: 600, mx: 10 },
      "@ TXT v=spf1 mx -all": { ttl: 600, remark: "spf" },
      "old CNAME www.example.com.": { ttl: 600, status: "disable" },
    });
    const file = parseZoneFile(
      "$TTL 3600\n@ SOA ns1.example.com. admin.example.com. 1 7200 900 1209600 300\n@ NS ns1.example.com.\n@ MX 10 mail.example.com.\nwww A 192.0.2.10\n",
      "example.com",
    );
    const defaults = ["default", "Default", "默认"].map((recordLine) => ({
      subDomain: "www",
      recordType: "A",
      recordLine,
      value: "192.0.2.10",
    }));
    expect(Object.keys((await checked({ domainId, records: defaults.slice(2) })).records)).toEqual(["www A 192.0.2.10"]);
    // One record declared three times: "default", "Default" and "默认" are the same line.
    expect(
      (await impl.check({}, { domainId, records: defaults })).failures?.map((f) => [
        f.property,
        /the same record as records\[0\]/.test(f.reason),
      ]),
    ).toEqual([
      ["records[1]", true],
      ["records[2]", true],
    ]);
    expect((await checked({ domainId, records: fromZoneFile(file) })).records).toEqual({
      "@ MX mail.example.com.": { ttl: 3600, mx: 10 },
      "www A 192.0.2.10": { ttl: 3600 },
    });
    const bad = await impl.check(
      {},
      {
        domainId,
        records: [...BASE, { subDomain: "old", recordType: "A", value: "192.0.2.1" }, { recordType: "MX", value: "mx.example.com." }],
      },
    );
    expect(bad.failures).toEqual([
      {
        property: "records[6].mx",
        reason:
          'dnspod.ZoneRecords.records[6].mx: record "@ MX mx.example.com.": an MX record needs mx, its priority 1–20. Fix: set mx, e.g. 10',
      },
    ]);
    const clash = await impl.check({}, { domainId, records: [...BASE, { subDomain: "old", recordType: "A", value: "192.0.2.1" }] });
    expect(clash.failures?.map((f) => f.property)).toEqual(["records[4].type"]);
    expect(h.calls("dnspod")).toEqual([]);
  });

  test("create lists once, adopts an identical record, creates the rest and sets status and remark only where needed", async () => {
    const domainId = await domain();
    await h.dnspod.client.createRecord(domainId, {
      sub_domain: "www",
      record_type: "A",
      record_line: S.defaultWire,
      value: "192.0.2.10",
      ttl: 600,
    });
    await h.dnspod.client.createRecord(domainId, {
      sub_domain: "stray",
      record_type: "A",
      record_line: S.defaultWire,
      value: "192.0.2.66",
      ttl: 600,
    });
    mark();
    const { id, outs } = await impl.create(h.dnspod, await checked({ domainId, records: BASE }));
    expect(id).toBe(domainId);
    expect(ops()[0]).toBe("Record.List");
    expect(writes().sort()).toEqual(["Record.Create", "Record.Create", "Record.Create", "Record.Create", "Record.Remark", "Record.Status"]);
    expect(records()).toEqual([
      "@ MX default mail.example.com. ttl=600 mx=10",
      '@ TXT default v=spf1 mx -all ttl=600 "spf"',
      "old CNAME default www.example.com. ttl=600 off",
      "stray A default 192.0.2.66 ttl=600",
      `www A ${S.lineStored} 192.0.2.20 ttl=600`,
      "www A default 192.0.2.10 ttl=600",
    ]);
    expect(outs).toMatchObject({ recordCount: 5, unmanaged: ["stray A 192.0.2.66"] });
    expect(outs.records["old CNAME www.example.com."]).toEqual({ ttl: 600, status: "disable", recordId: expect.stringMatching(/^\d+$/) });
    expect(await impl.diff(id, outs, await checked({ domainId, records: BASE }))).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  test("each attribute changes in place through its own action; a dropped record is removed; no-op writes nothing", async () => {
    const domainId = await domain();
    const { id, outs } = await impl.create(h.dnspod, await checked({ domainId, records: BASE }));
    const news = await checked({
      domainId,
      records: [{ ...BASE[0], ttl: 1200 }, BASE[1], { ...BASE[2], mx: 20 }, { ...BASE[3], remark: "" }, { ...BASE[4], status: "enable" }],
    });
    mark();
    const { outs: after } = await impl.update(h.dnspod, id, outs, news);
    expect(writes().sort()).toEqual(["Record.Modify", "Record.Modify", "Record.Remark", "Record.Status"]);
    expect(after.records["www A 192.0.2.10"]).toEqual({ ttl: 1200, recordId: outs.records["www A 192.0.2.10"]!.recordId });
    mark();
    const fewer = await checked({ domainId, records: [{ ...BASE[0], ttl: 1200 }, BASE[1]] });
    const { outs: last } = await impl.update(h.dnspod, id, after, fewer);
    expect(writes()).toEqual(["Record.Remove", "Record.Remove", "Record.Remove"]);
    expect(records()).toEqual([`www A ${S.lineStored} 192.0.2.20 ttl=600`, "www A default 192.0.2.10 ttl=1200"].sort());
    mark();
    await impl.update(h.dnspod, id, last, fewer);
    expect(ops()).toEqual(["Record.List"]);
  });

  test("refresh shows drift and unmanaged records; exclusive previews them as removals, then deletes them", async () => {
    const domainId = await domain();
    const { id, outs } = await impl.create(h.dnspod, await checked({ domainId, records: BASE }));
    const c = h.dnspod.client;
    await c.setRecordStatus(domainId, outs.records["www A 192.0.2.10"]!.recordId, "disable");
    await c.removeRecord(domainId, outs.records["@ TXT v=spf1 mx -all"]!.recordId);
    await c.createRecord(domainId, { sub_domain: "stray", record_type: "A", record_line: S.defaultWire, value: "192.0.2.66", ttl: 600 });
    mark();
    const read = await impl.read(h.dnspod, id, outs);
    expect(ops()).toEqual(["Record.List"]);
    expect((read.inputs as ZoneRecordsInputs).records["www A 192.0.2.10"]).toEqual({ ttl: 600, status: "disable" });
    expect((read.inputs as ZoneRecordsInputs).records["@ TXT v=spf1 mx -all"]).toBeUndefined();
    expect(read.props).toMatchObject({ unmanaged: ["stray A 192.0.2.66"], recordCount: 4 });

    const exclusive = await checked({ domainId, records: BASE, exclusive: true });
    const { outs: owned } = await impl.update(h.dnspod, id, read.props!, exclusive);
    expect(records()).toContain("stray A default 192.0.2.66 ttl=600");
    const refreshed = await impl.read(h.dnspod, id, owned);
    expect((read.inputs as ZoneRecordsInputs).records["stray A 192.0.2.66"]).toBeUndefined();
    expect((refreshed.inputs as ZoneRecordsInputs).records["stray A 192.0.2.66"]).toEqual({ ttl: 600 });
    expect((await impl.diff(id, refreshed.props!, exclusive)).changes).toBe(true);
    mark();
    await impl.update(h.dnspod, id, refreshed.props!, exclusive);
    expect(writes()).toEqual(["Record.Remove"]);
    expect(records()).not.toContain("stray A default 192.0.2.66 ttl=600");
  });

  test("delete removes exactly the declared records, never DNSPod's own NS records", async () => {
    const domainId = await domain();
    await h.dnspod.client.createRecord(domainId, {
      sub_domain: "keep",
      record_type: "A",
      record_line: S.defaultWire,
      value: "192.0.2.1",
      ttl: 600,
    });
    const { id, outs } = await impl.create(h.dnspod, await checked({ domainId, records: BASE }));
    mark();
    await impl.delete(h.dnspod, id, outs);
    expect(writes()).toEqual(["Record.Remove", "Record.Remove", "Record.Remove", "Record.Remove", "Record.Remove"]);
    expect(records()).toEqual(["keep A default 192.0.2.1 ttl=600"]);
    expect(state().domains[0]!.records.filter((r) => r.hold).length).toBeGreaterThan(0);
  });
});
