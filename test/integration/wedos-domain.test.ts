/**
 * wedos.Domain and wedos.DnssecKeyset against the emulator, plus the XML transport end to end.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { WedosState } from "../../emulator";
import { makeWedosContext } from "../../provider/wedos/context";
import type { DomainInputs } from "../../provider/wedos/resources/domain";
import { domainResource } from "../../provider/wedos/resources/domain";
import { keysetResource } from "../../provider/wedos/resources/keyset";
import { recordResource } from "../../provider/wedos/resources/record";
import { TEST_BUDGET, useEmulators, WEDOS_PASSWORD, WEDOS_USER } from "../helpers/emulators";

const h = useEmulators();
const state = () => h.emu.hub.state().wedos as WedosState;
const zoneState = (name: string) => state().domains.find((d) => d.name === name);

async function checked(news: Record<string, unknown>, olds: Record<string, unknown> = {}): Promise<DomainInputs> {
  const r = await domainResource.check(olds, news);
  if (!r.inputs) throw new Error(JSON.stringify(r.failures));
  return r.inputs;
}

describe("wedos.Domain", () => {
  test("create a primary zone with AXFR; outputs carry SOA and name servers; read finds no drift", async () => {
    const inputs = await checked({ name: "Example.CZ", axfrEnabled: true, axfrIps: ["192.0.2.53", "2001:db8::53"] });
    const { id, outs } = await domainResource.create(h.wedos, inputs);
    expect(id).toBe("example.cz");
    expect(h.calls("wedos", "dns-domain-add")[0]!.params).toMatchObject({ name: "example.cz", type: "primary", axfr_enabled: 1 });
    expect(zoneState("example.cz")).toMatchObject({ type: "primary", axfrEnabled: true, axfrIps: ["192.0.2.53", "2001:db8::53"] });
    expect(outs).toMatchObject({
      name: "example.cz",
      type: "primary",
      axfrEnabled: true,
      axfrIps: ["192.0.2.53", "2001:db8::53"],
      status: "active",
    });
    expect(outs.nameservers.length).toBeGreaterThan(0);
    expect(Number(outs.refresh)).toBeGreaterThan(0);
    const read = await domainResource.read(h.wedos, id, outs);
    expect(read.id).toBe(id);
    expect(await domainResource.diff(id, read.props!, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  test("a secondary zone; axfrRunTrigger changes run dns-domain-axfr-run in place", async () => {
    const inputs = await checked({ name: "sec.cz", type: "secondary", primaryIp: "192.0.2.1", axfrRunTrigger: "1" });
    const { id, outs } = await domainResource.create(h.wedos, inputs);
    expect(outs.axfrNextRun).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const news = await checked({ name: "sec.cz", type: "secondary", primaryIp: "192.0.2.1", axfrRunTrigger: "2" });
    expect(await domainResource.diff(id, outs, news)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    h.emu.hub.entries.length = 0;
    await domainResource.update(h.wedos, id, outs, news);
    expect(h.calls("wedos").map((e) => e.op)).toEqual(["dns-domain-axfr-run"]);
  });

  test("check refuses a change that needs the zone re-created, unless allowRecreate", async () => {
    const olds = await checked({ name: "example.cz" });
    const refused = await domainResource.check(olds, { name: "example.cz", axfrEnabled: true, axfrIps: ["192.0.2.53"] });
    expect(refused.failures).toEqual([
      { property: "axfrEnabled", reason: expect.stringMatching(/deletes every row.*allowRecreate: true/) },
      { property: "axfrIps", reason: expect.stringMatching(/allowRecreate/) },
    ]);
    const allowed = await checked({ name: "example.cz", axfrEnabled: true, axfrIps: ["192.0.2.53"], allowRecreate: true }, olds);
    const created = await domainResource.create(h.wedos, olds);
    expect(await domainResource.diff(created.id, created.outs, allowed)).toEqual({
      changes: true,
      replaces: ["axfrEnabled", "axfrIps"],
      deleteBeforeReplace: true,
    });
    // A name change is a different zone: no refusal, create-before-delete.
    expect((await domainResource.check(olds, { name: "other.cz" })).failures).toBeUndefined();
    expect(await domainResource.diff(created.id, created.outs, await checked({ name: "other.cz" }))).toMatchObject({
      replaces: ["name"],
      deleteBeforeReplace: false,
    });
  });

  test("copyFrom creates the zone with the source's rows; adopt takes over an existing zone", async () => {
    const src = await domainResource.create(h.wedos, await checked({ name: "source.cz" }));
    const r = await recordResource.check({}, { domain: "source.cz", name: "www", type: "A", rdata: "192.0.2.10" });
    await recordResource.create(h.wedos, r.inputs!);
    await domainResource.create(h.wedos, await checked({ name: "copy.cz", copyFrom: "source.cz" }));
    expect(zoneState("copy.cz")!.rows).toEqual([expect.objectContaining({ name: "www", rdata: "192.0.2.10" })]);
    // Another stack (its own journal of recent creates) meets the existing zone: refused without adopt.
    process.env.PULUMI_DNSPOD_WEDOS_STATE_DIR = mkdtempSync(join(tmpdir(), "pdw-journal-other-"));
    await expect(domainResource.create(h.wedos, await checked({ name: "source.cz" }))).rejects.toThrow(/3303.*adopt: true/);
    const adopted = await domainResource.create(h.wedos, await checked({ name: "source.cz", adopt: true }));
    expect(adopted.id).toBe(src.id);
  });

  test("a re-run after an interrupted create takes over the zone the same stack created", async () => {
    // The first run's create reached WAPI but its id never reached the state.
    await domainResource.create(h.wedos, await checked({ name: "interrupted.cz" }));
    const again = await domainResource.create(h.wedos, await checked({ name: "interrupted.cz" }));
    expect(again.id).toBe("interrupted.cz");
    expect(h.calls("wedos", "dns-domain-add").map((e) => e.code)).toEqual(["1000", "3303"]);
  });

  test("out-of-band delete: read returns no id; delete of a gone zone succeeds", async () => {
    const { id, outs } = await domainResource.create(h.wedos, await checked({ name: "gone.cz" }));
    await h.wedos.client.deleteDomain("gone.cz");
    expect(await domainResource.read(h.wedos, id, outs)).toEqual({});
    await domainResource.delete(h.wedos, id, outs);
  });
});

describe("wedos.DnssecKeyset", () => {
  test("wedos keyset is sent as 1, a custom one by name; delete sets 0", async () => {
    await domainResource.create(h.wedos, await checked({ name: "example.cz" }));
    const c = await keysetResource.check({}, { domain: "example.cz", keyset: "wedos" });
    const { id, outs } = await keysetResource.create(h.wedos, c.inputs!);
    expect(zoneState("example.cz")!.keyset).toBe("1");
    const news = (await keysetResource.check({}, { domain: "example.cz", keyset: "MY-KEYSET" })).inputs!;
    expect(await keysetResource.diff(id, outs, news)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    await keysetResource.update(h.wedos, id, outs, news);
    expect(zoneState("example.cz")!.keyset).toBe("MY-KEYSET");
    await keysetResource.delete(h.wedos, id, news);
    expect(zoneState("example.cz")!.keyset).toBe("0");
    expect(h.calls("wedos", "dns-domain-update-keyset").map((e) => e.params.keyset)).toEqual([1, "MY-KEYSET", 0]);
  });
});

describe("XML transport", () => {
  test("the same lifecycle over /wapi/xml", async () => {
    const xml = makeWedosContext(
      { ...TEST_BUDGET, username: WEDOS_USER, password: WEDOS_PASSWORD, endpoint: h.emu.wedos.xmlEndpoint, format: "xml" },
      { sleep: async () => undefined },
    );
    await domainResource.create(xml, await checked({ name: "xml.cz", axfrEnabled: true, axfrIps: ["192.0.2.1", "192.0.2.2"] }));
    const rows = await Promise.all(
      ["a", "b"].map(async (n) =>
        recordResource.create(
          xml,
          (await recordResource.check({}, { domain: "xml.cz", name: n, type: "TXT", rdata: `hello ${n} <&>` })).inputs!,
        ),
      ),
    );
    const read = await recordResource.read(xml, rows[0]!.id, rows[0]!.outs);
    expect(read.props).toMatchObject({ name: "a", type: "TXT", rdata: "hello a <&>" });
    expect(zoneState("xml.cz")).toMatchObject({ axfrIps: ["192.0.2.1", "192.0.2.2"] });
    expect(h.calls("wedos").every((e) => e.code === "1000")).toBe(true);
  });
});
