/**
 * Input schemas of the dnspod resources: validation and normalisation in check() (no API calls),
 * and the source schema.json and the README reference are generated from. Messages name the rule
 * and a fix. The grade-specific TTL minimum cannot be known here (check() has no API access); the
 * API's code 29 says it instead.
 */
import { domainToASCII } from "node:url";
import { z } from "zod";
import { canonicalZone } from "../../dns/rdata";
import { DEFAULT_LINE_KEY } from "../lines";
import { canonicalSubDomain, canonicalType, canonicalValue, DNSPOD_TYPES, lineKey, TTL_MAX, TTL_MIN } from "../convert";

const bool = (what: string) => z.boolean({ error: `${what} must be true or false` });

/** DNSPod ids are numbers; Pulumi programs pass them as strings (`domain.id`) or numbers. */
export const dnspodId = (what: string) =>
  z
    .union([z.string(), z.number()], { error: `${what} must be a DNSPod id such as "1992403" (pass \`domain.id\` of a dnspod.Domain)` })
    .transform((v) => String(v).trim())
    .refine((v) => /^\d+$/.test(v), { error: `${what} must be a numeric DNSPod id such as "1992403". Fix: pass \`domain.id\` of a dnspod.Domain` });

export const zoneName = (what: string) =>
  z.string({ error: `${what} must be a domain name such as "example.com"` }).transform((v, ctx) => {
    const zone = canonicalZone(domainToASCII(v.trim().toLowerCase().replace(/\.$/, "")) || v);
    if (!zone) ctx.addIssue({ code: "custom", message: `"${v}" is not a valid domain name. Fix: use the bare domain without "www" or a trailing dot, e.g. "example.com"` });
    return zone ?? v;
  });

const enableDisable = (what: string) => z.enum(["enable", "disable"], { error: `${what} must be "enable" or "disable"` });

export const RecordInputs = z
  .object({
    domainId: dnspodId("domainId").describe("Id of the domain (`domain.id` of a dnspod.Domain). Changing it replaces the record."),
    subDomain: z
      .string({ error: 'subDomain must be a string such as "www", "@" for the apex' })
      .default("@")
      .transform((v, ctx) => {
        const c = canonicalSubDomain(v);
        if (!c.ok) ctx.addIssue({ code: "custom", message: c.reason });
        return c.ok ? c.value : v;
      })
      .describe('Record name relative to the domain: "@" (default) for the apex, "www", "*" for a wildcard. Updated in place.'),
    recordType: z
      .string({ error: `recordType must be one of ${DNSPOD_TYPES.join(", ")}` })
      .transform((v, ctx) => {
        const t = canonicalType(v);
        if (!t) ctx.addIssue({ code: "custom", message: `"${v}" is not a record type DNSPod supports. Fix: use one of ${DNSPOD_TYPES.join(", ")} (CAA needs a paid grade)` });
        return t ?? v;
      })
      .describe(`Record type: ${DNSPOD_TYPES.join(", ")} (CAA on paid grades). Updated in place.`),
    recordLine: z
      .string({ error: 'recordLine must be a line key such as "default" or "US"' })
      .default(DEFAULT_LINE_KEY)
      .transform((v, ctx) => {
        const k = lineKey(v);
        if (!k) ctx.addIssue({ code: "custom", message: `"${v}" is not a DNSPod line. Fix: use a line key such as "default", "US", "CN", "search_engine" (display names like "United States" are accepted too); see dnspod.getRecordLines()` });
        return k ?? v;
      })
      .describe('Resolution line key: "default" (default), a country key such as "US", or "search_engine". Display names are accepted and normalised to keys. Updated in place.'),
    value: z.string({ error: 'value must be a string, e.g. "192.0.2.10" or "mail.example.com"' }).describe(
      'Record value: A "192.0.2.10", CNAME/NS/MX host (stored lower-case with a trailing dot), SRV "10 5 5060 sip.example.com.", CAA \'0 issue "letsencrypt.org"\', TXT raw text. Updated in place.',
    ),
    mx: z
      .number({ error: "mx must be a whole number from 1 to 20" })
      .int({ error: "mx must be a whole number from 1 to 20" })
      .min(1, { error: "mx must be 1–20 (DNSPod code 30). Fix: use 1–20" })
      .max(20, { error: "mx must be 1–20 (DNSPod code 30). Fix: use 1–20" })
      .optional()
      .describe("MX priority 1–20; required for MX records and not allowed for others. Updated in place."),
    ttl: z
      .number({ error: `ttl must be a whole number of seconds from ${TTL_MIN} to ${TTL_MAX}, e.g. 600` })
      .int({ error: "ttl must be a whole number of seconds, e.g. 600" })
      .min(TTL_MIN, { error: `ttl must be at least ${TTL_MIN} (and at least the domain grade's minimum: DP_Free 600)` })
      .max(TTL_MAX, { error: `ttl must be at most ${TTL_MAX} seconds` })
      .default(600)
      .describe("Time to live in seconds, 1–604800 (default 600); the domain's grade sets the minimum (DP_Free 600). Updated in place."),
    status: enableDisable("status").default("enable").describe('"enable" (default) or "disable"; a disabled record stays in the zone but is not served. Updated in place (Record.Status).'),
    remark: z.string({ error: "remark must be a string" }).default("").describe("Free-text note stored with the record. Updated in place (Record.Remark)."),
    adopt: bool("adopt").default(false).describe("Take over an existing identical record (same subDomain, type, line, value) instead of failing."),
  })
  .strict()
  .superRefine((r, ctx) => {
    const type = canonicalType(r.recordType);
    if (type && typeof r.value === "string") {
      const c = canonicalValue(type, r.value);
      if (!c.ok) ctx.addIssue({ code: "custom", path: ["value"], message: c.reason });
      else r.value = c.value;
    }
    if (type === "MX" && r.mx === undefined) ctx.addIssue({ code: "custom", path: ["mx"], message: "an MX record needs mx, its priority 1–20. Fix: set mx, e.g. 10" });
    if (type && type !== "MX" && r.mx !== undefined) ctx.addIssue({ code: "custom", path: ["mx"], message: `mx applies only to MX records. Fix: remove mx from this ${type} record` });
    if (type === "NS" && r.subDomain === "@" && r.recordLine !== DEFAULT_LINE_KEY) {
      ctx.addIssue({ code: "custom", path: ["recordLine"], message: 'NS records at "@" must use the default line (DNSPod code 36). Fix: set recordLine "default"' });
    }
  });
export type RecordInputs = z.infer<typeof RecordInputs>;

export const DomainInputs = z
  .object({
    domain: zoneName("domain").describe('Domain name, e.g. "example.com" (internationalised names are stored as punycode). Changing it replaces the domain.'),
    groupId: z
      .union([z.number(), z.string().regex(/^\d+$/)], { error: "groupId must be a group id such as 1 (or `group.groupId` of a dnspod.DomainGroup)" })
      .transform(Number)
      .refine((n) => Number.isInteger(n) && n >= 1, { error: "groupId must be a positive whole number" })
      .default(1)
      .describe("Domain group id: 1 (default, \"Default Group\"), another system group 2–7, or `groupId` of a dnspod.DomainGroup. Updated in place."),
    isMark: bool("isMark").default(false).describe("Star (mark) the domain in the DNSPod console. Updated in place."),
    remark: z.string({ error: "remark must be a string" }).default("").describe("Free-text note on the domain. Updated in place."),
    status: enableDisable("status").default("enable").describe('"enable" (default) or "disable" (DNSPod stops serving the domain). Updated in place.'),
    searchEnginePush: bool("searchEnginePush").default(true).describe("Push the domain to search engines. Updated in place."),
    adopt: bool("adopt").default(false).describe("Take over the domain if it already exists in this account instead of failing."),
  })
  .strict();
export type DomainInputs = z.infer<typeof DomainInputs>;

export const ShareInputs = z
  .object({
    domainId: dnspodId("domainId").describe("Id of the shared domain. Changing it replaces the share."),
    email: z
      .string({ error: "email must be the email address of another DNSPod account" })
      .transform((v) => v.trim().toLowerCase())
      .refine((v) => /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/.test(v), { error: 'email must be an email address such as "colleague@example.com"' })
      .describe("Email of the DNSPod account to share with. Changing it replaces the share."),
    mode: z.enum(["r", "rw"], { error: 'mode must be "r" (read only) or "rw" (read and write)' }).default("r").describe('"r" (read only, default) or "rw". Updated in place.'),
    subDomain: z
      .string({ error: 'subDomain must be a string such as "www"' })
      .default("")
      .transform((v, ctx) => {
        const s = v.trim().toLowerCase();
        if (s === "" || s === "@") return "";
        const c = canonicalSubDomain(s);
        if (!c.ok) ctx.addIssue({ code: "custom", message: c.reason });
        return c.ok ? c.value : s;
      })
      .describe('Share only this sub domain ("www"); "" (default) shares the whole domain. Updated in place.'),
    adopt: bool("adopt").default(false).describe("Take over an existing share with this email instead of failing."),
  })
  .strict();
export type ShareInputs = z.infer<typeof ShareInputs>;

export const AliasInputs = z
  .object({
    domainId: dnspodId("domainId").describe("Id of the domain the alias points to. Changing it replaces the alias."),
    domain: zoneName("domain").describe('The alias domain, e.g. "example.net" (without "www"). Changing it replaces the alias.'),
    adopt: bool("adopt").default(false).describe("Take over the alias if this domain already has it instead of failing."),
  })
  .strict();
export type AliasInputs = z.infer<typeof AliasInputs>;

export const GroupInputs = z
  .object({
    name: z
      .string({ error: "name must be a string of 1–20 characters" })
      .transform((v) => v.trim())
      .refine((v) => v.length >= 1 && [...v].length <= 20, { error: "name must be 1–20 characters (DNSPod code 7)" })
      .describe("Group name, 1–20 characters. Updated in place (Domaingroup.Modify). Custom groups need a VIP account."),
    adopt: bool("adopt").default(false).describe("Take over an existing group of this name instead of failing."),
  })
  .strict();
export type GroupInputs = z.infer<typeof GroupInputs>;

export const LockInputs = z
  .object({
    domainId: dnspodId("domainId").describe("Id of the domain to lock. Changing it replaces the lock."),
    days: z
      .number({ error: "days must be a whole number of days from 1 to 365" })
      .int({ error: "days must be a whole number of days" })
      .min(1, { error: "days must be at least 1 (DNSPod code 8)" })
      .max(365, { error: "days must be at most 365 (DNSPod code 9)" })
      .describe("How many days the lock holds (1–365). While it holds, record writes and domain removal fail. Changing it replaces the lock."),
  })
  .strict();
export type LockInputs = z.infer<typeof LockInputs>;
