/**
 * The native-plugin rows of `make bench`, beside the dynamic ones of the same run: the same 1,000
 * records declared in Pulumi YAML through the plugins (`pulumi-resource-wedos`/`-dnspod`, built by
 * scripts/build-plugins.sh), as 1,000 Record resources at BENCH_LATENCY_MS with --parallel P, and
 * as one ZoneRecords per API. Figures: `up` wall time and state bytes per record as stored.
 */
import { yamlProject } from "../e2e/plugin-harness";
import { checkpointBytes, emulators, histogram, LATENCY, measured, N, note, P, row, secs, timed } from "./lib";

const host = (i: number) => `198.51.${100 + (i >> 8)}.${i & 255}`;

/** A YAML program of `half` WEDOS rows and `half` DNSPod records, as Record resources or one ZoneRecords per API. */
function program(half: number, zoneRecords: boolean): string {
  const lines = [
    "name: bench-native",
    "runtime: yaml",
    "resources:",
    "  zone: { type: wedos:index:Domain, properties: { name: bench.cz } }",
    "  domain: { type: dnspod:index:Domain, properties: { domain: bench.com } }",
  ];
  if (zoneRecords) {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Pulumi YAML interpolation, not a template
    lines.push("  rows:", "    type: wedos:index:ZoneRecords", "    properties:", "      domain: ${zone.name}", "      records:");
    for (let i = 0; i < half; i++) lines.push(`        - { name: host-${i}, type: A, rdata: "${host(i)}" }`);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Pulumi YAML interpolation, not a template
    lines.push("  records:", "    type: dnspod:index:ZoneRecords", "    properties:", "      domainId: ${domain.id}", "      records:");
    for (let i = 0; i < half; i++) lines.push(`        - { subDomain: host-${i}, recordType: A, value: "${host(i)}" }`);
  } else {
    for (let i = 0; i < half; i++) {
      lines.push(
        `  w${i}: { type: wedos:index:Record, properties: { domain: "\${zone.name}", name: host-${i}, type: A, rdata: "${host(i)}" } }`,
      );
      lines.push(
        `  d${i}: { type: dnspod:index:Record, properties: { domainId: "\${domain.id}", subDomain: host-${i}, recordType: A, value: "${host(i)}" } }`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

export function nativeSteps(): void {
  test.each([
    ["Record resources", false],
    ["ZoneRecords", true],
  ] as const)(
    `step N: native plugins (Pulumi YAML), ${N} records as %s at ${LATENCY} ms latency, --parallel ${P}`,
    async (what, zoneRecords) => {
      const emu = await emulators();
      try {
        const half = Math.floor(N / 2);
        const p = await yamlProject({ yaml: program(half, zoneRecords) }, emu);
        emu.hub.latencyMs = LATENCY;
        const up = await timed(p, emu, ["up", "--yes", "--skip-preview", "--parallel", String(P)]);
        emu.hub.latencyMs = 0;
        const bytes = await checkpointBytes(p);
        if (!zoneRecords) {
          // For the ratios to the engine floor (floor-steps.ts).
          const preview = await timed(p, emu, ["preview", "--parallel", String(P)]);
          Object.assign(measured, { nativeUp: up.ms, nativePreview: preview.ms, nativeState: bytes / (2 * half) });
          note(`step N (${what}): no-op preview ${secs(preview.ms)}`);
        }
        note(
          `step N (${what}): up of ${half}+${half} records: ${secs(up.ms)}, ${up.log.length} requests (${histogram(up.log)}); checkpoint ${bytes} B`,
        );
        row(
          `native plugins: up of ${2 * half} records as ${what}, ${LATENCY} ms, --parallel ${P}`,
          `${secs(up.ms)} (${(up.log.length / (2 * half)).toFixed(2)} requests/record)`,
        );
        row(`native plugins: state bytes per record as stored (${what})`, `${(bytes / (2 * half)).toFixed(0)} B (${bytes} B)`);
        await p.ok(["stack", "rm", "--yes", "--force"]);
      } finally {
        await emu.close();
      }
    },
    60 * 60_000,
  );
}
