/**
 * The built `pulumi-dnspod-wedos` bin against both emulators, as a user runs it: a child process
 * with only the environment variables the README names, exact stdout, exit codes, one-line errors,
 * no secret in any output, and an emulator log of read calls only. The records of a printed
 * program, given to ZoneRecords' check() and create() as `pulumi up` would, cost one listing and
 * not a single write.
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { zoneRecordsResource as dnspodZoneRecords } from "../../provider/dnspod/resources/zone-records";
import { EXPORT_HELP, run } from "../../provider/export/cli";
import { zoneRecordsResource as wedosZoneRecords } from "../../provider/wedos/resources/zone-records";
import { parseZoneFile } from "../../provider/zonefile";
import { DNSPOD_EXPECTED_TS, DNSPOD_RECORDS, WEDOS_EXPECTED_ZONE, WEDOS_ROWS } from "../fixtures/export/live";
import * as seed from "../fixtures/export/seed";
import { DNSPOD_TOKEN, useEmulators, WEDOS_PASSWORD, WEDOS_USER } from "../helpers/emulators";

const CLI = resolve(__dirname, "../../dist/provider/export/cli.js");
const h = useEmulators({ dnspod: { accountGrade: "DP_Plus" } });

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

const outputs: string[] = [];

function exportCli(args: string[], env: Record<string, string>): Promise<Result> {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (b: Buffer) => (stdout += b.toString()));
  child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
  return new Promise((done) =>
    child.once("close", (code) => {
      outputs.push(stdout, stderr);
      done({ code, stdout, stderr });
    }),
  );
}

const wedosEnv = () => ({ WEDOS_USERNAME: WEDOS_USER, WEDOS_WAPI_PASSWORD: WEDOS_PASSWORD, WEDOS_ENDPOINT: h.emu.wedos.endpoint });
const dnspodEnv = () => ({ DNSPOD_LOGIN_TOKEN: DNSPOD_TOKEN, DNSPOD_ENDPOINT: h.emu.dnspod.endpoint });

/** The operations the emulators logged from `since` on, as "api op". */
const opsSince = (since: number) =>
  h.emu
    .log()
    .slice(since)
    .map((e) => `${e.api} ${e.op}`);

/** The header's time, checked to lie within the run, and the text with it replaced by "<now>". */
function stamped(text: string, before: Date, after: Date): { at: Date; text: string } {
  const m = /at (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) by/.exec(text);
  expect(m).not.toBeNull();
  const at = new Date(m![1]!);
  expect(at.getTime()).toBeGreaterThanOrEqual(Math.floor(before.getTime() / 1000) * 1000);
  expect(at.getTime()).toBeLessThanOrEqual(after.getTime());
  return { at, text: text.split(m![1]!).join("<now>") };
}

/** What the library prints for the same command at the same time: the bin is nothing more. */
async function inProcess(args: string[], at: Date): Promise<string> {
  const out: string[] = [];
  expect(await run(args, { stdout: (t) => void out.push(t), stderr: (t) => void out.push(`stderr: ${t}`), now: () => at })).toBe(0);
  return out.join("");
}

/** The `records: [ … ]` of a printed program, evaluated as the JavaScript it also is. */
function recordsOf(program: string): unknown[] {
  const m = /\n {2}records: \[\n([\s\S]*?)\n {2}\],\n/.exec(program);
  expect(m).not.toBeNull();
  return new Function(`return [${m![1]}];`)() as unknown[];
}

const seedWedos = () => seed.seedWedos(h.emu.wedos.endpoint, WEDOS_USER, WEDOS_PASSWORD);
const seedDnspod = () => seed.seedDnspod(h.emu.dnspod.endpoint, DNSPOD_TOKEN);

describe("export wedos", () => {
  beforeEach(seedWedos);

  test("--format zone prints the zone exactly, with read calls only", async () => {
    const mark = h.emu.log().length;
    const before = new Date();
    const r = await exportCli(["export", "wedos", "example.cz"], wedosEnv());
    const { text } = stamped(r.stdout, before, new Date());
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(text).toBe(WEDOS_EXPECTED_ZONE);
    expect(opsSince(mark)).toEqual(["wedos dns-domain-info", "wedos dns-rows-list"]);
    expect(parseZoneFile(r.stdout, "example.cz")).toHaveLength(WEDOS_ROWS.length - 4);
  });

  test("--format ts and the XML wire format print what the library prints; ZoneRecords adopts the records without a write", async () => {
    const mark = h.emu.log().length;
    const before = new Date();
    const ts = await exportCli(["export", "wedos", "example.cz", "--format", "ts"], wedosEnv());
    const xml = await exportCli(["export", "wedos", "example.cz"], {
      ...wedosEnv(),
      WEDOS_ENDPOINT: h.emu.wedos.xmlEndpoint,
      WEDOS_FORMAT: "xml",
    });
    const after = new Date();
    expect([ts.code, ts.stderr, xml.code, xml.stderr]).toEqual([0, "", 0, ""]);
    expect(stamped(xml.stdout, before, after).text).toBe(WEDOS_EXPECTED_ZONE);
    expect(opsSince(mark)).toEqual(["wedos dns-domain-info", "wedos dns-rows-list", "wedos dns-domain-info", "wedos dns-rows-list"]);
    expect(ts.stdout).toBe(await inProcess(["export", "wedos", "example.cz", "--format", "ts"], stamped(ts.stdout, before, after).at));
    expect(ts.stdout).toContain(
      '\nnew wedos.ZoneRecords("example-cz", {\n  domain: "example.cz",\n  records: [\n    { name: "", type: "A", ttl: 300, rdata: "192.0.2.10" },\n',
    );

    const adopt = h.emu.log().length;
    const checked = await wedosZoneRecords.check({}, { domain: "example.cz", records: recordsOf(ts.stdout) });
    expect(checked.failures).toBeUndefined();
    const { id, outs } = await wedosZoneRecords.create(h.wedos, checked.inputs!);
    expect([id, outs.recordCount, outs.unmanaged]).toEqual(["example.cz", WEDOS_ROWS.length - 4, []]);
    expect(opsSince(adopt)).toEqual(["wedos dns-rows-list"]);
  });

  test("an unknown zone: exit 1, one line naming the zone, the account's zones and the fix", async () => {
    const mark = h.emu.log().length;
    const r = await exportCli(["export", "wedos", "nope.cz"], wedosEnv());
    expect(r).toEqual({
      code: 1,
      stdout: "",
      stderr:
        'pulumi-dnspod-wedos: WEDOS dns-domain-info zone "nope.cz": the zone is not in this account\'s WEDOS ' +
        "DNS. Fix: check the name (this account has the zone: example.cz), or the account in WEDOS_USERNAME\n",
    });
    expect(opsSince(mark)).toEqual(["wedos dns-domain-info", "wedos dns-domains-list"]);
  });

  test("wrong password: exit 1, WAPI's code and fix, the variables named, the password nowhere", async () => {
    const r = await exportCli(["export", "wedos", "example.cz"], { ...wedosEnv(), WEDOS_WAPI_PASSWORD: "not-the-password" });
    expect([r.code, r.stdout]).toEqual([1, ""]);
    expect(r.stderr.split("\n")).toHaveLength(2);
    expect(r.stderr).toMatch(
      /^pulumi-dnspod-wedos: WEDOS dns-domain-info zone "example\.cz": code 2050 \(authentication failure.*\. Fix: check wedos:username .* \(this command reads WEDOS_USERNAME and WEDOS_WAPI_PASSWORD\)\n$/,
    );
  });
});

describe("export dnspod", () => {
  let domainId: string;
  beforeEach(async () => {
    domainId = await seedDnspod();
  });

  test("--format ts prints the program exactly, with read calls only; ZoneRecords adopts its records without a write", async () => {
    const mark = h.emu.log().length;
    const before = new Date();
    const r = await exportCli(["export", "dnspod", "example.com", "--format", "ts"], dnspodEnv());
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(stamped(r.stdout, before, new Date()).text).toBe(DNSPOD_EXPECTED_TS(domainId));
    expect(opsSince(mark)).toEqual(["dnspod Domain.Info", "dnspod Record.List"]);

    const adopt = h.emu.log().length;
    const checked = await dnspodZoneRecords.check({}, { domainId, records: recordsOf(r.stdout) });
    expect(checked.failures).toBeUndefined();
    const { id, outs } = await dnspodZoneRecords.create(h.dnspod, checked.inputs!);
    expect([id, outs.recordCount, outs.unmanaged]).toEqual([domainId, DNSPOD_RECORDS.length, []]);
    expect(opsSince(adopt)).toEqual(["dnspod Record.List"]);
  });

  test("--format zone by domain id prints what the library prints; parseZoneFile reads it back", async () => {
    const mark = h.emu.log().length;
    const before = new Date();
    const r = await exportCli(["export", "dnspod", domainId, "-f", "zone"], dnspodEnv());
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(opsSince(mark)).toEqual(["dnspod Domain.Info", "dnspod Record.List"]);
    expect(r.stdout).toBe(await inProcess(["export", "dnspod", domainId, "-f", "zone"], stamped(r.stdout, before, new Date()).at));
    // Every record but the URL forwarding, which a zone file holds only as a comment.
    expect(parseZoneFile(r.stdout, "example.com")).toHaveLength(DNSPOD_RECORDS.length - 1);
  });

  test("an unknown domain: exit 1, one line naming it, the account's domains and the fix", async () => {
    const r = await exportCli(["export", "dnspod", "nope.com"], dnspodEnv());
    expect(r).toEqual({
      code: 1,
      stdout: "",
      stderr:
        'pulumi-dnspod-wedos: DNSPod Domain.Info domain "nope.com": the domain is not in this account. Fix: check ' +
        "the name (this account has the zone: example.com), or the token in DNSPOD_LOGIN_TOKEN\n",
    });
  });
});

describe("without the API", () => {
  test("missing credentials: exit 1 before any request, naming the variables and the config keys", async () => {
    const mark = h.emu.log().length;
    const w = await exportCli(["export", "wedos", "example.cz"], { WEDOS_ENDPOINT: h.emu.wedos.endpoint });
    const d = await exportCli(["export", "dnspod", "example.com"], { DNSPOD_ENDPOINT: h.emu.dnspod.endpoint });
    expect([w.code, w.stdout, d.code, d.stdout]).toEqual([1, "", 1, ""]);
    expect(w.stderr).toBe(
      "pulumi-dnspod-wedos: WEDOS: WEDOS_USERNAME and WEDOS_WAPI_PASSWORD are not set; the export command reads " +
        "credentials from the environment only (the stack config wedos:username and wedos:wapiPassword have no " +
        "effect here). Fix: export WEDOS_USERNAME=… WEDOS_WAPI_PASSWORD=… (see pulumi-dnspod-wedos export --help)\n",
    );
    expect(d.stderr).toMatch(/^pulumi-dnspod-wedos: DNSPod: DNSPOD_LOGIN_TOKEN is not set; .*dnspod:loginToken.*\n$/);
    expect(opsSince(mark)).toEqual([]);
  });

  test("bad usage: exit 2 with the usage; --help: exit 0 with the help", async () => {
    const bad = await exportCli(["export", "wedos", "example.cz", "--format", "yaml"], wedosEnv());
    expect([bad.code, bad.stdout]).toEqual([2, ""]);
    expect(bad.stderr).toMatch(
      /^pulumi-dnspod-wedos: unknown format "yaml"; use one of zone, ts, import, import-records\n\nUsage: pulumi-dnspod-wedos export wedos <zone>/,
    );
    const help = await exportCli(["export", "--help"], {});
    expect(help).toEqual({ code: 0, stdout: EXPORT_HELP, stderr: "" });
    const top = await exportCli([], {});
    expect([top.code, top.stdout, top.stderr.split("\n")[0]]).toEqual([2, "", "pulumi-dnspod-wedos: no command given"]);
  });
});

test("no output of the runs above, successful or not, holds a credential", () => {
  expect(outputs.length).toBe(2 * 13);
  for (const text of outputs)
    for (const secret of [WEDOS_PASSWORD, DNSPOD_TOKEN.split(",")[1]!, "not-the-password"]) expect(text).not.toContain(secret);
});
