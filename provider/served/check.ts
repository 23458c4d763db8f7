/**
 * Asks one nameserver every expected name and type, a few questions at a time, and compares. The
 * result lists the differences; a server that does not answer at all is one difference per
 * question, with the reason.
 */
import { compare, type Difference, type Expectation, observe } from "./compare";
import { DnsQueryError, type Query } from "./query";
import { canonicalName } from "./records";
import type { Nameserver } from "./servers";

/** Questions in flight to one server at a time. */
const CONCURRENCY = 16;

export interface ServerCheck {
  server: Nameserver;
  differences: Difference[];
  /** Questions asked (each over UDP, plus TCP when truncated). */
  queries: number;
}

/** `items` mapped by `fn`, at most `limit` at a time, in order. */
async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export async function checkServer(server: Nameserver, expectations: readonly Expectation[], query: Query): Promise<ServerCheck> {
  const results = await pool(expectations, CONCURRENCY, async (e) => {
    const question = { name: canonicalName(e.name), type: e.type.toUpperCase() };
    try {
      return compare(e, observe(question, await query(server, question)));
    } catch (err) {
      if (!(err instanceof DnsQueryError)) throw err;
      return compare(e, { failure: err.message });
    }
  });
  return { server, differences: results.filter((d): d is Difference => d !== undefined), queries: expectations.length };
}

/** "ns.wedos.net (192.0.2.1:53)" or, when the label is the address, just that. */
export function serverName(s: Nameserver): string {
  const address = s.host.includes(":") ? `[${s.host}]:${s.port}` : `${s.host}:${s.port}`;
  return s.label === address || s.label === s.host ? address : `${s.label} (${address})`;
}
