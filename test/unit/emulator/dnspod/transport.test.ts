/** The DNSPod emulator: transport, login and limits. */
import { harness, TOKEN } from "./harness";

describe("transport, login and limits", () => {
  it("answers POST only (2), unknown actions with HTTP 404 / -99, bad or missing tokens with -1", () => {
    const h = harness();
    const get = h.raw("Domain.List", {}, "GET");
    expect(JSON.parse(h.raw("Domain.List", { format: "json" }, "GET").body).status.code).toBe("2");
    expect(get.status).toBe(200);
    const unknown = h.raw("Domain.Fly", { login_token: TOKEN, format: "json" });
    expect([unknown.status, JSON.parse(unknown.body).status.code]).toEqual([404, "-99"]);
    expect(h.call("Domain.List", { login_token: "10000,wrong" }).status).toMatchObject({
      code: "-1",
      message: "Login fail, please check login info",
    });
    expect(JSON.parse(h.raw("Domain.List", { format: "json" }).body).status.code).toBe("-1");
  });

  it("logs every request without credentials, with the user agent and the answered code", () => {
    const h = harness();
    h.code("Domain.Create", { domain: "example.com" });
    expect(h.logs.at(-1)).toEqual({
      op: "Domain.Create",
      params: { format: "json", domain: "example.com" },
      code: "1",
      userAgent: "test/1.0 (t@example.com)",
    });
    expect(h.counters.changes).toBe(1);
  });

  it("uses JSON with format=json and the vendor's default XML otherwise", () => {
    const h = harness();
    const json = h.raw("Domaingroup.List", { login_token: TOKEN, format: "json" });
    expect(json.headers["content-type"]).toBe("application/json; charset=utf-8");
    const xml = h.raw("Domaingroup.List", { login_token: TOKEN });
    expect(xml.headers["content-type"]).toMatch(/^text\/xml/);
    expect(xml.body).toContain("<dnspod><status><code>1</code>");
    expect(xml.body).toContain("<groups><item><group_id>1</group_id>");
  });

  it("bans an IP after more than 30 failed logins in 5 minutes, even with a good token, for an hour", () => {
    const h = harness();
    for (let i = 0; i < 31; i++) expect(h.call("Domain.List", { login_token: "1,bad" }, "10.0.0.1").status.code).toBe("-1");
    expect(h.call("Domain.List", {}, "10.0.0.1").status.code).toBe("-8");
    expect(h.call("Domain.List", { error_on_empty: "no" }, "10.0.0.2").status.code).toBe("1");
    h.advance(3599);
    expect(h.call("Domain.List", {}, "10.0.0.1").status.code).toBe("-8");
    h.advance(1);
    expect(h.call("Domain.List", { error_on_empty: "no" }, "10.0.0.1").status.code).toBe("1");
  });

  it("does not ban failures spread beyond the window", () => {
    const h = harness();
    for (let i = 0; i < 40; i++) {
      h.call("Domain.List", { login_token: "1,bad" });
      h.advance(10);
    }
    expect(h.call("Domain.List", { error_on_empty: "no" }).status.code).toBe("1");
  });

  it("answers -2 beyond the optional frequency limit, and apiFault uses the envelope", () => {
    const h = harness({ requestsPerWindow: 2, windowSeconds: 60 });
    expect([h.code("Domaingroup.List"), h.code("Domaingroup.List"), h.code("Domaingroup.List")]).toEqual(["1", "1", "-2"]);
    h.advance(61);
    expect(h.code("Domaingroup.List")).toBe("1");
    const req = { ip: "1.1.1.1", method: "POST", path: "/Record.List", headers: {}, body: Buffer.from("format=json") };
    expect(h.emu.opOf(req)).toBe("Record.List");
    expect(JSON.parse(h.emu.apiFault("-2", req).body)).toEqual({
      status: { code: "-2", message: "API usage is limited", created_at: "2024-03-01 10:01:01" },
    });
  });
});
