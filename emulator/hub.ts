/**
 * Everything both fake APIs share: the request log, fault injection, added latency, and atomic
 * persistence of their state to one JSON file.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { type FaultConfig, FaultInjector } from "./faults";
import type { ApiEmulator, ApiName, EmulatorContext, LogEntry, NameserverAdmin } from "./types";

export interface HubOptions {
  statePath?: string;
  latencyMs?: number;
  faults?: FaultConfig;
  now?: () => Date;
}

export class EmulatorHub {
  readonly entries: LogEntry[] = [];
  readonly apis = new Map<ApiName, ApiEmulator>();
  latencyMs: number;
  faults: FaultInjector | undefined;
  /** The emulated nameservers, once started; they publish what the APIs serve. */
  nameservers: NameserverAdmin | undefined;
  private seq = 0;
  private flushScheduled = false;
  readonly now: () => Date;

  constructor(private options: HubOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
    this.now = options.now ?? (() => new Date());
    this.setFaults(options.faults);
  }

  context(api: ApiName): EmulatorContext {
    return {
      now: () => this.now(),
      log: (entry) => this.log(api, entry),
      changed: () => this.scheduleFlush(),
      served: (at) => this.nameservers?.served(api, at),
    };
  }

  register(emulator: ApiEmulator): void {
    this.apis.set(emulator.api, emulator);
  }

  log(api: ApiName, entry: Omit<LogEntry, "seq" | "at" | "api">): void {
    this.entries.push({ seq: ++this.seq, api, ...entry, at: this.now().toISOString() });
  }

  setFaults(config: FaultConfig | undefined): void {
    this.faults = config && config.rate > 0 ? new FaultInjector(config) : undefined;
  }

  state(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, api] of this.apis) out[name] = api.snapshot();
    return out;
  }

  restore(state: Record<string, unknown>): void {
    for (const [name, api] of this.apis) if (state[name] !== undefined) api.restore(state[name]);
    this.nameservers?.resync();
    this.scheduleFlush();
  }

  reset(): void {
    for (const api of this.apis.values()) api.reset();
    this.entries.length = 0;
    this.nameservers?.reset();
    this.scheduleFlush();
  }

  /** Loads persisted state when the file exists (called once the APIs are registered). */
  load(): void {
    const path = this.options.statePath;
    if (!path || !existsSync(path)) return;
    this.restore(JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>);
  }

  /** Writes the state now: temp file, fsync, rename — a crash leaves the old or the new file, never half. */
  flush(): void {
    const path = this.options.statePath;
    if (!path) return;
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state(), null, 2));
    const fd = openSync(tmp, "r");
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, path);
  }

  private scheduleFlush(): void {
    if (!this.options.statePath || this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }
}
