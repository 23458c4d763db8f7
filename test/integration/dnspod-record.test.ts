/**
 * dnspod.Record against the DNSPod emulator: every transition a Pulumi user can cause, through the
 * provider methods the engine calls, asserting which actions reached the API. Every test runs on both
 * DNSPod sites: api.dnspod.com (line keys) and dnsapi.cn (Chinese line names, 默认 for the default).
 */
import type { DnspodState } from "../../emulator";
import { domainResource } from "../../provider/dnspod/resources/domain";
import { lockResource } from "../../provider/dnspod/resources/lock";
import type { RecordInputs } from "../../provider/dnspod/resources/record";
import { type RecordOutputs, recordResource } from "../../provider/dnspod/resources/record";
import { DNSPOD_SITES, useEmulators } from "../helpers/emulators";

/**
 * What differs per site: a line as a user writes it (`line`, `otherLine`), as check() stores it
 * (`…State`), as the emulator keeps it (`…Stored`: a key, or a dnsapi.cn line id), and the default
 * line's `record_line`; and a line of the other site, which check() refuses with this message.
 */
const SITE = {
  intl: {
    line: "United States",
    lineState: "US",
    lineStored: "US",
    otherLine: "US",
    otherStored: "US",
    defaultWire: "default",
    foreign: ["电信", /dnsapi\.cn .*dnspod:site cn/],
  },
  cn: {
    line: "电信",
    lineState: "电信",
    lineStored: "10=0",
    otherLine: "联通",
    otherStored: "10=1",
    defaultWire: "默认",
    foreign: ["US", /api\.dnspod\.com line.*电信/],
  },
} as const;

describe.each(DNSPOD_SITES)("dnspod.Record on %s", (site) => {
  const h = useEmulators({ dnspod: { site } });
  const S = SITE[site];

  const ops = () => h.calls("dnspod").map((e) => e.op);
  const writes = () => ops().filter((op) => !/\.(List|Info|Lockstatus)$/.test(op));
  const clearLog = () => (h.emu.hub.entries.length = 0);
  const state = () => h.emu.hub.state().dnspod as DnspodState;

  async function checked(news: Record<string, unknown>): Promise<RecordInputs> {
    const r = await recordResource.check({}, news);
    if (!r.inputs) throw new Error(JSON.stringify(r.failures));
    return r.inputs;
  }

  async function zone(name = "example.com"): Promise<string> {
    const { id } = await domainResource.create(h.dnspod, (await domainResource.check({}, { domain: name })).inputs!);
    clearLog();
    return id;
  }

  async function created(news: Record<string, unknown>): Promise<{ id: string; outs: RecordOutputs; inputs: RecordInputs }> {
    const inputs = await checked(news);
    return { ...(await recordResource.create(h.dnspod, inputs)), inputs };
  }

  /** What the engine does on refresh + preview: read, then diff the read state against the program. */
  async function refreshDiff(id: string, outs: RecordOutputs, inputs: RecordInputs) {
    const read = await recordResource.read(h.dnspod, id, outs);
    return { read, diff: await recordResource.diff(id, read.props!, inputs) };
  }

  test("create sends Record.Create with the site's line and nothing else, and returns domainId/recordId with the record as DNSPod holds it", async () => {
    const domainId = await zone();
    const { id, outs } = await created({ domainId, subDomain: "www", recordType: "A", value: "192.0.2.10" });
    const rec = state().domains[0]!.records.find((r) => r.subDomain === "www")!;
    expect(id).toBe(`${domainId}/${rec.id}`);
    expect(outs).toMatchObject({
      domainId,
      subDomain: "www",
      recordType: "A",
      recordLine: "default",
      value: "192.0.2.10",
      ttl: 600,
      status: "enable",
      remark: "",
      recordId: String(rec.id),
    });
    expect(outs.updatedOn).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    // The record's time comes from Record.Create's answer: no listing to read it back.
    expect(outs.updatedOn).toBe(rec.updatedOn);
    expect(ops()).toEqual(["Record.Create"]);
    expect(h.calls("dnspod", "Record.Create")[0]!.params).toEqual({
      format: "json",
      lang: "en",
      error_on_empty: "no",
      domain_id: domainId,
      sub_domain: "www",
      record_type: "A",
      record_line: S.defaultWire,
      value: "192.0.2.10",
      ttl: "600",
    });
    expect(h.calls("dnspod", "Record.Create")[0]!.userAgent).toMatch(/^pulumi-dnspod-wedos\/\d+\.\d+\.\d+ \(.+@.+\)$/);
  });

  test("lines and rewritten values never make a perpetual diff", async () => {
    const domainId = await zone();
    const cases = [
      { subDomain: "us", recordType: "A", value: "192.0.2.1", recordLine: S.line },
      { subDomain: "@", recordType: "MX", value: "Mail.Example.COM", mx: 10 },
      { subDomain: "alias", recordType: "CNAME", value: "Target.Example.net" },
      { subDomain: "_sip._tcp", recordType: "SRV", value: "10 5 5060 SIP.example.com" },
      { subDomain: "v6", recordType: "AAAA", value: "2001:DB8::A" },
      { subDomain: "sub", recordType: "NS", value: "NS1.Example.net" },
    ];
    for (const c of cases) {
      const { id, outs, inputs } = await created({ domainId, ...c });
      const { read, diff } = await refreshDiff(id, outs, inputs);
      expect(diff).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
      // A second check of the same program gives the same inputs, and they match what was read.
      expect(read.inputs).toMatchObject({ ...inputs, adopt: false });
    }
    const stored = state().domains[0]!.records.find((r) => r.subDomain === "us")!;
    expect(stored.line).toBe(S.lineStored);
    expect((await checked({ domainId, subDomain: "us", recordType: "A", value: "192.0.2.1", recordLine: S.line })).recordLine).toBe(
      S.lineState,
    );
    expect(h.calls("dnspod", "Record.List").length).toBeGreaterThan(0);
  });

  test('"default", "Default" and "默认" are one record\'s line: one create, no diff between them; the other site\'s lines fail in check', async () => {
    const domainId = await zone();
    const { id, outs } = await created({ domainId, subDomain: "www", recordType: "A", value: "192.0.2.10", recordLine: "默认" });
    expect(h.calls("dnspod", "Record.Create").map((e) => e.params.record_line)).toEqual([S.defaultWire]);
    for (const recordLine of ["default", "Default", "默认", undefined]) {
      const news = await checked({
        domainId,
        subDomain: "www",
        recordType: "A",
        value: "192.0.2.10",
        ...(recordLine ? { recordLine } : {}),
      });
      expect(await recordResource.diff(id, outs, news)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    }
    expect((await recordResource.read(h.dnspod, id, outs)).props!.recordLine).toBe("default");
    const [foreign, message] = S.foreign;
    clearLog();
    const r = await recordResource.check({}, { domainId, subDomain: "www", recordType: "A", value: "192.0.2.10", recordLine: foreign });
    expect(r.failures).toEqual([{ property: "recordLine", reason: expect.stringMatching(message) }]);
    expect(h.calls("dnspod")).toEqual([]);
  });

  test("no-op update makes no call; each change calls exactly its own action", async () => {
    const domainId = await zone();
    const { id, outs, inputs } = await created({ domainId, subDomain: "www", recordType: "A", value: "192.0.2.10" });
    clearLog();
    expect(
      (
        await recordResource.diff(
          id,
          outs,
          await checked({ domainId, subDomain: "WWW", recordType: "a", value: "192.0.2.10", recordLine: "Default" }),
        )
      ).changes,
    ).toBe(false);
    const same = await recordResource.update(h.dnspod, id, outs, inputs);
    expect(h.calls("dnspod")).toEqual([]);
    expect(same.outs).toEqual(outs);

    const steps: Array<[Record<string, unknown>, string[]]> = [
      [{ ttl: 3600 }, ["Record.Modify"]],
      [{ status: "disable" }, ["Record.Status"]],
      [{ remark: "managed by pulumi" }, ["Record.Remark"]],
      [{ value: "192.0.2.11", recordLine: S.otherLine, status: "enable" }, ["Record.Modify", "Record.Status"]],
      [{ subDomain: "web" }, ["Record.Modify"]],
    ];
    let olds = outs;
    let program: Record<string, unknown> = { domainId, subDomain: "www", recordType: "A", value: "192.0.2.10" };
    for (const [change, expected] of steps) {
      program = { ...program, ...change };
      const news = await checked(program);
      expect(await recordResource.diff(id, olds, news)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
      clearLog();
      olds = (await recordResource.update(h.dnspod, id, olds, news)).outs;
      expect(writes()).toEqual(expected);
      expect(olds).toMatchObject({ ...news, recordId: outs.recordId });
    }
    const rec = state().domains[0]!.records.find((r) => r.id === Number(outs.recordId))!;
    expect(rec).toMatchObject({
      subDomain: "web",
      line: S.otherStored,
      value: "192.0.2.11",
      ttl: 3600,
      enabled: true,
      remark: "managed by pulumi",
    });
  });

  test("a new domainId replaces the record", async () => {
    const domainId = await zone();
    const other = await zone("example.net");
    const { id, outs, inputs } = await created({ domainId, subDomain: "www", recordType: "A", value: "192.0.2.10" });
    expect(await recordResource.diff(id, outs, { ...inputs, domainId: other })).toEqual({
      changes: true,
      replaces: ["domainId"],
      deleteBeforeReplace: false,
    });
  });

  test("create with status disable and a remark sets both after Record.Create", async () => {
    const domainId = await zone();
    const { outs } = await created({
      domainId,
      subDomain: "www",
      recordType: "TXT",
      value: "hello world",
      status: "disable",
      remark: "note",
    });
    expect(writes()).toEqual(["Record.Create", "Record.Status", "Record.Remark"]);
    expect(outs).toMatchObject({ status: "disable", remark: "note", value: "hello world" });
  });

  test("read shows an out-of-band change, a disabled record as drift, and nothing after an out-of-band delete", async () => {
    const domainId = await zone();
    const { id, outs, inputs } = await created({ domainId, subDomain: "www", recordType: "A", value: "192.0.2.10" });
    const { client } = h.dnspod;
    await client.modifyRecord(domainId, outs.recordId, {
      sub_domain: "www",
      record_type: "A",
      record_line: S.defaultWire,
      value: "192.0.2.99",
      ttl: 900,
    });
    await client.setRecordStatus(domainId, outs.recordId, "disable");
    const { read, diff } = await refreshDiff(id, outs, inputs);
    expect(read.props).toMatchObject({ value: "192.0.2.99", ttl: 900, status: "disable" });
    expect(read.inputs).toMatchObject({ value: "192.0.2.99", ttl: 900, status: "disable" });
    expect(diff).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    clearLog();
    await recordResource.update(h.dnspod, id, read.props!, inputs);
    expect(writes()).toEqual(["Record.Modify", "Record.Status"]);
    await client.removeRecord(domainId, outs.recordId);
    expect(await recordResource.read(h.dnspod, id, outs)).toEqual({});
  });

  test("delete of a record that is already gone succeeds, also when the domain is gone", async () => {
    const domainId = await zone();
    const { id, outs } = await created({ domainId, subDomain: "www", recordType: "A", value: "192.0.2.10" });
    await recordResource.delete(h.dnspod, id, outs);
    await recordResource.delete(h.dnspod, id, outs);
    await domainResource.delete(h.dnspod, domainId, {} as never);
    await recordResource.delete(h.dnspod, id, outs);
    expect(await recordResource.read(h.dnspod, id, outs)).toEqual({});
    expect(h.calls("dnspod", "Record.Remove").map((e) => e.code)).toEqual(["1", "8", "6"]);
  });

  test("an identical existing record fails with a hint to adopt; adopt takes it over and applies ttl, status and remark", async () => {
    const domainId = await zone();
    await h.dnspod.client.createRecord(domainId, {
      sub_domain: "www",
      record_type: "A",
      record_line: S.defaultWire,
      value: "192.0.2.10",
      ttl: 600,
    });
    const inputs = await checked({
      domainId,
      subDomain: "www",
      recordType: "A",
      value: "192.0.2.10",
      ttl: 1200,
      status: "disable",
      remark: "adopted",
    });
    await expect(recordResource.create(h.dnspod, inputs)).rejects.toThrow(/code 104.*adopt: true/);
    const { outs } = await recordResource.create(h.dnspod, { ...inputs, adopt: true });
    const recs = state().domains[0]!.records.filter((r) => r.subDomain === "www");
    expect(recs).toEqual([expect.objectContaining({ id: Number(outs.recordId), ttl: 1200, enabled: false, remark: "adopted" })]);
  });

  test("a TTL below the grade's minimum fails with the grade minimums in the message", async () => {
    const domainId = await zone();
    const inputs = await checked({ domainId, subDomain: "www", recordType: "A", value: "192.0.2.10", ttl: 60 });
    await expect(recordResource.create(h.dnspod, inputs)).rejects.toThrow(/code 29 \(TTL too small for the domain's grade.*DP_Free 600/);
  });

  test("writes to a locked domain fail with a message that points to DomainLock; after unlocking they work", async () => {
    const domainId = await zone();
    const { id, outs, inputs } = await created({ domainId, subDomain: "www", recordType: "A", value: "192.0.2.10" });
    const lock = await lockResource.create(h.dnspod, { domainId, days: 3 });
    await expect(
      recordResource.create(h.dnspod, await checked({ domainId, subDomain: "api", recordType: "A", value: "192.0.2.20" })),
    ).rejects.toThrow(/code 21 .*dnspod\.DomainLock/);
    await expect(recordResource.update(h.dnspod, id, outs, { ...inputs, ttl: 1200 })).rejects.toThrow(/DomainLock/);
    await expect(recordResource.delete(h.dnspod, id, outs)).rejects.toThrow(/DomainLock/);
    await lockResource.delete(h.dnspod, lock.id, lock.outs);
    expect((await recordResource.update(h.dnspod, id, outs, { ...inputs, ttl: 1200 })).outs.ttl).toBe(1200);
  });

  test("a zone of 600 records is read completely; 600 concurrent reads share ≤ 2 Record.List calls", async () => {
    const domainId = await zone();
    const s = h.emu.dnspodApi.snapshot();
    const d = s.domains[0]!;
    for (let i = 0; d.records.length < 600; i++) {
      d.records.push({
        id: s.nextRecordId++,
        subDomain: `h${i}`,
        type: "A",
        line: "default",
        value: `10.0.${i >> 8}.${i & 255}`,
        mx: 0,
        ttl: 600,
        enabled: true,
        remark: "",
        updatedOn: "2024-03-01 10:00:00",
        hold: false,
        noopModifies: 0,
      });
    }
    h.emu.dnspodApi.restore(s);
    clearLog();
    const reads = await Promise.all(
      d.records.map((r) => recordResource.read(h.dnspod, `${domainId}/${r.id}`, { domainId } as RecordOutputs)),
    );
    expect(reads.filter((r) => r.id !== undefined)).toHaveLength(600);
    expect(reads.at(-1)!.props).toMatchObject({ subDomain: `h597`, recordType: "A" });
    const lists = h.calls("dnspod", "Record.List");
    expect(lists.length).toBeLessThanOrEqual(2);
    // dnsapi.cn answers pages of up to 3000 records, api.dnspod.com of 500.
    expect(lists.map((e) => [e.params.offset, e.params.length])).toEqual(
      site === "cn"
        ? [["0", "3000"]]
        : [
            ["0", "500"],
            ["500", "500"],
          ],
    );
    process.stdout.write(`[measure] ${site}: 600 concurrent dnspod.Record reads → ${lists.length} Record.List\n`);
  });
});
