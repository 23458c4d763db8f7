/**
 * Builds the bench's do-nothing plugin (noop-plugin.ts) the way scripts/build-plugins.sh builds the
 * real ones — an esbuild bundle and a sh launcher in a tarball for `pulumi plugin install` — into
 * .tools/bench/, and installs it into a project. Its schema gives `noop:index:Record` the inputs of
 * dnspod:index:Record and `noop:index:Zone` those of dnspod:index:ZoneRecords, each as its outputs too.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type PulumiProject, ROOT, toolchainPath } from "../e2e/harness";

const VERSION = "0.0.1";
const OUT = join(ROOT, ".tools/bench");

function schema(): unknown {
  // The dnspod schema's own types (enums, records) come along, under this package's name.
  const dnspod = JSON.parse(readFileSync(join(ROOT, "schemas/dnspod/schema.json"), "utf8").replaceAll("dnspod:index:", "noop:index:")) as {
    resources: Record<string, { inputProperties: object; requiredInputs?: string[] }>;
    types: Record<string, unknown>;
  };
  const like = (token: string) => {
    const r = dnspod.resources[token.replace("dnspod:", "noop:")]!;
    return { inputProperties: r.inputProperties, requiredInputs: r.requiredInputs ?? [], properties: r.inputProperties };
  };
  return {
    name: "noop",
    version: VERSION,
    resources: { "noop:index:Record": like("dnspod:index:Record"), "noop:index:Zone": like("dnspod:index:ZoneRecords") },
    types: dnspod.types,
  };
}

let built: string | undefined;

/** The plugin's tarball, built once per bench run. */
function tarball(): string {
  if (built) return built;
  const dir = join(OUT, "noop-plugin");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const env = { ...process.env, PATH: toolchainPath() };
  execFileSync(
    join(ROOT, "node_modules/.bin/esbuild"),
    [
      join(ROOT, "test/bench/noop-plugin.ts"),
      "--bundle",
      "--platform=node",
      "--target=node22",
      "--format=cjs",
      "--log-level=warning",
      `--outfile=${join(dir, "plugin.js")}`,
    ],
    { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] },
  );
  writeFileSync(join(dir, "schema.json"), JSON.stringify(schema()));
  const launcher = join(dir, "pulumi-resource-noop");
  writeFileSync(launcher, '#!/bin/sh\ndir=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)\nexec node "$dir/plugin.js" "$@"\n');
  chmodSync(launcher, 0o755);
  built = join(OUT, `pulumi-resource-noop-v${VERSION}.tar.gz`);
  execFileSync("tar", ["-czf", built, "-C", dir, "."], { env });
  return built;
}

/** Installs the do-nothing plugin into the project's PULUMI_HOME. */
export async function installNoop(p: PulumiProject): Promise<void> {
  await p.ok(["plugin", "install", "resource", "noop", VERSION, "--file", tarball()]);
}
