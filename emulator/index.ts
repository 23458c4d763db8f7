/**
 * Starts both fake APIs on loopback. Used by the CLI, by our tests, and by users' own CI.
 */
import type { Server } from "node:http";
import { type DnsOptions, type Nameserver, Nameservers } from "./dns";
import { DnspodEmulator, type DnspodEmulatorOptions } from "./dnspod";
import type { FaultConfig } from "./faults";
import { EmulatorHub } from "./hub";
import { createApiServer, listen } from "./server";
import type { LogEntry } from "./types";
import { WedosEmulator, type WedosEmulatorOptions } from "./wedos";

export type { DelaySpec, DnsLogEntry, DnsOptions, Nameserver } from "./dns";
export type { DnspodEmulatorOptions, DnspodSite, DnspodState } from "./dnspod";
export type { FaultConfig, FaultKind } from "./faults";
export type { LogEntry } from "./types";
export type { WedosEmulatorOptions, WedosState } from "./wedos";

export interface StartOptions {
  host?: string;
  dnspodPort?: number;
  wedosPort?: number;
  /** JSON file the state is loaded from at start and flushed to atomically after each change. */
  statePath?: string;
  latencyMs?: number;
  faults?: FaultConfig;
  dnspod?: Partial<DnspodEmulatorOptions>;
  wedos?: Partial<WedosEmulatorOptions>;
  /** The emulated nameservers: their lag behind a publish, TCP idle timeout. */
  dns?: DnsOptions;
  now?: () => Date;
}

export interface RunningEmulators {
  dnspod: { endpoint: string; nameservers: Nameserver[] };
  wedos: { endpoint: string; xmlEndpoint: string; nameservers: Nameserver[] };
  hub: EmulatorHub;
  dns: Nameservers;
  wedosApi: WedosEmulator;
  dnspodApi: DnspodEmulator;
  log(): LogEntry[];
  close(): Promise<void>;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startEmulators(options: StartOptions = {}): Promise<RunningEmulators> {
  const host = options.host ?? "127.0.0.1";
  const hub = new EmulatorHub({
    statePath: options.statePath,
    latencyMs: options.latencyMs,
    faults: options.faults,
    now: options.now,
  });
  const wedosApi = new WedosEmulator(hub.context("wedos"), options.wedos);
  const dnspodApi = new DnspodEmulator(hub.context("dnspod"), options.dnspod);
  hub.register(wedosApi);
  hub.register(dnspodApi);
  const dns = await Nameservers.start(host, { wedos: wedosApi, dnspod: dnspodApi }, hub.now, options.dns);
  hub.nameservers = dns;
  hub.load();
  const dnspodServer = createApiServer(hub, dnspodApi);
  const wedosServer = createApiServer(hub, wedosApi);
  const dnspodPort = await listen(dnspodServer, host, options.dnspodPort ?? 0);
  const wedosPort = await listen(wedosServer, host, options.wedosPort ?? 0);
  const base = (port: number) => `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return {
    dnspod: { endpoint: base(dnspodPort), nameservers: dns.list("dnspod") },
    wedos: { endpoint: `${base(wedosPort)}/wapi/json`, xmlEndpoint: `${base(wedosPort)}/wapi/xml`, nameservers: dns.list("wedos") },
    hub,
    dns,
    wedosApi,
    dnspodApi,
    log: () => [...hub.entries],
    close: async () => {
      await Promise.all([closeServer(dnspodServer), closeServer(wedosServer), dns.close()]);
      hub.flush();
    },
  };
}
