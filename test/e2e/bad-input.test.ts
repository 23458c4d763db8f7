/**
 * Every case of the bad-input corpus (test/fixtures/corpus.ts) under the real Pulumi CLI: one
 * stack per case on test/fixtures/bad-input-stack, credentials for both emulators in stack config,
 * the case's resource built from config `case`; `pulumi preview` must fail with the case's message
 * and the emulators must see no request. Cases run three at a time. Cases with `olds` (zone
 * re-creation without allowRecreate) first `up` the old inputs on their stack, before any preview.
 */
import { resolve } from "node:path";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { type BadInputCase, CORPUS } from "../fixtures/corpus";
import { PulumiProject, prepareExample, type RunResult } from "./harness";

const FIXTURE = resolve(__dirname, "../fixtures/bad-input-stack");
const USER = "emulator@example.com";
const PASSWORD = "emulator-password";
const TOKEN = "10000,emulator-token";
const CONCURRENCY = 3;

interface Outcome {
  preview: RunResult;
  gained: number;
  error?: unknown;
}

let emu: RunningEmulators;
let p: PulumiProject;
let baseline = 0;
const outcomes = new Map<string, Promise<Outcome>>();
const started = Date.now();

const stack = (c: BadInputCase) => `case-${c.id}`;
const caseJson = (c: BadInputCase, inputs: Record<string, unknown>) => JSON.stringify({ resource: c.resource, inputs });

/** A new stack for the case with credentials for both emulators (secrets as secrets) and `case`. */
async function initStack(c: BadInputCase, inputs: Record<string, unknown>): Promise<void> {
  await p.ok(["stack", "init", stack(c), "--no-select"]);
  await p.ok([
    "config",
    "set-all",
    "--stack",
    stack(c),
    "--plaintext",
    `wedos:endpoint=${emu.wedos.endpoint}`,
    "--plaintext",
    `wedos:username=${USER}`,
    "--secret",
    `wedos:wapiPassword=${PASSWORD}`,
    "--plaintext",
    `dnspod:endpoint=${emu.dnspod.endpoint}`,
    "--secret",
    `dnspod:loginToken=${TOKEN}`,
    "--plaintext",
    `case=${caseJson(c, inputs)}`,
  ]);
}

async function setCase(c: BadInputCase, inputs: Record<string, unknown>): Promise<void> {
  await p.ok(["config", "set", "--stack", stack(c), "case", caseJson(c, inputs)]);
}

/** Sets the bad inputs and previews; counts the requests the emulators saw meanwhile. */
async function previewCase(c: BadInputCase): Promise<Outcome> {
  if (c.olds) await setCase(c, c.inputs);
  else await initStack(c, c.inputs);
  const before = emu.log().length;
  const preview = await p.run(["preview", "--stack", stack(c)], 3 * 60_000);
  return { preview, gained: emu.log().length - before };
}

/** Runs `task` over `items`, `limit` at a time; each item's promise settles as soon as it is done. */
function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R>[] {
  const settle = items.map(() => {
    let done!: (r: Promise<R>) => void;
    return { promise: new Promise<R>((r) => (done = r)), done };
  });
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const run = task(items[i]!);
      settle[i]!.done(run);
      await run.catch(() => undefined);
    }
  };
  for (let w = 0; w < Math.min(limit, items.length); w++) void worker();
  return settle.map((s) => s.promise);
}

beforeAll(async () => {
  emu = await startEmulators();
  // The program is eight lines of `any`; type-checking it on every one of ~80 previews is most of
  // their time, so ts-node only transpiles.
  p = new PulumiProject(prepareExample(FIXTURE), { PULUMI_NODEJS_TRANSPILE_ONLY: "true" });
  console.log(`bad-input e2e: project prepared in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  // Deployed state first, for the cases that compare with it: nothing else runs meanwhile, so
  // every request these make is over before the first bad preview starts.
  const withOlds = CORPUS.filter((c) => c.olds);
  await Promise.all(
    withOlds.map(async (c) => {
      await initStack(c, c.olds!);
      await p.ok(["up", "--yes", "--skip-preview", "--stack", stack(c)]);
    }),
  );
  baseline = emu.log().length;
  const runs = pool(CORPUS, CONCURRENCY, previewCase);
  CORPUS.forEach((c, i) => {
    outcomes.set(c.id, runs[i]!);
  });
}, 20 * 60_000);

afterAll(async () => {
  await Promise.allSettled(outcomes.values());
  console.log(`bad-input e2e: ${CORPUS.length} cases in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await emu?.close();
});

test.each(CORPUS.map((c) => [c.id, c] as const))(
  "%s: preview fails with the check message and no API call",
  async (_id, c) => {
    const { preview, gained } = await outcomes.get(c.id)!;
    const out = preview.stdout + preview.stderr;
    expect(preview.code).not.toBe(0);
    expect(out).toMatch(c.message);
    expect(out).toContain(`${c.resource.replace(":", ".")}.${c.property}: `);
    expect(gained).toBe(0);
  },
  10 * 60_000,
);

test("the emulators saw no request from any preview", async () => {
  await Promise.allSettled(outcomes.values());
  expect(emu.log().slice(baseline)).toEqual([]);
});
