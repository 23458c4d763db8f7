/**
 * dnspod.ZoneRecords on dnsapi.cn through the batch actions, against the emulator's cn site with
 * its batch delay on a clock the provider's sleeps advance, so every request count is exact: a
 * 1,000-record create is one listing, one job, its polls and one listing for the ids; a TTL change
 * across the zone is one Batch.Record.Modify; records a job failed are named with DNSPod's words
 * and the rest kept; lost answers and failed requests at submission and polling converge in re-runs
 * with no duplicate, no orphan and nothing lost. api.dnspod.com still writes one record at a time.
 */
import type { DnspodState, LogEntry } from "../../emulator";
import type { FaultInjector } from "../../emulator/faults";
import { type DnspodContext, makeDnspodContext } from "../../provider/dnspod/context";
import { domainResource } from "../../provider/dnspod/resources/domain";
import { zoneRecordsResource as impl, type ZoneRecordsInputs } from "../../provider/dnspod/resources/zone-records";
import { PartialCreate } from "../../provider/resource";
import { DNSPOD_TOKEN, TEST_BUDGET, useEmulators } from "../helpers/emulators";

const DELAY = 300;
let clock = Date.parse("2026-03-01T10:00:00Z");
const h = useEmulators({ dnspod: { site: "cn", batchDelayMs: DELAY }, now: () => new Date(clock) });

let ctx: DnspodContext;
beforeEach(() => {
  // The provider's waits (polls, retry back-off) pass on the emulator's clock, and take no real time.
  ctx = makeDnspodContext(
    { loginToken: DNSPOD_TOKEN, endpoint: h.emu.dnspod.endpoint, site: "cn", ...TEST_BUDGET },
    {
      sleep: async (ms) => {
        clock += ms;
      },
    },
  );
});

/** The requests sent, each once (a request answered with a fault after it ran is logged twice). */
const ops = () =>
  h
    .calls("dnspod")
    .filter((e) => !e.fault?.endsWith("(after execute)"))
    .map((e) => e.op);
const mark = () => (h.emu.hub.entries.length = 0);
const domain = () => (h.emu.hub.state().dnspod as DnspodState).domains[0]!;
const zone = () =>
  domain()
    .records.filter((r) => !r.hold)
    .map((r) => `${r.subDomain} ${r.type} ${r.value} ttl=${r.ttl}${r.enabled ? "" : " off"}${r.remark ? ` "${r.remark}"` : ""}`)
    .sort();
const host = (i: number) => ({ subDomain: `host-${i}`, recordType: "A", value: `198.51.${100 + (i >> 8)}.${i & 255}` });
const hosts = (n: number, extra: Record<string, unknown> = {}) => Array.from({ length: n }, (_, i) => ({ ...host(i), ...extra }));
const declared = (n: number, ttl = 600) => Array.from({ length: n }, (_, i) => `host-${i} A ${host(i).value} ttl=${ttl}`).sort();

async function checked(records: unknown[]): Promise<ZoneRecordsInputs> {
  const r = await impl.check({}, { domainId: domain().id.toString(), records });
  if (!r.inputs) throw new Error(JSON.stringify(r.failures));
  return r.inputs;
}

async function newDomain(): Promise<void> {
  await domainResource.create(ctx, (await domainResource.check({}, { domain: "example.cn" })).inputs!);
  mark();
}

/** Outputs and zone agree: every declared record once, each with the id the zone has for it. */
function expectExactly(outs: { records: Record<string, { recordId: string }> }, n: number, ttl = 600): void {
  expect(zone()).toEqual(declared(n, ttl));
  const ids = Object.values(outs.records)
    .map((r) => r.recordId)
    .sort();
  expect(ids).toEqual(
    domain()
      .records.filter((r) => !r.hold)
      .map((r) => String(r.id))
      .sort(),
  );
}

/** Faults on the requests `pick` chooses (by operation and how many of it came before). */
function inject(pick: (op: string, nth: number) => string | undefined, afterExecute = false): void {
  const seen = new Map<string, number>();
  h.emu.hub.faults = {
    holdMs: 100,
    decide: (_api: string, op: string) => {
      const nth = (seen.get(op) ?? 0) + 1;
      seen.set(op, nth);
      const kind = pick(op, nth);
      return kind ? { kind, afterExecute } : undefined;
    },
  } as unknown as FaultInjector;
}
afterEach(() => h.emu.hub.setFaults(undefined));

const faulted = (log: LogEntry[]) => log.filter((e) => e.fault).map((e) => `${e.op} ${e.fault}`);

test("a 1,000-record create is one listing, one job, its polls and one listing: 0.006 requests per record", async () => {
  await newDomain();
  const { outs } = await impl.create(ctx, await checked(hosts(1000)));
  // The job runs 300 ms after it was queued: polls at 100, 200 and 300 ms.
  expect(ops()).toEqual(["Record.List", "Batch.Record.Create", "Batch.Detail", "Batch.Detail", "Batch.Detail", "Record.List"]);
  expect(ops().length / 1000).toBeLessThanOrEqual(0.02);
  const submitted = h.calls("dnspod", "Batch.Record.Create")[0]!.params;
  expect(JSON.parse(String(submitted.records)).slice(0, 2)).toEqual([
    { sub_domain: "host-0", record_type: "A", record_line: "默认", value: "198.51.100.0", ttl: 600 },
    { sub_domain: "host-1", record_type: "A", record_line: "默认", value: "198.51.100.1", ttl: 600 },
  ]);
  expect(h.calls("dnspod", "Record.List").map((e) => e.params.length)).toEqual(["3000", "3000"]);
  expect(outs.recordCount).toBe(1000);
  expectExactly(outs, 1000);

  mark();
  const { outs: after } = await impl.update(ctx, domain().id.toString(), outs, await checked(hosts(1000, { ttl: 3600 })));
  // A TTL change across the zone: one Batch.Record.Modify for all 1,000.
  expect(ops()).toEqual(["Record.List", "Batch.Record.Modify", "Batch.Detail", "Batch.Detail", "Batch.Detail"]);
  expect(h.calls("dnspod", "Batch.Record.Modify")[0]!.params).toMatchObject({ change: "ttl", change_to: "3600" });
  expectExactly(after, 1000, 3600);
});

test("2,100 records are three jobs of at most 1,000, two at a time, and still one listing for the ids", async () => {
  await newDomain();
  const { outs } = await impl.create(ctx, await checked(hosts(2100)));
  const jobs = h.calls("dnspod", "Batch.Record.Create").map((e) => JSON.parse(String(e.params.records)).length);
  expect(jobs).toEqual([1000, 1000, 100]);
  expect(ops().filter((op) => op === "Record.List")).toHaveLength(2);
  // Each job is polled until done; two jobs' waits pass on one clock, so together they need 6 to 9 polls.
  const polls = ops().filter((op) => op === "Batch.Detail").length;
  expect(polls).toBeGreaterThanOrEqual(6);
  expect(polls).toBeLessThanOrEqual(9);
  expect(ops()).toHaveLength(1 + 3 + polls + 1);
  expectExactly(outs, 2100);
});

test("a change a job refuses is named per record; a lost answer to a Batch.Record.Modify resends it harmlessly", async () => {
  await newDomain();
  const { outs } = await impl.create(ctx, await checked(hosts(20)));
  mark();
  const err = await impl.update(ctx, domain().id.toString(), outs, await checked(hosts(20, { ttl: 60 }))).catch((e: unknown) => e);
  expect((err as Error).message).toContain("20 of 20 write(s) failed");
  expect((err as Error).message).toMatch(
    /- change "host-0 A 198.51.100.0": DNSPod Batch.Record.Modify job \d+, ttl → 60 on domain \d+: DNSPod says "The TTL value is too small for your domain grade."/,
  );
  expect(zone()).toEqual(declared(20));
  mark();
  inject((op, nth) => (op === "Batch.Record.Modify" && nth === 1 ? "reset" : undefined), true);
  const { outs: after } = await impl.update(ctx, domain().id.toString(), outs, await checked(hosts(20, { ttl: 1200 })));
  expect(ops()).toEqual(["Record.List", "Batch.Record.Modify", "Batch.Record.Modify", ...Array(3).fill("Batch.Detail")]);
  expectExactly(after, 20, 1200);
});

test("attributes a job cannot set follow: status through a shared Batch.Record.Modify, remarks one by one", async () => {
  await newDomain();
  const records = [
    ...hosts(12, { status: "disable" }),
    { ...host(12), remark: "spare" },
    { subDomain: "@", recordType: "MX", value: "mx.example.cn.", mx: 10 },
  ];
  const { outs } = await impl.create(ctx, await checked(records));
  expect(ops()).toEqual([
    "Record.List",
    "Batch.Record.Create",
    ...Array(3).fill("Batch.Detail"),
    "Record.List",
    "Batch.Record.Modify",
    ...Array(3).fill("Batch.Detail"),
    "Record.Remark",
  ]);
  expect(h.calls("dnspod", "Batch.Record.Modify")[0]!.params).toMatchObject({ change: "status", change_to: "disable" });
  const mx = JSON.parse(String(h.calls("dnspod", "Batch.Record.Create")[0]!.params.records)).at(-1);
  expect(mx).toEqual({ sub_domain: "", record_type: "MX", record_line: "默认", value: "mx.example.cn.", mx: 10, ttl: 600 });
  expect(zone()).toEqual(
    [...declared(12).map((r) => `${r} off`), 'host-12 A 198.51.100.12 ttl=600 "spare"', "@ MX mx.example.cn. ttl=600"].sort(),
  );
  expect(outs.recordCount).toBe(14);
});

test("records a job failed are named with DNSPod's words; the others are kept (PartialCreate) and a re-run adds the rest", async () => {
  await newDomain();
  const low = (i: number) => ({ ...host(i), ttl: 60 });
  const err = await impl.create(ctx, await checked([...hosts(20), low(20), low(21)])).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(PartialCreate);
  const { outs, message } = err as PartialCreate & { outs: { records: Record<string, { recordId: string }> } };
  expect(Object.keys(outs.records)).toHaveLength(20);
  expect(message).toContain("2 of 22 write(s) failed");
  const job = (h.emu.hub.state().dnspod as DnspodState).batch!.jobs[0]!.id;
  expect(message).toContain(
    `- create "host-20 A 198.51.100.20": DNSPod Batch.Record.Create job ${job}, domain ${domain().id}: DNSPod says "The TTL value is too small for your domain grade."`,
  );
  expect(message).toContain("Fix the cause above, then re-run");
  expect(zone()).toEqual(declared(20));
  mark();
  const { outs: fixed } = await impl.update(ctx, domain().id.toString(), outs as never, await checked(hosts(22)));
  expect(ops()).toEqual(["Record.List", "Record.Create", "Record.Create"]);
  expectExactly(fixed, 22);
});

describe("faults at submission and polling converge, with no duplicate, no orphan, nothing lost", () => {
  test("the submission's answer lost after it was queued: resent, the second job's records refused as duplicates", async () => {
    await newDomain();
    inject((op, nth) => (op === "Batch.Record.Create" && nth === 1 ? "reset" : undefined), true);
    const { outs } = await impl.create(ctx, await checked(hosts(50)));
    expect(faulted(h.calls("dnspod"))).toEqual(["Batch.Record.Create reset (after execute)"]);
    expect(ops()).toEqual(["Record.List", "Batch.Record.Create", "Batch.Record.Create", ...Array(3).fill("Batch.Detail"), "Record.List"]);
    const jobs = (h.emu.hub.state().dnspod as DnspodState).batch!.jobs;
    expect(jobs.map((j) => j.domains[0]!.items.filter((i) => i.done?.code === "1").length)).toEqual([50, 0]);
    expectExactly(outs, 50);
  });

  test("a submission refused before it was queued (503): resent once, one job", async () => {
    await newDomain();
    inject((op, nth) => (op === "Batch.Record.Create" && nth === 1 ? "http-503" : undefined));
    const { outs } = await impl.create(ctx, await checked(hosts(50)));
    expect(ops()).toEqual(["Record.List", "Batch.Record.Create", "Batch.Record.Create", ...Array(3).fill("Batch.Detail"), "Record.List"]);
    expect((h.emu.hub.state().dnspod as DnspodState).batch!.jobs).toHaveLength(1);
    expectExactly(outs, 50);
  });

  test("a poll's answer lost: the poll is repeated", async () => {
    await newDomain();
    inject((op, nth) => (op === "Batch.Detail" && nth === 2 ? "reset" : undefined));
    const { outs } = await impl.create(ctx, await checked(hosts(50)));
    expect(faulted(h.calls("dnspod"))).toEqual(["Batch.Detail reset"]);
    expect(ops().filter((op) => op === "Batch.Detail").length).toBe(3);
    expectExactly(outs, 50);
  });

  test("every poll failing: the listing finds what the job wrote", async () => {
    await newDomain();
    inject((op) => (op === "Batch.Detail" ? "http-502" : undefined));
    const { outs } = await impl.create(ctx, await checked(hosts(50)));
    expect(ops()).toEqual(["Record.List", "Batch.Record.Create", ...Array(5).fill("Batch.Detail"), "Record.List"]);
    expectExactly(outs, 50);
  });

  test("every submission's answer lost after it was queued: the listing finds what the first job wrote", async () => {
    await newDomain();
    inject((op) => (op === "Batch.Record.Create" ? "http-500" : undefined), true);
    const { outs } = await impl.create(ctx, await checked(hosts(50)));
    // Five attempts, five jobs: the first wrote the records, the others' are refused as duplicates.
    expect(ops()).toEqual(["Record.List", ...Array(5).fill("Batch.Record.Create"), "Record.List"]);
    expectExactly(outs, 50);
  });

  test("every submission refused before it was queued: the run fails naming each record, the re-run creates each once", async () => {
    await newDomain();
    inject((op) => (op === "Batch.Record.Create" ? "http-503" : undefined));
    const first = await impl.create(ctx, await checked(hosts(50))).catch((e: unknown) => e);
    expect(first).not.toBeInstanceOf(PartialCreate);
    expect((first as Error).message).toContain("50 of 50 write(s) failed");
    expect((first as Error).message).toContain('- create "host-0 A 198.51.100.0": DNSPod: Batch.Record.Create 50 record(s) of domain');
    expect((first as Error).message).toContain("HTTP 503");
    expect(zone()).toEqual([]);
    h.emu.hub.setFaults(undefined);
    mark();
    const { outs } = await impl.create(ctx, await checked(hosts(50)));
    expect(ops()).toEqual(["Record.List", "Batch.Record.Create", ...Array(3).fill("Batch.Detail"), "Record.List"]);
    expectExactly(outs, 50);
  });

  test.each([2, 12, 15])(
    "half of all requests failing at random (seed %i): create, change, grow; each converges in re-runs",
    async (seed) => {
      await newDomain();
      const id = domain().id.toString();
      let outs: Record<string, unknown> | undefined;
      const faults: number[] = [];
      for (const [phase, n, ttl] of [
        [1, 300, 600],
        [2, 300, 1200],
        [3, 600, 1200],
      ] as const) {
        const inputs = await checked(hosts(n, { ttl }));
        mark();
        h.emu.hub.setFaults({ rate: 0.5, seed: seed * 10 + phase, kinds: ["reset", "http-503", "http-500", "api--2"], holdMs: 100 });
        // As the engine runs it: create until it succeeds or keeps some records, then updates.
        for (let runs = 0, done = false; runs < 20 && !done; runs++) {
          try {
            outs = outs ? (await impl.update(ctx, id, outs as never, inputs)).outs : (await impl.create(ctx, inputs)).outs;
            done = true;
          } catch (e) {
            if (e instanceof PartialCreate) outs = e.outs;
          }
        }
        h.emu.hub.setFaults(undefined);
        faults.push(h.calls("dnspod").filter((e) => e.fault).length);
        expectExactly(outs as never, n, ttl);
        mark();
        await impl.update(ctx, id, outs as never, inputs);
        expect(ops()).toEqual(["Record.List"]);
      }
      expect(faults.every((f) => f > 0)).toBe(true);
    },
  );
});

test("an account that may not use the batch actions (-7) gets its records one by one", async () => {
  await newDomain();
  inject((op) => (op.startsWith("Batch.") ? "api--7" : undefined));
  const { outs } = await impl.create(ctx, await checked(hosts(12)));
  expect(ops()).toEqual(["Record.List", "Batch.Record.Create", ...Array(12).fill("Record.Create")]);
  expectExactly(outs, 12);
});

describe("api.dnspod.com", () => {
  const intl = useEmulators({ dnspod: { site: "intl" } });
  test("writes one record at a time, as before", async () => {
    await domainResource.create(intl.dnspod, (await domainResource.check({}, { domain: "example.com" })).inputs!);
    intl.emu.hub.entries.length = 0;
    const inputs = (
      await impl.check({}, { domainId: String((intl.emu.hub.state().dnspod as DnspodState).domains[0]!.id), records: hosts(30) })
    ).inputs!;
    await impl.create(intl.dnspod, inputs);
    const calls = intl.calls("dnspod").map((e) => e.op);
    expect(calls).toEqual(["Record.List", ...Array(30).fill("Record.Create")]);
    expect(intl.dnspod.site).toBe("intl");
  });
});
