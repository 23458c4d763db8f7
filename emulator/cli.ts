#!/usr/bin/env node
/**
 * pulumi-dnspod-wedos-emulator: both fake APIs on loopback; prints one JSON line when ready.
 */
import { parseArgs } from "node:util";
import { parseDelayText } from "./dns/delays";
import type { FaultKind } from "./faults";
import { type StartOptions, startEmulators } from "./index";

const USAGE = `Usage: pulumi-dnspod-wedos-emulator [--host 127.0.0.1] [--dnspod-port 0] [--wedos-port 0]
  [--state FILE] [--dnspod-token ID,TOKEN] [--wedos-username U] [--wedos-password P]
  [--latency-ms N] [--fault-rate R] [--fault-seed N] [--fault-kinds k1,k2]
  [--dnspod-site intl|cn] [--dnspod-wording live|seed] [--dnspod-user-token accept|reject]
  [--dnspod-grade DP_Free] [--dnspod-accounts a@x,b@y] [--dnspod-batch-delay MS]
  [--wedos-allowed-ips "1.2.3. 127.0.0.1"] [--wedos-requests-per-window N] [--wedos-window-seconds S]
  [--wedos-autocommit S] [--wedos-invalid-before-block N] [--wedos-invalid-codes LIST]
  [--dns-delay MS[,MS…]|NAME=MS,…] [--dns-tcp-idle-ms MS]

Starts both fake APIs on loopback and prints one JSON line with their endpoints and nameservers
when ready.

Nameservers: each API's nameservers answer DNS over UDP and TCP on loopback, one port per name
(WEDOS: ns.wedos.net, ns.wedos.eu, ns.wedos.cz, ns.wedos.com; DNSPod: f1g1ns1.dnspod.net,
f1g1ns2.dnspod.net), listed in the ready line as "nameservers": [{"name", "address"}].
  WEDOS serves each zone as of its last dns-domain-commit; uncommitted rows are published by
  themselves --wedos-autocommit S seconds after the last change (default 300; alias
  --wedos-auto-commit-seconds). DNSPod serves the enabled records of the default line (默认) at
  once after each write; its URL records answer A with the forwarder 192.0.2.254.
  --dns-delay MS             every nameserver serves a publish MS milliseconds late
  --dns-delay 0,0,3000       one delay per nameserver in the ready line's order (DNSPod's, then
                             WEDOS's); here the third, ns.wedos.net, lags 3 s; missing ones are 0
  --dns-delay ns.wedos.eu=3000   the same by name
  --dns-tcp-idle-ms MS       close a DNS TCP connection that sends no complete message (5000)
  GET /_emulator/dns-log[?zone=Z&api=wedos|dnspod&rrsets=count] lists each publish per server;
  POST /_emulator/dns-delay {"ms": …} changes the delays of later publishes.

DNSPod sites (--dnspod-site, default intl); both speak the same legacy API (POST /Action.Name):
  intl  api.dnspod.com: English answers ("Operation successful"); lines are written as keys
        (record_line=default, US) and read as names ("Default", "United States"); grades DP_*.
  cn    dnsapi.cn: Chinese answers ("操作已经成功完成") unless lang=en (failed logins stay English
        unless lang=cn); lines are written as Chinese names (record_line=默认, 电信, 联通, 境外, …)
        or ids (record_line_id=0, 10=0 — the id wins), and read as names plus line_id; Record.Line
        answers "lines" and "line_ids"; grades D_* and DP_* with their TTL minimums; a zone named
        by "domain" that is not in the account is code 13; Record.List pages at 3000.
  --dnspod-wording seed     the seed's older English texts ("Action completed successful").
  --dnspod-user-token       the seed's user_token=ID,TOKEN is taken like login_token (accept,
                            same failed-login ban) or refused with 20004 as seen live since 2021.
  --dnspod-batch-delay MS   cn only: a Batch.Record.Create/Modify job runs this long after it was
                            queued (default 300); Batch.Detail shows it waiting until then.

WEDOS per-IP block (the KB: "blocked for 1 minute for each invalid request in excess of 10"):
  --wedos-invalid-before-block N  invalid requests tolerated per IP (10); the next one blocks the IP
                                  for 60 s (code 2052) and each further one, 2052 answers included,
                                  adds 60 s.
  --wedos-invalid-codes LIST      answers that count as invalid, as codes and ranges (default
                                  2000-5999: every error — auth failure 2050, disallowed IP 2051,
                                  parse/parameter/unknown-command errors 20xx-23xx, commands that
                                  end in an error 3xxx-5xxx, and requests over a limit, 2006 and
                                  2052); e.g. 2000-2999 leaves "no such zone" (3222) uncounted.`;

function num(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got "${v}"`);
  return n;
}

function oneOf<T extends string>(v: string | undefined, name: string, allowed: readonly T[]): T | undefined {
  if (v === undefined || (allowed as readonly string[]).includes(v)) return v as T | undefined;
  throw new Error(`--${name} must be one of ${allowed.join(", ")}, got "${v}"`);
}

export function optionsFromArgs(argv: string[]): StartOptions {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      host: { type: "string" },
      "dnspod-port": { type: "string" },
      "wedos-port": { type: "string" },
      state: { type: "string" },
      "dnspod-token": { type: "string" },
      "wedos-username": { type: "string" },
      "wedos-password": { type: "string" },
      "latency-ms": { type: "string" },
      "fault-rate": { type: "string" },
      "fault-seed": { type: "string" },
      "fault-kinds": { type: "string" },
      "wedos-allowed-ips": { type: "string" },
      "wedos-requests-per-window": { type: "string" },
      "wedos-window-seconds": { type: "string" },
      "wedos-auto-commit-seconds": { type: "string" },
      "wedos-autocommit": { type: "string" },
      "dns-delay": { type: "string" },
      "dns-tcp-idle-ms": { type: "string" },
      "dnspod-grade": { type: "string" },
      "dnspod-accounts": { type: "string" },
      "dnspod-site": { type: "string" },
      "dnspod-wording": { type: "string" },
      "dnspod-user-token": { type: "string" },
      "dnspod-batch-delay": { type: "string" },
      "wedos-invalid-before-block": { type: "string" },
      "wedos-invalid-codes": { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (v.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const rate = num(v["fault-rate"], "fault-rate") ?? 0;
  const drop = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;
  return drop({
    host: v.host,
    dnspodPort: num(v["dnspod-port"], "dnspod-port"),
    wedosPort: num(v["wedos-port"], "wedos-port"),
    statePath: v.state,
    latencyMs: num(v["latency-ms"], "latency-ms"),
    faults:
      rate > 0
        ? drop({ rate, seed: num(v["fault-seed"], "fault-seed"), kinds: v["fault-kinds"]?.split(",") as FaultKind[] | undefined })
        : undefined,
    dns: drop({
      delayMs: v["dns-delay"] === undefined ? undefined : parseDelayText(v["dns-delay"]),
      tcpIdleMs: num(v["dns-tcp-idle-ms"], "dns-tcp-idle-ms"),
    }),
    dnspod: drop({
      loginToken: v["dnspod-token"],
      accountGrade: v["dnspod-grade"],
      knownAccounts: v["dnspod-accounts"]?.split(","),
      site: oneOf(v["dnspod-site"], "dnspod-site", ["intl", "cn"] as const),
      wording: oneOf(v["dnspod-wording"], "dnspod-wording", ["live", "seed"] as const),
      userToken: oneOf(v["dnspod-user-token"], "dnspod-user-token", ["accept", "reject"] as const),
      batchDelayMs: num(v["dnspod-batch-delay"], "dnspod-batch-delay"),
    }),
    wedos: drop({
      username: v["wedos-username"],
      password: v["wedos-password"],
      allowedIps: v["wedos-allowed-ips"]?.split(/\s+/).filter(Boolean),
      requestsPerWindow: num(v["wedos-requests-per-window"], "wedos-requests-per-window"),
      windowSeconds: num(v["wedos-window-seconds"], "wedos-window-seconds"),
      autoCommitSeconds: num(v["wedos-autocommit"], "wedos-autocommit") ?? num(v["wedos-auto-commit-seconds"], "wedos-auto-commit-seconds"),
      invalidBeforeBlock: num(v["wedos-invalid-before-block"], "wedos-invalid-before-block"),
      invalidCodes: v["wedos-invalid-codes"],
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
