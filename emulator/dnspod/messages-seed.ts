/**
 * The seed's English status texts (`wording: "seed"`, and the base of "live"). Codes 6 and up mean
 * something different for every action, so the table is keyed by action; texts are the vendor's
 * English documentation wording (typos included) where it has one. Codes marked [G] are the
 * emulator's choice where the vendor documents nothing.
 */

const COMMON: Record<string, string> = {
  "1": "Action completed successful",
  "2": "POST method only",
  "3": "Unknown error",
  "-1": "Login failed",
  "-2": "API usage is limited",
  "-3": "Invalid agent",
  "-4": "The user is not under this agent",
  "-7": "No permission to use this API",
  "-8": "The account is temporarily banned because of too many failed logins",
  "-15": "Domain got prohibited.",
  "-99": "API is not open or paused",
  "85": "Logged on elsewhere, request rejected",
};

const DOMAIN_ID = { "6": "Invalid domain id." };
const NO_PERMIT = { "8": "You have no permit to do this." };
const LOCKED_7 = { "7": "Domain got locked." };
const SHARE_EMAIL = {
  "7": "Invalid target email address.",
  "8": "The target email address not exists.",
};

const RECORD_WRITE: Record<string, string> = {
  "6": "Missing parameter or invalid parameter.",
  "7": "You have no permission to operate this record.",
  "8": "Invalid record id.",
  "21": "Domain got locked.",
  "22": "Invalid sub domain.",
  "23": "Sub domain levels are up to limit.",
  "24": "Invalid wildcard sub domain.",
  "25": "The number of round-robin records is up to limit.",
  "26": "Invalid record line.",
  "27": "Invalid record type.",
  "29": "The TTL value is too small for your domain grade.",
  "30": "Invalid MX value, it must be 1-20.",
  // [G] China API meaning; the international table uses 31 for "URL record limit".
  "31": "Conflicting records: A, CNAME and URL records can't coexist.",
  "34": "Invalid record value.",
  "36": "NS records of @ can only use the default line.",
  // [G] undocumented for the international API.
  "104": "The record already exists.",
};

const BY_ACTION: Record<string, Record<string, string>> = {
  "Domain.Create": {
    "6": "Invalid domain.",
    "7": "Domain already exists.",
    "11": "Domain already exists as an alias of another domain.",
    "12": "Domain already exists on which you have no permit to operate.",
  },
  "Domain.List": { "6": "Invalid offset.", "7": "Invalid length.", "9": "Empty result." },
  "Domain.Remove": {
    ...DOMAIN_ID,
    ...LOCKED_7,
    "8": "VIP domains is not allowed to delete.",
    "9": "You have no permit to do this.",
  },
  "Domain.Status": { ...DOMAIN_ID, ...LOCKED_7, ...NO_PERMIT },
  "Domain.Info": { ...DOMAIN_ID, ...NO_PERMIT },
  "Domain.Log": { ...DOMAIN_ID, ...NO_PERMIT },
  "Domain.Searchenginepush": { ...DOMAIN_ID, ...LOCKED_7, ...NO_PERMIT },
  "Domainshare.Create": {
    ...DOMAIN_ID,
    ...SHARE_EMAIL,
    "9": "The share already exists.",
    "10": "Your shared number is up to limit.",
  },
  "Domainshare.List": { ...DOMAIN_ID, "7": "No share records." },
  "Domainshare.Modify": {
    ...DOMAIN_ID,
    "7": "Invalid email address.",
    "8": "The email address not exists.",
    "9": "There’s no share for this email address.",
  },
  "Domainshare.Remove": {
    ...DOMAIN_ID,
    "7": "Invalid email address.",
    "8": "The email address not exists.",
    "9": "There’s no share for this email address.",
  },
  "Domainshare.Transfer": {
    ...DOMAIN_ID,
    "7": "Invalid email address.",
    "8": "Email address not exists.",
    "9": "You cannot transfer it to yourself.",
  },
  "Domain.Lock": {
    ...DOMAIN_ID,
    "7": "You don’t have the permission.",
    "8": "Wrong parameter “days”.",
    "9": "The parameter “days” is too big.",
    "21": "Domain is already locked.",
  },
  "Domain.Lockstatus": { ...DOMAIN_ID, "7": "The domain is not locked." },
  "Domain.Unlock": {
    ...DOMAIN_ID,
    "7": "You don’t have the permission.",
    "8": "The domain is not locked.",
    "9": "Invalid lock code.",
  },
  "Domainalias.List": { ...DOMAIN_ID, "7": "Empty result." },
  "Domainalias.Create": {
    ...DOMAIN_ID,
    "7": "Invalid domain.",
    "8": "The domain is already added.",
    "9": "The domain already exists.",
    "10": "The number of domains is up to limit.",
  },
  "Domainalias.Remove": { ...DOMAIN_ID, "7": "Invalid alias id." },
  "Domaingroup.Create": {
    "-7": "Domain groups are only available to VIP accounts.",
    "7": "Invalid group name.",
    "8": "The group name already exists.",
    "9": "The number of groups is up to limit.",
  },
  "Domaingroup.Modify": {
    "6": "Invalid group id.",
    "7": "Invalid group name.",
    "8": "The group name already exists.",
  },
  "Domaingroup.Remove": { "6": "Invalid group id." },
  "Domain.Changegroup": { ...DOMAIN_ID, "7": "Invalid group id." },
  "Domain.Ismark": { ...DOMAIN_ID },
  "Domain.Remark": { ...DOMAIN_ID },
  "Domain.Acquire": acquireCodes("Fail to get email address."),
  "Domain.Acquiresend": { ...acquireCodes("Fail to get email address."), "16": "Invalid email address." },
  "Domain.Acquirevalidate": { ...acquireCodes("Wrong code."), "16": "Invalid email address." },
  "Record.Type": { "6": "Invalid domain grade." },
  "Record.Line": { "6": "Invalid domain grade." },
  "Record.Create": RECORD_WRITE,
  "Record.Modify": RECORD_WRITE,
  "Record.Ddns": RECORD_WRITE,
  "Record.Remove": { ...RECORD_WRITE, "6": "Invalid domain id." },
  "Record.Status": RECORD_WRITE,
  "Record.Remark": { ...RECORD_WRITE, "6": "Invalid domain id." },
  "Record.Info": { "6": "Invalid domain id.", "7": "You have no permission.", "8": "Invalid record id." },
  "Record.List": {
    "6": "Invalid domain id.",
    "7": "Invalid offset.",
    "8": "Invalid length.",
    "9": "You have no permission.",
    "10": "No records.",
  },
};

function acquireCodes(fifteen: string): Record<string, string> {
  return {
    "6": "Invalid domain.",
    "7": "No Chinese character allowed in the domain.",
    "8": "Invalid domain.",
    "9": "Domains that end with ”.tk” are not supported.No offense.",
    "10": "Domain not exists.",
    "12": "Domain got locked.",
    "15": fifteen,
  };
}

export function seedMessage(action: string, code: string): string {
  return BY_ACTION[action]?.[code] ?? COMMON[code] ?? "Unknown error";
}
