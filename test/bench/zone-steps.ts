/**
 * The ZoneRecords rows of `make bench`, measured in the same run as the per-record ones:
 *   Z1. up creating a zone of BENCH_ZONE_N (1,000) records per API at BENCH_LATENCY_MS (20 ms):
 *       each zone's operation span against its API floor, writes·L/16 + one listing + (WEDOS) the
 *       commit and the listing for new ids; requests per record; state bytes per record.
 *   Z2. a zone of BENCH_BIG_ZONE_N (10,000) records per API at 0 ms: no-op preview and up
 *       (requests, wall time), refresh (listings per zone), one changed record (writes), state size.
 */
import type { LogEntry } from "../../emulator";
import { WRITES_AT_ONCE } from "../../provider/zone/run";
import { checkpointBytes, destroy, emulators, histogram, isWrite, LATENCY, measured, note, row, secs, stackOn, timed } from "./lib";

export const ZONE_N = Number(process.env.BENCH_ZONE_N ?? 1000);
export const BIG_N = Number(process.env.BENCH_BIG_ZONE_N ?? 10_000);

const zoneOf = (e: LogEntry) => String(e.params.domain ?? e.params.name ?? e.params.domain_id ?? "");

/** The requests of one API's ZoneRecords operation: from its listing of the zone to its last request. */
function operation(log: LogEntry[], api: "wedos" | "dnspod"): LogEntry[] {
  const mine = log.filter((e) => e.api === api);
  const start = mine.findIndex((e) => e.op === (api === "wedos" ? "dns-rows-list" : "Record.List"));
  return start < 0 ? [] : mine.slice(start);
}

export function zoneSteps(): void {
  test(
    `step Z1: ZoneRecords up of ${ZONE_N} records per API at ${LATENCY} ms latency`,
    async () => {
      const emu = await emulators();
      try {
        const p = await stackOn(emu, "zone", 0, 0, { zoneRows: String(ZONE_N) });
        emu.hub.latencyMs = LATENCY;
        const up = await timed(p, emu, ["up", "--yes", "--skip-preview"]);
        emu.hub.latencyMs = 0;
        for (const api of ["wedos", "dnspod"] as const) {
          const op = operation(up.log, api);
          const writes = op.filter(isWrite);
          const reads = op.length - writes.length;
          const span = Date.parse(op.at(-1)!.at) - Date.parse(op[0]!.at) + LATENCY;
          const floor =
            (writes.filter((e) => e.op !== "dns-domain-commit").length * LATENCY) / WRITES_AT_ONCE +
            (reads + (api === "wedos" ? 1 : 0)) * LATENCY;
          measured[`zoneSpan-${api}`] = span;
          note(
            `step Z1 ${api}: ${op.length} requests for ${ZONE_N} records (${histogram(op)}); operation span ${secs(span)}; floor ${secs(floor)}`,
          );
          row(
            `ZoneRecords up, ${ZONE_N}-record ${api === "wedos" ? "WEDOS zone" : "DNSPod domain"}, ${LATENCY} ms: operation time vs API floor (writes·L/${WRITES_AT_ONCE} + listings + commit)`,
            `${secs(span)} vs ${secs(floor)} → ${(span / floor).toFixed(2)}×`,
            "≤ 1.3×",
            span / floor <= 1.3,
          );
          row(
            `  requests per record (${api})`,
            `${(op.length / ZONE_N).toFixed(3)} (${op.length} for ${ZONE_N})`,
            "≤ 1.01",
            op.length / ZONE_N <= 1.01,
          );
        }
        row(`  whole \`pulumi up\` wall time (both zones, engine start included)`, secs(up.ms));
        await destroy(p, emu, "step Z1");
      } finally {
        await emu.close();
      }
    },
    60 * 60_000,
  );

  test(
    `step Z2: ZoneRecords of ${BIG_N} records per API — no-op preview and up, refresh, one change, state`,
    async () => {
      const emu = await emulators();
      try {
        const p = await stackOn(emu, "zone10k", 0, 0, { zoneRows: String(BIG_N) });
        const setup = await timed(p, emu, ["up", "--yes", "--skip-preview"]);
        note(`step Z2 setup: up of ${BIG_N}+${BIG_N} records: ${secs(setup.ms)}, ${setup.log.length} requests (${histogram(setup.log)})`);
        row(
          `ZoneRecords up creating ${BIG_N}+${BIG_N} records, 0 ms latency (setup)`,
          `${secs(setup.ms)}, ${(setup.log.length / (2 * BIG_N)).toFixed(3)} requests/record`,
        );

        const preview = await timed(p, emu, ["preview"]);
        measured.zonePreview = preview.ms;
        note(`step Z2 no-op preview: ${secs(preview.ms)}, ${preview.log.length} requests`);
        row(
          `no-op preview of ${BIG_N}-record zones (both APIs)`,
          `${secs(preview.ms)}, ${preview.log.length} requests, ${preview.log.filter(isWrite).length} writes`,
          "≤ 1 listing/zone, 0 writes, ≤ 10 s",
          preview.log.filter(isWrite).length === 0 && preview.ms <= 10_000,
        );
        const noop = await timed(p, emu, ["up", "--yes", "--skip-preview"]);
        note(`step Z2 no-op up: ${secs(noop.ms)}, ${noop.log.length} requests (${histogram(noop.log)})`);
        row(
          `no-op up of ${BIG_N}-record zones`,
          `${secs(noop.ms)}, ${noop.log.length} requests, ${noop.log.filter(isWrite).length} writes`,
          "≤ 1 listing/zone, 0 writes, ≤ 10 s",
          noop.log.filter(isWrite).length === 0 && noop.ms <= 10_000,
        );

        const refresh = await timed(p, emu, ["refresh", "--yes", "--skip-preview"]);
        const listings = (api: string, op: string) =>
          new Set(refresh.log.filter((e) => e.api === api && e.op === op && Number(e.params.offset ?? 0) === 0).map(zoneOf)).size === 1
            ? refresh.log.filter((e) => e.api === api && e.op === op && Number(e.params.offset ?? 0) === 0).length
            : -1;
        const w = listings("wedos", "dns-rows-list");
        const d = listings("dnspod", "Record.List");
        note(`step Z2 refresh: ${secs(refresh.ms)}, ${refresh.log.length} requests (${histogram(refresh.log)})`);
        row(
          `refresh of ${BIG_N}-record zones: listings per zone (WEDOS / DNSPod)`,
          `${w} / ${d} (${refresh.log.filter((e) => e.op === "Record.List").length} DNSPod pages of 500); ${secs(refresh.ms)}`,
          "1 / 1",
          w === 1 && d === 1,
        );

        const bytes = await checkpointBytes(p);
        row(
          `ZoneRecords state bytes per record, as stored (checkpoint / ${2 * BIG_N} records)`,
          `${(bytes / (2 * BIG_N)).toFixed(0)} B (${bytes} B)`,
          "≤ 150 B",
          bytes / (2 * BIG_N) <= 150,
        );

        await p.config("zoneEdit", String(BIG_N >> 1));
        const edit = await timed(p, emu, ["up", "--yes", "--skip-preview"]);
        const writes = edit.log.filter(isWrite);
        note(`step Z2 one changed ttl: ${secs(edit.ms)}, ${edit.log.length} requests (${histogram(edit.log)})`);
        const wWrites = writes
          .filter((e) => e.api === "wedos")
          .map((e) => e.op)
          .sort();
        const dWrites = writes.filter((e) => e.api === "dnspod").map((e) => e.op);
        row(
          `one changed record in ${BIG_N}-record zones: writes (WEDOS / DNSPod)`,
          `${wWrites.join(" + ")} / ${dWrites.join(" + ")}; ${secs(edit.ms)}`,
          "1 + commit / 1",
          wWrites.join() === "dns-domain-commit,dns-row-update" && dWrites.join() === "Record.Modify",
        );
        await destroy(p, emu, "step Z2");
      } finally {
        await emu.close();
      }
    },
    120 * 60_000,
  );
}
