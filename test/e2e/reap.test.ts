/**
 * A `pulumi up` SIGKILLed midway, as the interrupted-run tests do it, leaves no process behind:
 * not the CLI, not its language host or the program's node, not the dynamic-provider launcher or
 * its node — although the plugins run in process groups of their own, which is why killing the
 * CLI's group (what the tests once did) left them running for the rest of the machine's day.
 */
import { type RunningEmulators, startEmulators } from "../../emulator";
import { PulumiProject, prepareExample } from "./harness";
import { cwdOf, type Proc, processes, projectProcesses } from "./procs";

let emu: RunningEmulators;
let p: PulumiProject;

beforeAll(async () => {
  emu = await startEmulators();
  p = new PulumiProject(prepareExample("wedos-zone"));
  await p.ok(["stack", "init", "e2e"]);
  await p.config("wedos:endpoint", emu.wedos.endpoint);
  await p.config("wedos:username", "emulator@example.com");
  await p.config("wedos:wapiPassword", "emulator-password", true);
}, 20 * 60_000);

afterAll(async () => {
  await emu?.close();
});

/** Polls (every 20 ms, for at most `limit` tries) until `done()`; the caller asserts afterwards. */
async function until(done: () => boolean, limit = 1500): Promise<void> {
  for (let i = 0; i < limit && !done(); i++) await new Promise((r) => setTimeout(r, 20));
}

/** What a process is, by its command line. */
function role(p: Proc): string {
  if (/dynamic-provider/.test(p.cmd)) return "dynamic-provider";
  if (/pulumi-resource-pulumi-nodejs/.test(p.cmd)) return "launcher";
  if (/pulumi-language-nodejs/.test(p.cmd)) return "language-host";
  if (/@pulumi\/pulumi\/cmd\/run/.test(p.cmd)) return "program";
  if (/(^|\/)pulumi up /.test(p.cmd)) return "cli";
  return p.cmd;
}

test("after a SIGKILLed up, nothing runs that the CLI started, descends from it or runs in the project", async () => {
  emu.hub.latencyMs = 100; // the up is still writing when it is killed
  const writes = () => emu.log().filter((e) => e.op === "dns-row-add").length;
  const child = p.spawn(["up", "--yes", "--skip-preview"]);
  const exited = new Promise((r) => child.once("exit", r));
  await until(() => writes() >= 2);
  expect(writes()).toBeGreaterThanOrEqual(2);

  const running = projectProcesses(p.dir);
  const roles = new Set(running.map(role));
  for (const r of ["cli", "language-host", "program", "dynamic-provider"]) expect(roles).toContain(r);
  // Why the CLI's group is not enough: the provider serving these writes is outside it.
  const provider = running.find((x) => role(x) === "dynamic-provider")!;
  expect(provider.pgid).not.toBe(child.pid);

  const killed = p.kill();
  expect(killed.map((x) => x.pid)).toEqual(expect.arrayContaining(running.map((x) => x.pid)));
  await exited;
  emu.hub.latencyMs = 0;
  const inProject = () => processes().filter((x) => x.state !== "Z" && (cwdOf(x.pid) ?? "").startsWith(p.dir));
  await until(() => projectProcesses(p.dir).length === 0 && inProject().length === 0);

  expect(projectProcesses(p.dir)).toEqual([]);
  expect(inProject()).toEqual([]);
});

test("the next run releases the lock and completes", async () => {
  await p.ok(["cancel", "--yes"]);
  await p.ok(["up", "--yes", "--skip-preview"]);
  expect((await p.run(["preview", "--expect-no-changes"])).code).toBe(0);
  expect(projectProcesses(p.dir)).toEqual([]);
});
