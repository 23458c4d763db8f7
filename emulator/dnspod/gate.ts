/**
 * Who may call: the login token, the failed-login ban and the optional frequency limit.
 * Vendor: "more than 30 failed logins within 5 minutes blocks login for 1 hour" (-8), and while
 * blocked even a correct token is refused, which is why clients must never retry a -1.
 */
import type { DnspodEmulatorOptions, DnspodSecurity } from "./state";

export interface LoginVerdict {
  /** "-1" bad token, "-8" banned; undefined when the caller is let in. */
  code?: "-1" | "-8";
  /** The security counters changed (the server should persist). */
  changed: boolean;
}

export function checkLogin(
  sec: DnspodSecurity,
  options: DnspodEmulatorOptions,
  ip: string,
  token: string | undefined,
  nowMs: number,
): LoginVerdict {
  let changed = false;
  const until = sec.bannedUntil[ip];
  if (until !== undefined) {
    if (nowMs < until) return { code: "-8", changed };
    delete sec.bannedUntil[ip];
    delete sec.failedLogins[ip];
    changed = true;
  }
  if (token === options.loginToken) return { changed };

  const windowStart = nowMs - options.failedLoginWindowSeconds * 1000;
  const recent = (sec.failedLogins[ip] ?? []).filter((t) => t > windowStart);
  recent.push(nowMs);
  sec.failedLogins[ip] = recent;
  // The failure that crosses the limit still answers -1; the ban applies from the next request.
  if (recent.length > options.failedLoginLimit) {
    sec.bannedUntil[ip] = nowMs + options.banSeconds * 1000;
  }
  return { code: "-1", changed: true };
}

/**
 * Sliding-window request counter for the optional API frequency limit (-2). Kept out of the
 * persisted state on purpose: it changes on every request and is meaningless after a restart.
 */
export class FrequencyLimit {
  private times: number[] = [];

  /** Records a request; false when it is over the limit (rejected requests still count). */
  admit(options: DnspodEmulatorOptions, nowMs: number): boolean {
    const limit = options.requestsPerWindow;
    if (limit === undefined) return true;
    const windowStart = nowMs - (options.windowSeconds ?? 3600) * 1000;
    this.times = this.times.filter((t) => t > windowStart);
    this.times.push(nowMs);
    return this.times.length <= limit;
  }

  reset(): void {
    this.times = [];
  }
}
