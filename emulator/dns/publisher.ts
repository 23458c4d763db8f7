/**
 * When each nameserver of one API serves which version of each zone. A publish makes a version;
 * server i serves it `delay[i]` ms later (how --dns-delay makes a secondary lag). Time is the
 * emulator's clock and the model is lazy — a server's view is worked out when it is asked — so an
 * injected clock moves the servers along too, and no timers run.
 */
import type { ServedZone } from "./served-zone";

/** An RRset as the publish log shows it: the records' data in the API's presentation form. */
export interface LoggedRRset {
  name: string;
  type: string;
  ttl: number;
  data: string[];
}

interface Version {
  seq: number;
  zone: string;
  /** undefined: the zone stopped being served (deleted, disabled). */
  served: ServedZone | undefined;
  publishedMs: number;
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

/** The RRsets served, sharing unchanged ones with the previous version (a log of thousands of publishes stays small). */
function loggedRRsets(served: ServedZone, previous: Map<string, LoggedRRset>): LoggedRRset[] {
  const out: LoggedRRset[] = [];
  for (const rrs of served.rrsets()) {
    const g = { name: rrs[0]!.name, type: rrs[0]!.rrtype, ttl: rrs[0]!.ttl, data: rrs.map((r) => r.text) };
    out.push(previous.get(JSON.stringify(g)) ?? g);
  }
  return out;
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

  publish(zone: string, served: ServedZone | undefined, at: Date): void {
    const previous = this.lastRRsets.get(zone) ?? new Map<string, LoggedRRset>();
    const rrsets = served ? loggedRRsets(served, previous) : [];
    this.lastRRsets.set(zone, new Map(rrsets.map((r) => [JSON.stringify(r), r])));
    const version: Version = { seq: ++this.seq, zone, served, publishedMs: at.getTime() };
    const serial = served?.serial ?? null;
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
