/** The DNSPod emulator: shares, transfer and acquire. */
import { harness, STATUS } from "./harness";

describe("shares, transfer and acquire", () => {
  it("checks the target email (7/8/9), lists, modifies sub domains as the seed's examples, removes", () => {
    const h = harness();
    const id = h.domain();
    const share = (p: Record<string, string>) => h.code("Domainshare.Create", { domain_id: id, ...p });
    expect([share({ email: "nope" }), share({ email: "owner@example.com" }), share({ email: "x@y.org" })]).toEqual(["7", "7", "8"]);
    expect(h.code("Domainshare.List", { domain_id: id })).toBe("7");
    expect(share({ email: "friend@example.com", mode: "rw" })).toBe("1");
    expect(share({ email: "friend@example.com" })).toBe("9");
    const list = () => h.call("Domainshare.List", { domain_id: id });
    expect(list()).toEqual({
      status: STATUS,
      share: [{ share_to: "friend@example.com", mode: "rw", status: "enabled" }],
      owner: "owner@example.com",
    });
    const modify = (p: Record<string, string>) =>
      h.code("Domainshare.Modify", { domain_id: id, email: "friend@example.com", mode: "rw", ...p });
    expect(modify({ mode: "r" })).toBe("1");
    expect(modify({ new_sub_domain: "www" })).toBe("1");
    expect(list().share).toEqual([{ share_to: "friend@example.com", mode: "rw", status: "enabled", sub_domain: "www" }]);
    expect(modify({ old_sub_domain: "bbs", new_sub_domain: "www" })).toBe("9");
    expect(modify({ old_sub_domain: "www", new_sub_domain: "bbs" })).toBe("1");
    expect(modify({ old_sub_domain: "bbs" })).toBe("1");
    expect(list().share[0].sub_domain).toBeUndefined();
    expect(h.code("Domainshare.Remove", { domain_id: id, email: "colleague@example.com" })).toBe("9");
    expect(h.code("Domainshare.Remove", { domain_id: id, email: "friend@example.com" })).toBe("1");
    expect(h.call("Domainshare.List", { domain_id: id, error_on_empty: "no" }).share).toEqual([]);
  });

  it("transfers a domain out of the account and takes it back via Acquire*", () => {
    const h = harness();
    const id = h.domain("api4.com");
    expect(h.code("Domainshare.Transfer", { domain_id: id, email: "owner@example.com" })).toBe("9");
    expect(h.code("Domainshare.Transfer", { domain_id: id, email: "colleague@example.com" })).toBe("1");
    expect(h.code("Domain.List")).toBe("9");
    expect(h.code("Domain.Create", { domain: "api4.com" })).toBe("12");
    expect(h.code("Domain.Acquire", { domain: "other.com" })).toBe("10");
    expect(h.call("Domain.Acquire", { domain: "api4.com" }).emails).toEqual(["admin@api4.com", "hostmaster@api4.com"]);
    expect(h.code("Domain.Acquiresend", { domain: "api4.com", email: "x@api4.com" })).toBe("16");
    expect(h.code("Domain.Acquiresend", { domain: "api4.com", email: "admin@api4.com" })).toBe("1");
    expect(h.code("Domain.Acquirevalidate", { domain: "api4.com", code: "bad" })).toBe("15");
    const sent = h.emu.snapshot().transferred[0]!.acquireCode!;
    expect(h.code("Domain.Acquirevalidate", { domain: "api4.com", code: sent })).toBe("1");
    expect(h.call("Domain.List").domains[0].id).toBe(Number(id));
  });
});
