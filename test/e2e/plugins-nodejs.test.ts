/**
 * The native plugins from a second language: a TypeScript program (the Node.js language host) that
 * names the resources by their type tokens — no dynamic provider, no generated SDK. Up, no changes,
 * destroy, under the real CLI.
 */
import { join } from "node:path";
import { type DnspodState, type RunningEmulators, startEmulators, type WedosState } from "../../emulator";
import { PulumiProject, prepareExample, ROOT } from "./harness";
import { pluginProject } from "./plugin-harness";

let emu: RunningEmulators;
let p: PulumiProject;

beforeAll(async () => {
  emu = await startEmulators();
  p = await pluginProject(new PulumiProject(prepareExample(join(ROOT, "test/fixtures/native-ts-stack"))), emu);
}, 20 * 60_000);

afterAll(async () => {
  await emu?.close();
});

test(
  "up creates through both plugins, the next preview shows no changes, destroy removes everything",
  async () => {
    await p.ok(["up", "--yes", "--skip-preview"]);
    expect(JSON.parse(await p.ok(["stack", "output", "--json"]))).toEqual({ zoneStatus: "active", recordCount: 2, grade: "DP_Free" });
    const zone = () => (emu.hub.state().wedos as WedosState).domains.find((d) => d.name === "ts-native.cz");
    expect(
      zone()!
        .rows.filter((r) => r.rdtype !== "NS")
        .map((r) => `${r.name || "@"} ${r.rdtype} ${r.rdata}`)
        .sort(),
    ).toEqual(["@ MX 10 mail.ts-native.cz", "www A 192.0.2.10"]);
    expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
    const types = (JSON.parse(await p.exportState()) as { deployment: { resources: { type: string }[] } }).deployment.resources.map(
      (r) => r.type,
    );
    expect(types.filter((t) => t.startsWith("pulumi-nodejs:dynamic"))).toEqual([]);
    await p.ok(["destroy", "--yes", "--skip-preview"]);
    expect(zone()).toBeUndefined();
    expect((emu.hub.state().dnspod as DnspodState).domains).toEqual([]);
  },
  10 * 60_000,
);
