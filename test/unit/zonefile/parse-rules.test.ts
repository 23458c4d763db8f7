/**
 * The rules of parseZoneFile one at a time, each on a few lines of zone file: what a master file
 * means (RFC 1035 §5, RFC 2308 $TTL, BIND's TTL units) and the canonical rdata we return.
 */
import { parseZoneFile } from "../../../provider/zonefile";
import { r } from "../../fixtures/zonefile/corpus";

const parse = (text: string) => parseZoneFile(text, "example.com");

describe("names", () => {
  test.each([
    ["@ A 192.0.2.1", ""],
    ["example.com. A 192.0.2.1", ""],
    ["WWW A 192.0.2.1", "www"],
    ["Www.Example.Com. A 192.0.2.1", "www"],
    ["*.dev A 192.0.2.1", "*.dev"],
    ["* A 192.0.2.1", "*"],
    ["_sip._tcp SRV 1 2 3 sip", "_sip._tcp"],
    ["a.b.c.example.com. A 192.0.2.1", "a.b.c"],
  ])("owner of %j is %j", (line, name) => {
    expect(parse(line)[0]!.name).toBe(name);
  });

  test("$ORIGIN absolute, relative to the current origin, and @ in rdata follows it", () => {
    const text = ["$ORIGIN dev.example.com.", "www CNAME @", "$ORIGIN api", "@ CNAME www.dev.example.com.", "v1 CNAME @"].join("\n");
    expect(parse(text)).toStrictEqual([
      r("www.dev", "CNAME", undefined, "dev.example.com."),
      r("api.dev", "CNAME", undefined, "www.dev.example.com."),
      r("v1.api.dev", "CNAME", undefined, "api.dev.example.com."),
    ]);
  });

  test("a blank owner is the previous record's owner, also across a $TTL line and after a continuation", () => {
    const text = ["mail A 192.0.2.1", "$TTL 60", "     AAAA 2001:db8::1", 'txt TXT ( "a"', '  "b" )', "\tTXT c"].join("\n");
    expect(parse(text)).toStrictEqual([
      r("mail", "A", undefined, "192.0.2.1"),
      r("mail", "AAAA", 60, "2001:db8::1"),
      r("txt", "TXT", 60, "ab"),
      r("txt", "TXT", 60, "c"),
    ]);
  });

  test("names in rdata are made absolute and lower-case, the root stays the root", () => {
    expect(parse("@ MX 10 MAIL\n@ MX 0 .\n@ NS ns1.EXAMPLE.net.\nx CNAME y.z\n_a._tcp SRV 0 0 0 .").map((x) => x.rdata)).toEqual([
      "10 mail.example.com.",
      "0 .",
      "ns1.example.net.",
      "y.z.example.com.",
      "0 0 0 .",
    ]);
  });
});

describe("TTL and class", () => {
  test.each([
    ["www 300 IN A 192.0.2.1", 300],
    ["www IN 300 A 192.0.2.1", 300],
    ["www in 1h a 192.0.2.1", 3600],
    ["www 1H30M IN A 192.0.2.1", 5400],
    ["www 2d A 192.0.2.1", 172800],
    ["www 1w2d3h4m5s A 192.0.2.1", 604800 + 172800 + 10800 + 240 + 5],
    ["www 0 A 192.0.2.1", 0],
    ["www 2147483647 A 192.0.2.1", 2147483647],
  ])("%j has ttl %d", (line, ttl) => {
    expect(parse(line)[0]!.ttl).toBe(ttl);
  });

  test("no TTL and no $TTL: ttl is left out; $TTL applies from its line on; an explicit TTL wins", () => {
    expect(parse("a A 192.0.2.1\n$TTL 30m\nb A 192.0.2.2\nc 5 A 192.0.2.3\n$TTL 1d\nd A 192.0.2.4")).toStrictEqual([
      r("a", "A", undefined, "192.0.2.1"),
      r("b", "A", 1800, "192.0.2.2"),
      r("c", "A", 5, "192.0.2.3"),
      r("d", "A", 86400, "192.0.2.4"),
    ]);
  });
});

describe("rdata in canonical form", () => {
  test.each([
    ["AAAA 2001:DB8::AbCd", "2001:db8::abcd"],
    ["MX ( 010\n mail.example.net. )", "10 mail.example.net."],
    ["SRV 010 05 05060 SIP.example.com.", "10 5 5060 sip.example.com."],
    ['CAA 0 ISSUE "letsencrypt.org"', '0 issue "letsencrypt.org"'],
    ["CAA 0 issue letsencrypt.org", '0 issue "letsencrypt.org"'],
    ['CAA 0 iodef "mailto:a\\"b@example.com"', '0 iodef "mailto:a\\"b@example.com"'],
    ["TLSA 3 0 0 ( 30 82 01 0A )", "3 0 0 3082010a"],
    ["SSHFP 2 1 ( AABBCCDDEE\n FF00112233\n 4455667788\n 99AABBCCDD )", "2 1 aabbccddeeff00112233445566778899aabbccdd"],
    ["SOA ns1 hostmaster 2024010101 1h 15m 1w 5m", "ns1.example.com. hostmaster.example.com. 2024010101 3600 900 604800 300"],
  ])("%j → %j", (data, rdata) => {
    expect(parse(`@ ${data}`)[0]!.rdata).toBe(rdata);
  });
});

describe("TXT", () => {
  test.each([
    ['"v=spf1 -all"', "v=spf1 -all"],
    ['"v=DKIM1; k=rsa; " "p=MIGf"', "v=DKIM1; k=rsa; p=MIGf"],
    ['"a" "" "b"', "ab"],
    ['""', ""],
    ['"say \\"hi\\""', 'say "hi"'],
    ['"back\\\\slash"', "back\\slash"],
    ['"\\065\\066\\067 \\097"', "ABC a"],
    ['"caf\\195\\169"', "café"],
    ['"日本語 ✓"', "日本語 ✓"],
    ['"tab\\009and\\010newline"', "tab\tand\nnewline"],
    ['"semi;colon" ; a real comment', "semi;colon"],
    ['"paren ( inside )"', "paren ( inside )"],
    ["google-site-verification=abc123", "google-site-verification=abc123"],
    // RFC 1035: unquoted words are separate strings, and the strings of a TXT are concatenated.
    ["two words", "twowords"],
    ["escaped\\ space", "escaped space"],
  ])("TXT %s → %j", (data, rdata) => {
    expect(parse(`@ TXT ${data}`)[0]!.rdata).toBe(rdata);
  });

  test("a TXT longer than one 255-byte string, over lines in parentheses", () => {
    const a = "a".repeat(255);
    const b = "b".repeat(100);
    expect(parse(`@ TXT (\n  "${a}"\n  "${b}" ; the rest\n)`)).toStrictEqual([r("", "TXT", undefined, a + b)]);
  });
});

describe("comments and layout", () => {
  test("comments anywhere outside quotes, blank and comment-only lines, tabs", () => {
    const text =
      "; header\n\n\t; indented comment\n@\tIN\tA\t192.0.2.1 ; trailing\n@ IN SOA ns1 hm ( ; opened\n 1 ; serial\n 2 3 4 5 ) ; closed\n";
    expect(parse(text)).toStrictEqual([
      r("", "A", undefined, "192.0.2.1"),
      r("", "SOA", undefined, "ns1.example.com. hm.example.com. 1 2 3 4 5"),
    ]);
  });

  test("an empty file and a file of comments have no records", () => {
    expect(parse("")).toStrictEqual([]);
    expect(parse("; nothing here\n\n   \n")).toStrictEqual([]);
  });
});
