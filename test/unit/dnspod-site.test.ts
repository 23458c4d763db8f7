/**
 * The provider's DNSPod China handling: which site the settings name (or the endpoint implies), and
 * how lines are checked, written and read on each site — "default" in state for the default line on
 * both, the site's own name for the others, 默认 on the wire at dnsapi.cn.
 */

import { setStackConfig } from "../../provider/config";
import { dnspodCodeInfo } from "../../provider/dnspod/codes";
import { dnspodContext, forgetDnspodContext } from "../../provider/dnspod/context";
import { checkLine, fromRecordRow, lineKey, readLine, sameRecord, toRecordWrite, wireLine } from "../../provider/dnspod/convert";
import { recordResource } from "../../provider/dnspod/resources/record";
import { RecordLines, RecordRow } from "../../provider/dnspod/schemas";
import { configuredSite, parseSite, siteOfEndpoint } from "../../provider/dnspod/site";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  setStackConfig(undefined);
  forgetDnspodContext();
});

describe("which site", () => {
  test.each([
    ["https://dnsapi.cn", "cn"],
    ["https://dnsapi.cn/", "cn"],
    ["https://DNSAPI.cn.", "cn"],
    ["https://www.dnsapi.cn", "cn"],
    ["https://api.dnspod.com", "intl"],
    ["https://notdnsapi.cn", "intl"],
    ["http://127.0.0.1:8080", "intl"],
    ["not a url", "intl"],
  ])("endpoint %s is %s", (endpoint, site) => {
    expect(siteOfEndpoint(endpoint)).toBe(site);
  });

  test("dnspod:site wins over DNSPOD_SITE, which wins over the endpoint; the default endpoint is intl", () => {
    delete process.env.DNSPOD_SITE;
    delete process.env.DNSPOD_ENDPOINT;
    expect(configuredSite()).toBe("intl");
    process.env.DNSPOD_ENDPOINT = "https://dnsapi.cn";
    expect(configuredSite()).toBe("cn");
    process.env.DNSPOD_SITE = "intl";
    expect(configuredSite()).toBe("intl");
    setStackConfig({ get: (k) => (k === "dnspod:site" ? " CN " : undefined) });
    expect(configuredSite()).toBe("cn");
  });

  test("an invalid value names the key, the variable and the allowed values, in check() and at the first API call", async () => {
    expect(() => parseSite("china")).toThrow(
      'DNSPod: dnspod:site / DNSPOD_SITE must be "intl" (api.dnspod.com) or "cn" (dnsapi.cn), not "china". ' +
        "Fix: `pulumi config set dnspod:site cn` (or intl), or unset it to derive the site from dnspod:endpoint",
    );
    process.env.DNSPOD_SITE = "china";
    process.env.DNSPOD_LOGIN_TOKEN = "1,t";
    await expect(recordResource.check({}, { domainId: "1", recordType: "A", value: "192.0.2.1" })).rejects.toThrow(
      /dnspod:site \/ DNSPOD_SITE must be "intl".*or "cn"/,
    );
    expect(dnspodContext).toThrow(/dnspod:site \/ DNSPOD_SITE/);
    process.env.DNSPOD_SITE = "cn";
    expect(dnspodContext().site).toBe("cn");
  });
});

describe("lines per site", () => {
  test.each([
    // [site, as written in the program, as stored]
    ["intl", "default", "default"],
    ["intl", "Default", "default"],
    ["intl", "默认", "default"],
    ["intl", "United States", "US"],
    ["intl", "us", "US"],
    ["intl", "search_engine", "search_engine"],
    ["cn", "default", "default"],
    ["cn", " Default ", "default"],
    ["cn", "默认", "default"],
    ["cn", "电信", "电信"],
    ["cn", "搜索引擎", "搜索引擎"],
    ["cn", "北京电信", "北京电信"], // a paid grade's line: passed through, the API judges it
  ] as const)("%s: %j is stored as %j", (site, given, stored) => {
    expect(checkLine(given, site)).toEqual({ ok: true, value: stored });
    expect(lineKey(given, site)).toBe(stored);
  });

  test.each([
    [
      "intl",
      "电信",
      /^"电信" is a dnsapi\.cn \(DNSPod China\) line, and the provider is set up for api\.dnspod\.com\. Fix: for a dnsapi\.cn account run `pulumi config set dnspod:site cn` \(or point dnspod:endpoint at https:\/\/dnsapi\.cn\)/,
    ],
    ["intl", "Mars", /^"Mars" is not a DNSPod line\. Fix: use a line key such as "default", "US"/],
    [
      "cn",
      "US",
      /^"US" is an api\.dnspod\.com line; dnsapi\.cn names its lines in Chinese\. Fix: use "default" \(默认\) or a dnsapi\.cn line such as 电信.*set dnspod:site intl$/,
    ],
    ["cn", "United States", /is an api\.dnspod\.com line/],
    [
      "cn",
      "Mars",
      /^"Mars" is not a dnsapi\.cn line\. Fix: use "default" \(默认\) or a line name: 境内, 境外, 电信, 联通, 教育网, 移动, .*搜索引擎 \(paid grades have more\)/,
    ],
  ] as const)("%s refuses %j", (site, given, reason) => {
    const c = checkLine(given, site);
    expect(c.ok).toBe(false);
    expect(c.ok ? "" : c.reason).toMatch(reason);
    expect(lineKey(given, site)).toBeUndefined();
  });

  test("check() on api.dnspod.com refuses a dnsapi.cn line with the way to switch; on dnsapi.cn it takes it", async () => {
    const news = { domainId: "1", recordType: "A", value: "192.0.2.1", recordLine: "联通" };
    process.env.DNSPOD_SITE = "intl";
    expect((await recordResource.check({}, news)).failures).toEqual([
      {
        property: "recordLine",
        reason: expect.stringMatching(/dnsapi\.cn \(DNSPod China\) line.*pulumi config set dnspod:site cn.*https:\/\/dnsapi\.cn/),
      },
    ]);
    delete process.env.DNSPOD_SITE;
    process.env.DNSPOD_ENDPOINT = "https://dnsapi.cn";
    expect((await recordResource.check({}, news)).inputs).toMatchObject({ recordLine: "联通" });
    expect((await recordResource.check({}, { ...news, recordLine: "默认" })).inputs).toMatchObject({ recordLine: "default" });
    expect((await recordResource.check({}, { ...news, recordLine: undefined })).inputs).toMatchObject({ recordLine: "default" });
  });

  test("record_line on the wire: 默认 for the default line on dnsapi.cn, the stored form otherwise", () => {
    const r = { subDomain: "www", recordType: "A", recordLine: "default", value: "192.0.2.1", ttl: 600 };
    expect(toRecordWrite(r, "cn")).toEqual({ sub_domain: "www", record_type: "A", record_line: "默认", value: "192.0.2.1", ttl: 600 });
    expect(toRecordWrite(r, "intl")).toEqual({ sub_domain: "www", record_type: "A", record_line: "default", value: "192.0.2.1", ttl: 600 });
    expect(toRecordWrite({ ...r, recordLine: "电信" }, "cn").record_line).toBe("电信");
    expect(toRecordWrite({ ...r, recordLine: "US" }, "intl").record_line).toBe("US");
    expect([wireLine("default", "cn"), wireLine("default", "intl"), wireLine("移动", "cn")]).toEqual(["默认", "default", "移动"]);
    process.env.DNSPOD_SITE = "cn";
    expect(toRecordWrite(r).record_line).toBe("默认"); // the configured site when none is given
  });

  const row = (o: Record<string, unknown>) =>
    RecordRow.parse({
      id: "5",
      name: "www",
      line: "默认",
      line_id: "0",
      type: "A",
      ttl: "600",
      value: "192.0.2.1",
      weight: null,
      mx: "0",
      enabled: "1",
      status: "enabled",
      remark: "",
      updated_on: "2024-03-01 10:00:00",
      use_aqb: "no",
      ...o,
    });

  test("reads: 默认 and Default → default, a dnsapi.cn name stays, an api.dnspod.com name → its key", () => {
    expect(fromRecordRow(row({})).recordLine).toBe("default");
    expect(fromRecordRow(row({ line: "电信", line_id: "10=0" })).recordLine).toBe("电信");
    expect(fromRecordRow(row({ line: "Default" })).recordLine).toBe("default");
    expect(fromRecordRow(row({ line: "United States" })).recordLine).toBe("US");
    expect(["默认", "Default", "电信", "United States", "US", "Atlantis"].map(readLine)).toEqual([
      "default",
      "default",
      "电信",
      "US",
      "US",
      "Atlantis",
    ]);
  });

  test("a listed record matches the write that made it, on either site", () => {
    const r = { subDomain: "www", recordType: "A", recordLine: "default", value: "192.0.2.1", ttl: 600 };
    expect(sameRecord(row({}), toRecordWrite(r, "cn"))).toBe(true);
    expect(sameRecord(row({ line: "Default" }), toRecordWrite(r, "intl"))).toBe(true);
    expect(sameRecord(row({ line: "电信" }), toRecordWrite({ ...r, recordLine: "电信" }, "cn"))).toBe(true);
    expect(sameRecord(row({ line: "电信" }), toRecordWrite(r, "cn"))).toBe(false);
  });
});

describe("dnsapi.cn answers", () => {
  test("Record.Line's list of names takes the areas shape, keyed by what recordLine takes", () => {
    const cn = RecordLines.parse({ status: {}, line_ids: { 默认: 0, 电信: "10=0", 境外: "3=0" }, lines: ["默认", "电信", "境外"] });
    expect(cn).toEqual({
      default: { name: "默认", sub_area: { default: "默认" } },
      cn: { name: "dnsapi.cn", sub_area: { 电信: "电信", 境外: "境外" } },
    });
    const intl = RecordLines.parse({ lines: { default: { name: "Default", sub_area: { default: "Default" } } } });
    expect(intl).toEqual({ default: { name: "Default", sub_area: { default: "Default" } } });
  });

  test("codes: 13 on Domain.Info is a domain not in the account; 29 names both sites' grades; the cn-only codes", () => {
    expect(dnspodCodeInfo("Domain.Info", "13").kind).toBe("notfound");
    expect(dnspodCodeInfo("Record.Create", "29").fix).toMatch(/DP_Free 600.* on api\.dnspod\.com; DP_Free 600, DP_Plus 60.* on dnsapi\.cn/);
    expect(dnspodCodeInfo("Record.Create", "26").fix).toMatch(/dnsapi\.cn a name such as "电信"/);
    expect([
      dnspodCodeInfo("Record.Create", "500025").kind,
      dnspodCodeInfo("Record.Modify", "500026").kind,
      dnspodCodeInfo("Domain.List", "83").kind,
    ]).toEqual(["validation", "validation", "banned"]);
  });
});
