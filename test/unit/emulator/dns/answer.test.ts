/**
 * The authoritative answer logic on its own: which section gets what, AA, and the rcode, for every
 * case a nameserver distinguishes (RFC 1034 §4.3.2, RFC 2308, RFC 4592).
 */
import { answer, type Reply } from "../../../../emulator/dns/answer";
import type { ServedZone } from "../../../../emulator/dns/served-zone";
import { zone } from "./zone-fixture";

const z = zone();
const zoneOf = (name: string): ServedZone | undefined => (name === "example.cz" || name.endsWith(".example.cz") ? z : undefined);
const ask = (name: string, type = "A", klass = "IN") => answer({ name, type, class: klass }, zoneOf);

/** A reply as "rcode aa | answers | authorities | additionals", each record "name type data". */
function show(r: Reply): string {
  const rr = (list: Reply["answers"]) =>
    list.map((x) => `${x.name} ${x.rrtype} ${typeof x.data === "string" ? x.data : JSON.stringify(x.data)}`).join(", ");
  return `${r.rcode}${r.aa ? " aa" : ""} | ${rr(r.answers)} | ${rr(r.authorities)} | ${rr(r.additionals)}`;
}

const SOA =
  'example.cz SOA {"mname":"ns.wedos.net","rname":"hostmaster.wedos.com","refresh":10800,"retry":3600,"expire":1209600,"minimum":300,"serial":2025010101}';

test.each([
  [
    "an RRset, identical records once",
    "www.example.cz",
    "A",
    "NOERROR aa | www.example.cz A 192.0.2.10, www.example.cz A 192.0.2.11 |  | ",
  ],
  [
    "the question's case is echoed in the owner",
    "WwW.Example.CZ",
    "A",
    "NOERROR aa | WwW.Example.CZ A 192.0.2.10, WwW.Example.CZ A 192.0.2.11 |  | ",
  ],
  ["NODATA: the name exists without the type", "www.example.cz", "AAAA", `NOERROR aa |  | ${SOA} | `],
  ["NODATA at an empty non-terminal", "b.deep.example.cz", "TXT", `NOERROR aa |  | ${SOA} | `],
  ["NXDOMAIN with the SOA", "nothing.example.cz", "A", `NXDOMAIN aa |  | ${SOA} | `],
  [
    "a CNAME and its in-zone target",
    "alias.example.cz",
    "A",
    "NOERROR aa | alias.example.cz CNAME www.example.cz, www.example.cz A 192.0.2.10, www.example.cz A 192.0.2.11 |  | ",
  ],
  [
    "a chain of two",
    "chain.example.cz",
    "A",
    "NOERROR aa | chain.example.cz CNAME alias.example.cz, alias.example.cz CNAME www.example.cz, www.example.cz A 192.0.2.10, www.example.cz A 192.0.2.11 |  | ",
  ],
  ["the CNAME itself when asked for it", "alias.example.cz", "CNAME", "NOERROR aa | alias.example.cz CNAME www.example.cz |  | "],
  ["a target outside the zone is left to the resolver", "away.example.cz", "A", "NOERROR aa | away.example.cz CNAME www.example.net |  | "],
  [
    "a dangling target is NXDOMAIN (RFC 6604)",
    "dangling.example.cz",
    "A",
    `NXDOMAIN aa | dangling.example.cz CNAME nothing.example.cz | ${SOA} | `,
  ],
  ["a wildcard answers for a name below it", "x.dev.example.cz", "A", "NOERROR aa | x.dev.example.cz A 192.0.2.40 |  | "],
  ["the wildcard's own name is answered literally", "*.dev.example.cz", "A", "NOERROR aa | *.dev.example.cz A 192.0.2.40 |  | "],
  ["a wildcard does not answer a name that exists", "dev.example.cz", "A", `NOERROR aa |  | ${SOA} | `],
  [
    "a referral below a delegation, with glue, not authoritative",
    "www.sub.example.cz",
    "A",
    "NOERROR |  | sub.example.cz NS ns1.sub.example.cz | ns1.sub.example.cz A 192.0.2.53",
  ],
  [
    "the delegation's NS as a referral too",
    "sub.example.cz",
    "NS",
    "NOERROR |  | sub.example.cz NS ns1.sub.example.cz | ns1.sub.example.cz A 192.0.2.53",
  ],
  ["apex NS", "example.cz", "NS", "NOERROR aa | example.cz NS ns.wedos.net, example.cz NS ns.wedos.eu |  | "],
  ["MX", "example.cz", "MX", 'NOERROR aa | example.cz MX {"preference":10,"exchange":"mail.example.cz"} |  | '],
  [
    "SSHFP as raw RDATA of type 44",
    "git.example.cz",
    "SSHFP",
    `NOERROR aa | git.example.cz SSHFP ${JSON.stringify(Buffer.from("0402cef2c8d0a0a0c2a8b137af7ed4a8df67820431a4ac2d4962ef0d989fb4d0cf9e", "hex"))} |  | `,
  ],
  ["data with no wire form is not served: the name does not exist", "broken.example.cz", "A", `NXDOMAIN aa |  | ${SOA} | `],
  ["outside every zone: REFUSED", "example.com", "A", "REFUSED |  |  | "],
  ["no zone transfers", "example.cz", "AXFR", "REFUSED aa |  |  | "],
])("%s", (_why, name, type, expected) => {
  expect(show(ask(name, type))).toBe(expected);
});

test("ANY returns every RRset at the name; CHAOS class is refused", () => {
  expect(ask("example.cz", "ANY").answers.map((r) => r.rrtype)).toEqual(["SOA", "NS", "NS", "A", "MX"]);
  expect(show(ask("example.cz", "A", "CH"))).toBe("REFUSED |  |  | ");
});

test("the SOA is the zone's, with the serial it was published under", () => {
  expect(ask("example.cz", "SOA").answers).toEqual([
    {
      name: "example.cz",
      type: "SOA",
      rrtype: "SOA",
      ttl: 300,
      data: {
        mname: "ns.wedos.net",
        rname: "hostmaster.wedos.com",
        serial: 2025010101,
        refresh: 10800,
        retry: 3600,
        expire: 1209600,
        minimum: 300,
      },
    },
  ]);
});
