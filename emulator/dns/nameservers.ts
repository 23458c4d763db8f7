/**
 * The nameservers of one fake API: a listener per nameserver name, all answering from the same
 * publisher, each with its own lag. `sync(at)` is the hook the API calls when what it serves may
 * have changed; it publishes exactly the zones whose content differs from their last publish.
 */
import { answer } from "./answer";
import type { ZoneContent } from "./content";
import { DnsListener } from "./listener";
import type { Publisher } from "./publisher";
import { encodeReply, errorReply, parseQuery, type Transport } from "./wire";

/** Where the served zones come from: the API's state, read without changing it. */
export interface ZoneSource {
  zones(): ZoneContent[];
  /** Lets the API apply what is due by now (WEDOS's auto-commit) before a question is answered. */
  settle?(): void;
}

export interface Nameserver {
  name: string;
  address: string;
}

interface Published {
  fingerprint: string;
  serial: number;
}

export class ApiNameservers {
  private readonly published = new Map<string, Published>();
  private listeners: { name: string; listener: DnsListener }[] = [];
  /** The listeners' host as an address shows it ("[::1]" for IPv6). */
  private host = "127.0.0.1";

  constructor(
    readonly publisher: Publisher,
    private readonly source: ZoneSource,
    private readonly now: () => Date,
  ) {}

  async listen(host: string, idleMs: number | undefined): Promise<void> {
    this.host = host.includes(":") ? `[${host}]` : host;
    for (const name of this.publisher.servers) {
      const listener = await DnsListener.start((msg, t) => this.handle(name, msg, t), { host, ...(idleMs ? { idleMs } : {}) });
      this.listeners.push({ name, listener });
    }
  }

  get nameservers(): Nameserver[] {
    return this.listeners.map(({ name, listener }) => ({ name, address: `${this.host}:${listener.port}` }));
  }

  /**
   * Publishes, as of `at`, every zone whose served content changed since its last publish, and
   * the removal of zones no longer served. Serials the API does not keep (DNSPod's) count up
   * from the publish time in seconds, so every publish raises the SOA serial.
   */
  sync(at: Date): void {
    const seen = new Set<string>();
    for (const content of this.source.zones()) {
      seen.add(content.zone);
      const fingerprint = JSON.stringify(content);
      const last = this.published.get(content.zone);
      if (last?.fingerprint === fingerprint) continue;
      const serial = content.serial ?? Math.max((last?.serial ?? 0) + 1, Math.floor(at.getTime() / 1000));
      this.published.set(content.zone, { fingerprint, serial });
      this.publisher.publish(content.zone, { content, serial }, at);
    }
    for (const zone of [...this.published.keys()].filter((z) => !seen.has(z))) {
      this.published.delete(zone);
      this.publisher.publish(zone, undefined, at);
    }
  }

  /** Forgets every publish (the emulator's state was emptied or replaced); `sync` starts over. */
  reset(): void {
    this.published.clear();
    this.publisher.reset();
  }

  /** Applies what the API has due by now (WEDOS's auto-commit), which may publish. */
  settle(): void {
    this.source.settle?.();
  }

  private handle(server: string, msg: Buffer, transport: Transport): Buffer | undefined {
    const incoming = parseQuery(msg);
    if (incoming.kind === "drop") return undefined;
    if (incoming.kind === "error") return errorReply(incoming);
    this.settle();
    const reply = answer(incoming.question, this.publisher.zoneOf(server, this.now().getTime()));
    return encodeReply(incoming, reply, transport);
  }

  async close(): Promise<void> {
    await Promise.all(this.listeners.map(({ listener }) => listener.close()));
  }
}
