/**
 * Recent creates, kept on disk per project and stack. If the Pulumi CLI is killed after a create
 * reached the API but before the engine saved the new id — the engine checkpoints after the
 * provider returns, so this window spans whole seconds in a busy update — the object exists
 * while the state does not know it. The re-run's create finds the identical object and, seeing
 * it here, takes it over instead of failing as a duplicate. Entries expire after a day and are
 * dropped when the object is deleted.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stateDir, writeAtomically } from "./state-dir";

const TTL_MS = 24 * 3600 * 1000;
let cache: { path: string; entries: Record<string, number> } | undefined;

function journalPath(): string {
  const base = stateDir();
  const scope = [
    process.env.PULUMI_NODEJS_PROJECT ?? process.env.PULUMI_PROJECT ?? "",
    process.env.PULUMI_NODEJS_STACK ?? process.env.PULUMI_STACK ?? "",
  ]
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
  if (cache) writeAtomically(cache.path, JSON.stringify(cache.entries));
}

/** True when a recent run of this stack created (or started creating) exactly this object. */
function wasInFlight(key: string): boolean {
  return key in load();
}

/** Journals the key, then runs the create. */
async function journaled<T>(key: string, create: () => Promise<T>): Promise<T> {
  load()[key] = Date.now();
  save();
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
  if (!(key in load())) return;
  delete load()[key];
  save();
}
