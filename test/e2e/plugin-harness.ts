/**
 * What the plugin e2e tests share: the plugin tarballs built once by scripts/build-plugins.sh (as
 * `make plugins` builds them), a Pulumi YAML project in a temp directory with both plugins
 * installed from those tarballs into its own PULUMI_HOME (`pulumi plugin install … --file`), and
 * the Pulumi YAML language host, which must be on the toolchain's PATH.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EMULATOR_PASSWORD, EMULATOR_TOKEN, EMULATOR_USER, PulumiProject, ROOT, toolchainPath } from "./harness";

export const USER = EMULATOR_USER;
export const PASSWORD = EMULATOR_PASSWORD;
export const TOKEN = EMULATOR_TOKEN;
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};

/** The toolchain's PATH, which must hold pulumi-language-yaml (scripts/toolchain.sh provides it). */
function yamlPath(): string {
  const path = toolchainPath();
  try {
    execFileSync("sh", ["-c", "command -v pulumi-language-yaml"], { env: { PATH: path }, stdio: "ignore" });
  } catch {
    throw new Error(
      "pulumi-language-yaml is not on the toolchain's PATH. The YAML e2e tests need the Pulumi YAML language host " +
        "(github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@v1.25.0): scripts/toolchain.sh provides it, or put it on PATH yourself.",
    );
  }
  return path;
}

/** The archive of a plugin for this machine, named as the engine downloads it (`make plugins` writes one per platform). */
export function pluginArchive(pkg: string): string {
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  return `pulumi-resource-${pkg}-v${VERSION}-${process.platform}-${arch}.tar.gz`;
}

let built: Record<string, string> | undefined;
/** The plugin tarballs, by package name, built once per test file. */
function pluginTarballs(): Record<string, string> {
  if (built) return built;
  const out = tempDir("pdw-plugins-");
  execFileSync("bash", [join(ROOT, "scripts/build-plugins.sh"), out], {
    cwd: ROOT,
    env: { ...process.env, PATH: toolchainPath() },
    stdio: ["ignore", "ignore", "inherit"],
  });
  built = Object.fromEntries(["wedos", "dnspod"].map((pkg) => [pkg, join(out, pluginArchive(pkg))]));
  return built;
}

type Endpoints = { wedos: { endpoint: string }; dnspod: { endpoint: string } };

/** A YAML project (a directory with Pulumi.yaml, or just its text) with both plugins installed and a stack. */
export async function yamlProject(source: { dir: string } | { yaml: string }, emu: Endpoints): Promise<PulumiProject> {
  const dir = tempDir("pdw-yaml-");
  if ("dir" in source) cpSync(source.dir, dir, { recursive: true });
  else writeFileSync(join(dir, "Pulumi.yaml"), source.yaml);
  return pluginProject(new PulumiProject(dir, { PATH: yamlPath() }), emu);
}

/** A project of any language with both plugins installed into its PULUMI_HOME, a stack and the provider config. */
export async function pluginProject(p: PulumiProject, emu: Endpoints): Promise<PulumiProject> {
  for (const [pkg, tarball] of Object.entries(pluginTarballs()))
    await p.ok(["plugin", "install", "resource", pkg, VERSION, "--file", tarball]);
  await p.ok(["stack", "init", "e2e"]);
  await p.configureEmulators(emu, { "wedos:requestsPerHour": "1000000" });
  return p;
}

/** Secrets of the stack config must never be in a state file, in plain text or otherwise readable. */
export function expectNoSecretsInState(p: PulumiProject): void {
  const files = p.stateFiles();
  expect(files.length).toBeGreaterThan(0);
  for (const text of files) for (const secret of [PASSWORD, TOKEN.split(",")[1]!]) expect(text).not.toContain(secret);
}

/**
 * `pulumi import … --out <file>` wrote YAML declarations ("resources:" and the entries under it):
 * the entries go into the program's resources, as a user pastes them.
 */
export function addImportedCode(p: PulumiProject, codeFile: string): void {
  const code = readFileSync(codeFile, "utf8");
  const entries = code.slice(code.indexOf("resources:\n") + "resources:\n".length);
  const program = join(p.dir, "Pulumi.yaml");
  const text = readFileSync(program, "utf8");
  writeFileSync(
    program,
    text.includes("\nresources:\n")
      ? text.replace("\nresources:\n", `\nresources:\n${entries}`)
      : `${text.trimEnd()}\nresources:\n${entries}`,
  );
}

/**
 * The records `pulumi preview --diff` marks (+, -, ~) in a ZoneRecords' detailed diff, in order.
 * Every other marked line must be a ZoneRecords update, its `records`, an attribute of a marked
 * record or the summary (unless other resources change too): unchanged records are not printed.
 */
export function changedRecords(diff: string, onlyZoneRecords = true): string[] {
  const marked = diff
    .split("\n")
    .filter((l) => /^\s+[-+~] /.test(l))
    .map((l) => l.trim());
  const isRecord = (l: string) => /^[-+~] \S+ \S+ .*: \{$/.test(l);
  const other = marked.filter(
    (l) =>
      !isRecord(l) &&
      !/^~ ((wedos|dnspod):index:ZoneRecords: \(update\)|records\s*: \{|\d+ to update)$/.test(l) &&
      !/^[-+~] (ttl|mx|status|remark|comment|rowId|recordId)\s*: /.test(l),
  );
  if (onlyZoneRecords) expect(other).toEqual([]);
  return marked.filter(isRecord).map((l) => l.replace(/\s*: \{$/, ""));
}
