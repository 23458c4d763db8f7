/**
 * Where the provider keeps what must outlive one Pulumi run on this machine (the journal of recent
 * creates, the request budgets' recent grants): PULUMI_DNSPOD_WEDOS_STATE_DIR, else
 * $XDG_STATE_HOME/pulumi-dnspod-wedos, else ~/.local/state/pulumi-dnspod-wedos.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
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
