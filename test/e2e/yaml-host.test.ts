/**
 * The Pulumi YAML language host from scripts/toolchain.sh (built once from Go modules unless one is
 * on PATH) runs a `runtime: yaml` program under the real CLI: `make pulumi` lists it beside the CLI,
 * the CLI takes it as bundled (no warning), and the program's outputs (one of them computed by the
 * host) land in the stack.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PulumiProject, tempDir, toolchainDescription, toolchainPath } from "./harness";

const PROGRAM = `name: yaml-host
runtime: yaml
description: outputs only; no resources, no plugins
outputs:
  x: 1
  joined:
    fn::join: ["-", ["a", "b"]]
`;

/** The `make pulumi` line of the YAML host and the directory it names. */
function describedHost(): { line: string; dir: string } {
  const line = toolchainDescription().find((l) => l.startsWith("pulumi-language-yaml ")) ?? "";
  return { line, dir: /\((\/[^()]+)\)$/.exec(line)?.[1] ?? "" };
}

test("toolchain --describe (make pulumi) lists the YAML host, and its directory is on the PATH", () => {
  const { line, dir } = describedHost();
  expect(line).toMatch(
    /^pulumi-language-yaml v\d+\.\d+\.\d+ \(github\.com\/pulumi\/pulumi-yaml\/cmd\/pulumi-language-yaml@v\d+\.\d+\.\d+\)( \(FALLBACK: .*\))? \(\/.+\)$/,
  );
  expect(existsSync(join(dir, "pulumi-language-yaml"))).toBe(true);
  expect(toolchainPath().split(":")).toContain(dir);
});

test("pulumi up runs a runtime: yaml program with the built host and a local file backend", async () => {
  const dir = tempDir("pdw-yaml-host-");
  writeFileSync(join(dir, "Pulumi.yaml"), PROGRAM);
  const p = new PulumiProject(dir);
  await p.ok(["stack", "init", "dev"]);
  const up = await p.run(["up", "--yes", "--skip-preview"]);
  expect(up.code).toBe(0);
  // The host is beside the CLI the toolchain built (or ships with one the user installed), so the
  // CLI takes it as bundled and says nothing about it.
  expect(up.stdout + up.stderr).not.toMatch(/warning:|from \$PATH/);
  expect(JSON.parse(await p.ok(["stack", "output", "--json"]))).toEqual({ x: 1, joined: "a-b" });
  expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
  expect(p.stateFiles().some((f) => /"joined":\s*"a-b"/.test(f))).toBe(true);
});
