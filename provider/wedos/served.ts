/**
 * waitUntilServed on WEDOS: a row in the DNS's terms, and the zone whose nameservers are asked
 * (dns-domain-info names them, read only when the wedos:nameservers setting does not). WEDOS
 * serves a zone as of its last commit, so a resource waits after its commit.
 */
import type { ServedRecord } from "../served/change";
import type { ServedTarget } from "../served/operation";
import type { WedosContext } from "./context";
import { fromDomainInfo } from "./convert";

export function wedosTarget({ client, served }: WedosContext, zone: string): ServedTarget {
  return {
    api: "wedos",
    label: `WEDOS zone ${zone}`,
    seams: served,
    async zoneNameservers() {
      const info = await client.domainInfo(zone);
      return info ? fromDomainInfo(info).nameservers : [];
    },
  };
}

/** A row (name relative to the zone, "" or "@" for the apex) as the nameservers answer it. */
export const servedRow = (zone: string, r: { name: string; type: string; rdata: string }): ServedRecord => ({
  name: r.name === "" || r.name === "@" ? zone : `${r.name}.${zone}`,
  type: r.type,
  rdata: r.rdata,
});
