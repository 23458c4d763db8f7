/**
 * Recent creates, kept on disk per project and stack. If the Pulumi CLI is killed after a create
 * reached the API but before the engine saved the new id — the engine checkpoints after the
 * provider returns, so this window spans whole seconds in a busy update — the object exists
 * while the state does not know it. The re-run's create finds the identical object and, seeing
 * it here, takes it over instead of failing as a duplicate. Entries expire after a day and are
 * dropped when the object is deleted.
 */
import { join } from "node:path";
import { appendLine, readLines, stateDir, writeAtomically } from "./state-dir";

const TTL_MS = 24 * 3600 * 1000;
let cache: { path: string; entries: Map<string, number> } | undefined;

/** One line per change: "+ <time> <key>" when a create starts, "- <key>" when the object is deleted. */
function journalPath(): string {
  const base = stateDir();
  const scope = [
    process.env.PULUMI_NODEJS_PROJECT ?? process.env.PULUMI_PROJECT ?? "",
    process.env.PULUMI_NODEJS_STACK ?? process.env.PULUMI_STACK ?? "",
  ]
    .join("-")
    .replace(/[^A-Za-z0-9_.-]/g, "_");
  return join(base, `inflight-${scope || "default"}.log`);
}

function load(): Map<string, number> {
  const path = journalPath();
  if (cache?.path === path) return cache.entries;
  const lines = readLines(path);
  const entries = new Map<string, number>();
  for (const line of lines) {
    if (line.startsWith("- ")) entries.delete(line.slice(2));
    const m = /^\+ (\d+) (.*)$/.exec(line);
    if (m) entries.set(m[2]!, Number(m[1]));
  }
  const now = Date.now();
  for (const [k, t] of entries) if (now - t > TTL_MS) entries.delete(k);
  // Rewritten only when most of it is history, so appending stays the common case.
  if (lines.length > 2 * entries.size + 100) writeAtomically(path, [...entries].map(([k, t]) => `+ ${t} ${k}\n`).join(""));
  cache = { path, entries };
  return entries;
}

/** True when a recent run of this stack created (or started creating) exactly this object. */
function wasInFlight(key: string): boolean {
  return load().has(key);
}

/** Journals the key, then runs the create. */
async function journaled<T>(key: string, create: () => Promise<T>): Promise<T> {
  const t = Date.now();
  load().set(key, t);
  appendLine(cache!.path, `+ ${t} ${key}`);
  return create();
}

/**
 * A create that takes over the identical object when asked to (`adopt`) or when a recent run of
 * this stack was creating exactly it (the id never reached the state), journaled while it runs.
 */
export function journaledCreate<T>(key: string, adopt: boolean, create: (adopt: boolean) => Promise<T>): Promise<T> {
  const takeOver = adopt || wasInFlight(key);
  return journaled(key, () => create(takeOver));
}

/** Forgets an object that was deleted. */
export function forget(key: string): void {
  if (!load().delete(key)) return;
  appendLine(cache!.path, `- ${key}`);
}
