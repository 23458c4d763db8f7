/**
 * examples/automation-api — a TypeScript Automation API program (LocalWorkspace, inline program)
 * with the packed package's dynamic ZoneRecords and the dnspod plugin's resources — run as a
 * pipeline runs it, one command per step, against the emulators: the provider settings and secrets
 * set through the API (and nowhere else), the plugin downloaded by the engine from a local release
 * page, up, a preview with no changes, drift seen by refresh, destroy.
 */
import { execFile, execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type DnspodState, type RunningEmulators, startEmulators, type WedosState } from "../../emulator";
import { DnspodClient } from "../../provider/dnspod/client";
import { EMULATOR_PASSWORD, EMULATOR_TOKEN, EMULATOR_USER, PulumiProject, prepareExample } from "./harness";
import { expectNoSecretsInState } from "./plugin-harness";
import { type PluginServer, servePlugins } from "./plugin-server";

const ZONE = "automation-example.cz";
const DOMAIN = "automation-example.com";

let emu: RunningEmulators;
let server: PluginServer;
let p: PulumiProject;

interface Result {
  code: number;
  /** The JSON line the program prints: the command and its result. */
  result?: { command: string; changes: Record<string, number>; outputs?: Record<string, unknown> };
  /** The engine's output. */
  stderr: string;
}

/** One pipeline step: `node bin/index.js <args>` with the pipeline's secrets in its environment. */
function step(...args: string[]): Promise<Result> {
  const env = {
    ...p.env,
    WEDOS_ENDPOINT: emu.wedos.endpoint,
    WEDOS_USERNAME: EMULATOR_USER,
    WEDOS_WAPI_PASSWORD: EMULATOR_PASSWORD,
    DNSPOD_ENDPOINT: emu.dnspod.endpoint,
    DNSPOD_LOGIN_TOKEN: EMULATOR_TOKEN,
    WEDOS_ZONE: ZONE,
    DNSPOD_DOMAIN: DOMAIN,
    STACK: "ci",
    PLUGIN_DOWNLOAD_URL: server.url,
  };
  return new Promise((done) =>
    execFile("node", [join(p.dir, "bin/index.js"), ...args], { cwd: p.dir, env, timeout: 10 * 60_000 }, (err, stdout, stderr) => {
      const line = stdout.trim().split("\n").pop();
      done({ code: err ? 1 : 0, result: line ? JSON.parse(line) : undefined, stderr });
    }),
  );
}
async function ok(...args: string[]): Promise<NonNullable<Result["result"]>> {
  const r = await step(...args);
  if (r.code !== 0 || !r.result) throw new Error(`node bin/index.js ${args.join(" ")} failed\n${r.stderr}`);
  expect(r.stderr).not.toMatch(/warning:/);
  return r.result;
}

const wedosRows = () =>
  (emu.hub.state().wedos as WedosState).domains
    .find((d) => d.name === ZONE)
    ?.rows.filter((r) => r.rdtype !== "NS")
    .map((r) => `${r.name || "@"} ${r.rdtype} ${r.ttl} ${r.rdata}`)
    .sort();
const domain = () => (emu.hub.state().dnspod as DnspodState).domains.find((d) => d.name === DOMAIN);

beforeAll(async () => {
  emu = await startEmulators();
  server = await servePlugins();
  p = new PulumiProject(prepareExample("automation-api"));
  delete p.env.PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION;
  try {
    execFileSync("npx", ["--no-install", "tsc", "-p", "tsconfig.json"], { cwd: p.dir, env: p.env, encoding: "utf8", stdio: "pipe" });
  } catch (e) {
    throw new Error(`the example does not compile:\n${(e as { stdout?: string }).stdout ?? e}`);
  }
}, 20 * 60_000);

afterAll(async () => {
  await server?.close();
  await emu?.close();
});

test("up creates the zone, its records (dynamic) and the DNSPod domain and record (plugin, downloaded by the engine)", async () => {
  const up = await ok("up");
  expect(up.changes).toEqual({ create: 5 }); // the stack, the zone, its records, the domain, its record
  expect(up.outputs).toEqual({ wedosRecordCount: 5, dnspodGrade: "DP_Free", dnspodWwwId: expect.stringMatching(/^\d+\/\d+$/) });
  expect(wedosRows()).toEqual([
    "@ A 300 192.0.2.10",
    "@ MX 3600 10 mail.automation-example.cz",
    "@ TXT 300 v=spf1 mx -all",
    "mail A 300 192.0.2.25",
    "www CNAME 300 automation-example.cz",
  ]);
  expect(
    domain()!
      .records.filter((r) => r.subDomain === "www")
      .map((r) => `${r.type} ${r.value}`),
  ).toEqual(["A 192.0.2.10"]);
  expect(server.requests.filter((r) => r.includes("pulumi-resource-dnspod"))).toHaveLength(1);
});

test("the settings are stack config set through the API, the secrets encrypted there and in state", () => {
  const config = readFileSync(join(p.dir, "Pulumi.ci.yaml"), "utf8");
  expect(config).toContain(`wedos:endpoint: ${emu.wedos.endpoint}`);
  expect(config).toMatch(/wedos:wapiPassword:\n\s+secure: \S+/);
  expect(config).toMatch(/dnspod:loginToken:\n\s+secure: \S+/);
  expect(config).not.toContain(EMULATOR_PASSWORD);
  expect(config).not.toContain(EMULATOR_TOKEN.split(",")[1]);
  expectNoSecretsInState(p);
});

test("preview after up shows no changes", async () => {
  const preview = await ok("preview", "--expect-no-changes");
  expect(preview.changes).toEqual({ same: 5 });
});

test("refresh finds a record changed out of band and takes it into state", async () => {
  const d = domain()!;
  const www = d.records.find((r) => r.subDomain === "www")!;
  const api = new DnspodClient({ loginToken: EMULATOR_TOKEN, endpoint: emu.dnspod.endpoint });
  await api.modifyRecord(String(d.id), String(www.id), {
    sub_domain: "www",
    record_type: "A",
    record_line: "default",
    value: "192.0.2.99",
    ttl: 600,
  });
  const refresh = await ok("refresh");
  expect(refresh.changes).toEqual({ same: 4, update: 1 });
  // The program still declares 192.0.2.10: the next preview plans to put it back.
  const preview = await step("preview", "--expect-no-changes");
  expect(preview.code).toBe(1);
  expect(preview.stderr).toMatch(/~ +dnspod:index:Record +www +update/);
});

test("destroy deletes everything the stack made", async () => {
  const destroy = await ok("destroy");
  expect(destroy.changes).toEqual({ delete: 5 });
  expect(wedosRows()).toBeUndefined();
  expect(domain()).toBeUndefined();
  expect(readdirSync(join(p.dir, ".pulumi-home", "plugins")).filter((f) => /^resource-dnspod-v[\d.]+$/.test(f))).toHaveLength(1);
});
