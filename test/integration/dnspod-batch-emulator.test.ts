/**
 * dnsapi.cn's batch actions over HTTP (`--dnspod-site cn`), sent exactly as the vendor's curl
 * examples send them (the form body unencoded, `records` raw JSON with 默认), and as the DDNS
 * scripts that use Batch.Record.Modify do: job ids, the documented echoes, a job that waits
 * `--dnspod-batch-delay` and then reports every record, per-record errors, api.dnspod.com's refusal.
 */
import { request } from "undici";
import { type RunningEmulators, startEmulators } from "../../emulator";
import { optionsFromArgs } from "../../emulator/cli";

const TOKEN = "10000,emulator-token";
const DELAY = 150;
let cn: RunningEmulators;
let intl: RunningEmulators;

beforeAll(async () => {
  cn = await startEmulators({ dnspod: { site: "cn", batchDelayMs: DELAY } });
  intl = await startEmulators();
});
beforeEach(() => {
  cn.hub.reset();
  intl.hub.reset();
});
afterAll(async () => {
  await cn.close();
  await intl.close();
});

/** Answers are asserted structurally. */
type Json = Record<string, any>;

async function post(emu: RunningEmulators, action: string, body: string): Promise<{ status: number; json: Json }> {
  const res = await request(`${emu.dnspod.endpoint}/${action}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "batch-test/1.0 (t@example.com)" },
  });
  return { status: res.statusCode, json: (await res.body.json()) as Json };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Batch.Detail until no record waits or runs; the number of polls it took. */
async function finished(job: string): Promise<{ detail: Json; polls: number }> {
  for (let polls = 1; ; polls++) {
    const { json } = await post(cn, "Batch.Detail", `login_token=${TOKEN}&format=json&job_id=${job}`);
    if (json.success + json.fail === json.total) return { detail: json, polls };
    await sleep(50);
  }
}

test("--dnspod-batch-delay sets how long a job waits", () => {
  expect(optionsFromArgs(["--dnspod-site", "cn", "--dnspod-batch-delay", "1200"]).dnspod).toEqual({ site: "cn", batchDelayMs: 1200 });
  expect(() => optionsFromArgs(["--dnspod-batch-delay", "soon"])).toThrow("--dnspod-batch-delay must be a number");
});

test("the documented Batch.Record.Create: job queued, detail echoed, records created after the delay on both domains", async () => {
  const ids = [];
  for (const domain of ["example.cn", "example.net"])
    ids.push((await post(cn, "Domain.Create", `login_token=${TOKEN}&format=json&domain=${domain}`)).json.domain.id);
  const records =
    '[{"sub_domain":"www,wap,bbs","record_type":"A","record_line":"默认","value":"11.22.33.44","ttl":600},' +
    '{"sub_domain":"","record_type":"MX","record_line":"默认","value":"mx.qq.com","ttl":600,"MX":10}]';
  const submitted = Date.now();
  const { json } = await post(cn, "Batch.Record.Create", `login_token=${TOKEN}&format=json&records=${records}&domain_id=${ids.join(",")}`);
  expect(json.status).toMatchObject({ code: "1", message: "操作已经成功完成" });
  expect(json.job_id).toMatch(/^\d+$/);
  expect(json.detail.map((d: Json) => [d.domain_id, d.status, d.records.length])).toEqual([
    [ids[0], "waiting", 4],
    [ids[1], "waiting", 4],
  ]);
  const { detail } = await finished(json.job_id);
  expect(Date.now() - submitted).toBeGreaterThanOrEqual(DELAY);
  expect(detail).toMatchObject({ status: { code: "1" }, total: 8, success: 8, fail: 0, type: "record_add" });
  for (const id of ids) {
    const listed = (await post(cn, "Record.List", `login_token=${TOKEN}&format=json&domain_id=${id}`)).json.records;
    expect(listed.filter((r: Json) => r.type !== "NS").map((r: Json) => `${r.name} ${r.type} ${r.line} ${r.value} ${r.mx}`)).toEqual([
      "www A 默认 11.22.33.44 0",
      "wap A 默认 11.22.33.44 0",
      "bbs A 默认 11.22.33.44 0",
      "@ MX 默认 mx.qq.com. 10",
    ]);
  }
});

test("Batch.Record.Modify as DDNS scripts send it (a trailing comma); a failed record does not stop the others", async () => {
  const id = (await post(cn, "Domain.Create", `login_token=${TOKEN}&format=json&domain=example.cn`)).json.domain.id;
  const create = async (sub: string) =>
    (
      await post(
        cn,
        "Record.Create",
        `login_token=${TOKEN}&format=json&domain_id=${id}&sub_domain=${sub}&record_type=A&record_line=默认&value=192.0.2.1`,
      )
    ).json.record.id;
  const ids = [await create("home"), await create("nas"), await create("vpn")];
  await post(
    cn,
    "Record.Create",
    `login_token=${TOKEN}&format=json&domain_id=${id}&sub_domain=nas&record_type=A&record_line=默认&value=192.0.2.77`,
  );
  const modify = await post(
    cn,
    "Batch.Record.Modify",
    `login_token=${TOKEN}&format=json&lang=en&record_id=${ids.join(",")},&change=value&change_to=192.0.2.77`,
  );
  expect(modify.json.status.message).toBe("Operation successful");
  expect(modify.json.detail[0]).toMatchObject({
    domain_id: Number(id),
    records: [{ record_id: ids[0], value: "192.0.2.1", operation: "edit" }, {}, {}],
  });
  const { detail } = await finished(modify.json.job_id);
  expect(detail).toMatchObject({ total: 3, success: 2, fail: 1, type: "record_modify" });
  // nas already has 192.0.2.77: the change would duplicate it, refused as Record.Modify refuses it.
  expect(detail.detail[0].records.map((r: Json) => [r.sub_domain, r.value, r.status, r.err_msg])).toEqual([
    ["home", "192.0.2.77", "ok", null],
    ["nas", "192.0.2.1", "error", "记录已经存在"],
    ["vpn", "192.0.2.77", "ok", null],
  ]);
});

test("api.dnspod.com has no batch actions: HTTP 404 and -99, as for any unknown action", async () => {
  for (const action of ["Batch.Record.Create", "Batch.Record.Modify", "Batch.Detail", "Record.Frobnicate"]) {
    const r = await post(intl, action, `login_token=${TOKEN}&format=json&job_id=1`);
    expect([r.status, r.json.status.code, r.json.status.message]).toEqual([404, "-99", `Unknown API action “${action}”.`]);
  }
});
