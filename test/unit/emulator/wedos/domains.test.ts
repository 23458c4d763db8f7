/** The WEDOS emulator: dns-domain-* commands. */
import { addRow, addZone, harness, type Json, rows, send, sendXml, zoneState } from "./harness";

describe("domains", () => {
  it("adds primary zones with WEDOS defaults and lists them in both JSON shapes", () => {
    const h = harness();
    addZone(h);
    const info = send(h, "dns-domain-info", { name: "Example.COM" }).data.domain as Json;
    expect(info).toMatchObject({
      name: "example.com",
      type: "primary",
      status: "active",
      tlock: "0",
      changed: "0",
      axfr_enabled: "0",
      rname: "hostmaster.wedos.com",
      serial: "2026061501",
      refresh: "10800",
      retry: "3600",
      expire: "1209600",
      minimum: "300",
      ns_out: "ns.wedos.net ns.wedos.eu ns.wedos.cz ns.wedos.com",
      ns1: "ns.wedos.net ns.wedos.eu ns.wedos.cz ns.wedos.com",
    });
    expect(Object.values(info).every((v) => typeof v === "string")).toBe(true);
    expect(info).not.toHaveProperty("keyset");
    expect(send(h, "dns-domains-list").data).toEqual({ domain: [{ name: "example.com", type: "primary", status: "active" }] });
    const keyed = harness({ domainsListShape: "keyed" });
    addZone(keyed, "a.test");
    addZone(keyed, "b.test");
    expect(Object.keys(send(keyed, "dns-domains-list").data.domain as Json)).toEqual(["domain1", "domain2"]);
  });

  it("validates dns-domain-add parameters", () => {
    const h = harness({ maxDomains: 2, invalidBeforeBlock: 100 });
    expect(send(h, "dns-domain-add", {}).code).toBe(2100);
    expect(send(h, "dns-domain-add", { name: "nodots" }).code).toBe(2202);
    expect(send(h, "dns-domain-add", { name: "bad_name.com" }).code).toBe(2202);
    expect(send(h, "dns-domain-add", { name: "printer.local" }).code).toBe(2201);
    expect(send(h, "dns-domain-add", { name: "a.com", type: "tertiary" }).code).toBe(2301);
    expect(send(h, "dns-domain-add", { name: "a.com", type: "secondary" }).code).toBe(2302);
    expect(send(h, "dns-domain-add", { name: "a.com", type: "secondary", primary_ip: "ns1" }).code).toBe(2303);
    expect(send(h, "dns-domain-add", { name: "a.com", axfr_enabled: "2" }).code).toBe(2304);
    expect(send(h, "dns-domain-add", { name: "a.com", axfr_enabled: 1 }).code).toBe(2305);
    expect(send(h, "dns-domain-add", { name: "a.com", axfr_enabled: 1, axfr_ips: { ip1: "x" } }).code).toBe(2306);
    addZone(h, "a.com", { axfr_enabled: "1", axfr_ips: { ip1: "192.0.2.1", ip2: "2001:db8::1" } });
    expect(send(h, "dns-domain-info", { name: "a.com" }).data.domain.axfr_ips).toBe("192.0.2.1 2001:db8::1");
    expect(send(h, "dns-domain-add", { name: "a.com" }).code).toBe(3303);
    addZone(h, "b.test", { type: "secondary", primary_ip: "192.0.2.53" });
    expect(send(h, "dns-domain-add", { name: "c.com" }).code).toBe(2322);
  });

  it("round-trips domain commands over XML", () => {
    const h = harness();
    const add = sendXml(h, "dns-domain-add", { name: "x.test", axfr_enabled: "1", axfr_ips: { ip: "192.0.2.9" } });
    expect(add.res.headers["content-type"]).toBe("text/xml; charset=UTF-8");
    expect(add.body).toMatchObject({ code: "1000", result: "OK", command: "dns-domain-add" });
    expect(add.body).not.toHaveProperty("data");
    const info = sendXml(h, "dns-domain-info", { name: "x.test" }).body.data.domain[0] as Json;
    expect(info).toMatchObject({ name: "x.test", axfr_ips: "192.0.2.9", ns: "ns.wedos.net ns.wedos.eu ns.wedos.cz ns.wedos.com" });
    expect(info).not.toHaveProperty("ns1");
    expect(sendXml(h, "dns-domains-list").body.data.domain).toEqual([{ name: "x.test", type: "primary", status: "active" }]);
    expect(sendXml(h, "dns-domain-delete", { name: "x.test" }).body.code).toBe("1000");
    expect(sendXml(h, "dns-domains-list").body.data).toBe("");
  });

  it("runs AXFR only on secondaries", () => {
    const h = harness();
    addZone(h);
    addZone(h, "sec.test", { type: "secondary", primary_ip: "192.0.2.53" });
    expect(send(h, "dns-domain-axfr-run", { name: "example.com" }).code).toBe(2319);
    const run = send(h, "dns-domain-axfr-run", { name: "sec.test" });
    expect(run).toMatchObject({ code: 1000, data: { next_run: "2026-06-15 11:31:00" } });
    expect(send(h, "dns-domain-info", { name: "sec.test" }).data.domain.reload_pending).toBe("1");
    h.advance(61);
    expect(send(h, "dns-domain-info", { name: "sec.test" }).data.domain).toMatchObject({
      reload_pending: "0",
      reload_date: "2026-06-15 11:31:00",
    });
    expect(send(h, "dns-rows-list", { domain: "sec.test" }).code).toBe(2318);
    expect(addRow(h, "www", "A", "192.0.2.1", 300, "sec.test")).toBe(2318);
  });

  it("copies settings and rows under new IDs", () => {
    const h = harness();
    addZone(h);
    addRow(h, "www", "A", "192.0.2.1");
    expect(send(h, "dns-domain-copy", { name: "example.com", name_new: "bad" }).code).toBe(2320);
    expect(send(h, "dns-domain-copy", { name: "example.com", name_new: "x.onion" }).code).toBe(2321);
    expect(send(h, "dns-domain-copy", { name: "example.com", name_new: "copy.test" }).code).toBe(1000);
    expect(send(h, "dns-domain-copy", { name: "example.com", name_new: "copy.test" }).code).toBe(3312);
    const [orig] = rows(h);
    const [copy] = rows(h, "copy.test");
    expect(copy).toMatchObject({ name: "www", rdtype: "A", rdata: "192.0.2.1" });
    expect(copy?.ID).not.toBe(orig?.ID);
  });

  it("updates the keyset", () => {
    const h = harness();
    addZone(h);
    addZone(h, "sec.test", { type: "secondary", primary_ip: "192.0.2.53" });
    expect(send(h, "dns-domain-update-keyset", { name: "example.com", keyset: 1 }).code).toBe(1000);
    expect(zoneState(h).keyset).toBe("1");
    expect(send(h, "dns-domain-update-keyset", { name: "sec.test", keyset: "1" }).code).toBe(2266);
    expect(send(h, "dns-domain-update-keyset", { name: "sec.test", keyset: "KEYSID-EXAMPLE" }).code).toBe(1000);
    expect(send(h, "dns-domain-update-keyset", { name: "example.com", keyset: "bad keyset!" }).code).toBe(2264);
    expect(send(h, "dns-domain-update-keyset", { name: "example.com", keyset: "0" }).code).toBe(1000);
    expect(zoneState(h).keyset).toBe("0");
  });

  it("refuses edits of a locked zone with 3305", () => {
    const h = harness();
    addZone(h);
    const state = h.emu.snapshot();
    state.domains[0]!.tlock = true;
    h.emu.restore(state);
    for (const [cmd, data] of [
      ["dns-rows-list", { domain: "example.com" }],
      ["dns-row-add", { domain: "example.com", name: "a", ttl: 300, type: "A", rdata: "192.0.2.1" }],
      ["dns-domain-commit", { name: "example.com" }],
      ["dns-domain-delete", { name: "example.com" }],
    ] as const) {
      expect(send(h, cmd, data).code).toBe(3305);
    }
    expect(send(h, "dns-domain-info", { name: "example.com" }).data.domain.tlock).toBe("1");
  });
});
