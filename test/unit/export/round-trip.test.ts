/**
 * The contract of `--format zone`: parseZoneFile reads the export back to exactly the exported
 * records (those a zone file can hold), in the printed order. Also the order itself.
 */
import { dnspodExport } from "../../../provider/export/dnspod";
import { FORMATS } from "../../../provider/export/formats";
import { type ExportEntry, naturalCompare, sortEntries } from "../../../provider/export/model";
import { wedosExport } from "../../../provider/export/wedos";
import { parseZoneFile, ZONE_FILE_TYPES, type ZoneFileRecord } from "../../../provider/zonefile";
import { DNSPOD_DOMAIN_ID, DNSPOD_ROWS, WEDOS_NAMESERVERS, WEDOS_ROWS } from "../../fixtures/export/zones";

const ctx = { now: new Date("2025-03-01T12:00:00Z"), command: "pulumi-dnspod-wedos export" };
const plain = ({ name, type, ttl, rdata }: ZoneFileRecord): ZoneFileRecord => ({ name, type, ttl, rdata });

test.each([
  ["wedos example.cz", wedosExport("example.cz", WEDOS_ROWS, WEDOS_NAMESERVERS), 18],
  ["dnspod example.com", dnspodExport("example.com", DNSPOD_DOMAIN_ID, DNSPOD_ROWS), 13],
])("%s: parseZoneFile(export) gives back exactly the exported records", (_, exported, expressible) => {
  const text = FORMATS.zone.render(exported, ctx);
  const expected = exported.entries.map((e) => plain(e.zone)).filter((r) => (ZONE_FILE_TYPES as readonly string[]).includes(r.type));
  expect(expected).toHaveLength(expressible);
  expect(parseZoneFile(text, exported.zone)).toStrictEqual(expected);
});

test("the URL record, which no zone file can hold, is the one DNSPod record not read back", () => {
  const exported = dnspodExport("example.com", DNSPOD_DOMAIN_ID, DNSPOD_ROWS);
  expect(exported.entries.filter((e) => !(ZONE_FILE_TYPES as readonly string[]).includes(e.zone.type)).map((e) => e.input)).toEqual([
    { subDomain: "go", recordType: "URL", value: "https://www.example.com/landing", ttl: 600 },
  ]);
});

test("naturalCompare orders digit runs by value and the rest by code point", () => {
  const words = ["host10", "host9", "Host1", "host09x", "a", "", "_sip", "*", "20 b.", "5 a.", "10 a."];
  // "09" and "9" are equal in value: their text decides, so the order never depends on the input's.
  expect([...words].sort(naturalCompare)).toEqual(["", "*", "5 a.", "10 a.", "20 b.", "Host1", "_sip", "a", "host09x", "host9", "host10"]);
});

test("sortEntries: apex first, then name, type, data, comment; the input order does not matter", () => {
  const e = (name: string, type: string, rdata: string, comment?: string): ExportEntry<string> => ({
    id: `${name}|${type}|${rdata}|${comment ?? ""}`,
    input: name,
    zone: { name, type, rdata, ...(comment ? { comment } : {}) },
  });
  const entries = [
    e("www", "A", "192.0.2.1"),
    e("", "MX", "20 b."),
    e("", "MX", "5 a."),
    e("*", "A", "192.0.2.9"),
    e("", "A", "192.0.2.2", "line US"),
    e("", "A", "192.0.2.2"),
    e("_dmarc", "TXT", "v=DMARC1"),
  ];
  const order = [
    "|A|192.0.2.2|",
    "|A|192.0.2.2|line US",
    "|MX|5 a.|",
    "|MX|20 b.|",
    "*|A|192.0.2.9|",
    "_dmarc|TXT|v=DMARC1|",
    "www|A|192.0.2.1|",
  ];
  expect(sortEntries(entries).map((x) => x.id)).toEqual(order);
  expect(sortEntries([...entries].reverse()).map((x) => x.id)).toEqual(order);
});
