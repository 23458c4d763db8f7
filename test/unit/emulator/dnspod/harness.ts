/** Shared set-up for the DNSPod emulator unit tests: handle() driven directly with an injected clock. */
import { DnspodEmulator, type DnspodEmulatorOptions } from "../../../../emulator/dnspod";
import type { BatchTimer } from "../../../../emulator/dnspod/batch-run";
import type { LogEntry } from "../../../../emulator/types";

export const TOKEN = "10000,emulator-token";
export const T0 = Date.parse("2024-03-01T10:00:00Z");
// Responses are asserted structurally with toEqual, so loose typing here costs nothing.
export type Json = Record<string, any>;

/** `timer` runs dnsapi.cn's batch jobs (real timers unless a test passes its own). */
export function harness(options: Partial<DnspodEmulatorOptions> = {}, timer?: BatchTimer) {
  let nowMs = T0;
  const logs: Omit<LogEntry, "seq" | "at" | "api">[] = [];
  const counters = { changes: 0 };
  const emu = new DnspodEmulator(
    { now: () => new Date(nowMs), log: (e) => logs.push(e), changed: () => counters.changes++ },
    options,
    timer,
  );
  const raw = (action: string, params: Record<string, string>, method = "POST", ip = "127.0.0.1") =>
    emu.handle({
      ip,
      method,
      path: `/${action}`,
      headers: { "user-agent": "test/1.0 (t@example.com)" },
      body: Buffer.from(new URLSearchParams(params).toString()),
    });
  const call = (action: string, params: Record<string, string> = {}, ip?: string): Json =>
    JSON.parse(raw(action, { login_token: TOKEN, format: "json", ...params }, "POST", ip).body);
  const code = (action: string, params: Record<string, string> = {}): string => call(action, params).status.code;
  const domain = (name = "example.com"): string => call("Domain.Create", { domain: name }).domain.id;
  const record = (domain_id: string, p: Record<string, string>): Json =>
    call("Record.Create", { domain_id, record_type: "A", record_line: "default", value: "1.2.3.4", ...p });
  const advance = (seconds: number) => (nowMs += seconds * 1000);
  return { emu, raw, call, code, domain, record, advance, logs, counters };
}

// The live wording (acme.sh's dns_dpi.sh matches it); `wording: "seed"` gives "Action completed successful".
export const STATUS = { code: "1", message: "Operation successful", created_at: "2024-03-01 10:00:00" };
