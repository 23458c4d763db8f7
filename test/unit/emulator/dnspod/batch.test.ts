/**
 * dnsapi.cn's batch actions in the emulator: the documented request and answer shapes, jobs that run
 * `batchDelayMs` after they were queued (on the injected clock, by the next request or by the
 * injected timer), per-record results that fail exactly as the single action would without
 * stopping the others, the job limits, and api.dnspod.com answering them as unknown actions.
 */
import type { BatchTimer } from "../../../../emulator/dnspod/batch-run";
import { harness, type Json } from "./harness";

/** A timer the test fires by hand; `asked` records every delay the emulator asked for. */
function manualTimer() {
  const pending: { ms: number; fn: () => void }[] = [];
  const asked: number[] = [];
  const timer: BatchTimer = (ms, fn) => {
    const t = { ms, fn };
    pending.push(t);
    asked.push(ms);
    return () => {
      pending.splice(pending.indexOf(t), 1);
    };
  };
  const fire = () => {
    for (const t of pending.splice(0)) t.fn();
  };
  return { timer, asked, fire, pending };
}

function cn(options = {}) {
  const t = manualTimer();
  const h = harness({ site: "cn", ...options }, t.timer);
  const id = h.domain("example.cn");
  const single = (p: Record<string, string>) =>
    h.call("Record.Create", { domain_id: id, record_type: "A", record_line: "默认", value: "192.0.2.1", ...p });
  const submit = (records: unknown[], extra: Record<string, string> = {}) =>
    h.call("Batch.Record.Create", { domain_id: id, records: JSON.stringify(records), ...extra });
  const detail = (job: string, extra: Record<string, string> = {}) => h.call("Batch.Detail", { job_id: job, ...extra });
  const listed = () =>
    h
      .call("Record.List", { domain_id: id, record_type: "A", error_on_empty: "no" })
      .records.map((r: Json) => `${r.name} ${r.type} ${r.line} ${r.value} ${r.ttl}`);
  return { ...h, ...t, id, single, submit, detail, listed };
}

const A = (sub_domain: string, value: string, more: Record<string, unknown> = {}) => ({
  sub_domain,
  record_type: "A",
  record_line: "默认",
  value,
  ttl: 600,
  ...more,
});

describe("Batch.Record.Create", () => {
  it("queues a job and answers its id with the documented echo: names expanded, strings where the vendor has strings", () => {
    const h = cn();
    const r = h.submit([
      A("www,wap,bbs", "11.22.33.44"),
      { sub_domain: "", record_type: "MX", record_line: "默认", value: "mx.qq.com", ttl: 600, MX: 10 },
    ]);
    expect(r.status.code).toBe("1");
    expect(r.job_id).toBe("409952");
    expect(r.detail).toEqual([
      {
        id: 0,
        domain_id: h.id,
        domain: "example.cn",
        domain_grade: "DP_Free",
        err_msg: null,
        status: "waiting",
        operation: null,
        records: [
          ...["www", "wap", "bbs"].map((sub, k) => ({
            id: k,
            sub_domain: sub,
            record_type: "A",
            area: "默认",
            value: "11.22.33.44",
            ttl: "600",
            mx: "5",
            err_msg: null,
            status: "waiting",
            operation: "plus",
          })),
          {
            id: 3,
            sub_domain: "",
            record_type: "MX",
            area: "默认",
            value: "mx.qq.com",
            ttl: "600",
            mx: "10",
            err_msg: null,
            status: "waiting",
            operation: "plus",
          },
        ],
      },
    ]);
    expect(h.listed()).toEqual([]);
  });

  it("runs the job batchDelayMs later: waiting before, then every record ok with its record_id, counted in numbers", () => {
    const h = cn({ batchDelayMs: 300 });
    const job = h.submit([A("www,wap", "192.0.2.10")]).job_id;
    const before = h.detail(job);
    expect(before).toMatchObject({ total: 2, success: 0, fail: 0, type: "record_add", created_at: "2024-03-01 10:00:00" });
    expect(before.detail[0].status).toBe("waiting");
    expect(before.detail[0].records.map((x: Json) => x.status)).toEqual(["waiting", "waiting"]);
    expect(before.job_id).toBeUndefined();
    h.advance(0.3);
    const after = h.detail(job);
    expect(after).toMatchObject({ total: 2, success: 2, fail: 0 });
    const ids = h.call("Record.List", { domain_id: h.id, record_type: "A" }).records.map((x: Json) => Number(x.id));
    expect(after.detail[0]).toEqual({
      id: 0,
      domain: "example.cn",
      domain_grade: "DP_Free",
      err_msg: null,
      status: "ok",
      operation: null,
      records: ["www", "wap"].map((sub, k) => ({
        id: k,
        sub_domain: sub,
        record_type: "A",
        area: "默认",
        value: "192.0.2.10",
        ttl: 600,
        err_msg: null,
        status: "ok",
        operation: "plus",
        record_id: ids[k],
        mx: null,
      })),
      domain_id: h.id,
    });
    expect(h.listed()).toEqual(["www A 默认 192.0.2.10 600", "wap A 默认 192.0.2.10 600"]);
  });

  it("fails a record exactly as Record.Create would, in the request's language, and runs the others", () => {
    const h = cn({ batchDelayMs: 0 });
    h.single({ sub_domain: "dup", value: "192.0.2.1" });
    for (let i = 0; i < 10; i++) h.single({ sub_domain: "rr", value: `192.0.2.${100 + i}` });
    const bad: Json[] = [
      A("dup", "192.0.2.1"),
      A("val", "not-an-ip"),
      A("line", "192.0.2.3", { record_line: "火星" }),
      A("ttl", "192.0.2.4", { ttl: 60 }),
      { sub_domain: "caa", record_type: "CAA", record_line: "默认", value: '0 issue "ca.example"' },
      A("rr", "192.0.2.99"),
    ];
    const job = h.submit([A("ok1", "192.0.2.7"), ...bad, A("ok2", "192.0.2.8")]).job_id;
    for (const lang of [{}, { lang: "en" }] as Record<string, string>[]) {
      const d = h.detail(job, lang);
      const expected = bad.map((r: Json) => h.single({ ...r, ttl: String(r.ttl ?? 600), ...lang }).status.message);
      expect(d).toMatchObject({ total: 8, success: 2, fail: 6 });
      expect(d.detail[0].status).toBe("ok");
      expect(d.detail[0].records.map((x: Json) => [x.sub_domain, x.status, x.err_msg])).toEqual([
        ["ok1", "ok", null],
        ...bad.map((r, k) => [r.sub_domain, "error", expected[k]]),
        ["ok2", "ok", null],
      ]);
    }
    expect(h.detail(job).detail[0].records[1].err_msg).toBe("记录已经存在");
    expect(
      h
        .detail(job, { lang: "en" })
        .detail[0].records.slice(2, 6)
        .map((x: Json) => x.err_msg),
    ).toEqual([
      "Invalid record value.",
      "Record line invalid",
      "The TTL value is too small for your domain grade.",
      "Invalid record type.",
    ]);
    expect(h.listed().filter((l: string) => l.startsWith("ok"))).toEqual(["ok1 A 默认 192.0.2.7 600", "ok2 A 默认 192.0.2.8 600"]);
  });

  it("runs due jobs on the injected timer with nobody asking, and persists them", () => {
    const h = cn({ batchDelayMs: 250 });
    h.submit([A("t", "192.0.2.1")]);
    expect(h.asked).toEqual([250]);
    const changes = h.counters.changes;
    h.advance(0.25);
    h.fire();
    expect(h.counters.changes).toBe(changes + 1);
    expect(h.emu.snapshot().domains[0]!.records.some((r) => r.subDomain === "t")).toBe(true);
    expect(h.pending).toEqual([]);
  });

  it("shows a started job running record by record when each takes time", () => {
    const h = cn({ batchDelayMs: 100, batchRecordMs: 1000 });
    const job = h.submit([A("a,b,c", "192.0.2.1")]).job_id;
    h.advance(1.1);
    const d = h.detail(job);
    expect(d.detail[0].status).toBe("running");
    expect(d.detail[0].records.map((x: Json) => x.status)).toEqual(["ok", "ok", "running"]);
    expect(d).toMatchObject({ total: 3, success: 2, fail: 0 });
    h.advance(1);
    expect(h.detail(job).detail[0].status).toBe("ok");
  });

  it("fails every record of a domain locked or removed before the job ran (as Record.Create: 21, 6), and says so for a gone domain", () => {
    const h = cn({ batchDelayMs: 100 });
    const other = h.domain("other.cn");
    const locked = h.submit([A("x", "192.0.2.1")]).job_id;
    const gone = h.call("Batch.Record.Create", { domain_id: other, records: JSON.stringify([A("y", "192.0.2.2")]) }).job_id;
    h.call("Domain.Lock", { domain_id: h.id, days: "1" });
    h.call("Domain.Remove", { domain_id: other });
    h.advance(0.1);
    expect(h.detail(locked, { lang: "en" }).detail[0]).toMatchObject({
      status: "ok",
      records: [{ status: "error", err_msg: "Domain got locked." }],
    });
    expect(h.detail(gone).detail[0]).toMatchObject({ status: "error", err_msg: "缺少参数或者参数错误", records: [{ status: "error" }] });
  });

  it("refuses a bad request, too many records for one job (7) and too many unfinished jobs (9)", () => {
    const h = cn({ batchMaxRecords: 3, batchMaxJobs: 2, batchDelayMs: 100 });
    const code = (p: Record<string, string>) => h.call("Batch.Record.Create", p).status;
    const records = JSON.stringify([A("a", "192.0.2.1")]);
    expect(code({ domain_id: "", records })).toMatchObject({ code: "6", message: "参数“domain_id”错误" });
    expect(code({ domain_id: "999", records }).code).toBe("6");
    expect(code({ domain_id: h.id, records: "[" }).code).toBe("6");
    expect(code({ domain_id: h.id, records: "[]" }).code).toBe("6");
    expect(code({ domain_id: h.id, records: JSON.stringify([A("a,b,c,d", "192.0.2.1")]), lang: "en" })).toMatchObject({
      code: "7",
      message: "The number of records in one job exceeds the limit",
    });
    expect(code({ domain_id: `${h.id},`, records }).code).toBe("1");
    expect(code({ domain_id: h.id, records }).code).toBe("1");
    expect(code({ domain_id: h.id, records })).toMatchObject({ code: "9", message: "超过批量任务数上限" });
    h.advance(0.1);
    expect(code({ domain_id: h.id, records }).code).toBe("1");
  });
});

describe("Batch.Record.Modify", () => {
  function zone(options = {}) {
    const h = cn({ batchDelayMs: 100, ...options });
    const ids = ["a", "b"].map((sub) => String(h.single({ sub_domain: sub, value: "192.0.2.1" }).record.id));
    const mx = String(h.single({ sub_domain: "@", record_type: "MX", value: "mail.example.cn", mx: "10" }).record.id);
    const modify = (record_id: string, change: string, change_to: string, more: Record<string, string> = {}) =>
      h.call("Batch.Record.Modify", { record_id, change, change_to, ...more });
    return { ...h, ids, mx, modify };
  }

  it("queues one change for many records and echoes their values before it, as documented", () => {
    const h = zone();
    const r = h.modify(`${h.ids.join(",")},${h.mx},`, "ttl", "1200");
    expect(r.status.code).toBe("1");
    expect(r.detail).toEqual([
      {
        domain_id: Number(h.id),
        domain: "example.cn",
        err_msg: null,
        status: "waiting",
        operation: null,
        records: [
          ...h.ids.map((rid, k) => ({
            record_id: rid,
            sub_domain: ["a", "b"][k],
            area: "默认",
            record_type: "A",
            ttl: "600",
            value: "192.0.2.1",
            enabled: "1",
            status: "waiting",
            err_msg: null,
            id: k,
            operation: "edit",
          })),
          {
            record_id: h.mx,
            sub_domain: "@",
            area: "默认",
            record_type: "MX",
            ttl: "600",
            value: "mail.example.cn.",
            enabled: "1",
            status: "waiting",
            mx: "10",
            err_msg: null,
            id: 2,
            operation: "edit",
          },
        ],
        domain_grade: "DP_Free",
        id: 0,
      },
    ]);
    expect(h.listed()).toEqual(["a A 默认 192.0.2.1 600", "b A 默认 192.0.2.1 600"]);
    h.advance(0.1);
    expect(h.listed()).toEqual(["a A 默认 192.0.2.1 1200", "b A 默认 192.0.2.1 1200"]);
    const d = h.detail(r.job_id);
    expect(d).toMatchObject({ type: "record_modify", total: 3, success: 3, fail: 0 });
    expect(d.detail[0].records[0]).toEqual({
      id: 0,
      record_id: Number(h.ids[0]),
      sub_domain: "a",
      record_type: "A",
      area: "默认",
      value: "192.0.2.1",
      ttl: 1200,
      err_msg: null,
      status: "ok",
      operation: "edit",
      mx: null,
    });
  });

  it("changes each documented field through the single action that sets it; jobs never undo each other", () => {
    const h = zone();
    h.modify(h.ids[0]!, "ttl", "3600");
    h.modify(h.ids[0]!, "value", "192.0.2.9");
    h.modify(h.ids[1]!, "area", "电信");
    h.modify(h.ids[1]!, "status", "disable");
    h.advance(0.1);
    h.modify(h.ids[0]!, "sub_domain", "c");
    h.modify(h.mx, "mx", "20");
    h.advance(0.1);
    h.modify(h.ids[1]!, "record_type", "CNAME", { value: "www.example.cn" });
    h.advance(0.1);
    const all = h.call("Record.List", { domain_id: h.id }).records.filter((x: Json) => !x.hold);
    expect(all.map((x: Json) => `${x.name} ${x.type} ${x.line} ${x.value} ${x.ttl} mx=${x.mx} ${x.status}`)).toEqual([
      "c A 默认 192.0.2.9 3600 mx=0 enabled",
      "b CNAME 电信 www.example.cn. 600 mx=0 disabled",
      "@ MX 默认 mail.example.cn. 600 mx=20 enabled",
    ]);
  });

  it("fails a record as Record.Modify would (a TTL below the grade's, a record gone) and runs the others", () => {
    const h = zone();
    const job = h.modify(h.ids.join(","), "ttl", "60").job_id;
    const gone = h.modify(h.ids[1]!, "value", "192.0.2.5").job_id;
    h.call("Record.Remove", { domain_id: h.id, record_id: h.ids[1]! });
    h.advance(0.1);
    expect(h.detail(job, { lang: "en" }).detail[0].records.map((x: Json) => [x.status, x.err_msg])).toEqual([
      ["error", "The TTL value is too small for your domain grade."],
      ["error", "Invalid record id."],
    ]);
    expect(h.detail(gone).detail[0].records.map((x: Json) => [x.status, x.err_msg])).toEqual([["error", "记录编号错误"]]);
  });

  it("refuses an unknown change, a missing change_to, a type change without value, an unknown record (8)", () => {
    const h = zone();
    expect(h.modify(h.ids[0]!, "remark", "x").status).toMatchObject({ code: "6", message: "参数“change”错误" });
    expect(h.modify(h.ids[0]!, "ttl", "").status.code).toBe("6");
    expect(h.modify(h.ids[0]!, "record_type", "CNAME").status).toMatchObject({ code: "6", message: "参数“value”错误" });
    expect(h.modify(h.ids[0]!, "record_type", "MX", { value: "mx.example.cn" }).status).toMatchObject({ code: "6" });
    expect(h.modify("x,1", "ttl", "600").status.code).toBe("6");
    expect(h.modify("123", "ttl", "600").status).toMatchObject({ code: "8", message: "记录编号错误" });
  });
});

describe("Batch.Detail and the sites", () => {
  it("answers 8 for a job it does not know and 6 without job_id", () => {
    const h = cn();
    expect(h.call("Batch.Detail", { job_id: "1" }).status).toMatchObject({ code: "8", message: "数据为空，没有查到该任务" });
    expect(h.call("Batch.Detail", { job_id: "1", lang: "en" }).status.message).toBe("No data: the job was not found");
    expect(h.call("Batch.Detail", {}).status.code).toBe("6");
  });

  it("keeps queued jobs through snapshot and restore, and runs them after", () => {
    const h = cn({ batchDelayMs: 100 });
    const job = h.submit([A("s", "192.0.2.1")]).job_id;
    const snap = JSON.parse(JSON.stringify(h.emu.snapshot()));
    h.emu.reset();
    expect(h.pending).toEqual([]);
    h.emu.restore(snap);
    expect(h.pending).toHaveLength(1);
    h.advance(0.1);
    h.fire();
    expect(h.detail(job)).toMatchObject({ success: 1 });
  });

  it("api.dnspod.com answers the batch actions exactly as any other unknown action", () => {
    const h = harness();
    const id = h.domain();
    const answer = (action: string) => {
      const r = h.raw(action, { login_token: "10000,emulator-token", format: "json", domain_id: id, records: "[]" });
      return { status: r.status, status_: JSON.parse(r.body).status };
    };
    const unknown = answer("Record.Frobnicate");
    for (const action of ["Batch.Record.Create", "Batch.Record.Modify", "Batch.Detail"]) {
      expect(answer(action)).toEqual({
        status: unknown.status,
        status_: { ...unknown.status_, message: unknown.status_.message.replace("Record.Frobnicate", action) },
      });
    }
    expect(unknown).toMatchObject({ status: 404, status_: { code: "-99" } });
  });
});
