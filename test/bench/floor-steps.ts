/**
 * The floors of `make bench`, measured in the same run as the rows they are floors of:
 *   F1. the engine with a plugin that does nothing (noop-plugin.ts), 1,000 resources with the inputs
 *       of dnspod.Record, in Pulumi YAML (beside the native Record rows) and in TypeScript (beside
 *       the dynamic ones): `up`, no-op preview, state per resource;
 *   F2. the ZoneRecords rows' floors: a bare undici loop making a create's requests (bare-loop.ts),
 *       and the engine alone previewing do-nothing resources with the 10,000-record input;
 * and, last, every row as a ratio to its floor.
 */
import { WRITES_AT_ONCE } from "../../provider/zone/run";
import { yamlProject } from "../e2e/plugin-harness";
import { bareDnspod, bareWedos } from "./bare-loop";
import { checkpointBytes, emulators, LATENCY, measured, N, note, P, row, secs, stackOn, timed } from "./lib";
import { installNoop } from "./noop-build";
import { BIG_N, ZONE_N } from "./zone-steps";

/** The native Record step's program with every resource a do-nothing one: two parents, N records. */
function yamlProgram(n: number): string {
  const lines = [
    "name: bench-floor",
    "runtime: yaml",
    "resources:",
    "  zone: { type: noop:index:Zone, properties: { domainId: bench.cz, records: [] } }",
    "  domain: { type: noop:index:Zone, properties: { domainId: bench.com, records: [] } }",
  ];
  for (let i = 0; i < n; i++) {
    const parent = i % 2 ? "domain" : "zone";
    lines.push(
      `  r${i}: { type: noop:index:Record, properties: { domainId: "\${${parent}.id}", subDomain: host-${i >> 1}, recordType: A, value: "198.51.${100 + (i >> 9)}.${(i >> 1) & 255}" } }`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** up, no-op preview and checkpoint bytes of a project already configured. */
async function measure(p: Parameters<typeof timed>[0], emu: Parameters<typeof timed>[1], what: string, resources: number) {
  const up = await timed(p, emu, ["up", "--yes", "--skip-preview", "--parallel", String(P)]);
  const preview = await timed(p, emu, ["preview", "--parallel", String(P)]);
  const bytes = await checkpointBytes(p);
  note(`step F1 ${what}: up ${secs(up.ms)}, no-op preview ${secs(preview.ms)}, checkpoint ${bytes} B for ${resources} resources`);
  return { up: up.ms, preview: preview.ms, state: bytes / resources };
}

export function floorSteps(): void {
  test(
    `step F1: the engine floor — ${N} do-nothing resources with dnspod.Record's inputs, YAML and TypeScript`,
    async () => {
      const emu = await emulators();
      try {
        const yaml = await yamlProject({ yaml: yamlProgram(N) }, emu);
        await installNoop(yaml);
        const y = await measure(yaml, emu, "YAML", N);
        Object.assign(measured, { floorYamlUp: y.up, floorYamlPreview: y.preview, floorYamlState: y.state });
        row(
          `engine floor (do-nothing plugin, Pulumi YAML): ${N} resources, --parallel ${P}`,
          `up ${secs(y.up)}, no-op preview ${secs(y.preview)}, ${y.state.toFixed(0)} B state/resource`,
        );
        await yaml.ok(["stack", "rm", "--yes", "--force"]);

        const ts = await stackOn(emu, "floor", 0, 0, { noopRecords: String(N) });
        await installNoop(ts);
        const t = await measure(ts, emu, "TypeScript", N);
        Object.assign(measured, { floorTsUp: t.up, floorTsPreview: t.preview, floorTsState: t.state });
        row(
          `engine floor (do-nothing plugin, TypeScript program): ${N} resources, --parallel ${P}`,
          `up ${secs(t.up)}, no-op preview ${secs(t.preview)}, ${t.state.toFixed(0)} B state/resource`,
        );
        await ts.ok(["stack", "rm", "--yes", "--force"]);
      } finally {
        await emu.close();
      }
    },
    60 * 60_000,
  );

  test(
    `step F2: the ZoneRecords floors — a bare loop creating ${ZONE_N} records at ${LATENCY} ms, the engine alone previewing ${BIG_N}-record inputs`,
    async () => {
      for (const [api, bare] of [
        ["wedos", bareWedos],
        ["dnspod", bareDnspod],
      ] as const) {
        const emu = await emulators();
        try {
          emu.hub.latencyMs = LATENCY;
          measured[`bare-${api}`] = await bare(emu, ZONE_N, WRITES_AT_ONCE);
          note(`step F2 bare loop ${api}: ${ZONE_N} records, ${WRITES_AT_ONCE} at once, ${LATENCY} ms: ${secs(measured[`bare-${api}`]!)}`);
        } finally {
          await emu.close();
        }
      }
      const emu = await emulators();
      try {
        const p = await stackOn(emu, "floor-zone", 0, 0, { noopZoneRows: String(BIG_N) });
        await installNoop(p);
        const setup = await timed(p, emu, ["up", "--yes", "--skip-preview"]);
        const preview = await timed(p, emu, ["preview"]);
        measured.floorZonePreview = preview.ms;
        note(`step F2 engine alone: up ${secs(setup.ms)}, no-op preview ${secs(preview.ms)} of 2 × ${BIG_N}-record do-nothing resources`);
        row(
          `engine alone: no-op preview of do-nothing resources with the ${BIG_N}-record inputs (both zones)`,
          `${secs(preview.ms)} (up ${secs(setup.ms)})`,
        );
        await p.ok(["stack", "rm", "--yes", "--force"]);
      } finally {
        await emu.close();
      }
    },
    60 * 60_000,
  );

  test("ratios to the floors", () => {
    const ratio = (label: string, value: string, floor: string, target?: number) => {
      const [v, f] = [measured[value], measured[floor]];
      if (v === undefined || f === undefined) return row(label, `not measured (${v === undefined ? value : floor} missing)`);
      const r = v / f;
      const fmt = (x: number, key: string) => (/State/.test(key) ? `${x.toFixed(0)} B` : secs(x));
      row(label, `${fmt(v, value)} / ${fmt(f, floor)} = ${r.toFixed(2)}×`, target ? `≤ ${target}×` : "—", target ? r <= target : undefined);
    };
    ratio(`native Record up of ${N} / engine floor (YAML)`, "nativeUp", "floorYamlUp", 1.2);
    ratio(`native Record no-op preview / engine floor (YAML)`, "nativePreview", "floorYamlPreview");
    ratio(`native Record state per record / engine floor's per resource`, "nativeState", "floorYamlState");
    ratio(`dynamic Record up of ${N} / engine floor (TypeScript)`, "dynamicUp", "floorTsUp", 1.5);
    ratio(`dynamic Record no-op preview / engine floor (TypeScript)`, "dynamicPreview", "floorTsPreview");
    ratio(`dynamic Record state per record / engine floor's per resource`, "dynamicState", "floorTsState");
    ratio(`ZoneRecords create of ${ZONE_N}, WEDOS / bare loop`, "zoneSpan-wedos", "bare-wedos", 1.3);
    ratio(`ZoneRecords create of ${ZONE_N}, DNSPod (intl) / bare loop`, "zoneSpan-dnspod", "bare-dnspod", 1.3);
    ratio(`no-op preview of ${BIG_N}-record zones / engine alone`, "zonePreview", "floorZonePreview", 1.3);
  });
}
