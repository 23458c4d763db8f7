/**
 * The processes a test's Pulumi CLI leaves behind. The CLI starts every plugin (language host,
 * the dynamic-provider launcher and its node, the program's node) in a process group of its own,
 * so killing the CLI's group misses them, and once the CLI is gone they are re-parented away from
 * it. Each PulumiProject therefore marks its CLI's environment — inherited by everything the CLI
 * starts — and these helpers find and kill by that mark (and by ancestry, for a process started
 * with a scrubbed environment), reading Linux's /proc.
 */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** Environment variable set to the project directory for every process a project's CLI runs. */
export const MARK = "PDW_E2E_PROJECT";

export interface Proc {
  pid: number;
  ppid: number;
  pgid: number;
  state: string;
  cmd: string;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, "latin1");
  } catch {
    return undefined; // gone meanwhile, or not ours to read
  }
}

/** Every process, zombies included (state "Z"); a field of /proc/<pid>/stat follows the ")" of the name. */
export function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (!stat) continue;
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const cmd = (read(`/proc/${name}/cmdline`) ?? "").split("\0").filter(Boolean).join(" ");
    out.push({ pid: Number(name), ppid: Number(f[1]), pgid: Number(f[2]), state: f[0]!, cmd });
  }
  return out;
}

/** Whether a process was started with MARK=dir (a zombie's environment reads empty). */
function isMarked(pid: number, dir: string): boolean {
  return (read(`/proc/${pid}/environ`) ?? "").split("\0").includes(`${MARK}=${dir}`);
}

/** The directory a process runs in, if it is still there to ask. */
export function cwdOf(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return undefined;
  }
}

/**
 * Live (non-zombie) processes that carry the project's mark, and their descendants. (Not "the
 * descendants of the CLI's pid": once that CLI is gone, its pid may belong to anyone.)
 */
export function projectProcesses(dir: string): Proc[] {
  const all = processes().filter((p) => p.state !== "Z");
  const found = new Set<number>(all.filter((p) => isMarked(p.pid, dir)).map((p) => p.pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (!found.has(p.pid) && found.has(p.ppid)) {
        found.add(p.pid);
        grew = true;
      }
    }
  }
  return all.filter((p) => found.has(p.pid));
}

/**
 * SIGKILLs every process of the project, again and again until a scan finds none it has not
 * killed (a process may start a child between the scan and the kill). Returns what it killed.
 */
export function killProject(dir: string): Proc[] {
  const killed = new Map<number, Proc>();
  for (let round = 0; round < 50; round++) {
    const fresh = projectProcesses(dir).filter((p) => !killed.has(p.pid));
    if (fresh.length === 0) break;
    for (const p of fresh) {
      try {
        process.kill(p.pid, "SIGKILL");
      } catch {
        // already gone
      }
      killed.set(p.pid, p);
    }
  }
  return [...killed.values()];
}
