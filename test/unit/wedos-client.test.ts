/**
 * WedosClient against an undici MockAgent with the network disabled: the exact request each public
 * method sends, both wire formats, and lenient parsing of the response shapes WEDOS is
 * inconsistent about. Errors and retries: wedos-client-errors.test.ts.
 */

import type { WedosClient } from "../../provider/wedos/client";
import { authFor, envelope, fixture, type Harness, harness, type Json, parseXml, USER } from "../fixtures/wedos/harness";

const CLTRID = /^pdw-\d+-\d+$/;
// START is 11:30 in Prague.
const AUTH = authFor("11");

let h: Harness | undefined;
afterEach(async () => {
  h?.agent.assertNoPendingInterceptors();
  await h?.agent.close();
  h = undefined;
});

/** Runs one client call against a 1000 OK reply and returns the one decoded request it sent. */
async function sentBy(call: (c: WedosClient) => Promise<unknown>, command: string, data?: unknown): Promise<Json> {
  h = harness();
  h.reply(envelope(command, 1000, data));
  await call(h.client);
  const sent = h.sent();
  expect(sent).toHaveLength(1);
  return sent[0]!;
}

const expected = (command: string, data?: Record<string, unknown>) => ({
  request: { user: USER, auth: AUTH, command, clTRID: expect.stringMatching(CLTRID), ...(data ? { data } : {}) },
});

const domainInfoData = JSON.parse(fixture("dns-domain-info.json")).response.data;
const rowData = JSON.parse(fixture("dns-row-detail.json")).response.data;

// [method, call, command, data sent, data replied]
const REQUESTS: Array<[string, (c: WedosClient) => Promise<unknown>, string, Record<string, unknown> | undefined, unknown]> = [
  ["ping", (c) => c.ping(), "ping", undefined, undefined],
  ["listDomains", (c) => c.listDomains(), "dns-domains-list", undefined, { domain: [] }],
  ["domainInfo", (c) => c.domainInfo("example.cz"), "dns-domain-info", { name: "example.cz" }, domainInfoData],
  [
    "addDomain primary",
    (c) => c.addDomain({ name: "example.cz", type: "primary" }),
    "dns-domain-add",
    { name: "example.cz", type: "primary", axfr_enabled: 0 },
    undefined,
  ],
  [
    "addDomain primary with AXFR",
    (c) => c.addDomain({ name: "example.cz", type: "primary", axfrEnabled: true, axfrIps: ["192.0.2.53", "2001:db8::53"] }),
    "dns-domain-add",
    { name: "example.cz", type: "primary", axfr_enabled: 1, axfr_ips: { ip1: "192.0.2.53", ip2: "2001:db8::53" } },
    undefined,
  ],
  [
    "addDomain secondary",
    (c) => c.addDomain({ name: "example.sk", type: "secondary", primaryIp: "192.0.2.1" }),
    "dns-domain-add",
    { name: "example.sk", type: "secondary", primary_ip: "192.0.2.1" },
    undefined,
  ],
  ["deleteDomain", (c) => c.deleteDomain("example.cz"), "dns-domain-delete", { name: "example.cz" }, undefined],
  [
    "copyDomain",
    (c) => c.copyDomain("example.cz", "example.sk"),
    "dns-domain-copy",
    { name: "example.cz", name_new: "example.sk" },
    undefined,
  ],
  ["axfrRun", (c) => c.axfrRun("example.sk"), "dns-domain-axfr-run", { name: "example.sk" }, { next_run: "2026-06-15 11:35:00" }],
  ["updateKeyset", (c) => c.updateKeyset("example.cz", 1), "dns-domain-update-keyset", { name: "example.cz", keyset: 1 }, undefined],
  ["commit", (c) => c.commit("example.cz"), "dns-domain-commit", { name: "example.cz" }, undefined],
  ["listRows", (c) => c.listRows("example.cz"), "dns-rows-list", { domain: "example.cz" }, { row: [] }],
  [
    "rowDetail sends both name and domain",
    (c) => c.rowDetail("example.cz", "912"),
    "dns-row-detail",
    { name: "example.cz", domain: "example.cz", row_id: "912" },
    rowData,
  ],
  [
    "addRow",
    (c) => c.addRow("example.cz", { name: "", type: "TXT", ttl: 300, rdata: 'v=spf1 "a b" -all' }),
    "dns-row-add",
    { domain: "example.cz", name: "", ttl: 300, type: "TXT", rdata: 'v=spf1 "a b" -all' },
    undefined,
  ],
  [
    "addRow with comment",
    (c) => c.addRow("example.cz", { name: "www", type: "A", ttl: 1800, rdata: "192.0.2.1", comment: "web" }),
    "dns-row-add",
    { domain: "example.cz", name: "www", ttl: 1800, type: "A", rdata: "192.0.2.1", auth_comment: "web" },
    undefined,
  ],
  [
    "updateRow",
    (c) => c.updateRow("example.cz", "912", 600, "192.0.2.2"),
    "dns-row-update",
    { domain: "example.cz", row_id: "912", ttl: 600, rdata: "192.0.2.2" },
    undefined,
  ],
  ["deleteRow", (c) => c.deleteRow("example.cz", "912"), "dns-row-delete", { domain: "example.cz", row_id: "912" }, undefined],
];

describe("the exact JSON request of each method", () => {
  it.each(REQUESTS)("%s", async (_label, call, command, data, replyData) => {
    const req = await sentBy(call, command, replyData);
    expect(req).toEqual(expected(command, data));
    if (!data) expect(Object.keys(req.request)).not.toContain("data");
  });

  it("gives every request its own clTRID", async () => {
    h = harness();
    for (let i = 0; i < 3; i++) h.reply(envelope("ping"));
    for (let i = 0; i < 3; i++) await h.client.ping();
    expect(new Set(h.sent().map((r) => r.request.clTRID)).size).toBe(3);
    expect(h.client.requests).toBe(3);
  });
});

describe("XML format", () => {
  const xmlHarness = () => harness({ format: "xml", endpoint: "https://api.wedos.com/wapi/xml" });
  const xmlReply = (name: string) => h!.reply(fixture(name), 200, { "content-type": "text/xml" });

  it("sends the exact XML document for dns-row-add, escaping rdata", async () => {
    h = xmlHarness();
    h.reply(fixture("dns-rows-list-empty.xml").replace("dns-rows-list", "dns-row-add").replace("<data/>", ""), 200, {
      "content-type": "text/xml",
    });
    await h.client.addRow("example.cz", { name: "", type: "TXT", ttl: 300, rdata: 'a <b> & "c"', comment: "x" });
    const [raw] = h.sentRaw();
    const clTRID = /<clTRID>(pdw-\d+-\d+)<\/clTRID>/.exec(raw!)?.[1];
    expect(clTRID).toMatch(CLTRID);
    expect(raw).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><request>' +
        `<user>${USER}</user><auth>${AUTH}</auth><command>dns-row-add</command><clTRID>${clTRID}</clTRID>` +
        "<data><domain>example.cz</domain><name></name><ttl>300</ttl><type>TXT</type>" +
        "<rdata>a &lt;b&gt; &amp; &quot;c&quot;</rdata><auth_comment>x</auth_comment></data></request>",
    );
    expect(parseXml(raw!).request.data.rdata).toBe('a <b> & "c"');
  });

  it("sends axfr_ips as repeated <ip> elements", async () => {
    h = xmlHarness();
    h.reply(fixture("dns-rows-list-empty.xml").replace("<data/>", ""), 200, { "content-type": "text/xml" });
    await h.client.addDomain({ name: "example.cz", type: "primary", axfrEnabled: true, axfrIps: ["192.0.2.53", "192.0.2.54"] });
    expect(h.sentRaw()[0]).toContain("<axfr_enabled>1</axfr_enabled><axfr_ips><ip>192.0.2.53</ip><ip>192.0.2.54</ip></axfr_ips>");
  });

  it("parses several <row> elements", async () => {
    h = xmlHarness();
    xmlReply("dns-rows-list.xml");
    const rows = await h.client.listRows("example.cz");
    expect(rows.map((r) => [r.ID, r.name, r.ttl, r.rdtype, r.rdata, r.author_comment])).toEqual([
      ["911", "", 1800, "A", "192.0.2.1", ""],
      ["912", "www", 300, "CNAME", "example.cz.", ""],
      ["913", "_acme", 300, "TXT", 'a <b> & "c"', ""],
    ]);
    expect(parseXml(h.sentRaw()[0]!).request.data).toEqual({ domain: "example.cz" });
  });

  it("parses one <row> element", async () => {
    h = xmlHarness();
    xmlReply("dns-rows-list-one.xml");
    expect(await h.client.listRows("example.cz")).toEqual([
      { ID: "912", name: "www", ttl: 300, rdtype: "CNAME", rdata: "example.cz.", changed_date: "2026-06-01 09:54:41", author_comment: "" },
    ]);
  });

  it("parses an empty <data/>", async () => {
    h = xmlHarness();
    xmlReply("dns-rows-list-empty.xml");
    expect(await h.client.listRows("example.cz")).toEqual([]);
  });
});

describe("lenient response parsing", () => {
  const ROWS = [
    { ID: "911", name: "", ttl: 1800, rdtype: "A", rdata: "192.0.2.1", changed_date: "2026-06-01 09:54:41", author_comment: "" },
    {
      ID: "912",
      name: "www",
      ttl: 300,
      rdtype: "CNAME",
      rdata: "example.cz.",
      changed_date: "2026-06-01 09:54:42",
      author_comment: expect.any(String),
    },
  ];

  it.each([
    ["rows as an array of strings", "dns-rows-list.json"],
    ["rows as a keyed object under data.row, numbers as numbers", "dns-rows-list-keyed.json"],
    ["rows keyed directly under data (the seed template), code as a string", "dns-rows-list-template.json"],
  ])("%s", async (_label, file) => {
    h = harness();
    h.reply(fixture(file));
    const rows = await h.client.listRows("example.cz");
    expect(rows.slice(0, 2)).toEqual(ROWS);
  });

  it("upper-cases rdtype and keeps TXT rdata verbatim", async () => {
    h = harness();
    h.reply(fixture("dns-rows-list.json"));
    const rows = await h.client.listRows("example.cz");
    expect(rows.map((r) => r.rdtype)).toEqual(["A", "CNAME", "TXT"]);
    expect(rows[2]!.rdata).toBe('v=spf1 "quoted" text');
  });

  it("accepts a single row object under data.row", async () => {
    h = harness();
    h.reply(envelope("dns-rows-list", 1000, rowData));
    expect(await h.client.listRows("example.cz")).toEqual([expect.objectContaining({ ID: "912", ttl: 300, author_comment: "web" })]);
  });

  it.each([
    ['data: ""', ""],
    ["data: null", null],
    ["no data", undefined],
    ['data.row: ""', { row: "" }],
    ["data.row: []", { row: [] }],
  ])("reads %s as no rows", async (_label, data) => {
    h = harness();
    h.reply(envelope("dns-rows-list", 1000, data));
    expect(await h.client.listRows("example.cz")).toEqual([]);
  });

  it("accepts a JSON body served as Content-Type: text/html", async () => {
    h = harness();
    h.reply(fixture("dns-rows-list.json"), 200, { "content-type": "text/html; charset=UTF-8" });
    expect(await h.client.listRows("example.cz")).toHaveLength(3);
  });

  it("accepts a JSON body with a UTF-8 BOM and surrounding whitespace", async () => {
    h = harness();
    h.reply(`\uFEFF\n  ${fixture("dns-rows-list.json")}\n\n`);
    expect(await h.client.listRows("example.cz")).toHaveLength(3);
  });

  it.each([
    ["as an array", "dns-domains-list.json"],
    ["as a keyed object", "dns-domains-list-keyed.json"],
  ])("reads dns-domains-list data.domain %s", async (_label, file) => {
    h = harness();
    h.reply(fixture(file));
    expect(await h.client.listDomains()).toEqual([
      { name: "example.cz", type: "primary", status: "active" },
      { name: "example.sk", type: "secondary", status: "active" },
    ]);
  });

  it("reads a single domain and the domain info object", async () => {
    h = harness();
    h.reply(envelope("dns-domains-list", 1000, { domain: { name: "example.cz", type: "primary", status: "active" } }));
    h.reply(fixture("dns-domain-info.json"));
    expect(await h.client.listDomains()).toEqual([{ name: "example.cz", type: "primary", status: "active" }]);
    expect(await h.client.domainInfo("example.cz")).toEqual(
      expect.objectContaining({ name: "example.cz", axfr_ips: "192.0.2.53 192.0.2.54", serial: "2026060101" }),
    );
  });

  it("returns undefined for a row that is gone (3309) and a zone that is not there (3222)", async () => {
    h = harness();
    h.reply(envelope("dns-row-detail", 3309));
    h.reply(envelope("dns-domain-info", 3222));
    expect(await h.client.rowDetail("example.cz", "1")).toBeUndefined();
    expect(await h.client.domainInfo("example.cz")).toBeUndefined();
  });

  it("treats deleting a missing row or zone as done", async () => {
    h = harness();
    h.reply(envelope("dns-row-delete", 3309));
    h.reply(envelope("dns-domain-delete", 3222));
    await expect(h.client.deleteRow("example.cz", "1")).resolves.toBeUndefined();
    await expect(h.client.deleteDomain("example.cz")).resolves.toBeUndefined();
  });

  // Validation errors carry the request label. A row WEDOS sends without an ID, or with a
  // non-numeric TTL, must fail as a labelled, WEDOS-prefixed error naming the command and the zone.
  it.each([
    ["a row without ID", { row: [{ name: "www", ttl: "300", rdtype: "A", rdata: "192.0.2.1" }] }],
    ["a non-numeric ttl", { row: [{ ID: "1", name: "www", ttl: "5m", rdtype: "A", rdata: "192.0.2.1" }] }],
    ["data.row as a number", { row: 7 }],
  ])("rejects %s with an error naming WEDOS, the command and the zone", async (_label, data) => {
    h = harness({ retry: { maxAttempts: 1 } });
    h.reply(envelope("dns-rows-list", 1000, data));
    const err = (await h.client.listRows("example.cz").catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(/WEDOS/);
    expect(err.message).toContain("dns-rows-list");
    expect(err.message).toContain('"example.cz"');
  });
});
