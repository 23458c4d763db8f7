/** The WEDOS emulator: the request pipeline, limits and the envelope. */
import { wapiAuth } from "../../../../emulator/wedos";
import { envelope, form, harness, type Json, PASSWORD, raw, send, USER } from "./harness";

/** `n` answers of 3222 (no such zone), which count as invalid by default. */
function addZoneless(h: ReturnType<typeof harness>, n: number): void {
  for (let i = 0; i < n; i++) expect(send(h, "dns-rows-list", { domain: "missing.com" }).code).toBe(3222);
}

describe("request pipeline", () => {
  it("answers 2009/2000/2001/2002/2003/2010/2005 in order", () => {
    const h = harness();
    const empty = h.emu.handle({ ...form(""), body: Buffer.alloc(0) });
    expect((JSON.parse(empty.body) as Json).response.code).toBe(2009);
    expect(raw(h, "").code).toBe(2009);
    expect(raw(h, "{not json").code).toBe(2000);
    expect(raw(h, JSON.stringify({ nope: 1 })).code).toBe(2000);
    expect(send(h, "ping", undefined, { user: "" }).code).toBe(2001);
    expect(send(h, "ping", undefined, { auth: "" }).code).toBe(2002);
    expect(send(h, "", undefined).code).toBe(2003);
    expect(send(h, "dns-zone-explode").code).toBe(2010);
    expect(send(h, "ping", undefined, { clTRID: "x".repeat(65) }).code).toBe(2005);
  });

  it("answers XML parse errors and repeated <data> in the XML envelope", () => {
    const h = harness({ invalidBeforeBlock: 100 });
    const xml = (doc: string): string => h.emu.handle(form(doc, "127.0.0.1", "/wapi/xml")).body;
    expect(xml("<request><user>x</request>")).toContain("<code>2000</code>");
    const auth = wapiAuth(USER, PASSWORD, h.now());
    const twoData = `<request><user>${USER}</user><auth>${auth}</auth><command>ping</command><data/><data/></request>`;
    expect(xml(twoData)).toContain("<code>2004</code>");
    const test = `<request><user>${USER}</user><auth>${auth}</auth><command>dns-domain-add</command><test>1</test><data><name>t.test</name></data></request>`;
    expect(xml(test)).toContain("<result>OK</result>");
    expect(h.emu.snapshot().domains).toEqual([]);
  });

  it("reads a urlencoded body sent without a content type", () => {
    const h = harness();
    const req = form(JSON.stringify({ request: envelope(h, "ping") }));
    expect((JSON.parse(h.emu.handle({ ...req, headers: {} }).body) as Json).response.code).toBe(1000);
  });

  it("answers 404 in plain text off the WAPI paths", () => {
    const h = harness();
    const res = h.emu.handle({ ...form("x"), path: "/wapi/yaml" });
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
  });

  it("enforces the IP allow-list with prefixes", () => {
    const h = harness({ allowedIps: ["10.0.0.", "192.168.1.7"] });
    expect(send(h, "ping", undefined, {}, "10.0.0.42").code).toBe(1000);
    expect(send(h, "ping", undefined, {}, "192.168.1.7").code).toBe(1000);
    expect(send(h, "ping", undefined, {}, "::ffff:10.0.0.9").code).toBe(1000);
    expect(send(h, "ping", undefined, {}, "192.168.1.70").code).toBe(2051);
  });

  it("tolerates 10 invalid requests, blocks on the 11th, extends per further one, then lets it go", () => {
    const h = harness();
    const bad = { auth: "0".repeat(40) };
    for (let i = 0; i < 10; i++) expect(send(h, "ping", undefined, bad).code).toBe(2050);
    // The KB: blocked "for each invalid request in excess of 10" — the 10th costs nothing yet.
    expect(send(h, "ping").code).toBe(1000);
    expect(send(h, "ping", undefined, bad).code).toBe(2050);
    expect(send(h, "ping").code).toBe(2052);
    expect(send(h, "ping", undefined, {}, "127.0.0.2").code).toBe(1000);
    h.advance(61); // 11th invalid: 60 s; the 2052 above: +60 s
    expect(send(h, "ping").code).toBe(2052);
    h.advance(180);
    expect(send(h, "ping").code).toBe(1000);
  });

  it("counts commands that end in an error by default, as the KB does", () => {
    const h = harness();
    addZoneless(h, 10);
    expect(send(h, "ping").code).toBe(1000);
    addZoneless(h, 1);
    expect(send(h, "ping").code).toBe(2052);
  });

  it("counts only the configured answers as invalid", () => {
    const h = harness({ invalidCodes: "2050-2052" });
    addZoneless(h, 20);
    expect(send(h, "ping").code).toBe(1000);
    for (let i = 0; i < 11; i++) send(h, "ping", undefined, { auth: "x" });
    expect(send(h, "ping").code).toBe(2052);
    expect(() => harness({ invalidCodes: "20x0" })).toThrow(/invalid WAPI code list "20x0"/);
  });

  it("refuses requests beyond the hourly budget with 2006 until the window ends", () => {
    const h = harness({ requestsPerWindow: 3, invalidBeforeBlock: 100 });
    for (let i = 0; i < 3; i++) expect(send(h, "ping").code).toBe(1000);
    expect(send(h, "ping").code).toBe(2006);
    h.advance(3600);
    expect(send(h, "ping").code).toBe(1000);
  });

  it("writes the exact JSON envelope", () => {
    const h = harness();
    const res = h.emu.handle(form(JSON.stringify({ request: envelope(h, "ping", undefined, { clTRID: "abc-1" }) })));
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=UTF-8");
    const r = (JSON.parse(res.body) as Json).response as Json;
    expect(Object.keys(r)).toEqual(["code", "result", "timestamp", "clTRID", "svTRID", "command"]);
    expect(r).toMatchObject({ code: 1000, result: "OK", timestamp: 1781515800, clTRID: "abc-1", command: "ping" });
    expect(r.svTRID).toMatch(/^1781515800\.\d+\.\d+\.1$/);
    expect("clTRID" in send(h, "ping")).toBe(false);
    expect(send(h, "dns-domain-info", { name: "nope.com" })).toMatchObject({ code: 3222, result: "Domain open failed" });
  });

  it("reads multipart/form-data bodies", () => {
    const h = harness();
    const doc = JSON.stringify({ request: envelope(h, "ping", undefined, { clTRID: "mp" }) });
    const b = "----wapiBoundary42";
    const body = Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="other"\r\n\r\nx\r\n` +
        `--${b}\r\nContent-Disposition: form-data; name="request"\r\n\r\n${doc}\r\n--${b}--\r\n`,
    );
    const res = h.emu.handle({
      ip: "127.0.0.1",
      method: "POST",
      path: "/wapi/json",
      headers: { "content-type": `multipart/form-data; boundary=${b}` },
      body,
    });
    expect((JSON.parse(res.body) as Json).response).toMatchObject({ code: 1000, clTRID: "mp" });
  });

  it("logs every request without credentials", () => {
    const h = harness();
    send(h, "dns-domain-add", { name: "example.com" }, { clTRID: "c1", test: 1 });
    raw(h, "garbage");
    expect(h.log).toEqual([
      { op: "dns-domain-add", params: { name: "example.com", clTRID: "c1", test: 1 }, code: "1000" },
      { op: "", params: {}, code: "2000" },
    ]);
    expect(JSON.stringify(h.log)).not.toContain(PASSWORD);
  });

  it("builds API faults in the request's envelope without touching state", () => {
    const h = harness();
    const req = form(JSON.stringify({ request: envelope(h, "dns-rows-list", { domain: "x.com" }, { clTRID: "f" }) }));
    expect(h.emu.opOf(req)).toBe("dns-rows-list");
    const fault = (JSON.parse(h.emu.apiFault("2006", req).body) as Json).response as Json;
    expect(fault).toMatchObject({ code: 2006, result: "Requests limit exceeded", clTRID: "f", command: "dns-rows-list" });
    const xml = h.emu.apiFault("2052", { ...req, path: "/wapi/xml" });
    expect(xml.body).toContain("<code>2052</code>");
    expect(h.log).toHaveLength(0);
    expect(h.changes()).toBe(0);
  });
});
