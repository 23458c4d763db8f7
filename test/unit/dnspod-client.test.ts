/**
 * DnspodClient against undici's MockAgent (network disabled): the exact request sent, every error
 * envelope turned into a DnspodApiError that names action, object, code, meaning and fix, the retry
 * policy (never -1/-8/validation, always -2/5xx/garbage), reconciliation of creates, and paging.
 */
import { MockAgent } from "undici";
import { DnspodClient } from "../../provider/dnspod/client";
import { DnspodApiError } from "../../provider/dnspod/errors";
import { HttpStatusError, ResponseShapeError } from "../../provider/http/errors";

const ENDPOINT = "https://api.dnspod.com";
const TOKEN = "730060,e1a8a$f14dc5dcbafd83680b3d2a553c4d553d";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require("../../package.json") as { version: string };
const UA = `pulumi-dnspod-wedos/${pkg.version} (maintainers@pulumi-dnspod-wedos.dev)`;
const STATUS_OK = { code: "1", message: "Action completed successful", created_at: "2024-03-01 10:00:00" };

interface Sent {
  path: string;
  method: string;
  form: Record<string, string>;
  headers: Record<string, string>;
}
type Reply = { status?: number; body: unknown } | ((form: Record<string, string>) => { status?: number; body: unknown });

function setup() {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const pool = agent.get(ENDPOINT);
  const sent: Sent[] = [];
  const logs: string[] = [];
  /** Answers `action` with the replies in order (the last one repeats). */
  const on = (action: string, ...replies: Reply[]) => {
    let i = 0;
    pool
      .intercept({ path: `/${action}`, method: "POST" })
      .reply((opts) => {
        const form = Object.fromEntries(new URLSearchParams(String(opts.body)));
        const headers = Object.fromEntries(
          Object.entries((opts.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), String(v)]),
        );
        sent.push({ path: opts.path, method: opts.method, form, headers });
        const r = replies[Math.min(i++, replies.length - 1)]!;
        const { status = 200, body } = typeof r === "function" ? r(form) : r;
        return {
          statusCode: status,
          data: typeof body === "string" ? body : JSON.stringify(body),
          responseOptions: { headers: { "content-type": "application/json" } },
        };
      })
      .persist();
  };
  const client = new DnspodClient({
    loginToken: TOKEN,
    endpoint: ENDPOINT,
    dispatcher: agent,
    sleep: async () => undefined,
    random: () => 0.5,
    log: (m) => logs.push(m),
  });
  return { client, on, sent, logs, agent };
}

const fail = (code: string, message = "") => ({ body: { status: { code, message, created_at: "2024-03-01 10:00:00" } } });

describe("DnspodClient request", () => {
  test("Record.Create posts exactly the global and record parameters, form-encoded, with the User-Agent", async () => {
    const t = setup();
    t.on("Record.Create", { body: { status: STATUS_OK, record: { id: "16894439", name: "www", status: "enable" } } });
    const id = await t.client.createRecord("2059079", {
      sub_domain: "www",
      record_type: "A",
      record_line: "default",
      value: "192.0.2.10",
      ttl: 600,
    });
    expect(id).toBe("16894439");
    expect(t.sent).toHaveLength(1);
    expect(t.sent[0]!.path).toBe("/Record.Create");
    expect(t.sent[0]!.method).toBe("POST");
    expect(t.sent[0]!.form).toEqual({
      login_token: TOKEN,
      format: "json",
      lang: "en",
      error_on_empty: "no",
      domain_id: "2059079",
      sub_domain: "www",
      record_type: "A",
      record_line: "default",
      value: "192.0.2.10",
      ttl: "600",
    });
    expect(t.sent[0]!.headers["user-agent"]).toBe(UA);
    expect(t.sent[0]!.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
  });

  test("MX sends mx; absent optional parameters are not sent at all", async () => {
    const t = setup();
    t.on("Record.Modify", {
      body: { status: STATUS_OK, record: { id: 16894439, name: "@", value: "mail.example.com.", status: "enable" } },
    });
    t.on("Domainshare.Modify", { body: { status: STATUS_OK } });
    await t.client.modifyRecord("1", "16894439", {
      sub_domain: "@",
      record_type: "MX",
      record_line: "default",
      value: "mail.example.com.",
      mx: 10,
      ttl: 600,
    });
    await t.client.modifyShare("1", "friend@example.com", "rw", "", "www");
    expect(t.sent[0]!.form).toMatchObject({ record_id: "16894439", mx: "10" });
    expect(t.sent[1]!.form).toEqual({
      login_token: TOKEN,
      format: "json",
      lang: "en",
      error_on_empty: "no",
      domain_id: "1",
      email: "friend@example.com",
      mode: "rw",
      new_sub_domain: "www",
    });
  });

  test("accepts the seed's shape drift: numeric and string ids, remark false, weight null, hold", async () => {
    const t = setup();
    const domain = {
      name: "dnspod.com",
      grade: "DP_Free",
      status: "enable",
      records: "3",
      group_id: "1",
      is_mark: "no",
      searchengine_push: "yes",
      ttl: "600",
      owner: "yizero@qq.com",
    };
    t.on("Domain.Info", { body: { status: STATUS_OK, domain: { ...domain, id: "6", punycode: "dnspod.com", remark: false } } });
    t.on("Domain.List", { body: { status: STATUS_OK, info: { domain_total: 1 }, domains: [{ ...domain, id: 6, remark: "" }] } });
    t.on("Record.List", {
      body: {
        status: STATUS_OK,
        info: { sub_domains: "1", record_total: "1" },
        records: [
          {
            id: "50",
            name: "@",
            line: "Default",
            type: "NS",
            ttl: "86400",
            value: "f1g1ns1.dnspod.net.",
            mx: "0",
            enabled: "1",
            status: "enabled",
            monitor_status: "",
            remark: "",
            updated_on: "2014-06-05 09:47:59",
            hold: "hold",
            weight: null,
          },
        ],
      },
    });
    expect(await t.client.domainInfo({ id: "6" })).toMatchObject({ id: "6", remark: "", records: 3, ttl: 600 });
    expect((await t.client.listDomains())[0]).toMatchObject({ id: "6", remark: "" });
    expect((await t.client.listRecords("6"))[0]).toMatchObject({ id: "50", ttl: 86400, mx: 0, hold: "hold" });
  });
});

describe("DnspodClient errors and retries", () => {
  test("an error envelope becomes DnspodApiError with action, object, code, meaning and fix", async () => {
    const t = setup();
    t.on("Record.Modify", fail("21", "Domain got locked."));
    const err = (await t.client
      .modifyRecord("7", "9", { sub_domain: "www", record_type: "A", record_line: "default", value: "192.0.2.1", ttl: 600 })
      .catch((e: unknown) => e)) as DnspodApiError;
    expect(err).toBeInstanceOf(DnspodApiError);
    expect(err).toMatchObject({
      name: "DnspodApiError[21]",
      action: "Record.Modify",
      object: "record 9 of domain 7",
      code: "21",
      retryable: false,
      meaning: "domain is locked",
    });
    expect(err.fix).toMatch(/DomainLock/);
    expect(err.message).toMatch(/^DNSPod Record\.Modify record 9 of domain 7: code 21 .*DomainLock/);
    expect(t.sent).toHaveLength(1);
  });

  test.each([
    ["-1", /dnspod:loginToken.*DNSPOD_LOGIN_TOKEN/],
    ["-8", /ban/],
    ["6", /check\(\)/],
    ["-7", /upgrade/],
  ])("code %s is never retried: exactly one request", async (code, fix) => {
    const t = setup();
    t.on("Record.Create", fail(code));
    const err = (await t.client
      .createRecord("1", { sub_domain: "www", record_type: "A", record_line: "default", value: "192.0.2.1", ttl: 600 })
      .catch((e: unknown) => e)) as DnspodApiError;
    expect(err).toBeInstanceOf(DnspodApiError);
    expect(err.code).toBe(code);
    expect(err.fix).toMatch(fix);
    expect(t.sent).toHaveLength(1);
  });

  test("-2 (rate limit) is retried with back-off and then succeeds", async () => {
    const t = setup();
    t.on("Domain.Info", fail("-2"), { body: { status: STATUS_OK, domain: { id: "1", name: "example.com" } } });
    expect(await t.client.domainInfo({ id: "1" })).toMatchObject({ id: "1" });
    expect(t.sent).toHaveLength(2);
    expect(t.logs[0]).toMatch(/Domain\.Info domain 1: attempt 1 failed .*code -2/);
  });

  test("an OK envelope whose data has the wrong shape is a labelled ResponseShapeError, sent once", async () => {
    const t = setup();
    t.on("Record.List", { body: { status: STATUS_OK, records: [{ id: "50", name: "@" }] } });
    const err = (await t.client.listRecords("6").catch((e: unknown) => e)) as ResponseShapeError;
    expect(err).toBeInstanceOf(ResponseShapeError);
    expect(err.retryable).toBe(false);
    expect(err.message).toMatch(
      /^DNSPod: Record\.List domain 6: the response data does not have the documented shape \(at records\.0\.type: .*\)\. Please report it/,
    );
    expect(t.sent).toHaveLength(1);
  });

  test("HTTP 503 and a non-JSON (HTML) body are retried; a 4xx is not", async () => {
    const t = setup();
    t.on(
      "Domain.Info",
      { status: 503, body: "Service Unavailable" },
      { body: "<!DOCTYPE html><html>protection</html>" },
      { body: { status: STATUS_OK, domain: { id: "1", name: "example.com" } } },
    );
    expect(await t.client.domainInfo({ id: "1" })).toMatchObject({ id: "1" });
    expect(t.sent).toHaveLength(3);
    const u = setup();
    u.on("Domain.Info", { status: 403, body: "Forbidden" });
    await expect(u.client.domainInfo({ id: "1" })).rejects.toBeInstanceOf(HttpStatusError);
    expect(u.sent).toHaveLength(1);
  });

  test("a create whose answer was lost is reconciled by listing, not sent twice", async () => {
    const t = setup();
    t.on("Record.Create", { status: 502, body: "Bad Gateway" });
    t.on("Record.List", {
      body: {
        status: STATUS_OK,
        info: { record_total: "1" },
        records: [
          {
            id: "77",
            name: "www",
            line: "Default",
            type: "CNAME",
            ttl: "600",
            value: "target.example.net.",
            mx: "0",
            enabled: "1",
            status: "enabled",
            remark: "",
            updated_on: "",
          },
        ],
      },
    });
    const id = await t.client.createRecord("1", {
      sub_domain: "www",
      record_type: "CNAME",
      record_line: "default",
      value: "target.example.net.",
      ttl: 600,
    });
    expect(id).toBe("77");
    expect(t.sent.map((s) => s.path)).toEqual(["/Record.Create", "/Record.List"]);
  });

  test("a domain that does not exist reads as undefined; a delete of a gone record succeeds", async () => {
    const t = setup();
    t.on("Domain.Info", fail("6", "Invalid domain id."));
    t.on("Record.Remove", fail("8", "Invalid record id."));
    expect(await t.client.domainInfo({ id: "404" })).toBeUndefined();
    await t.client.removeRecord("1", "404");
    expect(t.sent).toHaveLength(2);
  });
});

describe("DnspodClient paging", () => {
  const row = (i: number) => ({
    id: String(i),
    name: `h${i}`,
    line: "Default",
    type: "A",
    ttl: "600",
    value: "192.0.2.1",
    mx: "0",
    enabled: "1",
    status: "enabled",
    remark: "",
    updated_on: "",
  });

  test("Record.List of 1,234 records takes exactly 3 pages of at most 500", async () => {
    const t = setup();
    const all = Array.from({ length: 1234 }, (_, i) => row(i + 1));
    t.on("Record.List", (form) => {
      const offset = Number(form.offset),
        length = Number(form.length);
      return {
        body: { status: STATUS_OK, info: { sub_domains: "1234", record_total: "1234" }, records: all.slice(offset, offset + length) },
      };
    });
    const rows = await t.client.listRecords("9");
    expect(rows).toHaveLength(1234);
    expect(new Set(rows.map((r) => r.id)).size).toBe(1234);
    expect(t.sent.map((s) => [s.form.offset, s.form.length]).sort()).toEqual([
      ["0", "500"],
      ["1000", "500"],
      ["500", "500"],
    ]);
  });

  test("Domain.List pages by info.domain_total", async () => {
    const t = setup();
    const all = Array.from({ length: 501 }, (_, i) => ({ id: i + 1, name: `d${i}.com` }));
    t.on("Domain.List", (form) => ({
      body: {
        status: STATUS_OK,
        info: { domain_total: 501 },
        domains: all.slice(Number(form.offset), Number(form.offset) + Number(form.length)),
      },
    }));
    expect(await t.client.listDomains()).toHaveLength(501);
    expect(t.sent).toHaveLength(2);
  });
});

describe("dnspod context settings", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require("../../provider/dnspod/context") as typeof import("../../provider/dnspod/context")).forgetDnspodContext();
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ctx = () => (require("../../provider/dnspod/context") as typeof import("../../provider/dnspod/context")).dnspodContext();

  test("a missing token fails naming the config key and the environment variable", () => {
    delete process.env.DNSPOD_LOGIN_TOKEN;
    expect(ctx).toThrow(/pulumi config set --secret dnspod:loginToken.*DNSPOD_LOGIN_TOKEN/);
  });

  test("plain http is refused except for loopback emulators", () => {
    process.env.DNSPOD_LOGIN_TOKEN = TOKEN;
    process.env.DNSPOD_ENDPOINT = "http://api.dnspod.com";
    expect(ctx).toThrow(/dnspod:endpoint .*must use https/);
    process.env.DNSPOD_ENDPOINT = "http://127.0.0.1:9";
    expect(ctx().client).toBeInstanceOf(DnspodClient);
  });
});
