/**
 * The data-source functions as a program calls them (settings from stack config or, here, the
 * environment), against the emulators; the DNSPod ones on both sites.
 */

import { DnspodClient } from "../../provider/dnspod/client";
import { WedosClient } from "../../provider/wedos/client";
import { dnspod, wedos } from "../../sdk";
import { DNSPOD_SITES, DNSPOD_TOKEN, useEmulators, WEDOS_PASSWORD, WEDOS_USER } from "../helpers/emulators";

const h = useEmulators();

test('wedos.getDomains and wedos.getRecords list zones and rows (apex as "")', async () => {
  const c = new WedosClient({ username: WEDOS_USER, password: WEDOS_PASSWORD, endpoint: h.emu.wedos.endpoint, format: "json" });
  await c.addDomain({ name: "example.cz", type: "primary" });
  await c.addDomain({ name: "sec.cz", type: "secondary", primaryIp: "192.0.2.1" });
  await c.addRow("example.cz", { name: "", type: "MX", ttl: 3600, rdata: "10 mail.example.cz", comment: "mx" });
  expect((await wedos.getDomains()).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
    { name: "example.cz", type: "primary", status: "active" },
    { name: "sec.cz", type: "secondary", status: "active" },
  ]);
  expect(await wedos.getRecords("example.cz")).toEqual([
    {
      rowId: expect.any(String),
      name: "",
      type: "MX",
      ttl: 3600,
      rdata: "10 mail.example.cz",
      changedDate: expect.any(String),
      comment: "mx",
    },
  ]);
});

/** What differs per site: Record.Type of the free grade, and a line of Record.Line. */
const SITE = {
  intl: { freeTypes: ["A", "CNAME", "MX", "TXT", "NS", "AAAA", "SRV", "URL", "Framed URL"], lineText: "United States" },
  cn: { freeTypes: ["A", "CNAME", "MX", "TXT", "NS", "AAAA", "SRV", "URL"], lineText: "电信" },
} as const;

describe.each(DNSPOD_SITES)("on %s", (site) => {
  const hd = useEmulators({ dnspod: { site } });

  test("dnspod.getDomains, getRecords, getRecordTypes and getRecordLines", async () => {
    const c = new DnspodClient({ loginToken: DNSPOD_TOKEN, endpoint: hd.emu.dnspod.endpoint });
    const domainId = await c.createDomain("example.com");
    expect((await dnspod.getDomains()).map((d) => d.name)).toEqual(["example.com"]);
    const records = await dnspod.getRecords(domainId);
    expect(records.length).toBeGreaterThanOrEqual(2); // the system NS records at @
    expect(records.map((r) => r.recordLine)).toEqual(records.map(() => "default"));
    expect(await dnspod.getRecordTypes("DP_Free")).toEqual(SITE[site].freeTypes);
    const lines = await dnspod.getRecordLines("DP_Free", "example.com");
    expect(JSON.stringify(lines)).toContain(SITE[site].lineText);
  });
});

describe("dnsapi.cn", () => {
  const hd = useEmulators({ dnspod: { site: "cn" } });

  test('dnsapi.cn\'s Record.Line: the default line under "default", every other line keyed by the name recordLine takes', async () => {
    const names = ["境内", "境外", "电信", "联通", "教育网", "移动", "百度", "谷歌", "搜搜", "有道", "必应", "搜狗", "奇虎", "搜索引擎"];
    expect(hd.emu.dnspod.endpoint).toBe(process.env.DNSPOD_ENDPOINT);
    expect(await dnspod.getRecordLines("DP_Free", "example.com")).toEqual({
      default: { name: "默认", lines: { default: "默认" } },
      cn: { name: "dnsapi.cn", lines: Object.fromEntries(names.map((n) => [n, n])) },
    });
  });
});
