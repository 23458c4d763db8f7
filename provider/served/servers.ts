/**
 * The nameservers to ask: `host[:port],…` as the nameservers settings and `verify --nameservers`
 * take them (IPv6 as `[2001:db8::53]:53`), or the zone's NS names; host names are resolved with the
 * system resolver (getaddrinfo), so /etc/hosts and the machine's DNS apply, as for any tool.
 */
import { lookup as systemLookup } from "node:dns/promises";
import { isIP } from "node:net";
import type { ServerAddress } from "./query";

export interface NameserverEntry {
  /** As written: how messages name the server. */
  label: string;
  host: string;
  port: number;
}

export interface Nameserver extends ServerAddress {
  /** The entry as written, or the NS name. */
  label: string;
}

export type Lookup = (host: string) => Promise<string>;

/** The first address getaddrinfo gives for a name. */
export const defaultLookup: Lookup = async (host) => (await systemLookup(host)).address;

function entry(raw: string): NameserverEntry {
  const text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  const [host, port] = bracketed
    ? [bracketed[1]!, bracketed[2]]
    : isIP(text) === 6
      ? [text, undefined]
      : [text.replace(/:(\d+)$/, ""), /:(\d+)$/.exec(text)?.[1]];
  const n = port === undefined ? 53 : Number(port);
  if (host === "" || /[\s/[\]]/.test(host) || !Number.isInteger(n) || n < 1 || n > 65535) {
    throw new Error(`"${text}" is not a nameserver; write host[:port], e.g. ns1.example.net, 192.0.2.53:5353 or [2001:db8::53]:53`);
  }
  return { label: text, host, port: n };
}

/** `host[:port],…` (commas or spaces between); throws naming the entry that is wrong. */
export function parseNameservers(list: string): NameserverEntry[] {
  const parts = list.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0) throw new Error("the list of nameservers is empty; write host[:port],…");
  return parts.map(entry);
}

/** Each entry with an address to send to: IPs as they are, names through `lookup`. */
export async function resolveNameservers(entries: NameserverEntry[], lookup: Lookup = defaultLookup): Promise<Nameserver[]> {
  return Promise.all(
    entries.map(async (e) => {
      if (isIP(e.host)) return { label: e.label, host: e.host, port: e.port };
      try {
        return { label: e.label, host: await lookup(e.host), port: e.port };
      } catch (err) {
        throw new Error(`nameserver ${e.label}: its address could not be found (${(err as Error).message})`);
      }
    }),
  );
}
