/**
 * The built `pulumi-dnspod-wedos verify` against both emulators and their nameservers, as CI runs
 * it after `pulumi up`: exit 0 when every nameserver serves what the API holds, 1 after an
 * out-of-band change that is not served yet or with a lagging server (the table and --json say
 * which), 2 for a zone the account lacks, an API that cannot be reached, or bad usage.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { request } from "undici";
import { DnspodClient } from "../../provider/dnspod/client";
import type { VerifyReport } from "../../provider/verify/report";
import { WedosClient } from "../../provider/wedos/client";
import { formatZoneFile } from "../../provider/zonefile";
import * as seed from "../fixtures/export/seed";
import { DNSPOD_TOKEN, useEmulators, WEDOS_PASSWORD, WEDOS_USER } from "../helpers/emulators";

const CLI = resolve(__dirname, "../../dist/provider/export/cli.js");
const h = useEmulators({ dnspod: { accountGrade: "DP_Plus" } });

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string>): Promise<Result> {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (b: Buffer) => (stdout += b.toString()));
  child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
  return new Promise((done) => child.once("close", (code) => done({ code, stdout, stderr })));
}

const wedosEnv = () => ({ WEDOS_USERNAME: WEDOS_USER, WEDOS_WAPI_PASSWORD: WEDOS_PASSWORD, WEDOS_ENDPOINT: h.emu.wedos.endpoint });
const dnspodEnv = () => ({ DNSPOD_LOGIN_TOKEN: DNSPOD_TOKEN, DNSPOD_ENDPOINT: h.emu.dnspod.endpoint });
const servers = (api: "wedos" | "dnspod") => h.emu[api].nameservers.map((n) => n.address).join(",");
const wedos = () => new WedosClient({ username: WEDOS_USER, password: WEDOS_PASSWORD, endpoint: h.emu.wedos.endpoint, format: "json" });
const delay = (ms: Record<string, number>) =>
  request(`${h.emu.dnspod.endpoint}/_emulator/dns-delay`, { method: "POST", body: JSON.stringify({ ms }) }).then((r) => r.body.dump());

afterEach(() => delay({}));

test("WEDOS: 0 after a clean state; 1 with an uncommitted row, on every server; 0 once committed", async () => {
  await seed.seedWedos(h.emu.wedos.endpoint, WEDOS_USER, WEDOS_PASSWORD);
  const clean = await cli(["verify", "wedos", "example.cz", "--nameservers", servers("wedos")], wedosEnv());
  const [a, b, c, d] = h.emu.wedos.nameservers.map((n) => n.address);
  expect(clean).toEqual({
    code: 0,
    stderr: "",
    stdout: [
      `WEDOS example.cz: 30 RRsets from WEDOS (dns-rows-list), asked of 4 nameservers`,
      `${a}: agrees`,
      `${b}: agrees`,
      `${c}: agrees`,
      `${d}: agrees`,
      "All 4 nameservers serve what WEDOS (dns-rows-list) holds.",
      "",
    ].join("\n"),
  });

  await wedos().addRow("example.cz", { name: "late", type: "TXT", ttl: 300, rdata: "out of band" });
  const differing = await cli(["verify", "wedos", "example.cz", "--nameservers", servers("wedos")], wedosEnv());
  expect(differing.code).toBe(1);
  expect(differing.stdout.split("\n").slice(1, 4)).toEqual([
    `${a}: 1 difference`,
    "  NAME             TYPE  EXPECTED       SERVED",
    // The zone's wildcard (* A) makes the name exist: it has no TXT yet.
    '  late.example.cz  TXT   "out of band"  nothing (NODATA)',
  ]);
  expect(differing.stdout).toContain("4 of 4 nameservers differ from WEDOS (dns-rows-list).");

  await wedos().commit("example.cz");
  expect((await cli(["verify", "wedos", "example.cz", "--nameservers", servers("wedos")], wedosEnv())).code).toBe(0);
});

test("WEDOS: a lagging server is the one that differs (--json), the servers named by WEDOS_NAMESERVERS", async () => {
  await seed.seedWedos(h.emu.wedos.endpoint, WEDOS_USER, WEDOS_PASSWORD);
  await delay({ "ns.wedos.cz": 3_600_000 });
  const w = wedos();
  const row = (await w.listRows("example.cz")).find((r) => r.name === "www" && r.rdtype === "A")!;
  await w.updateRow("example.cz", row.ID, 300, "192.0.2.99");
  await w.commit("example.cz");
  const r = await cli(["verify", "wedos", "example.cz", "--json"], { ...wedosEnv(), WEDOS_NAMESERVERS: servers("wedos") });
  expect([r.code, r.stderr]).toEqual([1, ""]);
  const report = JSON.parse(r.stdout) as VerifyReport;
  expect(report.nameservers.map((n) => n.agree)).toEqual([true, true, false, true]);
  expect(report.nameservers[2]).toEqual({
    server: h.emu.wedos.nameservers[2]!.address,
    address: h.emu.wedos.nameservers[2]!.address,
    agree: false,
    differences: [
      {
        name: "www.example.cz",
        type: "A",
        expected: ["192.0.2.99"],
        absent: [],
        served: ["192.0.2.10"],
        answer: "192.0.2.10",
        missing: ["192.0.2.99"],
        unexpected: ["192.0.2.10"],
      },
    ],
  });
  expect([report.agree, report.rrsets, report.queries, report.notVerified]).toEqual([false, 30, 120, []]);
});

test("DNSPod: 0 when served (other lines and URL forwarding listed as not verified); 1 while a server lags", async () => {
  const id = await seed.seedDnspod(h.emu.dnspod.endpoint, DNSPOD_TOKEN);
  const clean = await cli(["verify", "dnspod", "example.com", "--nameservers", servers("dnspod")], dnspodEnv());
  expect([clean.code, clean.stderr]).toEqual([0, ""]);
  expect(clean.stdout.split("\n").filter((l) => l.startsWith("Not verified"))).toEqual([
    "Not verified: 2 records on DNSPod lines other than the default (US, search_engine): only resolvers DNSPod places on those lines get them",
    "Not verified: 1 URL record (go): URL forwarding is HTTP, not DNS data; the name answers A with DNSPod's forwarding servers",
  ]);

  await delay({ "f1g1ns2.dnspod.net": 3_600_000 });
  await new DnspodClient({ loginToken: DNSPOD_TOKEN, endpoint: h.emu.dnspod.endpoint }).createRecord(id, {
    sub_domain: "_acme-challenge",
    record_type: "TXT",
    record_line: "default",
    value: "token-1",
    ttl: 600,
  });
  const lagging = await cli(["verify", "dnspod", id, "--nameservers", servers("dnspod")], dnspodEnv());
  expect(lagging.code).toBe(1);
  const [, second] = h.emu.dnspod.nameservers.map((n) => n.address);
  expect(lagging.stdout).toContain(
    `${second}: 1 difference\n  NAME                         TYPE  EXPECTED   SERVED\n  _acme-challenge.example.com  TXT   "token-1"  nothing (NXDOMAIN)\n`,
  );
});

test("a zone file: 0 when the nameservers serve it, 1 for a record they do not; no API call with the servers named", async () => {
  await seed.seedWedos(h.emu.wedos.endpoint, WEDOS_USER, WEDOS_PASSWORD);
  const dir = mkdtempSync(join(tmpdir(), "pdw-verify-"));
  const file = join(dir, "example.cz.zone");
  const records = [
    { name: "www", type: "A", ttl: 300, rdata: "192.0.2.10" },
    { name: "", type: "AAAA", ttl: 300, rdata: "2001:db8::10" },
    { name: "", type: "NS", ttl: 3600, rdata: "ns1.elsewhere.net." },
  ];
  writeFileSync(file, formatZoneFile("example.cz", records));
  const before = h.emu.log().length;
  const ok = await cli(["verify", "wedos", "example.cz", "--zone-file", file, "--nameservers", servers("wedos")], {});
  expect([ok.code, ok.stderr]).toEqual([0, ""]);
  expect(ok.stdout).toContain(`Not verified: zone file ${file}: its SOA and NS records at the apex (1 record): the service serves its own`);
  expect(h.emu.log().length).toBe(before);
  writeFileSync(file, formatZoneFile("example.cz", [...records, { name: "new", type: "A", ttl: 300, rdata: "192.0.2.77" }]));
  const differs = await cli(["verify", "wedos", "example.cz", "--zone-file", file, "--nameservers", servers("wedos")], {});
  expect(differs.code).toBe(1);
  // The zone's wildcard (* A 192.0.2.11) answers for the name the nameservers do not have.
  expect(differs.stdout).toContain("  new.example.cz  A     192.0.2.77  192.0.2.11");
});

test("2: a zone the account lacks, an API that cannot be reached, bad usage; --help is 0", async () => {
  const missing = await cli(["verify", "wedos", "nothere.cz", "--nameservers", servers("wedos")], wedosEnv());
  expect([missing.code, missing.stdout]).toEqual([2, ""]);
  expect(missing.stderr).toMatch(
    /^pulumi-dnspod-wedos verify: WEDOS dns-domain-info zone "nothere.cz": the zone is not in this account's WEDOS DNS\. Fix: check the name/,
  );
  const down = await cli(["verify", "dnspod", "example.com"], {
    ...dnspodEnv(),
    DNSPOD_ENDPOINT: "http://127.0.0.1:9",
    DNSPOD_TIMEOUT_MS: "2000",
  });
  // The read is retried (the lines before say so), then the error is the last line.
  expect([down.code, down.stdout, down.stderr.trimEnd().split("\n").pop()]).toEqual([
    2,
    "",
    'pulumi-dnspod-wedos verify: DNSPod: Domain.Info domain "example.com": no response from the API (connect ECONNREFUSED 127.0.0.1:9). Check the endpoint and the network; the request is retried automatically.',
  ]);
  const creds = await cli(["verify", "wedos", "example.cz"], {});
  expect([creds.code, creds.stderr]).toEqual([
    2,
    "pulumi-dnspod-wedos verify: WEDOS: WEDOS_USERNAME and WEDOS_WAPI_PASSWORD are not set; the verify command reads credentials from the environment only (the stack config wedos:username and wedos:wapiPassword have no effect here). Fix: export WEDOS_USERNAME=… WEDOS_WAPI_PASSWORD=… (see pulumi-dnspod-wedos verify --help)\n",
  ]);
  for (const [args, message] of [
    [["verify"], 'verify needs an API: "wedos" or "dnspod"'],
    [["verify", "route53", "example.com"], 'unknown API "route53"; use "wedos" or "dnspod"'],
    [
      ["verify", "wedos", "example.cz", "--nameservers", "ns1:0"],
      '--nameservers: "ns1:0" is not a nameserver; write host[:port], e.g. ns1.example.net, 192.0.2.53:5353 or [2001:db8::53]:53',
    ],
    [["verify", "wedos", "example.cz", "--format", "zone"], "Unknown option '--format'."],
  ] as const) {
    const r = await cli([...args], {});
    expect([r.code, r.stderr.split("\n")[0]]).toEqual([2, `pulumi-dnspod-wedos verify: ${message}`]);
  }
  const help = await cli(["verify", "--help"], {});
  expect([help.code, help.stdout.split("\n")[0]]).toEqual([
    0,
    "Usage: pulumi-dnspod-wedos verify wedos <zone> [--zone-file FILE] [--nameservers LIST] [--json]",
  ]);
});
