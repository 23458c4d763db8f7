/**
 * What an API's nameservers serve of one zone, in the API's own presentation form, and how each
 * fake API's state becomes it. These are the rules of the README's "Served DNS":
 * WEDOS serves the rows of its last commit, DNSPod the enabled records of its default line.
 */
import { DNSPOD_NAMESERVERS } from "../dnspod/domains";
import type { DnspodDomain } from "../dnspod/state";
import type { WedosZone } from "../wedos/state";

interface ServedRecord {
  /** Relative to the zone, lower-case, "" for the apex. */
  name: string;
  type: string;
  ttl: number;
  /** Presentation form as the API stores it (WEDOS rdata, DNSPod value; MX with its priority). */
  rdata: string;
}

interface SoaFields {
  mname: string;
  rname: string;
  refresh: number;
  retry: number;
  expire: number;
  minimum: number;
}

export interface ZoneContent {
  /** The zone's name: lower-case ASCII (punycode), no trailing dot. */
  zone: string;
  /** The API's own serial (WEDOS); undefined where the publisher keeps one (DNSPod). */
  serial?: number;
  soa: SoaFields;
  records: ServedRecord[];
}

/**
 * DNSPod's URL forwarding ("URL", "Framed URL") is HTTP, not DNS data: the name answers A with the
 * address of DNSPod's forwarding web servers. The emulator's stand-in for them (TEST-NET-1).
 */
export const URL_FORWARDER = "192.0.2.254";

const unDot = (host: string) => host.replace(/\.$/, "").toLowerCase();

/**
 * A primary zone as of its last commit: the published rows, plus the apex NS of WEDOS's own
 * servers, which WEDOS serves whether or not the zone lists them as rows. Secondary zones are
 * transferred from a primary the emulator does not have, so they are not served.
 */
export function wedosContent(zone: WedosZone): ZoneContent | undefined {
  if (zone.type !== "primary") return undefined;
  const rows = zone.published.map((r) => ({ name: r.name.toLowerCase(), type: r.rdtype, ttl: Number(r.ttl), rdata: r.rdata }));
  const listed = new Set(rows.filter((r) => r.name === "" && r.type === "NS").map((r) => unDot(r.rdata)));
  const own = zone.ns.filter((ns) => !listed.has(unDot(ns))).map((ns) => ({ name: "", type: "NS", ttl: 86400, rdata: ns }));
  return {
    zone: zone.name,
    serial: zone.soa.serial,
    soa: { ...zone.soa, mname: zone.ns[0] ?? "ns.wedos.net" },
    records: [...own, ...rows],
  };
}

/** DNSPod's SOA values (mname is the first name server) [G]. */
const DNSPOD_SOA: Omit<SoaFields, "mname"> = {
  rname: "freednsadmin.dnspod.com",
  refresh: 3600,
  retry: 180,
  expire: 1_209_600,
  minimum: 180,
};

/**
 * An enabled domain's enabled records of the default line ("默认" on dnsapi.cn: the same stored
 * key). Other lines answer only resolvers in their region, which no one place can see.
 */
export function dnspodContent(domain: DnspodDomain): ZoneContent | undefined {
  if (domain.status !== "enable") return undefined;
  const records = domain.records
    .filter((r) => r.enabled && r.line === "default")
    .map((r): ServedRecord => {
      const name = r.subDomain === "@" ? "" : r.subDomain;
      if (r.type === "URL" || r.type === "Framed URL") return { name, type: "A", ttl: r.ttl, rdata: URL_FORWARDER };
      return { name, type: r.type, ttl: r.ttl, rdata: r.type === "MX" ? `${r.mx} ${r.value}` : r.value };
    });
  return { zone: domain.punycode, soa: { mname: DNSPOD_NAMESERVERS[0], ...DNSPOD_SOA }, records };
}
