/**
 * Plugins installed by the engine: a Pulumi YAML program naming a release page (the resource
 * option `pluginDownloadURL`, in the `${VERSION}` form the package schemas carry) gets both plugins
 * downloaded and installed by `pulumi up` into a fresh PULUMI_HOME, with no `pulumi plugin install`
 * and automatic plugin acquisition left on; the archives are those `make plugins` writes, under the
 * names the engine asks for. A URL that leads nowhere fails before anything is written, naming the
 * plugin, the URL it tried and the command that would install it.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type DnspodState, type RunningEmulators, startEmulators, type WedosState } from "../../emulator";
import { PulumiProject, ROOT, tempDir } from "./harness";
import { expectNoSecretsInState, pluginArchive } from "./plugin-harness";
import { type PluginServer, servePlugins } from "./plugin-server";

const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const CZ = "download-example.cz";
const COM = "download-example.com";

let emu: RunningEmulators;
let server: PluginServer;

beforeAll(async () => {
  emu = await startEmulators();
  server = await servePlugins();
}, 10 * 60_000);

afterAll(async () => {
  await server?.close();
  await emu?.close();
});

/** YAML's own `${…}` is escaped as `$${…}`, so the engine receives the URL as written. */
const yamlText = (s: string) => s.replaceAll("${", () => "$${");
const program = (url: string) => `name: plugin-download
runtime: yaml
resources:
  zone:
    type: wedos:index:Domain
    properties:
      name: ${CZ}
    options:
      version: ${VERSION}
      pluginDownloadURL: ${yamlText(url)}
  www:
    type: wedos:index:Record
    properties:
      domain: \${zone.name}
      name: www
      type: A
      rdata: 192.0.2.80
    options:
      version: ${VERSION}
      pluginDownloadURL: ${yamlText(url)}
  domain:
    type: dnspod:index:Domain
    properties:
      domain: ${COM}
    options:
      version: ${VERSION}
      pluginDownloadURL: ${yamlText(url)}
`;

/** A YAML project with a fresh PULUMI_HOME (no plugins), automatic acquisition on, a stack and the emulators' config. */
async function project(url: string): Promise<PulumiProject> {
  const dir = tempDir("pdw-download-");
  writeFileSync(join(dir, "Pulumi.yaml"), program(url));
  const p = new PulumiProject(dir);
  delete p.env.PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION;
  await p.ok(["stack", "init", "e2e"]);
  await p.configureEmulators(emu);
  return p;
}

const installed = async (p: PulumiProject) =>
  (JSON.parse(await p.ok(["plugin", "ls", "--json"])) as { name: string; kind: string; version: string }[])
    .map((x) => `${x.kind} ${x.name} ${x.version}`)
    .sort();

test("pulumi up downloads and installs both plugins from the program's pluginDownloadURL, then runs them", async () => {
  const p = await project(server.url);
  expect(await installed(p)).toEqual([]);

  const up = await p.run(["up", "--yes"]);
  expect(up.code).toBe(0);
  const out = up.stdout + up.stderr;
  for (const pkg of ["wedos", "dnspod"]) {
    expect(out).toContain(`Downloading plugin ${pkg}-${VERSION}: done`);
    expect(out).toContain(`Installing plugin ${pkg}-${VERSION}: done`);
  }
  expect(out).not.toMatch(/warning:/);
  // One request per plugin, for this machine's archive, under the release's URL.
  expect([...server.requests].sort()).toEqual(
    ["dnspod", "wedos"].map((pkg) => `GET /releases/v${VERSION}/${pluginArchive(pkg)} 200`).sort(),
  );
  expect(await installed(p)).toEqual([`resource dnspod ${VERSION}`, `resource wedos ${VERSION}`]);
  // The downloaded plugins did the work, and the schema they serve names the URL they were built with.
  const zone = (emu.hub.state().wedos as WedosState).domains.find((d) => d.name === CZ);
  expect(zone?.rows.filter((r) => r.rdtype === "A").map((r) => `${r.name} ${r.rdata}`)).toEqual(["www 192.0.2.80"]);
  expect((emu.hub.state().dnspod as DnspodState).domains.map((d) => d.name)).toContain(COM);
  const schemaFile = join(p.env.PULUMI_HOME!, "plugins", `schema-wedos-${VERSION}-.json`);
  expect(existsSync(schemaFile)).toBe(true);
  expect((JSON.parse(readFileSync(schemaFile, "utf8")) as { pluginDownloadURL: string }).pluginDownloadURL).toBe(server.url);
  expectNoSecretsInState(p);

  // Installed once: later runs download nothing.
  const before = server.requests.length;
  expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
  await p.ok(["destroy", "--yes"]);
  expect(server.requests.length).toBe(before);
  expect((emu.hub.state().wedos as WedosState).domains.map((d) => d.name)).not.toContain(CZ);
});

test("a pluginDownloadURL that leads nowhere fails before any write, naming the plugin, the URL and the way out", async () => {
  const wrong = `${server.origin}/missing/v\${VERSION}`;
  const p = await project(wrong);
  const seq = emu.log().at(-1)?.seq ?? 0;
  const up = await p.run(["up", "--yes"]);
  expect(up.code).not.toBe(0);
  const out = up.stdout + up.stderr;
  for (const pkg of ["wedos", "dnspod"]) {
    const at = `${server.origin}/missing/v${VERSION}/${pluginArchive(pkg)}`;
    expect(out).toContain(`Could not automatically download and install resource plugin 'pulumi-resource-${pkg}' at version v${VERSION}`);
    expect(out).toContain(`install the plugin using \`pulumi plugin install resource ${pkg} v${VERSION} --server ${wrong}\``);
    expect(out).toContain(`404 HTTP error fetching plugin from ${at}`);
  }
  expect(await installed(p)).toEqual([]);
  expect(emu.log().filter((e) => e.seq > seq)).toEqual([]);
});
