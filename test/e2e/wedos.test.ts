/**
 * The wedos example stack under the real Pulumi engine against the WEDOS emulator: plans,
 * updates, replacements, refresh of out-of-band changes, zone re-creation, secrets in state,
 * check failures with zero API calls, an interrupted `up`, and destroy.
 */
import { type RunningEmulators, startEmulators, type WedosState } from "../../emulator";
import { WedosClient } from "../../provider/wedos/client";
import { PulumiProject, prepareExample } from "./harness";

const USER = "emulator@example.com";
const PASSWORD = "emulator-password";
const ZONE = "pulumi-example.cz";

let emu: RunningEmulators;
let p: PulumiProject;
let client: WedosClient;

const zone = (name = ZONE) => (emu.hub.state().wedos as WedosState).domains.find((d) => d.name === name);
const rows = () =>
  zone()!
    .rows.map((r) => `${r.name} ${r.rdtype} ${r.ttl} ${r.rdata}`)
    .sort();
const changes = (plan: Record<string, string>) => Object.fromEntries(Object.entries(plan).filter(([, op]) => op !== "same"));
const wedosCalls = () => emu.log().filter((e) => e.api === "wedos");

beforeAll(async () => {
  emu = await startEmulators();
  p = new PulumiProject(prepareExample("wedos-zone"));
  await p.ok(["stack", "init", "e2e"]);
  await p.config("wedos:endpoint", emu.wedos.endpoint);
  await p.config("wedos:username", USER);
  await p.config("wedos:wapiPassword", PASSWORD, true);
  client = new WedosClient({ username: USER, password: PASSWORD, endpoint: emu.wedos.endpoint, format: "json" });
}, 20 * 60_000);

afterAll(async () => {
  await emu?.close();
});

const ALL = ["zone", "web", "apex", "apex-v6", "mail", "mail-backup", "spf", "docs", "sip", "caa", "dnssec", "mirror"];
const DECLARED = [
  " A 300 192.0.2.20",
  " AAAA 300 2001:db8::20",
  ' CAA 300 0 issue "letsencrypt.org"',
  " MX 3600 10 mx1.pulumi-example.cz",
  " MX 3600 20 mx2.pulumi-example.cz",
  " TXT 300 v=spf1 mx -all",
  "_sip._tcp SRV 300 10 5 5060 sip.pulumi-example.cz",
  "docs CNAME 300 www.pulumi-example.cz",
];

test("preview of a new stack plans every create and calls no API", async () => {
  const plan = await p.plan();
  expect(Object.keys(plan).sort()).toEqual([...ALL].sort());
  expect(new Set(Object.values(plan))).toEqual(new Set(["create"]));
  expect(wedosCalls()).toEqual([]);
});

test("up creates the zone, its rows, DNSSEC and the secondary; a second preview shows no changes", async () => {
  const out = await p.ok(["up", "--yes", "--skip-preview"]);
  expect(out).toMatch(/\+ 13 created/);
  expect(rows()).toEqual([...DECLARED, "www A 3600 192.0.2.10"].sort());
  expect(zone()!.published).toEqual(zone()!.rows);
  expect(zone()!.keyset).toBe("1");
  expect(zone(`mirror-${ZONE}`)).toMatchObject({ type: "secondary", primaryIp: "192.0.2.53" });
  // Outputs of inputs left to their defaults (ttl 300) are real outputs in the program.
  const records = JSON.parse(await p.ok(["stack", "output", "records", "--json"])) as string[];
  expect(records).toContain("pulumi-example.cz 300 IN A 192.0.2.20");
  expect(records).toContain("www.pulumi-example.cz 3600 IN A 192.0.2.10");
  const writesBefore = wedosCalls().length;
  const again = await p.run(["preview", "--expect-no-changes"]);
  expect(again.code).toBe(0);
  expect(Object.values(await p.plan()).filter((op) => op !== "same")).toEqual([]);
  // No-op previews read nothing and write nothing.
  expect(
    wedosCalls()
      .slice(writesBefore)
      .filter((e) => !e.op.endsWith("-list") && !e.op.endsWith("-info")),
  ).toEqual([]);
});

test("a ttl change previews as an update and applies in place", async () => {
  await p.config("webTtl", "7200");
  expect(changes(await p.plan())).toEqual({ web: "update" });
  const id = zone()!.rows.find((r) => r.name === "www")!.ID;
  await p.ok(["up", "--yes", "--skip-preview"]);
  expect(zone()!.rows.find((r) => r.name === "www")).toMatchObject({ ID: id, ttl: "7200" });
});

test("a name change and a type change preview as replacements and apply", async () => {
  await p.config("webName", "web");
  expect(changes(await p.plan())).toEqual({ web: "replace" });
  await p.ok(["up", "--yes", "--skip-preview"]);
  expect(rows()).toContain("web A 7200 192.0.2.10");
  expect(rows().some((r) => r.startsWith("www "))).toBe(false);
  await p.config("webType", "AAAA");
  expect(await p.plan()).toMatchObject({ web: "replace" });
  await p.ok(["up", "--yes", "--skip-preview"]);
  expect(rows().filter((r) => r.startsWith("web "))).toEqual(["web AAAA 7200 2001:db8::10"]);
});

test("refresh finds an out-of-band change and the next up undoes it", async () => {
  const row = zone()!.rows.find((r) => r.name === "web")!;
  await client.updateRow(ZONE, row.ID, 900, "2001:db8::99");
  await p.ok(["refresh", "--yes", "--skip-preview"]);
  expect(await p.plan()).toMatchObject({ web: "update" });
  await p.ok(["up", "--yes", "--skip-preview"]);
  expect(zone()!.rows.find((r) => r.ID === row.ID)).toMatchObject({ ttl: "7200", rdata: "2001:db8::10" });
});

test("an out-of-band delete is dropped by refresh and recreated by up", async () => {
  const row = zone()!.rows.find((r) => r.rdtype === "AAAA" && r.name === "")!;
  await client.deleteRow(ZONE, row.ID);
  const refresh = await p.ok(["refresh", "--yes", "--skip-preview"]);
  expect(refresh).toMatch(/1 deleted/);
  expect(await p.plan()).toMatchObject({ "apex-v6": "create" });
  await p.ok(["up", "--yes", "--skip-preview"]);
  expect(rows()).toContain(" AAAA 300 2001:db8::20");
});

test("a bad input fails preview with the check message and no API call", async () => {
  await p.config("webTtl", "30");
  const before = emu.log().length;
  const r = await p.run(["preview"]);
  expect(r.code).not.toBe(0);
  expect(r.stdout + r.stderr).toMatch(/ttl 30 is below WEDOS's minimum\. Fix: use 300–172800 seconds/);
  expect(emu.log().slice(before)).toEqual([]);
  await p.config("webTtl", "7200");
});

test("allowRecreate: turning AXFR on re-creates the zone and every row in one up", async () => {
  await p.config("transferTo", '["192.0.2.99"]');
  const plan = await p.plan();
  expect(plan.zone).toBe("replace");
  expect(plan.web).toBe("replace");
  await p.ok(["up", "--yes", "--skip-preview"]);
  expect(zone()).toMatchObject({ axfrEnabled: true, axfrIps: ["192.0.2.99"] });
  expect(rows()).toEqual([...DECLARED, "web AAAA 7200 2001:db8::10"].sort());
  expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
});

test("state holds no plaintext WAPI password", async () => {
  const exported = await p.exportState();
  expect(exported).not.toContain(PASSWORD);
  for (const file of p.stateFiles()) expect(file).not.toContain(PASSWORD);
  expect(exported).toContain("pulumi-nodejs:dynamic/wedos:Record");
});

test("an up killed midway re-runs to the declared state with no duplicates", async () => {
  await p.config("extraHosts", "40");
  emu.hub.latencyMs = 40;
  const adds = () => wedosCalls().filter((e) => e.op === "dns-row-add").length;
  const start = adds();
  const child = p.spawn(["up", "--yes", "--skip-preview"]);
  await new Promise<void>((resolve) => {
    const t = setInterval(() => {
      if (adds() - start >= 12) {
        clearInterval(t);
        p.kill(); // the CLI and its plugins (each in a process group of its own)
        resolve();
      }
    }, 20);
  });
  await new Promise((r) => child.once("exit", r));
  emu.hub.latencyMs = 0;
  // What a pipeline does after a killed run: release the stale lock, run again.
  const recovered = await p.recoverAfterKill();
  process.stderr.write(`killed up: ${recovered}\n`);
  const rerun = await p.run(["up", "--yes", "--skip-preview"]);
  expect(rerun.stderr + rerun.stdout).not.toMatch(/error:/);
  expect(rerun.code).toBe(0);
  const names = zone()!.rows.map((r) => `${r.name} ${r.rdtype} ${r.rdata}`);
  expect(new Set(names).size).toBe(names.length);
  expect(zone()!.rows.filter((r) => r.name.startsWith("host-"))).toHaveLength(40);
  expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
});

test("destroy leaves the emulator empty", async () => {
  await p.ok(["destroy", "--yes", "--skip-preview"]);
  expect((emu.hub.state().wedos as WedosState).domains).toEqual([]);
});
