/**
 * The shipped emulator CLI's nameservers as users run them in CI: listed in the ready line, WEDOS
 * rows published by themselves after --wedos-autocommit, a --dns-delay lag in the publish log.
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { request } from "undici";
import type { DnsLogEntry, Nameserver } from "../../emulator";
import { WedosClient } from "../../provider/wedos/client";
import { dig, dnsPython } from "../helpers/dig";

const CLI = resolve(__dirname, "../../dist/emulator/cli.js");

interface Ready {
  dnspod: { endpoint: string; nameservers: Nameserver[] };
  wedos: { endpoint: string; xmlEndpoint: string; nameservers: Nameserver[] };
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

beforeAll(() => void dnsPython(), 300_000);

test("ready line, auto-commit after --wedos-autocommit seconds, --dns-delay in the publish log", async () => {
  const emu = start(["--wedos-autocommit", "1", "--dns-delay", "ns.wedos.eu=700"]);
  const ep = await emu.ready;
  const address = /^127\.0\.0\.1:\d+$/;
  expect(ep.dnspod.nameservers.map((n) => [n.name, address.test(n.address)])).toEqual([
    ["f1g1ns1.dnspod.net", true],
    ["f1g1ns2.dnspod.net", true],
  ]);
  expect(ep.wedos.nameservers.map((n) => [n.name, address.test(n.address)])).toEqual([
    ["ns.wedos.net", true],
    ["ns.wedos.eu", true],
    ["ns.wedos.cz", true],
    ["ns.wedos.com", true],
  ]);
  const w = new WedosClient({
    username: "emulator@example.com",
    password: "emulator-password",
    endpoint: ep.wedos.endpoint,
    format: "json",
  });
  await w.addDomain({ name: "example.cz", type: "primary" });
  await w.addRow("example.cz", { name: "www", type: "A", ttl: 300, rdata: "192.0.2.10" });
  // Not committed: served by itself about a second later. Asked until then (at most 10 s).
  const ask = () => dig(ep.wedos.nameservers.map((n) => ({ server: n.address, name: "www.example.cz", type: "A" })));
  let answers = await ask();
  for (let i = 0; i < 50 && !answers.every((a) => a.answer.length === 1); i++) {
    await new Promise((r) => setTimeout(r, 200));
    answers = await ask();
  }
  expect(answers.map((a) => a.answer.map((r) => r.text))).toEqual([["192.0.2.10"], ["192.0.2.10"], ["192.0.2.10"], ["192.0.2.10"]]);

  const base = ep.wedos.endpoint.replace(/\/wapi\/json$/, "");
  const log = (await (await request(`${base}/_emulator/dns-log?zone=example.cz&rrsets=count`)).body.json()) as DnsLogEntry[];
  const autoCommit = log.filter((e) => e.rrsets === 3); // SOA, NS, and www A
  const lag = (e: DnsLogEntry) => Date.parse(e.time) - Date.parse(e.published);
  expect(autoCommit.map((e) => [e.server, lag(e)])).toEqual([
    ["ns.wedos.net", 0],
    ["ns.wedos.cz", 0],
    ["ns.wedos.com", 0],
    ["ns.wedos.eu", 700],
  ]);
  emu.child.kill("SIGTERM");
  expect(await emu.stopped).toBe(0);
});

test("--help describes the nameservers and their flags; a bad --dns-delay fails with usage and exit code 2", async () => {
  const run = (args: string[]) =>
    new Promise<{ code: number | null; out: string }>((done) => {
      const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout.on("data", (b: Buffer) => (out += b.toString()));
      child.stderr.on("data", (b: Buffer) => (out += b.toString()));
      child.once("exit", (code) => done({ code, out }));
    });
  const help = await run(["--help"]);
  for (const text of [
    "--wedos-autocommit S",
    "--dns-delay MS",
    "ns.wedos.net, ns.wedos.eu, ns.wedos.cz, ns.wedos.com",
    "GET /_emulator/dns-log",
  ])
    expect(help.out).toContain(text);
  const bad = await run(["--dns-delay", "ns9.example=5"]);
  expect([bad.code, bad.out.split("\n")[0]]).toEqual([
    2,
    'pulumi-dnspod-wedos-emulator: --dns-delay: no nameserver "ns9.example"; the nameservers are f1g1ns1.dnspod.net, f1g1ns2.dnspod.net, ns.wedos.net, ns.wedos.eu, ns.wedos.cz, ns.wedos.com',
  ]);
});
