/**
 * Starts both emulators on loopback for a test file and points the provider at them through the
 * same environment variables users set. Each test starts from empty state and an empty log.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulators, type RunningEmulators, type StartOptions } from "../../emulator";
import type { LogEntry } from "../../emulator/types";
import { setStackConfig } from "../../provider/config";
import { resetWedosContext, setWedosOverrides } from "../../provider/wedos/context";
import { resetDnspodContext, setDnspodOverrides } from "../../provider/dnspod/context";

export const WEDOS_USER = "emulator@example.com";
export const WEDOS_PASSWORD = "emulator-password";
export const DNSPOD_TOKEN = "10000,emulator-token";

export interface Harness {
  emu: RunningEmulators;
  /** Log entries of one API since the last reset. */
  calls(api: "wedos" | "dnspod", op?: string): LogEntry[];
}

export function useEmulators(options: StartOptions = {}): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    h.emu = await startEmulators(options);
    process.env.WEDOS_ENDPOINT = h.emu.wedos.endpoint;
    process.env.WEDOS_USERNAME = WEDOS_USER;
    process.env.WEDOS_WAPI_PASSWORD = WEDOS_PASSWORD;
    process.env.DNSPOD_ENDPOINT = h.emu.dnspod.endpoint;
    process.env.DNSPOD_LOGIN_TOKEN = DNSPOD_TOKEN;
    process.env.WEDOS_REQUESTS_PER_HOUR = "100000";
    process.env.DNSPOD_REQUESTS_PER_HOUR = "100000";
  });
  const journals: string[] = [];
  beforeEach(() => {
    // A fresh journal of recent creates per test, so no test adopts another's rows.
    process.env.PULUMI_DNSPOD_WEDOS_STATE_DIR = mkdtempSync(join(tmpdir(), "pdw-journal-"));
    journals.push(process.env.PULUMI_DNSPOD_WEDOS_STATE_DIR);
    h.emu.hub.reset();
    setStackConfig(undefined);
    setWedosOverrides({ sleep: async () => undefined });
    resetWedosContext();
    setDnspodOverrides({ sleep: async () => undefined });
    resetDnspodContext();
  });
  afterAll(async () => {
    await h.emu?.close();
    for (const dir of journals) rmSync(dir, { recursive: true, force: true });
  });
  h.calls = (api, op) => h.emu.log().filter((e) => e.api === api && (op === undefined || e.op === op));
  return h;
}
