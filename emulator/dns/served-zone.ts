/**
 * One zone as a nameserver holds it: resource records by owner name and type, the names that exist
 * (empty non-terminals included, so they answer NODATA rather than NXDOMAIN) and the delegations
 * below the apex. Built once per publish and never changed, so every server can share it.
 */
import type { ZoneContent } from "./content";
import { answersType, type WireRecord, wireRecord } from "./rdata";

/** One resource record ready for dns-packet: `type` is the wire type, `rrtype` the type it answers. */
export interface Rr extends WireRecord {
  name: string;
  rrtype: string;
  ttl: number;
}

const fqdn = (relative: string, zone: string) => (relative === "" ? zone : `${relative}.${zone}`);

/** "a.b.example.cz" → ["b.example.cz", "example.cz"] down to (and including) `zone`. */
export function ancestors(name: string, zone: string): string[] {
  const out: string[] = [];
  let rest = name;
  while (rest !== zone && rest.includes(".")) {
    rest = rest.slice(rest.indexOf(".") + 1);
    out.push(rest);
  }
  return out;
}

export class ServedZone {
  readonly soa: Rr;
  /** Owner name (lower-case, no trailing dot) → answered type → records. */
  private readonly nodes = new Map<string, Map<string, Rr[]>>();
  private readonly names = new Set<string>();
  /** Owner names below the apex that hold NS records: the zone's delegations. */
  private readonly cuts = new Set<string>();

  constructor(
    readonly content: ZoneContent,
    readonly serial: number,
  ) {
    const { zone, soa } = content;
    this.soa = {
      name: zone,
      type: "SOA",
      rrtype: "SOA",
      ttl: soa.minimum,
      data: { ...soa, serial },
    };
    this.add(this.soa);
    const seen = new Set<string>();
    for (const r of content.records) {
      const wire = wireRecord(r.type, r.rdata);
      const name = fqdn(r.name.toLowerCase(), zone);
      // Identical data at one name is one record in DNS (DNSPod may hold a URL and an A alike).
      const data = wire?.data;
      const key = `${name} ${r.type} ${typeof data === "string" ? data : JSON.stringify(data)}`;
      if (!wire || seen.has(key)) continue;
      seen.add(key);
      this.add({ ...wire, name, rrtype: answersType(wire), ttl: r.ttl });
      if (wire.type === "NS" && name !== zone) this.cuts.add(name);
    }
  }

  get zone(): string {
    return this.content.zone;
  }

  private add(rr: Rr): void {
    const node = this.nodes.get(rr.name) ?? new Map<string, Rr[]>();
    this.nodes.set(rr.name, node);
    const set = node.get(rr.rrtype);
    if (set) set.push(rr);
    else node.set(rr.rrtype, [rr]);
    if (this.names.has(rr.name)) return;
    this.names.add(rr.name);
    for (const a of ancestors(rr.name, this.zone)) this.names.add(a);
  }

  /** The records of one type at one name, [] when there are none. */
  rrset(name: string, type: string): Rr[] {
    return this.nodes.get(name)?.get(type) ?? [];
  }

  /** Every type at a name (for ANY), undefined when no records are owned by it. */
  node(name: string): Map<string, Rr[]> | undefined {
    return this.nodes.get(name);
  }

  /** A name exists when it owns records or has names below it (an empty non-terminal). */
  exists(name: string): boolean {
    return this.names.has(name);
  }

  /** The highest delegation at or above `name`, if the name lies in a delegated subzone. */
  delegationOf(name: string): string | undefined {
    const chain = [...ancestors(name, this.zone)].reverse();
    chain.push(name);
    return chain.find((n) => n !== this.zone && this.cuts.has(n));
  }
}
