/**
 * examples/zone-file under the real Pulumi engine: one BIND zone file served by WEDOS and DNSPod,
 * each zone one ZoneRecords resource. Plans, the requests an up makes (one listing, the delta, one
 * commit), no-op previews, a one-record edit among 1,000 records as shown by `preview --diff`,
 * exclusive ownership through refresh, an interrupted up, and destroy.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type DnspodState, type RunningEmulators, startEmulators, type WedosState } from "../../emulator";
import { RDATA_RULES } from "../../provider/dns/stored-rdata";
import { DnspodClient } from "../../provider/dnspod/client";
import { WedosClient } from "../../provider/wedos/client";
import { parseZoneFile } from "../../provider/zonefile";
import { EMULATOR_PASSWORD, EMULATOR_TOKEN, EMULATOR_USER, nameserverConfig, PulumiProject, prepareExample, ROOT } from "./harness";

const USER = EMULATOR_USER;
const PASSWORD = EMULATOR_PASSWORD;
const TOKEN = EMULATOR_TOKEN;
const CZ = "zonefile-example.cz";
const COM = "zonefile-example.com";

let emu: RunningEmulators;
let p: PulumiProject;
let wedosApi: WedosClient;
let dnspodApi: DnspodClient;

const wedosZone = () => (emu.hub.state().wedos as WedosState).domains.find((d) => d.name === CZ);
const dnspodDomain = () => (emu.hub.state().dnspod as DnspodState).domains.find((d) => d.name === COM);
const wedosRows = () =>
  wedosZone()!
    .rows.map((r) => `${r.name || "@"} ${r.rdtype} ${r.ttl} ${r.rdata}`)
    .sort();
const dnspodRecords = () =>
  dnspodDomain()!
    .records.filter((r) => !r.hold)
    .map((r) => `${r.subDomain} ${r.type} ${r.ttl} ${r.type === "MX" ? `${r.mx} ` : ""}${r.value}`)
    .sort();
const since = (seq: number) => emu.log().filter((e) => e.seq > seq);
const lastSeq = () => emu.log().at(-1)?.seq ?? 0;
const READS = /^(dns-rows-list|dns-domain-info|dns-domains-list|Record\.List|Domain\.Info|Domain\.List)$/;
const writes = (seq: number) =>
  since(seq)
    .filter((e) => !READS.test(e.op))
    .map((e) => `${e.api}:${e.op}`);

/**
 * The records `pulumi preview --diff` marks as added (+), removed (-) or changed (~), in order; any
 * other marked line must be a resource, the `records` property, an attribute of a marked record or
 * the summary — so a shifted list (every later record marked) cannot pass.
 */
function changedRecords(diff: string): string[] {
  // The stack's own outputs (the example exports every record as a line) follow "--outputs:--".
  const resources = diff.split(/^\s*--outputs:--$/m)[0]!;
  const marked = resources
    .split("\n")
    .filter((l) => /^\s+[-+~] /.test(l))
    .map((l) => l.trim());
  const records = marked.filter((l) => /^[-+~] \S+ \S+ .*: \{$/.test(l)).map((l) => l.replace(/\s*: \{$/, ""));
  const other = marked.filter(
    (l) =>
      !/^[-+~] \S+ \S+ .*: \{$/.test(l) &&
      !/^~ (pulumi-nodejs:dynamic\/\w+:ZoneRecords: \(update\)|records\s*: \{|\d+ to update)$/.test(l) &&
      !/^[-+~] (ttl|mx|status|remark|comment)\s*: /.test(l),
  );
  expect(other).toEqual([]);
  return records;
}

/** The records of examples/zone-file/example.zone as each API stores them. */
const FILE = parseZoneFile(readFileSync(join(ROOT, "examples/zone-file/example.zone"), "utf8"), CZ).filter(
  (r) => r.type !== "SOA" && !(r.type === "NS" && r.name === ""),
);

beforeAll(async () => {
  // This file writes a few thousand records within minutes: lift WAPI's hourly request limit and
  // row cap (the budget test in faults.test.ts covers the limit), and the client's budget with it.
  emu = await startEmulators({ wedos: { requestsPerWindow: 1_000_000, maxRowsPerDomain: 20_000 } });
  p = new PulumiProject(prepareExample("zone-file"));
  await p.ok(["stack", "init", "e2e"]);
  await p.configureEmulators(emu, { "wedos:requestsPerHour": "1000000", ...nameserverConfig(emu) });
  wedosApi = new WedosClient({ username: USER, password: PASSWORD, endpoint: emu.wedos.endpoint, format: "json" });
  dnspodApi = new DnspodClient({ loginToken: TOKEN, endpoint: emu.dnspod.endpoint });
}, 20 * 60_000);

afterAll(async () => {
  await emu?.close();
});

test("preview of a new stack plans the zones and their ZoneRecords, and calls no API", async () => {
  expect(await p.plan()).toEqual({ cz: "create", "cz-records": "create", com: "create", "com-records": "create" });
  expect(emu.log()).toEqual([]);
});

test("a bad zone file fails preview with its line and column, and calls no API", async () => {
  writeFileSync(join(p.dir, "bad.zone"), "$TTL 3600\nwww  A  192.0.2.10\napi  A  192.0.2.300\n");
  await p.config("zoneFile", "bad.zone");
  const seq = lastSeq();
  const r = await p.run(["preview"]);
  expect(r.code).not.toBe(0);
  expect(r.stdout + r.stderr).toMatch(/zone file line 3, column 9: "192\.0\.2\.300" is not an IPv4 address/);
  expect(since(seq)).toEqual([]);
  await p.ok(["config", "rm", "zoneFile"]);
});

test("up writes the zone file into both zones: one listing, one add per record, one commit; then no changes", async () => {
  await p.ok(["up", "--yes", "--skip-preview"]);
  const canonical = (r: (typeof FILE)[number]) => (RDATA_RULES[r.type]!(r.rdata) as { value: string }).value;
  expect(wedosRows()).toEqual(FILE.map((r) => `${r.name || "@"} ${r.type} ${r.ttl} ${canonical(r)}`).sort());
  expect(dnspodRecords()).toHaveLength(FILE.length);
  const zoneOps = emu.log().filter((e) => e.api === "wedos" && e.op.startsWith("dns-row"));
  expect(zoneOps.filter((e) => e.op === "dns-row-add")).toHaveLength(FILE.length);
  expect(emu.log().filter((e) => e.api === "dnspod" && e.op === "Record.Create")).toHaveLength(FILE.length);
  const outputs = JSON.parse(await p.ok(["stack", "output", "--json"])) as Record<string, unknown>;
  expect(outputs).toMatchObject({ wedosRecordCount: FILE.length, dnspodRecordCount: FILE.length, wedosUnmanaged: [], dnspodUnmanaged: [] });
  const seq = lastSeq();
  expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
  expect(writes(seq)).toEqual([]);
});

test("among 1,000 more records, one edited record previews as exactly that record and costs one delete and one add (DNSPod: one modify)", async () => {
  await p.config("extraHosts", "1000");
  await p.ok(["up", "--yes", "--skip-preview"]);
  expect(wedosZone()!.rows).toHaveLength(FILE.length + 1000);
  expect(dnspodDomain()!.records.filter((r) => !r.hold)).toHaveLength(FILE.length + 1000);
  await p.config("editHost", "500");
  const seq = lastSeq();
  const diff = await p.ok(["preview", "--diff"]);
  expect(writes(seq)).toEqual([]);
  expect(changedRecords(diff)).toEqual([
    "- host-500 A 198.51.101.244",
    "+ host-500 A 203.0.113.254",
    "- host-500 A 198.51.101.244",
    "+ host-500 A 203.0.113.254",
  ]);
  const up = lastSeq();
  await p.ok(["up", "--yes", "--skip-preview"]);
  // DNSPod changes the value in place (one publish switches it: no moment without an answer).
  expect(writes(up).sort()).toEqual(["dnspod:Record.Modify", "wedos:dns-domain-commit", "wedos:dns-row-add", "wedos:dns-row-delete"]);
  const seq2 = lastSeq();
  expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
  expect(writes(seq2)).toEqual([]);
});

test("exclusive: an out-of-band record is a removal after refresh, and up deletes only it", async () => {
  await p.config("exclusive", "true");
  await p.ok(["up", "--yes", "--skip-preview"]);
  await wedosApi.addRow(CZ, { name: "stray", type: "A", ttl: 300, rdata: "192.0.2.66" });
  await dnspodApi.createRecord(String(dnspodDomain()!.id), {
    sub_domain: "stray",
    record_type: "A",
    record_line: "default",
    value: "192.0.2.66",
    ttl: 600,
  });
  // Without a refresh the stack does not know the stray records: nothing is deleted unseen.
  expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
  await p.ok(["refresh", "--yes", "--skip-preview"]);
  const diff = await p.ok(["preview", "--diff"]);
  expect(changedRecords(diff)).toEqual(["- stray A 192.0.2.66", "- stray A 192.0.2.66"]);
  const seq = lastSeq();
  await p.ok(["up", "--yes", "--skip-preview"]);
  expect(writes(seq).sort()).toEqual(["dnspod:Record.Remove", "wedos:dns-domain-commit", "wedos:dns-row-delete"]);
  expect(wedosRows().some((r) => r.startsWith("stray "))).toBe(false);
  expect(dnspodRecords().some((r) => r.startsWith("stray "))).toBe(false);
});

test("destroy removes the records and the zones", async () => {
  await p.ok(["destroy", "--yes", "--skip-preview"]);
  expect(wedosZone()).toBeUndefined();
  expect(dnspodDomain()).toBeUndefined();
});
