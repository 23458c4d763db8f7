/** The DNSPod emulator: Domain.Lock and what a lock blocks. */
import { harness } from "./harness";

describe("locks", () => {
  it("locks, blocks removal (7) and record writes (21), unlocks with the code", () => {
    const h = harness();
    const id = h.domain();
    const rec = h.record(id, { sub_domain: "www" }).record.id;
    expect([h.code("Domain.Lock", { domain_id: id, days: "0" }), h.code("Domain.Lock", { domain_id: id, days: "366" })]).toEqual([
      "8",
      "9",
    ]);
    const { lock } = h.call("Domain.Lock", { domain_id: id, days: "3" });
    expect(lock).toEqual({ domain_id: Number(id), lock_code: expect.stringMatching(/^[0-9a-f]{6}$/), lock_end: "2024-03-04" });
    expect(h.code("Domain.Lock", { domain_id: id, days: "1" })).toBe("21");
    expect(h.call("Domain.Lockstatus", { domain_id: id }).lock).toEqual({
      lock_status: "yes",
      start_at: "2024-03-01",
      end_at: "2024-03-04",
    });
    expect(h.call("Domain.Remove", { domain_id: id }).status).toMatchObject({ code: "7", message: "Domain got locked." });
    expect(h.code("Domain.Status", { domain_id: id, status: "disable" })).toBe("7");
    expect(h.code("Record.Create", { domain_id: id, record_type: "A", record_line: "default", value: "1.1.1.1" })).toBe("21");
    expect(h.code("Record.Modify", { domain_id: id, record_id: rec, record_type: "A", record_line: "default", value: "2.2.2.2" })).toBe(
      "21",
    );
    for (const a of ["Record.Remove", "Record.Remark", "Record.Status"]) {
      expect(h.code(a, { domain_id: id, record_id: rec, status: "disable" })).toBe("21");
    }
    expect(h.code("Domain.Unlock", { domain_id: id, lock_code: "000000" })).toBe("9");
    expect(h.call("Domain.Unlock", { domain_id: id, lock_code: lock.lock_code }).lock.lock_status).toBe("yes");
    expect(h.call("Domain.Lockstatus", { domain_id: id }).status).toMatchObject({ code: "7", message: "The domain is not locked." });
    expect(h.code("Domain.Unlock", { domain_id: id, lock_code: lock.lock_code })).toBe("8");
    expect(h.code("Domain.Remove", { domain_id: id })).toBe("1");
  });

  it("expires a lock after its days", () => {
    const h = harness();
    const id = h.domain();
    h.code("Domain.Lock", { domain_id: id, days: "1" });
    expect(h.call("Domain.List").info.lock_total).toBe(1);
    h.advance(86_399);
    expect(h.code("Domain.Lockstatus", { domain_id: id })).toBe("1");
    h.advance(1);
    expect(h.code("Domain.Lockstatus", { domain_id: id })).toBe("7");
    expect(h.code("Domain.Remove", { domain_id: id })).toBe("1");
  });
});
