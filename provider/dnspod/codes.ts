/**
 * DNSPod action names verbatim, and what every status code means and how to fix it. Codes 6 and up
 * mean something different for every action, so the table is keyed by action; the common codes
 * (≤ 5, negative, 85) are shared. Sources: the API seed (docs.dnspod.com/api-legacy/) and, for
 * records, its records page; codes the vendor leaves undocumented follow the emulator's choices.
 */
export const DnspodAction = {
  DomainCreate: "Domain.Create",
  DomainList: "Domain.List",
  DomainRemove: "Domain.Remove",
  DomainStatus: "Domain.Status",
  DomainInfo: "Domain.Info",
  DomainSearchenginepush: "Domain.Searchenginepush",
  DomainChangegroup: "Domain.Changegroup",
  DomainIsmark: "Domain.Ismark",
  DomainRemark: "Domain.Remark",
  DomainLock: "Domain.Lock",
  DomainLockstatus: "Domain.Lockstatus",
  DomainUnlock: "Domain.Unlock",
  DomainshareCreate: "Domainshare.Create",
  DomainshareList: "Domainshare.List",
  DomainshareModify: "Domainshare.Modify",
  DomainshareRemove: "Domainshare.Remove",
  DomainaliasList: "Domainalias.List",
  DomainaliasCreate: "Domainalias.Create",
  DomainaliasRemove: "Domainalias.Remove",
  DomaingroupList: "Domaingroup.List",
  DomaingroupCreate: "Domaingroup.Create",
  DomaingroupModify: "Domaingroup.Modify",
  DomaingroupRemove: "Domaingroup.Remove",
  RecordCreate: "Record.Create",
  RecordList: "Record.List",
  RecordModify: "Record.Modify",
  RecordRemove: "Record.Remove",
  RecordInfo: "Record.Info",
  RecordStatus: "Record.Status",
  RecordRemark: "Record.Remark",
  RecordType: "Record.Type",
  RecordLine: "Record.Line",
  // dnsapi.cn only: asynchronous jobs (provider/dnspod/batch-writes.ts).
  BatchRecordCreate: "Batch.Record.Create",
  BatchRecordModify: "Batch.Record.Modify",
  BatchDetail: "Batch.Detail",
} as const;

export const DNSPOD_OK = "1";

/**
 * What a code means for the code that handles it: `notfound` = the object is gone (delete is a
 * no-op, read returns nothing), `exists` = a create hit an existing object (adopt), `locked` = a
 * Domain.Lock holds, `limit` = rate limit (the only API code that is retried).
 */
export type Kind = "auth" | "banned" | "limit" | "permission" | "validation" | "notfound" | "exists" | "locked" | "empty" | "state";
export interface CodeInfo {
  kind: Kind;
  meaning: string;
  fix: string;
}

const c = (kind: Kind, meaning: string, fix: string): CodeInfo => ({ kind, meaning, fix });

const TOKEN_FIX =
  'set a valid API token "ID,Token" (DNSPod console → API Tokens) with `pulumi config set --secret dnspod:loginToken ID,Token` or the environment variable DNSPOD_LOGIN_TOKEN. ' +
  "Not retried: more than 30 failed logins within 5 minutes ban the account's API for an hour";
const REPORT = "check the resource's inputs; this provider's check() should have caught it — please report it";
const LOCK_FIX =
  "a Domain.Lock holds on this domain and blocks changes until it ends: delete the dnspod.DomainLock resource (which unlocks with its lock code) or wait for its lockEnd, then re-run";
const ADOPT = "set adopt: true on the resource to manage the existing object, or remove it";
const GONE = "it was removed outside Pulumi; run `pulumi refresh`";
const DOMAIN_GONE = c("notfound", "invalid domain id (the domain does not exist in this account)", GONE);
const NO_PERMIT = c(
  "permission",
  "no permission for this domain",
  "only the domain's owner (or a share with mode rw) may do this; check the account of dnspod:loginToken",
);

const COMMON: Record<string, CodeInfo> = {
  "2": c("validation", "POST method only", "please report it"),
  "3": c("state", "unknown error", "try again later; if it persists, contact DNSPod support"),
  "-1": c("auth", "login failed (invalid login_token)", TOKEN_FIX),
  "-2": c(
    "limit",
    "API used too frequently",
    "retried automatically with back-off; if it persists, lower dnspod:requestsPerHour (DNSPOD_REQUESTS_PER_HOUR) so the client paces itself",
  ),
  "-3": c("permission", "invalid agent", "the account is not an agent account; do not send user_id"),
  "-4": c("permission", "the user is not under this agent", "check the agent's user list"),
  "-7": c(
    "permission",
    "no permission to use this API (the account or domain grade needs an upgrade)",
    "upgrade the DNSPod plan or use a feature of the current grade",
  ),
  "-8": c(
    "banned",
    "account temporarily banned (too many failed logins)",
    `wait about an hour for the ban to lift, and fix the token first: ${TOKEN_FIX}`,
  ),
  "-15": c("state", "domain prohibited", "DNSPod has prohibited this domain; contact DNSPod support"),
  "-99": c("permission", "API not open or paused", "the API is disabled for this account or paused by DNSPod; check the DNSPod console"),
  "85": c(
    "auth",
    "logged on elsewhere: request from outside the account's login-region protection",
    "allow this machine's location in the DNSPod account's security settings",
  ),
  // dnsapi.cn only.
  "82": c(
    "permission",
    "this IP address is blacklisted",
    "DNSPod has blocked requests from this machine's IP address; contact DNSPod support",
  ),
  "83": c("banned", "account locked", "the DNSPod account is locked; unlock it in the DNSPod console"),
};

const RECORD_WRITE: Record<string, CodeInfo> = {
  "6": c("validation", "missing or invalid parameter (or the domain does not exist)", REPORT),
  "7": c(
    "permission",
    "no permission to operate this record (system NS records are read-only)",
    "system NS records at @ cannot be changed; manage another record",
  ),
  "8": c("notfound", "invalid record id (the record does not exist)", GONE),
  "21": c("locked", "domain is locked", LOCK_FIX),
  "22": c("validation", "invalid sub domain", 'use a relative name such as "www", "@" for the apex, "*" for a wildcard'),
  "23": c("validation", "too many sub domain levels", "use fewer labels in subDomain"),
  "24": c("validation", "invalid wildcard sub domain", 'a wildcard must be the whole leftmost label: "*" or "*.dev"'),
  "25": c(
    "validation",
    "round-robin limit reached for this name, type and line",
    "remove records of the same subDomain, type and line, or use another line",
  ),
  "26": c(
    "validation",
    "invalid record line",
    'use a line of getRecordLines(): api.dnspod.com a key such as "default" or "US", dnsapi.cn a name such as "电信" (set dnspod:site to the account\'s site)',
  ),
  "27": c("validation", "invalid record type for this domain's grade", "use a type getRecordTypes(grade) lists (CAA needs a paid grade)"),
  "29": c(
    "validation",
    "TTL too small for the domain's grade",
    "raise ttl to the grade's minimum: DP_Free 600, DP_Plus/DP_Extra 120, DP_Expert 60, DP_Ultra 1 on api.dnspod.com; " +
      "DP_Free 600, DP_Plus 60, DP_Extra/DP_Expert/DP_Ultra 1 on dnsapi.cn (see the Domain's grade output)",
  ),
  "30": c("validation", "invalid MX priority (must be 1–20)", "set mx to 1–20 on MX records"),
  "31": c(
    "state",
    "record limit reached or conflicting records (A, CNAME and URL records cannot share a name and line)",
    "remove the conflicting records at this subDomain and line",
  ),
  "32": c(
    "validation",
    "NS record limit reached (dnsapi.cn: TTL out of limit)",
    "remove unused NS records; on dnsapi.cn use a ttl of at most 604800",
  ),
  "33": c("validation", "AAAA record limit reached", "remove unused AAAA records"),
  "34": c("validation", "invalid record value", REPORT),
  "35": c("validation", "this IP address is not allowed as a record value", "use another address"),
  "36": c("validation", "NS records at @ must use the default line", 'set recordLine "default"'),
  "104": c("exists", "the record already exists (same subDomain, type, line and value)", ADOPT),
  // dnsapi.cn's own round-robin codes for A and CNAME.
  "500025": c(
    "validation",
    "round-robin limit reached for A records of this name and line",
    "remove A records of the same subDomain and line, or use another line",
  ),
  "500026": c(
    "validation",
    "round-robin limit reached for CNAME records of this name and line",
    "remove CNAME records of the same subDomain and line, or use another line",
  ),
};

const SHARE_EMAIL = {
  "6": DOMAIN_GONE,
  "7": c("validation", "invalid target email address (or the account's own address)", "use the email of another DNSPod account"),
  "8": c("validation", "no DNSPod account has this email address", "the target must already have a DNSPod account"),
};

/**
 * dnsapi.cn documents no codes of its own for the batch submissions; 7 and 9 are the emulator's
 * choice for the limits API 3.0 calls JobGreaterThanLimit and BatchTaskCountLimit.
 */
const BATCH_SUBMIT: Record<string, CodeInfo> = {
  "6": c("validation", "missing or invalid parameter (domain_id, records, record_id or change)", REPORT),
  "7": c("validation", "too many records in one batch job", "please report it: the provider splits jobs below DNSPod's limit"),
  "9": c("limit", "too many unfinished batch jobs in this account", "retried automatically once DNSPod has finished the earlier jobs"),
};

const BY_ACTION: Record<string, Record<string, CodeInfo>> = {
  "Domain.Create": {
    "6": c("validation", "invalid domain", "use a registrable domain name such as example.com"),
    "7": c("exists", "domain already exists in this account", ADOPT),
    "11": c("state", "domain already exists as an alias of another domain", "remove the dnspod.DomainAlias first"),
    "12": c(
      "state",
      "domain already exists in another account",
      "the domain belongs to another DNSPod account; transfer it or use that account's token",
    ),
    "41": c("validation", "the website falls short of DNSPod's terms of service", "contact DNSPod support"),
  },
  "Domain.List": {
    "6": c("validation", "invalid offset", REPORT),
    "7": c("validation", "invalid length", REPORT),
    "9": c("empty", "empty result", ""),
  },
  "Domain.Remove": {
    "6": DOMAIN_GONE,
    "7": c("locked", "domain is locked", LOCK_FIX),
    "8": c("state", "VIP domains cannot be deleted", "downgrade the domain in the DNSPod console before deleting it"),
    "9": NO_PERMIT,
  },
  "Domain.Status": { "6": DOMAIN_GONE, "7": c("locked", "domain is locked", LOCK_FIX), "8": NO_PERMIT },
  // 13: dnsapi.cn's answer for a domain name that is not in the account.
  "Domain.Info": { "6": DOMAIN_GONE, "8": NO_PERMIT, "13": c("notfound", "the domain is not in this account", GONE) },
  "Domain.Searchenginepush": { "6": DOMAIN_GONE, "7": c("locked", "domain is locked", LOCK_FIX), "8": NO_PERMIT },
  "Domain.Changegroup": {
    "6": DOMAIN_GONE,
    "7": c("validation", "invalid group id", "use a system group (1–7) or the groupId of a dnspod.DomainGroup"),
  },
  "Domain.Ismark": { "6": DOMAIN_GONE },
  "Domain.Remark": { "6": DOMAIN_GONE },
  "Domain.Lock": {
    "6": DOMAIN_GONE,
    "7": NO_PERMIT,
    "8": c("validation", "wrong parameter days", "days must be a whole number from 1"),
    "9": c("validation", "parameter days is too big", "use at most 365 days"),
    "21": c(
      "state",
      "domain is already locked",
      "a lock not managed by this resource (or one whose code was lost) holds; wait for it to end or unlock it in the DNSPod console",
    ),
  },
  "Domain.Lockstatus": { "6": DOMAIN_GONE, "7": c("notfound", "the domain is not locked", "") },
  "Domain.Unlock": {
    "6": DOMAIN_GONE,
    "7": NO_PERMIT,
    "8": c("notfound", "the domain is not locked", ""),
    "9": c("validation", "invalid lock code", "the domain was re-locked outside Pulumi; unlock it in the DNSPod console"),
  },
  "Domainshare.Create": {
    ...SHARE_EMAIL,
    "9": c("exists", "the share already exists", ADOPT),
    "10": c("validation", "share limit reached", "remove unused shares of this domain"),
  },
  "Domainshare.List": { "6": DOMAIN_GONE, "7": c("empty", "no share records", "") },
  "Domainshare.Modify": { ...SHARE_EMAIL, "9": c("notfound", "there is no share for this email address (and sub domain)", GONE) },
  "Domainshare.Remove": { ...SHARE_EMAIL, "9": c("notfound", "there is no share for this email address", GONE) },
  "Domainalias.List": { "6": DOMAIN_GONE, "7": c("empty", "empty result", "") },
  "Domainalias.Create": {
    "6": DOMAIN_GONE,
    "7": c("validation", "invalid alias domain", "use a registrable domain name such as example.net"),
    "8": c("exists", "the alias is already added", ADOPT),
    "9": c("state", "the alias domain already exists as a domain in DNSPod", "remove that dnspod.Domain first, or pick another alias"),
    "10": c("validation", "alias limit of the domain's grade reached", "remove unused aliases or upgrade the grade"),
  },
  "Domainalias.Remove": { "6": DOMAIN_GONE, "7": c("notfound", "invalid alias id", GONE) },
  "Domaingroup.Create": {
    "-7": c(
      "permission",
      "custom domain groups are only available to VIP (paid) accounts",
      "upgrade the account, or use a system group (1–7) as dnspod.Domain groupId instead of a dnspod.DomainGroup",
    ),
    "7": c("validation", "invalid group name", "use a non-empty name of at most 20 characters"),
    "8": c("exists", "a group of this name already exists", ADOPT),
    "9": c("validation", "group limit reached", "remove unused groups"),
  },
  "Domaingroup.Modify": {
    "6": c("notfound", "invalid group id", GONE),
    "7": c("validation", "invalid group name", "use a non-empty name of at most 20 characters"),
    "8": c("state", "a group of this name already exists", "pick another name"),
    "9": c("validation", "group limit reached", "remove unused groups"),
  },
  "Domaingroup.Remove": { "6": c("notfound", "invalid group id", GONE) },
  "Record.Create": RECORD_WRITE,
  "Record.Modify": RECORD_WRITE,
  "Record.Status": RECORD_WRITE,
  "Record.Remove": { ...RECORD_WRITE, "6": DOMAIN_GONE },
  "Record.Remark": { ...RECORD_WRITE, "6": DOMAIN_GONE },
  "Record.Info": { "6": DOMAIN_GONE, "7": NO_PERMIT, "8": c("notfound", "invalid record id", GONE) },
  "Record.List": {
    "6": DOMAIN_GONE,
    "7": c("validation", "invalid offset", REPORT),
    "8": c("validation", "invalid length", REPORT),
    "9": NO_PERMIT,
    "10": c("empty", "no records", ""),
  },
  "Record.Type": { "6": c("validation", "invalid domain grade", "use a grade such as DP_Free (see a Domain's grade output)") },
  "Record.Line": { "6": c("validation", "invalid domain grade", "use a grade such as DP_Free (see a Domain's grade output)") },
  "Batch.Record.Create": BATCH_SUBMIT,
  "Batch.Record.Modify": { ...BATCH_SUBMIT, "8": c("notfound", "invalid record id (a record does not exist)", GONE) },
  "Batch.Detail": { "8": c("notfound", "no such batch job (never queued, or no longer kept)", "re-run `pulumi up`") },
};

export function dnspodCodeInfo(action: string, code: string): CodeInfo {
  return BY_ACTION[action]?.[code] ?? COMMON[code] ?? c("state", `code ${code}`, "see https://docs.dnspod.com/api-legacy/");
}
