/** The WEDOS emulator: commit, auto-commit, dry runs and persistence. */
import { addRow, addZone, harness, rows, send, zoneState } from "./harness";

describe("commit and persistence", () => {
  it("publishes pending rows on commit and bumps the serial", () => {
    const h = harness();
    addZone(h);
    addRow(h, "www", "A", "192.0.2.1");
    let z = zoneState(h);
    expect(z.rows).toHaveLength(1);
    expect(z.published).toEqual([]);
    expect(send(h, "dns-domain-info", { name: "example.com" }).data.domain.changed).toBe("1");
    expect(send(h, "dns-domain-commit", { name: "example.com" })).not.toHaveProperty("data");
    z = zoneState(h);
    expect(z.published).toEqual(z.rows);
    expect(z).toMatchObject({ commits: 1, autoCommits: 0, pendingSinceMs: null, commitDate: "2026-06-15 11:30:00" });
    expect(z.soa.serial).toBe(2026061502);
    expect(send(h, "dns-domain-commit", { name: "example.com" }).code).toBe(1000);
    expect(zoneState(h)).toMatchObject({ commits: 2, soa: { serial: 2026061502 } });
    expect(send(h, "dns-domain-commit", { name: "nope.com" }).code).toBe(3222);
  });

  it("auto-commits 300 s after the last change", () => {
    const h = harness();
    addZone(h);
    addRow(h, "a", "A", "192.0.2.1");
    h.advance(200);
    addRow(h, "b", "A", "192.0.2.1");
    h.advance(299);
    expect(zoneState(h).published).toEqual([]);
    h.advance(1);
    const z = zoneState(h);
    expect(z).toMatchObject({ autoCommits: 1, commits: 0, pendingSinceMs: null, commitDate: "2026-06-15 11:38:20" });
    expect(z.published.map((r) => r.name)).toEqual(["a", "b"]);
  });

  it("treats test requests as dry runs", () => {
    const h = harness();
    addZone(h);
    const before = JSON.stringify(h.emu.snapshot());
    const changes = h.changes();
    expect(send(h, "dns-row-add", { domain: "example.com", name: "x", ttl: 300, type: "A", rdata: "192.0.2.1" }, { test: "1" }).code).toBe(
      1000,
    );
    expect(send(h, "dns-row-add", { domain: "example.com", name: "x", ttl: 300, type: "A", rdata: "bad" }, { test: true }).code).toBe(2314);
    expect(send(h, "dns-domain-delete", { name: "example.com" }, { test: 1 }).code).toBe(1000);
    expect(send(h, "dns-domain-add", { name: "new.test" }, { test: 1 }).code).toBe(1000);
    expect(JSON.stringify(h.emu.snapshot())).toBe(before);
    expect(h.changes()).toBe(changes);
    expect(addRow(h, "x", "A", "192.0.2.1")).toBe(1000);
    expect(rows(h)[0]?.ID).toBe("1");
  });

  it("snapshots, restores and resets", () => {
    const h = harness();
    addZone(h);
    addRow(h, "www", "A", "192.0.2.1");
    expect(h.changes()).toBeGreaterThan(0);
    const snap = h.emu.snapshot();
    expect(snap).toMatchObject({ version: 1, lastRowId: 1, domains: [{ name: "example.com", keyset: "0" }] });
    const other = harness();
    other.emu.restore(JSON.parse(JSON.stringify(snap)));
    expect(rows(other)).toEqual(rows(h));
    expect(addRow(other, "next", "A", "192.0.2.1")).toBe(1000);
    expect(rows(other)[1]?.ID).toBe("2");
    expect(() => other.emu.restore({ version: 1, domains: "nope" })).toThrow(/invalid state/);
    h.emu.reset();
    expect(h.emu.snapshot()).toEqual({ version: 1, lastRowId: 0, domains: [] });
  });

  it("reset clears the IP block and the budget", () => {
    const h = harness({ requestsPerWindow: 1 });
    send(h, "ping");
    expect(send(h, "ping").code).toBe(2006);
    for (let i = 0; i < 10; i++) send(h, "ping", undefined, { auth: "x" });
    expect(send(h, "ping").code).toBe(2052);
    h.emu.reset();
    expect(send(h, "ping").code).toBe(1000);
  });
});
