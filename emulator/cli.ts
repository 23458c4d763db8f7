#!/usr/bin/env node
/**
 * pulumi-dnspod-wedos-emulator: both fake APIs on loopback; prints one JSON line when ready.
 */
import { parseArgs } from "node:util";
import { startEmulators, type StartOptions } from "./index";
import type { FaultKind } from "./faults";

const USAGE = `Usage: pulumi-dnspod-wedos-emulator [--host 127.0.0.1] [--dnspod-port 0] [--wedos-port 0]
  [--state FILE] [--dnspod-token ID,TOKEN] [--wedos-username U] [--wedos-password P]
  [--latency-ms N] [--fault-rate R] [--fault-seed N] [--fault-kinds k1,k2]
  [--wedos-allowed-ips "1.2.3. 127.0.0.1"] [--wedos-requests-per-window N] [--wedos-window-seconds S]
  [--wedos-auto-commit-seconds S] [--dnspod-grade DP_Free] [--dnspod-accounts a@x,b@y]`;

function num(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got "${v}"`);
  return n;
}

export function optionsFromArgs(argv: string[]): StartOptions {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      host: { type: "string" }, "dnspod-port": { type: "string" }, "wedos-port": { type: "string" },
      state: { type: "string" }, "dnspod-token": { type: "string" }, "wedos-username": { type: "string" },
      "wedos-password": { type: "string" }, "latency-ms": { type: "string" }, "fault-rate": { type: "string" },
      "fault-seed": { type: "string" }, "fault-kinds": { type: "string" }, "wedos-allowed-ips": { type: "string" },
      "wedos-requests-per-window": { type: "string" }, "wedos-window-seconds": { type: "string" },
      "wedos-auto-commit-seconds": { type: "string" }, "dnspod-grade": { type: "string" },
      "dnspod-accounts": { type: "string" }, help: { type: "boolean" },
    },
  });
  if (v.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const rate = num(v["fault-rate"], "fault-rate") ?? 0;
  const drop = <T extends object>(o: T): T =>
    Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;
  return drop({
    host: v.host,
    dnspodPort: num(v["dnspod-port"], "dnspod-port"),
    wedosPort: num(v["wedos-port"], "wedos-port"),
    statePath: v.state,
    latencyMs: num(v["latency-ms"], "latency-ms"),
    faults: rate > 0
      ? drop({ rate, seed: num(v["fault-seed"], "fault-seed"), kinds: v["fault-kinds"]?.split(",") as FaultKind[] | undefined })
      : undefined,
    dnspod: drop({
      loginToken: v["dnspod-token"],
      accountGrade: v["dnspod-grade"],
      knownAccounts: v["dnspod-accounts"]?.split(","),
    }),
    wedos: drop({
      username: v["wedos-username"],
      password: v["wedos-password"],
      allowedIps: v["wedos-allowed-ips"]?.split(/\s+/).filter(Boolean),
      requestsPerWindow: num(v["wedos-requests-per-window"], "wedos-requests-per-window"),
      windowSeconds: num(v["wedos-window-seconds"], "wedos-window-seconds"),
      autoCommitSeconds: num(v["wedos-auto-commit-seconds"], "wedos-auto-commit-seconds"),
    }),
  });
}

async function main(): Promise<void> {
  const running = await startEmulators(optionsFromArgs(process.argv.slice(2)));
  process.stdout.write(`${JSON.stringify({ dnspod: running.dnspod, wedos: running.wedos })}\n`);
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`pulumi-dnspod-wedos-emulator: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    process.exit(2);
  });
}
