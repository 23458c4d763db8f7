/**
 * Creates in flight, kept on disk. If the Pulumi CLI is killed after a create reached the API
 * but before the engine saved the new id, the object exists while the state does not know it;
 * the re-run's create finds the identical object and, seeing it in this journal, takes it over
 * instead of failing as a duplicate. Entries are removed when a create returns, and expire.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

const TTL_MS = 7 * 24 * 3600 * 1000;
let cache: { path: string; entries: Record<string, number> } | undefined;

function journalPath(): string {
  const base = process.env.PULUMI_DNSPOD_WEDOS_STATE_DIR || join(process.env.XDG_STATE_HOME || join(homedir(), ".local", "state"), "pulumi-dnspod-wedos");
  const scope = [process.env.PULUMI_NODEJS_PROJECT ?? process.env.PULUMI_PROJECT ?? "", process.env.PULUMI_NODEJS_STACK ?? process.env.PULUMI_STACK ?? ""]
    .join("-")
    .replace(/[^A-Za-z0-9_.-]/g, "_");
  return join(base, `inflight-${scope || "default"}.json`);
}

function load(): Record<string, number> {
  const path = journalPath();
  if (cache?.path === path) return cache.entries;
  let entries: Record<string, number> = {};
  try {
    entries = JSON.parse(readFileSync(path, "utf8")) as Record<string, number>;
  } catch {
    entries = {};
  }
  const now = Date.now();
  for (const [k, t] of Object.entries(entries)) if (now - t > TTL_MS) delete entries[k];
  cache = { path, entries };
  return entries;
}

function save(): void {
  if (!cache) return;
  mkdirSync(join(cache.path, ".."), { recursive: true });
  const tmp = `${cache.path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(cache.entries));
  renameSync(tmp, cache.path);
}

/** True when an earlier, interrupted run of this stack started creating exactly this object. */
export function wasInFlight(key: string): boolean {
  return key in load();
}

/** Runs a create with its key journaled until it returns (successfully or not). */
export async function journaled<T>(key: string, create: () => Promise<T>): Promise<T> {
  load()[key] = Date.now();
  save();
  try {
    return await create();
  } finally {
    delete load()[key];
    save();
  }
}
