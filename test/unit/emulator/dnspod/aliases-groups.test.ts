/** The DNSPod emulator: domain aliases and groups. */
import { harness, type Json } from "./harness";

describe("aliases and groups", () => {
  it("adds, lists and removes aliases with the vendor's codes", () => {
    const h = harness();
    const id = h.domain();
    h.domain("taken.com");
    expect(h.code("Domainalias.List", { domain_id: id })).toBe("7");
    expect(h.call("Domainalias.Create", { domain_id: id, domain: "dnspodapi.com" }).alias).toEqual({
      id: "18737",
      punycode: "dnspodapi.com",
    });
    expect(h.call("Domainalias.List", { domain_id: id }).alias).toEqual([{ id: "18737", domain: "dnspodapi.com" }]);
    const add = (domain: string) => h.code("Domainalias.Create", { domain_id: id, domain });
    expect([add("bad domain"), add("dnspodapi.com"), add("taken.com"), add("b.com"), add("c.com"), add("d.com")]).toEqual([
      "7",
      "8",
      "9",
      "1",
      "1",
      "10",
    ]);
    expect(h.code("Domain.Create", { domain: "dnspodapi.com" })).toBe("11");
    expect(h.code("Domainalias.Remove", { domain_id: id, alias_id: "1" })).toBe("7");
    expect(h.code("Domainalias.Remove", { domain_id: id, alias_id: "18737" })).toBe("1");
  });

  it("lists the seed's system groups; custom groups need a VIP account (-7 on DP_Free)", () => {
    const free = harness();
    const { groups } = free.call("Domaingroup.List");
    expect(groups[0]).toEqual({ group_id: 1, group_name: "Default Group", group_type: "system", size: 0 });
    expect(groups.map((g: Json) => g.group_id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(free.code("Domaingroup.Create", { group_name: "dnspod" })).toBe("-7");
    expect(free.code("Domain.Changegroup", { domain_id: free.domain(), group_id: "3" })).toBe("1");

    const vip = harness({ accountGrade: "DP_Plus" });
    const id = vip.domain();
    expect(vip.call("Domaingroup.Create", { group_name: "dnspod" }).groups).toEqual({ id: "1985" });
    expect([vip.code("Domaingroup.Create", { group_name: "dnspod" }), vip.code("Domaingroup.Create", { group_name: "" })]).toEqual([
      "8",
      "7",
    ]);
    expect(vip.code("Domain.Changegroup", { domain_id: id, group_id: "1985" })).toBe("1");
    expect(vip.code("Domain.Changegroup", { domain_id: id, group_id: "99" })).toBe("7");
    expect(vip.code("Domaingroup.Modify", { group_id: "1985", group_name: "dnspodgroup" })).toBe("1");
    expect(vip.code("Domaingroup.Modify", { group_id: "1", group_name: "x" })).toBe("6");
    expect(vip.call("Domaingroup.List").groups.at(-1)).toEqual({
      group_id: 1985,
      group_name: "dnspodgroup",
      group_type: "custom",
      size: 1,
    });
    expect(vip.code("Domaingroup.Remove", { group_id: "1985" })).toBe("1");
    expect(vip.call("Domain.Info", { domain_id: id }).domain.group_id).toBe("1");
  });
});
