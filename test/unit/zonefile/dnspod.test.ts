/**
 * Zone-file records ↔ DNSPod records: fromZoneFile (zone file → dnspod.ZoneRecords) and
 * toZoneFileRecord (export), checked against the canonical forms of provider/dnspod/convert.ts.
 */
import { canonicalType, canonicalValue, type DnspodType, fromRecordRow } from "../../../provider/dnspod/convert";
import { RecordRow } from "../../../provider/dnspod/schemas";
import { type DnspodExportRecord, formatZoneFile, fromZoneFile, parseZoneFile, toZoneFileRecord } from "../../../provider/zonefile";
import { CORPUS, r } from "../../fixtures/zonefile/corpus";

describe("fromZoneFile", () => {
  test.each([
    [r("", "A", 600, "192.0.2.1"), { subDomain: "@", recordType: "A", value: "192.0.2.1", ttl: 600 }],
    [r("www", "CNAME", undefined, "example.com."), { subDomain: "www", recordType: "CNAME", value: "example.com." }],
    [r("", "MX", 3600, "10 mail.example.com."), { subDomain: "@", recordType: "MX", value: "mail.example.com.", mx: 10, ttl: 3600 }],
    [r("", "MX", 3600, "0 ."), { subDomain: "@", recordType: "MX", value: ".", mx: 0, ttl: 3600 }],
    [r("_dmarc", "TXT", 300, "v=DMARC1; p=none"), { subDomain: "_dmarc", recordType: "TXT", value: "v=DMARC1; p=none", ttl: 300 }],
    [
      r("_sip._tcp", "SRV", 300, "10 5 5060 sip.example.com."),
      { subDomain: "_sip._tcp", recordType: "SRV", value: "10 5 5060 sip.example.com.", ttl: 300 },
    ],
    [r("", "CAA", 300, '0 issue "letsencrypt.org"'), { subDomain: "@", recordType: "CAA", value: '0 issue "letsencrypt.org"', ttl: 300 }],
    [r("*.dev", "AAAA", 300, "2001:db8::1"), { subDomain: "*.dev", recordType: "AAAA", value: "2001:db8::1", ttl: 300 }],
    [r("", "NS", 86400, "ns1.example.net."), { subDomain: "@", recordType: "NS", value: "ns1.example.net.", ttl: 86400 }],
  ])("%j", (record, dnspod) => {
    expect(fromZoneFile([record])).toStrictEqual([dnspod]);
  });

  test("SOA is left out; order is kept", () => {
    const records = [
      r("", "SOA", 3600, "ns1.example.com. hm.example.com. 1 2 3 4 5"),
      r("b", "A", 1, "192.0.2.2"),
      r("a", "A", 1, "192.0.2.1"),
    ];
    expect(fromZoneFile(records).map((d) => d.subDomain)).toEqual(["b", "a"]);
  });

  test("an MX not in parseZoneFile's form is refused", () => {
    expect(() => fromZoneFile([r("", "MX", 1, "mail.example.com.")])).toThrow(
      new TypeError(
        'fromZoneFile: MX record "" has rdata "mail.example.com."; expected "<preference> <exchange>" as parseZoneFile returns it, e.g. "10 mail.example.com."',
      ),
    );
  });

  test("every value from the fixture zones is already in DNSPod's canonical form", () => {
    const all = Object.values(CORPUS).flatMap((z) => fromZoneFile(z.records));
    const dnspodTypes = all.filter((d) => canonicalType(d.recordType));
    expect(dnspodTypes.length).toBeGreaterThan(40);
    for (const d of dnspodTypes)
      expect([d.recordType, canonicalValue(d.recordType as DnspodType, d.value)]).toEqual([d.recordType, { ok: true, value: d.value }]);
  });
});

describe("toZoneFileRecord", () => {
  const base = { subDomain: "www", recordType: "A", value: "192.0.2.1", ttl: 600 };
  test.each<[DnspodExportRecord, object]>([
    [
      { ...base, subDomain: "@" },
      { name: "", type: "A", ttl: 600, rdata: "192.0.2.1" },
    ],
    [
      { ...base, subDomain: "WWW", ttl: undefined },
      { name: "www", type: "A", rdata: "192.0.2.1" },
    ],
    [
      { ...base, recordType: "CNAME", value: "WWW.Example.NET" },
      { name: "www", type: "CNAME", ttl: 600, rdata: "www.example.net." },
    ],
    [
      { ...base, recordType: "NS", value: "ns1.example.net." },
      { name: "www", type: "NS", ttl: 600, rdata: "ns1.example.net." },
    ],
    [
      { ...base, recordType: "MX", value: "mail.example.com.", mx: 5 },
      { name: "www", type: "MX", ttl: 600, rdata: "5 mail.example.com." },
    ],
    [
      { ...base, recordType: "mx", value: "mail.example.com" },
      { name: "www", type: "MX", ttl: 600, rdata: "10 mail.example.com." },
    ],
    [
      { ...base, recordType: "SRV", value: "10 5 5060 SIP.example.com" },
      { name: "www", type: "SRV", ttl: 600, rdata: "10 5 5060 sip.example.com." },
    ],
    [
      { ...base, recordType: "AAAA", value: "2001:DB8::1" },
      { name: "www", type: "AAAA", ttl: 600, rdata: "2001:db8::1" },
    ],
    [
      { ...base, recordType: "TXT", value: 'v=spf1 "quoted" -all' },
      { name: "www", type: "TXT", ttl: 600, rdata: 'v=spf1 "quoted" -all' },
    ],
    [
      { ...base, recordType: "CAA", value: '0 issue "letsencrypt.org"' },
      { name: "www", type: "CAA", ttl: 600, rdata: '0 issue "letsencrypt.org"' },
    ],
    [
      { ...base, recordType: "URL", value: "https://example.net/" },
      { name: "www", type: "URL", ttl: 600, rdata: "https://example.net/" },
    ],
    [
      { ...base, recordType: "Framed URL", value: "https://example.net/" },
      { name: "www", type: "Framed URL", ttl: 600, rdata: "https://example.net/" },
    ],
  ])("%j", (dnspod, record) => {
    expect(toZoneFileRecord(dnspod)).toStrictEqual(record);
  });

  test.each<[Partial<DnspodExportRecord>, string | undefined]>([
    [{ recordLine: "default", status: "enable", remark: "" }, undefined],
    [{ recordLine: "默认" }, undefined],
    [{ recordLine: "Default" }, undefined],
    [{ recordLine: "telecom" }, "line telecom"],
    [{ status: "disable" }, "disabled"],
    [{ remark: "mail relay; ask Bob" }, "remark: mail relay; ask Bob"],
    [{ recordLine: "US", status: "disable", remark: "old" }, "line US, disabled, remark: old"],
  ])("line, status and remark %j → comment %j", (extra, comment) => {
    expect(toZoneFileRecord({ ...base, ...extra }).comment).toBe(comment);
  });
});

test("export round trip: Record.List rows → zone file → parseZoneFile → fromZoneFile gives the records back", () => {
  const row = (o: Record<string, unknown>) =>
    fromRecordRow(
      RecordRow.parse({
        id: "1",
        name: "@",
        line: "默认",
        type: "A",
        ttl: "600",
        value: "192.0.2.1",
        mx: "0",
        enabled: "1",
        status: "enabled",
        remark: "",
        updated_on: "2024-03-01 10:00:00",
        ...o,
      }),
    );
  const rows = [
    row({}),
    row({ name: "www", type: "CNAME", value: "example.com.", line: "电信", remark: "CDN" }),
    row({ type: "MX", value: "MAIL.example.com", mx: "5", ttl: "3600" }),
    row({ name: "_dmarc", type: "TXT", value: 'v=DMARC1; p=reject; rua=mailto:"d"@example.com' }),
    row({ name: "_sip._tcp", type: "SRV", value: "10 5 5060 sip.example.com." }),
    row({ type: "CAA", value: '0 issue "letsencrypt.org"', enabled: "0", status: "disabled" }),
    row({ name: "go", type: "URL", value: "https://example.net/" }),
    row({ name: "*", type: "AAAA", value: "2001:DB8::1" }),
  ];
  const text = formatZoneFile("example.com", rows.map(toZoneFileRecord));
  expect(text).toMatch(/^www +IN CNAME example\.com\. ; line 电信, remark: CDN$/m);
  expect(text).toMatch(/^@ +IN CAA +0 issue "letsencrypt\.org" ; disabled$/m);
  expect(text).toMatch(/^; URL go "https:\/\/example\.net\/"$/m);
  const back = fromZoneFile(parseZoneFile(text, "example.com"));
  const expected = rows
    .filter((s) => s.recordType !== "URL")
    .map((s) => ({
      subDomain: s.subDomain,
      recordType: s.recordType,
      value: s.value,
      ...(s.mx === undefined ? {} : { mx: s.mx }),
      ttl: s.ttl,
    }));
  expect(back).toStrictEqual(expected);
});
