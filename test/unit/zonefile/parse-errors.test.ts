/**
 * Every mistake parseZoneFile reports: a ZoneFileError with the exact line and column of the
 * offending text, and a message that says what was expected and how to fix it.
 */
import { parseZoneFile, ZoneFileError } from "../../../provider/zonefile";

function errorOf(text: string): { line: number; column: number; message: string } {
  try {
    parseZoneFile(text, "example.com");
  } catch (e) {
    if (!(e instanceof ZoneFileError)) throw e;
    expect(e.message).toBe(`zone file line ${e.line}, column ${e.column}: ${e.reason}`);
    return { line: e.line, column: e.column, message: e.reason };
  }
  throw new Error(`no error for ${JSON.stringify(text)}`);
}

const FIX_TTL = "Fix: give seconds (3600) or BIND units such as 30m, 1h, 1h30m, 2d, 1w";
const FIX_EXTRA = 'Fix: remove it, or start a comment with ";"';
const FIX_LABEL = 'may hold only letters, digits, "-" and "_", and may not start or end with "-". Fix: correct the label';
const TYPES = "A, AAAA, CNAME, MX, TXT, NS, SRV, CAA, TLSA, SSHFP, SOA";
const OUTSIDE = 'Fix: write names of this zone only, relative ("www") or ending in ".example.com."';

// [what, zone file text, line, column, message]
const CASES: [string, string, number, number, string][] = [
  // record types and data
  [
    "unknown type",
    "$TTL 1h\n@ SOA ns1 hm 1 2 3 4 5\n\nwww IN PTR host.example.com.",
    4,
    8,
    `record type "PTR" is not supported. Fix: use one of the types WEDOS and DNSPod take: ${TYPES}`,
  ],
  [
    "bad IPv4",
    "$TTL 1h\n; web\nwww   300  IN  A   1.2.3",
    3,
    20,
    '"1.2.3" is not an IPv4 address for this A record. Fix: write four numbers 0-255 separated by dots, e.g. 192.0.2.10 (IPv6 addresses go in AAAA records)',
  ],
  [
    "bad IPv6",
    "www AAAA 2001:db8::g",
    1,
    10,
    '"2001:db8::g" is not an IPv6 address for this AAAA record. Fix: write e.g. 2001:db8::10 (IPv4 addresses go in A records)',
  ],
  [
    "IPv4 in AAAA",
    "www AAAA 192.0.2.1",
    1,
    10,
    '"192.0.2.1" is not an IPv6 address for this AAAA record. Fix: write e.g. 2001:db8::10 (IPv4 addresses go in A records)',
  ],
  [
    "missing MX exchange",
    "mail MX 10",
    1,
    6,
    'this MX record needs <preference> <exchange> after MX, found only "10". Fix: write e.g. "MX 10 mail.example.com."',
  ],
  ["A without address", "www A", 1, 5, 'this A record needs an IPv4 address after A, found nothing. Fix: write e.g. "A 192.0.2.10"'],
  [
    "TXT without strings",
    "@ TXT",
    1,
    3,
    `this TXT record needs one or more strings after TXT, found nothing. Fix: write e.g. 'TXT "v=spf1 -all"'`,
  ],
  [
    "short SOA",
    "@ SOA ns1 hm 1 2 3",
    1,
    3,
    "this SOA record needs <mname> <rname> <serial> <refresh> <retry> <expire> <minimum> after SOA, found " +
      'only "ns1 hm 1 2 3". Fix: write e.g. "SOA ns1.example.com. hostmaster.example.com. 1 2h 30m 2w 1h"',
  ],
  [
    "SRV without port",
    "_sip._tcp SRV 10 5 sip.example.com.",
    1,
    11,
    'this SRV record needs <priority> <weight> <port> <target> after SRV, found only "10 5 sip.example.com.". Fix: write e.g. "SRV 10 5 5060 sip.example.com."',
  ],
  ["two addresses", "www A 192.0.2.1 192.0.2.2", 1, 17, `unexpected "192.0.2.2": this A record takes only an IPv4 address. ${FIX_EXTRA}`],
  ["MX preference too big", "@ MX 70000 mail", 1, 6, '"70000" is not a valid MX preference. Fix: write a whole number from 0 to 65535'],
  ["MX preference in words", "@ MX ten mail", 1, 6, '"ten" is not a valid MX preference. Fix: write a whole number from 0 to 65535'],
  [
    "TLSA digest too short",
    "_443._tcp TLSA 3 1 1 abcd",
    1,
    22,
    "the certificate association data has 4 hex digits, expected 64 for matching type 1 (SHA-256). Fix: paste the whole certificate association data",
  ],
  [
    "TLSA not hex",
    "_443._tcp TLSA 3 1 0 xyz",
    1,
    22,
    '"xyz" is not hexadecimal certificate association data. Fix: write the certificate association data as hex digits 0-9 and a-f',
  ],
  [
    "TLSA odd hex",
    "_443._tcp TLSA 3 1 0 abc",
    1,
    22,
    "the certificate association data has 3 hex digits, expected an even number. Fix: paste the whole certificate association data",
  ],
  ["TLSA usage", "_443._tcp TLSA 4 1 1 abcd", 1, 16, '"4" is not a valid TLSA certificate usage. Fix: write a whole number from 0 to 3'],
  [
    "SSHFP digest length",
    "host SSHFP 4 2 abc",
    1,
    16,
    "the fingerprint has 3 hex digits, expected 64 for fingerprint type 2 (SHA-256). Fix: paste the whole fingerprint",
  ],
  ["CAA tag", '@ CAA 0 is-sue "x"', 1, 9, '"is-sue" is not a CAA tag. Fix: use issue, issuewild or iodef'],
  ["CAA flags", '@ CAA 256 issue "x"', 1, 7, '"256" is not a valid CAA flags value. Fix: write a whole number from 0 to 255'],
  ["SOA time unit", "@ SOA ns1 hm 1 2h 30x 1w 1h", 1, 19, `"30x" is not a SOA retry time. ${FIX_TTL}`],
  ["SOA serial", "@ SOA ns1 hm -1 2h 30m 1w 1h", 1, 14, '"-1" is not a valid SOA serial. Fix: write a whole number from 0 to 4294967295'],
  // lexical
  [
    "unterminated quote",
    '@ TXT "v=spf1 -all',
    1,
    7,
    `quoted string is not closed on this line. Fix: add the closing '"' (a '"' inside the text is written \\")`,
  ],
  [
    "quote closed on the next line",
    '@ TXT "first\nsecond"',
    1,
    7,
    `quoted string is not closed on this line. Fix: add the closing '"' (a '"' inside the text is written \\")`,
  ],
  ["parenthesis never closed", "@ SOA ns1 hm (\n 1 2 3\n 4 5\n", 1, 14, '"(" is never closed. Fix: add ")" after the record\'s last field'],
  [
    "closing parenthesis alone",
    "www A 192.0.2.1 )",
    1,
    17,
    '")" without a matching "(". Fix: remove it, or add "(" where the record\'s continuation starts',
  ],
  [
    "nested parentheses",
    "@ SOA ns1 hm ( 1 2\n ( 3 4 5 ) )",
    2,
    2,
    '"(" inside parentheses opened at line 1, column 14. Fix: remove one of them; parentheses do not nest',
  ],
  [
    "byte escape over 255",
    '@ TXT "\\256"',
    1,
    8,
    '"\\256" is not a byte escape. Fix: write a byte as three digits 000-255 (\\032 is a space), or "\\\\" for a backslash',
  ],
  [
    "byte escape of two digits",
    '@ TXT "ok\\12x"',
    1,
    10,
    '"\\12" is not a byte escape. Fix: write a byte as three digits 000-255 (\\032 is a space), or "\\\\" for a backslash',
  ],
  [
    "escapes that are not UTF-8",
    '@ TXT "\\255\\255"',
    1,
    7,
    'the \\DDD escapes in "\\255\\255" are not UTF-8 text. Fix: write the text itself, or escape each byte of its UTF-8 form',
  ],
  // directives
  [
    "$INCLUDE",
    "@ A 192.0.2.1\n$INCLUDE common.zone",
    2,
    1,
    "$INCLUDE is not supported: parseZoneFile reads one text and opens no files. Fix: paste the included " +
      "records in its place (under the $ORIGIN it gives), or parse that file on its own and concatenate the " +
      "two arrays",
  ],
  [
    "$GENERATE",
    "$GENERATE 1-10 host$ A 192.0.2.$",
    1,
    1,
    "$GENERATE (a BIND extension) is not supported. Fix: write the generated records out one by one",
  ],
  ["unknown directive", "$FOO bar", 1, 1, 'unknown directive "$FOO". Fix: use $ORIGIN or $TTL'],
  ["$ORIGIN without a value", "$ORIGIN ; later", 1, 1, '$ORIGIN needs a value. Fix: write e.g. "$ORIGIN example.com."'],
  ["$TTL with two values", "$TTL 1h 2h", 1, 9, `unexpected "2h" after $TTL 1h. ${FIX_EXTRA}`],
  ["bad $TTL", "$TTL forever", 1, 6, `"forever" is not a TTL. ${FIX_TTL}`],
  // owner, TTL, class
  ["owner in another zone", "ftp.example.net. A 192.0.2.1", 1, 1, `owner "ftp.example.net." is outside the zone example.com. ${OUTSIDE}`],
  [
    "relative owner after $ORIGIN elsewhere",
    "$ORIGIN example.net.\nwww A 192.0.2.1",
    2,
    1,
    `owner "www.example.net." (a relative name is completed with the current $ORIGIN, example.net.) is outside the zone example.com. ${OUTSIDE}`,
  ],
  [
    "a zone that only ends like ours",
    "notexample.com. A 192.0.2.1",
    1,
    1,
    `owner "notexample.com." is outside the zone example.com. ${OUTSIDE}`,
  ],
  [
    "blank owner on the first record",
    "  A 192.0.2.1",
    1,
    3,
    'this line starts with a blank, which means "same owner as the record before", but there is no record before it. Fix: write the owner name (or "@") at the start of the line',
  ],
  ["bad TTL", "www 1x A 192.0.2.1", 1, 5, `"1x" is not a TTL. ${FIX_TTL}`],
  ["TTL over 31 bits", "www 2147483648 A 192.0.2.1", 1, 5, `"2147483648" is not a TTL (at most 2147483647 seconds). ${FIX_TTL}`],
  [
    "two TTLs",
    "www 300 600 A 192.0.2.1",
    1,
    9,
    'a second TTL "600" (or a record type is missing). Fix: give one TTL, then the record type',
  ],
  [
    "type missing before an address",
    "www 192.0.2.1",
    1,
    5,
    '"192.0.2.1" is not a TTL, and the record type is missing. Fix: write the type before the data, e.g. "www A 192.0.2.10"',
  ],
  [
    "no type at all",
    "www 300 IN",
    1,
    9,
    'the record ends after "IN" without a type. Fix: write [TTL] [IN] TYPE DATA after the owner, e.g. "www 3600 IN A 192.0.2.10"',
  ],
  [
    "class CH",
    "www CH A 192.0.2.1",
    1,
    5,
    "class CH is not supported; WEDOS and DNSPod serve only class IN. Fix: write IN, or leave the class out",
  ],
  [
    "class HS after the TTL",
    "www 60 hs A 192.0.2.1",
    1,
    8,
    "class hs is not supported; WEDOS and DNSPod serve only class IN. Fix: write IN, or leave the class out",
  ],
  ["class twice", "www IN IN A 192.0.2.1", 1, 8, 'the class is given twice. Fix: remove one "IN"'],
  // names
  ["label with a leading hyphen", "-bad A 192.0.2.1", 1, 1, `owner name "-bad" is not a valid domain name: label "-bad" ${FIX_LABEL}`],
  [
    "empty label",
    "a..b A 192.0.2.1",
    1,
    1,
    'owner name "a..b" is not a valid domain name: it has an empty label (".." or a leading "."). Fix: remove the extra dot',
  ],
  [
    "wildcard in the middle",
    "wild.*.x A 192.0.2.1",
    1,
    1,
    'owner name "wild.*.x" is not a valid domain name: "*" is allowed only as the leftmost label. Fix: write the wildcard as "*.rest"',
  ],
  [
    "escaped dot in a label",
    "a\\.b A 192.0.2.1",
    1,
    1,
    'owner name "a\\.b" contains a backslash escape; names with "\\." or other escapes inside a label are ' +
      'not supported by this parser nor by WEDOS or DNSPod. Fix: use a name of letters, digits, "-" and "_"',
  ],
  [
    "non-ASCII label",
    "čau A 192.0.2.1",
    1,
    1,
    'owner name "čau" is not a valid domain name: label "čau" is not ASCII. Fix: write an internationalized name in its xn-- (punycode) form',
  ],
  [
    "label over 63 characters",
    `${"x".repeat(64)} A 192.0.2.1`,
    1,
    1,
    `owner name "${"x".repeat(64)}" is not a valid domain name: label "xxxxxxxxxxxx…" is 64 characters long, at most 63 are allowed. Fix: shorten it`,
  ],
  [
    "name over 253 characters",
    `${"abcdefghi.".repeat(25)}example.com. A 192.0.2.1`,
    1,
    1,
    `owner name "${"abcdefghi.".repeat(25)}example.com." is not a valid domain name: it is 261 characters long, at most 253 are allowed. Fix: shorten it`,
  ],
  ["quoted owner", '"www" A 192.0.2.1', 1, 1, 'owner name "www" is quoted. Fix: write names without quotes'],
  ["bad CNAME target", "www CNAME bad_host!", 1, 11, `CNAME target "bad_host!" is not a valid domain name: label "bad_host!" ${FIX_LABEL}`],
  [
    "wildcard CNAME target",
    "www CNAME *.example.com.",
    1,
    11,
    'CNAME target "*.example.com." is not a valid domain name: "*" (a wildcard) belongs only in owner names. Fix: write a host name here',
  ],
  [
    "root as CNAME target",
    "www CNAME .",
    1,
    11,
    'CNAME target "." is not a valid domain name: the root "." is not allowed here. Fix: write a host name',
  ],
];

describe("parseZoneFile errors", () => {
  test.each(CASES)("%s", (_what, text, line, column, message) => {
    expect(errorOf(text)).toEqual({ line, column, message });
  });

  test.each(["", ".", "exa mple.com"])("origin %j is refused before reading", (origin) => {
    expect(() => parseZoneFile("@ A 192.0.2.1", origin)).toThrow(
      new TypeError(`parseZoneFile: origin ${JSON.stringify(origin)} is not a domain name. Fix: pass the zone's name, e.g. "example.com"`),
    );
  });
});
