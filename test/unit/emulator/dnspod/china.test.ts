/**
 * The DNSPod emulator as dnsapi.cn (`site: "cn"`): 默认 and Chinese line names or line ids on write,
 * names plus `line_id` on read, its grades and TTLs, its codes, Chinese texts unless `lang=en`.
 */
import { harness, type Json } from "./harness";

const cn = (options = {}) => harness({ site: "cn", ...options });

describe("lines", () => {
  it("takes 默认 and the other Chinese names, or a line id that wins over the name", () => {
    const h = cn();
    const id = h.domain("example.cn");
    const create = (p: Record<string, string>) => h.call("Record.Create", { domain_id: id, record_type: "A", value: "192.0.2.1", ...p });
    expect(create({ sub_domain: "a", record_line: "默认" }).status.code).toBe("1");
    expect(create({ sub_domain: "b", record_line: "电信" }).status.code).toBe("1");
    expect(create({ sub_domain: "c", record_line: "默认", record_line_id: "10=3" }).status.code).toBe("1");
    expect(create({ sub_domain: "d", record_line_id: "0" }).status.code).toBe("1");
    const lines = h.call("Record.List", { domain_id: id, record_type: "A" }).records.map((r: Json) => [r.name, r.line, r.line_id]);
    expect(lines).toEqual([
      ["a", "默认", "0"],
      ["b", "电信", "10=0"],
      ["c", "移动", "10=3"],
      ["d", "默认", "0"],
    ]);
    expect(h.call("Record.List", { domain_id: id, record_line: "电信" }).records.map((r: Json) => r.name)).toEqual(["b"]);
  });

  it("refuses the international key `default` and unknown lines (26) unless told to accept it", () => {
    const h = cn();
    const id = h.domain("example.cn");
    const create = (p: Record<string, string>) => h.code("Record.Create", { domain_id: id, record_type: "A", value: "192.0.2.1", ...p });
    expect([create({ record_line: "default" }), create({ record_line: "Default" }), create({ record_line_id: "10=9" })]).toEqual([
      "26",
      "26",
      "26",
    ]);
    expect(create({})).toBe("6");
    const lenient = cn({ cnAcceptsDefaultKey: true });
    const lid = lenient.domain("example.cn");
    expect(
      lenient.call("Record.Create", { domain_id: lid, record_type: "A", value: "192.0.2.1", record_line: "default" }).status.code,
    ).toBe("1");
    expect(lenient.call("Record.List", { domain_id: lid, record_type: "A" }).records[0].line).toBe("默认");
  });

  it("answers Record.Line with names and ids, 默认's id a number as in the vendor's example", () => {
    const { line_ids: ids, lines } = cn().call("Record.Line", { domain_grade: "DP_Free", domain: "example.cn" });
    expect(lines.slice(0, 7)).toEqual(["默认", "境内", "境外", "电信", "联通", "教育网", "移动"]);
    expect(ids).toMatchObject({
      默认: 0,
      境内: "7=0",
      境外: "3=0",
      电信: "10=0",
      联通: "10=1",
      教育网: "10=2",
      移动: "10=3",
      搜索引擎: "80=0",
    });
    expect(lines).toEqual(Object.keys(ids));
  });

  it("keeps a record's line on Record.Ddns sent with 默认, and refuses a move to another line", () => {
    const h = cn();
    const id = h.domain("example.cn");
    const rec = h.call("Record.Create", { domain_id: id, sub_domain: "home", record_type: "A", record_line: "默认", value: "192.0.2.1" })
      .record.id;
    const ddns = (p: Record<string, string>) =>
      h.call("Record.Ddns", { domain: "example.cn", sub_domain: "home", record_id: rec, record_type: "A", ...p });
    expect(ddns({ record_line: "默认", value: "192.0.2.9" }).record).toEqual({ id: Number(rec), name: "home", value: "192.0.2.9" });
    expect(ddns({ record_line: "联通", value: "192.0.2.8" }).status.code).toBe("26");
  });

  it("restores a state written by the international site and shows its default line as 默认", () => {
    const intl = harness();
    const id = intl.domain();
    intl.record(id, { sub_domain: "www" });
    const h = cn();
    h.emu.restore(JSON.parse(JSON.stringify(intl.emu.snapshot())));
    const www = h.call("Record.List", { domain_id: id, sub_domain: "www" }).records[0];
    expect([www.line, www.line_id]).toEqual(["默认", "0"]);
    expect(
      h.call("Record.Modify", {
        domain_id: id,
        record_id: www.id,
        sub_domain: "www",
        record_type: "A",
        record_line: "默认",
        value: "192.0.2.2",
      }).status.code,
    ).toBe("1");
  });
});

describe("shapes", () => {
  it("lists and reads records with dnsapi.cn's extra fields", () => {
    const h = cn();
    const id = h.domain("example.cn");
    const created = h.call("Record.Create", {
      domain_id: id,
      sub_domain: "www",
      record_type: "A",
      record_line: "联通",
      value: "192.0.2.1",
      status: "disable",
    });
    expect(created.record).toEqual({ id: "16894441", name: "www", status: "disabled", weight: null });
    const list = h.call("Record.List", { domain: "example.cn", sub_domain: "www" });
    expect(list.domain).toMatchObject({ id, name: "example.cn", grade: "DP_Free", ttl: 600, min_ttl: 600 });
    expect(list.info).toEqual({ sub_domains: "3", record_total: "1", records_num: "1" });
    expect(list.records).toEqual([
      {
        id: "16894441",
        name: "www",
        line: "联通",
        line_id: "10=1",
        type: "A",
        ttl: "600",
        value: "192.0.2.1",
        weight: null,
        mx: "0",
        enabled: "0",
        status: "disabled",
        monitor_status: "",
        remark: "",
        updated_on: "2024-03-01 10:00:00",
        use_aqb: "no",
      },
    ]);
    const info = h.call("Record.Info", { domain_id: id, record_id: "16894441" });
    expect(info.domain).toEqual({ id: Number(id), domain: "example.cn", domain_grade: "DP_Free" });
    expect(info.record).toMatchObject({ record_line: "联通", record_line_id: "10=1", weight: null });
    expect(h.call("Domain.Info", { domain: "example.cn" }).domain).toMatchObject({ grade_title: "新免费套餐", cname_speedup: "disable" });
  });
});

describe("grades, TTLs and codes", () => {
  it("has the China grades, their record types and TTL minimums", () => {
    const h = cn({ accountGrade: "DP_Plus" });
    expect(h.call("Record.Type", { domain_grade: "D_Free" }).types).toEqual(["A", "CNAME", "MX", "TXT", "NS", "AAAA", "SRV", "URL"]);
    expect(h.call("Record.Type", { domain_grade: "D_Plus" }).types).toContain("CAA");
    expect(h.code("Record.Type", { domain_grade: "DP_Nope" })).toBe("6");
    const id = h.domain("example.cn");
    const ttl = (t: string) =>
      h.code("Record.Create", { domain_id: id, record_type: "A", record_line: "默认", value: "192.0.2.1", ttl: t });
    expect([ttl("59"), ttl("60"), ttl("604801")]).toEqual(["29", "1", "32"]);
    expect(h.call("Domain.Info", { domain_id: id }).domain).toMatchObject({ grade_title: "个人专业版", is_vip: "yes" });
  });

  it("names the A and CNAME round-robin limits apart (500025/500026)", () => {
    const h = cn({ roundRobinLimit: 1 });
    const id = h.domain("example.cn");
    const add = (type: string, value: string) =>
      h.code("Record.Create", { domain_id: id, sub_domain: "rr", record_type: type, record_line: "默认", value });
    expect([add("A", "192.0.2.1"), add("A", "192.0.2.2")]).toEqual(["1", "500025"]);
    const other = h.domain("other.cn");
    const cname = (value: string) => h.code("Record.Create", { domain_id: other, record_type: "CNAME", record_line: "默认", value });
    expect([cname("a.example.net"), cname("b.example.net")]).toEqual(["1", "500026"]);
  });

  it("answers a zone that is not in the account with 13, a name that is no zone with 6", () => {
    const h = cn();
    h.domain("example.cn");
    expect(h.call("Domain.Info", { domain: "www.example.cn" }).status).toMatchObject({
      code: "13",
      message: "当前域名未添加解析，请返回域名列表",
    });
    expect(h.call("Domain.Info", { domain: "www.example.cn", lang: "en" }).status).toMatchObject({
      code: "13",
      message: "Domain is not exists",
    });
    expect(h.call("Domain.Info", { domain: "cn" }).status).toMatchObject({ code: "6", message: "域名不正确，请输入主域名，如 dnspod.cn" });
    expect(h.call("Record.List", { domain: "nope.cn" }).status.code).toBe("13");
    expect(h.code("Record.List", { domain_id: "1" })).toBe("6");
  });
});

describe("language", () => {
  it("answers in Chinese unless lang=en, and failed logins in English unless lang=cn", () => {
    const h = cn();
    const id = h.domain("example.cn");
    expect(h.call("Domain.Info", { domain_id: id }).status.message).toBe("操作已经成功完成");
    expect(h.call("Domain.Info", { domain_id: id, lang: "en" }).status.message).toBe("Operation successful");
    expect(h.call("Record.Info", { domain_id: id, record_id: "1" }).status).toMatchObject({ code: "8", message: "记录编号错误" });
    expect(h.call("Record.List", { domain_id: id, sub_domain: "x" }).status.message).toBe("没有记录");
    expect(h.call("Domain.Info", { domain_id: id, login_token: "10000,x" }).status.message).toBe("Login fail, please check login info");
    expect(h.call("Domain.Info", { domain_id: id, login_token: "10000,x", lang: "cn" }).status.message).toBe(
      "登录失败，请检查账号和密码是否正确",
    );
  });
});
