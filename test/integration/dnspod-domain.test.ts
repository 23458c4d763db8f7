/**
 * dnspod.Domain, DomainShare, DomainAlias, DomainLock and (on a free account) DomainGroup against
 * the DNSPod emulator: create, no-op diff, in-place updates with exactly their actions, replace
 * keys, out-of-band change and delete, delete of a gone object, adopt. On both DNSPod sites
 * (api.dnspod.com and dnsapi.cn), which answer these actions alike.
 */
import type { DnspodState } from "../../emulator";
import type { Resource } from "../../provider/define";
import { aliasResource } from "../../provider/dnspod/resources/alias";
import { type DomainOutputs, domainResource } from "../../provider/dnspod/resources/domain";
import { groupResource } from "../../provider/dnspod/resources/group";
import { lockResource } from "../../provider/dnspod/resources/lock";
import { shareResource } from "../../provider/dnspod/resources/share";
import { DNSPOD_SITES, useEmulators } from "../helpers/emulators";

describe.each(DNSPOD_SITES)("on %s", (site) => {
  const h = useEmulators({ dnspod: { site } });

  const writes = () =>
    h
      .calls("dnspod")
      .map((e) => e.op)
      .filter((op) => !/\.(List|Info|Lockstatus)$/.test(op));
  const clearLog = () => (h.emu.hub.entries.length = 0);
  const state = () => h.emu.hub.state().dnspod as DnspodState;

  async function checked<I>(impl: Resource<I>, news: Record<string, unknown>): Promise<I> {
    const r = await impl.check({}, news);
    if (!r.inputs) throw new Error(JSON.stringify(r.failures));
    return r.inputs;
  }

  async function domain(name = "example.com", extra: Record<string, unknown> = {}) {
    const inputs = await checked(domainResource, { domain: name, ...extra });
    return { ...(await domainResource.create(h.dnspod, inputs)), inputs };
  }

  describe("dnspod.Domain", () => {
    test("create, outputs, no-op diff, and each setting updated in place with exactly its action", async () => {
      const { id, outs, inputs } = await domain("Example.COM");
      expect(id).toBe(String(state().domains[0]!.id));
      expect(outs).toMatchObject({
        domain: "example.com",
        punycode: "example.com",
        grade: "DP_Free",
        ttl: 600,
        owner: "owner@example.com",
        recordCount: 2,
        groupId: 1,
        status: "enable",
        searchEnginePush: true,
        isMark: false,
      });
      expect(writes()).toEqual(["Domain.Create"]);
      expect(await domainResource.diff(id, outs, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
      clearLog();
      await domainResource.update(h.dnspod, id, outs, inputs);
      expect(h.calls("dnspod")).toEqual([]);

      const steps: Array<[Record<string, unknown>, string]> = [
        [{ isMark: true }, "Domain.Ismark"],
        [{ remark: "prod" }, "Domain.Remark"],
        [{ status: "disable" }, "Domain.Status"],
        [{ searchEnginePush: false }, "Domain.Searchenginepush"],
        [{ groupId: 3 }, "Domain.Changegroup"],
      ];
      let olds: DomainOutputs = outs;
      let program: Record<string, unknown> = { domain: "example.com" };
      for (const [change, action] of steps) {
        program = { ...program, ...change };
        const news = await checked(domainResource, program);
        expect(await domainResource.diff(id, olds, news)).toMatchObject({ changes: true, replaces: [] });
        clearLog();
        olds = (await domainResource.update(h.dnspod, id, olds, news)).outs;
        expect(writes()).toEqual([action]);
        expect(olds).toMatchObject(change);
      }
      expect(state().domains[0]).toMatchObject({ isMark: "yes", remark: "prod", status: "disable", searchenginePush: "no", groupId: 3 });
      expect(await domainResource.diff(id, olds, await checked(domainResource, { ...program, domain: "example.net" }))).toMatchObject({
        replaces: ["domain"],
      });
    });

    test("create with non-default settings sends them after Domain.Create", async () => {
      const { outs } = await domain("example.com", { isMark: true, remark: "r", status: "disable" });
      expect(writes()).toEqual(["Domain.Create", "Domain.Remark", "Domain.Status"]);
      expect(h.calls("dnspod", "Domain.Create")[0]!.params).toMatchObject({ domain: "example.com", group_id: "1", is_mark: "yes" });
      expect(outs).toMatchObject({ isMark: true, remark: "r", status: "disable" });
    });

    test("read shows an out-of-band change and nothing after an out-of-band delete; delete of a gone domain succeeds", async () => {
      const { id, outs, inputs } = await domain();
      await h.dnspod.client.setDomainRemark(id, "changed by hand");
      const read = await domainResource.read(h.dnspod, id, outs);
      expect(read.props).toMatchObject({ remark: "changed by hand" });
      expect((await domainResource.diff(id, read.props!, inputs)).changes).toBe(true);
      await h.dnspod.client.removeDomain(id);
      expect(await domainResource.read(h.dnspod, id, outs)).toEqual({});
      await domainResource.delete(h.dnspod, id, outs);
    });

    test("an existing domain fails with a hint to adopt; adopt takes it over and applies the settings", async () => {
      const existing = await h.dnspod.client.createDomain("example.com");
      const inputs = await checked(domainResource, { domain: "example.com", remark: "adopted" });
      await expect(domainResource.create(h.dnspod, inputs)).rejects.toThrow(/Domain\.Create .*code 7 .*adopt: true/);
      // A name that is not in the account is "gone" on both sites (6 on api.dnspod.com, 13 on dnsapi.cn).
      expect(await h.dnspod.client.domainInfo({ name: "not-added.com" })).toBeUndefined();
      expect(h.calls("dnspod", "Domain.Info").at(-1)!.code).toBe(site === "cn" ? "13" : "6");
      const { id, outs } = await domainResource.create(h.dnspod, { ...inputs, adopt: true });
      expect(id).toBe(existing);
      expect(outs.remark).toBe("adopted");
    });

    test("an unknown groupId fails before anything is created", async () => {
      await expect(domain("example.com", { groupId: 99 })).rejects.toThrow(/no domain group 99 .*DomainGroup/);
      expect(writes()).toEqual([]);
    });
  });

  describe("dnspod.DomainLock", () => {
    test("lock: code and end in outputs, read via Lockstatus, blocks domain removal, delete unlocks with the code", async () => {
      const { id: domainId, outs: domainOuts } = await domain();
      const inputs = await checked(lockResource, { domainId, days: 3 });
      const { id, outs } = await lockResource.create(h.dnspod, inputs);
      expect(id).toBe(domainId);
      expect(outs.lockCode).toMatch(/^[0-9a-f]{6}$/);
      expect(outs.lockEnd).toMatch(/^\d{4}-\d\d-\d\d$/);
      const read = await lockResource.read(h.dnspod, id, outs);
      expect(read).toEqual({ id, props: outs, inputs: { domainId, days: 3 } });
      expect(await lockResource.diff(id, outs, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
      expect(await lockResource.diff(id, outs, { ...inputs, days: 5 })).toEqual({
        changes: true,
        replaces: ["days"],
        deleteBeforeReplace: true,
      });
      await expect(domainResource.delete(h.dnspod, domainId, domainOuts)).rejects.toThrow(/Domain\.Remove .*code 7 .*dnspod\.DomainLock/);
      await expect(domainResource.update(h.dnspod, domainId, domainOuts, { ...domainOuts, status: "disable" })).rejects.toThrow(
        /DomainLock/,
      );
      clearLog();
      await lockResource.delete(h.dnspod, id, outs);
      expect(h.calls("dnspod", "Domain.Unlock")[0]!.params).toMatchObject({ domain_id: domainId, lock_code: outs.lockCode });
      expect(await lockResource.read(h.dnspod, id, outs)).toEqual({});
      await lockResource.delete(h.dnspod, id, outs);
      expect(h.calls("dnspod", "Domain.Unlock").map((e) => e.code)).toEqual(["1", "8"]);
    });

    test("a lock removed or expired outside Pulumi reads as gone", async () => {
      const { id: domainId } = await domain();
      const { id, outs } = await lockResource.create(h.dnspod, { domainId, days: 1 });
      const s = h.emu.dnspodApi.snapshot();
      s.domains[0]!.lock!.endsAt = new Date(Date.now() - 1000).toISOString();
      h.emu.dnspodApi.restore(s);
      expect(await lockResource.read(h.dnspod, id, outs)).toEqual({});
    });
  });

  describe("dnspod.DomainShare", () => {
    test("create, no-op, mode and subDomain in place via Domainshare.Modify, replace on email, drift, delete", async () => {
      const { id: domainId } = await domain();
      const inputs = await checked(shareResource, { domainId, email: "Friend@Example.com" });
      clearLog();
      const { id, outs } = await shareResource.create(h.dnspod, inputs);
      expect(id).toBe(`${domainId}/friend@example.com`);
      expect(outs).toMatchObject({ email: "friend@example.com", mode: "r", subDomain: "", status: "enabled" });
      expect(h.calls("dnspod", "Domainshare.Create")[0]!.params).toEqual({
        format: "json",
        lang: "en",
        error_on_empty: "no",
        domain_id: domainId,
        email: "friend@example.com",
        mode: "r",
      });
      expect(await shareResource.diff(id, outs, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
      expect((await shareResource.diff(id, outs, { ...inputs, email: "colleague@example.com" })).replaces).toEqual(["email"]);

      clearLog();
      const toWww = (await shareResource.update(h.dnspod, id, outs, { ...inputs, mode: "rw", subDomain: "www" })).outs;
      expect(h.calls("dnspod", "Domainshare.Modify").map((e) => e.params)).toEqual([
        expect.objectContaining({ email: "friend@example.com", mode: "rw", new_sub_domain: "www" }),
      ]);
      expect(h.calls("dnspod", "Domainshare.Modify")[0]!.params).not.toHaveProperty("old_sub_domain");
      clearLog();
      await shareResource.update(h.dnspod, id, toWww, { ...inputs, mode: "rw", subDomain: "bbs" });
      expect(h.calls("dnspod", "Domainshare.Modify")[0]!.params).toMatchObject({ old_sub_domain: "www", new_sub_domain: "bbs" });
      expect(state().domains[0]!.shares).toEqual([{ email: "friend@example.com", mode: "rw", subDomain: "bbs" }]);

      await h.dnspod.client.modifyShare(domainId, "friend@example.com", "r", "bbs", "bbs");
      expect((await shareResource.read(h.dnspod, id, toWww)).props).toMatchObject({ mode: "r", subDomain: "bbs" });
      await h.dnspod.client.removeShare(domainId, "friend@example.com");
      expect(await shareResource.read(h.dnspod, id, toWww)).toEqual({});
      await shareResource.delete(h.dnspod, id, toWww);
    });

    test("an existing share fails with a hint to adopt; adopt takes it over and fixes its mode", async () => {
      const { id: domainId } = await domain();
      await h.dnspod.client.createShare(domainId, "friend@example.com", "r", "");
      const inputs = await checked(shareResource, { domainId, email: "friend@example.com", mode: "rw" });
      await expect(shareResource.create(h.dnspod, inputs)).rejects.toThrow(/code 9 .*adopt: true/);
      expect((await shareResource.create(h.dnspod, { ...inputs, adopt: true })).outs.mode).toBe("rw");
    });
  });

  describe("dnspod.DomainAlias", () => {
    test("create, read, replace keys, out-of-band delete, delete of a gone alias, adopt", async () => {
      const { id: domainId } = await domain();
      const inputs = await checked(aliasResource, { domainId, domain: "Example.NET" });
      const { id, outs } = await aliasResource.create(h.dnspod, inputs);
      const alias = state().domains[0]!.aliases[0]!;
      expect(id).toBe(`${domainId}/${alias.id}`);
      expect(outs).toEqual({ domainId, domain: "example.net", adopt: false, aliasId: String(alias.id) });
      expect(await aliasResource.read(h.dnspod, id, outs)).toEqual({
        id,
        props: outs,
        inputs: { domainId, domain: "example.net", adopt: false },
      });
      expect(await aliasResource.diff(id, outs, inputs)).toMatchObject({ changes: false });
      expect(await aliasResource.diff(id, outs, { ...inputs, domain: "example.org" })).toEqual({
        changes: true,
        replaces: ["domain"],
        deleteBeforeReplace: false,
      });
      expect(await aliasResource.diff(id, outs, { ...inputs, domainId: "1" })).toEqual({
        changes: true,
        replaces: ["domainId"],
        deleteBeforeReplace: true,
      });
      await expect(aliasResource.create(h.dnspod, inputs)).rejects.toThrow(/code 8 .*adopt: true/);
      expect((await aliasResource.create(h.dnspod, { ...inputs, adopt: true })).id).toBe(id);
      await h.dnspod.client.removeAlias(domainId, outs.aliasId);
      expect(await aliasResource.read(h.dnspod, id, outs)).toEqual({});
      await aliasResource.delete(h.dnspod, id, outs);
      expect(h.calls("dnspod", "Domainalias.Remove").map((e) => e.code)).toEqual(["1", "7"]);
    });
  });

  describe("dnspod.DomainGroup on a free account", () => {
    test("creating a group fails with a message that it needs a VIP account and how to do without", async () => {
      const inputs = await checked(groupResource, { name: "production" });
      await expect(groupResource.create(h.dnspod, inputs)).rejects.toThrow(
        /Domaingroup\.Create group "production": code -7 \(custom domain groups are only available to VIP.*system group/,
      );
      expect(h.calls("dnspod", "Domaingroup.Create")).toHaveLength(1);
    });
  });
});
