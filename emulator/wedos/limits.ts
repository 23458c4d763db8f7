/**
 * The WAPI limits that live only in memory: the per-account request budget and the per-IP block for
 * repeated invalid requests. Neither is part of the persisted state (a restart forgets them, as a
 * fresh WEDOS window would), but reset() clears both.
 */

/**
 * Fixed window per account: the first request opens a window of `windowMs`; every authenticated
 * request in it counts, and once `limit` are spent the rest are refused until the window closes.
 * The manual's "rejected until the window expires" reads as a fixed window, not a sliding one.
 */
export class RequestBudget {
  private readonly windows = new Map<string, { startMs: number; used: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one request for `account`; false when it is over the budget. */
  take(account: string, nowMs: number): boolean {
    let w = this.windows.get(account);
    if (!w || nowMs - w.startMs >= this.windowMs) {
      w = { startMs: nowMs, used: 0 };
      this.windows.set(account, w);
    }
    w.used += 1;
    return w.used <= this.limit;
  }

  clear(): void {
    this.windows.clear();
  }
}

const BLOCK_STEP_MS = 60_000;
/** Invalid requests older than this no longer count toward a block (WEDOS documents no decay; one hour mirrors the budget window). */
const INVALID_MEMORY_MS = 3_600_000;

interface IpRecord {
  invalid: number;
  firstInvalidMs: number;
  blockedUntilMs: number;
}

/**
 * The KB (kb.wedos.com "WAPI manual", and "Global – WAPI Activation"): "Repeated invalid requests
 * will cause the IP address to be blocked for 1 minute for each invalid request in excess of 10.
 * With each additional invalid request, the system increases the blocking time." So `tolerated`
 * (10) invalid requests cost nothing; the 11th blocks the IP for 60 s and every further one —
 * including the 2052 answers given while blocked, themselves requests over a limit — adds 60 s
 * more. When a block has run out the IP starts again with a clean count. (The Czech KB page reads
 * "blocked for the number of invalid requests × 60 s" once over 10; the English wording is the one
 * reproduced here.)
 */
export class IpGuard {
  private readonly ips = new Map<string, IpRecord>();

  constructor(private readonly tolerated: number) {}

  isBlocked(ip: string, nowMs: number): boolean {
    const rec = this.current(ip, nowMs);
    return rec !== undefined && rec.blockedUntilMs > nowMs;
  }

  recordInvalid(ip: string, nowMs: number): void {
    let rec = this.current(ip, nowMs);
    if (!rec) {
      rec = { invalid: 0, firstInvalidMs: nowMs, blockedUntilMs: 0 };
      this.ips.set(ip, rec);
    }
    rec.invalid += 1;
    if (rec.invalid > this.tolerated) {
      rec.blockedUntilMs = Math.max(rec.blockedUntilMs, nowMs) + BLOCK_STEP_MS;
    }
  }

  /** End of the block for `ip` in epoch ms, 0 when not blocked (for diagnostics and tests). */
  blockedUntil(ip: string, nowMs: number): number {
    const rec = this.current(ip, nowMs);
    return rec && rec.blockedUntilMs > nowMs ? rec.blockedUntilMs : 0;
  }

  clear(): void {
    this.ips.clear();
  }

  /** The record of `ip`, forgetting it first if its block has expired or its count has gone stale. */
  private current(ip: string, nowMs: number): IpRecord | undefined {
    const rec = this.ips.get(ip);
    if (!rec) return undefined;
    const blockOver = rec.blockedUntilMs > 0 && rec.blockedUntilMs <= nowMs;
    const stale = rec.blockedUntilMs === 0 && nowMs - rec.firstInvalidMs >= INVALID_MEMORY_MS;
    if (blockOver || stale) {
      this.ips.delete(ip);
      return undefined;
    }
    return rec;
  }
}

/**
 * Which answers count as invalid requests, from a list of codes and ranges such as "2000-5999" or
 * "2050,2051,2000-2199". The KB counts "authorization failure, access from a disallowed IP, bad
 * input (parse errors, missing or wrong parameters, unknown command, …), commands ending in any
 * error, and any request over the other limits" — every error answer, 2000–5999.
 */
export function invalidCodeSet(spec: string): (code: number) => boolean {
  const ranges = spec
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^(\d{4})(?:-(\d{4}))?$/.exec(part);
      if (!m) throw new Error(`invalid WAPI code list "${spec}": expected codes or ranges like 2000-5999,3222`);
      return [Number(m[1]), Number(m[2] ?? m[1])] as const;
    });
  return (code) => ranges.some(([lo, hi]) => code >= lo && code <= hi);
}

/**
 * WAPI allow-list entries are full addresses or prefixes such as "1.2.3." (kb.wedos.com WAPI
 * settings). `undefined` allows everyone. IPv4-mapped IPv6 ("::ffff:127.0.0.1", what Node reports on
 * dual-stack sockets) is matched by its IPv4 form.
 */
export function ipAllowed(ip: string, allowed: readonly string[] | undefined): boolean {
  if (allowed === undefined) return true;
  const plain = ip.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return allowed.some((entry) => {
    const e = entry.trim().toLowerCase();
    if (e === "") return false;
    return e.endsWith(".") || e.endsWith(":") ? plain.startsWith(e) : plain === e;
  });
}
