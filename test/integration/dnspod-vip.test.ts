/**
 * A paid (VIP) DNSPod account on both sites: custom domain groups work, paid-grade record types and
 * TTLs work, a line given as "默认" never diffs — on dnsapi.cn written as 默认 and read back as 默认
 * end to end — and the data sources read the account.
 */
import type { DnspodState } from "../../emulator";
import { domainResource } from "../../provider/dnspod/resources/domain";
import { groupResource } from "../../provider/dnspod/resources/group";
import { recordResource } from "../../provider/dnspod/resources/record";
import { dnspod } from "../../sdk";
import { DNSPOD_SITES, useEmulators } from "../helpers/emulators";

/** What differs per site: how the default line is written and read, and what Record.Line lists. */
const SITE = {
  intl: {
    defaultWire: "default",
    defaultShown: "Default",
    lineArea: "north_america",
    line: ["US", "United States"],
    defaultName: "Default",
  },
  cn: { defaultWire: "默认", defaultShown: "默认", lineArea: "cn", line: ["电信", "电信"], defaultName: "默认" },
} as const;

describe.each(DNSPOD_SITES)("on %s", (site) => {
  const h = useEmulators({ dnspod: { site, accountGrade: "DP_Plus" } });
  const S = SITE[site];

  const state = () => h.emu.hub.state().dnspod as DnspodState;
  const clearLog = () => (h.emu.hub.entries.length = 0);

  async function zone(name = "example.com"): Promise<string> {
    return (await domainResource.create(h.dnspod, (await domainResource.check({}, { domain: name })).inputs!)).id;
  }

  describe("dnspod.DomainGroup on a VIP account", () => {
    test("create, no-op, rename in place, domain moved into it, drift, delete, delete of a gone group, adopt", async () => {
      const inputs = (await groupResource.check({}, { name: " production " })).inputs!;
      expect(inputs.name).toBe("production");
      const { id, outs } = await groupResource.create(h.dnspod, inputs);
      expect(outs).toEqual({ name: "production", adopt: false, groupId: id });
      expect(state().groups).toEqual([{ id: Number(id), name: "production" }]);
      expect(await groupResource.diff(id, outs, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
      expect(await groupResource.diff(id, outs, { ...inputs, name: "prod" })).toEqual({
        changes: true,
        replaces: [],
        deleteBeforeReplace: false,
      });
      clearLog();
      const renamed = (await groupResource.update(h.dnspod, id, outs, { ...inputs, name: "prod" })).outs;
      expect(h.calls("dnspod").map((e) => [e.op, e.params.group_id, e.params.group_name])).toEqual([["Domaingroup.Modify", id, "prod"]]);

      const domainInputs = (await domainResource.check({}, { domain: "example.com", groupId: id })).inputs!;
      const d = await domainResource.create(h.dnspod, domainInputs);
      expect(d.outs.groupId).toBe(Number(id));
      expect(state().domains[0]!.groupId).toBe(Number(id));

      await h.dnspod.client.modifyGroup(id, "renamed by hand");
      expect((await groupResource.read(h.dnspod, id, renamed)).props).toMatchObject({ name: "renamed by hand" });
      await expect(groupResource.create(h.dnspod, { name: "renamed by hand", adopt: false })).rejects.toThrow(/code 8 .*adopt: true/);
      expect((await groupResource.create(h.dnspod, { name: "renamed by hand", adopt: true })).id).toBe(id);
      await groupResource.delete(h.dnspod, id, renamed);
      expect(await groupResource.read(h.dnspod, id, renamed)).toEqual({});
      await groupResource.delete(h.dnspod, id, renamed);
      expect(h.calls("dnspod", "Domaingroup.Remove").map((e) => e.code)).toEqual(["1", "6"]);
    });
  });

  describe("dnspod.Record on a paid grade", () => {
    test("CAA and a TTL of 120 are accepted; the default line given as 默认 is written and read back as the site names it, and shows no diff", async () => {
      const domainId = await zone();
      for (const news of [
        { domainId, recordType: "CAA", value: '0 issue "letsencrypt.org"', ttl: 120 },
        { domainId, subDomain: "www", recordType: "A", value: "192.0.2.1", recordLine: "默认" },
      ]) {
        const inputs = (await recordResource.check({}, news)).inputs!;
        expect(inputs.recordLine).toBe("default");
        const { id, outs } = await recordResource.create(h.dnspod, inputs);
        const read = await recordResource.read(h.dnspod, id, outs);
        expect(read.props!.recordLine).toBe("default");
        expect(await recordResource.diff(id, read.props!, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
      }
      expect(h.calls("dnspod", "Record.Create").map((e) => e.params.record_line)).toEqual([S.defaultWire, S.defaultWire]);
      // What Record.List shows for both (dnsapi.cn: 默认), which read() turned into "default" above.
      const rows = await h.dnspod.client.listRecords(domainId);
      expect(rows.filter((r) => r.hold !== "hold").map((r) => r.line)).toEqual([S.defaultShown, S.defaultShown]);
    });
  });

  describe("dnspod data sources", () => {
    test("getDomains, getRecords, getRecordTypes and getRecordLines read the account", async () => {
      const domainId = await zone();
      await zone("example.net");
      const rec = await recordResource.create(
        h.dnspod,
        (await recordResource.check({}, { domainId, subDomain: "www", recordType: "A", value: "192.0.2.1", status: "disable" })).inputs!,
      );

      const domains = await dnspod.getDomains();
      expect(domains.map((d) => d.name).sort()).toEqual(["example.com", "example.net"]);
      expect(domains.find((d) => d.id === domainId)).toMatchObject({ grade: "DP_Plus", recordCount: 3 });

      const records = await dnspod.getRecords(domainId);
      expect(records).toHaveLength(3);
      expect(records.filter((r) => r.system).map((r) => r.recordType)).toEqual(["NS", "NS"]);
      expect(records.find((r) => r.recordId === rec.outs.recordId)).toMatchObject({
        subDomain: "www",
        recordLine: "default",
        status: "disable",
        system: false,
      });

      expect(await dnspod.getRecordTypes("DP_Plus")).toContain("CAA");
      expect(await dnspod.getRecordTypes("DP_Free")).not.toContain("CAA");
      const lines = await dnspod.getRecordLines("DP_Free", "example.com");
      expect(lines[S.lineArea]!.lines[S.line[0]]).toBe(S.line[1]);
      expect(lines.default).toEqual({ name: S.defaultName, lines: { default: S.defaultName } });
      await expect(dnspod.getRecordTypes("DP_Nonsense")).rejects.toThrow(/Record\.Type grade DP_Nonsense: code 6 \(invalid domain grade/);
    });
  });
});
