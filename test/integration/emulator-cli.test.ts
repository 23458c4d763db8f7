/**
 * The shipped emulator CLI as users run it in CI: one JSON line when ready, admin routes,
 * state flushed atomically to --state and loaded again, clean stop on SIGTERM.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { request } from "undici";
import { WedosClient } from "../../provider/wedos/client";
import { DnspodClient } from "../../provider/dnspod/client";

const CLI = resolve(__dirname, "../../dist/emulator/cli.js");

interface Ready { dnspod: { endpoint: string }; wedos: { endpoint: string; xmlEndpoint: string } }

function start(args: string[]) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const ready = new Promise<Ready>((done, fail) => {
    let out = "";
    child.stdout.on("data", (b: Buffer) => {
      out += b.toString();
      if (out.includes("\n")) done(JSON.parse(out.split("\n")[0]!) as Ready);
    });
    child.once("exit", (code) => fail(new Error(`emulator exited ${code}`)));
  });
  const stopped = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  return { child, ready, stopped };
}

test("prints endpoints, persists state atomically, reloads it, answers admin routes, stops on SIGTERM", async () => {
  const dir = mkdtempSync(join(tmpdir(), "pdw-cli-"));
  const state = join(dir, "state.json");
  const first = start(["--state", state, "--wedos-username", "ci@example.com", "--wedos-password", "ci-password-1", "--dnspod-token", "42,ci-token"]);
  const ep = await first.ready;
  expect(ep.dnspod.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(ep.wedos.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/wapi\/json$/);
  expect(ep.wedos.xmlEndpoint).toBe(ep.wedos.endpoint.replace(/json$/, "xml"));
  await new WedosClient({ username: "ci@example.com", password: "ci-password-1", endpoint: ep.wedos.endpoint, format: "json" }).addDomain({ name: "kept.cz", type: "primary" });
  await new DnspodClient({ loginToken: "42,ci-token", endpoint: ep.dnspod.endpoint }).createDomain("kept.com");
  const log = (await (await request(`${ep.wedos.endpoint.replace(/\/wapi\/json$/, "")}/_emulator/log`)).body.json()) as { op: string; params: object }[];
  expect(log.map((e) => e.op)).toEqual(["dns-domain-add", "Domain.Create"]);
  expect(JSON.stringify(log)).not.toMatch(/ci-password-1|ci-token/);
  first.child.kill("SIGTERM");
  expect(await first.stopped).toBe(0);
  const saved = JSON.parse(readFileSync(state, "utf8")) as { wedos: { domains: { name: string }[] }; dnspod: { domains: { name: string }[] } };
  expect(saved.wedos.domains.map((d) => d.name)).toEqual(["kept.cz"]);
  expect(saved.dnspod.domains.map((d) => d.name)).toEqual(["kept.com"]);
  expect(existsSync(`${state}.tmp`)).toBe(false);

  const second = start(["--state", state]);
  const ep2 = await second.ready;
  const base = ep2.dnspod.endpoint;
  const snapshot = (await (await request(`${base}/_emulator/state`)).body.json()) as typeof saved;
  expect(snapshot.wedos.domains.map((d) => d.name)).toEqual(["kept.cz"]);
  expect((await request(`${base}/_emulator/reset`, { method: "POST" })).statusCode).toBe(200);
  const empty = (await (await request(`${base}/_emulator/state`)).body.json()) as typeof saved;
  expect([empty.wedos.domains, empty.dnspod.domains]).toEqual([[], []]);
  second.child.kill("SIGINT");
  expect(await second.stopped).toBe(0);
  expect((JSON.parse(readFileSync(state, "utf8")) as typeof saved).wedos.domains).toEqual([]);
});

test("bad options fail with usage and exit code 2", async () => {
  const r = start(["--latency-ms", "soon"]);
  r.ready.catch(() => undefined);
  expect(await r.stopped).toBe(2);
});
