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
 * "More than 10 invalid requests block the IP for 1 minute per further invalid request": after
 * `threshold` invalid requests the IP is blocked for 60 s, and every further invalid request —
 * including the 2052 answers themselves — pushes the end of the block 60 s further out. When a block
 * has run out the IP starts again with a clean count.
 */
export class IpGuard {
  private readonly ips = new Map<string, IpRecord>();

  constructor(private readonly threshold: number) {}

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
    if (rec.invalid >= this.threshold) {
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
