/**
 * What the bench steps share: the table they fill, emulators and stacks set up for a bench run,
 * timed pulumi runs with the emulator log of each, and sampling of the provider processes' memory.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type DnsOptions, type DnspodEmulatorOptions, type LogEntry, type RunningEmulators, startEmulators } from "../../emulator";
import { PulumiProject, ROOT } from "../e2e/harness";

export const FIXTURE = join(ROOT, "test/fixtures/fault-stack");
export const N = Number(process.env.BENCH_N ?? 1000);
export const P = Number(process.env.BENCH_PARALLEL ?? 64);
export const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 20);
export const CONTROL = process.env.BENCH_CONTROL !== "0";
/** BENCH_DESTROY=0: `stack rm --force` instead of destroy (destroying 2,000 records takes very long). */
const DESTROY = process.env.BENCH_DESTROY === "1";
/** High enough that neither the emulator's nor the client's request budget paces a bench run. */
const BIG_BUDGET = 1_000_000;

const WEDOS_READS = new Set(["dns-rows-list", "dns-domain-info", "dns-domains-list", "dns-row-detail"]);
export const isWrite = (e: LogEntry) =>
  e.api === "wedos" ? !WEDOS_READS.has(e.op) : !(/\.(List|Info)$/.test(e.op) || e.op === "Domain.Lockstatus");

export interface Row {
  metric: string;
  figure: string;
  target: string;
  met: string;
}
export const rows: Row[] = [];
/** Figures one step measures and a later one compares (floor-steps.ts: ratios to the floors), by name. */
export const measured: Record<string, number> = {};
export const raw: string[] = [];
export const row = (metric: string, figure: string, target = "—", met?: boolean) =>
  rows.push({ metric, figure, target, met: met === undefined ? "—" : met ? "yes" : "**no**" });
export const note = (s: string) => {
  raw.push(s);
  process.stdout.write(`[bench] ${s}\n`);
};
export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function histogram(log: LogEntry[]): string {
  const h = new Map<string, number>();
  for (const e of log) h.set(`${e.api}:${e.op}`, (h.get(`${e.api}:${e.op}`) ?? 0) + 1);
  return [...h]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
}

let seq = 0;
const project: { dir?: string } = {};
/** Prepares the fault-stack project once (npm pack + install); every stack of the run uses it. */
export function useProject(dir: string): void {
  project.dir = dir;
}

export async function emulators(dnspod: Partial<DnspodEmulatorOptions> = {}, dns?: DnsOptions): Promise<RunningEmulators> {
  return startEmulators({
    wedos: { requestsPerWindow: BIG_BUDGET, maxRowsPerDomain: 20_000 },
    dnspod: { requestsPerWindow: BIG_BUDGET, ...dnspod },
    ...(dns ? { dns } : {}),
  });
}

export async function stackOn(
  emu: RunningEmulators,
  name: string,
  wedosRows: number,
  dnspodRecords: number,
  extra: Record<string, string> = {},
): Promise<PulumiProject> {
  // BENCH_SKIP_CHECKPOINTS=1: the engine writes state only at the end (measures its checkpoint cost).
  const p = new PulumiProject(project.dir!, process.env.BENCH_SKIP_CHECKPOINTS === "1" ? { PULUMI_SKIP_CHECKPOINTS: "true" } : {});
  const stack = `${name}-${++seq}`;
  await p.ok(["stack", "init", stack]);
  await p.ok(["stack", "select", stack]);
  await p.configureEmulators(emu, {
    "wedos:requestsPerHour": String(BIG_BUDGET),
    "dnspod:requestsPerHour": String(BIG_BUDGET),
    wedosRows: String(wedosRows),
    dnspodRecords: String(dnspodRecords),
    ...extra,
  });
  return p;
}

/** Runs pulumi and returns wall time (ms) and the emulator log entries of this run. */
export async function timed(
  p: PulumiProject,
  emu: RunningEmulators,
  args: string[],
): Promise<{ ms: number; log: LogEntry[]; out: string }> {
  const from = emu.log().length;
  const t0 = performance.now();
  const r = await p.run(args, 60 * 60_000);
  const ms = performance.now() - t0;
  if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${r.code}\n${r.stdout.slice(-5000)}\n${r.stderr.slice(-5000)}`);
  return { ms, log: emu.log().slice(from), out: r.stdout };
}

export async function destroy(p: PulumiProject, emu: RunningEmulators, what: string): Promise<void> {
  if (!DESTROY) {
    await p.ok(["stack", "rm", "--yes", "--force"]);
    note(`${what}: not destroyed (BENCH_DESTROY=0): stack removed with --force, emulator discarded`);
    return;
  }
  const d = await timed(p, emu, ["destroy", "--yes", "--skip-preview", "--parallel", String(P)]);
  note(`${what}: destroy ${secs(d.ms)}, ${d.log.length} requests`);
  await p.ok(["stack", "rm", "--yes"]);
}

// ---- process sampling (step 6) -------------------------------------------------------------

function ppidOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

function descendsFrom(pid: number, root: number): boolean {
  for (let cur: number | undefined = pid, i = 0; cur && cur > 1 && i < 64; i++) {
    if (cur === root) return true;
    cur = ppidOf(cur);
  }
  return false;
}

function kbField(status: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return m ? Number(m[1]) : 0;
}

export interface Sampled {
  ms: number;
  code: number;
  stdout: string;
  stderr: string;
  peakHwmKb: number;
  peakRssKb: number;
  pids: Set<number>;
  samples: number;
}

/** Spawns pulumi and polls every 100 ms for its dynamic-provider descendants' VmHWM/VmRSS. */
export function runSampled(p: PulumiProject, args: string[]): Promise<Sampled> {
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn("pulumi", [...args, "--non-interactive"], { cwd: p.dir, env: p.env, stdio: ["ignore", "pipe", "pipe"] });
    const res: Sampled = { ms: 0, code: 0, stdout: "", stderr: "", peakHwmKb: 0, peakRssKb: 0, pids: new Set(), samples: 0 };
    child.stdout.on("data", (d: Buffer) => (res.stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (res.stderr += d.toString()));
    const poll = () => {
      res.samples++;
      for (const name of readdirSync("/proc")) {
        const pid = Number(name);
        if (!Number.isInteger(pid) || pid <= 1) continue;
        try {
          if (!res.pids.has(pid)) {
            const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
            // The launcher's short-lived `node -e "…require.resolve('…/dynamic-provider')"` is not the provider.
            if (!cmd.includes("dynamic-provider") || cmd.includes("require.resolve") || !descendsFrom(pid, child.pid!)) continue;
            res.pids.add(pid);
          }
          const status = readFileSync(`/proc/${pid}/status`, "utf8");
          res.peakHwmKb = Math.max(res.peakHwmKb, kbField(status, "VmHWM"));
          res.peakRssKb = Math.max(res.peakRssKb, kbField(status, "VmRSS"));
        } catch {
          /* gone */
        }
      }
    };
    const timer = setInterval(poll, 100);
    child.on("close", (code) => {
      clearInterval(timer);
      res.ms = performance.now() - t0;
      res.code = code ?? 1;
      done(res);
    });
  });
}

/** Bytes of the current stack's checkpoint, as the file backend stores it (compact JSON). */
export async function checkpointBytes(p: PulumiProject): Promise<number> {
  const stack = (await p.ok(["stack", "--show-name"])).trim();
  let n = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const f = join(dir, e.name);
      if (e.isDirectory()) walk(f);
      else if (e.name === `${stack}.json` || e.name === `${stack}.json.gz`) n += statSync(f).size;
    }
  };
  walk(join(p.stateDir, ".pulumi", "stacks"));
  return n;
}
