/**
 * Served DNS for the provider: wait until every nameserver of a zone answers the changed records
 * as declared (removed ones: no longer), with the API's settings — the servers of
 * `wedos:nameservers` / `dnspod:nameservers` or else the zone's NS names resolved by the system,
 * `propagationTimeout` — and fail naming each lagging server and what it still answers.
 */
import type { Expectation } from "./compare";
import { dnsQuery, type Query } from "./query";
import { defaultLookup, type Lookup, type Nameserver, type NameserverEntry, resolveNameservers } from "./servers";
import { type ServedApi, servedSettings } from "./settings";
import { type Clock, type WaitResult, waitUntilServed } from "./wait";

export { NotServedError } from "./wait";

export interface ServedOptions {
  /** The zone's own nameservers by name (dns-domain-info `ns`, DNSPod `dnspod_ns`), asked when no setting names servers. */
  zoneNameservers: readonly string[];
  expectations: Expectation[];
  query?: Query;
  clock?: Clock;
  lookup?: Lookup;
  onLagging?: (message: string) => void;
}

const LABEL: Record<ServedApi, string> = { wedos: "WEDOS", dnspod: "DNSPod" };

/** The servers to ask: the setting's, else the zone's NS names on port 53, each with an address. */
export function nameserversOf(api: ServedApi, zoneNameservers: readonly string[], lookup: Lookup = defaultLookup): Promise<Nameserver[]> {
  const configured = servedSettings(api).nameservers;
  const entries: NameserverEntry[] =
    configured ?? zoneNameservers.map((n) => ({ label: n.replace(/\.$/, ""), host: n.replace(/\.$/, ""), port: 53 }));
  if (entries.length === 0)
    throw new Error(`${LABEL[api]}: the zone has no nameservers to ask. Fix: name them in ${api}:nameservers (host[:port],…)`);
  return resolveNameservers(entries, lookup);
}

export async function waitForRecords(api: ServedApi, o: ServedOptions): Promise<WaitResult> {
  const servers = await nameserversOf(api, o.zoneNameservers, o.lookup);
  return waitUntilServed({
    api: LABEL[api],
    servers,
    expectations: o.expectations,
    timeoutMs: servedSettings(api).timeoutMs,
    query: o.query ?? dnsQuery(),
    ...(o.clock ? { clock: o.clock } : {}),
    ...(o.onLagging
      ? {
          onLagging: (lagging, next) =>
            o.onLagging!(
              `${LABEL[api]}: waiting ${Math.round(next / 1000)} s for ${lagging.map((c) => c.server.label).join(", ")} to serve the change`,
            ),
        }
      : {}),
  });
}
