/**
 * The DNSPod emulator's state and options. The state is plain JSON (no Dates, Maps or classes) so
 * the server can persist it with JSON.stringify and tests can compare snapshots structurally.
 */

import type { BatchState } from "./batch-state";

/** Which DNSPod serves: api.dnspod.com ("intl") or the same legacy API at dnsapi.cn ("cn"). */
export type DnspodSite = "intl" | "cn";

export interface DnspodEmulatorOptions {
  /**
   * "intl": English answers, line keys on write (`default`, `US`) and English names on read.
   * "cn" (dnsapi.cn): Chinese answers unless `lang=en`, Chinese line names (`默认`) or line ids
   * (`record_line_id`) on write, Chinese names plus `line_id` on read, the China grades and TTLs.
   */
  site: DnspodSite;
  /**
   * "live": status texts as the services word them today ("Operation successful"); "seed": the
   * seed's older English texts ("Action completed successful"), for clients written against it.
   */
  wording: "live" | "seed";
  /**
   * The seed authenticates with `user_token`, which the emulator takes like `login_token` ("accept").
   * [C] NewFuture/DDNS#286 (2021) saw api.dnspod.com answer it with 20004 "user token validate
   * failed"; "reject" reproduces that.
   */
  userToken: "accept" | "reject";
  /** The only accepted `login_token`, "ID,TOKEN". The ID is returned as Domain.Info `user_id`. */
  loginToken: string;
  /** Owner of the account's domains (Domain.List/Info `owner`, Domainshare.List `owner`). */
  accountEmail: string;
  /** Grade of new domains; every grade except the free ones (DP_Free, D_Free) is VIP. */
  accountGrade: string;
  /** Other accounts that exist, for Domainshare.* and Domainshare.Transfer (code 8 otherwise). */
  knownAccounts: string[];
  /** Rows Domain.List / Record.List return when neither offset nor length is given (500; dnsapi.cn 3000). */
  pageCap: number;
  /** More than this many failed logins from one IP within the window bans that IP (-8). */
  failedLoginLimit: number;
  failedLoginWindowSeconds: number;
  banSeconds: number;
  /** Optional API frequency limit over all authenticated requests: beyond it, code -2. */
  requestsPerWindow?: number;
  windowSeconds?: number;
  /** Records with the same sub_domain + type + line allowed (code 25 beyond). */
  roundRobinLimit: number;
  /** Minimum record TTL per domain grade, over the site's own table (emulator/dnspod/grades.ts). */
  ttlMinByGrade?: Record<string, number>;
  /**
   * [G] Whether dnsapi.cn also takes the international key `default` for 默认 on writes. No client
   * written for it sends that and none of its documents offer it, so it is refused (26) by default.
   */
  cnAcceptsDefaultKey?: boolean;
  /**
   * [G] The code of an exact duplicate record on Create/Modify; its English text, "Domain record
   * already exists", is what acme.sh matches. The code is unpublished: "104" by default; lexicon's
   * dnspod provider takes "31" for "already there", which a client of that kind may want.
   */
  duplicateRecordCode: string;
  /**
   * dnsapi.cn's batch jobs (Batch.Record.Create/Modify, emulator/dnspod/batch-*.ts): how long a job
   * waits before it runs, how long each of its records then takes, the records one job may hold
   * and the jobs an account may have unfinished. See emulator/dnspod/batch-state.ts for the sources.
   */
  batchDelayMs: number;
  batchRecordMs: number;
  batchMaxRecords: number;
  batchMaxJobs: number;
}

const DEFAULT_OPTIONS: DnspodEmulatorOptions = {
  site: "intl",
  wording: "live",
  userToken: "accept",
  loginToken: "10000,emulator-token",
  accountEmail: "owner@example.com",
  accountGrade: "DP_Free",
  knownAccounts: ["friend@example.com", "colleague@example.com"],
  pageCap: 500,
  failedLoginLimit: 30,
  failedLoginWindowSeconds: 300,
  banSeconds: 3600,
  roundRobinLimit: 10,
  duplicateRecordCode: "104",
  batchDelayMs: 300,
  batchRecordMs: 0,
  batchMaxRecords: 5000,
  batchMaxJobs: 4,
};

/** The options with the site's own defaults (dnsapi.cn pages Record.List at 3000) under the caller's. */
export function resolveOptions(options: Partial<DnspodEmulatorOptions>): DnspodEmulatorOptions {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const site = options.site ?? DEFAULT_OPTIONS.site;
  return { ...DEFAULT_OPTIONS, pageCap: site === "cn" ? 3000 : 500, ...given };
}

export interface DnspodRecord {
  id: number;
  /** Lower-case relative name, "@" for the apex. */
  subDomain: string;
  type: string;
  /**
   * Line key, the same on both sites for the default line ("default"): an international key
   * ("US") or a dnsapi.cn line id ("10=0"); reads show the site's name for it.
   */
  line: string;
  value: string;
  /** MX priority, 0 for other types. */
  mx: number;
  ttl: number;
  enabled: boolean;
  remark: string;
  updatedOn: string;
  /** System NS records created with the domain: listed with "hold":"hold", not writable. */
  hold: boolean;
  /** Record.Modify calls that changed nothing (DNSPod counts these as abuse). */
  noopModifies: number;
}

export interface DnspodShare {
  email: string;
  mode: "r" | "rw";
  /** "" when the whole domain is shared. */
  subDomain: string;
}

interface DnspodAlias {
  id: number;
  domain: string;
}

export interface DnspodLock {
  code: string;
  /** ISO timestamps; the lock holds while startedAt <= now < endsAt. */
  startedAt: string;
  endsAt: string;
}

export interface DnspodDomain {
  id: number;
  name: string;
  punycode: string;
  grade: string;
  status: "enable" | "disable";
  groupId: number;
  isMark: "yes" | "no";
  remark: string;
  searchenginePush: "yes" | "no";
  createdOn: string;
  updatedOn: string;
  records: DnspodRecord[];
  shares: DnspodShare[];
  aliases: DnspodAlias[];
  lock?: DnspodLock;
  /** Operation log, oldest first, each "YYYY-MM-DD HH:MM:SS: text". */
  log: string[];
}

interface DnspodGroup {
  id: number;
  name: string;
}

/** A domain moved to another account by Domainshare.Transfer (can be taken back via Acquire*). */
export interface DnspodTransferred {
  domain: DnspodDomain;
  toEmail: string;
  /** Verification code sent by Domain.Acquiresend, pending Domain.Acquirevalidate. */
  acquireCode?: string;
}

export interface DnspodSecurity {
  /** Per IP: epoch milliseconds of recent failed logins. */
  failedLogins: Record<string, number[]>;
  /** Per IP: epoch milliseconds until which every request answers -8. */
  bannedUntil: Record<string, number>;
}

export interface DnspodState {
  version: 1;
  domains: DnspodDomain[];
  /** Custom groups only; system groups 1–8 are constant. */
  groups: DnspodGroup[];
  transferred: DnspodTransferred[];
  nextDomainId: number;
  nextRecordId: number;
  nextAliasId: number;
  nextGroupId: number;
  security: DnspodSecurity;
  /** dnsapi.cn's batch jobs, once the first one is submitted. */
  batch?: BatchState;
}

// Counters start where the vendor's documentation examples are, so ids look realistic.
export function emptyState(): DnspodState {
  return {
    version: 1,
    domains: [],
    groups: [],
    transferred: [],
    nextDomainId: 1992403,
    nextRecordId: 16894439,
    nextAliasId: 18737,
    nextGroupId: 1985,
    security: { failedLogins: {}, bannedUntil: {} },
  };
}

/** Shallow structural check for restore(): enough to reject a WEDOS snapshot or garbage. */
export function isDnspodState(value: unknown): value is DnspodState {
  if (typeof value !== "object" || value === null) return false;
  const s = value as Partial<DnspodState>;
  return (
    s.version === 1 &&
    Array.isArray(s.domains) &&
    Array.isArray(s.groups) &&
    Array.isArray(s.transferred) &&
    typeof s.nextDomainId === "number" &&
    typeof s.nextRecordId === "number" &&
    typeof s.nextAliasId === "number" &&
    typeof s.nextGroupId === "number" &&
    typeof s.security === "object" &&
    s.security !== null
  );
}
