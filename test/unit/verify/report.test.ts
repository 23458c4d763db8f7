/** `verify`'s table: one line per nameserver, a table of its differences, long values cut; the JSON whole. */
import { buildReport, renderText } from "../../../provider/verify/report";

const DKIM = `v=DKIM1; k=rsa; p=${"A".repeat(400)}`;

const report = buildReport({ api: "wedos", zone: "example.cz", source: "WEDOS (dns-rows-list)", rrsets: 3, notVerified: [] }, [
  { server: { label: "ns.wedos.net", host: "192.0.2.1", port: 53 }, differences: [], queries: 3 },
  {
    server: { label: "2001:db8::53", host: "2001:db8::53", port: 53 },
    queries: 3,
    differences: [
      {
        name: "sel1._domainkey.example.cz",
        type: "TXT",
        expected: [DKIM],
        absent: [],
        served: [],
        answer: "nothing (NXDOMAIN)",
        missing: [DKIM],
        unexpected: [],
      },
      {
        name: "www.example.cz",
        type: "A",
        expected: ["192.0.2.2"],
        absent: [],
        served: ["192.0.2.1"],
        answer: "192.0.2.1",
        missing: ["192.0.2.2"],
        unexpected: ["192.0.2.1"],
      },
      {
        name: "old.example.cz",
        type: "A",
        expected: [],
        absent: ["192.0.2.9"],
        served: [],
        answer: "REFUSED",
        missing: [],
        unexpected: [],
      },
    ],
  },
]);

test("the table", () => {
  expect(renderText(report)).toBe(
    [
      "WEDOS example.cz: 3 RRsets from WEDOS (dns-rows-list), asked of 2 nameservers",
      "ns.wedos.net (192.0.2.1:53): agrees",
      "2001:db8::53 ([2001:db8::53]:53): 3 differences",
      "  NAME                        TYPE  EXPECTED                                          SERVED",
      `  sel1._domainkey.example.cz  TXT   "v=DKIM1; k=rsa; p=AAAAAAAAAAAAAAAAAAAAAAAAAAAA…  nothing (NXDOMAIN)`,
      "  www.example.cz              A     192.0.2.2                                         192.0.2.1",
      "  old.example.cz              A     not 192.0.2.9                                     REFUSED",
      "1 of 2 nameservers differ from WEDOS (dns-rows-list).",
      "",
    ].join("\n"),
  );
});

test("the JSON: totals and whole values", () => {
  expect([report.agree, report.queries, report.nameservers.map((n) => [n.server, n.address, n.agree])]).toEqual([
    false,
    6,
    [
      ["ns.wedos.net", "192.0.2.1:53", true],
      ["2001:db8::53", "[2001:db8::53]:53", false],
    ],
  ]);
  expect(report.nameservers[1]!.differences[0]!.expected[0]).toBe(DKIM);
});
