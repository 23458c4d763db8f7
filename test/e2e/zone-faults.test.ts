/**
 * ZoneRecords under the real engine when things go wrong: 500 records per API with 20% injected
 * faults, re-run as a pipeline would until green, must end with exactly the declared records (no
 * duplicates, no orphans, none lost) and state that agrees with the zones; an up killed in the
 * middle of its writes, `pulumi cancel`, and `up` again must end the same way.
 */
import { type DnspodState, type LogEntry, type RunningEmulators, startEmulators, type WedosState } from "../../emulator";
import { faultProject, retriedAfterRefusal, stackOn } from "./fault-helpers";
import type { PulumiProject } from "./harness";

const N = 500;
const host = (i: number) => `host-${i} A 198.51.${100 + (i >> 8)}.${i & 255}`;
const declared = (n: number) => Array.from({ length: n }, (_, i) => host(i)).sort();

let emu: RunningEmulators;
let p: PulumiProject;

const wedosZone = () => (emu.hub.state().wedos as WedosState).domains.find((d) => d.name === "zfaults.cz")!;
const dnspodDomain = () => (emu.hub.state().dnspod as DnspodState).domains.find((d) => d.name === "zfaults.com")!;
const wedosRows = () =>
  wedosZone()
    .rows.map((r) => `${r.name} ${r.rdtype} ${r.rdata}`)
    .sort();
const dnspodRecords = () =>
  dnspodDomain()
    .records.filter((r) => !r.hold)
    .map((r) => `${r.subDomain} ${r.type} ${r.value}`)
    .sort();

/** The zones hold exactly `n` declared records, once each, published, and the state knows each id. */
async function expectDeclared(n: number): Promise<void> {
  expect(wedosRows()).toEqual(declared(n));
  expect(dnspodRecords()).toEqual(declared(n));
  expect(wedosZone().published).toEqual(wedosZone().rows);
  const resources = (
    JSON.parse(await p.exportState()) as {
      deployment: { resources: { type: string; outputs?: { records?: Record<string, { rowId?: string; recordId?: string }> } }[] };
    }
  ).deployment.resources;
  const ids = (type: string, field: "rowId" | "recordId") =>
    Object.values(resources.find((r) => r.type === type)!.outputs!.records!)
      .map((v) => v[field]!)
      .sort();
  expect(ids("pulumi-nodejs:dynamic/wedos:ZoneRecords", "rowId")).toEqual(
    wedosZone()
      .rows.map((r) => r.ID)
      .sort(),
  );
  expect(ids("pulumi-nodejs:dynamic/dnspod:ZoneRecords", "recordId")).toEqual(
    dnspodDomain()
      .records.filter((r) => !r.hold)
      .map((r) => String(r.id))
      .sort(),
  );
  expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
}

beforeAll(async () => {
  emu = await startEmulators({ wedos: { requestsPerWindow: 1_000_000, maxRowsPerDomain: 20_000 } });
  p = await stackOn(faultProject(), emu, "zone-faults", {
    wedosRows: "0",
    dnspodRecords: "0",
    zoneRows: String(N),
    "wedos:requestsPerHour": "1000000",
  });
}, 20 * 60_000);

afterAll(() => emu?.close());

test(
  `${N} records per API with 20% injected faults: re-runs converge to exactly the declared zones`,
  async () => {
    const runs: { code: number; log: LogEntry[] }[] = [];
    emu.hub.setFaults({ rate: 0.2, seed: 20261201, holdMs: 2_000 });
    for (let i = 0; i < 30 && runs.at(-1)?.code !== 0; i++) {
      const from = emu.log().length;
      const r = await p.run(["up", "--yes", "--skip-preview"]);
      runs.push({ code: r.code, log: emu.log().slice(from) });
    }
    emu.hub.setFaults(undefined);
    expect(runs.at(-1)!.code).toBe(0);
    await expectDeclared(N);
    for (const run of runs) expect(retriedAfterRefusal(run.log)).toEqual([]);
    const all = runs.flatMap((r) => r.log);
    process.stdout.write(
      `[measure] ZoneRecords ${N}+${N} at 20% faults: ${runs.length} runs (exit codes ${runs.map((r) => r.code).join(",")}), ` +
        `${all.length} requests, ${all.filter((e) => e.fault).length} injected faults\n`,
    );
  },
  40 * 60_000,
);

test(
  "an up killed in the middle of its writes, cancel, up: the declared zones, nothing twice",
  async () => {
    await p.config("zoneRows", String(N + 100));
    emu.hub.latencyMs = 20;
    const adds = () => emu.log().filter((e) => e.op === "dns-row-add" || e.op === "Record.Create").length;
    const start = adds();
    const child = p.spawn(["up", "--yes", "--skip-preview"]);
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (adds() - start >= 60) {
          clearInterval(t);
          p.kill(); // the CLI and its plugins (each in a process group of its own)
          resolve();
        }
      }, 10);
    });
    await new Promise((r) => child.once("exit", r));
    emu.hub.latencyMs = 0;
    const recovered = await p.recoverAfterKill();
    process.stderr.write(`killed up: ${recovered}\n`);
    const rerun = await p.run(["up", "--yes", "--skip-preview"]);
    expect(rerun.code).toBe(0);
    await expectDeclared(N + 100);
  },
  20 * 60_000,
);

test(
  "destroy removes every record and both zones",
  async () => {
    await p.ok(["destroy", "--yes", "--skip-preview"]);
    expect((emu.hub.state().wedos as WedosState).domains).toEqual([]);
    expect((emu.hub.state().dnspod as DnspodState).domains).toEqual([]);
  },
  10 * 60_000,
);
