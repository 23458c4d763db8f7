/** The DNSPod emulator: snapshot, restore and reset. */
import type { DnspodState } from "../../../../emulator/dnspod";
import { harness, T0 } from "./harness";

describe("snapshot, restore, reset", () => {
  it("round-trips the whole state and empties it, ban counters included", () => {
    const h = harness();
    const id = h.domain();
    h.record(id, { sub_domain: "www" });
    h.call("Domain.Lock", { domain_id: id, days: "2" });
    for (let i = 0; i < 31; i++) h.call("Domain.List", { login_token: "1,bad" }, "10.9.9.9");
    const snap: DnspodState = JSON.parse(JSON.stringify(h.emu.snapshot()));
    expect(snap.domains[0]!.lock!.code).toMatch(/^[0-9a-f]{6}$/);
    expect(snap.security.bannedUntil["10.9.9.9"]).toBeGreaterThan(T0);
    h.emu.reset();
    expect(h.emu.snapshot().domains).toEqual([]);
    expect(h.call("Domain.List", { error_on_empty: "no" }, "10.9.9.9").status.code).toBe("1");
    h.emu.restore(snap);
    expect(h.emu.snapshot()).toEqual(snap);
    expect(h.call("Record.List", { domain_id: id, sub_domain: "www" }).records).toHaveLength(1);
    expect(h.call("Domain.List", {}, "10.9.9.9").status.code).toBe("-8");
    expect(() => h.emu.restore({ rows: [] })).toThrow(TypeError);
  });
});
