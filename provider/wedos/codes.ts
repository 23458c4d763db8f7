/**
 * WAPI command names verbatim, and what every return code means and how to fix it.
 * Codes: https://kb.wedos.global/wapi-codes/ and the per-command KB pages.
 */
export const WedosCommand = {
  Ping: "ping",
  DnsDomainsList: "dns-domains-list",
  DnsDomainInfo: "dns-domain-info",
  DnsDomainAdd: "dns-domain-add",
  DnsDomainDelete: "dns-domain-delete",
  DnsDomainAxfrRun: "dns-domain-axfr-run",
  DnsDomainCopy: "dns-domain-copy",
  DnsDomainUpdateKeyset: "dns-domain-update-keyset",
  DnsDomainCommit: "dns-domain-commit",
  DnsRowsList: "dns-rows-list",
  DnsRowDetail: "dns-row-detail",
  DnsRowAdd: "dns-row-add",
  DnsRowUpdate: "dns-row-update",
  DnsRowDelete: "dns-row-delete",
} as const;

export const WAPI_OK = 1000;

type Kind = "ok" | "auth" | "ip" | "limit" | "validation" | "state" | "notfound" | "internal";
interface CodeInfo {
  meaning: string;
  fix: string;
  kind: Kind;
}

const c = (kind: Kind, meaning: string, fix: string): CodeInfo => ({ kind, meaning, fix });
const FIX_INPUT = "check the resource's inputs; this provider's check() should have caught it — please report it";

export const WEDOS_CODES: Record<number, CodeInfo> = {
  1000: c("ok", "OK", ""),
  1001: c("ok", "request pending", ""),
  2000: c("validation", "request parse error", "the request was malformed; please report it"),
  2001: c("auth", "required parameter missing: user", "set wedos:username or WEDOS_USERNAME"),
  2002: c("auth", "required parameter missing: auth", "set wedos:wapiPassword or WEDOS_WAPI_PASSWORD"),
  2003: c("validation", "required parameter missing: command", "please report it"),
  2004: c("validation", "only one data element allowed", "please report it"),
  2005: c("validation", "clTRID too long", "please report it"),
  2006: c(
    "limit",
    "requests limit exceeded (1000 per hour per account)",
    "wait until the hour's window passes, or lower wedos:requestsPerHour so the client paces itself",
  ),
  2007: c("validation", "max request size exceeded", "split the change into smaller steps"),
  2009: c("validation", "request is empty", "please report it"),
  2010: c("validation", "unknown command", "please report it"),
  2011: c("auth", "command disabled for this account", "enable the command in the WEDOS client centre (WAPI settings)"),
  2050: c(
    "auth",
    "authentication failure",
    "check wedos:username (your WEDOS login e-mail) and wedos:wapiPassword (the WAPI password from WAPI settings, " +
      "not the account password); retries are not attempted because each failure lengthens the IP block",
  ),
  2051: c(
    "ip",
    "access not allowed from this IP address",
    "add this machine's public IP address to the WAPI allow-list in the WEDOS client centre (WAPI settings)",
  ),
  2052: c(
    "ip",
    "IP address temporarily blocked due to too many failed requests",
    "wait for the block to expire (it grows by a minute with every further failed request) and fix the credentials or allow-list first",
  ),
  2100: c("validation", "required parameter missing", FIX_INPUT),
  2101: c("validation", "parameters mismatch", FIX_INPUT),
  2102: c("validation", "encoding mismatch", "send UTF-8; please report it"),
  2201: c("validation", "unsupported TLD", "WEDOS DNS does not host this TLD"),
  2202: c("validation", "invalid domain name", "use a registrable domain name such as example.cz"),
  2264: c("validation", "invalid KEYSET name", 'use "wedos" or the name of an existing KEYSET'),
  2265: c("validation", "DNSSEC not supported for this domain", "remove the DnssecKeyset resource for this TLD"),
  2266: c(
    "validation",
    "action not supported for a secondary domain",
    "WEDOS's own keyset needs a primary zone; name a custom KEYSET instead",
  ),
  2267: c("validation", "action not supported for a primary domain", 'use keyset "wedos" for a primary zone'),
  2301: c("validation", "invalid domain type", "type must be primary or secondary"),
  2302: c("validation", "primary_ip missing", "set primaryIp for a secondary domain"),
  2303: c("validation", "invalid primary_ip", "primaryIp must be an IPv4 or IPv6 address"),
  2304: c("validation", "invalid axfr_enabled", FIX_INPUT),
  2305: c("validation", "axfr_ips missing", "set axfrIps when axfrEnabled is true"),
  2306: c("validation", "invalid axfr_ips", "axfrIps must be IPv4 or IPv6 addresses"),
  2308: c("validation", "invalid ns", FIX_INPUT),
  2309: c("validation", "invalid record type", "use one of A, AAAA, CNAME, MX, TXT, NS, SRV, CAA, TLSA, SSHFP"),
  2310: c("validation", "row count limit of the domain reached", "remove unused rows or ask WEDOS to raise the limit"),
  2311: c("validation", "invalid row name", 'use a name relative to the zone: "" for the apex, "www", "*.dev"'),
  2312: c("validation", "name invalid for this record type", "e.g. a CNAME cannot sit at the apex"),
  2313: c(
    "validation",
    "CNAME conflicts with other rows of this name",
    "a CNAME must be the only row of its name: remove the other rows or the CNAME",
  ),
  2314: c("validation", "invalid rdata for this record type", FIX_INPUT),
  2315: c("validation", "invalid TTL", "ttl must be 300–172800 seconds"),
  2316: c(
    "state",
    "this row already exists",
    "an identical row (name, type, rdata) is already in the zone: set adopt: true to manage it, or remove the duplicate",
  ),
  2317: c("validation", "invalid TTL", "ttl must be 300–172800 seconds"),
  2318: c(
    "validation",
    "not supported for a secondary domain",
    "rows of a secondary zone come from its primary via AXFR; manage them there",
  ),
  2319: c("validation", "only for a secondary domain", "AXFR runs exist only for secondary zones"),
  2320: c("validation", "invalid new domain name", "use a registrable domain name"),
  2321: c("validation", "unsupported TLD of the new domain", "WEDOS DNS does not host this TLD"),
  2322: c("limit", "domain count limit reached", "remove unused zones or ask WEDOS to raise the limit"),
  3222: c("notfound", "domain open failed (not in WEDOS DNS)", "create the zone first (wedos.Domain) or check its name"),
  3223: c("auth", "access denied to this domain", "the domain belongs to another WEDOS account"),
  3258: c("state", "registry maintenance in progress", "try again later"),
  3259: c("state", "KEYSET not available", "check the KEYSET name"),
  3260: c("state", "a DNSSEC order is already pending", "wait for the pending DNSSEC change to finish"),
  3262: c("state", "DNSSEC setting failed", "try again later or contact WEDOS support"),
  3263: c("state", "the domain does not use WEDOS DNS servers", "point the domain's NS at WEDOS or use a custom KEYSET"),
  3264: c("state", "KEYSET is blocked", "contact WEDOS support"),
  3301: c("state", "domain delete failed", "try again later"),
  3302: c("state", "domain add failed", "try again later"),
  3303: c("state", "domain already exists in WEDOS DNS", "set adopt: true to manage the existing zone, or pick another name"),
  3304: c("state", "domain update failed", "try again later"),
  3305: c("state", "domain locked for editing", "the zone is locked in the WEDOS client centre; unlock it and re-run"),
  3306: c("notfound", "domain deleted", "the zone was removed; re-create it"),
  3307: c("state", "row add failed", "try again later"),
  3308: c("state", "row delete failed", "try again later"),
  3309: c("notfound", "row ID does not exist", "the row was removed outside Pulumi; run `pulumi refresh`"),
  3310: c("state", "row update failed", "try again later"),
  3311: c("state", "domain copy failed", "check that the source zone exists"),
  3312: c("state", "new domain already exists", "the target zone of copyFrom already exists; remove copyFrom or the zone"),
  4000: c("internal", "internal error", "retried automatically; if it persists, contact WEDOS support"),
  4001: c("internal", "internal exception", "retried automatically; if it persists, contact WEDOS support"),
  5000: c("internal", "fatal error", "retried automatically; if it persists, contact WEDOS support"),
  5001: c("internal", "internal authentication error", "retried automatically"),
  5002: c("internal", "pricing error", "retried automatically"),
  5003: c("internal", "out of order", "WAPI is down for maintenance; retried automatically"),
};

export function wedosCodeInfo(code: number): CodeInfo {
  return WEDOS_CODES[code] ?? c(code >= 4000 ? "internal" : "validation", `code ${code}`, "see https://kb.wedos.global/wapi-codes/");
}
