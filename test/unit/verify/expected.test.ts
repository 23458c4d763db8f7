/** What `verify` expects each nameserver to answer, from WEDOS rows, DNSPod records or a zone file. */
import { fromDnspod, fromWedos, fromZoneFile } from "../../../provider/verify/expected";
import { parseZoneFile } from "../../../provider/zonefile";
import { DNSPOD_ROWS, WEDOS_NAMESERVERS, WEDOS_ROWS } from "../../fixtures/export/zones";

const show = (e: ReturnType<typeof fromWedos>) =>
  e.expectations.map(
    (x) =>
      `${x.name} ${x.type}${x.exact ? "" : " (at least)"}: ${x.present.join(" | ")}${x.absent?.length ? ` ; not ${x.absent.join(" | ")}` : ""}`,
  );

test("WEDOS: every row, one exact RRset per name and type; the apex NS include WEDOS's own servers", () => {
  const e = fromWedos("example.cz", WEDOS_ROWS, WEDOS_NAMESERVERS);
  expect(e.notVerified).toEqual([]);
  expect(show(e)).toEqual([
    "example.cz NS: ns.wedos.net | ns.wedos.eu | ns.wedos.cz | ns.wedos.com | ns.wedos.net | ns.wedos.eu.",
    "www.example.cz A: 192.0.2.10",
    "example.cz A: 192.0.2.10",
    "example.cz AAAA: 2001:DB8::10",
    "example.cz MX: 20 Backup-MX.example.net. | 10 mail.example.cz",
    "example.cz TXT: v=spf1 mx include:_spf.example.net -all",
    'example.cz CAA: 0 issue "letsencrypt.org" | 128 iodef "mailto:security@example.cz"',
    "*.example.cz A: 192.0.2.11",
    "*.dev.example.cz CNAME: www.example.cz",
    "_sip._tcp.example.cz SRV: 10 60 5060 sip.example.cz",
    '_dmarc.example.cz TXT: v=DMARC1; p=quarantine; rua=mailto:dmarc@example.cz; note="quoted \\ text"',
    `long.example.cz TXT: ${WEDOS_ROWS.find((r) => r.name === "long")!.rdata}`,
    `_25._tcp.mail.example.cz TLSA: ${WEDOS_ROWS.find((r) => r.rdtype === "TLSA")!.rdata}`,
    `server.example.cz SSHFP: ${WEDOS_ROWS.find((r) => r.rdtype === "SSHFP")!.rdata}`,
    "sub.example.cz NS: ns2.other-dns.net. | ns1.other-dns.net",
    "mail.example.cz A: 192.0.2.25",
  ]);
});

test("DNSPod: the enabled default-line records (system NS included); other lines and URL records not verified", () => {
  const e = fromDnspod("example.com", DNSPOD_ROWS);
  expect(show(e)).toEqual([
    "example.com NS: f1g1ns1.dnspod.net. | f1g1ns2.dnspod.net.",
    "www.example.com CNAME: example.com.",
    "example.com A: 192.0.2.1",
    "example.com MX: 20 mx2.example.com. | 10 mail.example.com.",
    'example.com TXT: v=spf1 include:spf.example.net "quoted"; -all',
    'example.com CAA: 0 issue "letsencrypt.org"',
    "old.example.com A:  ; not 192.0.2.99",
    "*.dev.example.com A: 192.0.2.3",
    "_sip._tcp.example.com SRV: 10 60 5060 sip.example.com.",
    "sub.example.com NS: ns1.other-dns.net.",
    "v6.example.com AAAA: 2001:db8::1",
  ]);
  expect(e.notVerified).toEqual([
    "2 records on DNSPod lines other than the default (US, search_engine): only resolvers DNSPod places on those lines get them",
    "1 URL record (go): URL forwarding is HTTP, not DNS data; the name answers A with DNSPod's forwarding servers",
  ]);
});

test("DNSPod: an A RRset at a name with URL forwarding is checked for its records, not for being only those", () => {
  const rows = DNSPOD_ROWS.filter((r) => r.name === "go").map((r) => ({ ...r }));
  rows.push({ ...rows[0]!, id: "9", type: "A", value: "192.0.2.7" });
  expect(show(fromDnspod("example.com", rows))).toEqual(["go.example.com A (at least): 192.0.2.7"]);
});

test("a zone file: its records, without the SOA and apex NS the service serves itself", () => {
  const text =
    "$ORIGIN example.cz.\n@ 3600 IN SOA ns.wedos.net. h.example.cz. 1 2 3 4 5\n@ NS ns.wedos.net.\n@ 300 MX 10 mail\nwww 300 A 192.0.2.1\nwww 300 A 192.0.2.2\n";
  const e = fromZoneFile("example.cz", parseZoneFile(text, "example.cz"), "zone file z.zone");
  expect(show(e)).toEqual(["example.cz MX: 10 mail.example.cz.", "www.example.cz A: 192.0.2.1 | 192.0.2.2"]);
  expect(e.notVerified).toEqual(["zone file z.zone: its SOA and NS records at the apex (2 records): the service serves its own"]);
});
