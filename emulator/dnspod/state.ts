/**
 * The DNSPod emulator's state and options. The state is plain JSON (no Dates, Maps or classes) so
 * the server can persist it with JSON.stringify and tests can compare snapshots structurally.
 */

export interface DnspodEmulatorOptions {
  /** The only accepted `login_token`, "ID,TOKEN". The ID is returned as Domain.Info `user_id`. */
  loginToken: string;
  /** Owner of the account's domains (Domain.List/Info `owner`, Domainshare.List `owner`). */
  accountEmail: string;
  /** Grade of new domains; every grade except DP_Free is VIP. */
  accountGrade: string;
  /** Other accounts that exist, for Domainshare.* and Domainshare.Transfer (code 8 otherwise). */
  knownAccounts: string[];
  /** Display name of the default line on reads: "Default" (international) or "默认" (China). */
  defaultLineName: string;
  /** Rows Domain.List / Record.List return when neither offset nor length is given. */
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
  /** Minimum record TTL per domain grade; unknown grades get 600. */
  ttlMinByGrade: Record<string, number>;
}

export const DEFAULT_OPTIONS: DnspodEmulatorOptions = {
  loginToken: "10000,emulator-token",
  accountEmail: "owner@example.com",
  accountGrade: "DP_Free",
  knownAccounts: ["friend@example.com", "colleague@example.com"],
  defaultLineName: "Default",
  pageCap: 500,
  failedLoginLimit: 30,
  failedLoginWindowSeconds: 300,
  banSeconds: 3600,
  roundRobinLimit: 10,
  ttlMinByGrade: { DP_Free: 600, DP_Plus: 120, DP_Extra: 120, DP_Expert: 60, DP_Ultra: 1 },
};

export interface DnspodRecord {
  id: number;
  /** Lower-case relative name, "@" for the apex. */
  subDomain: string;
  type: string;
  /** Line *key* ("default", "US"); converted to the display name on read. */
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

export interface DnspodAlias {
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

export interface DnspodGroup {
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
