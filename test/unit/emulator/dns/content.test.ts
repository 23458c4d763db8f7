/**
 * What each fake API serves: WEDOS the rows of the last commit with its own apex NS, DNSPod the
 * enabled records of the default line, URL records as the forwarder's A, nothing of a paused domain.
 */
import { dnspodContent, URL_FORWARDER, wedosContent } from "../../../../emulator/dns/content";
import type { DnspodDomain, DnspodRecord } from "../../../../emulator/dnspod/state";
import type { WedosRow } from "../../../../emulator/wedos/state";
import { newZone } from "../../../../emulator/wedos/zone";

const NOW = new Date("2026-03-01T10:00:00Z");
const row = (name: string, rdtype: string, rdata: string, ttl = "300"): WedosRow => ({
  ID: "1",
  name,
  ttl,
  rdtype,
  rdata,
  changed_date: "",
  author_comment: "",
});

test("WEDOS: the published rows, not the pending ones, with WEDOS's NS unless the zone lists them", () => {
  const zone = newZone({ name: "example.cz", type: "primary", primaryIp: "", axfrEnabled: false, axfrIps: [] }, NOW);
  zone.published = [row("", "NS", "ns.wedos.eu."), row("WWW", "A", "192.0.2.10")];
  zone.rows = [...zone.published, row("new", "A", "192.0.2.99")];
  expect(wedosContent(zone)).toEqual({
    zone: "example.cz",
    serial: 2026030101,
    soa: {
      mname: "ns.wedos.net",
      rname: "hostmaster.wedos.com",
      serial: 2026030101,
      refresh: 10800,
      retry: 3600,
      expire: 1209600,
      minimum: 300,
    },
    records: [
      { name: "", type: "NS", ttl: 86400, rdata: "ns.wedos.net" },
      { name: "", type: "NS", ttl: 86400, rdata: "ns.wedos.cz" },
      { name: "", type: "NS", ttl: 86400, rdata: "ns.wedos.com" },
      { name: "", type: "NS", ttl: 300, rdata: "ns.wedos.eu." },
      { name: "www", type: "A", ttl: 300, rdata: "192.0.2.10" },
    ],
  });
});

test("WEDOS: a secondary zone is transferred from a primary the emulator does not have: not served", () => {
  expect(
    wedosContent(newZone({ name: "example.cz", type: "secondary", primaryIp: "192.0.2.1", axfrEnabled: false, axfrIps: [] }, NOW)),
  ).toBe(undefined);
});

const rec = (subDomain: string, type: string, value: string, extra: Partial<DnspodRecord> = {}): DnspodRecord => ({
  id: 1,
  subDomain,
  type,
  line: "default",
  value,
  mx: 0,
  ttl: 600,
  enabled: true,
  remark: "",
  updatedOn: "",
  hold: false,
  noopModifies: 0,
  ...extra,
});

const domain = (records: DnspodRecord[], status: DnspodDomain["status"] = "enable") =>
  ({ punycode: "xn--bcher-kva.com", name: "bücher.com", status, records }) as DnspodDomain;

test("DNSPod: enabled records of the default line; MX with its priority; URL answers A with the forwarder", () => {
  const content = dnspodContent(
    domain([
      rec("@", "NS", "f1g1ns1.dnspod.net.", { hold: true, ttl: 86400 }),
      rec("@", "MX", "mail.example.com.", { mx: 10 }),
      rec("www", "A", "192.0.2.1"),
      rec("www", "A", "192.0.2.2", { line: "US" }),
      rec("www", "A", "192.0.2.3", { line: "10=1" }),
      rec("old", "A", "192.0.2.9", { enabled: false }),
      rec("go", "URL", "https://example.com/"),
      rec("frame", "Framed URL", "https://example.com/"),
    ]),
  );
  expect(content).toEqual({
    zone: "xn--bcher-kva.com",
    soa: { mname: "f1g1ns1.dnspod.net", rname: "freednsadmin.dnspod.com", refresh: 3600, retry: 180, expire: 1209600, minimum: 180 },
    records: [
      { name: "", type: "NS", ttl: 86400, rdata: "f1g1ns1.dnspod.net." },
      { name: "", type: "MX", ttl: 600, rdata: "10 mail.example.com." },
      { name: "www", type: "A", ttl: 600, rdata: "192.0.2.1" },
      { name: "go", type: "A", ttl: 600, rdata: URL_FORWARDER },
      { name: "frame", type: "A", ttl: 600, rdata: URL_FORWARDER },
    ],
  });
});

test("DNSPod: a paused domain (Domain.Status disable) is not served", () => {
  expect(dnspodContent(domain([rec("www", "A", "192.0.2.1")], "disable"))).toBeUndefined();
});
