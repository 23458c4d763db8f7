/**
 * examples/yaml-zone — a Pulumi YAML program using both native plugins — under the real engine:
 * the plugins installed from the tarballs `make plugins` builds, provider config from stack config
 * (secrets as secrets, never in state), up with exact writes, a no-op preview with none, drift seen
 * by refresh and undone by up, a one-record edit previewed as that record only, and destroy.
 */
import { join } from "node:path";
import { type DnspodState, type RunningEmulators, startEmulators, type WedosState } from "../../emulator";
import { DnspodClient } from "../../provider/dnspod/client";
import { WedosClient } from "../../provider/wedos/client";
import { type PulumiProject, ROOT } from "./harness";
import { changedRecords, expectNoSecretsInState, PASSWORD, TOKEN, USER, yamlProject } from "./plugin-harness";

const CZ = "yaml-example.cz";
const COM = "yaml-example.com";
const READS = /^(dns-rows-list|dns-domain-info|dns-domains-list|Record\.List|Record\.Type|Domain\.Info|Domain\.List|Domain\.Lockstatus)$/;

let emu: RunningEmulators;
let p: PulumiProject;
let wedosApi: WedosClient;
let dnspodApi: DnspodClient;

const zone = () => (emu.hub.state().wedos as WedosState).domains.find((d) => d.name === CZ);
const domain = () => (emu.hub.state().dnspod as DnspodState).domains.find((d) => d.name === COM);
const wedosRows = () =>
  zone()!
    .rows.filter((r) => r.rdtype !== "NS")
    .map((r) => `${r.name || "@"} ${r.rdtype} ${r.ttl} ${r.rdata}`)
    .sort();
const dnspodRecords = () =>
  domain()!
    .records.filter((r) => !r.hold)
    .map((r) => `${r.subDomain} ${r.type} ${r.ttl} ${r.type === "MX" ? `${r.mx} ` : ""}${r.value}`)
    .sort();
const lastSeq = () => emu.log().at(-1)?.seq ?? 0;
const writes = (seq: number) =>
  emu
    .log()
    .filter((e) => e.seq > seq && !READS.test(e.op))
    .map((e) => `${e.api}:${e.op}`)
    .sort();
const count = (list: string[], op: string) => list.filter((w) => w === op).length;

const WEDOS_DECLARED = (web: string) =>
  [
    `@ A 300 ${web}`,
    "www CNAME 300 yaml-example.cz",
    "@ MX 3600 10 mail.yaml-example.cz",
    "@ TXT 300 v=spf1 mx -all",
    "_sip._tcp SRV 300 10 5 5060 sip.yaml-example.cz",
    "mail A 3600 192.0.2.25",
  ].sort();
const DNSPOD_DECLARED = (web: string) =>
  [
    `@ A 600 ${web}`,
    "www CNAME 600 yaml-example.com.",
    "@ MX 3600 10 mail.yaml-example.com.",
    "@ TXT 600 v=spf1 mx -all",
    "mail A 3600 192.0.2.25",
  ].sort();

beforeAll(async () => {
  emu = await startEmulators();
  p = await yamlProject({ dir: join(ROOT, "examples/yaml-zone") }, emu);
  wedosApi = new WedosClient({ username: USER, password: PASSWORD, endpoint: emu.wedos.endpoint, format: "json" });
  dnspodApi = new DnspodClient({ loginToken: TOKEN, endpoint: emu.dnspod.endpoint });
}, 10 * 60_000);

afterAll(async () => {
  await emu?.close();
});

test("preview of the new stack plans every resource of both plugins and writes nothing", async () => {
  expect(await p.plan()).toEqual({
    cz: "create",
    czRecords: "create",
    czMail: "create",
    com: "create",
    comRecords: "create",
    comMail: "create",
  });
  expect(writes(0)).toEqual([]);
});

test(
  "up creates both zones with one write per record; the config's secrets reach the plugins and never the state",
  async () => {
    const seq = lastSeq();
    await p.ok(["up", "--yes", "--skip-preview"]);
    const w = writes(seq);
    expect([
      count(w, "wedos:dns-domain-add"),
      count(w, "wedos:dns-row-add"),
      count(w, "dnspod:Domain.Create"),
      count(w, "dnspod:Record.Create"),
    ]).toEqual([1, 6, 1, 5]);
    expect(w.filter((x) => !/dns-domain-add|dns-row-add|dns-domain-commit|Domain\.Create|Record\.Create/.test(x))).toEqual([]);
    expect(wedosRows()).toEqual(WEDOS_DECLARED("192.0.2.10"));
    expect(dnspodRecords()).toEqual(DNSPOD_DECLARED("192.0.2.10"));
    const outputs = JSON.parse(await p.ok(["stack", "output", "--json"])) as Record<string, unknown>;
    expect(outputs).toMatchObject({ wedosRecordCount: 5, dnspodRecordCount: 4, mailFqdn: "mail.yaml-example.cz" });
    // The invoke read the zone after every record was written: the rows as WAPI lists them.
    expect(
      (outputs.wedosRows as { name: string; type: string; ttl: number; rdata: string }[])
        .filter((r) => r.type !== "NS")
        .map((r) => `${r.name || "@"} ${r.type} ${r.ttl} ${r.rdata}`)
        .sort(),
    ).toEqual(WEDOS_DECLARED("192.0.2.10"));
    expect(outputs.dnspodRecordTypes).toEqual(expect.arrayContaining(["A", "MX", "TXT"]));
    expectNoSecretsInState(p);
    const providers = (
      JSON.parse(await p.exportState()) as { deployment: { resources: { type: string; inputs?: Record<string, unknown> }[] } }
    ).deployment.resources.filter((r) => r.type.startsWith("pulumi:providers:"));
    expect(providers.map((r) => [r.type, Object.keys(r.inputs!).sort()]).sort()).toEqual([
      ["pulumi:providers:dnspod", ["endpoint", "loginToken"]],
      ["pulumi:providers:wedos", ["endpoint", "requestsPerHour", "username", "wapiPassword"]],
    ]);
  },
  5 * 60_000,
);

test("the next preview shows no changes and writes nothing", async () => {
  const seq = lastSeq();
  expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
  expect(writes(seq)).toEqual([]);
});

test(
  "drift made out of band shows after refresh, and up undoes exactly it",
  async () => {
    const www = zone()!.rows.find((r) => r.name === "www")!;
    await wedosApi.updateRow(CZ, String(www.ID), 7200, www.rdata);
    await wedosApi.deleteRow(CZ, String(zone()!.rows.find((r) => r.name === "mail")!.ID));
    await wedosApi.commit(CZ);
    const txt = domain()!.records.find((r) => r.type === "TXT")!;
    await dnspodApi.modifyRecord(String(domain()!.id), String(txt.id), {
      sub_domain: "@",
      record_type: "TXT",
      record_line: "default",
      value: txt.value,
      ttl: 1200,
    });
    // Unseen until a refresh: the stack still believes its state.
    expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
    await p.ok(["refresh", "--yes", "--skip-preview"]);
    expect(await p.plan()).toEqual({ czRecords: "update", czMail: "create", comRecords: "update" });
    expect(changedRecords(await p.ok(["preview", "--diff"]), false)).toEqual(["~ www CNAME yaml-example.cz", "~ @ TXT v=spf1 mx -all"]);
    const seq = lastSeq();
    await p.ok(["up", "--yes", "--skip-preview"]);
    expect(writes(seq).filter((x) => x !== "wedos:dns-domain-commit")).toEqual([
      "dnspod:Record.Modify",
      "wedos:dns-row-add",
      "wedos:dns-row-update",
    ]);
    expect(wedosRows()).toEqual(WEDOS_DECLARED("192.0.2.10"));
    expect(dnspodRecords()).toEqual(DNSPOD_DECLARED("192.0.2.10"));
    expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
  },
  5 * 60_000,
);

test(
  "a one-record edit previews as that record only, and up writes only it",
  async () => {
    await p.config("webAddress", "192.0.2.99");
    expect(changedRecords(await p.ok(["preview", "--diff"]))).toEqual([
      "- @ A 192.0.2.10",
      "+ @ A 192.0.2.99",
      "- @ A 192.0.2.10",
      "+ @ A 192.0.2.99",
    ]);
    const seq = lastSeq();
    await p.ok(["up", "--yes", "--skip-preview"]);
    // DNSPod changes the value in place (one publish switches it: no moment without an answer).
    expect(writes(seq)).toEqual(["dnspod:Record.Modify", "wedos:dns-domain-commit", "wedos:dns-row-add", "wedos:dns-row-delete"]);
    expect(wedosRows()).toEqual(WEDOS_DECLARED("192.0.2.99"));
    expect(dnspodRecords()).toEqual(DNSPOD_DECLARED("192.0.2.99"));
  },
  5 * 60_000,
);

test(
  "destroy removes the records and the zones; no state file ever held a secret",
  async () => {
    await p.ok(["destroy", "--yes", "--skip-preview"]);
    expect(zone()).toBeUndefined();
    expect(domain()).toBeUndefined();
    expectNoSecretsInState(p);
  },
  5 * 60_000,
);
