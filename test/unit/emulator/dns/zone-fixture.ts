/** A small zone with every case the answer logic distinguishes, for the DNS server's unit tests. */
import type { ZoneContent } from "../../../../emulator/dns/content";
import { ServedZone } from "../../../../emulator/dns/served-zone";

const r = (name: string, type: string, rdata: string, ttl = 300) => ({ name, type, ttl, rdata });

export const CONTENT: ZoneContent = {
  zone: "example.cz",
  serial: 2025010101,
  soa: { mname: "ns.wedos.net", rname: "hostmaster.wedos.com", refresh: 10800, retry: 3600, expire: 1209600, minimum: 300 },
  records: [
    r("", "NS", "ns.wedos.net"),
    r("", "NS", "ns.wedos.eu."),
    r("", "A", "192.0.2.10"),
    r("", "MX", "10 mail.example.cz"),
    r("www", "A", "192.0.2.10"),
    r("www", "A", "192.0.2.11"),
    r("WWW", "A", "192.0.2.11"),
    r("alias", "CNAME", "www.example.cz."),
    r("chain", "CNAME", "alias.example.cz"),
    r("away", "CNAME", "www.example.net."),
    r("dangling", "CNAME", "nothing.example.cz."),
    r("*.dev", "A", "192.0.2.40"),
    r("a.b.deep", "TXT", "deep"),
    r("sub", "NS", "ns1.sub.example.cz"),
    r("ns1.sub", "A", "192.0.2.53"),
    r("git", "SSHFP", "4 2 cef2c8d0a0a0c2a8b137af7ed4a8df67820431a4ac2d4962ef0d989fb4d0cf9e"),
    r("broken", "A", "not-an-address"),
  ],
};

export const zone = () => new ServedZone(CONTENT, CONTENT.serial!);
