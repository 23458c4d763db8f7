/**
 * Served DNS under the real Pulumi CLI, both APIs: examples/zone-file (both ZoneRecords with
 * waitUntilServed) against the emulators with one nameserver of each API lagging 3 s, its
 * nameservers in stack config. `up` returns only after the lagging servers serve the change (the
 * publish log shows it); `verify` exits 0 after it, 1 after an out-of-band change (an uncommitted
 * WEDOS row, a DNSPod record changed against the zone file); a lag longer than propagationTimeout
 * fails the `up` naming the server, and the next `up` writes nothing and succeeds.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { request } from "undici";
import { type DnsLogEntry, type DnspodState, type RunningEmulators, startEmulators } from "../../emulator";
import { DnspodClient } from "../../provider/dnspod/client";
import { WedosClient } from "../../provider/wedos/client";
import { EMULATOR_PASSWORD, EMULATOR_TOKEN, EMULATOR_USER, nameserverConfig, PulumiProject, prepareExample } from "./harness";

const CZ = "zonefile-example.cz";
const COM = "zonefile-example.com";
const LAGGING = { wedos: "ns.wedos.com", dnspod: "f1g1ns2.dnspod.net" } as const;

let emu: RunningEmulators;
let p: PulumiProject;
const address = (api: "wedos" | "dnspod") => emu[api].nameservers.find((n) => n.name === LAGGING[api])!.address;
const READS = /^(dns-rows-list|dns-domain-info|dns-domains-list|Record\.List|Domain\.Info|Domain\.List)$/;
const writesSince = (seq: number) =>
  emu
    .log()
    .filter((e) => e.seq > seq && !READS.test(e.op))
    .map((e) => `${e.api}:${e.op}`);
const lastSeq = () => emu.log().at(-1)?.seq ?? 0;

async function dnsLog(): Promise<DnsLogEntry[]> {
  const base = emu.wedos.endpoint.replace(/\/wapi\/json$/, "");
  return (await (await request(`${base}/_emulator/dns-log?rrsets=count`)).body.json()) as DnsLogEntry[];
}

/** When the lagging server of `api` served the zone's newest publish, or undefined if it has not yet. */
async function laggingServed(api: "wedos" | "dnspod", zone: string): Promise<number | undefined> {
  const log = (await dnsLog()).filter((e) => e.api === api && e.zone === zone);
  const newest = Math.max(...log.map((e) => e.serial ?? 0));
  const entry = log.find((e) => e.server === LAGGING[api] && e.serial === newest);
  return entry && Date.parse(entry.time);
}

/** Until both lagging servers serve everything published so far. */
async function lagGone(): Promise<void> {
  while ((await laggingServed("wedos", CZ)) === undefined || (await laggingServed("dnspod", COM)) === undefined)
    await new Promise((r) => setTimeout(r, 250));
}

/** `npx pulumi-dnspod-wedos verify …` as installed, with the README's variables; its exit code and output. */
function verify(args: string[]): Promise<{ code: number; out: string }> {
  const env = {
    PATH: p.env.PATH!,
    WEDOS_USERNAME: EMULATOR_USER,
    WEDOS_WAPI_PASSWORD: EMULATOR_PASSWORD,
    WEDOS_ENDPOINT: emu.wedos.endpoint,
    WEDOS_NAMESERVERS: emu.wedos.nameservers.map((n) => n.address).join(","),
    DNSPOD_LOGIN_TOKEN: EMULATOR_TOKEN,
    DNSPOD_ENDPOINT: emu.dnspod.endpoint,
    DNSPOD_NAMESERVERS: emu.dnspod.nameservers.map((n) => n.address).join(","),
  };
  return new Promise((done) =>
    execFile(join(p.dir, "node_modules/.bin/pulumi-dnspod-wedos"), ["verify", ...args], { cwd: p.dir, env }, (err, stdout, stderr) =>
      done({ code: err ? Number((err as { code?: number }).code ?? 2) : 0, out: stdout + stderr }),
    ),
  );
}

beforeAll(async () => {
  emu = await startEmulators({ dns: { delayMs: { [LAGGING.wedos]: 3000, [LAGGING.dnspod]: 3000 } } });
  p = new PulumiProject(prepareExample("zone-file"));
  await p.ok(["stack", "init", "e2e"]);
  await p.configureEmulators(emu, nameserverConfig(emu));
}, 20 * 60_000);

afterAll(async () => {
  await emu?.close();
});

test("up returns only after the lagging nameservers serve the zones; verify exits 0", async () => {
  const up = await p.ok(["up", "--yes", "--skip-preview"]);
  const returned = Date.now();
  for (const [api, zone] of [
    ["wedos", CZ],
    ["dnspod", COM],
  ] as const) {
    const served = await laggingServed(api, zone);
    expect(served).toBeDefined();
    expect(served!).toBeLessThanOrEqual(returned);
    expect(up).toContain(`waiting 1 s for ${address(api)} to serve the change`);
  }
  expect(up).toMatch(/WEDOS zone zonefile-example\.cz: every nameserver serves the change of 12 record\(s\)/);
  expect(up).toMatch(/DNSPod domain zonefile-example\.com: every nameserver serves the change of 12 record\(s\)/);
  const [w, d] = [await verify(["wedos", CZ]), await verify(["dnspod", COM])];
  expect([w.code, d.code]).toEqual([0, 0]);
  expect(w.out).toContain("asked of 4 nameservers");
});

test("verify exits 1 after an out-of-band change: an uncommitted WEDOS row is not served; a DNSPod record differs from the zone file", async () => {
  const wedos = new WedosClient({ username: EMULATOR_USER, password: EMULATOR_PASSWORD, endpoint: emu.wedos.endpoint, format: "json" });
  await wedos.addRow(CZ, { name: "stray", type: "A", ttl: 300, rdata: "192.0.2.66" });
  const w = await verify(["wedos", CZ]);
  expect(w.code).toBe(1);
  // Not served by any of the four: the row is in the API, not committed.
  expect(w.out.match(/stray\.zonefile-example\.cz\s+A\s+192\.0\.2\.66/g)).toHaveLength(4);
  await wedos.deleteRow(CZ, (await wedos.listRows(CZ)).find((r) => r.name === "stray")!.ID);
  await wedos.commit(CZ);

  const dnspod = new DnspodClient({ loginToken: EMULATOR_TOKEN, endpoint: emu.dnspod.endpoint });
  const domain = (emu.hub.state().dnspod as DnspodState).domains.find((x) => x.name === COM)!;
  const www = domain.records.find((r) => r.subDomain === "www" && r.type === "A")!;
  const setWww = (value: string) =>
    dnspod.modifyRecord(String(domain.id), String(www.id), {
      sub_domain: "www",
      record_type: "A",
      record_line: "default",
      value,
      ttl: 600,
    });
  await setWww("192.0.2.99");
  const d = await verify(["dnspod", COM, "--zone-file", "example.zone"]);
  expect(d.code).toBe(1);
  expect(d.out).toMatch(/www\.zonefile-example\.com\s+A\s+192\.0\.2\.10\s+192\.0\.2\.99/);
  await setWww("192.0.2.10");
  await lagGone();
  expect((await verify(["dnspod", COM, "--zone-file", "example.zone"])).code).toBe(0);
});

test("a lag longer than propagationTimeout fails the up naming the server; the next up writes nothing and succeeds", async () => {
  await lagGone();
  await p.config("wedos:propagationTimeout", "1");
  await p.config("dnspod:propagationTimeout", "1");
  await p.config("extraHosts", "1");
  const failed = await p.run(["up", "--yes", "--skip-preview"]);
  expect(failed.code).not.toBe(0);
  const out = failed.stdout + failed.stderr;
  for (const [api, zone] of [
    ["wedos", CZ],
    ["dnspod", COM],
  ] as const) {
    const label = api === "wedos" ? `WEDOS zone ${zone}` : `DNSPod domain ${zone}`;
    expect(out).toContain(`${label}: the change is written but a nameserver does not serve it after 1 s:`);
    expect(out).toContain(`${address(api)}:\n`);
    expect(out).toMatch(new RegExp(`host-0\\.${zone.replace(/\./g, "\\.")} A: answers nothing`));
  }
  // The written records are in the state, with what is not yet served.
  const state = JSON.parse(await p.exportState()) as { deployment: { resources: { urn: string; outputs?: Record<string, unknown> }[] } };
  const marker = (name: string) => state.deployment.resources.find((r) => r.urn.endsWith(`::${name}`))!.outputs!.notYetServed;
  expect([marker("cz-records"), marker("com-records")]).toEqual([[`+host-0.${CZ} A 198.51.100.0`], [`+host-0.${COM} A 198.51.100.0`]]);

  await lagGone();
  await p.ok(["config", "rm", "wedos:propagationTimeout"]);
  await p.ok(["config", "rm", "dnspod:propagationTimeout"]);
  const seq = lastSeq();
  await p.ok(["up", "--yes", "--skip-preview"]);
  expect(writesSince(seq)).toEqual([]);
  expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
});

test("destroy waits until the records are no longer served, then removes the zones", async () => {
  const out = await p.ok(["destroy", "--yes", "--skip-preview"]);
  expect(out).toMatch(/WEDOS zone zonefile-example\.cz: every nameserver serves the change of 13 record\(s\)/);
});
