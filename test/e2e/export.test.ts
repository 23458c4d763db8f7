/**
 * Bringing an existing zone under management, end to end: zones filled through the APIs as other
 * tools would, `pulumi-dnspod-wedos export … --format ts` run from the installed package, its
 * program run as it is by the real engine — `pulumi up` adopts every record with zero write calls,
 * and the next preview shows no changes.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { DNSPOD_RECORDS, WEDOS_ROWS } from "../fixtures/export/live";
import { seedDnspod, seedWedos } from "../fixtures/export/seed";
import { EMULATOR_PASSWORD, EMULATOR_TOKEN, EMULATOR_USER, PulumiProject, prepareExample, ROOT } from "./harness";

const USER = EMULATOR_USER;
const PASSWORD = EMULATOR_PASSWORD;
const TOKEN = EMULATOR_TOKEN;
const READS = /^(dns-rows-list|dns-domain-info|dns-domains-list|Record\.List|Domain\.Info|Domain\.List)$/;

let emu: RunningEmulators;
let p: PulumiProject;

/** The installed bin, as `npx pulumi-dnspod-wedos …` runs it, with only the README's variables. */
function exported(args: string[]): Promise<string> {
  const env = {
    PATH: p.env.PATH!,
    WEDOS_USERNAME: USER,
    WEDOS_WAPI_PASSWORD: PASSWORD,
    WEDOS_ENDPOINT: emu.wedos.endpoint,
    DNSPOD_LOGIN_TOKEN: TOKEN,
    DNSPOD_ENDPOINT: emu.dnspod.endpoint,
  };
  return new Promise((resolve, reject) =>
    execFile(join(p.dir, "node_modules/.bin/pulumi-dnspod-wedos"), args, { cwd: p.dir, env }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
    ),
  );
}

beforeAll(async () => {
  emu = await startEmulators({ dnspod: { accountGrade: "DP_Plus" } });
  await seedWedos(emu.wedos.endpoint, USER, PASSWORD);
  await seedDnspod(emu.dnspod.endpoint, TOKEN);
  p = new PulumiProject(prepareExample(join(ROOT, "test/fixtures/export-stack")));
  await p.ok(["stack", "init", "e2e"]);
  await p.configureEmulators(emu);
}, 20 * 60_000);

afterAll(async () => {
  await emu?.close();
});

test(
  "the exported programs adopt both zones with zero write calls; the next preview shows no changes",
  async () => {
    const before = emu.log().length;
    // One program may import both modules: the two printed programs, one after the other.
    const program =
      (await exported(["export", "wedos", "example.cz", "--format", "ts"])) +
      "\n" +
      (await exported(["export", "dnspod", "example.com", "--format", "ts"]));
    expect(
      emu
        .log()
        .slice(before)
        .filter((e) => !READS.test(e.op)),
    ).toEqual([]);
    writeFileSync(join(p.dir, "index.ts"), program);
    const up = emu.log().length;
    const out = await p.ok(["up", "--yes", "--skip-preview"]);
    expect(out).toMatch(/\+ 3 created/); // the stack and the two ZoneRecords
    expect(
      emu
        .log()
        .slice(up)
        .filter((e) => !READS.test(e.op))
        .map((e) => `${e.api} ${e.op}`),
    ).toEqual([]);
    const outputs = JSON.parse(await p.ok(["stack", "export"])) as {
      deployment: { resources: { type: string; outputs?: { recordCount?: number; unmanaged?: string[] } }[] };
    };
    const zone = (t: string) => outputs.deployment.resources.find((r) => r.type === `pulumi-nodejs:dynamic/${t}:ZoneRecords`)!.outputs!;
    // WEDOS keeps its own apex NS; everything else is declared, nothing left unmanaged.
    expect(zone("wedos")).toMatchObject({ recordCount: WEDOS_ROWS.length - 4, unmanaged: [] });
    expect(zone("dnspod")).toMatchObject({ recordCount: DNSPOD_RECORDS.length, unmanaged: [] });
    const preview = emu.log().length;
    expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
    expect(
      emu
        .log()
        .slice(preview)
        .filter((e) => !READS.test(e.op)),
    ).toEqual([]);
  },
  20 * 60_000,
);
