/** The DNSPod emulator driven through handle() with an injected clock: codes and exact shapes. */
import { DnspodEmulator, type DnspodEmulatorOptions, type DnspodState } from "../../emulator/dnspod";
import type { LogEntry } from "../../emulator/types";
import { DNSPOD_LINES, lineDisplayName, lineKeyFromDisplay, lineKeys } from "../../provider/dnspod/lines";

const TOKEN = "10000,emulator-token";
const T0 = Date.parse("2024-03-01T10:00:00Z");
// Responses are asserted structurally with toEqual, so loose typing here costs nothing.
type Json = Record<string, any>;

function harness(options: Partial<DnspodEmulatorOptions> = {}) {
  let nowMs = T0;
  const logs: Omit<LogEntry, "seq" | "at" | "api">[] = [];
  const counters = { changes: 0 };
  const emu = new DnspodEmulator(
    { now: () => new Date(nowMs), log: (e) => logs.push(e), changed: () => counters.changes++ },
    options,
  );
  const raw = (action: string, params: Record<string, string>, method = "POST", ip = "127.0.0.1") =>
    emu.handle({
      ip,
      method,
      path: `/${action}`,
      headers: { "user-agent": "test/1.0 (t@example.com)" },
      body: Buffer.from(new URLSearchParams(params).toString()),
    });
  const call = (action: string, params: Record<string, string> = {}, ip?: string): Json =>
    JSON.parse(raw(action, { login_token: TOKEN, format: "json", ...params }, "POST", ip).body);
  const code = (action: string, params: Record<string, string> = {}): string => call(action, params).status.code;
  const domain = (name = "example.com"): string => call("Domain.Create", { domain: name }).domain.id;
  const record = (domain_id: string, p: Record<string, string>): Json =>
    call("Record.Create", { domain_id, record_type: "A", record_line: "default", value: "1.2.3.4", ...p });
  const advance = (seconds: number) => (nowMs += seconds * 1000);
  return { emu, raw, call, code, domain, record, advance, logs, counters };
}

const STATUS = { code: "1", message: "Action completed successful", created_at: "2024-03-01 10:00:00" };

describe("transport, login and limits", () => {
  it("answers POST only (2), unknown actions with HTTP 404 / -99, bad or missing tokens with -1", () => {
    const h = harness();
    const get = h.raw("Domain.List", {}, "GET");
    expect(JSON.parse(h.raw("Domain.List", { format: "json" }, "GET").body).status.code).toBe("2");
    expect(get.status).toBe(200);
    const unknown = h.raw("Domain.Fly", { login_token: TOKEN, format: "json" });
    expect([unknown.status, JSON.parse(unknown.body).status.code]).toEqual([404, "-99"]);
    expect(h.call("Domain.List", { login_token: "10000,wrong" }).status).toMatchObject({ code: "-1", message: "Login failed" });
    expect(JSON.parse(h.raw("Domain.List", { format: "json" }).body).status.code).toBe("-1");
  });

  it("logs every request without credentials, with the user agent and the answered code", () => {
    const h = harness();
    h.code("Domain.Create", { domain: "example.com" });
    expect(h.logs.at(-1)).toEqual({
      op: "Domain.Create",
      params: { format: "json", domain: "example.com" },
      code: "1",
      userAgent: "test/1.0 (t@example.com)",
    });
    expect(h.counters.changes).toBe(1);
  });

  it("uses JSON with format=json and the vendor's default XML otherwise", () => {
    const h = harness();
    const json = h.raw("Domaingroup.List", { login_token: TOKEN, format: "json" });
    expect(json.headers["content-type"]).toBe("application/json; charset=utf-8");
    const xml = h.raw("Domaingroup.List", { login_token: TOKEN });
    expect(xml.headers["content-type"]).toMatch(/^text\/xml/);
    expect(xml.body).toContain("<dnspod><status><code>1</code>");
    expect(xml.body).toContain("<groups><item><group_id>1</group_id>");
  });

  it("bans an IP after more than 30 failed logins in 5 minutes, even with a good token, for an hour", () => {
    const h = harness();
    for (let i = 0; i < 31; i++) expect(h.call("Domain.List", { login_token: "1,bad" }, "10.0.0.1").status.code).toBe("-1");
    expect(h.call("Domain.List", {}, "10.0.0.1").status.code).toBe("-8");
    expect(h.call("Domain.List", { error_on_empty: "no" }, "10.0.0.2").status.code).toBe("1");
    h.advance(3599);
    expect(h.call("Domain.List", {}, "10.0.0.1").status.code).toBe("-8");
    h.advance(1);
    expect(h.call("Domain.List", { error_on_empty: "no" }, "10.0.0.1").status.code).toBe("1");
  });

  it("does not ban failures spread beyond the window", () => {
    const h = harness();
    for (let i = 0; i < 40; i++) {
      h.call("Domain.List", { login_token: "1,bad" });
      h.advance(10);
    }
    expect(h.call("Domain.List", { error_on_empty: "no" }).status.code).toBe("1");
  });

  it("answers -2 beyond the optional frequency limit, and apiFault uses the envelope", () => {
    const h = harness({ requestsPerWindow: 2, windowSeconds: 60 });
    expect([h.code("Domaingroup.List"), h.code("Domaingroup.List"), h.code("Domaingroup.List")]).toEqual(["1", "1", "-2"]);
    h.advance(61);
    expect(h.code("Domaingroup.List")).toBe("1");
    const req = { ip: "1.1.1.1", method: "POST", path: "/Record.List", headers: {}, body: Buffer.from("format=json") };
    expect(h.emu.opOf(req)).toBe("Record.List");
    expect(JSON.parse(h.emu.apiFault("-2", req).body)).toEqual({
      status: { code: "-2", message: "API usage is limited", created_at: "2024-03-01 10:01:01" },
    });
  });
});

describe("domains", () => {
  it("creates with the seed's shape and refuses invalid (6) and duplicate (7) names", () => {
    const h = harness();
    expect(h.call("Domain.Create", { domain: "api2.com" })).toEqual({
      status: STATUS,
      domain: { id: "1992403", punycode: "api2.com", domain: "api2.com" },
    });
    expect(h.code("Domain.Create", { domain: "api2.com" })).toBe("7");
    expect(h.code("Domain.Create", { domain: "not a domain" })).toBe("6");
    expect(h.call("Domain.Create", { domain: "bücher.de" }).domain).toMatchObject({ punycode: "xn--bcher-kva.de", domain: "bücher.de" });
  });

  it("lists with numeric ids and the seed's info block; error_on_empty decides 9 vs an empty list", () => {
    const h = harness();
    expect(h.code("Domain.List")).toBe("9");
    expect(h.call("Domain.List", { error_on_empty: "no" }).domains).toEqual([]);
    h.domain("dnspod.com");
    const list = h.call("Domain.List");
    expect(list.info).toEqual({
      domain_total: 1, all_total: 1, mine_total: 1, share_total: 0, vip_total: 0, ismark_total: 0,
      pause_total: 0, error_total: 1, lock_total: 0, spam_total: 0, vip_expire: 0, share_out_total: 0,
    });
    expect(list.domains).toEqual([{
      id: 1992403, name: "dnspod.com", grade: "DP_Free", grade_title: "Free", status: "enable",
      ext_status: "notexist", records: "2", group_id: "1", is_mark: "no", remark: "", is_vip: "no",
      searchengine_push: "yes", beian: "no", created_on: "2024-03-01 10:00:00",
      updated_on: "2024-03-01 10:00:00", ttl: "600", owner: "owner@example.com",
    }]);
  });

  it("pages Domain.List at pageCap and validates offset (6) / length (7)", () => {
    const h = harness({ pageCap: 2 });
    ["a.com", "b.com", "c.com"].forEach((n) => h.domain(n));
    expect(h.call("Domain.List").domains.map((d: Json) => d.name)).toEqual(["a.com", "b.com"]);
    expect(h.call("Domain.List", { offset: "2" }).domains.map((d: Json) => d.name)).toEqual(["c.com"]);
    expect(h.call("Domain.List", { offset: "1", length: "1" }).domains.map((d: Json) => d.name)).toEqual(["b.com"]);
    expect([h.code("Domain.List", { offset: "-1" }), h.code("Domain.List", { length: "x" })]).toEqual(["6", "7"]);
  });

  it("shows Domain.Info with a string id, remark false when empty, and user_id from the token", () => {
    const h = harness();
    const id = h.domain("dnspod.com");
    expect(h.call("Domain.Info", { domain_id: id }).domain).toEqual({
      id, name: "dnspod.com", punycode: "dnspod.com", grade: "DP_Free", grade_title: "Free", status: "enable",
      ext_status: "notexist", records: "2", group_id: "1", is_mark: "no", remark: false, is_vip: "no",
      searchengine_push: "yes", beian: "no", user_id: "10000", created_on: "2024-03-01 10:00:00",
      updated_on: "2024-03-01 10:00:00", ttl: "600", owner: "owner@example.com",
    });
    expect(h.code("Domain.Remark", { domain: "dnspod.com", remark: "这个域名需要备注一下" })).toBe("1");
    expect(h.call("Domain.Info", { domain: "dnspod.com" }).domain.remark).toBe("这个域名需要备注一下");
    expect(h.code("Domain.Info", { domain_id: "1" })).toBe("6");
  });

  it("sets status, search-engine push and mark, and logs operations", () => {
    const h = harness();
    const id = h.domain();
    expect(h.call("Domain.Log", { domain_id: id })).toEqual({
      status: STATUS, log: ["There is no domain logs at the moment."], info: { count: 0, page_size: 500 },
    });
    expect(["disable", "bogus"].map((status) => h.code("Domain.Status", { domain_id: id, status }))).toEqual(["1", "6"]);
    h.code("Domain.Searchenginepush", { domain_id: id, status: "no" });
    h.code("Domain.Ismark", { domain_id: id, is_mark: "yes" });
    const [d] = h.call("Domain.List").domains;
    expect([d.status, d.searchengine_push, d.is_mark]).toEqual(["disable", "no", "yes"]);
    expect(h.call("Domain.List", { type: "pause" }).info.pause_total).toBe(1);
    expect(h.call("Domain.Log", { domain_id: id }).info.count).toBe(3);
    expect(h.code("Domain.Remove", { domain: "example.com" })).toBe("1");
    expect(h.code("Domain.Remove", { domain_id: id })).toBe("6");
  });
});

describe("locks", () => {
  it("locks, blocks removal (7) and record writes (21), unlocks with the code", () => {
    const h = harness();
    const id = h.domain();
    const rec = h.record(id, { sub_domain: "www" }).record.id;
    expect([h.code("Domain.Lock", { domain_id: id, days: "0" }), h.code("Domain.Lock", { domain_id: id, days: "366" })])
      .toEqual(["8", "9"]);
    const { lock } = h.call("Domain.Lock", { domain_id: id, days: "3" });
    expect(lock).toEqual({ domain_id: Number(id), lock_code: expect.stringMatching(/^[0-9a-f]{6}$/), lock_end: "2024-03-04" });
    expect(h.code("Domain.Lock", { domain_id: id, days: "1" })).toBe("21");
    expect(h.call("Domain.Lockstatus", { domain_id: id }).lock)
      .toEqual({ lock_status: "yes", start_at: "2024-03-01", end_at: "2024-03-04" });
    expect(h.call("Domain.Remove", { domain_id: id }).status).toMatchObject({ code: "7", message: "Domain got locked." });
    expect(h.code("Domain.Status", { domain_id: id, status: "disable" })).toBe("7");
    expect(h.code("Record.Create", { domain_id: id, record_type: "A", record_line: "default", value: "1.1.1.1" })).toBe("21");
    expect(h.code("Record.Modify", { domain_id: id, record_id: rec, record_type: "A", record_line: "default", value: "2.2.2.2" }))
      .toBe("21");
    for (const a of ["Record.Remove", "Record.Remark", "Record.Status"]) {
      expect(h.code(a, { domain_id: id, record_id: rec, status: "disable" })).toBe("21");
    }
    expect(h.code("Domain.Unlock", { domain_id: id, lock_code: "000000" })).toBe("9");
    expect(h.call("Domain.Unlock", { domain_id: id, lock_code: lock.lock_code }).lock.lock_status).toBe("yes");
    expect(h.call("Domain.Lockstatus", { domain_id: id }).status).toMatchObject({ code: "7", message: "The domain is not locked." });
    expect(h.code("Domain.Unlock", { domain_id: id, lock_code: lock.lock_code })).toBe("8");
    expect(h.code("Domain.Remove", { domain_id: id })).toBe("1");
  });

  it("expires a lock after its days", () => {
    const h = harness();
    const id = h.domain();
    h.code("Domain.Lock", { domain_id: id, days: "1" });
    expect(h.call("Domain.List").info.lock_total).toBe(1);
    h.advance(86_399);
    expect(h.code("Domain.Lockstatus", { domain_id: id })).toBe("1");
    h.advance(1);
    expect(h.code("Domain.Lockstatus", { domain_id: id })).toBe("7");
    expect(h.code("Domain.Remove", { domain_id: id })).toBe("1");
  });
});

describe("shares, transfer and acquire", () => {
  it("checks the target email (7/8/9), lists, modifies sub domains as the seed's examples, removes", () => {
    const h = harness();
    const id = h.domain();
    const share = (p: Record<string, string>) => h.code("Domainshare.Create", { domain_id: id, ...p });
    expect([share({ email: "nope" }), share({ email: "owner@example.com" }), share({ email: "x@y.org" })]).toEqual(["7", "7", "8"]);
    expect(h.code("Domainshare.List", { domain_id: id })).toBe("7");
    expect(share({ email: "friend@example.com", mode: "rw" })).toBe("1");
    expect(share({ email: "friend@example.com" })).toBe("9");
    const list = () => h.call("Domainshare.List", { domain_id: id });
    expect(list())
      .toEqual({ status: STATUS, share: [{ share_to: "friend@example.com", mode: "rw", status: "enabled" }], owner: "owner@example.com" });
    const modify = (p: Record<string, string>) => h.code("Domainshare.Modify", { domain_id: id, email: "friend@example.com", mode: "rw", ...p });
    expect(modify({ mode: "r" })).toBe("1");
    expect(modify({ new_sub_domain: "www" })).toBe("1");
    expect(list().share).toEqual([{ share_to: "friend@example.com", mode: "rw", status: "enabled", sub_domain: "www" }]);
    expect(modify({ old_sub_domain: "bbs", new_sub_domain: "www" })).toBe("9");
    expect(modify({ old_sub_domain: "www", new_sub_domain: "bbs" })).toBe("1");
    expect(modify({ old_sub_domain: "bbs" })).toBe("1");
    expect(list().share[0].sub_domain).toBeUndefined();
    expect(h.code("Domainshare.Remove", { domain_id: id, email: "colleague@example.com" })).toBe("9");
    expect(h.code("Domainshare.Remove", { domain_id: id, email: "friend@example.com" })).toBe("1");
    expect(h.call("Domainshare.List", { domain_id: id, error_on_empty: "no" }).share).toEqual([]);
  });

  it("transfers a domain out of the account and takes it back via Acquire*", () => {
    const h = harness();
    const id = h.domain("api4.com");
    expect(h.code("Domainshare.Transfer", { domain_id: id, email: "owner@example.com" })).toBe("9");
    expect(h.code("Domainshare.Transfer", { domain_id: id, email: "colleague@example.com" })).toBe("1");
    expect(h.code("Domain.List")).toBe("9");
    expect(h.code("Domain.Create", { domain: "api4.com" })).toBe("12");
    expect(h.code("Domain.Acquire", { domain: "other.com" })).toBe("10");
    expect(h.call("Domain.Acquire", { domain: "api4.com" }).emails).toEqual(["admin@api4.com", "hostmaster@api4.com"]);
    expect(h.code("Domain.Acquiresend", { domain: "api4.com", email: "x@api4.com" })).toBe("16");
    expect(h.code("Domain.Acquiresend", { domain: "api4.com", email: "admin@api4.com" })).toBe("1");
    expect(h.code("Domain.Acquirevalidate", { domain: "api4.com", code: "bad" })).toBe("15");
    const sent = h.emu.snapshot().transferred[0]!.acquireCode!;
    expect(h.code("Domain.Acquirevalidate", { domain: "api4.com", code: sent })).toBe("1");
    expect(h.call("Domain.List").domains[0].id).toBe(Number(id));
  });
});

describe("aliases and groups", () => {
  it("adds, lists and removes aliases with the vendor's codes", () => {
    const h = harness();
    const id = h.domain();
    h.domain("taken.com");
    expect(h.code("Domainalias.List", { domain_id: id })).toBe("7");
    expect(h.call("Domainalias.Create", { domain_id: id, domain: "dnspodapi.com" }).alias)
      .toEqual({ id: "18737", punycode: "dnspodapi.com" });
    expect(h.call("Domainalias.List", { domain_id: id }).alias).toEqual([{ id: "18737", domain: "dnspodapi.com" }]);
    const add = (domain: string) => h.code("Domainalias.Create", { domain_id: id, domain });
    expect([add("bad domain"), add("dnspodapi.com"), add("taken.com"), add("b.com"), add("c.com"), add("d.com")])
      .toEqual(["7", "8", "9", "1", "1", "10"]);
    expect(h.code("Domain.Create", { domain: "dnspodapi.com" })).toBe("11");
    expect(h.code("Domainalias.Remove", { domain_id: id, alias_id: "1" })).toBe("7");
    expect(h.code("Domainalias.Remove", { domain_id: id, alias_id: "18737" })).toBe("1");
  });

  it("lists the seed's system groups; custom groups need a VIP account (-7 on DP_Free)", () => {
    const free = harness();
    const { groups } = free.call("Domaingroup.List");
    expect(groups[0]).toEqual({ group_id: 1, group_name: "Default Group", group_type: "system", size: 0 });
    expect(groups.map((g: Json) => g.group_id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(free.code("Domaingroup.Create", { group_name: "dnspod" })).toBe("-7");
    expect(free.code("Domain.Changegroup", { domain_id: free.domain(), group_id: "3" })).toBe("1");

    const vip = harness({ accountGrade: "DP_Plus" });
    const id = vip.domain();
    expect(vip.call("Domaingroup.Create", { group_name: "dnspod" }).groups).toEqual({ id: "1985" });
    expect([vip.code("Domaingroup.Create", { group_name: "dnspod" }), vip.code("Domaingroup.Create", { group_name: "" })])
      .toEqual(["8", "7"]);
    expect(vip.code("Domain.Changegroup", { domain_id: id, group_id: "1985" })).toBe("1");
    expect(vip.code("Domain.Changegroup", { domain_id: id, group_id: "99" })).toBe("7");
    expect(vip.code("Domaingroup.Modify", { group_id: "1985", group_name: "dnspodgroup" })).toBe("1");
    expect(vip.code("Domaingroup.Modify", { group_id: "1", group_name: "x" })).toBe("6");
    expect(vip.call("Domaingroup.List").groups.at(-1))
      .toEqual({ group_id: 1985, group_name: "dnspodgroup", group_type: "custom", size: 1 });
    expect(vip.code("Domaingroup.Remove", { group_id: "1985" })).toBe("1");
    expect(vip.call("Domain.Info", { domain_id: id }).domain.group_id).toBe("1");
  });
});

describe("record types and lines", () => {
  it("answers Record.Type per grade and Record.Line from the shared table", () => {
    const h = harness();
    expect(h.call("Record.Type", { domain_grade: "DP_Free" }).types)
      .toEqual(["A", "CNAME", "MX", "TXT", "NS", "AAAA", "SRV", "URL", "Framed URL"]);
    expect(h.call("Record.Type", { domain_grade: "DP_Plus" }).types).toContain("CAA");
    expect(h.code("Record.Type", { domain_grade: "D_Free" })).toBe("6");
    expect(h.call("Record.Line", { domain_grade: "DP_Free", domain: "x.com" }).lines).toEqual(DNSPOD_LINES);
    expect(harness({ defaultLineName: "默认" }).call("Record.Line", { domain_grade: "DP_Free" }).lines.default)
      .toEqual({ name: "默认", sub_area: { default: "默认" } });
  });

  it("maps keys and display names both ways", () => {
    expect(lineKeys().has("search_engine")).toBe(true);
    expect(lineKeys().has("Default")).toBe(false);
    expect([lineDisplayName("default"), lineDisplayName("US"), lineDisplayName("nope")]).toEqual(["Default", "United States", undefined]);
    expect(["Default", "默认", "default", "United States", "DZ", "Atlantis"].map(lineKeyFromDisplay))
      .toEqual(["default", "default", "default", "US", "DZ", undefined]);
  });
});

describe("records", () => {
  const base = { record_type: "A", record_line: "default", value: "1.2.3.4" };

  it("creates (string id), lists every field as a string with line names, holds the system NS", () => {
    const h = harness();
    const id = h.domain("dnspod.com");
    expect(h.record(id, { sub_domain: "www", record_line: "US" }))
      .toEqual({ status: STATUS, record: { id: "16894441", name: "www", status: "enable" } });
    h.record(id, { sub_domain: "", record_type: "MX", value: "Mail.Example.com", mx: "10" });
    const list = h.call("Record.List", { domain_id: id });
    expect(list.domain).toEqual({ id, name: "dnspod.com", punycode: "dnspod.com", grade: "DP_Free", owner: "owner@example.com" });
    expect(list.info).toEqual({ sub_domains: "4", record_total: "4" });
    const [ns1, , www, mx] = list.records;
    expect(ns1).toEqual({
      id: "16894439", name: "@", line: "Default", type: "NS", ttl: "86400", value: "f1g1ns1.dnspod.net.", mx: "0",
      enabled: "1", status: "enabled", monitor_status: "", remark: "", updated_on: "2024-03-01 10:00:00", hold: "hold",
    });
    expect(www).toMatchObject({ name: "www", line: "United States", ttl: "600", mx: "0" });
    expect(www.hold).toBeUndefined();
    expect(mx).toMatchObject({ name: "@", type: "MX", value: "mail.example.com.", mx: "10", line: "Default" });
    const cn = harness({ defaultLineName: "默认" });
    const cnId = cn.domain();
    expect(cn.call("Record.List", { domain_id: cnId }).records[0].line).toBe("默认");
  });

  it("filters Record.List and honours error_on_empty (10)", () => {
    const h = harness();
    const id = h.domain();
    h.record(id, { sub_domain: "www" });
    expect(h.call("Record.List", { domain_id: id, sub_domain: "www" }).info).toEqual({ sub_domains: "3", record_total: "1" });
    expect(h.call("Record.List", { domain_id: id, record_line: "Default", record_type: "NS" }).records).toHaveLength(2);
    expect(h.code("Record.List", { domain_id: id, sub_domain: "nope" })).toBe("10");
    expect(h.call("Record.List", { domain_id: id, sub_domain: "nope", error_on_empty: "no" }))
      .toMatchObject({ status: { code: "1" }, records: [] });
    expect(h.code("Record.List", { domain_id: "123" })).toBe("6");
  });

  it("pages 600 records at 500 without offset/length", () => {
    const h = harness();
    const id = h.domain();
    for (let i = 0; i < 598; i++) expect(h.record(id, { sub_domain: `h${i}` }).status.code).toBe("1");
    const first = h.call("Record.List", { domain_id: id });
    expect([first.records.length, first.info.record_total]).toEqual([500, "600"]);
    expect(h.call("Record.List", { domain_id: id, offset: "500" }).records).toHaveLength(100);
    expect(h.call("Record.List", { domain_id: id, offset: "500", length: "1000" }).records).toHaveLength(100);
    expect([h.code("Record.List", { domain_id: id, offset: "x" }), h.code("Record.List", { domain_id: id, length: "0" })])
      .toEqual(["7", "8"]);
  });

  it("rejects bad input with the vendor's codes", () => {
    const h = harness();
    const id = h.domain();
    const c = (p: Record<string, string>) => h.record(id, p).status.code;
    expect(c({ record_line: "Default" })).toBe("26");
    expect(c({ record_type: "CAA", value: '0 issue "ca.example"' })).toBe("27");
    expect([c({ ttl: "599" }), c({ ttl: "604801" }), c({ ttl: "abc" })]).toEqual(["29", "6", "6"]);
    expect([c({ record_type: "MX", value: "mx.example.com" }), c({ record_type: "MX", value: "mx.example.com", mx: "21" })])
      .toEqual(["30", "30"]);
    expect(c({ record_type: "NS", value: "ns.example.net", record_line: "US" })).toBe("36");
    expect([c({ value: "1.2.3" }), c({ record_type: "AAAA", value: "1.2.3.4" }), c({ record_type: "CNAME", value: "-x" })])
      .toEqual(["34", "34", "34"]);
    expect([c({ sub_domain: "bad name" }), c({ sub_domain: "a.*" }), c({ sub_domain: "*.ok" })]).toEqual(["22", "24", "1"]);
    expect(c({ sub_domain: "*.ok" })).toBe("104");
    expect(c({ sub_domain: "*.ok", record_type: "CNAME", value: "t.example.com" })).toBe("31");
    expect(c({ domain_id: "1" })).toBe("6");
  });

  it("applies the grade's TTL minimum and the round-robin limit", () => {
    const h = harness({ accountGrade: "DP_Plus", roundRobinLimit: 2 });
    const id = h.domain();
    expect([h.record(id, { ttl: "119" }).status.code, h.record(id, { ttl: "120" }).status.code]).toEqual(["29", "1"]);
    expect(h.record(id, { value: "5.5.5.5" }).status.code).toBe("1");
    expect(h.record(id, { value: "6.6.6.6" }).status.code).toBe("25");
    expect(h.record(id, { value: "6.6.6.6", record_line: "US" }).status.code).toBe("1");
  });

  it("modifies (numeric id), counts no-op modifies, and refuses system NS (7) and unknown ids (8)", () => {
    const h = harness();
    const id = h.domain();
    const rec = h.record(id, { sub_domain: "www" }).record.id;
    const modify = (p: Record<string, string>) => h.call("Record.Modify", { domain_id: id, record_id: rec, sub_domain: "www", ...base, ...p });
    expect(modify({ value: "3.2.2.2", record_line: "DE" }))
      .toEqual({ status: STATUS, record: { id: Number(rec), name: "www", value: "3.2.2.2", status: "enable" } });
    expect(h.call("Record.Info", { domain_id: id, record_id: rec })).toEqual({
      status: STATUS,
      domain: { id, domain: "example.com", domain_grade: "DP_Free" },
      record: {
        id: rec, sub_domain: "www", record_type: "A", record_line: "Germany", value: "3.2.2.2", mx: "0", ttl: "600",
        enabled: "1", monitor_status: "", remark: "", updated_on: "2024-03-01 10:00:00", domain_id: id,
      },
    });
    modify({ value: "3.2.2.2", record_line: "DE" });
    modify({ value: "3.2.2.2", record_line: "DE" });
    expect(h.emu.snapshot().domains[0]!.records.find((r) => String(r.id) === rec)!.noopModifies).toBe(2);
    expect(modify({ record_line: "Default" }).status.code).toBe("26");
    expect(h.code("Record.Modify", { domain_id: id, record_id: "1", ...base })).toBe("8");
    expect(h.code("Record.Modify", { domain_id: id, record_id: "16894439", ...base, record_type: "NS", value: "x.net" })).toBe("7");
    expect(h.code("Record.Remove", { domain_id: id, record_id: "16894439" })).toBe("7");
  });

  it("sets status and remark, then removes", () => {
    const h = harness();
    const id = h.domain();
    const rec = h.record(id, {}).record.id;
    expect(h.call("Record.Status", { domain_id: id, record_id: rec, status: "disable" }).record)
      .toEqual({ id: Number(rec), name: "@", status: "disable" });
    expect(h.call("Record.Remark", { domain_id: id, record_id: rec, remark: "note" })).toEqual({ status: STATUS });
    expect(h.call("Record.List", { domain_id: id, record_type: "A" }).records[0])
      .toMatchObject({ enabled: "0", status: "disabled", remark: "note" });
    expect(h.call("Record.Ddns", { domain_id: id, record_id: rec, record_line: "default" }, "203.0.113.7").record)
      .toEqual({ id: Number(rec), name: "@", value: "203.0.113.7" });
    expect(h.call("Domain.Log", { domain_id: id }).log[0]).toMatch(/^2024-03-01 10:00:00: Modified record \d+ to @ A default 203\.0\.113\.7$/);
    expect(h.call("Record.Remove", { domain_id: id, record_id: rec })).toEqual({ status: STATUS });
    expect(h.code("Record.Info", { domain_id: id, record_id: rec })).toBe("8");
  });
});

describe("snapshot, restore, reset", () => {
  it("round-trips the whole state and empties it, ban counters included", () => {
    const h = harness();
    const id = h.domain();
    h.record(id, { sub_domain: "www" });
    h.call("Domain.Lock", { domain_id: id, days: "2" });
    for (let i = 0; i < 31; i++) h.call("Domain.List", { login_token: "1,bad" }, "10.9.9.9");
    const snap: DnspodState = JSON.parse(JSON.stringify(h.emu.snapshot()));
    expect(snap.domains[0]!.lock!.code).toMatch(/^[0-9a-f]{6}$/);
    expect(snap.security.bannedUntil["10.9.9.9"]).toBeGreaterThan(T0);
    h.emu.reset();
    expect(h.emu.snapshot().domains).toEqual([]);
    expect(h.call("Domain.List", { error_on_empty: "no" }, "10.9.9.9").status.code).toBe("1");
    h.emu.restore(snap);
    expect(h.emu.snapshot()).toEqual(snap);
    expect(h.call("Record.List", { domain_id: id, sub_domain: "www" }).records).toHaveLength(1);
    expect(h.call("Domain.List", {}, "10.9.9.9").status.code).toBe("-8");
    expect(() => h.emu.restore({ rows: [] })).toThrow(TypeError);
  });
});
