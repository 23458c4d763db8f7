/**
 * The emulated nameservers of both fake APIs (README, "Served DNS"): WEDOS's four
 * ns.wedos.* servers and the DNSPod servers its Domain.Info reports, each a UDP+TCP listener on
 * loopback, and the admin side the emulator's HTTP routes use (the publish log, the delays).
 */
import type { DnspodEmulator } from "../dnspod";
import { DNSPOD_NAMESERVERS } from "../dnspod/domains";
import type { ApiName, NameserverAdmin } from "../types";
import type { WedosEmulator } from "../wedos";
import { WEDOS_NS } from "../wedos/zone";
import { dnspodContent, wedosContent, type ZoneContent } from "./content";
import { type DelaySpec, delaysFor } from "./delays";
import { ApiNameservers, type Nameserver } from "./nameservers";
import { Publisher } from "./publisher";

export type { DelaySpec } from "./delays";
export type { Nameserver } from "./nameservers";
export type { DnsLogEntry } from "./publisher";

export interface DnsOptions {
  /** Lag of each nameserver behind a publish, in ms (see delays.ts; the order is DNSPod's servers, then WEDOS's). */
  delayMs?: DelaySpec;
  /** A TCP connection without a complete message for this long is closed (default 5000 ms). */
  tcpIdleMs?: number;
}

const present = (c: ZoneContent | undefined): c is ZoneContent => c !== undefined;

/** Every nameserver name in the ready line's order: DNSPod's, then WEDOS's. */
const ORDER: readonly string[] = [...DNSPOD_NAMESERVERS, ...WEDOS_NS];

export class Nameservers implements NameserverAdmin {
  private constructor(
    private readonly apis: Record<ApiName, ApiNameservers>,
    private readonly now: () => Date,
  ) {}

  static async start(
    host: string,
    emulators: { wedos: WedosEmulator; dnspod: DnspodEmulator },
    now: () => Date,
    options: DnsOptions = {},
  ): Promise<Nameservers> {
    const delays = delaysFor(options.delayMs, ORDER);
    const only = (names: readonly string[]) => new Map(names.map((n) => [n, delays.get(n) ?? 0]));
    const wedos = new ApiNameservers(
      new Publisher("wedos", WEDOS_NS, only(WEDOS_NS)),
      { zones: () => emulators.wedos.servedZones().map(wedosContent).filter(present), settle: () => emulators.wedos.settle() },
      now,
    );
    const dnspod = new ApiNameservers(
      new Publisher("dnspod", DNSPOD_NAMESERVERS, only(DNSPOD_NAMESERVERS)),
      { zones: () => emulators.dnspod.servedDomains().map(dnspodContent).filter(present) },
      now,
    );
    const set = new Nameservers({ wedos, dnspod }, now);
    try {
      await dnspod.listen(host, options.tcpIdleMs);
      await wedos.listen(host, options.tcpIdleMs);
    } catch (e) {
      await set.close();
      throw e;
    }
    set.resync();
    return set;
  }

  /** The ready line's `nameservers` of one API. */
  list(api: ApiName): Nameserver[] {
    return this.apis[api].nameservers;
  }

  served(api: ApiName, at: Date): void {
    this.apis[api].sync(at);
  }

  resync(): void {
    for (const api of Object.values(this.apis)) api.sync(this.now());
  }

  reset(): void {
    for (const api of Object.values(this.apis)) api.reset();
    this.resync();
  }

  /** GET /_emulator/dns-log[?zone=example.cz][&api=wedos][&rrsets=count] */
  log(query: URLSearchParams): unknown {
    const nowMs = this.now().getTime();
    for (const api of Object.values(this.apis)) api.settle();
    const filter = { ...(query.get("zone") ? { zone: query.get("zone")! } : {}), counts: query.get("rrsets") === "count" };
    const apis = (Object.keys(this.apis) as ApiName[]).filter((a) => !query.get("api") || query.get("api") === a);
    return apis
      .flatMap((a) => this.apis[a].publisher.log(nowMs, filter))
      .sort((x, y) => x.time.localeCompare(y.time) || x.published.localeCompare(y.published));
  }

  /** POST /_emulator/dns-delay with {"ms": 3000}, {"ms": [0, 0, 3000]} or {"ms": {"ns.wedos.eu": 3000}}: later publishes only. */
  setDelays(body: unknown): void {
    const delays = delaysFor((body as { ms?: DelaySpec } | undefined)?.ms ?? 0, ORDER);
    for (const api of Object.values(this.apis)) {
      api.publisher.setDelays(new Map(api.publisher.servers.map((n) => [n, delays.get(n) ?? 0])));
    }
  }

  close(): Promise<unknown> {
    return Promise.all(Object.values(this.apis).map((a) => a.close()));
  }
}
