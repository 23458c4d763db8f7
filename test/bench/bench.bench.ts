/**
 * `make bench`: one run, against the emulators, with the real Pulumi CLI (file backend). Prints one
 * markdown table (metric | figure | target | met?) with the raw numbers beside it, and writes it to
 * .tools/bench.md. Not part of `make test`.
 *
 * Steps (sequential; each on a fresh emulator and its own stack, destroyed at the end of the step):
 *   1. refresh of a 1,000-record zone per API: list calls per zone, total calls per API
 *   2. writes during a no-op up of that stack
 *   3. bytes of state per record, __provider size
 *   4. dns-domain-commit count for an up creating 50 rows in one WEDOS zone
 *   5+6. wall time of an up of 1,000 records at 20 ms latency with --parallel 64 vs N·L/P,
 *        and peak RSS of the dynamic-provider process(es) during it
 *   Z1–Z2. the same questions for ZoneRecords (zone-steps.ts), ZC on dnsapi.cn through its batch
 *        actions (batch-steps.ts), ZS the cost of waitUntilServed (served-steps.ts), and N for
 *        the native plugins (native-steps.ts: Pulumi YAML, Record resources and ZoneRecords)
 *   F1–F2. the floors, in the same run: the engine with a do-nothing plugin, a bare request loop,
 *        and every row above as a ratio to its floor (floor-steps.ts)
 *
 * Env knobs: BENCH_N (records per API in step 1, default 1000; step 5 uses BENCH_N/2 per API),
 * BENCH_PARALLEL (default 64), BENCH_LATENCY_MS (default 20), BENCH_CONTROL=0 skips the
 * 0-latency control run of step 5; BENCH_SKIP_CHECKPOINTS=1 runs the engine without intermediate
 * checkpoints; stacks are removed with --force unless BENCH_DESTROY=1 (destroying
 * 2,000 records one by one takes the engine most of an hour).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { prepareExample, ROOT, toolchainDescription } from "../e2e/harness";
import { batchSteps } from "./batch-steps";
import { floorSteps } from "./floor-steps";
import {
  CONTROL,
  checkpointBytes,
  destroy,
  emulators,
  FIXTURE,
  histogram,
  isWrite,
  LATENCY,
  measured,
  N,
  note,
  P,
  raw,
  row,
  rows,
  runSampled,
  secs,
  stackOn,
  timed,
  useProject,
} from "./lib";
import { nativeSteps } from "./native-steps";
import { servedSteps } from "./served-steps";
import { zoneSteps } from "./zone-steps";

// ---- the bench ----------------------------------------------------------------------------

const benchStart = performance.now();

beforeAll(() => {
  for (const tool of toolchainDescription()) note(`toolchain: ${tool}`);
  const t0 = performance.now();
  useProject(prepareExample(FIXTURE));
  note(`prepare (npm pack + npm install of the fixture): ${secs(performance.now() - t0)}`);
}, 30 * 60_000);

afterAll(() => {
  row("total bench wall time", secs(performance.now() - benchStart));
  const table = [
    `## pulumi-dnspod-wedos bench (${new Date().toISOString()})`,
    "",
    "| metric | figure | target | met? |",
    "|---|---|---|---|",
    ...rows.map((r) => `| ${r.metric} | ${r.figure} | ${r.target} | ${r.met} |`),
    "",
    "Raw numbers:",
    "",
    ...raw.map((s) => `- ${s}`),
    "",
  ].join("\n");
  mkdirSync(join(ROOT, ".tools"), { recursive: true });
  writeFileSync(join(ROOT, ".tools/bench.md"), table);
  process.stdout.write(`\n${table}\n`);
});

test(
  `steps 1–3: ${N} WEDOS rows + ${N} DNSPod records — refresh list calls, no-op writes, state size`,
  async () => {
    const emu = await emulators();
    try {
      const p = await stackOn(emu, "big", N, N);

      const up = await timed(p, emu, ["up", "--yes", "--skip-preview", "--parallel", String(P)]);
      note(
        `step 1 setup: up of ${N} WEDOS rows + ${N} DNSPod records (+2 zones), --parallel ${P}, 0 ms latency: ${secs(up.ms)}, ${up.log.length} requests (${histogram(up.log)})`,
      );
      row(`up of ${N}+${N} records, 0 ms latency, --parallel ${P} (setup)`, secs(up.ms));

      // 1. refresh
      const rf = await timed(p, emu, ["refresh", "--yes", "--skip-preview", "--parallel", String(P)]);
      const w = rf.log.filter((e) => e.api === "wedos");
      const d = rf.log.filter((e) => e.api === "dnspod");
      const wLists = new Map<string, number>();
      for (const e of w.filter((e) => e.op === "dns-rows-list")) {
        const zone = String(e.params.domain ?? e.params.name ?? "?");
        wLists.set(zone, (wLists.get(zone) ?? 0) + 1);
      }
      const dPages = new Map<string, number>();
      const dListings = new Map<string, number>();
      for (const e of d.filter((e) => e.op === "Record.List")) {
        const zone = String(e.params.domain_id ?? e.params.domain ?? "?");
        dPages.set(zone, (dPages.get(zone) ?? 0) + 1);
        if (Number(e.params.offset ?? 0) === 0) dListings.set(zone, (dListings.get(zone) ?? 0) + 1);
      }
      const wMax = Math.max(0, ...wLists.values());
      const dMax = Math.max(0, ...dListings.values());
      const dPagesMax = Math.max(0, ...dPages.values());
      note(
        `step 1 refresh: ${secs(rf.ms)}; WEDOS ${w.length} requests (${histogram(w)}); dns-rows-list per zone ${JSON.stringify(Object.fromEntries(wLists))}`,
      );
      note(
        `step 1 refresh: DNSPod ${d.length} requests (${histogram(d)}); Record.List listings (offset 0) per domain ` +
          `${JSON.stringify(Object.fromEntries(dListings))}, raw Record.List requests per domain ${JSON.stringify(Object.fromEntries(dPages))}`,
      );
      row(`refresh: WEDOS dns-rows-list per zone (${N}-row zone)`, `${wMax}`, "≤ 3", wMax <= 3);
      row(
        `refresh: DNSPod Record.List listings per domain (${N}-record domain)`,
        `${dMax} (${dPagesMax} raw requests, 500/page)`,
        "≤ 3 listings",
        dMax <= 3,
      );
      row("refresh: total WEDOS calls", `${w.length}`);
      row("refresh: total DNSPod calls", `${d.length}`);
      row("refresh wall time", secs(rf.ms));

      // 2. no-op up
      const noop = await timed(p, emu, ["up", "--yes", "--skip-preview", "--parallel", String(P)]);
      const writes = noop.log.filter(isWrite);
      note(
        `step 2 no-op up: ${secs(noop.ms)}, ${noop.log.length} requests (${histogram(noop.log)}); writes: ${writes.length}${writes.length ? ` (${histogram(writes)})` : ""}`,
      );
      row("no-op up: write calls", `${writes.length} (of ${noop.log.length} requests)`, "0", writes.length === 0);
      row("no-op up wall time", secs(noop.ms));

      // 3. state size
      const exported = await p.exportState();
      const doc = JSON.parse(exported) as {
        deployment: { resources: { type: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }[] };
      };
      const recs = doc.deployment.resources.filter((r) => /dynamic\/(wedos|dnspod):Record$/.test(r.type));
      const len = (v: unknown) => (v === undefined ? 0 : typeof v === "string" ? v.length : JSON.stringify(v).length);
      const provLen = len(recs[0]?.inputs?.__provider);
      let withProv = 0;
      let withoutProv = 0;
      let provTotal = 0;
      for (const r of recs) {
        withProv += JSON.stringify(r).length;
        const { __provider: pi, ...inputs } = r.inputs ?? {};
        const { __provider: po, ...outputs } = r.outputs ?? {};
        provTotal += len(pi) + len(po);
        withoutProv += JSON.stringify({ ...r, inputs, outputs }).length;
      }
      const bytes = Buffer.byteLength(exported);
      const perRecord = bytes / recs.length;
      const provDistinct = new Set(recs.map((r) => JSON.stringify(r.inputs?.__provider))).size;
      const stored = await checkpointBytes(p);
      note(
        `step 3 state: stack export ${bytes} B for ${recs.length} Record resources (${doc.deployment.resources.length} ` +
          `resources in all) = ${perRecord.toFixed(0)} B/record; checkpoint file(s) ${stored} B`,
      );
      note(
        `step 3 state: compact JSON of the Record resources ${withProv} B (${(withProv / recs.length).toFixed(0)} ` +
          `B/record), of which __provider (inputs+outputs) ${provTotal} B; without __provider ${withoutProv} B ` +
          `(${(withoutProv / recs.length).toFixed(0)} B/record); __provider of one record (inputs) ${provLen} chars; ` +
          `${provDistinct} distinct __provider value(s)`,
      );
      // What the backend stores is the checkpoint file (compact JSON); the export is pretty-printed.
      const storedPerRecord = stored / recs.length;
      measured.dynamicState = storedPerRecord;
      row(
        "state bytes per record, as stored (checkpoint file / records)",
        `${storedPerRecord.toFixed(0)} B (${stored} B / ${recs.length})`,
        "≤ 4 KB",
        storedPerRecord <= 4096,
      );
      row("state bytes per record, `pulumi stack export` (pretty-printed)", `${perRecord.toFixed(0)} B (${bytes} B / ${recs.length})`);
      row("__provider string length of one record", `${provLen} B`, "≤ 2 KB", provLen <= 2048);
      row("state bytes per record excluding __provider (compact JSON)", `${(withoutProv / recs.length).toFixed(0)} B`);

      await destroy(p, emu, "steps 1–3");
    } finally {
      await emu.close();
    }
  },
  120 * 60_000,
);

test(
  "step 4: commits for an up creating 50 rows in one WEDOS zone",
  async () => {
    const emu = await emulators();
    try {
      const p = await stackOn(emu, "commit", 50, 0);
      const up = await timed(p, emu, ["up", "--yes", "--skip-preview", "--parallel", String(P)]);
      const commits = up.log.filter((e) => e.op === "dns-domain-commit");
      note(`step 4: up of 50 WEDOS rows (+ zone): ${secs(up.ms)}, ${up.log.length} requests (${histogram(up.log)})`);
      row("commits for an up creating 50 rows in one zone", `${commits.length}`, "1–2", commits.length >= 1 && commits.length <= 2);
      await destroy(p, emu, "step 4");
    } finally {
      await emu.close();
    }
  },
  30 * 60_000,
);

test(
  `steps 5–6: up of ${N} records at ${LATENCY} ms latency, --parallel ${P}; provider RSS`,
  async () => {
    const half = Math.floor(N / 2);
    const n = half * 2;
    const floorMs = (n * LATENCY) / P;

    const run = async (latency: number) => {
      const emu = await emulators();
      try {
        const p = await stackOn(emu, `lat${latency}`, half, half);
        emu.hub.latencyMs = latency;
        const from = emu.log().length;
        const r = await runSampled(p, ["up", "--yes", "--skip-preview", "--parallel", String(P)]);
        const log = emu.log().slice(from);
        if (r.code !== 0) throw new Error(`up exited ${r.code}\n${r.stdout.slice(-5000)}\n${r.stderr.slice(-5000)}`);
        emu.hub.latencyMs = 0;
        // The no-op preview of the same stack, for the ratio to the engine floor (floor-steps.ts).
        if (latency === LATENCY) measured.dynamicPreview = (await timed(p, emu, ["preview", "--parallel", String(P)])).ms;
        const first = log.length ? Date.parse(log[0]!.at) : 0;
        const last = log.length ? Date.parse(log.at(-1)!.at) : 0;
        const wCreates = log.filter((e) => e.op === "dns-row-add").length;
        const dCreates = log.filter((e) => e.op === "Record.Create").length;
        note(
          `step 5 (${latency} ms): up of ${half} WEDOS rows + ${half} DNSPod records (+2 zones), --parallel ${P}: ${secs(r.ms)}; ` +
            `${log.length} requests = ${(log.length / n).toFixed(2)} per record (${histogram(log)}); ` +
            `API span first→last request ${secs(last - first)}; request floor (requests·L/P) ${secs((log.length * latency) / P)}; ` +
            `dns-row-add ${wCreates}, Record.Create ${dCreates}`,
        );
        note(
          `step 6 (${latency} ms): dynamic-provider processes seen ${r.pids.size}, peak VmHWM ${(r.peakHwmKb / 1024).toFixed(1)} ` +
            `MB, peak sampled VmRSS ${(r.peakRssKb / 1024).toFixed(1)} MB, ${r.samples} samples`,
        );
        await destroy(p, emu, `step 5 (${latency} ms)`);
        return { ...r, requests: log.length, spanMs: last - first };
      } finally {
        await emu.close();
      }
    };

    const control = CONTROL ? await run(0) : undefined;
    const r = await run(LATENCY);
    measured.dynamicUp = r.ms;
    const ratio = r.ms / floorMs;
    row(
      `up wall time, ${n} records (${half} WEDOS + ${half} DNSPod), ${LATENCY} ms latency, --parallel ${P}`,
      `${secs(r.ms)} vs floor N·L/P = ${n}·${LATENCY}/${P} = ${(floorMs / 1000).toFixed(3)} s → ${ratio.toFixed(1)}×`,
      "≤ 1.3×",
      ratio <= 1.3,
    );
    row(
      `  requests in that up (per record)`,
      `${r.requests} (${(r.requests / n).toFixed(2)}); request floor requests·L/P = ${secs((r.requests * LATENCY) / P)}`,
    );
    if (control)
      row(
        `  same up at 0 ms latency (engine + provider cost)`,
        `${secs(control.ms)}; ${LATENCY} ms latency adds ${secs(r.ms - control.ms)}`,
      );
    row(
      "peak RSS of the provider process during that up",
      `${(r.peakHwmKb / 1024).toFixed(1)} MB VmHWM (${r.pids.size} process(es), ${r.samples} samples)`,
    );
  },
  120 * 60_000,
);

zoneSteps();
batchSteps();
servedSteps();
nativeSteps();
floorSteps();
