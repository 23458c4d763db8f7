/**
 * pulumi-resource-dnspod over gRPC against the DNSPod emulator (a VIP account, so custom groups
 * work), driven as the engine drives it: Configure with the token as a secret, every resource
 * created, then `pulumi import` of each by its id (Read with the id alone, Check, Diff: no
 * changes), the lock code kept secret, an imported lock's limits, the invokes.
 */
import { type DnspodState, type RunningEmulators, startEmulators } from "../../emulator";
import { SECRET_SIG, SIG_KEY } from "../../provider/plugin/values";
import { DNSPOD_TOKEN } from "../helpers/emulators";
import { importRoundTrip, PluginClient } from "../helpers/plugin";

const T = {
  domain: "dnspod:index:Domain",
  record: "dnspod:index:Record",
  share: "dnspod:index:DomainShare",
  alias: "dnspod:index:DomainAlias",
  group: "dnspod:index:DomainGroup",
  lock: "dnspod:index:DomainLock",
  zone: "dnspod:index:ZoneRecords",
};

let emu: RunningEmulators;
let p: PluginClient;
const ops = () => emu.log().map((e) => e.op);
const mark = () => (emu.hub.entries.length = 0);
const CONFIG = () => ({ loginToken: { [SIG_KEY]: SECRET_SIG, value: DNSPOD_TOKEN }, endpoint: emu.dnspod.endpoint, site: "intl" });

async function restart(): Promise<void> {
  await p.stop();
  p = await PluginClient.start("dnspod");
  await p.configure("dnspod", CONFIG(), {});
}

async function made(token: string, news: Record<string, unknown>) {
  const { inputs, failures } = await p.check(token, news);
  expect(failures).toEqual([]);
  return p.create(token, inputs);
}

const NONE = { changes: "none", replaces: [], detailed: {} };
const ids: Record<string, string> = {};

beforeAll(async () => {
  emu = await startEmulators({ dnspod: { accountGrade: "DP_Plus" } });
  p = await PluginClient.start("dnspod");
  await p.configure("dnspod", CONFIG(), { endpoint: emu.dnspod.endpoint });
  const group = await made(T.group, { name: "production" });
  const domain = await made(T.domain, { domain: "plugin.com", groupId: group.outs.groupId, remark: "imported later" });
  const record = await made(T.record, {
    domainId: domain.id,
    subDomain: "mail",
    recordType: "MX",
    mx: 5,
    value: "mx.example.net",
    status: "disable",
    remark: "backup",
  });
  const share = await made(T.share, { domainId: domain.id, email: "colleague@example.com", mode: "rw", subDomain: "www" });
  const alias = await made(T.alias, { domainId: domain.id, domain: "plugin.net" });
  const zone = await made(T.zone, {
    domainId: domain.id,
    records: [
      { subDomain: "www", recordType: "A", value: "192.0.2.10" },
      { recordType: "TXT", value: "v=spf1 -all", ttl: 3600 },
    ],
  });
  Object.assign(ids, { group: group.id, domain: domain.id, record: record.id, share: share.id, alias: alias.id, zone: zone.id });
});

afterAll(async () => {
  await p?.stop();
  await emu?.close();
});

test.each([
  ["group", T.group, { name: "production", adopt: false }],
  [
    "domain",
    T.domain,
    { domain: "plugin.com", isMark: false, remark: "imported later", status: "enable", searchEnginePush: true, adopt: false },
  ],
  [
    "record",
    T.record,
    {
      subDomain: "mail",
      recordType: "MX",
      recordLine: "default",
      value: "mx.example.net.",
      mx: 5,
      ttl: 600,
      status: "disable",
      remark: "backup",
      adopt: false,
    },
  ],
  ["share", T.share, { email: "colleague@example.com", mode: "rw", subDomain: "www", adopt: false }],
  ["alias", T.alias, { domain: "plugin.net", adopt: false }],
] as const)("import of the %s by its id reads every input, and the declaration previews with no changes", async (kind, token, expected) => {
  await restart();
  const { read, checked, diff } = await importRoundTrip(p, token, ids[kind]!);
  expect(read.id).toBe(ids[kind]);
  expect(read.inputs).toMatchObject(expected);
  expect(checked.failures).toEqual([]);
  expect(diff).toEqual(NONE);
});

test("import of the ZoneRecords by domain id takes every record but DNSPod's own NS, as the list a program declares", async () => {
  await restart();
  mark();
  const { read, checked, diff } = await importRoundTrip(p, T.zone, ids.domain!);
  expect(ops()).toEqual(["Record.List"]);
  expect(read.inputs).toEqual({
    domainId: ids.domain,
    exclusive: false,
    records: expect.arrayContaining([
      { subDomain: "www", recordType: "A", value: "192.0.2.10", ttl: 600 },
      { subDomain: "@", recordType: "TXT", value: "v=spf1 -all", ttl: 3600 },
      { subDomain: "mail", recordType: "MX", value: "mx.example.net.", mx: 5, ttl: 600, status: "disable", remark: "backup" },
    ]),
  });
  expect(read.inputs!.records).toHaveLength(3);
  expect(checked.failures).toEqual([]);
  expect(diff).toEqual(NONE);
});

test("DomainLock: the code is returned as a secret; an imported lock has its days but no code, so it cannot be removed early", async () => {
  const lock = await made(T.lock, { domainId: ids.domain, days: 30 });
  expect(lock.outs.lockCode).toEqual({ [SIG_KEY]: SECRET_SIG, value: expect.stringMatching(/^[0-9a-f]{6}$/) });
  await restart();
  const imported = await importRoundTrip(p, T.lock, ids.domain!);
  expect(imported.read.inputs).toEqual({ domainId: ids.domain, days: 30 });
  expect(imported.read.props.lockCode).toBeUndefined();
  expect(imported.diff).toEqual(NONE);
  await expect(p.delete(T.lock, ids.domain!, imported.read.props)).rejects.toThrow(
    /the lock code is unknown \(the lock was imported.*pulumi state delete/s,
  );
  mark();
  await p.delete(T.lock, ids.domain!, { ...lock.outs, lockCode: lock.outs.lockCode.value });
  expect(ops()).toEqual(["Domain.Unlock"]);
  expect((emu.hub.state().dnspod as DnspodState).domains.find((d) => d.name === "plugin.com")!.lock).toBeUndefined();
});

test("a one-record edit diffs as that record; a changed domainId replaces", async () => {
  const read = await p.read(T.zone, ids.domain!);
  const news = await p.check(T.zone, {
    ...read.inputs,
    records: read.inputs!.records.map((r: { subDomain: string; ttl: number }) => (r.subDomain === "www" ? { ...r, ttl: 1200 } : r)),
  });
  expect(await p.diff(T.zone, ids.domain!, read.props, news.inputs)).toEqual({
    changes: "some",
    replaces: [],
    detailed: { 'records["www A 192.0.2.10"]': "UPDATE" },
  });
  expect((await p.diff(T.zone, ids.domain!, read.props, { ...news.inputs, domainId: "1" })).replaces).toEqual(["domainId"]);
});

test("invokes: domains, records, types, lines; Read of an unknown id is gone", async () => {
  expect(((await p.invoke("dnspod:index:getDomains", {})).outputs as { domains: { name: string }[] }).domains.map((d) => d.name)).toEqual([
    "plugin.com",
  ]);
  const records = (
    (await p.invoke("dnspod:index:getRecords", { domainId: ids.domain })).outputs as { records: { subDomain: string; system: boolean }[] }
  ).records;
  expect(
    records
      .filter((r) => !r.system)
      .map((r) => r.subDomain)
      .sort(),
  ).toEqual(["@", "mail", "www"]);
  expect(((await p.invoke("dnspod:index:getRecordTypes", { grade: "DP_Free" })).outputs as { types: string[] }).types).toContain("MX");
  expect(
    ((await p.invoke("dnspod:index:getRecordLines", { grade: "DP_Free" })).outputs as { areas: Record<string, unknown> }).areas,
  ).toHaveProperty("default");
  expect((await p.read(T.record, `${ids.domain}/999999`)).id).toBe("");
  expect(p.stderr.join("")).not.toContain(DNSPOD_TOKEN.split(",")[1]);
});
