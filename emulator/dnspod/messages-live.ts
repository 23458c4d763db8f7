/**
 * English status texts as api.dnspod.com and dnsapi.cn (`lang=en`) word them today, where they differ
 * from the seed's. Clients compare these strings, so each one cites the public record it comes from;
 * everything else keeps the seed's text (messages-seed.ts).
 */

export const LIVE_COMMON: Readonly<Record<string, string>> = {
  // acme.sh dnsapi/dns_dpi.sh matches it since 2020-11 (acme.sh#3259); dns_dp.sh with lang=en (acme.sh#2804).
  "1": "Operation successful",
  // api.dnspod.com: acme.sh#2934; dnsapi.cn: xdtianyu/scripts#59, rehiy/dnspod-shell#57; OpenWrt's
  // dnspod ddns script compares the whole string.
  "-1": "Login fail, please check login info",
  // dnsapi.cn, a login_token whose ID is not a number: acme.sh#4651, acme.sh#2227, tengattack/certbot-dns-dnspod#6.
  "10002": "The login token ID is invalid",
  // api.dnspod.com answering `user_token` (NewFuture/DDNS#286, 2021); only with `userToken: "reject"`.
  "20004": "user token validate failed",
  // dnsapi.cn, a `domain` not in the account (lexicon's recorded dnspod cassettes, 2016).
  "13": "Domain is not exists",
};

// acme.sh dns_dpi.sh and dns_dp.sh accept a create that answers this as "already there".
const DUPLICATE = { "104": "Domain record already exists" };
// rehiy/dnspod-shell#10: Record.Ddns on dnsapi.cn [I for the other record writes].
const BAD_LINE = { "26": "Record line invalid" };
// [G] English for codes only dnsapi.cn gives (its documents word them in Chinese only).
const CN_ONLY = {
  "32": "The TTL value is out of limit",
  "500025": "The number of A records for load balancing is up to limit",
  "500026": "The number of CNAME records for load balancing is up to limit",
};

// [G] dnsapi.cn's batch actions: its documents name no codes but "8" for a job it cannot find.
const BATCH_LIMITS = { "7": "The number of records in one job exceeds the limit", "9": "Too many unfinished batch jobs" };

export const LIVE_BY_ACTION: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "Record.Create": { ...DUPLICATE, ...BAD_LINE, ...CN_ONLY },
  "Record.Modify": { ...DUPLICATE, ...BAD_LINE, ...CN_ONLY },
  "Record.Ddns": { ...DUPLICATE, ...BAD_LINE },
  // acme.sh dns_dpi.sh / dns_dp.sh test for 'No records' to skip a removal.
  "Record.List": { "10": "No records" },
  "Batch.Record.Create": BATCH_LIMITS,
  "Batch.Record.Modify": { ...BATCH_LIMITS, "8": "Invalid record id." },
  "Batch.Detail": { "8": "No data: the job was not found" },
};

/**
 * A `domain` that is not a domain at all, or (api.dnspod.com) not in the account. OpenWrt's dnspod
 * ddns script compares the whole string; tengattack/certbot-dns-dnspod skips a zone guess whose
 * error starts with "Domain name invalid".
 */
export const LIVE_DOMAIN_NAME_INVALID = "Domain name invalid, please input tld domain";
