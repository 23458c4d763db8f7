/**
 * `make bench` step ZC: dnspod.ZoneRecords on dnsapi.cn, where creates and shared changes go through
 * the batch actions (provider/dnspod/batch-writes.ts), against the emulator's cn site at
 * BENCH_LATENCY_MS with its default job delay. Figures: requests per record of a 1,000-record
 * create and its operation time against the time the jobs themselves take (their delay, the polls
 * and the one listing for the ids); requests of a TTL change across the 1,000 records.
 */
import type { DnspodState } from "../../emulator";
import { dnspodPost } from "./bare-loop";
import { emulators, histogram, LATENCY, note, row, secs, stackOn, timed } from "./lib";
import { ZONE_N } from "./zone-steps";

/** The emulator's default `--dnspod-batch-delay`, set explicitly so the floor below knows it. */
const DELAY_MS = 300;

export function batchSteps(): void {
  test(
    `step ZC: ZoneRecords of ${ZONE_N} records on dnsapi.cn (batch jobs) at ${LATENCY} ms latency — create, TTL change`,
    async () => {
      const emu = await emulators({ site: "cn", batchDelayMs: DELAY_MS });
      try {
        const p = await stackOn(emu, "zone-cn", 0, 0, { zoneRows: String(ZONE_N), zoneApis: "dnspod", "dnspod:site": "cn" });
        emu.hub.latencyMs = LATENCY;
        const up = await timed(p, emu, ["up", "--yes", "--skip-preview"]);
        const all = up.log.filter((e) => e.api === "dnspod");
        const op = all.slice(all.findIndex((e) => e.op === "Record.List"));
        const span = Date.parse(op.at(-1)!.at) - Date.parse(op[0]!.at) + LATENCY;
        const count = (name: string) => op.filter((e) => e.op === name).length;
        // What the jobs cost by themselves: their delay, the polls and the listing after them, each
        // request timed bare (undici, same emulator, same latency): the same Record.List, a Batch.Detail of the job.
        const domainId = String(op[0]!.params.domain_id);
        const job = String((emu.hub.state().dnspod as DnspodState).batch!.jobs.at(-1)!.id);
        const bare = async (action: string, params: Record<string, string>) => {
          const t0 = performance.now();
          await dnspodPost(emu, action, params);
          return performance.now() - t0;
        };
        const list = await bare("Record.List", { domain_id: domainId, offset: "0", length: "3000" });
        const poll = await bare("Batch.Detail", { job_id: job });
        const floor = count("Batch.Record.Create") * DELAY_MS + count("Batch.Detail") * poll + (count("Record.List") - 1) * list;
        const floorL = count("Batch.Record.Create") * DELAY_MS + (count("Batch.Detail") + count("Record.List") - 1) * LATENCY;
        note(
          `step ZC create: ${op.length} requests for ${ZONE_N} records (${histogram(op)}); operation span ${secs(span)}; ` +
            `jobs' floor ${secs(floor)} (bare Record.List ${list.toFixed(0)} ms, Batch.Detail ${poll.toFixed(0)} ms; with every request at ${LATENCY} ms: ${secs(floorL)}); whole up ${secs(up.ms)}`,
        );
        row(
          `ZoneRecords create, ${ZONE_N}-record domain on dnsapi.cn (batch), ${LATENCY} ms: requests per record`,
          `${(op.length / ZONE_N).toFixed(3)} (${op.length}: ${histogram(op)})`,
          "≤ 0.02",
          op.length / ZONE_N <= 0.02,
        );
        row(
          `  operation time vs the jobs' own (delay ${DELAY_MS} ms + polls + listing, timed bare)`,
          `${secs(span)} vs ${secs(floor)} → ${(span / floor).toFixed(2)}× (${(span / floorL).toFixed(2)}× of delay + requests·${LATENCY} ms)`,
          "≤ 1.3×",
          span / floor <= 1.3,
        );

        await p.config("zoneTtl", "7200");
        const ttl = await timed(p, emu, ["up", "--yes", "--skip-preview"]);
        emu.hub.latencyMs = 0;
        const changed = ttl.log.filter((e) => e.api === "dnspod");
        note(`step ZC TTL change: ${changed.length} requests (${histogram(changed)}); ${secs(ttl.ms)}`);
        row(
          `a TTL change across ${ZONE_N} records on dnsapi.cn: requests`,
          `${changed.length} (${histogram(changed)})`,
          "≤ 5",
          changed.length <= 5,
        );
        await p.ok(["stack", "rm", "--yes", "--force"]);
      } finally {
        await emu.close();
      }
    },
    30 * 60_000,
  );
}
