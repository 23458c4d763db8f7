/** The WEDOS emulator: dns-row-* commands and their codes. */
import { addRow, addZone, harness, type Json, rows, send, sendXml } from "./harness";

describe("rows", () => {
  it("adds, lists, details, updates and deletes rows in JSON", () => {
    const h = harness();
    addZone(h);
    expect(rows(h)).toEqual([]);
    expect(
      send(h, "dns-row-add", { domain: "example.com", name: "", ttl: "1800", type: "a", rdata: "192.0.2.1", auth_comment: "hi" }).code,
    ).toBe(1000);
    expect(addRow(h, "*", "MX", "10 mail.example.com.")).toBe(1000);
    const [apex, mx] = rows(h);
    expect(apex).toEqual({
      ID: "1",
      name: "",
      ttl: "1800",
      rdtype: "A",
      rdata: "192.0.2.1",
      changed_date: "2026-06-15 11:30:00",
      author_comment: "hi",
    });
    expect(mx).toMatchObject({ ID: "2", name: "*", author_comment: "" });
    expect(send(h, "dns-row-detail", { domain: "example.com", row_id: 2 }).data).toEqual({ row: mx });
    expect(send(h, "dns-row-detail", { name: "example.com", row_id: "1" }).data.row.ID).toBe("1");
    expect(
      send(h, "dns-row-update", { domain: "example.com", row_id: "1", ttl: 600, rdata: "192.0.2.2", name: "ignored", type: "TXT" }).code,
    ).toBe(1000);
    expect(rows(h)[0]).toMatchObject({ name: "", rdtype: "A", ttl: "600", rdata: "192.0.2.2" });
    expect(send(h, "dns-row-delete", { domain: "example.com", row_id: 1 }).code).toBe(1000);
    expect(rows(h).map((r) => r.ID)).toEqual(["2"]);
    for (const cmd of ["dns-row-detail", "dns-row-update", "dns-row-delete"]) {
      expect(send(h, cmd, { domain: "example.com", row_id: "1", ttl: 300, rdata: "192.0.2.3" }).code).toBe(3309);
    }
    expect(send(h, "dns-rows-list", { domain: "missing.com" }).code).toBe(3222);
  });

  it("round-trips row commands over XML with repeated <row>", () => {
    const h = harness();
    addZone(h);
    expect(sendXml(h, "dns-row-add", { domain: "example.com", name: "www", ttl: "300", type: "TXT", rdata: "a <b> & c" }).body.code).toBe(
      "1000",
    );
    addRow(h, "www", "AAAA", "2001:db8::1");
    const list = sendXml(h, "dns-rows-list", { domain: "example.com" }).body.data.row as Json[];
    expect(list.map((r) => r.rdata)).toEqual(["a <b> & c", "2001:db8::1"]);
    expect(list[0]).toEqual({
      ID: "1",
      name: "www",
      ttl: "300",
      rdtype: "TXT",
      rdata: "a <b> & c",
      changed_date: "2026-06-15 11:30:00",
      author_comment: "",
    });
    expect(sendXml(h, "dns-row-detail", { name: "example.com", row_id: "2" }).body.data.row[0].rdtype).toBe("AAAA");
    expect(sendXml(h, "dns-row-update", { domain: "example.com", row_id: "2", ttl: "900", rdata: "2001:db8::2" }).body.code).toBe("1000");
    expect(sendXml(h, "dns-row-delete", { domain: "example.com", row_id: "1" }).body.code).toBe("1000");
    expect(rows(h)).toHaveLength(1);
  });

  it("emits rows keyed as row1, row2 when configured", () => {
    const h = harness({ rowsListShape: "keyed" });
    addZone(h);
    addRow(h, "a", "A", "192.0.2.1");
    addRow(h, "b", "A", "192.0.2.2");
    const list = send(h, "dns-rows-list", { domain: "example.com" }).data.row as Json;
    expect(Object.keys(list)).toEqual(["row1", "row2"]);
    expect(list.row2.name).toBe("b");
  });

  it.each([
    ["2309", "x", "SPF", "v=spf1 -all", 300],
    ["2311", "@", "A", "192.0.2.1", 300],
    ["2311", "a.*", "A", "192.0.2.1", 300],
    ["2311", "bad label", "A", "192.0.2.1", 300],
    ["2317", "x", "A", "192.0.2.1", 299],
    ["2317", "x", "A", "192.0.2.1", "172801"],
    ["2317", "x", "A", "192.0.2.1", "1e3"],
    ["2314", "x", "A", "2001:db8::1", 300],
    ["2314", "x", "AAAA", "192.0.2.1", 300],
    ["2314", "x", "MX", "mail.example.com", 300],
    ["2314", "_sip._tcp", "SRV", "10 5 5060", 300],
    ["2314", "x", "CAA", "0 issue letsencrypt.org", 300],
    ["2314", "x", "TLSA", "3 1 1 abc", 300],
    ["2314", "x", "SSHFP", "1 2", 300],
    ["2314", "x", "TXT", "", 300],
    ["2312", "", "CNAME", "target.example.net.", 300],
  ])("answers %s for %s %s %s ttl %s", (code, name, type, rdata, ttl) => {
    const h = harness();
    addZone(h);
    expect(addRow(h, name, type, rdata, ttl)).toBe(Number(code));
  });

  it("accepts every supported type with valid rdata", () => {
    const h = harness();
    addZone(h);
    const ok: [string, string, string][] = [
      ["_sip._tcp", "SRV", "10 5 5060 sip.example.com."],
      ["", "CAA", '0 issue "letsencrypt.org"'],
      ["_443._tcp.www", "TLSA", "3 1 1 0123456789abcdef"],
      ["host", "SSHFP", "4 2 abcdef0123"],
      ["sub", "NS", "ns1.example.net."],
      ["", "TXT", "v=spf1 include:_spf.example.com -all"],
      ["172800", "A", "192.0.2.7"],
    ];
    for (const [name, type, rdata] of ok) expect([name, type, addRow(h, name, type, rdata, 172800)]).toEqual([name, type, 1000]);
  });

  it("rejects duplicates and CNAME conflicts in both directions", () => {
    const h = harness();
    addZone(h);
    expect(addRow(h, "www", "A", "192.0.2.1")).toBe(1000);
    expect(addRow(h, "WWW", "A", "192.0.2.1", 600)).toBe(2316);
    expect(addRow(h, "www", "CNAME", "other.example.net.")).toBe(2313);
    expect(addRow(h, "alias", "CNAME", "www.example.com.")).toBe(1000);
    expect(addRow(h, "alias", "TXT", "hello")).toBe(2313);
    expect(addRow(h, "alias", "CNAME", "elsewhere.example.net.")).toBe(2313);
    expect(addRow(h, "www", "A", "192.0.2.2")).toBe(1000);
    expect(send(h, "dns-row-update", { domain: "example.com", row_id: "3", ttl: 300, rdata: "192.0.2.1" }).code).toBe(2316);
    expect(send(h, "dns-row-update", { domain: "example.com", row_id: "3", ttl: 30, rdata: "192.0.2.9" }).code).toBe(2317);
    expect(send(h, "dns-row-update", { domain: "example.com", row_id: "3", ttl: 300, rdata: "nope" }).code).toBe(2314);
  });

  it("limits rows per zone", () => {
    const h = harness({ maxRowsPerDomain: 2 });
    addZone(h);
    addRow(h, "a", "A", "192.0.2.1");
    addRow(h, "b", "A", "192.0.2.1");
    expect(addRow(h, "c", "A", "192.0.2.1")).toBe(2310);
  });
});
