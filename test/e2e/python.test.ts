/**
 * Python end to end: test/fixtures/python-stack — a program on the generated Python SDKs
 * (`make sdks`, pip-installed) — under the real CLI with the Python language host of
 * scripts/ensure-python-host.sh and `pulumi` from PyPI in scripts/ensure-python-pulumi.sh's venv,
 * against the emulators. The plugins come from the SDKs' own pluginDownloadURL (the package
 * schemas', set at build time to a local release page), installed by the engine. Then: up (a zone,
 * its records from a zone file, a record, a DNSPod domain and record, two invokes), a no-op preview,
 * drift seen by refresh and undone by up, `pulumi import` of a record made by hand, destroy; the
 * provider secrets stay encrypted in state.
 */
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type DnspodState, type RunningEmulators, startEmulators, type WedosState } from "../../emulator";
import { WedosClient } from "../../provider/wedos/client";
import { PulumiProject, ROOT, tempDir } from "./harness";
import { expectNoSecretsInState, PASSWORD, USER } from "./plugin-harness";
import { type PluginServer, servePlugins } from "./plugin-server";

const ZONE = "python-example.cz";
const DOMAIN = "python-example.com";
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
/** What zone.db and the program declare, as WEDOS stores it ("@" for the apex). */
const DECLARED = [
  "@ A 300 192.0.2.10",
  "@ MX 3600 10 mail.python-example.cz",
  "@ TXT 300 v=spf1 mx -all",
  "api A 600 192.0.2.40",
  "mail A 300 192.0.2.25",
  "www CNAME 300 python-example.cz",
];

let emu: RunningEmulators;
let server: PluginServer;
let p: PulumiProject;
let sdks: string;
let api: WedosClient;

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  try {
    return execFileSync(cmd, args, { cwd: ROOT, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 30 * 60_000 });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(" ")} failed: ${err.message}\n${err.stdout ?? ""}\n${err.stderr ?? ""}`);
  }
}
const lastLine = (s: string) => s.trim().split("\n").pop()!;

const zone = () => (emu.hub.state().wedos as WedosState).domains.find((d) => d.name === ZONE);
const rows = () =>
  zone()!
    .rows.filter((r) => r.rdtype !== "NS")
    .map((r) => `${r.name || "@"} ${r.rdtype} ${r.ttl} ${r.rdata}`)
    .sort();
const domain = () => (emu.hub.state().dnspod as DnspodState).domains.find((d) => d.name === DOMAIN);
const lastSeq = () => emu.log().at(-1)?.seq ?? 0;
const writesSince = (seq: number) => emu.log().filter((e) => e.seq > seq && !/list|info|Record\.Type|\.List|\.Info/i.test(e.op));
/** `pulumi preview --expect-no-changes`, failing the test with the whole preview otherwise. */
async function expectNoChanges(): Promise<string> {
  const r = await p.run(["preview", "--expect-no-changes", "--diff"]);
  if (r.code !== 0) throw new Error(`pulumi preview --expect-no-changes exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r.stdout + r.stderr;
}
/** Engine warnings, e.g. "using pulumi-language-python from $PATH": none about the toolchain may appear. */
const warnings = (out: string) => out.split("\n").filter((l) => /warning:/.test(l));

beforeAll(async () => {
  emu = await startEmulators();
  api = new WedosClient({ username: USER, password: PASSWORD, endpoint: emu.wedos.endpoint, format: "json" });
  // Built once into the cache (make test builds them before jest; here for a direct jest run too),
  // before the harness's toolchain places the host beside the CLI.
  run("bash", ["scripts/ensure-python-host.sh"]);
  const python = lastLine(run("bash", ["scripts/ensure-python-pulumi.sh"]));
  server = await servePlugins();
  sdks = tempDir("pdw-pysdks-");
  run("make", ["-s", "sdks", `SDKS_DIR=${sdks}`, `PLUGIN_DOWNLOAD_URL=${server.url}`]);
  const lib = join(sdks, "pylib");
  run(
    python,
    ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input", "--no-deps", "--no-build-isolation"].concat([
      "--target",
      lib,
      join(sdks, "wedos/python"),
      join(sdks, "dnspod/python"),
    ]),
  );
  const dir = tempDir("pdw-python-");
  cpSync(join(ROOT, "test/fixtures/python-stack"), dir, { recursive: true });
  // The host built here predates the CLI's way of passing the `virtualenv` runtime option, so the
  // venv's Python is named by PULUMI_PYTHON_CMD, which every host version reads.
  p = new PulumiProject(dir, { PYTHONPATH: lib, PULUMI_PYTHON_CMD: python });
  delete p.env.PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION;
  await p.ok(["stack", "init", "e2e"]);
  await p.configureEmulators(emu);
}, 30 * 60_000);

afterAll(async () => {
  await server?.close();
  await emu?.close();
});

test("the generated SDKs carry the pluginDownloadURL the build was given", () => {
  const plugin = JSON.parse(readFileSync(join(sdks, "wedos/python/pulumi_wedos/pulumi-plugin.json"), "utf8")) as object;
  expect(plugin).toEqual({ resource: true, name: "wedos", version: VERSION, server: server.url });
  const pkg = JSON.parse(readFileSync(join(sdks, "dnspod/nodejs/package.json"), "utf8")) as { pulumi: object };
  expect(pkg.pulumi).toEqual({ resource: true, name: "dnspod", version: VERSION, server: server.url });
});

test("up runs the Python program: the engine installs both plugins from the SDKs' URL, every record is written, the invokes answer", async () => {
  const up = await p.run(["up", "--yes"]);
  if (up.code !== 0) throw new Error(`pulumi up exited ${up.code}\n${up.stdout}\n${up.stderr}`);
  const out = up.stdout + up.stderr;
  for (const pkg of ["wedos", "dnspod"]) expect(out).toContain(`Installing plugin ${pkg}-${VERSION}: done`);
  expect(warnings(out)).toEqual([]);
  expect(rows()).toEqual(DECLARED);
  expect(
    domain()!
      .records.filter((r) => r.type === "MX")
      .map((r) => `${r.subDomain} ${r.mx} ${r.value}`),
  ).toEqual([`@ 10 mail.${DOMAIN}.`]);
  const outputs = JSON.parse(await p.ok(["stack", "output", "--json"])) as { rows: string[]; recordTypes: string[] };
  expect(outputs.rows.filter((r) => !r.includes(" NS "))).toEqual(DECLARED.map((r) => r.replace(/ (python-example\.cz)$/, " $1")));
  expect(outputs.recordTypes).toEqual(expect.arrayContaining(["A", "CNAME", "MX", "TXT"]));
  expectNoSecretsInState(p);
  // The providers' settings are in state, the password and the token as ciphertext.
  const state = JSON.parse(await p.ok(["stack", "export"])) as {
    deployment: { resources: { type: string; inputs: Record<string, unknown> }[] };
  };
  const wedosProvider = state.deployment.resources.find((r) => r.type === "pulumi:providers:wedos")!;
  expect(wedosProvider.inputs.wapiPassword).toEqual({
    "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
    ciphertext: expect.any(String),
  });
});

test("a second preview shows no changes and writes nothing", async () => {
  const seq = lastSeq();
  expect(warnings(await expectNoChanges())).toEqual([]);
  expect(writesSince(seq)).toEqual([]);
});

test("drift made out of band shows after refresh, and up undoes it", async () => {
  const row = zone()!.rows.find((r) => r.name === "api")!;
  await api.updateRow(ZONE, String(row.ID), 600, "192.0.2.99");
  await api.commit(ZONE);
  await p.ok(["refresh", "--yes", "--skip-preview"]);
  const after = JSON.parse(await p.ok(["stack", "export"])) as {
    deployment: { resources: { urn: string; outputs: { rdata?: string } }[] };
  };
  expect(after.deployment.resources.find((r) => r.urn.endsWith("::api"))!.outputs.rdata).toBe("192.0.2.99");
  expect(await p.plan()).toEqual({ api: "update" });
  await p.ok(["up", "--yes", "--skip-preview"]);
  expect(rows()).toEqual(DECLARED);
});

test("pulumi import adopts a record made by hand; declared in the program, the next preview shows no changes", async () => {
  await api.addRow(ZONE, { name: "legacy", type: "TXT", ttl: 300, rdata: "made by hand" });
  await api.commit(ZONE);
  const id = `${ZONE}/${zone()!.rows.find((r) => r.name === "legacy")!.ID}`;
  const seq = lastSeq();
  // This host cannot generate Python code (GenerateProgram came to the Python host later): the
  // declaration is written by hand, here by the program's `legacyText` setting.
  await p.ok(["import", "wedos:index:Record", "legacy", id, "--yes", "--generate-code=false"]);
  expect(writesSince(seq)).toEqual([]);
  await p.config("legacyText", "made by hand");
  await expectNoChanges();
  await p.ok(["up", "--yes", "--skip-preview"]); // takes the import's `protect` off: the program does not ask for it
  expect(rows()).toEqual([...DECLARED, "legacy TXT 300 made by hand"].sort());
});

test("destroy deletes every record, the zone and the domain", async () => {
  const down = await p.run(["destroy", "--yes", "--skip-preview"]);
  if (down.code !== 0) throw new Error(`pulumi destroy exited ${down.code}\n${down.stdout}\n${down.stderr}`);
  expect(warnings(down.stdout + down.stderr)).toEqual([]);
  expect(zone()).toBeUndefined();
  expect(domain()).toBeUndefined();
  expectNoSecretsInState(p);
});
