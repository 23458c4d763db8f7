/**
 * formatZoneFile: the file a person reads, and the contract that parseZoneFile reads it back to
 * exactly the records given (name, type, ttl, rdata) for every type the parser supports.
 */
import { type FormattedRecord, formatZoneFile, parseZoneFile, type ZoneFileRecord } from "../../../provider/zonefile";
import { txtChunks } from "../../../provider/zonefile/format";
import { CORPUS, r } from "../../fixtures/zonefile/corpus";

const roundTrip = (origin: string, records: FormattedRecord[]) => parseZoneFile(formatZoneFile(origin, records), origin);
const bare = (records: FormattedRecord[]): ZoneFileRecord[] => records.map(({ comment: _comment, ...rest }) => rest);

test("the file: header, $ORIGIN, the most common TTL as $TTL, aligned columns, comments", () => {
  const text = formatZoneFile(
    "Example.com.",
    [
      r("", "SOA", 3600, "ns1.example.com. hostmaster.example.com. 2024061501 7200 1800 1209600 300"),
      r("", "NS", 86400, "ns1.example.com."),
      { ...r("", "A", 600, "192.0.2.1"), comment: "line telecom,\n disabled" },
      r("www", "CNAME", 600, "example.com."),
      r("_sip._tcp", "SRV", 600, "10 5 5060 sip.example.com."),
      { name: "go", type: "URL", ttl: 600, rdata: "https://example.net/", comment: "remark: forward" },
      r("dkim._domainkey", "TXT", 600, `v=DKIM1; p=${"A".repeat(250)}`),
    ],
    { header: ["exported from DNSPod domain example.com"] },
  );
  expect(text).toBe(
    [
      "; example.com: BIND master file (RFC 1035) written by pulumi-dnspod-wedos",
      "; exported from DNSPod domain example.com",
      '; Lines "; TYPE name value" are records a zone file cannot express (such as URL forwarding); they are not read back.',
      "$ORIGIN example.com.",
      "$TTL 600",
      "",
      "@               3600  IN SOA   ns1.example.com. hostmaster.example.com. (",
      "                                 2024061501   ; serial",
      "                                 7200         ; refresh",
      "                                 1800         ; retry",
      "                                 1209600      ; expire",
      "                                 300 )        ; minimum",
      "@               86400 IN NS    ns1.example.com.",
      "@                     IN A     192.0.2.1 ; line telecom, disabled",
      "www                   IN CNAME example.com.",
      "_sip._tcp             IN SRV   10 5 5060 sip.example.com.",
      '; URL go "https://example.net/" ; remark: forward',
      `dkim._domainkey       IN TXT   ( "v=DKIM1; p=${"A".repeat(244)}"`,
      `                                 "${"A".repeat(6)}" )`,
      "",
    ].join("\n"),
  );
});

describe("round trip: parseZoneFile(formatZoneFile(records)) is the records", () => {
  test.each(Object.keys(CORPUS))("the records of %s", (file) => {
    const { origin, records } = CORPUS[file]!;
    expect(roundTrip(origin, records)).toStrictEqual(records);
  });

  const VARIED: ZoneFileRecord[] = [
    r("", "SOA", 3600, "ns1.example.com. hostmaster.example.com. 4294967295 0 0 0 0"),
    r("", "A", 3600, "192.0.2.1"),
    r("*", "A", 60, "192.0.2.2"),
    r("*.dev", "AAAA", 3600, "2001:db8::1"),
    r("www", "CNAME", 3600, "www.example.net."),
    r("", "MX", 3600, "0 ."),
    r("", "MX", 3600, "65535 mail.example.com."),
    r("sub", "NS", 172800, "ns1.sub.example.com."),
    r("_sip._tcp", "SRV", 3600, "10 5 5060 sip.example.com."),
    r("_sip._udp", "SRV", 3600, "0 0 0 ."),
    r("", "CAA", 3600, '0 issue "letsencrypt.org; validationmethods=dns-01"'),
    r("", "CAA", 3600, '128 iodef "mailto:a\\"b\\\\c@example.com"'),
    r("_443._tcp.www", "TLSA", 3600, `3 1 1 ${"ab".repeat(32)}`),
    r("_443._tcp.www", "TLSA", 3600, "3 0 0 3082010a"),
    r("host", "SSHFP", 3600, `4 2 ${"0f".repeat(32)}`),
    r("", "TXT", 3600, 'quotes "inside" and \\backslashes\\ and ; semicolons ; ( parens )'),
    r("", "TXT", 3600, ""),
    r("", "TXT", 0, " leading and trailing spaces "),
    r("long", "TXT", 3600, "x".repeat(255)),
    r("long", "TXT", 3600, "y".repeat(256)),
    r("long", "TXT", 3600, "z".repeat(1000)),
    r("unicode", "TXT", 3600, "Příliš žluťoučký kůň 日本語 😀 ".repeat(20)),
    r("control", "TXT", 3600, "tab\there\r\nnew line \u0000 nul \u007f del"),
    r("dollar", "TXT", 3600, "$TTL 5 @ $ORIGIN evil."),
    r("a-b_c.d-e", "TXT", 2147483647, "v=spf1 -all"),
  ];

  test("a varied corpus: every type, apex, wildcard, _sip._tcp, awkward TXT, extreme numbers", () => {
    expect(roundTrip("example.com", VARIED)).toStrictEqual(VARIED);
  });

  test("records without a TTL: no $TTL is written, and the others carry theirs", () => {
    const records = [r("", "A", undefined, "192.0.2.1"), r("www", "A", 300, "192.0.2.2"), r("www", "A", 300, "192.0.2.3")];
    const text = formatZoneFile("example.com", records, { defaultTtl: 300 });
    expect(text).not.toContain("$TTL");
    expect(parseZoneFile(text, "example.com")).toStrictEqual(records);
  });

  test("TXT of random text from an awkward alphabet (seeded)", () => {
    let seed = 20240615;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = ['"', "\\", ";", "(", ")", " ", "\t", "\n", "$", "@", "é", "日", "😀", "a", "Z", "0", "\\065"];
    const records = Array.from({ length: 200 }, (_, i) => {
      const length = Math.floor(random() * 700);
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      return r(`t${i}`, "TXT", 300, text);
    });
    expect(roundTrip("example.com", records)).toStrictEqual(records);
  });

  test("comments and unexpressible records are not read back", () => {
    const records: FormattedRecord[] = [
      { ...r("", "A", 600, "192.0.2.1"), comment: "line telecom" },
      { name: "www", type: "URL", ttl: 600, rdata: "https://example.net/" },
      { name: "", type: "Framed URL", ttl: 600, rdata: "https://example.net/\n; A 192.0.2.66" },
    ];
    const text = formatZoneFile("example.com", records);
    expect(text).toContain('; Framed URL @ "https://example.net/\\n; A 192.0.2.66"\n');
    expect(parseZoneFile(text, "example.com")).toStrictEqual(bare(records.slice(0, 1)));
  });
});

describe("$TTL", () => {
  test.each([
    ["the most common TTL", [300, 600, 600, 300, 600], {}, "$TTL 600"],
    ["the first of equally common TTLs", [300, 600, 600, 300], {}, "$TTL 300"],
    ["opts.defaultTtl", [300, 600], { defaultTtl: 3600 }, "$TTL 3600"],
  ])("%s", (_what, ttls, opts, line) => {
    const records = ttls.map((ttl, i) => r(`h${i}`, "A", ttl, "192.0.2.1"));
    const text = formatZoneFile("example.com", records, opts);
    expect(text.split("\n")).toContain(line);
    expect(parseZoneFile(text, "example.com")).toStrictEqual(records);
  });

  test("no records: no $TTL, no records read back", () => {
    expect(formatZoneFile("example.com", [])).toBe(
      "; example.com: BIND master file (RFC 1035) written by pulumi-dnspod-wedos\n$ORIGIN example.com.\n\n",
    );
  });
});

test("TXT is cut into strings of at most 255 UTF-8 bytes, never inside a character", () => {
  const text = "é".repeat(200) + "😀".repeat(100);
  const chunks = txtChunks(text);
  expect(chunks.join("")).toBe(text);
  expect(chunks.map((c) => Buffer.byteLength(c))).toEqual([254, 254, 252, 40]);
  expect(txtChunks("")).toEqual([""]);
});

describe("records not in parseZoneFile's form are refused, naming the record", () => {
  const HINT =
    "Fix: give records in the form parseZoneFile returns (name relative and lower-case, type upper-case, names in rdata absolute with a trailing dot, hex and IPv6 lower-case)";
  test.each([
    [
      r("www", "CNAME", 300, "www.example.net"),
      'would read back as {"name":"www","type":"CNAME","ttl":300,"rdata":"www.example.net.example.com."}',
    ],
    [r("", "AAAA", 300, "2001:DB8::1"), 'would read back as {"name":"","type":"AAAA","ttl":300,"rdata":"2001:db8::1"}'],
    [r("WWW", "A", 300, "192.0.2.1"), 'would read back as {"name":"www","type":"A","ttl":300,"rdata":"192.0.2.1"}'],
    [r("www", "a", 300, "192.0.2.1"), 'would read back as {"name":"www","type":"A","ttl":300,"rdata":"192.0.2.1"}'],
  ])("%j", (record, readBack) => {
    expect(() => formatZoneFile("example.com", [record])).toThrow(`formatZoneFile: record ${JSON.stringify(record)} ${readBack}. ${HINT}`);
  });

  test("a record the parser rejects", () => {
    const record = r("www", "A", 300, "1.2.3");
    expect(() => formatZoneFile("example.com", [r("", "A", 300, "192.0.2.1"), record])).toThrow(
      `formatZoneFile: record ${JSON.stringify(record)} cannot be written as a zone file line: "1.2.3" is not ` +
        `an IPv4 address for this A record. Fix: write four numbers 0-255 separated by dots, e.g. 192.0.2.10 ` +
        `(IPv6 addresses go in AAAA records). ${HINT}`,
    );
  });

  test("rdata that would smuggle in another record", () => {
    expect(() => formatZoneFile("example.com", [r("www", "A", 300, "192.0.2.1\nevil A 192.0.2.66")])).toThrow(
      /^formatZoneFile: record .* would read back as/,
    );
  });

  test("an origin that is not a domain name", () => {
    expect(() => formatZoneFile("not a zone", [])).toThrow(
      new TypeError('formatZoneFile: origin "not a zone" is not a domain name. Fix: pass the zone\'s name, e.g. "example.com"'),
    );
  });
});
