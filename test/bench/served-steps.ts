/**
 * `make bench` step ZS: what waitUntilServed costs for a ZoneRecords of BENCH_ZONE_N (1,000)
 * records per API, one nameserver of each API lagging BENCH_DNS_LAG_MS (2,000 ms) behind each
 * publish. The same create runs with and without waiting, each on fresh emulators; figures (from
 * the provider's own report line): how long the wait takes against the lag, the DNS queries it
 * asks, and the queries of a one-record edit. The whole up's wall time with and without waiting
 * is noted too; on a busy machine the difference drowns in the up's own variance.
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
      /** A new zone of ZONE_N records per API, created by one `up`, on fresh emulators. */
      const create = async (wait: boolean) => {
        const emu = await emulators({}, { delayMs: LAGGING });
        const extra = { zoneRows: String(ZONE_N), ...nameserverConfig(emu), ...(wait ? { zoneWait: "true" } : {}) };
        const p = await stackOn(emu, wait ? "served-on" : "served-off", 0, 0, extra);
        return { emu, p, up: await timed(p, emu, ["up", "--yes", "--skip-preview"]) };
      };
      const off = await create(false);
      await off.p.ok(["stack", "rm", "--yes", "--force"]);
      await off.emu.close();
      const { emu, p, up: on } = await create(true);
      try {
        const w = waits(on.out);
        // One record's TTL: only that record is asked about (its data is served already, so one round).
        await p.config("zoneEdit", "5");
        const edit = waits((await timed(p, emu, ["up", "--yes", "--skip-preview"])).out);
        note(
          `step ZS: create of ${ZONE_N} records per API: up ${secs(off.up.ms)} without waiting, ${secs(on.ms)} with; ` +
            `waits ${JSON.stringify(w)}; one-record edit ${JSON.stringify(edit)}`,
        );
        // The engine runs both APIs' ZoneRecords side by side: their waits overlap.
        const longest = Math.max(w.WEDOS!.seconds, w.DNSPod!.seconds) * 1000;
        row(
          `waitUntilServed, an up creating a ${ZONE_N}-record ZoneRecords per API, one server per API lagging ${secs(LAG)}: the wait (publish → every server serves)`,
          `WEDOS ${w.WEDOS!.seconds} s, DNSPod ${w.DNSPod!.seconds} s, side by side: ${secs(longest - LAG)} over the lag; whole up ${secs(off.up.ms)} without waiting, ${secs(on.ms)} with`,
          "≤ 2 × lag + 1 s (asked again after 1, 2, 4 … s)",
          longest <= 2 * LAG + 1000,
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
            `${servers}: that record, once per server`,
            edit[api]?.queries === servers,
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
