import { createHash } from "node:crypto";
import { XMLParser } from "fast-xml-parser";
import type { EmulatedRequest, EmulatedResponse, EmulatorContext, LogEntry } from "../../emulator/types";
import { WedosEmulator, type WedosEmulatorOptions, type WedosState, pragueHour, wapiAuth } from "../../emulator/wedos";

const USER = "emulator@example.com";
const PASSWORD = "emulator-password";
const START = "2026-06-15T09:30:00Z"; // 11:30 in Prague (CEST)

type LogLine = Omit<LogEntry, "seq" | "at" | "api">;

interface Harness {
  emu: WedosEmulator;
  log: LogLine[];
  changes: () => number;
  advance: (seconds: number) => void;
  setNow: (iso: string) => void;
  now: () => Date;
}

function harness(options: Partial<WedosEmulatorOptions> = {}, start = START): Harness {
  let now = new Date(start);
  let changed = 0;
  const log: LogLine[] = [];
  const ctx: EmulatorContext = { now: () => now, log: (e) => log.push(e), changed: () => (changed += 1) };
  return {
    emu: new WedosEmulator(ctx, options),
    log,
    changes: () => changed,
    advance: (s) => (now = new Date(now.getTime() + s * 1000)),
    setNow: (iso) => (now = new Date(iso)),
    now: () => now,
  };
}

const sha1 = (s: string): string => createHash("sha1").update(s).digest("hex");

function form(field: string, ip = "127.0.0.1", path = "/wapi/json"): EmulatedRequest {
  const body = Buffer.from(new URLSearchParams({ request: field }).toString());
  return { ip, method: "POST", path, headers: { "content-type": "application/x-www-form-urlencoded" }, body };
}

interface Envelope {
  user?: string;
  auth?: string;
  command?: string;
  clTRID?: string;
  test?: unknown;
  data?: Record<string, unknown>;
}

function envelope(h: Harness, command: string, data?: Record<string, unknown>, extra: Partial<Envelope> = {}): Envelope {
  return { user: USER, auth: wapiAuth(USER, PASSWORD, h.now()), command, ...(data ? { data } : {}), ...extra };
}

// Replies are asserted structurally; untyped indexing keeps the expectations readable.
type Json = Record<string, any>;

function send(h: Harness, command: string, data?: Record<string, unknown>, extra: Partial<Envelope> = {}, ip?: string): Json {
  const res = h.emu.handle(form(JSON.stringify({ request: envelope(h, command, data, extra) }), ip));
  return (JSON.parse(res.body) as Json).response as Json;
}

function raw(h: Harness, field: string, ip?: string): Json {
  return (JSON.parse(h.emu.handle(form(field, ip)).body) as Json).response as Json;
}

const xmlParser = new XMLParser({ parseTagValue: false, isArray: (name) => name === "row" || name === "domain" });

function toXml(env: Envelope): string {
  const esc = (v: unknown): string => String(v).replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const fields = (o: Record<string, unknown>): string =>
    Object.entries(o)
      .map(([k, v]) => `<${k}>${typeof v === "object" && v !== null ? fields(v as Record<string, unknown>) : esc(v)}</${k}>`)
      .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><request>${fields(env as Record<string, unknown>)}</request>`;
}

function sendXml(h: Harness, command: string, data?: Record<string, unknown>): { res: EmulatedResponse; body: Json } {
  const res = h.emu.handle(form(toXml(envelope(h, command, data)), "127.0.0.1", "/wapi/xml"));
  return { res, body: (xmlParser.parse(res.body) as Json).response as Json };
}

function addZone(h: Harness, name = "example.com", extra: Record<string, unknown> = {}): void {
  expect(send(h, "dns-domain-add", { name, ...extra }).code).toBe(1000);
}

function addRow(h: Harness, name: string, type: string, rdata: string, ttl: unknown = 300, domain = "example.com"): number {
  return send(h, "dns-row-add", { domain, name, ttl, type, rdata }).code as number;
}

function rows(h: Harness, domain = "example.com"): Json[] {
  return send(h, "dns-rows-list", { domain }).data.row as Json[];
}

function zoneState(h: Harness, name = "example.com"): WedosState["domains"][number] {
  const zone = h.emu.snapshot().domains.find((d) => d.name === name);
  if (!zone) throw new Error(`no zone ${name}`);
  return zone;
}

describe("auth", () => {
  it("matches the KB test vector and pads the Prague hour", () => {
    expect(sha1("tester" + sha1("123456") + "11")).toBe("ac28237e80e68efa3bfd07f42dca3d41c5986e01");
    expect(wapiAuth("tester", "123456", new Date("2026-01-15T10:30:00Z"))).toBe("ac28237e80e68efa3bfd07f42dca3d41c5986e01");
    expect(pragueHour(new Date("2026-01-15T07:05:00Z"))).toBe("08");
    expect(pragueHour(new Date("2026-01-15T23:30:00Z"))).toBe("00");
  });

  it("follows Prague daylight saving at both switches", () => {
    expect(pragueHour(new Date("2026-03-29T00:30:00Z"))).toBe("01");
    expect(pragueHour(new Date("2026-03-29T01:30:00Z"))).toBe("03");
    expect(pragueHour(new Date("2026-10-25T00:30:00Z"))).toBe("02");
    expect(pragueHour(new Date("2026-10-25T01:30:00Z"))).toBe("02");
  });

  it("accepts the tester credentials at 11:xx Prague and rejects a wrong hour", () => {
    const h = harness({ username: "tester", password: "123456" }, "2026-01-15T10:30:00Z");
    const ok = raw(h, JSON.stringify({ request: { user: "tester", auth: "ac28237e80e68efa3bfd07f42dca3d41c5986e01", command: "ping" } }));
    expect(ok.code).toBe(1000);
    const wrong = sha1("tester" + sha1("123456") + "10");
    h.advance(3600); // now 12:30: "11" is the previous hour, "10" is two hours old
    expect(raw(h, JSON.stringify({ request: { user: "tester", auth: wrong, command: "ping" } })).code).toBe(2050);
  });

  it("tolerates the previous hour only when configured", () => {
    for (const [accept, code] of [[true, 1000], [false, 2050]] as const) {
      const h = harness({ acceptPreviousHour: accept });
      const auth = wapiAuth(USER, PASSWORD, h.now());
      h.advance(3600);
      expect(send(h, "ping", undefined, { auth }).code).toBe(code);
    }
  });

  it("signs with the Prague hour across the DST switches", () => {
    for (const at of ["2026-03-29T01:30:00Z", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "2026-12-31T23:30:00Z"]) {
      const h = harness({ acceptPreviousHour: false }, at);
      expect(send(h, "ping").code).toBe(1000);
      const utcHour = String(new Date(at).getUTCHours()).padStart(2, "0");
      expect(send(h, "ping", undefined, { auth: sha1(USER + sha1(PASSWORD) + utcHour) }).code).toBe(2050);
    }
  });

  it("rejects a wrong password and an unknown user", () => {
    const h = harness();
    expect(send(h, "ping", undefined, { auth: wapiAuth(USER, "nope", h.now()) }).code).toBe(2050);
    expect(send(h, "ping", undefined, { user: "other@example.com" }).code).toBe(2050);
  });
});

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

  it("blocks an IP after 10 invalid requests, extends per further one, then lets it go", () => {
    const h = harness();
    const bad = { auth: "0".repeat(40) };
    for (let i = 0; i < 10; i++) expect(send(h, "ping", undefined, bad).code).toBe(2050);
    expect(send(h, "ping").code).toBe(2052);
    expect(send(h, "ping", undefined, {}, "127.0.0.2").code).toBe(1000);
    h.advance(61); // 10th invalid: 60 s; the 2052 above: +60 s
    expect(send(h, "ping").code).toBe(2052);
    h.advance(180);
    expect(send(h, "ping").code).toBe(1000);
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
    const res = h.emu.handle({ ip: "127.0.0.1", method: "POST", path: "/wapi/json", headers: { "content-type": `multipart/form-data; boundary=${b}` }, body });
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

describe("domains", () => {
  it("adds primary zones with WEDOS defaults and lists them in both JSON shapes", () => {
    const h = harness();
    addZone(h);
    const info = send(h, "dns-domain-info", { name: "Example.COM" }).data.domain as Json;
    expect(info).toMatchObject({
      name: "example.com", type: "primary", status: "active", tlock: "0", changed: "0", axfr_enabled: "0",
      rname: "hostmaster.wedos.com", serial: "2026061501", refresh: "10800", retry: "3600", expire: "1209600",
      minimum: "300", ns_out: "ns.wedos.net ns.wedos.eu ns.wedos.cz ns.wedos.com", ns1: "ns.wedos.net ns.wedos.eu ns.wedos.cz ns.wedos.com",
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
    expect(send(h, "dns-domain-info", { name: "sec.test" }).data.domain).toMatchObject({ reload_pending: "0", reload_date: "2026-06-15 11:31:00" });
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

describe("rows", () => {
  it("adds, lists, details, updates and deletes rows in JSON", () => {
    const h = harness();
    addZone(h);
    expect(rows(h)).toEqual([]);
    expect(send(h, "dns-row-add", { domain: "example.com", name: "", ttl: "1800", type: "a", rdata: "192.0.2.1", auth_comment: "hi" }).code).toBe(1000);
    expect(addRow(h, "*", "MX", "10 mail.example.com.")).toBe(1000);
    const [apex, mx] = rows(h);
    expect(apex).toEqual({ ID: "1", name: "", ttl: "1800", rdtype: "A", rdata: "192.0.2.1", changed_date: "2026-06-15 11:30:00", author_comment: "hi" });
    expect(mx).toMatchObject({ ID: "2", name: "*", author_comment: "" });
    expect(send(h, "dns-row-detail", { domain: "example.com", row_id: 2 }).data).toEqual({ row: mx });
    expect(send(h, "dns-row-detail", { name: "example.com", row_id: "1" }).data.row.ID).toBe("1");
    expect(send(h, "dns-row-update", { domain: "example.com", row_id: "1", ttl: 600, rdata: "192.0.2.2", name: "ignored", type: "TXT" }).code).toBe(1000);
    expect(rows(h)[0]).toMatchObject({ name: "", rdtype: "A", ttl: "600", rdata: "192.0.2.2" });
    expect(send(h, "dns-row-delete", { domain: "example.com", row_id: 1 }).code).toBe(1000);
    expect(rows(h).map((r) => r.ID)).toEqual(["2"]);
    for (const cmd of ["dns-row-detail", "dns-row-update", "dns-row-delete"]) {
      expect(send(h, cmd, { domain: "example.com", row_id: "1", ttl: 300, rdata: "192.0.2.3" }).code).toBe(3309);
    }
    expect(send(h, "dns-rows-list", { domain: "missing.com" }).code).toBe(3222);
  });

  it("round-trips row commands over XML with repeated <row>", () => {
    const h = harness();
    addZone(h);
    expect(sendXml(h, "dns-row-add", { domain: "example.com", name: "www", ttl: "300", type: "TXT", rdata: "a <b> & c" }).body.code).toBe("1000");
    addRow(h, "www", "AAAA", "2001:db8::1");
    const list = sendXml(h, "dns-rows-list", { domain: "example.com" }).body.data.row as Json[];
    expect(list.map((r) => r.rdata)).toEqual(["a <b> & c", "2001:db8::1"]);
    expect(list[0]).toEqual({ ID: "1", name: "www", ttl: "300", rdtype: "TXT", rdata: "a <b> & c", changed_date: "2026-06-15 11:30:00", author_comment: "" });
    expect(sendXml(h, "dns-row-detail", { name: "example.com", row_id: "2" }).body.data.row[0].rdtype).toBe("AAAA");
    expect(sendXml(h, "dns-row-update", { domain: "example.com", row_id: "2", ttl: "900", rdata: "2001:db8::2" }).body.code).toBe("1000");
    expect(sendXml(h, "dns-row-delete", { domain: "example.com", row_id: "1" }).body.code).toBe("1000");
    expect(rows(h)).toHaveLength(1);
  });

  it("emits rows keyed as row1, row2 when configured", () => {
    const h = harness({ rowsListShape: "keyed" });
    addZone(h);
    addRow(h, "a", "A", "192.0.2.1");
    addRow(h, "b", "A", "192.0.2.2");
    const list = send(h, "dns-rows-list", { domain: "example.com" }).data.row as Json;
    expect(Object.keys(list)).toEqual(["row1", "row2"]);
    expect(list.row2.name).toBe("b");
  });

  it.each([
    ["2309", "x", "SPF", "v=spf1 -all", 300],
    ["2311", "@", "A", "192.0.2.1", 300],
    ["2311", "a.*", "A", "192.0.2.1", 300],
    ["2311", "bad label", "A", "192.0.2.1", 300],
    ["2317", "x", "A", "192.0.2.1", 299],
    ["2317", "x", "A", "192.0.2.1", "172801"],
    ["2317", "x", "A", "192.0.2.1", "1e3"],
    ["2314", "x", "A", "2001:db8::1", 300],
    ["2314", "x", "AAAA", "192.0.2.1", 300],
    ["2314", "x", "MX", "mail.example.com", 300],
    ["2314", "_sip._tcp", "SRV", "10 5 5060", 300],
    ["2314", "x", "CAA", "0 issue letsencrypt.org", 300],
    ["2314", "x", "TLSA", "3 1 1 abc", 300],
    ["2314", "x", "SSHFP", "1 2", 300],
    ["2314", "x", "TXT", "", 300],
    ["2312", "", "CNAME", "target.example.net.", 300],
  ])("answers %s for %s %s %s ttl %s", (code, name, type, rdata, ttl) => {
    const h = harness();
    addZone(h);
    expect(addRow(h, name, type, rdata, ttl)).toBe(Number(code));
  });

  it("accepts every supported type with valid rdata", () => {
    const h = harness();
    addZone(h);
    const ok: [string, string, string][] = [
      ["_sip._tcp", "SRV", "10 5 5060 sip.example.com."],
      ["", "CAA", '0 issue "letsencrypt.org"'],
      ["_443._tcp.www", "TLSA", "3 1 1 0123456789abcdef"],
      ["host", "SSHFP", "4 2 abcdef0123"],
      ["sub", "NS", "ns1.example.net."],
      ["", "TXT", "v=spf1 include:_spf.example.com -all"],
      ["172800", "A", "192.0.2.7"],
    ];
    for (const [name, type, rdata] of ok) expect([name, type, addRow(h, name, type, rdata, 172800)]).toEqual([name, type, 1000]);
  });

  it("rejects duplicates and CNAME conflicts in both directions", () => {
    const h = harness();
    addZone(h);
    expect(addRow(h, "www", "A", "192.0.2.1")).toBe(1000);
    expect(addRow(h, "WWW", "A", "192.0.2.1", 600)).toBe(2316);
    expect(addRow(h, "www", "CNAME", "other.example.net.")).toBe(2313);
    expect(addRow(h, "alias", "CNAME", "www.example.com.")).toBe(1000);
    expect(addRow(h, "alias", "TXT", "hello")).toBe(2313);
    expect(addRow(h, "alias", "CNAME", "elsewhere.example.net.")).toBe(2313);
    expect(addRow(h, "www", "A", "192.0.2.2")).toBe(1000);
    expect(send(h, "dns-row-update", { domain: "example.com", row_id: "3", ttl: 300, rdata: "192.0.2.1" }).code).toBe(2316);
    expect(send(h, "dns-row-update", { domain: "example.com", row_id: "3", ttl: 30, rdata: "192.0.2.9" }).code).toBe(2317);
    expect(send(h, "dns-row-update", { domain: "example.com", row_id: "3", ttl: 300, rdata: "nope" }).code).toBe(2314);
  });

  it("limits rows per zone", () => {
    const h = harness({ maxRowsPerDomain: 2 });
    addZone(h);
    addRow(h, "a", "A", "192.0.2.1");
    addRow(h, "b", "A", "192.0.2.1");
    expect(addRow(h, "c", "A", "192.0.2.1")).toBe(2310);
  });
});

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
    expect(send(h, "dns-row-add", { domain: "example.com", name: "x", ttl: 300, type: "A", rdata: "192.0.2.1" }, { test: "1" }).code).toBe(1000);
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
