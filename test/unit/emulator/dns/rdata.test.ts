/** Presentation data of the APIs to dns-packet's record data, type by type, and TXT splitting. */
import * as dnsPacket from "dns-packet";
import { txtStrings, wireRecord } from "../../../../emulator/dns/rdata";

test.each([
  ["A", "192.0.2.10", { type: "A", data: "192.0.2.10" }],
  ["AAAA", "2001:DB8::10", { type: "AAAA", data: "2001:DB8::10" }],
  ["CNAME", "www.example.cz.", { type: "CNAME", data: "www.example.cz" }],
  ["NS", "ns1.other-dns.net", { type: "NS", data: "ns1.other-dns.net" }],
  ["MX", "10 mail.example.cz", { type: "MX", data: { preference: 10, exchange: "mail.example.cz" } }],
  ["MX", "0 .", { type: "MX", data: { preference: 0, exchange: "." } }],
  ["SRV", "10 60 5060 sip.example.cz.", { type: "SRV", data: { priority: 10, weight: 60, port: 5060, target: "sip.example.cz" } }],
  ["CAA", '0 issue "letsencrypt.org"', { type: "CAA", data: { flags: 0, tag: "issue", value: "letsencrypt.org" } }],
  ["CAA", '128 issuewild ";"', { type: "CAA", data: { flags: 128, tag: "issuewild", value: ";" } }],
  ["CAA", '0 iodef "say \\"hi\\""', { type: "CAA", data: { flags: 0, tag: "iodef", value: 'say "hi"' } }],
  [
    "TLSA",
    "3 1 1 0C72AC70",
    { type: "TLSA", data: { usage: 3, selector: 1, matchingType: 1, certificate: Buffer.from("0c72ac70", "hex") } },
  ],
  ["SSHFP", "4 2 C1F1", { type: "UNKNOWN_44", data: Buffer.from("0402c1f1", "hex") }],
])("%s %s", (type, rdata, expected) => {
  expect(wireRecord(type, rdata)).toEqual(expected);
});

test.each([
  ["A", "192.0.2"],
  ["A", "192.0.2.1 extra"],
  ["AAAA", "192.0.2.1"],
  ["MX", "mail.example.cz"],
  ["SRV", "10 60 sip.example.cz"],
  ["CAA", "issue letsencrypt.org"],
  ["TLSA", "3 1 1 xyz"],
  ["SSHFP", "4 2 abc"],
  ["CNAME", `${"a".repeat(64)}.example.cz`],
  ["URL", "https://example.com/"],
])("%s %s has no wire form: not served", (type, rdata) => {
  expect(wireRecord(type, rdata)).toBeUndefined();
});

test("TXT: strings of at most 255 bytes, cut between UTF-8 characters, joined back to the text", () => {
  const text = `${"ž".repeat(200)}${"a".repeat(10)}`; // 410 bytes, the cut falls inside no character
  const strings = txtStrings(text);
  expect(strings.map((b) => b.length)).toEqual([254, 156]);
  expect(Buffer.concat(strings).toString("utf8")).toBe(text);
  expect(txtStrings("")).toEqual([Buffer.alloc(0)]);
  expect(txtStrings("x".repeat(255)).map((b) => b.length)).toEqual([255]);
});

test("every wire form encodes with dns-packet and decodes to the same data", () => {
  for (const [type, rdata] of [
    ["TXT", `v=DKIM1; p=${"A".repeat(400)}`],
    ["CAA", '0 issue "letsencrypt.org"'],
    ["SSHFP", "1 1 c65a08278cf677b7d8f669fde17aec3464f65967"],
    ["TLSA", "3 1 1 16058d40ff834e025ad15ec37ee5c0ed9df770c37ba2491cc5d8fc0db93696eb"],
  ] as const) {
    const w = wireRecord(type, rdata)!;
    const buf = dnsPacket.encode({ type: "response", answers: [{ name: "x.cz", type: w.type, data: w.data } as dnsPacket.Answer] });
    const back = dnsPacket.decode(buf).answers![0] as any;
    expect(back.type).toBe(type);
    if (type === "TXT") expect(Buffer.concat(back.data as Buffer[]).toString()).toBe(rdata);
    if (type === "SSHFP") expect(back.data).toEqual({ algorithm: 1, hash: 1, fingerprint: "C65A08278CF677B7D8F669FDE17AEC3464F65967" });
  }
});
