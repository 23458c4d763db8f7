/**
 * Where the provider keeps what must outlive one Pulumi run on this machine (the journal of recent
 * creates, the request budgets' recent grants): PULUMI_DNSPOD_WEDOS_STATE_DIR, else
 * $XDG_STATE_HOME/pulumi-dnspod-wedos, else ~/.local/state/pulumi-dnspod-wedos.
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

export function stateDir(): string {
  return (
    process.env.PULUMI_DNSPOD_WEDOS_STATE_DIR ||
    join(process.env.XDG_STATE_HOME || join(homedir(), ".local", "state"), "pulumi-dnspod-wedos")
  );
}

/** Writes a file so that a reader sees the old or the new content, never half of it. */
export function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/**
 * Appends one line. One small write in append mode costs the same however long the file is, and
 * lines appended by processes running at the same time never mix.
 */
export function appendLine(path: string, line: string): void {
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, `${line}\n`);
}

/** The lines of a file; none when it does not exist (yet) or cannot be read. */
export function readLines(path: string): string[] {
  try {
    return readFileSync(path, "utf8").split("\n").filter(Boolean);
  } catch {
    return [];
  }
}
