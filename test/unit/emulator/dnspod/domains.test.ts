/** The DNSPod emulator: Domain.* actions, with the seed's shapes. */
import { harness, type Json, STATUS } from "./harness";

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
      domain_total: 1,
      all_total: 1,
      mine_total: 1,
      share_total: 0,
      vip_total: 0,
      ismark_total: 0,
      pause_total: 0,
      error_total: 1,
      lock_total: 0,
      spam_total: 0,
      vip_expire: 0,
      share_out_total: 0,
    });
    expect(list.domains).toEqual([
      {
        id: 1992403,
        name: "dnspod.com",
        grade: "DP_Free",
        grade_title: "Free",
        status: "enable",
        ext_status: "notexist",
        records: "2",
        group_id: "1",
        is_mark: "no",
        remark: "",
        is_vip: "no",
        searchengine_push: "yes",
        beian: "no",
        created_on: "2024-03-01 10:00:00",
        updated_on: "2024-03-01 10:00:00",
        ttl: "600",
        owner: "owner@example.com",
      },
    ]);
  });

  it("pages Domain.List at pageCap and validates offset (6) / length (7)", () => {
    const h = harness({ pageCap: 2 });
    for (const n of ["a.com", "b.com", "c.com"]) h.domain(n);
    expect(h.call("Domain.List").domains.map((d: Json) => d.name)).toEqual(["a.com", "b.com"]);
    expect(h.call("Domain.List", { offset: "2" }).domains.map((d: Json) => d.name)).toEqual(["c.com"]);
    expect(h.call("Domain.List", { offset: "1", length: "1" }).domains.map((d: Json) => d.name)).toEqual(["b.com"]);
    expect([h.code("Domain.List", { offset: "-1" }), h.code("Domain.List", { length: "x" })]).toEqual(["6", "7"]);
  });

  it("shows Domain.Info with a string id, remark false when empty, and user_id from the token", () => {
    const h = harness();
    const id = h.domain("dnspod.com");
    expect(h.call("Domain.Info", { domain_id: id }).domain).toEqual({
      id,
      name: "dnspod.com",
      punycode: "dnspod.com",
      grade: "DP_Free",
      grade_title: "Free",
      status: "enable",
      ext_status: "notexist",
      records: "2",
      group_id: "1",
      is_mark: "no",
      remark: false,
      is_vip: "no",
      searchengine_push: "yes",
      beian: "no",
      user_id: "10000",
      dnspod_ns: ["f1g1ns1.dnspod.net", "f1g1ns2.dnspod.net"],
      created_on: "2024-03-01 10:00:00",
      updated_on: "2024-03-01 10:00:00",
      ttl: "600",
      owner: "owner@example.com",
    });
    expect(h.code("Domain.Remark", { domain: "dnspod.com", remark: "这个域名需要备注一下" })).toBe("1");
    expect(h.call("Domain.Info", { domain: "dnspod.com" }).domain.remark).toBe("这个域名需要备注一下");
    expect(h.code("Domain.Info", { domain_id: "1" })).toBe("6");
  });

  it("sets status, search-engine push and mark, and logs operations", () => {
    const h = harness();
    const id = h.domain();
    expect(h.call("Domain.Log", { domain_id: id })).toEqual({
      status: STATUS,
      log: ["There is no domain logs at the moment."],
      info: { count: 0, page_size: 500 },
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
