/**
 * dnspython, a DNS client that is not ours, asking the emulated nameservers: one Python process per
 * batch of questions (test/fixtures/served/dig.py), from a cached virtual environment that
 * scripts/ensure-python-dns.sh makes on first use.
 */
import { execFileSync, spawn } from "node:child_process";
import { resolve } from "node:path";

export interface DigQuery {
  server: string;
  name: string;
  type: string;
  transport?: "auto" | "udp" | "tcp";
  edns?: boolean;
}

export interface DigRecord {
  name: string;
  type: string;
  ttl: number;
  text: string;
  strings?: string[];
}

export interface DigResult {
  rcode: string;
  aa: boolean;
  tc: boolean;
  tcp: boolean;
  answer: DigRecord[];
  authority: DigRecord[];
  error?: string;
}

const ROOT = resolve(__dirname, "../..");
let python: string | undefined;

/** The interpreter; the first call may take a minute (a venv and a pip install). */
export function dnsPython(): string {
  python ??= execFileSync("bash", [resolve(ROOT, "scripts/ensure-python-dns.sh")], {
    encoding: "utf8",
    env: { ...process.env, PDW_TOOLCHAIN_QUIET: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  })
    .trim()
    .split("\n")
    .pop()!;
  return python;
}

export function dig(queries: DigQuery[]): Promise<DigResult[]> {
  const child = spawn(dnsPython(), [resolve(ROOT, "test/fixtures/served/dig.py")], { stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (b: Buffer) => (out += b.toString()));
  child.stderr.on("data", (b: Buffer) => (err += b.toString()));
  child.stdin.end(JSON.stringify({ queries }));
  return new Promise((done, fail) =>
    child.once("close", (code) => (code === 0 ? done(JSON.parse(out) as DigResult[]) : fail(new Error(`dig.py exited ${code}: ${err}`)))),
  );
}
