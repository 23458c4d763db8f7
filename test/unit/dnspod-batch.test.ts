/**
 * dnsapi.cn's batch actions in the provider, without a network: the exact requests of the client's
 * three batch methods and their answers' shapes (strings and numbers as the vendor mixes them), the
 * codes of the submissions, which writes of a plan go into which job (pure), and one job's polling:
 * when it polls, when it stops, and what each record's result is.
 */
import { MockAgent } from "undici";
import { byPosition, byRecordId, type JobSpec, runJob } from "../../provider/dnspod/batch-jobs";
import { batchRecord, type Change, chunks, planChanges } from "../../provider/dnspod/batch-plan";
import { DnspodClient } from "../../provider/dnspod/client";
import type { DnspodApiError } from "../../provider/dnspod/errors";
import type { BatchDetail } from "../../provider/dnspod/schemas";

const ENDPOINT = "https://dnsapi.cn";
const TOKEN = "730060,e1a8a$f14dc5dcbafd83680b3d2a553c4d553d";
const STATUS_OK = { code: "1", message: "Operation successful", created_at: "2015-09-08 17:38:09" };
const GLOBAL = { login_token: TOKEN, format: "json", lang: "en", error_on_empty: "no" };

function setup(replies: Record<string, { status?: number; body: unknown }[]>) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const pool = agent.get(ENDPOINT);
  const sent: { path: string; form: Record<string, string> }[] = [];
  for (const [action, answers] of Object.entries(replies)) {
    let i = 0;
    pool
      .intercept({ path: `/${action}`, method: "POST" })
      .reply((opts) => {
        sent.push({ path: opts.path, form: Object.fromEntries(new URLSearchParams(String(opts.body))) });
        const { status = 200, body } = answers[Math.min(i++, answers.length - 1)]!;
        return { statusCode: status, data: JSON.stringify(body), responseOptions: { headers: { "content-type": "application/json" } } };
      })
      .persist();
  }
  const client = new DnspodClient({
    loginToken: TOKEN,
    endpoint: ENDPOINT,
    dispatcher: agent,
    sleep: async () => undefined,
    random: () => 0.5,
    log: () => {},
  });
  return { client, sent };
}

const fail = (code: string, message = "") => ({ body: { status: { ...STATUS_OK, code, message } } });

describe("DnspodClient batch requests", () => {
  test("Batch.Record.Create posts the records as one JSON string and returns the job id (a string)", async () => {
    const t = setup({
      "Batch.Record.Create": [{ body: { status: STATUS_OK, job_id: "49590", detail: [{ id: 0, domain_id: "16", records: [] }] } }],
    });
    const records = [batchRecord("www A 11.22.33.44", { ttl: 600 }), batchRecord("@ MX mx.qq.com.", { ttl: 600, mx: 10 })];
    expect(await t.client.batchCreateRecords("25556994", records)).toBe("49590");
    expect(t.sent).toEqual([
      {
        path: "/Batch.Record.Create",
        form: {
          ...GLOBAL,
          domain_id: "25556994",
          records:
            '[{"sub_domain":"www","record_type":"A","record_line":"默认","value":"11.22.33.44","ttl":600},' +
            '{"sub_domain":"","record_type":"MX","record_line":"默认","value":"mx.qq.com.","mx":10,"ttl":600}]',
        },
      },
    ]);
  });

  test("Batch.Record.Modify names the records comma-separated, the field and its new value", async () => {
    const t = setup({
      "Batch.Record.Modify": [{ body: { status: STATUS_OK, job_id: "409952", detail: [{ domain_id: 92, records: [] }] } }],
    });
    expect(await t.client.batchModifyRecords("1", ["36", "90", "91"], "ttl", "3600")).toBe("409952");
    expect(t.sent[0]).toEqual({
      path: "/Batch.Record.Modify",
      form: { ...GLOBAL, record_id: "36,90,91", change: "ttl", change_to: "3600" },
    });
  });

  test("Batch.Detail reads the documented answer: numbers and strings mixed, record_id once created", async () => {
    const t = setup({
      "Batch.Detail": [
        {
          body: {
            status: STATUS_OK,
            detail: [
              {
                id: 0,
                domain: "dnsapi1.cn",
                domain_grade: "DP_Free",
                err_msg: null,
                status: "ok",
                operation: "plus",
                records: [
                  {
                    id: 0,
                    sub_domain: "www",
                    record_type: "A",
                    area: "默认",
                    value: "11.22.33.45",
                    ttl: 600,
                    err_msg: null,
                    status: "ok",
                    operation: "plus",
                    record_id: 118332371,
                    mx: null,
                  },
                  {
                    id: 1,
                    sub_domain: "@",
                    record_type: "A",
                    area: "默认",
                    value: "11.22.33.45",
                    ttl: 600,
                    err_msg: "记录已经存在",
                    status: "error",
                    operation: "plus",
                    mx: null,
                  },
                ],
                domain_id: "25562928",
              },
            ],
            total: 6,
            success: 6,
            fail: 0,
            type: "domain",
            created_at: "2015-09-08 18:36:43",
          },
        },
      ],
    });
    const d = await t.client.batchDetail("409752");
    expect(t.sent[0]).toEqual({ path: "/Batch.Detail", form: { ...GLOBAL, job_id: "409752" } });
    expect(d).toMatchObject({ total: 6, success: 6, fail: 0, type: "domain" });
    expect(d.detail[0]!.records.map((r) => [r.id, r.record_id, r.status, r.err_msg])).toEqual([
      [0, "118332371", "ok", ""],
      [1, undefined, "error", "记录已经存在"],
    ]);
  });

  test("too many unfinished jobs (9) is waited out; a job DNSPod does not know (8) and the intl site's -99 are not retried", async () => {
    const t = setup({
      "Batch.Record.Create": [fail("9", "超过批量任务数上限"), { body: { status: STATUS_OK, job_id: "7" } }],
      "Batch.Detail": [fail("8", "No data: the job was not found")],
      "Batch.Record.Modify": [{ status: 404, body: { status: { ...STATUS_OK, code: "-99", message: "Unknown API action" } } }],
    });
    expect(await t.client.batchCreateRecords("1", [batchRecord("www A 192.0.2.1", { ttl: 600 })])).toBe("7");
    const notFound = (await t.client.batchDetail("5").catch((e: unknown) => e)) as DnspodApiError;
    expect(notFound).toMatchObject({ code: "8", kind: "notfound", retryable: false });
    expect(notFound.message).toBe(
      'DNSPod Batch.Detail job 5: code 8 (no such batch job (never queued, or no longer kept); DNSPod says "No data: the job was not found"). Fix: re-run `pulumi up`',
    );
    const refused = (await t.client.batchModifyRecords("1", ["1"], "ttl", "600").catch((e: unknown) => e)) as DnspodApiError;
    expect(refused).toMatchObject({ code: "-99", kind: "permission" });
    expect(t.sent.map((s) => s.path)).toEqual(["/Batch.Record.Create", "/Batch.Record.Create", "/Batch.Detail", "/Batch.Record.Modify"]);
  });
});

describe("which changes share a job", () => {
  const change = (key: string, from: Change["from"], to: Change["to"]): Change => ({ key, id: key, from, to });
  const ids = (items: Change[]) => items.map((u) => u.key);

  test("a change (field → value) at least five records take is one job; the others stay single; remarks follow alone", () => {
    const many = Array.from({ length: 6 }, (_, i) => change(`r${i}`, { ttl: 600 }, { ttl: 3600, ...(i === 0 ? { remark: "x" } : {}) }));
    const few = [change("s0", { ttl: 600 }, { ttl: 1200 }), change("s1", { ttl: 600, mx: 10 }, { ttl: 3600, mx: 20 })];
    const off = Array.from({ length: 5 }, (_, i) => change(`d${i}`, { ttl: 600 }, { ttl: 600, status: "disable" }));
    const plan = planChanges([...many, ...few, ...off, change("m", { ttl: 600 }, { ttl: 600, remark: "only" })]);
    expect(plan.jobs.map((j) => [j.field, j.to, ids(j.items)])).toEqual([
      ["ttl", "3600", ["r0", "r1", "r2", "r3", "r4", "r5"]],
      ["status", "disable", ["d0", "d1", "d2", "d3", "d4"]],
    ]);
    // s1's mx change is shared by nobody: all of s1 takes Record.Modify.
    expect(ids(plan.singles)).toEqual(["s0", "s1", "m"]);
    expect(plan.remarks).toEqual([{ key: "r0", id: "r0", from: { ttl: 3600, remark: "" }, to: { ttl: 3600, remark: "x" } }]);
  });

  test("jobs hold at most 1,000 records", () => {
    const all = Array.from({ length: 2500 }, (_, i) => change(`r${i}`, { ttl: 600 }, { ttl: 60 }));
    expect(planChanges(all).jobs.map((j) => j.items.length)).toEqual([1000, 1000, 500]);
    expect(chunks([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
  });
});

describe("one job", () => {
  const detail = (statuses: string[], errors: string[] = []): BatchDetail => ({
    detail: [{ status: "running", err_msg: "", records: statuses.map((status, id) => ({ id, status, err_msg: errors[id] ?? "" })) }],
    type: "record_add",
  });

  function spec(answers: BatchDetail[], failAt?: number) {
    const waits: number[] = [];
    let polls = 0;
    const s: JobSpec = {
      action: "Batch.Record.Create",
      object: "domain 1",
      submit: async () => "42",
      poll: async () => {
        if (polls++ === failAt) throw new Error("HTTP 502");
        return answers[Math.min(polls - 1, answers.length - 1)]!;
      },
      match: byPosition,
      sleep: async (ms) => {
        waits.push(ms);
      },
    };
    return { s, waits };
  }

  test("polls 100 ms apart at first, then a quarter of the time waited, until no record waits or runs", async () => {
    const { s, waits } = spec([
      ...Array(6).fill(detail(["waiting", "waiting"])),
      detail(["ok", "running"]),
      detail(["ok", "error"], ["", "记录已经存在"]),
    ]);
    const results = await runJob(s, 2);
    expect(waits).toEqual([100, 100, 100, 100, 100, 125, 156, 195]);
    expect(results[0]).toEqual({ ok: true });
    expect(results[1]!.ok).toBe(false);
    expect(String((results[1] as { error: Error }).error.message)).toBe(
      'DNSPod Batch.Record.Create job 42, domain 1: DNSPod says "记录已经存在"',
    );
  });

  test("gives up after five minutes, polls at most 5 s apart, and reports the records still waiting as pending", async () => {
    const { s, waits } = spec([detail(["waiting"])]);
    const [result] = await runJob(s, 1);
    expect(Math.max(...waits)).toBe(5000);
    expect(waits.reduce((a, b) => a + b)).toBeGreaterThanOrEqual(300_000);
    expect(waits.length).toBeLessThan(80);
    expect((result as { error: Error & { retryable: boolean } }).error).toMatchObject({ name: "BatchPendingError", retryable: true });
  });

  test("a poll that fails after its retries ends polling: its records are pending, with the cause", async () => {
    const { s } = spec([detail(["waiting"])], 1);
    const [result] = await runJob(s, 1);
    expect((result as { error: Error }).error.message).toBe(
      "DNSPod Batch.Record.Create job 42, domain 1: the job reported no result for this record (Batch.Detail failed: HTTP 502)",
    );
  });

  test("a modify job's records are matched by record id across domains", () => {
    const d: BatchDetail = {
      detail: [
        { status: "ok", err_msg: "", records: [{ record_id: "36", status: "ok", err_msg: "" }] },
        { status: "ok", err_msg: "", records: [{ record_id: "90", status: "error", err_msg: "x" }] },
      ],
      type: "record_modify",
    };
    expect(byRecordId(["90", "36", "91"])(d).map((r) => r?.status)).toEqual(["error", "ok", undefined]);
  });
});
