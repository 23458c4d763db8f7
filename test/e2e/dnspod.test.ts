/**
 * The dnspod example stack under the real Pulumi engine against the DNSPod emulator: plans with
 * no API calls, in-place updates of every record field, refresh of out-of-band changes, disables
 * and deletes, a domain lock with its code and the token kept out of state, check failures with
 * zero API calls, an interrupted `up`, and destroy. Then a second stack of the same project on
 * DNSPod China (the emulator's dnsapi.cn site): 默认 and Chinese lines written, no changes after up
 * or refresh, "default" and "默认" the same line.
 */
import { type DnspodState, type RunningEmulators, startEmulators } from "../../emulator";
import { DnspodClient } from "../../provider/dnspod/client";
import { PulumiProject, prepareExample } from "./harness";

const TOKEN = "10000,emulator-token";
const DOMAIN = "pulumi-example.com";

let emu: RunningEmulators;
let p: PulumiProject;
let client: DnspodClient;

const dstate = () => emu.hub.state().dnspod as DnspodState;
const domain = (name = DOMAIN) => dstate().domains.find((d) => d.name === name);
const userRecords = () => domain()!.records.filter((r) => !r.hold);
const record = (sub: string, type?: string) => userRecords().find((r) => r.subDomain === sub && (!type || r.type === type));
const rows = () =>
  userRecords()
    .map(
      (r) => `${r.subDomain} ${r.type} ${r.line} ${r.ttl}${r.type === "MX" ? ` ${r.mx}` : ""} ${r.value}${r.enabled ? "" : " (disabled)"}`,
    )
    .sort();
const changes = (plan: Record<string, string>) => Object.fromEntries(Object.entries(plan).filter(([, op]) => op !== "same"));
const dnspodCalls = () => emu.log().filter((e) => e.api === "dnspod");
const LOCK_URN = "urn:pulumi:e2e::dnspod-zone::pulumi-nodejs:dynamic/dnspod:DomainLock::lock";
const domainId = () => String(domain()!.id);

beforeAll(async () => {
  emu = await startEmulators();
  p = new PulumiProject(prepareExample("dnspod-zone"));
  await p.ok(["stack", "init", "e2e"]);
  await p.config("dnspod:endpoint", emu.dnspod.endpoint);
  await p.config("dnspod:loginToken", TOKEN, true);
  client = new DnspodClient({ loginToken: TOKEN, endpoint: emu.dnspod.endpoint });
}, 20 * 60_000);

afterAll(async () => {
  await emu?.close();
});

const ALL = ["domain", "apex", "web", "mail", "spf", "docs", "web-us", "staging", "share", "alias"];
const DECLARED = [
  "@ A default 600 192.0.2.20",
  "@ MX default 600 10 mx1.pulumi-example.com.",
  "@ TXT default 600 v=spf1 mx -all",
  "docs CNAME default 600 www.pulumi-example.com.",
  "geo A US 600 192.0.2.30",
  "staging A default 600 192.0.2.40 (disabled)",
];

test("preview of a new stack plans every create and calls no API", async () => {
  const plan = await p.plan();
  expect(Object.keys(plan).sort()).toEqual([...ALL].sort());
  expect(new Set(Object.values(plan))).toEqual(new Set(["create"]));
  expect(dnspodCalls()).toEqual([]);
});

test("up creates the domain, its records, the share and the alias; a second preview shows no changes", async () => {
  const out = await p.ok(["up", "--yes", "--skip-preview"]);
  expect(out).toMatch(/\+ 11 created/);
  expect(domain()).toMatchObject({
    remark: "managed by Pulumi (examples/dnspod-zone)",
    isMark: "yes",
    searchenginePush: "no",
    groupId: 1,
    status: "enable",
  });
  expect(rows()).toEqual([...DECLARED, "www A default 600 192.0.2.10"].sort());
  expect(record("geo")!.remark).toBe("US visitors");
  expect(domain()!.shares).toEqual([{ email: "friend@example.com", mode: "r", subDomain: "" }]);
  expect(domain()!.aliases.map((a) => a.domain)).toEqual([`alias-${DOMAIN}`]);
  const before = dnspodCalls().length;
  const again = await p.run(["preview", "--expect-no-changes"]);
  expect(again.stdout + again.stderr).not.toMatch(/error:/);
  expect(again.code).toBe(0);
  expect(changes(await p.plan())).toEqual({});
  // No-op previews write nothing.
  expect(
    dnspodCalls()
      .slice(before)
      .filter((e) => !/\.(List|Info|Lockstatus)$/.test(e.op)),
  ).toEqual([]);
});

test("a ttl change previews as an update of that record only and applies in place", async () => {
  await p.config("webTtl", "1200");
  expect(changes(await p.plan())).toEqual({ web: "update" });
  const id = record("www")!.id;
  await p.ok(["up", "--yes", "--skip-preview"]);
  expect(record("www")).toMatchObject({ id, ttl: 1200, value: "192.0.2.10" });
});

test("a subDomain change and a type change are in-place updates (Record.Modify, same id)", async () => {
  const id = record("www")!.id;
  await p.config("webName", "web");
  expect(changes(await p.plan())).toEqual({ web: "update" });
  let mark = dnspodCalls().length;
  await p.ok(["up", "--yes", "--skip-preview"]);
  expect(record("web")).toMatchObject({ id, type: "A", ttl: 1200 });
  expect(record("www")).toBeUndefined();
  expect(
    dnspodCalls()
      .slice(mark)
      .map((e) => e.op),
  ).toContain("Record.Modify");
  expect(
    dnspodCalls()
      .slice(mark)
      .map((e) => e.op),
  ).not.toContain("Record.Create");

  await p.config("webType", "AAAA");
  expect(changes(await p.plan())).toEqual({ web: "update" });
  mark = dnspodCalls().length;
  await p.ok(["up", "--yes", "--skip-preview"]);
  expect(userRecords().filter((r) => r.subDomain === "web")).toEqual([
    expect.objectContaining({ id, type: "AAAA", value: "2001:db8::10", ttl: 1200 }),
  ]);
  expect(
    dnspodCalls()
      .slice(mark)
      .map((e) => e.op),
  ).toContain("Record.Modify");
  expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
});

test("refresh finds an out-of-band change and the next up undoes it", async () => {
  const r = record("web")!;
  await client.modifyRecord(domainId(), String(r.id), {
    sub_domain: "web",
    record_type: "AAAA",
    record_line: "default",
    value: "2001:db8::99",
    ttl: 900,
  });
  await p.ok(["refresh", "--yes", "--skip-preview"]);
  expect(changes(await p.plan())).toEqual({ web: "update" });
  await p.ok(["up", "--yes", "--skip-preview"]);
  expect(record("web")).toMatchObject({ id: r.id, ttl: 1200, value: "2001:db8::10" });
});

test("an out-of-band disable shows as drift and is re-enabled", async () => {
  const r = record("@", "A")!;
  await client.setRecordStatus(domainId(), String(r.id), "disable");
  await p.ok(["refresh", "--yes", "--skip-preview"]);
  expect(changes(await p.plan())).toEqual({ apex: "update" });
  await p.ok(["up", "--yes", "--skip-preview"]);
  expect(record("@", "A")).toMatchObject({ id: r.id, enabled: true });
  expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
});

test("an out-of-band delete is dropped by refresh and recreated by up", async () => {
  const r = record("@", "TXT")!;
  await client.removeRecord(domainId(), String(r.id));
  const refresh = await p.ok(["refresh", "--yes", "--skip-preview"]);
  expect(refresh).toMatch(/1 deleted/);
  expect(changes(await p.plan())).toEqual({ spf: "create" });
  await p.ok(["up", "--yes", "--skip-preview"]);
  expect(rows()).toContain("@ TXT default 600 v=spf1 mx -all");
  expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
});

test(
  "a lock keeps its code and the token out of state, blocks record changes, and unlocks when removed",
  async () => {
    await p.config("lock", "true");
    expect(changes(await p.plan())).toEqual({ lock: "create" });
    await p.ok(["up", "--yes", "--skip-preview"]);
    const code = domain()!.lock?.code;
    expect(code).toBeTruthy();
    const exported = await p.exportState();
    expect(exported).toContain("pulumi-nodejs:dynamic/dnspod:DomainLock");
    expect(exported).not.toContain("emulator-token");
    expect(exported).not.toContain(code);
    for (const file of p.stateFiles()) {
      expect(file).not.toContain("emulator-token");
      expect(file).not.toContain(code);
    }

    await p.config("webTtl", "1800");
    const failed = await p.run(["up", "--yes", "--skip-preview"]);
    expect(failed.code).not.toBe(0);
    expect(failed.stdout + failed.stderr).toMatch(/DomainLock/);
    expect(record("web")!.ttl).toBe(1200);

    // The engine deletes removed resources after updating the others, so while the record change
    // is pending the unlock goes first on its own (what the README tells users to do).
    await p.config("lock", "false");
    await p.ok(["up", "--yes", "--skip-preview", "--target", LOCK_URN]);
    expect(domain()!.lock).toBeUndefined();
    expect(record("web")!.ttl).toBe(1200);
    const unlocked = await p.run(["up", "--yes", "--skip-preview"]);
    expect(unlocked.stdout + unlocked.stderr).not.toMatch(/error:/);
    expect(unlocked.code).toBe(0);
    expect(record("web")!.ttl).toBe(1800);
    expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
  },
  6 * 60_000,
);

test("a bad input fails preview with the check message and no API call", async () => {
  await p.config("webTtl", "0");
  let before = emu.log().length;
  let r = await p.run(["preview"]);
  expect(r.code).not.toBe(0);
  expect(r.stdout + r.stderr).toMatch(/ttl must be at least 1/);
  expect(emu.log().slice(before)).toEqual([]);
  await p.config("webTtl", "1800");

  await p.config("mxPriority", "30");
  before = emu.log().length;
  r = await p.run(["preview"]);
  expect(r.code).not.toBe(0);
  expect(r.stdout + r.stderr).toMatch(/mx must be 1–20 \(DNSPod code 30\)\. Fix: use 1–20/);
  expect(emu.log().slice(before)).toEqual([]);
  await p.config("mxPriority", "10");
});

test(
  "an up killed midway re-runs to the declared state with no duplicates",
  async () => {
    await p.config("extraHosts", "40");
    emu.hub.latencyMs = 40;
    const creates = () => dnspodCalls().filter((e) => e.op === "Record.Create").length;
    const start = creates();
    const child = p.spawn(["up", "--yes", "--skip-preview"]);
    const exited = new Promise((r) => child.once("exit", r));
    let killed = false;
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (creates() - start >= 12) {
          killed = true;
          p.kill(); // the CLI and its plugins (each in a process group of its own)
        }
        if (killed) {
          clearInterval(t);
          resolve();
        }
      }, 20);
      void exited.then(() => {
        clearInterval(t);
        resolve();
      });
    });
    await exited;
    expect(killed).toBe(true);
    emu.hub.latencyMs = 0;
    // What a pipeline does after a killed run: release the stale lock, run again.
    const recovered = await p.recoverAfterKill();
    process.stderr.write(`killed up: ${recovered}\n`);
    const mark = dnspodCalls().length;
    const rerun = await p.run(["up", "--yes", "--skip-preview"]);
    // Records the killed run created but never checkpointed come back as 104 and are adopted.
    const adopted = dnspodCalls()
      .slice(mark)
      .filter((e) => e.op === "Record.Create" && e.code === "104").length;
    process.stderr.write(`dnspod e2e: killed up re-run adopted ${adopted} record(s) through the journal\n`);
    expect(rerun.stderr + rerun.stdout).not.toMatch(/error:/);
    expect(rerun.code).toBe(0);
    const keys = userRecords().map((r) => `${r.subDomain} ${r.type} ${r.line} ${r.value}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(userRecords().filter((r) => r.subDomain.startsWith("host-"))).toHaveLength(40);
    expect(rows().filter((r) => !r.startsWith("host-"))).toEqual([...DECLARED, "web AAAA default 1800 2001:db8::10"].sort());
    expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
  },
  6 * 60_000,
);

test("destroy leaves the emulator with no domains", async () => {
  await p.ok(["destroy", "--yes", "--skip-preview"]);
  expect(dstate().domains).toEqual([]);
});

describe("a second stack on dnsapi.cn (the emulator's China site)", () => {
  let cn: RunningEmulators;
  const cnState = () => cn.hub.state().dnspod as DnspodState;
  const cnRows = () =>
    cnState()
      .domains.find((d) => d.name === DOMAIN)!
      .records.filter((r) => !r.hold)
      .map((r) => `${r.subDomain} ${r.type} ${r.line} ${r.value}`)
      .sort();

  beforeAll(async () => {
    cn = await startEmulators({ dnspod: { site: "cn" } });
    await p.ok(["stack", "init", "e2e-cn"]);
    await p.config("dnspod:endpoint", cn.dnspod.endpoint);
    await p.config("dnspod:loginToken", TOKEN, true);
    // The loopback endpoint does not show the site, so it is named.
    await p.config("dnspod:site", "cn");
    await p.config("geoLine", "电信");
    await p.config("apexLine", "默认");
  }, 5 * 60_000);

  afterAll(async () => {
    await cn?.close();
  });

  test(
    'up writes record_line=默认 and 电信; preview and refresh show no changes; "default" and "默认" are the same line; destroy',
    async () => {
      await p.ok(["up", "--yes", "--skip-preview"]);
      const creates = cn.log().filter((e) => e.api === "dnspod" && e.op === "Record.Create");
      expect(creates.map((e) => `${e.params.sub_domain} ${e.params.record_type} ${e.params.record_line}`).sort()).toEqual([
        "@ A 默认",
        "@ MX 默认",
        "@ TXT 默认",
        "docs CNAME 默认",
        "geo A 电信",
        "staging A 默认",
        "www A 默认",
      ]);
      // The emulator keeps the default line as "default" and 电信 as its line id.
      expect(cnRows()).toEqual([
        "@ A default 192.0.2.20",
        "@ MX default mx1.pulumi-example.com.",
        "@ TXT default v=spf1 mx -all",
        "docs CNAME default www.pulumi-example.com.",
        "geo A 10=0 192.0.2.30",
        "staging A default 192.0.2.40",
        "www A default 192.0.2.10",
      ]);
      expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
      const refreshed = await p.run(["refresh", "--yes", "--skip-preview", "--expect-no-changes"]);
      expect(refreshed.stdout + refreshed.stderr).not.toMatch(/error:/);
      expect(refreshed.code).toBe(0);
      for (const apexLine of ["default", "Default"]) {
        await p.config("apexLine", apexLine);
        expect(changes(await p.plan())).toEqual({});
      }
      const writes = cn.log().filter((e) => e.api === "dnspod" && !/\.(List|Info|Lockstatus)$/.test(e.op)).length;
      expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
      expect(cn.log().filter((e) => e.api === "dnspod" && !/\.(List|Info|Lockstatus)$/.test(e.op))).toHaveLength(writes);
      await p.ok(["destroy", "--yes", "--skip-preview"]);
      expect(cnState().domains).toEqual([]);
    },
    6 * 60_000,
  );
});
