/**
 * DNSPod Record.List rows → export: the exact zone file and TypeScript program for a varied
 * domain (lines, a disabled record, remarks, URL forwarding, held system NS), and every exported
 * input left unchanged by dnspod.Record's check() rules.
 */

import { liveRecord } from "../../../provider/dnspod/convert";
import { zoneRecordsResource } from "../../../provider/dnspod/resources/zone-records";
import { dnspodZoneApi } from "../../../provider/dnspod/zone-api";
import { dnspodExport } from "../../../provider/export/dnspod";
import { FORMATS } from "../../../provider/export/formats";
import { planZone } from "../../../provider/zone/plan";
import { DNSPOD_DOMAIN_ID, DNSPOD_ROWS } from "../../fixtures/export/zones";

const ctx = { now: new Date("2025-03-01T12:00:00Z"), command: "pulumi-dnspod-wedos export dnspod example.com" };
const exported = dnspodExport("example.com", DNSPOD_DOMAIN_ID, DNSPOD_ROWS);

test("--format zone: held NS left out, line/status/remark as comments, URL as a comment line", () => {
  expect(FORMATS.zone.render(exported, ctx)).toBe(`; example.com: BIND master file (RFC 1035) written by pulumi-dnspod-wedos
; Exported from DNSPod (Record.List of domain id 1992403) at 2025-03-01T12:00:00Z by \`pulumi-dnspod-wedos export dnspod example.com\`.
; 14 records. Left out:
; - 2 NS records at the apex that DNSPod holds for itself (f1g1ns1.dnspod.net., f1g1ns2.dnspod.net.): the API cannot change them.
; A comment after a record gives its DNSPod line (unless "default"), "disabled" and its remark; comments are not read back, and a zone file has no lines.
; Read it back with parseZoneFile(text, "example.com") from pulumi-dnspod-wedos.
; Lines "; TYPE name value" are records a zone file cannot express (such as URL forwarding); they are not read back.
$ORIGIN example.com.
$TTL 600

@              IN A     192.0.2.1
@              IN A     192.0.2.2 ; line US
@              IN CAA   0 issue "letsencrypt.org"
@              IN MX    10 mail.example.com.
@              IN MX    20 mx2.example.com.
@              IN TXT   "v=spf1 include:spf.example.net \\"quoted\\"; -all"
*.dev     3600 IN A     192.0.2.3
_sip._tcp      IN SRV   10 60 5060 sip.example.com.
crawler        IN A     192.0.2.4 ; line search_engine
; URL go "https://www.example.com/landing"
old            IN A     192.0.2.99 ; disabled, remark: kept for rollback
sub            IN NS    ns1.other-dns.net.
v6             IN AAAA  2001:db8::1
www            IN CNAME example.com. ; remark: main site
`);
});

test("--format ts: a literal domainId, defaults (line, status, remark) left out, mx only on MX", () => {
  expect(FORMATS.ts.render(exported, ctx)).toBe(`// example.com: exported from DNSPod (Record.List of domain id 1992403)
// at 2025-03-01T12:00:00Z by \`pulumi-dnspod-wedos export dnspod example.com\`.
// \`pulumi up\` adopts these 14 records without writing: each is in the zone already,
// with this name, type, value, line, priority, TTL, status and remark.
// Records added to the zone later stay unmanaged unless \`exclusive: true\` is set, which makes
// this resource delete them.
// Left out:
//   2 NS records at the apex that DNSPod holds for itself (f1g1ns1.dnspod.net., f1g1ns2.dnspod.net.): the API cannot change them.

import { dnspod } from "pulumi-dnspod-wedos";

new dnspod.ZoneRecords("example-com", {
  domainId: "1992403", // example.com
  records: [
    { subDomain: "@", recordType: "A", value: "192.0.2.1", ttl: 600 },
    { subDomain: "@", recordType: "A", value: "192.0.2.2", recordLine: "US", ttl: 600 },
    { subDomain: "@", recordType: "CAA", value: '0 issue "letsencrypt.org"', ttl: 600 },
    { subDomain: "@", recordType: "MX", value: "mail.example.com.", mx: 10, ttl: 600 },
    { subDomain: "@", recordType: "MX", value: "mx2.example.com.", mx: 20, ttl: 600 },
    { subDomain: "@", recordType: "TXT", value: 'v=spf1 include:spf.example.net "quoted"; -all', ttl: 600 },
    { subDomain: "*.dev", recordType: "A", value: "192.0.2.3", ttl: 3600 },
    { subDomain: "_sip._tcp", recordType: "SRV", value: "10 60 5060 sip.example.com.", ttl: 600 },
    { subDomain: "crawler", recordType: "A", value: "192.0.2.4", recordLine: "search_engine", ttl: 600 },
    { subDomain: "go", recordType: "URL", value: "https://www.example.com/landing", ttl: 600 },
    { subDomain: "old", recordType: "A", value: "192.0.2.99", ttl: 600, status: "disable", remark: "kept for rollback" },
    { subDomain: "sub", recordType: "NS", value: "ns1.other-dns.net.", ttl: 600 },
    { subDomain: "v6", recordType: "AAAA", value: "2001:db8::1", ttl: 600 },
    { subDomain: "www", recordType: "CNAME", value: "example.com.", ttl: 600, remark: "main site" },
  ],
});
`);
});

test("dnspod.ZoneRecords' check() takes the exported records as they are, and its plan adopts every record without a write", () => {
  const inputs = zoneRecordsResource.descriptor.inputs.parse({ domainId: DNSPOD_DOMAIN_ID, records: exported.entries.map((e) => e.input) });
  const live = DNSPOD_ROWS.filter((r) => r.hold !== "hold").map(liveRecord);
  expect(inputs.records).toStrictEqual(Object.fromEntries(live.map((r) => [r.key, r.attrs])));
  const plan = planZone(inputs.records, live, [], dnspodZoneApi.rules);
  expect([plan.keep.length, plan.create, plan.update, plan.remove, plan.unmanaged]).toEqual([14, [], [], [], []]);
});

test("the ids of the records are kept for formats that need them (pulumi import)", () => {
  const www = exported.entries.find((e) => e.input.subDomain === "www")!;
  expect(www.id).toBe(DNSPOD_ROWS.find((r) => r.name === "www")!.id);
  expect(new Set(exported.entries.map((e) => e.id)).size).toBe(14);
});

test("a domain with only its system NS records exports nothing but says why", () => {
  const held = DNSPOD_ROWS.filter((r) => r.hold === "hold");
  expect(dnspodExport("example.com", "7", held)).toStrictEqual({
    api: "dnspod",
    zone: "example.com",
    domainId: "7",
    omitted: [
      "2 NS records at the apex that DNSPod holds for itself (f1g1ns1.dnspod.net., f1g1ns2.dnspod.net.): the API cannot change them.",
    ],
    entries: [],
  });
});

test("a record check() would refuse (a type DNSPod lists but the resources do not take) is commented out with the reason", () => {
  const spf = { ...DNSPOD_ROWS[3]!, id: "77", name: "@", type: "SPF", value: "v=spf1 -all" };
  const one = dnspodExport("example.com", DNSPOD_DOMAIN_ID, [spf, DNSPOD_ROWS[3]!]);
  expect(one.entries.map((e) => e.refused)).toEqual([
    undefined,
    'dnspod.ZoneRecords refuses it: "SPF" is not a record type DNSPod supports. Fix: use one of A, CNAME, MX, TXT, NS, AAAA, SRV, URL, Framed URL, CAA (CAA needs a paid grade)',
  ]);
  const lines = (format: "ts" | "zone") =>
    FORMATS[format]
      .render(one, ctx)
      .split("\n")
      .filter((l) => /SPF|192\.0\.2\.1\b|commented/.test(l));
  expect(lines("ts")).toEqual([
    "// 1 record is commented out: ZoneRecords would not take the data the API holds",
    '    { subDomain: "@", recordType: "A", value: "192.0.2.1", ttl: 600 },',
    `    // { subDomain: "@", recordType: "SPF", value: "v=spf1 -all", ttl: 600 }, // dnspod.ZoneRecords ` +
      `refuses it: "SPF" is not a record type DNSPod supports. Fix: use one of A, CNAME, MX, TXT, NS, AAAA, ` +
      `SRV, URL, Framed URL, CAA (CAA needs a paid grade)`,
  ]);
  expect(lines("zone")).toEqual(["@ IN A     192.0.2.1", '; SPF @ "v=spf1 -all"']);
});
