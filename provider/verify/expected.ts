/**
 * What the nameservers should answer, as pure functions of what the API holds (or a zone file
 * declares): one exact expectation per name and type. What no nameserver answers from one place —
 * DNSPod's other lines, URL forwarding — is listed as not verified instead.
 */
import { fromRecordRow } from "../dnspod/convert";
import { DEFAULT_LINE_KEY } from "../dnspod/lines";
import type { RecordRow } from "../dnspod/schemas";
import type { Expectation } from "../served/compare";
import type { Row } from "../wedos/schemas";
import type { ZoneFileRecord } from "../zonefile";

export interface Expected {
  expectations: Expectation[];
  /** Records that are not compared, each line saying which and why. */
  notVerified: string[];
}

interface Served {
  name: string;
  type: string;
  rdata: string;
  enabled?: boolean;
}

const fqdn = (relative: string, zone: string) => (relative === "" || relative === "@" ? zone : `${relative.toLowerCase()}.${zone}`);
const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

/** One exact expectation per name and type; disabled records must not be answered unless an enabled one has the same data. */
function group(zone: string, records: Served[], inexact: (name: string, type: string) => boolean = () => false): Expectation[] {
  const sets = new Map<string, Expectation>();
  for (const r of records) {
    const name = fqdn(r.name, zone);
    const key = `${name} ${r.type}`;
    const e = sets.get(key) ?? { name, type: r.type, present: [], absent: [], exact: !inexact(name, r.type) };
    (r.enabled === false ? e.absent! : e.present).push(r.rdata);
    sets.set(key, e);
  }
  return [...sets.values()];
}

/** WEDOS serves every row (as of the last commit), and the zone's own nameservers at the apex. */
export function fromWedos(zone: string, rows: Row[], nameservers: string[]): Expected {
  const own = nameservers.map((ns) => ({ name: "", type: "NS", rdata: ns }));
  const records = rows.map((r) => ({ name: r.name, type: r.rdtype, rdata: r.rdata }));
  return { expectations: group(zone, [...own, ...records]), notVerified: [] };
}

const URL_TYPES = new Set(["URL", "Framed URL"]);

/**
 * DNSPod serves the default line's enabled records. Records of other lines answer only resolvers
 * DNSPod places on that line; URL records are HTTP forwarding, their names answering A with
 * DNSPod's forwarding servers — so an A RRset at such a name may hold more than the records.
 */
export function fromDnspod(zone: string, rows: RecordRow[]): Expected {
  const all = rows.map(fromRecordRow);
  const other = all.filter((r) => r.recordLine !== DEFAULT_LINE_KEY);
  const urls = all.filter((r) => r.recordLine === DEFAULT_LINE_KEY && URL_TYPES.has(r.recordType));
  const urlNames = new Set(urls.map((r) => fqdn(r.subDomain, zone)));
  const served = all
    .filter((r) => r.recordLine === DEFAULT_LINE_KEY && !URL_TYPES.has(r.recordType))
    .map((r) => ({
      name: r.subDomain,
      type: r.recordType,
      rdata: r.recordType === "MX" ? `${r.mx ?? 0} ${r.value}` : r.value,
      enabled: r.status === "enable",
    }));
  const notVerified: string[] = [];
  if (other.length > 0) {
    const lines = [...new Set(other.map((r) => r.recordLine))].join(", ");
    notVerified.push(
      `${plural(other.length, "record")} on DNSPod lines other than the default (${lines}): only resolvers DNSPod places on those lines get them`,
    );
  }
  if (urls.length > 0) {
    const names = urls.map((r) => r.subDomain).join(", ");
    notVerified.push(
      `${plural(urls.length, "URL record")} (${names}): URL forwarding is HTTP, not DNS data; the name answers A with DNSPod's forwarding servers`,
    );
  }
  return { expectations: group(zone, served, (name, type) => type === "A" && urlNames.has(name)), notVerified };
}

/** A zone file as the resources take it: its SOA and apex NS are the service's, not compared. */
export function fromZoneFile(zone: string, records: ZoneFileRecord[], source: string): Expected {
  const skipped = records.filter((r) => r.type === "SOA" || (r.type === "NS" && r.name === ""));
  const kept = records.filter((r) => !skipped.includes(r)).map((r) => ({ name: r.name, type: r.type, rdata: r.rdata }));
  const notVerified = skipped.length
    ? [`${source}: its SOA and NS records at the apex (${plural(skipped.length, "record")}): the service serves its own`]
    : [];
  return { expectations: group(zone, kept), notVerified };
}
