/** The DNSPod emulator: Record.* actions, codes and exact shapes. */
import { harness, STATUS } from "./harness";

describe("records", () => {
  const base = { record_type: "A", record_line: "default", value: "1.2.3.4" };

  it("creates (string id), lists every field as a string with line names, holds the system NS", () => {
    const h = harness();
    const id = h.domain("dnspod.com");
    expect(h.record(id, { sub_domain: "www", record_line: "US" })).toEqual({
      status: STATUS,
      record: { id: "16894441", name: "www", status: "enable" },
    });
    h.record(id, { sub_domain: "", record_type: "MX", value: "Mail.Example.com", mx: "10" });
    const list = h.call("Record.List", { domain_id: id });
    expect(list.domain).toEqual({ id, name: "dnspod.com", punycode: "dnspod.com", grade: "DP_Free", owner: "owner@example.com" });
    expect(list.info).toEqual({ sub_domains: "4", record_total: "4" });
    const [ns1, , www, mx] = list.records;
    expect(ns1).toEqual({
      id: "16894439",
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
      updated_on: "2024-03-01 10:00:00",
      hold: "hold",
    });
    expect(www).toMatchObject({ name: "www", line: "United States", ttl: "600", mx: "0" });
    expect(www.hold).toBeUndefined();
    expect(mx).toMatchObject({ name: "@", type: "MX", value: "mail.example.com.", mx: "10", line: "Default" });
    const cn = harness({ site: "cn" });
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
    expect(h.call("Record.List", { domain_id: id, sub_domain: "nope", error_on_empty: "no" })).toMatchObject({
      status: { code: "1" },
      records: [],
    });
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
    expect([h.code("Record.List", { domain_id: id, offset: "x" }), h.code("Record.List", { domain_id: id, length: "0" })]).toEqual([
      "7",
      "8",
    ]);
  });

  it("rejects bad input with the vendor's codes", () => {
    const h = harness();
    const id = h.domain();
    const c = (p: Record<string, string>) => h.record(id, p).status.code;
    expect(c({ record_line: "Default" })).toBe("26");
    expect(c({ record_type: "CAA", value: '0 issue "ca.example"' })).toBe("27");
    expect([c({ ttl: "599" }), c({ ttl: "604801" }), c({ ttl: "abc" })]).toEqual(["29", "6", "6"]);
    expect([c({ record_type: "MX", value: "mx.example.com" }), c({ record_type: "MX", value: "mx.example.com", mx: "21" })]).toEqual([
      "30",
      "30",
    ]);
    expect(c({ record_type: "NS", value: "ns.example.net", record_line: "US" })).toBe("36");
    expect([c({ value: "1.2.3" }), c({ record_type: "AAAA", value: "1.2.3.4" }), c({ record_type: "CNAME", value: "-x" })]).toEqual([
      "34",
      "34",
      "34",
    ]);
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
    const modify = (p: Record<string, string>) =>
      h.call("Record.Modify", { domain_id: id, record_id: rec, sub_domain: "www", ...base, ...p });
    expect(modify({ value: "3.2.2.2", record_line: "DE" })).toEqual({
      status: STATUS,
      record: { id: Number(rec), name: "www", value: "3.2.2.2", status: "enable" },
    });
    expect(h.call("Record.Info", { domain_id: id, record_id: rec })).toEqual({
      status: STATUS,
      domain: { id, domain: "example.com", domain_grade: "DP_Free" },
      record: {
        id: rec,
        sub_domain: "www",
        record_type: "A",
        record_line: "Germany",
        value: "3.2.2.2",
        mx: "0",
        ttl: "600",
        enabled: "1",
        monitor_status: "",
        remark: "",
        updated_on: "2024-03-01 10:00:00",
        domain_id: id,
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
    expect(h.call("Record.Status", { domain_id: id, record_id: rec, status: "disable" }).record).toEqual({
      id: Number(rec),
      name: "@",
      status: "disable",
    });
    expect(h.call("Record.Remark", { domain_id: id, record_id: rec, remark: "note" })).toEqual({ status: STATUS });
    expect(h.call("Record.List", { domain_id: id, record_type: "A" }).records[0]).toMatchObject({
      enabled: "0",
      status: "disabled",
      remark: "note",
    });
    expect(h.call("Record.Ddns", { domain_id: id, record_id: rec, record_line: "default" }, "203.0.113.7").record).toEqual({
      id: Number(rec),
      name: "@",
      value: "203.0.113.7",
    });
    expect(h.call("Domain.Log", { domain_id: id }).log[0]).toMatch(
      /^2024-03-01 10:00:00: Modified record \d+ to @ A default 203\.0\.113\.7$/,
    );
    expect(h.call("Record.Remove", { domain_id: id, record_id: rec })).toEqual({ status: STATUS });
    expect(h.code("Record.Info", { domain_id: id, record_id: rec })).toBe("8");
  });
});
