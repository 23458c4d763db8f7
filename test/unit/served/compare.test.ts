/**
 * The pure side of served-DNS checks: one canonical text per record from an API or a DNS answer,
 * an answer read as an observation, and expectations held against observations.
 */
import * as dnsPacket from "dns-packet";
import { compare, type Expectation, type Observation, observe, describe as served } from "../../../provider/served/compare";
import { canonicalAnswer, canonicalName, canonicalRdata } from "../../../provider/served/records";

test.each([
  ["A", " 192.0.2.10 ", "192.0.2.10"],
  ["AAAA", "2001:DB8:0:0::1", "2001:db8::1"],
  ["CNAME", "WWW.Example.CZ.", "www.example.cz"],
  ["NS", "ns.wedos.net", "ns.wedos.net"],
  ["MX", "010  Mail.Example.cz.", "10 mail.example.cz"],
  ["MX", "0 .", "0 ."],
  ["SRV", "10 60 05060 SIP.example.cz", "10 60 5060 sip.example.cz"],
  ["TXT", ' v=spf1 "quoted" -all ', ' v=spf1 "quoted" -all '],
  ["CAA", '0 ISSUE "letsencrypt.org"', '0 issue "letsencrypt.org"'],
  ["CAA", '128 iodef "say \\"hi\\""', '128 iodef "say \\"hi\\""'],
  ["CAA", "0 issue letsencrypt.org", '0 issue "letsencrypt.org"'],
  ["TLSA", "3 1 1 0C72AC70 B745", "3 1 1 0c72ac70b745"],
  ["SSHFP", "4 2 C1F1D5", "4 2 c1f1d5"],
])("canonicalRdata %s %j", (type, rdata, canonical) => {
  expect(canonicalRdata(type, rdata)).toBe(canonical);
});

/** Encodes and decodes one record, as it comes off the wire. */
const wire = (type: string, data: unknown) =>
  dnsPacket.decode(dnsPacket.encode({ type: "response", answers: [{ type, name: "x.example.cz", data } as dnsPacket.Answer] }))
    .answers![0]!;

test.each([
  ["A", "192.0.2.10", "192.0.2.10"],
  ["AAAA", "2001:db8::1", "2001:db8::1"],
  ["CNAME", "WWW.Example.cz", "www.example.cz"],
  ["MX", { preference: 10, exchange: "Mail.example.cz" }, "10 mail.example.cz"],
  ["SRV", { priority: 0, weight: 0, port: 443, target: "." }, "0 0 443 ."],
  ["TXT", [Buffer.from("v=DKIM1; p="), Buffer.from("AAAA")], "v=DKIM1; p=AAAA"],
  ["TXT", [Buffer.from("Příliš žluťoučký")], "Příliš žluťoučký"],
  ["CAA", { flags: 0, tag: "issue", value: 'say "hi"' }, '0 issue "say \\"hi\\""'],
  ["TLSA", { usage: 3, selector: 1, matchingType: 1, certificate: Buffer.from("0c72", "hex") }, "3 1 1 0c72"],
  [
    "SSHFP",
    { algorithm: 1, hash: 1, fingerprint: "C65A08278CF677B7D8F669FDE17AEC3464F65967" },
    "1 1 c65a08278cf677b7d8f669fde17aec3464f65967",
  ],
])("canonicalAnswer %s", (type, data, canonical) => {
  expect(canonicalAnswer(wire(type, data))).toBe(canonical);
});

test("names: lower-case ASCII without the dot; Unicode labels as punycode", () => {
  expect([canonicalName("WWW.Example.CZ."), canonicalName("www.Bücher.cz"), canonicalName("*.dev.example.cz")]).toEqual([
    "www.example.cz",
    "www.xn--bcher-kva.cz",
    "*.dev.example.cz",
  ]);
});

const reply = (p: Partial<dnsPacket.Packet> & { rcode?: string; aa?: boolean }) =>
  dnsPacket.decode(
    dnsPacket.encode({
      type: "response",
      flags: (p.aa === false ? 0 : dnsPacket.AUTHORITATIVE_ANSWER) | (p.rcode === "NXDOMAIN" ? 3 : p.rcode === "REFUSED" ? 5 : 0),
      questions: [{ type: "A", name: "www.example.cz" }],
      ...p,
    }),
  );

test("observe: the records of the asked owner and type only; rcodes; referrals", () => {
  const A = (name: string, data: string) => ({ type: "A", name, data }) as dnsPacket.Answer;
  const chain = reply({
    answers: [{ type: "CNAME", name: "www.example.cz", data: "web.example.cz" } as dnsPacket.Answer, A("web.example.cz", "192.0.2.1")],
  });
  expect(observe({ name: "WWW.example.cz.", type: "A" }, chain)).toEqual({ rcode: "NOERROR", records: [] });
  expect(observe({ name: "www.example.cz", type: "CNAME" }, chain)).toEqual({ rcode: "NOERROR", records: ["web.example.cz"] });
  expect(observe({ name: "www.example.cz", type: "A" }, reply({ rcode: "NXDOMAIN" }))).toEqual({ rcode: "NXDOMAIN", records: [] });
  expect(observe({ name: "www.example.cz", type: "A" }, reply({ rcode: "REFUSED", aa: false }))).toEqual({ failure: "REFUSED" });
  const ns = { type: "NS", name: "sub.example.cz", data: "ns1.other.net" } as dnsPacket.Answer;
  const referral = reply({ aa: false, authorities: [ns] });
  expect(observe({ name: "sub.example.cz", type: "NS" }, referral)).toEqual({ rcode: "NOERROR", records: ["ns1.other.net"] });
  expect(observe({ name: "www.sub.example.cz", type: "A" }, referral)).toEqual({
    failure: "a referral to the nameservers of sub.example.cz (not authoritative)",
  });
});

const ok = (...records: string[]): Observation => ({ rcode: "NOERROR", records });
const e = (present: string[], more: Partial<Expectation> = {}): Expectation => ({ name: "www.example.cz.", type: "A", present, ...more });

test.each<[string, Expectation, Observation, string | undefined]>([
  ["added: answered among others", e(["192.0.2.1"]), ok("192.0.2.1", "192.0.2.9"), undefined],
  ["added: not yet answered", e(["192.0.2.1"]), ok("192.0.2.9"), "missing 192.0.2.1; answers 192.0.2.9"],
  [
    "added: the name does not exist yet",
    e(["192.0.2.1"]),
    { rcode: "NXDOMAIN", records: [] },
    "missing 192.0.2.1; answers nothing (NXDOMAIN)",
  ],
  ["removed: no longer answered", e([], { absent: ["192.0.2.1"] }), ok("192.0.2.9"), undefined],
  [
    "removed: still answered",
    e([], { absent: ["192.0.2.1"] }),
    ok("192.0.2.1", "192.0.2.9"),
    "unexpected 192.0.2.1; answers 192.0.2.1, 192.0.2.9",
  ],
  ["removed: the name is gone", e([], { absent: ["192.0.2.1"] }), { rcode: "NOERROR", records: [] }, undefined],
  ["changed: the new value in, the old out", e(["192.0.2.2"], { absent: ["192.0.2.1"] }), ok("192.0.2.2"), undefined],
  [
    "exact: an extra record differs",
    e(["192.0.2.1"], { exact: true }),
    ok("192.0.2.1", "192.0.2.9"),
    "unexpected 192.0.2.9; answers 192.0.2.1, 192.0.2.9",
  ],
  ["a server that does not answer confirms nothing", e([], { absent: ["192.0.2.1"] }), { failure: "REFUSED" }, "answers REFUSED"],
  [
    "declared forms are canonicalised",
    { name: "x.example.cz", type: "MX", present: ["010 MAIL.example.cz."] },
    ok("10 mail.example.cz"),
    undefined,
  ],
])("%s", (_why, expectation, observation, expected) => {
  const d = compare(expectation, observation);
  const text = d && [
    d.missing.length ? `missing ${d.missing.join(", ")}` : "",
    d.unexpected.length ? `unexpected ${d.unexpected.join(", ")}` : "",
    `answers ${d.answer}`,
  ];
  expect(text?.filter(Boolean).join("; ")).toBe(expected);
});

test("a difference names the record, what was expected and what was served", () => {
  expect(compare(e(["192.0.2.2", "192.0.2.1"], { exact: true }), ok("192.0.2.1"))).toEqual({
    name: "www.example.cz",
    type: "A",
    expected: ["192.0.2.1", "192.0.2.2"],
    absent: [],
    served: ["192.0.2.1"],
    answer: "192.0.2.1",
    missing: ["192.0.2.2"],
    unexpected: [],
  });
  expect(served({ rcode: "NOERROR", records: [] })).toBe("nothing (NODATA)");
});
