/**
 * The shipped emulator CLI as users run it in CI: one JSON line when ready, admin routes,
 * state flushed atomically to --state and loaded again, clean stop on SIGTERM.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { request } from "undici";
import { DnspodClient } from "../../provider/dnspod/client";
import { WedosClient } from "../../provider/wedos/client";

const CLI = resolve(__dirname, "../../dist/emulator/cli.js");

interface Ready {
  dnspod: { endpoint: string };
  wedos: { endpoint: string; xmlEndpoint: string };
}

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
  const first = start([
    "--state",
    state,
    "--wedos-username",
    "ci@example.com",
    "--wedos-password",
    "ci-password-1",
    "--dnspod-token",
    "42,ci-token",
  ]);
  const ep = await first.ready;
  expect(ep.dnspod.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(ep.wedos.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/wapi\/json$/);
  expect(ep.wedos.xmlEndpoint).toBe(ep.wedos.endpoint.replace(/json$/, "xml"));
  await new WedosClient({ username: "ci@example.com", password: "ci-password-1", endpoint: ep.wedos.endpoint, format: "json" }).addDomain({
    name: "kept.cz",
    type: "primary",
  });
  await new DnspodClient({ loginToken: "42,ci-token", endpoint: ep.dnspod.endpoint }).createDomain("kept.com");
  const log = (await (await request(`${ep.wedos.endpoint.replace(/\/wapi\/json$/, "")}/_emulator/log`)).body.json()) as {
    op: string;
    params: object;
  }[];
  expect(log.map((e) => e.op)).toEqual(["dns-domain-add", "Domain.Create"]);
  expect(JSON.stringify(log)).not.toMatch(/ci-password-1|ci-token/);
  first.child.kill("SIGTERM");
  expect(await first.stopped).toBe(0);
  const saved = JSON.parse(readFileSync(state, "utf8")) as {
    wedos: { domains: { name: string }[] };
    dnspod: { domains: { name: string }[] };
  };
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

function output(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (b: Buffer) => (stdout += b.toString()));
  child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
  return new Promise((done) => child.once("exit", (code) => done({ code, stdout, stderr })));
}

test("--help describes both DNSPod sites and which WEDOS answers count as invalid", async () => {
  const help = await output(["--help"]);
  expect(help.code).toBe(0);
  for (const text of [
    "--dnspod-site intl|cn",
    "api.dnspod.com",
    "dnsapi.cn",
    "record_line=默认",
    "record_line_id",
    "--dnspod-wording live|seed",
    "--dnspod-user-token accept|reject",
    "--wedos-invalid-before-block N",
    "in excess of 10",
    "--wedos-invalid-codes LIST",
    "2000-5999",
  ]) {
    expect(help.stdout).toContain(text);
  }
});

test("--dnspod-site cn serves dnsapi.cn; a bad site or WEDOS code list fails with usage and exit code 2", async () => {
  const cn = start(["--dnspod-site", "cn", "--wedos-invalid-codes", "2050-2052"]);
  const ep = await cn.ready;
  const res = await request(`${ep.dnspod.endpoint}/Record.Line`, {
    method: "POST",
    body: "login_token=10000,emulator-token&format=json&domain_grade=D_Free",
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  const body = (await res.body.json()) as { status: { message: string }; lines: string[] };
  expect([body.status.message, body.lines[0]]).toEqual(["操作已经成功完成", "默认"]);
  cn.child.kill("SIGTERM");
  expect(await cn.stopped).toBe(0);
  for (const args of [
    ["--dnspod-site", "china"],
    ["--wedos-invalid-codes", "all"],
  ]) {
    const bad = await output(args);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("Usage: pulumi-dnspod-wedos-emulator")]);
  }
});
