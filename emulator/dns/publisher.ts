/**
 * When each nameserver of one API serves which version of each zone. A publish makes a version;
 * server i serves it `delay[i]` ms later (how --dns-delay makes a secondary lag). Time is the
 * emulator's clock and the model is lazy — a server's view is worked out when it is asked — so an
 * injected clock moves the servers along too, and no timers run.
 */
import type { ZoneContent } from "./content";
import { wireRecord } from "./rdata";
import { ServedZone } from "./served-zone";

/** An RRset as the publish log shows it: the records' data in the API's presentation form. */
export interface LoggedRRset {
  name: string;
  type: string;
  ttl: number;
  data: string[];
}

/** One publish of one zone; the zone's index is built when a server is first asked from it. */
class Version {
  private zone_: ServedZone | undefined;

  constructor(
    readonly seq: number,
    readonly zone: string,
    /** undefined: the zone stopped being served (deleted, disabled). */
    readonly content: ZoneContent | undefined,
    readonly serial: number | null,
    readonly publishedMs: number,
  ) {}

  get served(): ServedZone | undefined {
    if (this.content && !this.zone_) this.zone_ = new ServedZone(this.content, this.serial!);
    return this.zone_;
  }
}

interface Delivery {
  version: Version;
  server: string;
  dueMs: number;
}

/** What the log keeps of a delivery: not the served zone itself, which only the servers hold while current. */
interface Logged {
  seq: number;
  zone: string;
  serial: number | null;
  publishedMs: number;
  rrsets: LoggedRRset[];
  server: string;
  dueMs: number;
}

export interface DnsLogEntry {
  time: string;
  published: string;
  api: string;
  server: string;
  zone: string;
  serial: number | null;
  /** The RRsets served from then on (a count with `?rrsets=count`); none when the zone was removed. */
  rrsets: LoggedRRset[] | number;
  removed?: true;
}

const keyOf = (g: LoggedRRset) => `${g.name}\0${g.type}\0${g.ttl}\0${g.data.join("\0")}`;

/**
 * The RRsets a version serves, from its content (without building the zone, which only a question
 * needs), sharing unchanged ones with the previous version so a log of thousands of publishes
 * stays small. Data with no wire form is left out, as the servers leave it out.
 */
function loggedRRsets(content: ZoneContent, serial: number, previous: Map<string, LoggedRRset>): LoggedRRset[] {
  const { zone, soa } = content;
  const soaText = `${soa.mname}. ${soa.rname}. ${serial} ${soa.refresh} ${soa.retry} ${soa.expire} ${soa.minimum}`;
  const groups = new Map<string, LoggedRRset>([[`${zone}\0SOA`, { name: zone, type: "SOA", ttl: soa.minimum, data: [soaText] }]]);
  for (const r of content.records) {
    if (!wireRecord(r.type, r.rdata)) continue;
    const name = r.name === "" ? zone : `${r.name.toLowerCase()}.${zone}`;
    const key = `${name}\0${r.type}`;
    const g = groups.get(key);
    if (!g) groups.set(key, { name, type: r.type, ttl: r.ttl, data: [r.rdata] });
    else if (!g.data.includes(r.rdata)) g.data.push(r.rdata);
  }
  return [...groups.values()].map((g) => previous.get(keyOf(g)) ?? g);
}

export class Publisher {
  private seq = 0;
  private pending: Delivery[] = [];
  private logged: Logged[] = [];
  /** Per server: zone → the version it serves now. */
  private readonly current = new Map<string, Map<string, Version>>();
  private readonly lastRRsets = new Map<string, Map<string, LoggedRRset>>();

  constructor(
    readonly api: string,
    readonly servers: readonly string[],
    private delays: Map<string, number>,
  ) {
    for (const s of servers) this.current.set(s, new Map());
  }

  setDelays(delays: Map<string, number>): void {
    this.delays = delays;
  }

  /** A new version of `zone` (its content and serial), or its removal (undefined), as of `at`. */
  publish(zone: string, published: { content: ZoneContent; serial: number } | undefined, at: Date): void {
    // Deliveries due by now are current; moving them keeps only versions still to be served pending.
    this.advance(at.getTime());
    const previous = this.lastRRsets.get(zone) ?? new Map<string, LoggedRRset>();
    const rrsets = published ? loggedRRsets(published.content, published.serial, previous) : [];
    this.lastRRsets.set(zone, new Map(rrsets.map((r) => [keyOf(r), r])));
    const serial = published?.serial ?? null;
    const version = new Version(++this.seq, zone, published?.content, serial, at.getTime());
    for (const server of this.servers) {
      const dueMs = at.getTime() + (this.delays.get(server) ?? 0);
      this.pending.push({ version, server, dueMs });
      this.logged.push({ seq: version.seq, zone, serial, publishedMs: version.publishedMs, rrsets, server, dueMs });
    }
  }

  /** Moves every delivery that is due by `nowMs` into the servers' current views. */
  private advance(nowMs: number): void {
    if (!this.pending.some((d) => d.dueMs <= nowMs)) return;
    const later: Delivery[] = [];
    for (const d of this.pending) {
      if (d.dueMs > nowMs) {
        later.push(d);
        continue;
      }
      const view = this.current.get(d.server)!;
      // A server that got a newer version first (the delays changed in between) keeps it.
      if ((view.get(d.version.zone)?.seq ?? 0) < d.version.seq) view.set(d.version.zone, d.version);
    }
    this.pending = later;
  }

  /** The zone `server` answers `name` (lower-case, no trailing dot) from at `nowMs`: the longest suffix it serves. */
  zoneOf(server: string, nowMs: number): (name: string) => ServedZone | undefined {
    this.advance(nowMs);
    const view = this.current.get(server)!;
    return (name) => {
      for (let n = name; ; n = n.slice(n.indexOf(".") + 1)) {
        const served = view.get(n)?.served;
        if (served) return served;
        if (!n.includes(".")) return undefined;
      }
    };
  }

  /** The publishes each server has served by `nowMs`, oldest first. */
  log(nowMs: number, filter: { zone?: string; counts?: boolean }): DnsLogEntry[] {
    return this.logged
      .filter((d) => d.dueMs <= nowMs && (filter.zone === undefined || d.zone === filter.zone))
      .sort((a, b) => a.dueMs - b.dueMs || a.seq - b.seq)
      .map((d) => ({
        time: new Date(d.dueMs).toISOString(),
        published: new Date(d.publishedMs).toISOString(),
        api: this.api,
        server: d.server,
        zone: d.zone,
        serial: d.serial,
        rrsets: filter.counts ? d.rrsets.length : d.rrsets,
        ...(d.serial === null ? { removed: true as const } : {}),
      }));
  }

  reset(): void {
    this.pending = [];
    this.logged = [];
    this.lastRRsets.clear();
    for (const view of this.current.values()) view.clear();
  }
}
