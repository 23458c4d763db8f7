/**
 * `make sdks` end to end: the project's generator (scripts/sdkgen, built from Go modules) writes
 * the Node.js and Python SDKs of both packages into a temp folder; the Node.js ones compile with
 * the project's TypeScript and a TypeScript program on them runs under Pulumi's runtime mocks; the
 * Python ones byte-compile, install with pip, and the same program in Python runs under the
 * Python SDK's mocks. Both must register every resource with its type token, its inputs (schema
 * defaults applied) and its explicit provider, and return what the invoked functions answered.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { ROOT, tempDir } from "./harness";
import { expectedRegistrations, INVOKES, normalise, type PackageSchema, type Seen } from "./sdks-expected";

const PACKAGES = ["wedos", "dnspod"];
const STACK = join(ROOT, "test/fixtures/sdkgen-stack");
const nodePath = () => `${join(ROOT, "node_modules/.bin")}:${process.env.PATH}`;

function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  try {
    return execFileSync(cmd, args, {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 30 * 60_000,
      maxBuffer: 64 << 20,
      ...opts,
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(" ")} failed: ${err.message}\n${err.stdout ?? ""}\n${err.stderr ?? ""}`);
  }
}

let out: string;
let generated: string;
const schemas = (): PackageSchema[] =>
  PACKAGES.map((p) => JSON.parse(readFileSync(join(out, "sdks", p, "schema.json"), "utf8")) as PackageSchema);

beforeAll(() => {
  out = tempDir("pdw-sdks-");
  // The generator is built here on a cold cache (minutes); `make sdks` prints one line per SDK.
  generated = run("make", ["-s", "sdks", `SDKS_DIR=${join(out, "sdks")}`], {
    cwd: ROOT,
    env: { ...process.env, PDW_TOOLCHAIN_QUIET: "1" },
  });
}, 30 * 60_000);

test("make sdks writes the Node.js and Python SDK of each package", () => {
  expect(
    generated
      .trim()
      .split("\n")
      .map((l) => l.replace(/ \d+ /, " N ")),
  ).toEqual(PACKAGES.flatMap((p) => ["nodejs", "python"].map((lang) => `${lang} N ${join(out, "sdks", p, lang)}`)));
  for (const p of PACKAGES) {
    const pkg = JSON.parse(readFileSync(join(out, "sdks", p, "nodejs/package.json"), "utf8")) as {
      name: string;
      pulumi: { name: string; resource: boolean };
    };
    expect(pkg.pulumi).toMatchObject({ name: p, resource: true });
    expect(existsSync(join(out, "sdks", p, "python", `pulumi_${p}`, "__init__.py"))).toBe(true);
  }
  expect(schemas().map((s) => Object.keys(s.resources).length)).toEqual([4, 7]);
});

test(
  "the Node.js SDKs compile, and a TypeScript program on them registers every resource under runtime mocks",
  () => {
    const modules = join(out, "node_modules");
    mkdirSync(join(modules, "@types"), { recursive: true });
    mkdirSync(join(modules, "@pulumi"), { recursive: true });
    symlinkSync(join(ROOT, "node_modules/@pulumi/pulumi"), join(modules, "@pulumi/pulumi"));
    symlinkSync(join(ROOT, "node_modules/@types/node"), join(modules, "@types/node"));
    for (const p of PACKAGES) {
      const dir = join(out, "sdks", p, "nodejs");
      run("tsc", ["-p", join(dir, "tsconfig.json")], { env: { ...process.env, PATH: nodePath() } });
      // As the package is published: bin/ with its package.json (the generated build's layout).
      copyFileSync(join(dir, "package.json"), join(dir, "bin/package.json"));
      const name = (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name: string }).name;
      mkdirSync(join(modules, name, ".."), { recursive: true });
      symlinkSync(join(dir, "bin"), join(modules, name));
    }
    const program = join(out, "program");
    cpSync(STACK, program, { recursive: true });
    run(
      "tsc",
      [
        "--strict",
        "--module",
        "commonjs",
        "--moduleResolution",
        "node10",
        "--target",
        "ES2022",
        "--types",
        "node",
        "--outDir",
        program,
        join(program, "index.ts"),
        join(program, "mocks.ts"),
      ],
      { env: { ...process.env, PATH: nodePath() } },
    );
    const seen = normalise(JSON.parse(run(process.execPath, [join(program, "mocks.js")], { cwd: program })) as Seen);

    expect(seen.resources).toEqual(expectedRegistrations(schemas(), "nodejs").sort((a, b) => a.name.localeCompare(b.name)));
    expect(seen.invokes).toEqual(INVOKES);
    expect(seen.exports).toEqual({
      wedosRows: [{ rowId: "1", name: "www", type: "A", ttl: 300, rdata: "192.0.2.10", changedDate: "2026-01-01", comment: "" }],
      dnspodTypes: ["A", "MX"],
    });
  },
  10 * 60_000,
);

test(
  "the Python SDKs byte-compile and install, and the same program in Python registers the same resources",
  () => {
    const python = run("bash", [join(ROOT, "scripts/ensure-python-pulumi.sh")], { env: { ...process.env, PDW_TOOLCHAIN_QUIET: "1" } })
      .trim()
      .split("\n")
      .pop()!;
    const dirs = PACKAGES.map((p) => join(out, "sdks", p, "python"));
    for (const dir of dirs) run(python, ["-m", "compileall", "-q", dir]);
    const lib = join(out, "pylib");
    run(python, [
      "-m",
      "pip",
      "install",
      "--quiet",
      "--disable-pip-version-check",
      "--no-input",
      "--no-deps",
      "--no-build-isolation",
      "--target",
      lib,
      ...dirs,
    ]);
    const program = join(out, "pyprogram");
    mkdirSync(program);
    for (const f of ["program.py", "mocks.py"]) copyFileSync(join(STACK, f), join(program, f));
    const seen = normalise(
      JSON.parse(run(python, [join(program, "mocks.py")], { cwd: program, env: { ...process.env, PYTHONPATH: lib } })) as Seen,
    );

    expect(seen.resources).toEqual(expectedRegistrations(schemas(), "python").sort((a, b) => a.name.localeCompare(b.name)));
    expect(seen.invokes).toEqual(INVOKES);
    // Python's SDK hands results over with snake_case names.
    expect(seen.exports).toEqual({
      wedosRows: [{ row_id: "1", name: "www", type: "A", ttl: 300, rdata: "192.0.2.10", changed_date: "2026-01-01", comment: "" }],
      dnspodTypes: ["A", "MX"],
    });
  },
  10 * 60_000,
);
