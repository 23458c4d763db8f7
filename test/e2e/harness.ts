/**
 * Real-engine harness: the Pulumi CLI from scripts/toolchain.sh (from PATH or built from Go
 * modules — never skipped), an example stack copied to a temp directory with the
 * package installed from its `npm pack` tarball as users install it, a local file backend,
 * passphrase secrets, and both emulators on loopback.
 */
import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, isAbsolute, join, resolve } from "node:path";
import { killProject, MARK, type Proc } from "./procs";

export const ROOT = resolve(__dirname, "../..");

/**
 * After the test file (this module is imported at a test file's top level, where a root afterAll
 * hook may be registered): every process a project's CLI started and left running is killed —
 * plugins outlive a CLI killed by a test, or one that timed out — then the temp projects (each
 * with its own node_modules, ~200 MB) are removed.
 */
const temps: string[] = [];
const projects: PulumiProject[] = [];
afterAll(() => {
  for (const p of projects.splice(0)) {
    const left = p.kill();
    if (left.length)
      process.stdout.write(`[harness] killed ${left.length} leftover process(es) of ${p.dir}: ${left.map((x) => x.cmd).join(" | ")}\n`);
  }
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
/** A directory removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
const PASSPHRASE = "e2e-passphrase";
/** The emulators' default credentials (README, emulator section). */
export const EMULATOR_USER = "emulator@example.com";
export const EMULATOR_PASSWORD = "emulator-password";
export const EMULATOR_TOKEN = "10000,emulator-token";

function lastLine(out: string): string {
  return out.trim().split("\n").pop()!.trim();
}

let toolPath: string | undefined;
/** PATH from scripts/toolchain.sh: Node >= 22, the Pulumi CLI, its Node.js and YAML language hosts and the launcher. */
export function toolchainPath(): string {
  toolPath ??= lastLine(
    execFileSync("bash", [join(ROOT, "scripts/toolchain.sh")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      timeout: 30 * 60_000,
    }),
  );
  return toolPath;
}

/** Which tools toolchainPath() provides, with versions (one line each). */
export function toolchainDescription(): string[] {
  const out = execFileSync("bash", [join(ROOT, "scripts/toolchain.sh"), "--describe"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    timeout: 30 * 60_000,
  });
  return out.trim().split("\n");
}

let tarball: string | undefined;
/** The package as users get it: `npm pack` of the built checkout. */
function packTarball(): string {
  if (tarball) return tarball;
  const dir = tempDir("pdw-pack-");
  const env = { ...process.env, PATH: toolchainPath() };
  const name = lastLine(execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: ROOT, env, encoding: "utf8" }));
  tarball = join(dir, name);
  return tarball;
}

/**
 * Copies an example (a name under examples/, or an absolute directory) to a temp directory and
 * installs its dependencies with the packed package.
 */
export function prepareExample(example: string): string {
  const source = isAbsolute(example) ? example : join(ROOT, "examples", example);
  const dir = tempDir(`pdw-${basename(example)}-`);
  cpSync(source, dir, { recursive: true, filter: (src) => !src.includes("node_modules") });
  const pkgPath = join(dir, "package.json");
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { dependencies: Record<string, string> };
  pkg.dependencies["pulumi-dnspod-wedos"] = `file:${packTarball()}`;
  writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
  const env = {
    ...process.env,
    PATH: toolchainPath(),
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
  };
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: dir,
    env,
    stdio: ["ignore", "ignore", "inherit"],
    timeout: 10 * 60_000,
  });
  return dir;
}

/** The v3.68.0 Node.js language host's shutdown race (see PulumiProject.run). */
const HOST_PANIC = /panic: send on closed channel[\s\S]*pulumi-language-nodejs/;

/**
 * Stack config naming the emulated nameservers, for resources that wait until served (the zones'
 * own NS names are not on loopback): an `extra` of configureEmulators.
 */
export function nameserverConfig(emu: { wedos: { nameservers: Served }; dnspod: { nameservers: Served } }): Record<string, string> {
  const list = (servers: Served) => servers.map((n) => n.address).join(",");
  return { "wedos:nameservers": list(emu.wedos.nameservers), "dnspod:nameservers": list(emu.dnspod.nameservers) };
}

/** Nameservers as the emulator's ready line lists them. */
type Served = readonly { address: string }[];

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class PulumiProject {
  readonly env: NodeJS.ProcessEnv;
  readonly stateDir: string;

  constructor(
    readonly dir: string,
    extraEnv: Record<string, string> = {},
  ) {
    this.stateDir = join(dir, ".state");
    mkdirSync(this.stateDir, { recursive: true });
    this.env = {
      ...process.env,
      PATH: toolchainPath(),
      PULUMI_HOME: join(dir, ".pulumi-home"),
      PULUMI_BACKEND_URL: `file://${this.stateDir}`,
      PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
      NO_COLOR: "1",
      CI: "true",
      PULUMI_DNSPOD_WEDOS_STATE_DIR: join(dir, ".provider-state"),
      ...extraEnv,
      [MARK]: dir,
    };
    projects.push(this);
    // Credentials come from stack config only, so state and env are proven free of them.
    for (const k of ["WEDOS_USERNAME", "WEDOS_WAPI_PASSWORD", "WEDOS_ENDPOINT", "DNSPOD_LOGIN_TOKEN", "DNSPOD_ENDPOINT"])
      delete this.env[k];
  }

  /**
   * Runs a command. The Node.js language host built here (v3.68.0, the newest whose source the
   * module proxy serves) can panic as a program ends — "send on closed channel", its pipe-serving
   * goroutine racing its own shutdown — after the engine has done the program's work; the command
   * is then run once more (said in the test output), as a pipeline would: the re-run converges.
   */
  async run(args: string[], timeoutMs = 10 * 60_000): Promise<RunResult> {
    const r = await this.runOnce(args, timeoutMs);
    if (r.code === 0 || !HOST_PANIC.test(r.stdout + r.stderr)) return r;
    process.stdout.write(
      `[measure] pulumi ${args[0]}: the Node.js language host panicked at shutdown (send on closed channel); run again\n`,
    );
    return this.runOnce(args, timeoutMs);
  }

  private runOnce(args: string[], timeoutMs: number): Promise<RunResult> {
    return new Promise((done) => {
      execFile(
        "pulumi",
        [...args, "--non-interactive"],
        { cwd: this.dir, env: this.env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
        (err, stdout, stderr) => {
          const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 1) : 0;
          done({ code, stdout, stderr });
        },
      );
    });
  }

  /** Runs and fails the test with the whole output when the command fails. */
  async ok(args: string[]): Promise<string> {
    const r = await this.run(args);
    if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  }

  spawn(args: string[]): ChildProcess {
    return spawn("pulumi", [...args, "--non-interactive"], {
      cwd: this.dir,
      env: this.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
  }

  /**
   * SIGKILLs the CLI and everything it started (see ./procs: the plugins run in process groups of
   * their own, which killing the CLI's group would miss). Returns what was killed.
   */
  kill(): Proc[] {
    return killProject(this.dir);
  }

  /**
   * What a pipeline does after a killed run: `pulumi cancel` releases the stale lock. A CLI killed
   * while writing its checkpoint can leave the file backend's current checkpoint unreadable
   * ("failed to load checkpoint: EOF"); then, as users recover (pulumi/pulumi#2801), the previous
   * checkpoint `<stack>.json.bak` (and its attributes) is put back, and the next `up` has to
   * converge from that older state — objects created since are found and adopted, not duplicated.
   */
  async recoverAfterKill(): Promise<"cancelled" | "restored backup"> {
    const r = await this.run(["cancel", "--yes"]);
    if (r.code === 0) return "cancelled";
    if (!/failed to load checkpoint/.test(r.stdout + r.stderr)) throw new Error(`pulumi cancel exited ${r.code}\n${r.stdout}\n${r.stderr}`);
    const restored = this.checkpoints().filter((f) => f.endsWith(".bak") || f.endsWith(".bak.attrs"));
    if (!restored.length) throw new Error(`pulumi cancel: the checkpoint is unreadable and there is no backup to restore\n${r.stderr}`);
    for (const bak of restored)
      copyFileSync(
        bak,
        bak.replace(/\.bak(\.attrs)?$/, (_m, attrs: string | undefined) => attrs ?? ""),
      );
    await this.ok(["cancel", "--yes"]);
    return "restored backup";
  }

  /** Files of the stacks' checkpoints in the file backend. */
  private checkpoints(): string[] {
    const dir = join(this.stateDir, ".pulumi", "stacks");
    const out: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else out.push(join(d, e.name));
      }
    };
    if (existsSync(dir)) walk(dir);
    return out;
  }

  /**
   * Stack config pointing both APIs at the emulators with their default credentials (secrets as
   * secrets), then `extra` settings as plain values.
   */
  async configureEmulators(
    emu: { wedos: { endpoint: string }; dnspod: { endpoint: string } },
    extra: Record<string, string> = {},
  ): Promise<void> {
    await this.ok([
      "config",
      "set-all",
      "--plaintext",
      `wedos:endpoint=${emu.wedos.endpoint}`,
      "--plaintext",
      `wedos:username=${EMULATOR_USER}`,
      "--secret",
      `wedos:wapiPassword=${EMULATOR_PASSWORD}`,
      "--plaintext",
      `dnspod:endpoint=${emu.dnspod.endpoint}`,
      "--secret",
      `dnspod:loginToken=${EMULATOR_TOKEN}`,
      ...Object.entries(extra).flatMap(([k, v]) => ["--plaintext", `${k}=${v}`]),
    ]);
  }

  async config(key: string, value: string, secret = false): Promise<void> {
    await this.ok(["config", "set", ...(secret ? ["--secret"] : []), key, value]);
  }

  /** Steps of `pulumi preview --json`: op per resource name ("same" when unchanged; stack and providers excluded). */
  async plan(): Promise<Record<string, string>> {
    const out = await this.ok(["preview", "--json", "--diff"]);
    const doc = JSON.parse(out) as { steps?: { op: string; urn: string }[] };
    const ops: Record<string, string> = {};
    for (const s of doc.steps ?? []) {
      const name = s.urn.split("::").pop()!;
      if (s.urn.includes("pulumi:pulumi:Stack") || s.urn.includes("pulumi:providers:")) continue;
      ops[name] = s.op;
    }
    return ops;
  }

  exportState(): Promise<string> {
    return this.ok(["stack", "export", "--show-secrets=false"]);
  }

  stateFiles(): string[] {
    const out: string[] = [];
    const walk = (d: string) => {
      for (const e of require("node:fs").readdirSync(d, { withFileTypes: true }) as import("node:fs").Dirent[]) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else out.push(readFileSync(p, "utf8"));
      }
    };
    if (existsSync(this.stateDir)) walk(this.stateDir);
    return out;
  }
}
