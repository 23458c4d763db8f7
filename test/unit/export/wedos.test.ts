/**
 * WEDOS rows → export: the exact zone file and TypeScript program for a varied zone, the rdata
 * conversion table, and every exported input left unchanged by wedos.Record's check() rules.
 */

import { FORMATS } from "../../../provider/export/formats";
import { wedosExport, zoneRdata } from "../../../provider/export/wedos";
import { isKeptByService, liveRow } from "../../../provider/wedos/convert";
import { zoneRecordsResource } from "../../../provider/wedos/resources/zone-records";
import { Row } from "../../../provider/wedos/schemas";
import { wedosZoneApi } from "../../../provider/wedos/zone-api";
import { planZone } from "../../../provider/zone/plan";
import { parseZoneFile } from "../../../provider/zonefile";
import { LONG_TXT, SSHFP_HEX, TLSA_HEX, WEDOS_NAMESERVERS, WEDOS_ROWS } from "../../fixtures/export/zones";

const ctx = { now: new Date("2025-03-01T12:00:00.123Z"), command: "pulumi-dnspod-wedos export wedos example.cz" };
const exported = wedosExport("example.cz", WEDOS_ROWS, WEDOS_NAMESERVERS);
const tlsa = TLSA_HEX.toLowerCase();
const sshfp = SSHFP_HEX.toLowerCase();

test("--format zone: header, own NS left out, apex first, comments, canonical rdata, long TXT split", () => {
  expect(FORMATS.zone.render(exported, ctx)).toBe(`; example.cz: BIND master file (RFC 1035) written by pulumi-dnspod-wedos
; Exported from WEDOS (WAPI dns-rows-list) at 2025-03-01T12:00:00Z by \`pulumi-dnspod-wedos export wedos example.cz\`.
; 18 records. Left out:
; - 2 NS records at the apex naming WEDOS's own name servers (ns.wedos.net., ns.wedos.eu.): WEDOS manages them with the zone.
; A comment after a record is its WEDOS author comment; comments are not read back.
; Read it back with parseZoneFile(text, "example.cz") from pulumi-dnspod-wedos.
$ORIGIN example.cz.
$TTL 3600

@             300   IN A     192.0.2.10
@             300   IN AAAA  2001:db8::10
@                   IN CAA   0 issue "letsencrypt.org"
@                   IN CAA   128 iodef "mailto:security@example.cz"
@                   IN MX    10 mail.example.cz.
@                   IN MX    20 backup-mx.example.net.
@                   IN TXT   "v=spf1 mx include:_spf.example.net -all"
*             300   IN A     192.0.2.11
*.dev         300   IN CNAME www.example.cz.
_25._tcp.mail       IN TLSA  3 1 1 ${tlsa}
_dmarc              IN TXT   "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.cz; note=\\"quoted \\\\ text\\""
_sip._tcp           IN SRV   10 60 5060 sip.example.cz.
long          300   IN TXT   ( "${LONG_TXT.slice(0, 255)}"
                               "${LONG_TXT.slice(255)}" )
mail          300   IN A     192.0.2.25 ; MX target
server              IN SSHFP 4 2 ${sshfp}
sub           86400 IN NS    ns1.other-dns.net.
sub           86400 IN NS    ns2.other-dns.net.
www           300   IN A     192.0.2.10 ; web front; behind the load balancer
`);
});

test("--format ts: one wedos.ZoneRecords, one record per line, ttl always, empty comments left out", () => {
  expect(FORMATS.ts.render(exported, ctx)).toBe(`// example.cz: exported from WEDOS (WAPI dns-rows-list)
// at 2025-03-01T12:00:00Z by \`pulumi-dnspod-wedos export wedos example.cz\`.
// \`pulumi up\` adopts these 18 records without writing: each is in the zone already,
// with this name, type, data, TTL and comment.
// Records added to the zone later stay unmanaged unless \`exclusive: true\` is set, which makes
// this resource delete them.
// Left out:
//   2 NS records at the apex naming WEDOS's own name servers (ns.wedos.net., ns.wedos.eu.): WEDOS manages them with the zone.

import { wedos } from "pulumi-dnspod-wedos";

new wedos.ZoneRecords("example-cz", {
  domain: "example.cz",
  records: [
    { name: "", type: "A", ttl: 300, rdata: "192.0.2.10" },
    { name: "", type: "AAAA", ttl: 300, rdata: "2001:db8::10" },
    { name: "", type: "CAA", ttl: 3600, rdata: '0 issue "letsencrypt.org"' },
    { name: "", type: "CAA", ttl: 3600, rdata: '128 iodef "mailto:security@example.cz"' },
    { name: "", type: "MX", ttl: 3600, rdata: "10 mail.example.cz" },
    { name: "", type: "MX", ttl: 3600, rdata: "20 backup-mx.example.net" },
    { name: "", type: "TXT", ttl: 3600, rdata: "v=spf1 mx include:_spf.example.net -all" },
    { name: "*", type: "A", ttl: 300, rdata: "192.0.2.11" },
    { name: "*.dev", type: "CNAME", ttl: 300, rdata: "www.example.cz" },
    { name: "_25._tcp.mail", type: "TLSA", ttl: 3600, rdata: "3 1 1 ${tlsa}" },
    { name: "_dmarc", type: "TXT", ttl: 3600, rdata: 'v=DMARC1; p=quarantine; rua=mailto:dmarc@example.cz; note="quoted \\\\ text"' },
    { name: "_sip._tcp", type: "SRV", ttl: 3600, rdata: "10 60 5060 sip.example.cz" },
    { name: "long", type: "TXT", ttl: 300, rdata: "${LONG_TXT}" },
    { name: "mail", type: "A", ttl: 300, rdata: "192.0.2.25", comment: "MX target" },
    { name: "server", type: "SSHFP", ttl: 3600, rdata: "4 2 ${sshfp}" },
    { name: "sub", type: "NS", ttl: 86400, rdata: "ns1.other-dns.net" },
    { name: "sub", type: "NS", ttl: 86400, rdata: "ns2.other-dns.net" },
    { name: "www", type: "A", ttl: 300, rdata: "192.0.2.10", comment: "web front; behind the load balancer" },
  ],
});
`);
});

test("wedos.ZoneRecords' check() takes the exported records as they are, and its plan adopts every row without a write", () => {
  const inputs = zoneRecordsResource.descriptor.inputs.parse({ domain: "example.cz", records: exported.entries.map((e) => e.input) });
  const live = WEDOS_ROWS.filter((r) => !isKeptByService(r)).map(liveRow);
  expect(inputs.records).toStrictEqual(Object.fromEntries(live.map((r) => [r.key, r.attrs])));
  const plan = planZone(inputs.records, live, [], wedosZoneApi.rules);
  expect([plan.keep.length, plan.create, plan.update, plan.remove, plan.unmanaged]).toEqual([18, [], [], [], []]);
});

test("own NS rows are left out only at the apex and only when they name the zone's name servers", () => {
  const rows = WEDOS_ROWS.filter((r) => r.rdtype === "NS");
  expect(wedosExport("example.cz", rows, []).entries.map((e) => [e.input.name, e.input.rdata])).toEqual([
    ["", "ns.wedos.eu"],
    ["", "ns.wedos.net"],
    ["sub", "ns1.other-dns.net"],
    ["sub", "ns2.other-dns.net"],
  ]);
  expect(wedosExport("example.cz", rows, ["NS.WEDOS.NET."]).omitted).toEqual([
    "1 NS record at the apex naming WEDOS's own name servers (ns.wedos.net.): WEDOS manages them with the zone.",
  ]);
  expect(wedosExport("example.cz", [], WEDOS_NAMESERVERS)).toStrictEqual({ api: "wedos", zone: "example.cz", omitted: [], entries: [] });
});

describe("zoneRdata: WAPI rdata → parseZoneFile's canonical form", () => {
  test.each([
    ["A", " 192.0.2.1 ", "192.0.2.1"],
    ["AAAA", "2001:DB8::1", "2001:db8::1"],
    ["CNAME", "WWW.Example.cz", "www.example.cz."],
    ["CNAME", "www.example.cz.", "www.example.cz."],
    ["NS", "ns1.other-dns.net", "ns1.other-dns.net."],
    ["MX", "010 Mail.example.cz", "10 mail.example.cz."],
    ["MX", "0 .", "0 ."],
    ["SRV", "10 60 05060 SIP.example.cz.", "10 60 5060 sip.example.cz."],
    ["SRV", "0 0 0 .", "0 0 0 ."],
    ["TXT", ' v=spf1 "x" -all ', ' v=spf1 "x" -all '],
    ["CAA", '0 ISSUE "letsencrypt.org"', '0 issue "letsencrypt.org"'],
    ["CAA", '0 iodef "mailto:a\\"b@example.cz"', '0 iodef "mailto:a\\"b@example.cz"'],
    ["CAA", "0 issue letsencrypt.org", '0 issue "letsencrypt.org"'],
    ["TLSA", "3 1 1 ABCD EF01", "3 1 1 abcdef01"],
    ["SSHFP", "04 2 AB CD", "4 2 abcd"],
    ["MX", "mail.example.cz", "mail.example.cz"],
  ])("%s %j → %j", (type, raw, zone) => {
    expect(zoneRdata(type, raw)).toBe(zone);
  });
});

test("rows a zone file or ZoneRecords cannot take as stored become comment lines with the reason; the rest reads back", () => {
  const row = (ID: string, name: string, rdtype: string, rdata: string) =>
    Row.parse({ ID, name, ttl: "300", rdtype, rdata, changed_date: "", author_comment: ID === "3" ? "from the old DNS" : "" });
  const rows = [
    row("1", "www", "A", "192.0.2.1"),
    row("2", "_443._tcp", "TLSA", "3 1 1 ABCD"),
    row("3", "", "CAA", '300 issue "ca.example.net"'),
    row("4", "", "NS", "ns1.other-dns.net"),
  ];
  const text = FORMATS.zone.render(wedosExport("example.cz", rows, []), ctx);
  expect(text).toBe(`; example.cz: BIND master file (RFC 1035) written by pulumi-dnspod-wedos
; Exported from WEDOS (WAPI dns-rows-list) at 2025-03-01T12:00:00Z by \`pulumi-dnspod-wedos export wedos example.cz\`.
; 4 records.
; 2 records whose data is not valid for their type in a zone file are shown as comment lines, with the reason.
; A comment after a record is its WEDOS author comment; comments are not read back.
; Read it back with parseZoneFile(text, "example.cz") from pulumi-dnspod-wedos.
; Lines "; TYPE name value" are records a zone file cannot express (such as URL forwarding); they are not read back.
$ORIGIN example.cz.
$TTL 300

; CAA (invalid) @ "300 issue \\"ca.example.net\\"" ; from the old DNS; not valid CAA data: "300" is not a valid CAA flags value. Fix: write a whole number from 0 to 255
@   IN NS    ns1.other-dns.net.
; TLSA (invalid) _443._tcp "3 1 1 abcd" ; not valid TLSA data: the certificate association data has 4 hex digits, expected 64 for matching type 1 (SHA-256). Fix: paste the whole certificate association data
www IN A     192.0.2.1
`);
  expect(parseZoneFile(text, "example.cz")).toStrictEqual([
    { name: "", type: "NS", ttl: 300, rdata: "ns1.other-dns.net." },
    { name: "www", type: "A", ttl: 300, rdata: "192.0.2.1" },
  ]);
  // An apex NS of another server is the zone's data (it reads back) but not ZoneRecords' to manage;
  // WAPI's rules (and so check()'s) take any hex for TLSA, but not CAA flags above 255.
  expect(
    FORMATS.ts
      .render(wedosExport("example.cz", rows, []), ctx)
      .split("\n")
      .filter((l) => /commented|API holds| {4}(\/\/ )?\{/.test(l)),
  ).toEqual([
    "// 2 records are commented out: ZoneRecords would not take the data the API holds",
    `    // { name: "", type: "CAA", ttl: 300, rdata: '300 issue "ca.example.net"', comment: "from the old ` +
      `DNS" }, // wedos.ZoneRecords refuses it: CAA rdata "300 issue "ca.example.net"" must be '<flags 0-255> ` +
      `<issue|issuewild|iodef> "<value>"'. Fix: write it like '0 issue "letsencrypt.org"'`,
    `    // { name: "", type: "NS", ttl: 300, rdata: "ns1.other-dns.net" }, // wedos.ZoneRecords leaves NS records at the apex out: the service serves the zone's delegation itself`,
    `    { name: "_443._tcp", type: "TLSA", ttl: 300, rdata: "3 1 1 abcd" },`,
    `    { name: "www", type: "A", ttl: 300, rdata: "192.0.2.1" },`,
  ]);
});
