/**
 * A clean first run: nothing in the engine's output is about the project's toolchain. The CLI takes
 * language hosts and the dynamic-provider launcher as bundled when they are beside the `pulumi`
 * binary, and warns ("using … from $PATH at …") about each one it finds elsewhere on PATH;
 * scripts/toolchain.sh places them beside the CLI it built. `make pulumi` lists them there, and a
 * TypeScript stack on the dynamic resources (the Node.js host and the launcher) goes through up,
 * preview and destroy without a single warning. (The YAML and Python hosts: yaml-host,
 * plugin-download and python tests assert the same of their runs.)
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { PulumiProject, prepareExample, ROOT, toolchainDescription } from "./harness";

let emu: RunningEmulators;

beforeAll(async () => {
  emu = await startEmulators();
}, 60_000);

afterAll(async () => {
  await emu?.close();
});

test("make pulumi lists every language host and the launcher in the folder of the CLI", () => {
  // Built once into the cache (make test builds it first); the toolchain then places it too.
  execFileSync("bash", [join(ROOT, "scripts/ensure-python-host.sh")], {
    env: { ...process.env, PDW_TOOLCHAIN_QUIET: "1" },
    stdio: ["ignore", "ignore", "inherit"],
    timeout: 30 * 60_000,
  });
  const lines = toolchainDescription();
  const folder = (tool: string) => {
    const line = lines.find((l) => l.startsWith(`${tool} `));
    if (!line) throw new Error(`make pulumi lists no ${tool}:\n${lines.join("\n")}`);
    return /\((\/[^()]+)\)$/.exec(line)?.[1];
  };
  const cli = folder("pulumi");
  expect(cli).toBeDefined();
  for (const tool of ["pulumi-language-nodejs", "pulumi-language-yaml", "pulumi-language-python", "pulumi-resource-pulumi-nodejs"])
    expect(`${tool} ${folder(tool)}`).toBe(`${tool} ${cli}`);
});

test(
  "a TypeScript stack on the dynamic resources: up, preview and destroy print no warning",
  async () => {
    const p = new PulumiProject(prepareExample(join(ROOT, "test/fixtures/clean-run-stack")));
    await p.ok(["stack", "init", "e2e"]);
    await p.configureEmulators(emu);
    for (const args of [
      ["up", "--yes"],
      ["preview", "--expect-no-changes"],
      ["destroy", "--yes"],
    ]) {
      const r = await p.run(args);
      const out = r.stdout + r.stderr;
      if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${r.code}\n${out}`);
      expect(`pulumi ${args[0]}: ${out.split("\n").filter((l) => /warning/i.test(l))}`).toBe(`pulumi ${args[0]}: `);
    }
  },
  10 * 60_000,
);
