/**
 * Reliability under the real engine: ~100 records over both APIs with 20% injected faults,
 * re-run as a pipeline would until green; then proofs from the emulator's request log that no
 * auth, IP, permission or validation error was ever retried; then the request budget pacing an
 * `up` that needs more requests than WEDOS's window allows, without tripping 2006.
 */
import { type DnspodState, type LogEntry, type RunningEmulators, startEmulators, type WedosState } from "../../emulator";
import { faultProject, key, neverRetried, retriedAfterRefusal, stackOn } from "./fault-helpers";
import type { PulumiProject } from "./harness";

let project: string;
beforeAll(() => {
  project = faultProject();
}, 20 * 60_000);

describe("20% injected faults over both APIs", () => {
  let emu: RunningEmulators;
  let p: PulumiProject;
  const runs: { code: number; log: LogEntry[] }[] = [];

  beforeAll(async () => {
    emu = await startEmulators();
    p = await stackOn(project, emu, "faults");
  }, 5 * 60_000);
  afterAll(() => emu?.close());

  test(
    "re-runs converge to exactly the declared records: no duplicates, no orphans, state = emulator",
    async () => {
      emu.hub.setFaults({ rate: 0.2, seed: 20261122, holdMs: 2_000 });
      for (let i = 0; i < 25; i++) {
        const from = emu.log().length;
        const r = await p.run(["up", "--yes", "--skip-preview"]);
        runs.push({ code: r.code, log: emu.log().slice(from) });
        if (r.code === 0) break;
      }
      emu.hub.setFaults(undefined);
      expect(runs.at(-1)!.code).toBe(0);

      const wz = (emu.hub.state().wedos as WedosState).domains.find((d) => d.name === "faults.cz")!;
      const dd = (emu.hub.state().dnspod as DnspodState).domains.find((d) => d.name === "faults.com")!;
      const wedosRows = wz.rows.map((r) => `${r.name} ${r.rdtype} ${r.rdata}`);
      const dnspodRecs = dd.records.filter((r) => !r.hold).map((r) => `${r.subDomain} ${r.type} ${r.line} ${r.value}`);
      expect(new Set(wedosRows).size).toBe(wedosRows.length);
      expect(new Set(dnspodRecs).size).toBe(dnspodRecs.length);
      expect(wedosRows.sort()).toEqual(Array.from({ length: 50 }, (_, i) => `host-${i} A 198.51.100.${i + 1}`).sort());
      expect(dnspodRecs.sort()).toEqual(Array.from({ length: 50 }, (_, i) => `host-${i} A default 203.0.113.${i + 1}`).sort());
      expect(wz.published).toEqual(wz.rows);

      // Pulumi state and emulator agree id for id: nothing in one that the other lacks.
      const deployment = JSON.parse(await p.exportState()).deployment as {
        resources: { type: string; id?: string; outputs?: Record<string, unknown> }[];
      };
      const stateIds = (t: string) =>
        deployment.resources
          .filter((r) => r.type === t)
          .map((r) => r.id!)
          .sort();
      expect(stateIds("pulumi-nodejs:dynamic/wedos:Record")).toEqual(wz.rows.map((r) => `faults.cz/${r.ID}`).sort());
      expect(stateIds("pulumi-nodejs:dynamic/dnspod:Record")).toEqual(
        dd.records
          .filter((r) => !r.hold)
          .map((r) => `${dd.id}/${r.id}`)
          .sort(),
      );
      expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);

      const faults = runs.flatMap((r) => r.log).filter((e) => e.fault).length;
      const requests = runs.reduce((n, r) => n + r.log.length, 0);
      const refusedCodes = runs
        .flatMap((r) => r.log)
        .filter(neverRetried)
        .map((e) => `${e.api}:${e.op}:${e.code}`);
      process.stdout.write(
        `[measure] 20% faults: ${runs.length} runs to converge (exit codes ${runs.map((r) => r.code).join(",")}), ` +
          `${requests} requests, ${faults} injected faults, refused: ${refusedCodes.join(" ")}\n`,
      );
    },
    40 * 60_000,
  );

  test("the request log proves that refused requests (auth, IP, permission, validation) were never sent again", () => {
    // Which refusals occur depends on how the engine orders requests (e.g. an injected 2052);
    // the tests below provoke auth and validation refusals deterministically.
    for (const run of runs) expect(retriedAfterRefusal(run.log)).toEqual([]);
    // Retryable faults, by contrast, were retried: injected 5xx, resets, garbage or rate limits are
    // followed by the same request.
    const all = runs.flatMap((r) => r.log);
    const retryable = /http-5|reset|timeout|truncated|garbage|html|ua-rate-limit|api-2006|api--2/;
    expect(all.some((e, i) => retryable.test(e.fault ?? "") && all.slice(i + 1).some((l) => key(l) === key(e)))).toBe(true);
  });

  test(
    "a validation error of the API (TTL below the grade's minimum) is sent once and reported",
    async () => {
      await p.config("belowGradeTtl", "true");
      const from = emu.log().length;
      const r = await p.run(["up", "--yes", "--skip-preview"]);
      const log = emu.log().slice(from);
      expect(r.code).not.toBe(0);
      expect(r.stdout + r.stderr).toMatch(/Record\.Create .*code 29/);
      expect(log.filter((e) => e.op === "Record.Create").map((e) => e.code)).toEqual(["29"]);
      expect(retriedAfterRefusal(log)).toEqual([]);
      await p.config("belowGradeTtl", "false");
    },
    5 * 60_000,
  );

  test(
    "bad credentials: one refused request per API, then nothing more",
    async () => {
      // `up` uses the current config (refresh would configure the provider from the stored state).
      const attempt = async (secretKey: string, bad: string, good: string, rows: string) => {
        await p.config(secretKey, bad, true);
        await p.config(rows, "52");
        const from = emu.log().length;
        const r = await p.run(["up", "--yes", "--skip-preview"]);
        await p.config(secretKey, good, true);
        await p.config(rows, "50");
        return { r, log: emu.log().slice(from) };
      };
      const w = await attempt("wedos:wapiPassword", "wrong-password", "emulator-password", "wedosRows");
      expect(w.r.code).not.toBe(0);
      expect(w.r.stdout).toMatch(/code 2050 \(authentication failure.*Fix: check wedos:username/);
      expect(w.log.filter((e) => e.api === "wedos").map((e) => e.code)).toEqual(["2050"]);
      const d = await attempt("dnspod:loginToken", "10000,wrong-token", "10000,emulator-token", "dnspodRecords");
      expect(d.r.code).not.toBe(0);
      expect(d.r.stdout).toMatch(/code -1 \(login failed/);
      expect(d.log.filter((e) => e.api === "dnspod").map((e) => e.code)).toEqual(["-1"]);
      expect(d.r.stdout + d.r.stderr).not.toContain("wrong-token");
      // refresh and destroy configure the provider from the last update's settings: `up` first.
      await p.ok(["up", "--yes", "--skip-preview"]);
      await p.ok(["destroy", "--yes", "--skip-preview"]);
    },
    5 * 60_000,
  );
});

test(
  "a small WEDOS budget (30 per 10 s on both sides) paces the up with a visible message and trips no 2006",
  async () => {
    const emu = await startEmulators({ wedos: { requestsPerWindow: 30, windowSeconds: 10 } });
    try {
      const p = await stackOn(project, emu, "budget", {
        "wedos:requestsPerHour": "30",
        "wedos:requestWindowSeconds": "10",
        dnspodRecords: "0",
        wedosRows: "40",
      });
      const r = await p.run(["up", "--yes", "--skip-preview"]);
      expect(r.stderr + r.stdout).toMatch(/WEDOS request budget \(30 per 10 s, wedos:requestsPerHour\) reached: waiting \d+ s/);
      expect(r.code).toBe(0);
      const wedos = emu.log().filter((e) => e.api === "wedos");
      expect(wedos.length).toBeGreaterThan(30);
      expect(wedos.filter((e) => e.code === "2006")).toEqual([]);
      expect((emu.hub.state().wedos as WedosState).domains[0]!.rows).toHaveLength(40);
      process.stdout.write(`[measure] budget 30/10 s: ${wedos.length} WEDOS requests, no 2006\n`);
    } finally {
      await emu.close();
    }
  },
  10 * 60_000,
);
