/**
 * `--format import` and `--format import-records`: the JSON `pulumi import --file` reads, with the
 * plugin tokens and ids of the README — the zone's records as one ZoneRecords, or one Record per record
 * that ZoneRecords would take.
 */
import { dnspodExport } from "../../../provider/export/dnspod";
import { FORMATS } from "../../../provider/export/formats";
import { wedosExport } from "../../../provider/export/wedos";
import { DNSPOD_DOMAIN_ID, DNSPOD_ROWS, WEDOS_NAMESERVERS, WEDOS_ROWS } from "../../fixtures/export/zones";

const ctx = { now: new Date("2025-03-01T12:00:00Z"), command: "pulumi-dnspod-wedos export" };
const wedos = wedosExport("example.cz", WEDOS_ROWS, WEDOS_NAMESERVERS);
const dnspod = dnspodExport("example.com", DNSPOD_DOMAIN_ID, DNSPOD_ROWS);
const parse = (text: string) => JSON.parse(text) as { resources: { type: string; name: string; id: string; version: string }[] };

test("import: the zone's records as one ZoneRecords, at the package's version", () => {
  expect(FORMATS.import.render(wedos, ctx)).toBe(`{
  "resources": [
    {
      "type": "wedos:index:ZoneRecords",
      "name": "example-cz-records",
      "id": "example.cz",
      "version": "0.1.0"
    }
  ]
}
`);
  expect(parse(FORMATS.import.render(dnspod, ctx)).resources.map((r) => [r.type, r.name, r.id])).toEqual([
    ["dnspod:index:ZoneRecords", "example-com-records", DNSPOD_DOMAIN_ID],
  ]);
});

test("import-records: one Record per record ZoneRecords takes, ids zone/rowId, names unique and valid", () => {
  const { resources } = parse(FORMATS["import-records"].render(wedos, ctx));
  const taken = wedos.entries.filter((e) => !e.refused);
  expect(resources.map((r) => r.id)).toEqual(taken.map((e) => `example.cz/${e.id}`));
  expect(resources.every((r) => r.type === "wedos:index:Record" && r.version === "0.1.0")).toBe(true);
  expect(new Set(resources.map((r) => r.name)).size).toBe(resources.length);
  for (const r of resources) expect(r.name).toMatch(/^[a-z0-9-]+$/);
  expect(resources.find((r) => r.id === `example.cz/${taken.find((e) => e.zone.name === "*.dev")!.id}`)!.name).toMatch(
    /^example-cz-wildcard-dev-cname-\d+$/,
  );
  // The delegation of sub.example.cz is taken; the apex NS naming WEDOS's own servers is not.
  expect(wedos.entries.length - taken.length).toBe(0);
});

test("import-records for DNSPod: ids domainId/recordId", () => {
  const { resources } = parse(FORMATS["import-records"].render(dnspod, ctx));
  expect(resources.map((r) => r.id)).toEqual(dnspod.entries.filter((e) => !e.refused).map((e) => `${DNSPOD_DOMAIN_ID}/${e.id}`));
  expect(resources.every((r) => r.type === "dnspod:index:Record")).toBe(true);
});
