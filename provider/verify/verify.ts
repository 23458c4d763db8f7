/**
 * `verify`: what each nameserver answers against what the API holds (or a zone file declares).
 * The API is read with `export`'s read calls (provider/export/read.ts) — for the records, and for
 * the zone's own nameservers when none are named; each nameserver is asked every name and type.
 */
import { readDnspodZone, readWedosZone } from "../export/read";
import { checkServer } from "../served/check";
import { dnsQuery, type Query } from "../served/query";
import { defaultLookup, type Lookup, type NameserverEntry, resolveNameservers } from "../served/servers";
import { servedSettings } from "../served/settings";
import { parseZoneFile } from "../zonefile";
import { type Expected, fromDnspod, fromWedos, fromZoneFile } from "./expected";
import { buildReport, type VerifyReport } from "./report";

export interface VerifyRequest {
  api: "wedos" | "dnspod";
  /** A zone name, or (DNSPod) a domain id. */
  zone: string;
  zoneFile?: { path: string; text: string };
  /** Parsed `--nameservers`; else the API's nameservers setting (environment), else the zone's NS names. */
  nameservers?: NameserverEntry[];
}

export interface VerifyDeps {
  query?: Query;
  lookup?: Lookup;
}

interface Source {
  zone: string;
  expected: Expected;
  source: string;
  /** The zone's NS names, when the API was read. */
  zoneNameservers?: string[];
}

async function fromApi(req: VerifyRequest): Promise<Source> {
  if (req.api === "wedos") {
    const z = await readWedosZone(req.zone);
    return {
      zone: req.zone,
      expected: fromWedos(req.zone, z.rows, z.nameservers),
      source: "WEDOS (dns-rows-list)",
      zoneNameservers: z.nameservers,
    };
  }
  const d = await readDnspodZone(req.zone);
  return {
    zone: d.zone,
    expected: fromDnspod(d.zone, d.rows),
    source: `DNSPod (Record.List of domain id ${d.domainId})`,
    zoneNameservers: d.nameservers,
  };
}

export async function verify(req: VerifyRequest, deps: VerifyDeps = {}): Promise<VerifyReport> {
  const named = req.nameservers ?? servedSettings(req.api).nameservers;
  let source: Source;
  if (req.zoneFile) {
    const records = parseZoneFile(req.zoneFile.text, req.zone);
    const file = `zone file ${req.zoneFile.path}`;
    source = { zone: req.zone, expected: fromZoneFile(req.zone, records, file), source: file };
    // The zone file names no servers to ask; without a list, the API says which serve the zone.
    if (!named) source.zoneNameservers = (await fromApi(req)).zoneNameservers;
  } else {
    source = await fromApi(req);
  }
  const entries =
    named ?? (source.zoneNameservers ?? []).map((n) => ({ label: n.replace(/\.$/, ""), host: n.replace(/\.$/, ""), port: 53 }));
  if (entries.length === 0)
    throw new Error(`${source.source} names no nameservers for ${source.zone}. Fix: give them with --nameservers host[:port],…`);
  const servers = await resolveNameservers(entries, deps.lookup ?? defaultLookup);
  const query = deps.query ?? dnsQuery();
  const checks = await Promise.all(servers.map((s) => checkServer(s, source.expected.expectations, query)));
  return buildReport(
    {
      api: req.api,
      zone: source.zone,
      source: source.source,
      rrsets: source.expected.expectations.length,
      notVerified: source.expected.notVerified,
    },
    checks,
  );
}
