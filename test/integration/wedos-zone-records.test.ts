/**
 * wedos.ZoneRecords against the WEDOS emulator, through the provider methods the engine calls:
 * exact request sequences (one listing, only the delta, one commit), adoption of identical rows,
 * in-place ttl updates, removals of rows no longer declared, drift and unmanaged rows on refresh,
 * exclusive ownership, delete of exactly the declared rows, and check() with zero API calls.
 */
import type { WedosState } from "../../emulator";
import { WedosClient } from "../../provider/wedos/client";
import { domainResource } from "../../provider/wedos/resources/domain";
import type { ZoneRecordsInputs } from "../../provider/wedos/resources/zone-records";
import { zoneRecordsResource as impl } from "../../provider/wedos/resources/zone-records";
import { wedosZoneApi } from "../../provider/wedos/zone-api";
import { parseZoneFile } from "../../provider/zonefile";
import { useEmulators, WEDOS_PASSWORD, WEDOS_USER } from "../helpers/emulators";

const h = useEmulators();
const ZONE = "example.cz";

async function checked(news: Record<string, unknown>): Promise<ZoneRecordsInputs> {
  const r = await impl.check({}, news);
  if (!r.inputs) throw new Error(JSON.stringify(r.failures));
  return r.inputs;
}

async function zone(name = ZONE) {
  await domainResource.create(h.wedos, (await domainResource.check({}, { name })).inputs!);
}

const state = () => h.emu.hub.state().wedos as WedosState;
const rows = () =>
  state()
    .domains.find((d) => d.name === ZONE)!
    .rows.map((r) => `${r.name || "@"} ${r.rdtype} ${r.ttl} ${r.rdata}${r.author_comment ? ` ;${r.author_comment}` : ""}`)
    .sort();
const ops = () => h.calls("wedos").map((e) => e.op);
const mark = () => (h.emu.hub.entries.length = 0);

const BASE = [
  { name: "www", type: "A", rdata: "192.0.2.10" },
  { name: "", type: "MX", ttl: 3600, rdata: "10 mail.example.cz." },
  { name: "", type: "TXT", rdata: "v=spf1 mx -all", comment: "spf" },
  { name: "docs", type: "CNAME", rdata: "www.example.cz." },
];

describe("wedos.ZoneRecords", () => {
  test("check keys the rows by identity, normalised like wedos.Record, with zero API calls", async () => {
    const inputs = await checked({ domain: "Example.CZ.", records: BASE });
    expect(inputs).toEqual({
      domain: ZONE,
      exclusive: false,
      records: {
        "www A 192.0.2.10": { ttl: 300 },
        "@ MX 10 mail.example.cz": { ttl: 3600 },
        "@ TXT v=spf1 mx -all": { ttl: 300, comment: "spf" },
        "docs CNAME www.example.cz": { ttl: 300 },
      },
    });
    expect(h.calls("wedos")).toEqual([]);
  });

  test("check names each bad row by position and identity; duplicates and CNAME clashes are refused", async () => {
    const r = await impl.check(
      {},
      {
        domain: ZONE,
        records: [
          ...BASE,
          { name: "www", type: "A", ttl: 60, rdata: "192.0.2.11" },
          { name: "WWW", type: "a", rdata: "192.0.2.10" },
          { name: "docs", type: "TXT", rdata: "x" },
        ],
      },
    );
    expect(r.inputs).toBeUndefined();
    expect(r.failures).toEqual([
      {
        property: "records[4].ttl",
        reason: expect.stringMatching(
          /^wedos\.ZoneRecords\.records\[4\]\.ttl: record "www A 192\.0\.2\.11": ttl 60 is below WEDOS's minimum\. Fix: use 300–172800 seconds$/,
        ),
      },
    ]);
    const dup = await impl.check(
      {},
      { domain: ZONE, records: [...BASE, { name: "WWW", type: "a", rdata: "192.0.2.10" }, { name: "docs", type: "TXT", rdata: "x" }] },
    );
    expect(dup.failures).toEqual([
      {
        property: "records[4]",
        reason:
          'wedos.ZoneRecords.records[4]: record "WWW a 192.0.2.10": the same record as records[0] (same name, type and data). Fix: remove one of them; give their ttl and other attributes once',
      },
      {
        property: "records[3].type",
        reason:
          'wedos.ZoneRecords.records[3].type: record "docs CNAME www.example.cz.": a CNAME must be the only record ' +
          "of its name, and records[5] has the same name. Fix: remove the CNAME or the other records of this name",
      },
    ]);
    expect(h.calls("wedos")).toEqual([]);
  });

  test("a zone file's SOA and apex NS are left out; positions in messages stay those of the file", async () => {
    const file = parseZoneFile(
      [
        "$TTL 3600",
        "@ IN SOA ns1.example.cz. admin.example.cz. 1 7200 900 1209600 300",
        "@ NS ns1.example.cz.",
        "www A 192.0.2.10",
        "api A 192.0.2.99",
      ].join("\n"),
      ZONE,
    );
    expect((await checked({ domain: ZONE, records: file })).records).toEqual({
      "www A 192.0.2.10": { ttl: 3600 },
      "api A 192.0.2.99": { ttl: 3600 },
    });
    const r = await impl.check({}, { domain: ZONE, records: [...file, { name: "x", type: "A", rdata: "nope" }] });
    expect(r.failures?.map((f) => f.property)).toEqual(["records[4].rdata"]);
  });

  test("create lists once, adopts an identical row without a write, adds the rest, commits once, lists for the ids", async () => {
    await zone();
    await h.wedos.client.addRow(ZONE, { name: "www", type: "A", ttl: 300, rdata: "192.0.2.10" });
    await h.wedos.client.addRow(ZONE, { name: "old", type: "A", ttl: 300, rdata: "192.0.2.1" });
    mark();
    const { id, outs } = await impl.create(h.wedos, await checked({ domain: ZONE, records: BASE }));
    expect(id).toBe(ZONE);
    expect(ops()[0]).toBe("dns-rows-list");
    expect(ops().filter((o) => o === "dns-row-add")).toHaveLength(3);
    expect(ops().slice(-2).sort()).toEqual(["dns-domain-commit", "dns-rows-list"]);
    expect(ops()).toHaveLength(6);
    expect(rows()).toEqual([
      "@ MX 3600 10 mail.example.cz",
      "@ TXT 300 v=spf1 mx -all ;spf",
      "docs CNAME 300 www.example.cz",
      "old A 300 192.0.2.1",
      "www A 300 192.0.2.10",
    ]);
    const z = state().domains.find((d) => d.name === ZONE)!;
    expect(z.published).toEqual(z.rows);
    expect(outs.records["www A 192.0.2.10"]!.rowId).toBe(z.rows.find((r) => r.name === "www")!.ID);
    expect(outs).toMatchObject({ recordCount: 4, unmanaged: ["old A 192.0.2.1"], exclusive: false });
    expect(await impl.diff(id, outs, await checked({ domain: ZONE, records: BASE }))).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  test("one changed ttl is one dns-row-update and one commit; a comment change deletes and adds; a dropped row is deleted", async () => {
    await zone();
    const { id, outs } = await impl.create(h.wedos, await checked({ domain: ZONE, records: BASE }));
    const news = await checked({ domain: ZONE, records: [{ ...BASE[0], ttl: 7200 }, BASE[1], { ...BASE[2], comment: "new" }] });
    expect(await impl.diff(id, outs, news)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    mark();
    const { outs: after } = await impl.update(h.wedos, id, outs, news);
    expect(
      ops()
        .filter((o) => o !== "dns-rows-list")
        .sort(),
    ).toEqual(["dns-domain-commit", "dns-row-add", "dns-row-delete", "dns-row-delete", "dns-row-update"]);
    expect(h.calls("wedos", "dns-domain-commit")).toHaveLength(1);
    expect(rows()).toEqual(["@ MX 3600 10 mail.example.cz", "@ TXT 300 v=spf1 mx -all ;new", "www A 7200 192.0.2.10"]);
    expect(after.records["www A 192.0.2.10"]).toEqual({ ttl: 7200, rowId: outs.records["www A 192.0.2.10"]!.rowId });
    mark();
    await impl.update(h.wedos, id, after, news);
    expect(ops()).toEqual(["dns-rows-list"]);
  });

  test("refresh shows out-of-band drift, a deleted row as gone, other rows as unmanaged; exclusive turns them into removals", async () => {
    await zone();
    const { id, outs } = await impl.create(h.wedos, await checked({ domain: ZONE, records: BASE }));
    const c = h.wedos.client;
    await c.updateRow(ZONE, outs.records["www A 192.0.2.10"]!.rowId, 900, "192.0.2.10");
    await c.deleteRow(ZONE, outs.records["docs CNAME www.example.cz"]!.rowId);
    await c.addRow(ZONE, { name: "stray", type: "A", ttl: 300, rdata: "192.0.2.66" });
    mark();
    const read = await impl.read(h.wedos, id, outs);
    expect(ops()).toEqual(["dns-rows-list"]);
    expect(read.inputs).toEqual({
      domain: ZONE,
      exclusive: false,
      records: {
        "www A 192.0.2.10": { ttl: 900 },
        "@ MX 10 mail.example.cz": { ttl: 3600 },
        "@ TXT v=spf1 mx -all": { ttl: 300, comment: "spf" },
      },
    });
    expect(read.props).toMatchObject({ unmanaged: ["stray A 192.0.2.66"], recordCount: 3 });
    const declared = await checked({ domain: ZONE, records: BASE });
    expect((await impl.diff(id, read.props!, declared)).changes).toBe(true);

    const exclusive = await checked({ domain: ZONE, records: BASE, exclusive: true });
    const { outs: owned } = await impl.update(h.wedos, id, read.props!, exclusive);
    expect(rows()).toContain("stray A 300 192.0.2.66");
    const refreshed = await impl.read(h.wedos, id, owned);
    expect(Object.keys((refreshed.inputs as ZoneRecordsInputs).records)).toContain("stray A 192.0.2.66");
    expect(refreshed.props!.records["stray A 192.0.2.66"]).toMatchObject({ unmanaged: true });
    mark();
    await impl.update(h.wedos, id, refreshed.props!, exclusive);
    expect(h.calls("wedos", "dns-row-delete")).toHaveLength(1);
    expect(rows()).not.toContain("stray A 300 192.0.2.66");
  });

  test("delete removes exactly the declared rows and commits once; a gone zone is fine", async () => {
    await zone();
    await h.wedos.client.addRow(ZONE, { name: "keep", type: "A", ttl: 300, rdata: "192.0.2.1" });
    const { id, outs } = await impl.create(h.wedos, await checked({ domain: ZONE, records: BASE }));
    mark();
    await impl.delete(h.wedos, id, outs);
    expect(h.calls("wedos", "dns-row-delete")).toHaveLength(4);
    expect(h.calls("wedos", "dns-domain-commit")).toHaveLength(1);
    expect(rows()).toEqual(["keep A 300 192.0.2.1"]);
    await h.wedos.client.deleteDomain(ZONE);
    await impl.delete(h.wedos, id, outs);
  });

  test("rows listed for deletion whose zone is deleted meanwhile (its Domain destroyed alongside) count as deleted, with no request WAPI would count as invalid", async () => {
    await zone();
    const { outs } = await impl.create(h.wedos, await checked({ domain: ZONE, records: BASE }));
    const doomed = (await wedosZoneApi.list(h.wedos, ZONE, true)).filter((r) => r.key in outs.records);
    // Deleted by this process (a wedos.Domain of the same stack): nothing more is sent.
    await h.wedos.client.deleteDomain(ZONE);
    mark();
    expect(await wedosZoneApi.remove(h.wedos, ZONE, doomed)).toEqual([]);
    expect(h.calls("wedos")).toEqual([]);
    // Deleted elsewhere: the deletes in flight learn it (3222), the commit is not sent.
    await zone();
    const again = await impl.create(h.wedos, await checked({ domain: ZONE, records: BASE }));
    const listed = (await wedosZoneApi.list(h.wedos, ZONE, true)).filter((r) => r.key in again.outs.records);
    await new WedosClient({ username: WEDOS_USER, password: WEDOS_PASSWORD, endpoint: h.emu.wedos.endpoint, format: "json" }).deleteDomain(
      ZONE,
    );
    mark();
    expect(await wedosZoneApi.remove(h.wedos, ZONE, listed)).toEqual([]);
    expect(h.calls("wedos").map((e) => `${e.op} ${e.code}`)).toEqual(Array(4).fill("dns-row-delete 3222"));
  });

  test("a zone that was deleted reads as gone", async () => {
    await zone();
    const { id, outs } = await impl.create(h.wedos, await checked({ domain: ZONE, records: BASE }));
    await h.wedos.client.deleteDomain(ZONE);
    expect(await impl.read(h.wedos, id, outs)).toEqual({});
  });
});
