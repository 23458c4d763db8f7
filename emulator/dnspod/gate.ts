/**
 * Who may call: the login token, the failed-login ban and the optional frequency limit.
 * Vendor: "more than 30 failed logins within 5 minutes blocks login for 1 hour" (-8), and while
 * blocked even a correct token is refused, which is why clients must never retry a -1.
 */
import type { DnspodEmulatorOptions, DnspodSecurity } from "./state";
import type { Params } from "./wire";

type LoginFailure = "-1" | "-8" | "10002" | "20004";

export interface LoginVerdict {
  /** Why the caller is refused; undefined when it is let in. */
  code?: LoginFailure;
  /** The security counters changed (the server should persist). */
  changed: boolean;
}

/**
 * The credential's verdict before any ban: `login_token`, or the seed's `user_token` (same "ID,Token"
 * value, same accounting). An ID that is not a number is 10002 on the live service (acme.sh#4651).
 */
function judge(options: DnspodEmulatorOptions, params: Params): LoginFailure | undefined {
  const viaUserToken = params.login_token === undefined && params.user_token !== undefined;
  if (viaUserToken && options.userToken === "reject") return "20004";
  const token = viaUserToken ? params.user_token : params.login_token;
  if (token === undefined || token === "") return "-1";
  if (!/^\d+$/.test(token.split(",")[0]!.trim())) return "10002";
  return token === options.loginToken ? undefined : "-1";
}

export function checkLogin(sec: DnspodSecurity, options: DnspodEmulatorOptions, ip: string, params: Params, nowMs: number): LoginVerdict {
  let changed = false;
  const until = sec.bannedUntil[ip];
  if (until !== undefined) {
    if (nowMs < until) return { code: "-8", changed };
    delete sec.bannedUntil[ip];
    delete sec.failedLogins[ip];
    changed = true;
  }
  const failure = judge(options, params);
  if (!failure) return { changed };

  const windowStart = nowMs - options.failedLoginWindowSeconds * 1000;
  const recent = (sec.failedLogins[ip] ?? []).filter((t) => t > windowStart);
  recent.push(nowMs);
  sec.failedLogins[ip] = recent;
  // The failure that crosses the limit still answers as it is; the ban applies from the next request.
  if (recent.length > options.failedLoginLimit) {
    sec.bannedUntil[ip] = nowMs + options.banSeconds * 1000;
  }
  return { code: failure, changed: true };
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
