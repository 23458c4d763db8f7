/**
 * Starts both emulators on loopback for a test file and points the provider at them through the
 * same environment variables users set. Each test starts from empty state and an empty log.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DnspodSite, type RunningEmulators, type StartOptions, startEmulators } from "../../emulator";
import type { LogEntry } from "../../emulator/types";
import { setStackConfig } from "../../provider/config";
import { type DnspodContext, forgetDnspodContext, makeDnspodContext } from "../../provider/dnspod/context";
import { forgetWedosContext, makeWedosContext, type WedosContext } from "../../provider/wedos/context";

export const WEDOS_USER = "emulator@example.com";
export const WEDOS_PASSWORD = "emulator-password";
export const DNSPOD_TOKEN = "10000,emulator-token";
/** The request budget and timeout of the contexts tests build: never in the way. */
export const TEST_BUDGET = { requestsPerWindow: 100_000, windowSeconds: 3600, timeoutMs: 30_000 };

export interface Harness {
  emu: RunningEmulators;
  /** A WEDOS context for the emulator's account, new for each test (no waiting on budgets or retries). */
  wedos: WedosContext;
  /** A DNSPod context for the emulator's account and site, new for each test. */
  dnspod: DnspodContext;
  /** Log entries of one API since the last reset. */
  calls(api: "wedos" | "dnspod", op?: string): LogEntry[];
}

/** Both DNSPod sites, for `describe.each(DNSPOD_SITES)` over a test file's DNSPod tests. */
export const DNSPOD_SITES: readonly DnspodSite[] = ["intl", "cn"];

const ENV_KEYS = [
  "WEDOS_ENDPOINT",
  "WEDOS_USERNAME",
  "WEDOS_WAPI_PASSWORD",
  "DNSPOD_ENDPOINT",
  "DNSPOD_LOGIN_TOKEN",
  "DNSPOD_SITE",
  "WEDOS_REQUESTS_PER_HOUR",
  "DNSPOD_REQUESTS_PER_HOUR",
] as const;

/**
 * `options.dnspod.site` picks the DNSPod emulator's site ("intl" by default); the provider is told
 * the same site through DNSPOD_SITE, as a user of that site would set dnspod:site (the emulator's
 * loopback endpoint says nothing about the site). The environment is restored after the block, so
 * harnesses can nest (one per site inside a file-wide one).
 */
export function useEmulators(options: StartOptions = {}): Harness {
  const h = {} as Harness;
  const saved: Partial<Record<(typeof ENV_KEYS)[number], string>> = {};
  beforeAll(async () => {
    h.emu = await startEmulators(options);
    for (const k of ENV_KEYS) saved[k] = process.env[k];
    process.env.WEDOS_ENDPOINT = h.emu.wedos.endpoint;
    process.env.WEDOS_USERNAME = WEDOS_USER;
    process.env.WEDOS_WAPI_PASSWORD = WEDOS_PASSWORD;
    process.env.DNSPOD_ENDPOINT = h.emu.dnspod.endpoint;
    process.env.DNSPOD_LOGIN_TOKEN = DNSPOD_TOKEN;
    process.env.DNSPOD_SITE = options.dnspod?.site ?? "intl";
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
    const seams = { sleep: async () => undefined };
    h.wedos = makeWedosContext(
      { username: WEDOS_USER, password: WEDOS_PASSWORD, endpoint: h.emu.wedos.endpoint, format: "json", ...TEST_BUDGET },
      seams,
    );
    h.dnspod = makeDnspodContext(
      { loginToken: DNSPOD_TOKEN, endpoint: h.emu.dnspod.endpoint, site: options.dnspod?.site ?? "intl", ...TEST_BUDGET },
      seams,
    );
    // The entry points (the runtime, the plugins, the data sources) build their own from the
    // settings; the emulator restarts empty, so what they cached of it must go too.
    forgetWedosContext();
    forgetDnspodContext();
  });
  afterAll(async () => {
    await h.emu?.close();
    for (const dir of journals) rmSync(dir, { recursive: true, force: true });
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    forgetDnspodContext();
    forgetWedosContext();
  });
  h.calls = (api, op) => h.emu.log().filter((e) => e.api === api && (op === undefined || e.op === op));
  return h;
}
