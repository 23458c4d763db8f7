/**
 * wedos.Record against the WEDOS emulator: every transition a Pulumi user can cause, through the
 * provider methods the engine calls.
 */

import type { WedosState } from "../../emulator";
import { WedosClient } from "../../provider/wedos/client";
import { domainResource } from "../../provider/wedos/resources/domain";
import type { RecordInputs } from "../../provider/wedos/resources/record";
import { recordResource } from "../../provider/wedos/resources/record";
import { useEmulators, WEDOS_PASSWORD, WEDOS_USER } from "../helpers/emulators";

const h = useEmulators();

async function checked(news: Record<string, unknown>): Promise<RecordInputs> {
  const r = await recordResource.check({}, news);
  if (!r.inputs) throw new Error(JSON.stringify(r.failures));
  return r.inputs;
}

async function zone(name = "example.cz") {
  const d = await domainResource.check({}, { name });
  await domainResource.create(h.wedos, d.inputs!);
}

const state = () => h.emu.hub.state().wedos as WedosState;
const rowsOf = (zoneName: string) => state().domains.find((d) => d.name === zoneName)!;

describe("wedos.Record", () => {
  test("create adds the row, commits the zone and returns the new row id", async () => {
    await zone();
    h.emu.hub.entries.length = 0;
    const inputs = await checked({ domain: "example.cz", name: "www", type: "A", ttl: 3600, rdata: "192.0.2.10" });
    const { id, outs } = await recordResource.create(h.wedos, inputs);
    const z = rowsOf("example.cz");
    expect(z.rows).toHaveLength(1);
    expect(z.published).toEqual(z.rows);
    expect(id).toBe(`example.cz/${z.rows[0]!.ID}`);
    expect(outs).toMatchObject({
      domain: "example.cz",
      name: "www",
      type: "A",
      ttl: 3600,
      rdata: "192.0.2.10",
      fqdn: "www.example.cz",
      rowId: z.rows[0]!.ID,
    });
    const ops = h.calls("wedos").map((e) => e.op);
    // Commit and the read-back listing both follow the add, concurrently.
    expect(ops.slice(0, 2)).toEqual(["dns-rows-list", "dns-row-add"]);
    expect([...ops.slice(2)].sort()).toEqual(["dns-domain-commit", "dns-rows-list"]);
    expect(h.calls("wedos", "dns-row-add")[0]!.params).toMatchObject({
      domain: "example.cz",
      name: "www",
      ttl: 3600,
      type: "A",
      rdata: "192.0.2.10",
    });
  });

  test("apex accepts @ and sends the empty name WAPI expects", async () => {
    await zone();
    const inputs = await checked({ domain: "example.cz", name: "@", type: "MX", rdata: "10 Mail.Example.cz." });
    expect(inputs).toMatchObject({ name: "", rdata: "10 mail.example.cz", ttl: 300 });
    const { outs } = await recordResource.create(h.wedos, inputs);
    expect(h.calls("wedos", "dns-row-add")[0]!.params).toMatchObject({ name: "", rdata: "10 mail.example.cz" });
    expect(outs.fqdn).toBe("example.cz");
  });

  test("no-op diff after create, and a ttl change is an in-place update", async () => {
    await zone();
    const inputs = await checked({ domain: "example.cz", name: "www", type: "A", rdata: "192.0.2.10" });
    const { id, outs } = await recordResource.create(h.wedos, inputs);
    expect(
      await recordResource.diff(id, outs, await checked({ domain: "example.cz", name: "WWW", type: "a", rdata: "192.0.2.10" })),
    ).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
    const news = await checked({ domain: "example.cz", name: "www", type: "A", ttl: 7200, rdata: "192.0.2.11" });
    expect(await recordResource.diff(id, outs, news)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    h.emu.hub.entries.length = 0;
    const { outs: after } = await recordResource.update(h.wedos, id, outs, news);
    expect(after).toMatchObject({ ttl: 7200, rdata: "192.0.2.11", rowId: outs.rowId });
    expect(h.calls("wedos").map((e) => e.op)).toEqual(["dns-row-update", "dns-domain-commit", "dns-rows-list"]);
    expect(rowsOf("example.cz").published[0]).toMatchObject({ ttl: "7200", rdata: "192.0.2.11" });
  });

  test("name or type change replaces (create-before-delete); a comment-only change collides and deletes first", async () => {
    await zone();
    const inputs = await checked({ domain: "example.cz", name: "www", type: "A", rdata: "192.0.2.10" });
    const { id, outs } = await recordResource.create(h.wedos, inputs);
    expect(await recordResource.diff(id, outs, await checked({ ...inputs, name: "web" }))).toEqual({
      changes: true,
      replaces: ["name"],
      deleteBeforeReplace: false,
    });
    expect(await recordResource.diff(id, outs, await checked({ ...inputs, type: "AAAA", rdata: "2001:db8::1" }))).toMatchObject({
      replaces: ["type"],
      deleteBeforeReplace: false,
    });
    expect(await recordResource.diff(id, outs, await checked({ ...inputs, comment: "owned by team x" }))).toEqual({
      changes: true,
      replaces: ["comment"],
      deleteBeforeReplace: true,
    });
    // Delete-before-replace then works: the old row goes, the identical new one can be added.
    await recordResource.delete(h.wedos, id, outs);
    const again = await recordResource.create(h.wedos, await checked({ ...inputs, comment: "owned by team x" }));
    expect(again.id).not.toBe(id);
    expect(rowsOf("example.cz").rows).toEqual([expect.objectContaining({ name: "www", author_comment: "owned by team x" })]);
  });

  test("read shows an out-of-band change and returns no id after an out-of-band delete", async () => {
    await zone();
    const inputs = await checked({ domain: "example.cz", name: "www", type: "A", rdata: "192.0.2.10" });
    const { id, outs } = await recordResource.create(h.wedos, inputs);
    const { client } = h.wedos;
    await client.updateRow("example.cz", outs.rowId, 900, "192.0.2.99");
    const read = await recordResource.read(h.wedos, id, outs);
    expect(read.props).toMatchObject({ ttl: 900, rdata: "192.0.2.99" });
    expect(read.inputs).toMatchObject({ ttl: 900, rdata: "192.0.2.99", name: "www", type: "A", domain: "example.cz" });
    expect((await recordResource.diff(id, read.props!, inputs)).changes).toBe(true);
    await client.deleteRow("example.cz", outs.rowId);
    expect(await recordResource.read(h.wedos, id, outs)).toEqual({});
  });

  test("delete of a row that is already gone succeeds, also when the whole zone is gone", async () => {
    await zone();
    const { id, outs } = await recordResource.create(
      h.wedos,
      await checked({ domain: "example.cz", name: "www", type: "A", rdata: "192.0.2.10" }),
    );
    await recordResource.delete(h.wedos, id, outs);
    await recordResource.delete(h.wedos, id, outs);
    // The zone deleted by another process: WAPI answers 3222, and this client remembers it.
    await new WedosClient({ username: WEDOS_USER, password: WEDOS_PASSWORD, endpoint: h.emu.wedos.endpoint, format: "json" }).deleteDomain(
      "example.cz",
    );
    const gone = h.calls("wedos").length;
    await recordResource.delete(h.wedos, id, outs);
    await recordResource.delete(h.wedos, id, outs);
    expect(h.calls("wedos", "dns-row-delete").map((e) => e.code)).toEqual(["1000", "3309", "3222"]);
    expect(
      h
        .calls("wedos")
        .slice(gone)
        .map((e) => `${e.op} ${e.code}`),
    ).toEqual(["dns-row-delete 3222"]);
  });

  test("rows of a zone this process deleted (its wedos.Domain destroyed alongside) are not sent for: WAPI would count each as invalid", async () => {
    await zone();
    const { id, outs } = await recordResource.create(
      h.wedos,
      await checked({ domain: "example.cz", name: "www", type: "A", rdata: "192.0.2.10" }),
    );
    await domainResource.delete(h.wedos, "example.cz", {} as never);
    h.emu.hub.entries.length = 0;
    await recordResource.delete(h.wedos, id, outs);
    expect(h.calls("wedos")).toEqual([]);
    // Adding the zone again (a replaced wedos.Domain) makes its rows count again.
    await zone();
    const again = await recordResource.create(
      h.wedos,
      await checked({ domain: "example.cz", name: "www", type: "A", rdata: "192.0.2.10" }),
    );
    await recordResource.delete(h.wedos, again.id, again.outs);
    expect(h.calls("wedos", "dns-row-delete").map((e) => e.code)).toEqual(["1000"]);
  });

  test("an identical existing row fails with a hint to adopt; adopt takes it over and fixes its ttl", async () => {
    await zone();
    await h.wedos.client.addRow("example.cz", { name: "www", type: "A", ttl: 300, rdata: "192.0.2.10" });
    const inputs = await checked({ domain: "example.cz", name: "www", type: "A", ttl: 600, rdata: "192.0.2.10" });
    await expect(recordResource.create(h.wedos, inputs)).rejects.toThrow(/2316.*adopt: true/);
    const { outs } = await recordResource.create(h.wedos, { ...inputs, adopt: true });
    expect(rowsOf("example.cz").rows).toEqual([expect.objectContaining({ ID: outs.rowId, ttl: "600" })]);
  });

  test("20 concurrent creates in one zone share far fewer commits", async () => {
    await zone();
    h.emu.hub.entries.length = 0;
    const all = await Promise.all(
      Array.from({ length: 20 }, async (_, i) =>
        recordResource.create(h.wedos, await checked({ domain: "example.cz", name: `host${i}`, type: "A", rdata: `192.0.2.${i + 1}` })),
      ),
    );
    expect(new Set(all.map((r) => r.id)).size).toBe(20);
    const commits = h.calls("wedos", "dns-domain-commit").length;
    expect(commits).toBeLessThanOrEqual(3);
    expect(rowsOf("example.cz").published).toHaveLength(20);
    process.stdout.write(
      `[measure] 20 concurrent row creates → ${commits} dns-domain-commit, ${h.calls("wedos", "dns-rows-list").length} dns-rows-list\n`,
    );
  });
});
