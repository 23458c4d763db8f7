/**
 * `pulumi import` with the native plugins, under the real CLI, into a Pulumi YAML project: objects
 * made out of band through the APIs are adopted by their ids — a Record of each API,
 * a whole 1,000-record zone as one ZoneRecords — and whole zones through `pulumi import --file`
 * with the file `pulumi-dnspod-wedos export --format import|import-records` writes. Each time the
 * printed program, pasted in, previews with no changes, and nothing is ever written.
 */
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { DnspodClient } from "../../provider/dnspod/client";
import { WedosClient } from "../../provider/wedos/client";
import { seedDnspod, seedWedos } from "../fixtures/export/seed";
import { type PulumiProject, ROOT } from "./harness";
import { addImportedCode, changedRecords, expectNoSecretsInState, PASSWORD, TOKEN, USER, yamlProject } from "./plugin-harness";

const READS =
  /^(dns-rows-list|dns-domain-info|dns-domains-list|Record\.List|Domain\.Info|Domain\.List|Domainshare\.List|Domainalias\.List)$/;
const HOSTS = 1000;

let emu: RunningEmulators;
let p: PulumiProject;
let wedos: WedosClient;
let dnspod: DnspodClient;
const ids: Record<string, string> = {};

const lastSeq = () => emu.log().at(-1)?.seq ?? 0;
const writes = (seq: number) =>
  emu
    .log()
    .filter((e) => e.seq > seq && !READS.test(e.op))
    .map((e) => `${e.api}:${e.op}`);
const host = (i: number) => ({ name: `host-${i}`, type: "A", ttl: 3600, rdata: `198.51.${100 + (i >> 8)}.${i & 255}` });

/** `pulumi import …` writing the program code to a file, then pasted into Pulumi.yaml; returns the code. */
async function imported(args: string[]): Promise<string> {
  const out = join(p.dir, `import-${lastSeq()}.yaml`);
  const seq = lastSeq();
  await p.ok(["import", ...args, "--yes", "--protect=false", "--out", out]);
  expect(writes(seq)).toEqual([]);
  addImportedCode(p, out);
  return readFileSync(out, "utf8");
}

async function expectNoChanges(): Promise<void> {
  const seq = lastSeq();
  const r = await p.run(["preview", "--expect-no-changes", "--diff"]);
  if (r.code !== 0) throw new Error(`preview shows changes:\n${r.stdout}\n${r.stderr}`);
  expect(writes(seq)).toEqual([]);
}

/** The built `pulumi-dnspod-wedos` bin with only the environment variables the README names. */
function exportCli(args: string[]): Promise<string> {
  const env = {
    PATH: p.env.PATH!,
    WEDOS_USERNAME: USER,
    WEDOS_WAPI_PASSWORD: PASSWORD,
    WEDOS_ENDPOINT: emu.wedos.endpoint,
    DNSPOD_LOGIN_TOKEN: TOKEN,
    DNSPOD_ENDPOINT: emu.dnspod.endpoint,
  };
  return new Promise((done, fail) =>
    execFile("node", [join(ROOT, "dist/provider/export/cli.js"), ...args], { env }, (err, stdout, stderr) =>
      err ? fail(new Error(`${err.message}\n${stderr}`)) : done(stdout),
    ),
  );
}

beforeAll(async () => {
  emu = await startEmulators({ wedos: { requestsPerWindow: 1_000_000, maxRowsPerDomain: 20_000 }, dnspod: { accountGrade: "DP_Plus" } });
  wedos = new WedosClient({ username: USER, password: PASSWORD, endpoint: emu.wedos.endpoint, format: "json" });
  dnspod = new DnspodClient({ loginToken: TOKEN, endpoint: emu.dnspod.endpoint });
  await wedos.addDomain({ name: "legacy.cz", type: "primary" });
  await wedos.addRow("legacy.cz", { name: "www", type: "CNAME", ttl: 1800, rdata: "Web.Example.NET.", comment: "made by hand" });
  await wedos.commit("legacy.cz");
  await wedos.addDomain({ name: "big.cz", type: "primary" });
  for (let i = 0; i < HOSTS; i++) await wedos.addRow("big.cz", host(i));
  await wedos.commit("big.cz");
  ids.legacyCom = await dnspod.createDomain("legacy.com");
  ids.mail = await dnspod.createRecord(ids.legacyCom, {
    sub_domain: "mail",
    record_type: "MX",
    record_line: "default",
    value: "mx.example.net.",
    mx: 10,
    ttl: 3600,
  });
  await dnspod.setRecordRemark(ids.legacyCom, ids.mail, "backup MX");
  ids.zoneCom = await dnspod.createDomain("zone.com");
  for (const [sub, value] of [
    ["www", "192.0.2.10"],
    ["api", "192.0.2.11"],
  ])
    await dnspod.createRecord(ids.zoneCom, { sub_domain: sub!, record_type: "A", record_line: "default", value: value!, ttl: 600 });
  await seedWedos(emu.wedos.endpoint, USER, PASSWORD, "example.cz");
  ids.exampleCom = await seedDnspod(emu.dnspod.endpoint, TOKEN, "example.com");
  p = await yamlProject({ yaml: "name: imports\nruntime: yaml\ndescription: Objects adopted with pulumi import\n" }, emu);
}, 10 * 60_000);

afterAll(async () => {
  await emu?.close();
});

test(
  "a Domain and a Record of each API by their ids: every input read back (comment, remark, canonical data), then no changes",
  async () => {
    expect(await imported(["wedos:index:Domain", "legacyCz", "legacy.cz"])).toMatch(
      /type: wedos:Domain\n {4}properties:\n {6}adopt: false\n {6}allowRecreate: false\n {6}axfrEnabled: false\n {6}axfrIps: \[\]\n {6}name: legacy\.cz\n {6}type: primary\n/,
    );
    expect(await imported(["dnspod:index:Domain", "legacyCom", ids.legacyCom!])).toMatch(/domain: legacy\.com\n/);
    const rowId = (await wedos.listRows("legacy.cz")).find((r) => r.name === "www")!.ID;
    const cz = await imported(["wedos:index:Record", "legacyWww", `legacy.cz/${rowId}`]);
    expect(cz).toContain("type: wedos:Record");
    expect(cz).toMatch(/comment: made by hand\n/);
    expect(cz).toMatch(/rdata: web\.example\.net\n/);
    const com = await imported(["dnspod:index:Record", "legacyMail", `${ids.legacyCom}/${ids.mail}`]);
    expect(com).toMatch(/remark: backup MX\n/);
    expect(com).toMatch(/mx: 10\n/);
    await expectNoChanges();
  },
  5 * 60_000,
);

test(
  "a ZoneRecords by its zone: 1,000 records imported, no changes after; one edited record previews as that record only",
  async () => {
    const code = await imported(["wedos:index:ZoneRecords", "big", "big.cz"]);
    expect(code.match(/- name: host-\d+\n/g)).toHaveLength(HOSTS);
    await imported(["dnspod:index:ZoneRecords", "zoneCom", ids.zoneCom!]);
    await expectNoChanges();
    const state = JSON.parse(await p.exportState()) as { deployment: { resources: { type: string; urn: string }[] } };
    const bytes = (name: string) => JSON.stringify(state.deployment.resources.find((r) => r.urn.endsWith(`::${name}`))).length;
    console.log(
      `[measure] native state: ZoneRecords of ${HOSTS} records ${bytes("big")} bytes (${Math.round(bytes("big") / HOSTS)} per record); one Record ${bytes("legacyWww")} bytes`,
    );

    const program = join(p.dir, "Pulumi.yaml");
    const text = readFileSync(program, "utf8");
    writeFileSync(program, text.replace("rdata: 198.51.101.244\n", "rdata: 203.0.113.254\n"));
    try {
      const diff = await p.ok(["preview", "--diff"]);
      expect(changedRecords(diff)).toEqual(["- host-500 A 198.51.101.244", "+ host-500 A 203.0.113.254"]);
      expect(diff.match(/host-\d+/g)).toEqual(["host-500", "host-500"]);
    } finally {
      writeFileSync(program, text);
    }
  },
  5 * 60_000,
);

test(
  "whole zones through `pulumi import --file` from `export --format import` (WEDOS) and `--format import-records` (DNSPod)",
  async () => {
    const cz = JSON.parse(await exportCli(["export", "wedos", "example.cz", "--format", "import"])) as { resources: { type: string }[] };
    const com = JSON.parse(await exportCli(["export", "dnspod", "example.com", "--format", "import-records"])) as {
      resources: { type: string }[];
    };
    expect(cz.resources.map((r) => r.type)).toEqual(["wedos:index:ZoneRecords"]);
    expect(com.resources.length).toBeGreaterThan(10);
    expect(com.resources.every((r) => r.type === "dnspod:index:Record")).toBe(true);
    const file = join(p.dir, "import.json");
    writeFileSync(file, JSON.stringify({ resources: [...cz.resources, ...com.resources] }));
    const code = await imported(["--file", file]);
    expect(code).toContain("type: wedos:ZoneRecords");
    await expectNoChanges();
    expectNoSecretsInState(p);
  },
  5 * 60_000,
);

test(
  "destroy deletes what was imported and nothing else: zones whose records alone were imported stay",
  async () => {
    await p.ok(["destroy", "--yes", "--skip-preview"]);
    for (const zone of ["big.cz", "example.cz"])
      expect((await wedos.listRows(zone)).filter((r) => !(r.name === "" && r.rdtype === "NS"))).toEqual([]);
    for (const id of [ids.zoneCom!, ids.exampleCom!]) expect((await dnspod.listRecords(id)).filter((r) => r.hold !== "hold")).toEqual([]);
    // The imported zones go with their Domains.
    expect((await wedos.listDomains()).map((d) => d.name).sort()).toEqual(["big.cz", "example.cz"]);
    expect((await dnspod.listDomains()).map((d) => d.name).sort()).toEqual(["example.com", "zone.com"]);
    expectNoSecretsInState(p);
  },
  5 * 60_000,
);
