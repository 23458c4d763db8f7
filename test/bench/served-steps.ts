/**
 * `make bench` step ZS: what waitUntilServed costs for a ZoneRecords of BENCH_ZONE_N (1,000)
 * records per API, one nameserver of each API lagging BENCH_DNS_LAG_MS (2,000 ms) behind each
 * publish. The same update (every record's TTL) runs with and without waiting; figures: the wall
 * time the wait adds over the lag, the DNS queries it asks (from the provider's own report line),
 * and the queries of a one-record edit.
 */
import { nameserverConfig } from "../e2e/harness";
import { emulators, note, row, secs, stackOn, timed } from "./lib";
import { ZONE_N } from "./zone-steps";

const LAG = Number(process.env.BENCH_DNS_LAG_MS ?? 2000);
const LAGGING = { "ns.wedos.com": LAG, "f1g1ns2.dnspod.net": LAG };

/** The provider's report of each wait in an `up`'s output: API → queries, rounds and seconds. */
function waits(out: string): Record<string, { records: number; queries: number; rounds: number; seconds: number }> {
  const found: Record<string, { records: number; queries: number; rounds: number; seconds: number }> = {};
  const re =
    /(WEDOS|DNSPod) \S+ \S+: every nameserver serves the change of (\d+) record\(s\) \((\d+) DNS queries in (\d+) round\(s\), ([\d.]+) s\)/g;
  for (const m of out.matchAll(re)) found[m[1]!] = { records: +m[2]!, queries: +m[3]!, rounds: +m[4]!, seconds: +m[5]! };
  return found;
}

export function servedSteps(): void {
  test(
    `step ZS: waitUntilServed on a ${ZONE_N}-record ZoneRecords per API, one nameserver per API lagging ${LAG} ms`,
    async () => {
      const emu = await emulators({}, { delayMs: LAGGING });
      try {
        const p = await stackOn(emu, "served", 0, 0, { zoneRows: String(ZONE_N), ...nameserverConfig(emu) });
        await timed(p, emu, ["up", "--yes", "--skip-preview"]);
        // The same update without and with waiting: every record's TTL, in place.
        await p.config("zoneTtl", "7200");
        const off = await timed(p, emu, ["up", "--yes", "--skip-preview"]);
        await p.config("zoneTtl", "3600");
        await p.config("zoneWait", "true");
        const on = await timed(p, emu, ["up", "--yes", "--skip-preview"]);
        const w = waits(on.out);
        await p.config("zoneEdit", "5");
        const edit = waits((await timed(p, emu, ["up", "--yes", "--skip-preview"])).out);
        note(
          `step ZS: TTL of ${ZONE_N} records per API: up ${secs(off.ms)} without waiting, ${secs(on.ms)} with; ` +
            `waits ${JSON.stringify(w)}; one-record edit ${JSON.stringify(edit)}`,
        );
        const extra = on.ms - off.ms;
        row(
          `waitUntilServed, ${ZONE_N}-record ZoneRecords per API (every TTL changed), one server per API lagging ${secs(LAG)}: wall time added to the up`,
          `${secs(extra)} (${secs(off.ms)} → ${secs(on.ms)}); over the lag ${secs(extra - LAG)}`,
          "≤ lag + 1.5 s (the backoff's step)",
          extra <= LAG + 1500,
        );
        for (const [api, servers] of [
          ["WEDOS", 4],
          ["DNSPod", 2],
        ] as const) {
          const x = w[api]!;
          row(
            `  DNS queries of the wait (${api}, ${servers} nameservers)`,
            `${x.queries} for ${x.records} records in ${x.rounds} rounds, ${x.seconds} s → ${(x.queries / x.records / servers).toFixed(2)} per record per server`,
            "each server once, the lagging one again per round",
            x.queries === x.records * (servers + x.rounds - 1),
          );
          row(
            `  a one-record edit among ${ZONE_N} (${api}): DNS queries`,
            `${edit[api]?.queries} (${edit[api]?.rounds} rounds)`,
            `${servers + 2} (that record only)`,
            edit[api]?.queries === servers + (edit[api]?.rounds ?? 0) - 1,
          );
        }
        await p.ok(["stack", "rm", "--yes", "--force"]);
      } finally {
        await emu.close();
      }
    },
    30 * 60_000,
  );
}
