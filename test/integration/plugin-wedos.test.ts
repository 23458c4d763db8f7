/**
 * pulumi-resource-wedos over gRPC against the WEDOS emulator, driven as the engine drives it:
 * CheckConfig, Configure with the password as a secret, check/create/diff/update/delete of every
 * resource with exact API calls, the detailed diff of a one-row ZoneRecords edit, `pulumi import`
 * of every resource by its id (Read with the id alone, then no changes), and the invokes.
 */
import { type RunningEmulators, startEmulators, type WedosState } from "../../emulator";
import { WedosClient } from "../../provider/wedos/client";
import { WEDOS_PASSWORD, WEDOS_USER } from "../helpers/emulators";
import { importRoundTrip, PluginClient } from "../helpers/plugin";

const T = {
  domain: "wedos:index:Domain",
  record: "wedos:index:Record",
  keyset: "wedos:index:DnssecKeyset",
  zone: "wedos:index:ZoneRecords",
};
const SECRET = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: WEDOS_PASSWORD };

let emu: RunningEmulators;
let p: PluginClient;
let api: WedosClient;

const ops = () => emu.log().map((e) => e.op);
const CONFIG = () => ({ username: WEDOS_USER, wapiPassword: SECRET, endpoint: emu.wedos.endpoint });

/** A new plugin process, as each pulumi command starts one (nothing cached from earlier calls). */
async function restart(): Promise<void> {
  await p.stop();
  p = await PluginClient.start("wedos");
  await p.configure("wedos", CONFIG(), {});
}
const mark = () => (emu.hub.entries.length = 0);
const rows = (zone: string) => (emu.hub.state().wedos as WedosState).domains.find((d) => d.name === zone)!.rows;

beforeAll(async () => {
  emu = await startEmulators();
  p = await PluginClient.start("wedos");
  api = new WedosClient({ username: WEDOS_USER, password: WEDOS_PASSWORD, endpoint: emu.wedos.endpoint, format: "json" });
});

afterAll(async () => {
  await p?.stop();
  await emu?.close();
});

test("CheckConfig passes good settings through unchanged and names bad ones; the password is never echoed in a failure", async () => {
  const good = { username: WEDOS_USER, wapiPassword: WEDOS_PASSWORD, endpoint: emu.wedos.endpoint, version: "0.1.0" };
  expect(await p.checkConfig(good)).toEqual({ inputs: good, failures: [] });
  const bad = await p.checkConfig({ ...good, endpoint: "http://api.wedos.com/wapi/json", usename: "x" });
  expect(bad.failures.map((f) => f.property)).toEqual(["endpoint", "usename"]);
  expect(JSON.stringify(bad.failures)).not.toContain(WEDOS_PASSWORD);
});

test("Configure takes the settings, the secret unwrapped; nothing is called before the first resource", async () => {
  const res = await p.configure("wedos", CONFIG(), { username: WEDOS_USER, endpoint: emu.wedos.endpoint });
  expect(res).toMatchObject({ acceptsecrets: false, acceptresources: false, acceptoutputs: false });
  expect(emu.log()).toEqual([]);
});

test("Domain, ZoneRecords, Record: create, no-op diff, the detailed diff of one edited row, update, delete — with exact calls", async () => {
  const domain = (await p.check(T.domain, { name: "Plugin.CZ" })).inputs;
  const zone = await p.create(T.domain, domain);
  expect(zone.id).toBe("plugin.cz");
  const records = [
    { name: "www", type: "A", rdata: "192.0.2.10" },
    { name: "", type: "MX", ttl: 3600, rdata: "10 mail.plugin.cz." },
    { name: "", type: "TXT", rdata: "v=spf1 mx -all" },
  ];
  const checked = (await p.check(T.zone, { domain: "plugin.cz", records })).inputs;
  mark();
  const created = await p.create(T.zone, checked);
  // The commit and the listing that finds the new rows' ids run together.
  expect(ops().sort()).toEqual(["dns-domain-commit", "dns-row-add", "dns-row-add", "dns-row-add", "dns-rows-list", "dns-rows-list"]);
  expect(await p.diff(T.zone, created.id, created.outs, checked)).toEqual({ changes: "none", replaces: [], detailed: {} });

  const edited = (
    await p.check(T.zone, {
      domain: "plugin.cz",
      records: [{ ...records[0], rdata: "192.0.2.11" }, { ...records[1], ttl: 600 }, records[2]],
    })
  ).inputs;
  expect(await p.diff(T.zone, created.id, created.outs, edited)).toEqual({
    changes: "some",
    replaces: [],
    detailed: {
      'records["www A 192.0.2.10"]': "DELETE",
      'records["www A 192.0.2.11"]': "ADD",
      'records["@ MX 10 mail.plugin.cz"]': "UPDATE",
    },
  });
  mark();
  const updated = await p.update(T.zone, created.id, created.outs, edited);
  expect(ops().sort()).toEqual(["dns-domain-commit", "dns-row-add", "dns-row-delete", "dns-row-update", "dns-rows-list", "dns-rows-list"]);
  expect(Object.keys(updated.records).sort()).toEqual(["@ MX 10 mail.plugin.cz", "@ TXT v=spf1 mx -all", "www A 192.0.2.11"]);

  const rec = (await p.check(T.record, { domain: "plugin.cz", name: "api", type: "AAAA", rdata: "2001:DB8::1" })).inputs;
  const r = await p.create(T.record, rec);
  expect(r.id).toMatch(/^plugin\.cz\/\d+$/);
  expect(r.outs).toMatchObject({ fqdn: "api.plugin.cz", rdata: "2001:db8::1", comment: "" });
  expect(await p.diff(T.record, r.id, r.outs, { ...rec, comment: "owned" })).toEqual({
    changes: "some",
    replaces: ["comment"],
    detailed: { comment: "UPDATE_REPLACE" },
  });
  mark();
  await p.delete(T.record, r.id, r.outs);
  expect(ops()).toEqual(["dns-row-delete", "dns-domain-commit"]);
});

test("Read of a row gone out of band answers no id: the engine drops it on refresh", async () => {
  const rec = (await p.check(T.record, { domain: "plugin.cz", name: "gone", type: "A", rdata: "192.0.2.99" })).inputs;
  const r = await p.create(T.record, rec);
  await api.deleteRow("plugin.cz", r.outs.rowId);
  await restart();
  expect((await p.read(T.record, r.id, r.outs)).id).toBe("");
});

test("import: a Record by zone/rowId reads every input from the row (comment included), with one listing, and then shows no changes", async () => {
  await api.addRow("plugin.cz", { name: "legacy", type: "MX", ttl: 1800, rdata: "20 mx2.example.net.", comment: "by hand" });
  const row = rows("plugin.cz").find((x) => x.name === "legacy")!;
  await restart();
  mark();
  const { read, checked, diff } = await importRoundTrip(p, T.record, `plugin.cz/${row.ID}`);
  expect(ops()).toEqual(["dns-rows-list"]);
  expect(read.inputs).toEqual({
    domain: "plugin.cz",
    name: "legacy",
    type: "MX",
    ttl: 1800,
    rdata: "20 mx2.example.net",
    comment: "by hand",
    adopt: false,
  });
  expect(read.props).toMatchObject({ ...read.inputs, rowId: String(row.ID), fqdn: "legacy.plugin.cz" });
  expect(checked.failures).toEqual([]);
  expect(diff).toEqual({ changes: "none", replaces: [], detailed: {} });
});

test("import: the Domain by name, the ZoneRecords by zone (every live row declared, as a list), no changes after either", async () => {
  const d = await importRoundTrip(p, T.domain, "plugin.cz");
  expect(d.read.inputs).toEqual({
    name: "plugin.cz",
    type: "primary",
    axfrEnabled: false,
    axfrIps: [],
    allowRecreate: false,
    adopt: false,
  });
  expect(d.diff).toEqual({ changes: "none", replaces: [], detailed: {} });

  const z = await importRoundTrip(p, T.zone, "plugin.cz");
  expect(z.read.inputs).toEqual({
    domain: "plugin.cz",
    exclusive: false,
    records: expect.arrayContaining([
      { name: "legacy", type: "MX", ttl: 1800, rdata: "20 mx2.example.net", comment: "by hand" },
      { name: "", type: "MX", ttl: 600, rdata: "10 mail.plugin.cz" },
    ]),
  });
  expect(z.read.inputs!.records).toHaveLength(rows("plugin.cz").filter((x) => !(x.name === "" && x.rdtype === "NS")).length);
  expect(z.read.props.unmanaged).toEqual([]);
  expect(z.checked.failures).toEqual([]);
  expect(z.diff).toEqual({ changes: "none", replaces: [], detailed: {} });
});

test("import: WAPI does not tell a secondary's primary nor a DnssecKeyset's keyset (documented); the declared values are taken", async () => {
  await api.addDomain({ name: "secondary.cz", type: "secondary", primaryIp: "192.0.2.53" });
  const s = await importRoundTrip(p, T.domain, "secondary.cz");
  expect(s.read.inputs).toEqual({
    name: "secondary.cz",
    type: "secondary",
    axfrEnabled: false,
    axfrIps: [],
    allowRecreate: false,
    adopt: false,
  });
  expect(s.checked.failures.map((f) => f.property)).toEqual(["primaryIp"]);
  // The program declares the primary: no change, and above all no replacement of the zone.
  const declared = await p.check(T.domain, { ...s.read.inputs, primaryIp: "192.0.2.53" }, s.read.inputs!);
  expect(await p.diff(T.domain, "secondary.cz", s.read.props, declared.inputs)).toEqual({ changes: "none", replaces: [], detailed: {} });

  const k = await importRoundTrip(p, T.keyset, "plugin.cz");
  expect(k.read.inputs).toEqual({ domain: "plugin.cz" });
  expect(k.checked.failures.map((f) => f.property)).toEqual(["keyset"]);
  // The keyset it should have is set by the first update (one dns-domain-update-keyset).
  expect(await p.diff(T.keyset, "plugin.cz", k.read.props, { domain: "plugin.cz", keyset: "wedos" })).toEqual({
    changes: "some",
    replaces: [],
    detailed: { keyset: "ADD" },
  });
  expect((await p.read(T.keyset, "nowhere.cz")).id).toBe("");
});

test("invokes: getDomains and getRecords, with arguments checked", async () => {
  expect((await p.invoke("wedos:index:getDomains", {})).outputs).toEqual({
    domains: expect.arrayContaining([{ name: "plugin.cz", type: "primary", status: "active" }]),
  });
  const recs = (await p.invoke("wedos:index:getRecords", { domain: "plugin.cz" })).outputs as { records: { name: string }[] };
  expect(recs.records.map((r) => r.name)).toContain("legacy");
  expect((await p.invoke("wedos:index:getRecords", {})).failures).toEqual([
    expect.stringMatching(/^wedos:index:getRecords: domain is required/),
  ]);
});

test("GetSchema serves the package schema of schemas/wedos/schema.json; no output on stderr holds the password", async () => {
  const schema = await p.schema();
  expect(schema).toEqual(require("../../schemas/wedos/schema.json"));
  expect(p.stderr.join("")).not.toContain(WEDOS_PASSWORD);
});
