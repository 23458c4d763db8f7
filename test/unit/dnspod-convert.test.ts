/**
 * The pure half of the dnspod provider: check() validation and normalisation (tables), and the
 * conversion of Record.List rows, so that what DNSPod rewrites reads back in the form check() wrote.
 */
import { canonicalValue, fromRecordRow, lineKey, toRecordWrite } from "../../provider/dnspod/convert";
import { domainResource } from "../../provider/dnspod/resources/domain";
import { lockResource } from "../../provider/dnspod/resources/lock";
import type { RecordInputs } from "../../provider/dnspod/resources/record";
import { recordResource } from "../../provider/dnspod/resources/record";
import { shareResource } from "../../provider/dnspod/resources/share";
import { RecordRow } from "../../provider/dnspod/schemas";
import { UNKNOWN } from "../../provider/resource";

const base = { domainId: "1992403", recordType: "A", value: "192.0.2.10" };

describe("dnspod.Record check", () => {
  test("defaults: @, default line, ttl 600, enabled, no remark", async () => {
    expect((await recordResource.check({}, base)).inputs).toEqual({
      ...base,
      subDomain: "@",
      recordLine: "default",
      ttl: 600,
      status: "enable",
      remark: "",
      adopt: false,
    });
  });

  test.each([
    ["CNAME", "WWW.Example.NET", "www.example.net."],
    ["CNAME", "www.example.net.", "www.example.net."],
    ["NS", "NS1.Example.net", "ns1.example.net."],
    ["AAAA", "2001:DB8::1", "2001:db8::1"],
    ["SRV", "10 5 5060 SIP.example.com", "10 5 5060 sip.example.com."],
    ["CAA", '0 ISSUE "letsencrypt.org"', '0 issue "letsencrypt.org"'],
    ["TXT", "v=spf1 -all", "v=spf1 -all"],
    ["URL", " https://example.com/x ", "https://example.com/x"],
    ["framed url", "https://example.com/", "https://example.com/"],
  ])("%s %j is stored as %j (the form DNSPod reads back)", async (recordType, value, stored) => {
    const r = await recordResource.check({}, { ...base, recordType, value });
    expect(r.failures).toBeUndefined();
    expect(r.inputs!.value).toBe(stored);
  });

  test.each([
    [{ recordLine: "United States" }, { recordLine: "US" }],
    [{ recordLine: "Default" }, { recordLine: "default" }],
    [{ recordLine: "默认" }, { recordLine: "default" }],
    [{ recordLine: "us" }, { recordLine: "US" }],
    [{ subDomain: "" }, { subDomain: "@" }],
    [{ subDomain: "WWW" }, { subDomain: "www" }],
    [{ subDomain: "*.Dev" }, { subDomain: "*.dev" }],
    [
      { recordType: "mx", value: "Mail.Example.com", mx: 5 },
      { recordType: "MX", value: "mail.example.com.", mx: 5 },
    ],
  ])("normalises %j to %j", async (given, expected) => {
    expect((await recordResource.check({}, { ...base, ...given })).inputs).toMatchObject(expected);
  });

  test.each([
    [{ recordType: "PTR" }, "recordType", /not a record type DNSPod supports/],
    [{ recordLine: "Mars" }, "recordLine", /getRecordLines/],
    [{ subDomain: "a..b" }, "subDomain", /not a valid subDomain/],
    [{ subDomain: "www.*" }, "subDomain", /not a valid subDomain/],
    [{ value: "300.1.1.1" }, "value", /IPv4/],
    [{ recordType: "MX", value: "mail.example.com" }, "mx", /needs mx/],
    [{ recordType: "MX", value: "10 mail.example.com", mx: 10 }, "value", /priority in mx/],
    [{ recordType: "MX", value: "mail.example.com", mx: 21 }, "mx", /1–20/],
    [{ mx: 10 }, "mx", /only to MX/],
    [{ ttl: 0 }, "ttl", /at least 1/],
    [{ ttl: 604801 }, "ttl", /at most 604800/],
    [{ status: "off" }, "status", /"enable" or "disable"/],
    [{ recordType: "NS", value: "ns1.example.net", recordLine: "US" }, "recordLine", /default line/],
    [{ domainId: "example.com" }, "domainId", /numeric DNSPod id/],
    [{ weight: 3 }, "weight", /unknown property/],
  ])("rejects %j on %s", async (given, property, reason) => {
    const r = await recordResource.check({}, { ...base, ...given });
    expect(r.failures).toEqual([expect.objectContaining({ property, reason: expect.stringMatching(reason) })]);
  });

  test("a value unknown during preview is not validated", async () => {
    const r = await recordResource.check({}, { ...base, domainId: UNKNOWN, value: UNKNOWN });
    expect(r.failures).toBeUndefined();
  });
});

describe("other dnspod check()s", () => {
  test("Domain: punycode, defaults", async () => {
    expect((await domainResource.check({}, { domain: "Bücher.Example" })).inputs).toEqual({
      domain: "xn--bcher-kva.example",
      groupId: 1,
      isMark: false,
      remark: "",
      status: "enable",
      searchEnginePush: true,
      adopt: false,
    });
    expect((await domainResource.check({}, { domain: "localhost" })).failures?.[0]?.property).toBe("domain");
  });

  test("DomainShare: email lower-cased, mode r|rw, @ means the whole domain", async () => {
    expect((await shareResource.check({}, { domainId: 1, email: "Friend@Example.com", subDomain: "@" })).inputs).toEqual({
      domainId: "1",
      email: "friend@example.com",
      mode: "r",
      subDomain: "",
      adopt: false,
    });
    expect((await shareResource.check({}, { domainId: "1", email: "nobody", mode: "w" })).failures?.map((f) => f.property).sort()).toEqual([
      "email",
      "mode",
    ]);
  });

  test("DomainLock: days 1–365", async () => {
    expect((await lockResource.check({}, { domainId: "1", days: 366 })).failures?.[0]?.reason).toMatch(/at most 365/);
    expect((await lockResource.check({}, { domainId: "1", days: 3 })).inputs).toEqual({ domainId: "1", days: 3 });
  });
});

describe("conversion of what DNSPod returns", () => {
  const row = (o: Record<string, unknown>) =>
    RecordRow.parse({
      id: "5",
      name: "www",
      line: "Default",
      type: "A",
      ttl: "600",
      value: "192.0.2.1",
      mx: "0",
      enabled: "1",
      status: "enabled",
      remark: "",
      updated_on: "2024-03-01 10:00:00",
      ...o,
    });

  test("display names back to keys, disabled status, MX priority, canonical values", () => {
    expect(fromRecordRow(row({ line: "United States", enabled: "0", status: "disabled" }))).toMatchObject({
      recordLine: "US",
      status: "disable",
    });
    expect(fromRecordRow(row({ line: "默认", type: "mx", value: "MAIL.example.com", mx: "10" }))).toMatchObject({
      recordLine: "default",
      recordType: "MX",
      value: "mail.example.com.",
      mx: 10,
    });
    expect(fromRecordRow(row({}))).not.toHaveProperty("mx");
    expect(fromRecordRow(row({ remark: false as unknown as string }))).toMatchObject({ remark: "" });
  });

  test("round trip: check() → Record.Create parameters → stored row reads back equal", async () => {
    const inputs = (
      await recordResource.check({}, { ...base, recordType: "CNAME", value: "Target.Example.NET", recordLine: "United States" })
    ).inputs as RecordInputs;
    const w = toRecordWrite(inputs);
    expect(w).toEqual({ sub_domain: "@", record_type: "CNAME", record_line: "US", value: "target.example.net.", ttl: 600 });
    const back = fromRecordRow(row({ name: "@", type: "CNAME", line: "United States", value: "target.example.net." }));
    expect(back).toMatchObject({
      subDomain: inputs.subDomain,
      recordType: inputs.recordType,
      recordLine: inputs.recordLine,
      value: inputs.value,
    });
  });

  test("lineKey and canonicalValue edge cases", () => {
    expect(lineKey("search_engine")).toBe("search_engine");
    expect(lineKey("Search Engine")).toBe("search_engine");
    expect(canonicalValue("SRV", "0 0 0 .")).toEqual({ ok: true, value: "0 0 0 ." });
    expect(canonicalValue("TXT", "x".repeat(513)).ok).toBe(false);
  });
});
