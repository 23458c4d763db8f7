/**
 * Input schemas of the dnspod resources: validation and normalisation in check() (no API calls),
 * and the source schema.json and the README reference are generated from. Messages name the rule
 * and a fix. The grade-specific TTL minimum cannot be known here (check() has no API access); the
 * API's code 29 says it instead.
 */
import { domainToASCII } from "node:url";
import { z } from "zod";
import { canonicalZone } from "../../dns/rdata";
import { given, typeError, withFix } from "../../resource";
import { keyedRecords } from "../../zone/keyed";
import {
  canonicalSubDomain,
  canonicalType,
  canonicalValue,
  checkLine,
  DNSPOD_TYPES,
  type RecordAttrs,
  recordAttrs,
  recordKey,
  TTL_MAX,
  TTL_MIN,
} from "../convert";
import { DEFAULT_LINE_KEY } from "../lines";

const bool = (what: string) => z.boolean({ error: typeError(what, "a boolean", `${what}: true`) });

/** DNSPod ids are numbers; Pulumi programs pass them as strings (`domain.id`) or numbers. */
export const dnspodId = (what: string) =>
  z
    .union([z.string(), z.number()], {
      error: typeError(what, "a DNSPod id (string or number)", `${what}: domain.id of a dnspod.Domain, or "1992403"`),
    })
    .transform((v) => String(v).trim())
    .pipe(
      z.string().regex(/^\d+$/, {
        error: (i) =>
          `${what} must be a numeric DNSPod id such as "1992403", not ${JSON.stringify(String(i.input).trim())}. Fix: pass \`domain.id\` of a dnspod.Domain`,
      }),
    );

const zoneName = (what: string) =>
  z
    .string({ error: typeError(what, "a domain name string", `${what}: "example.com"`) })
    .transform((v, ctx) => {
      const zone = canonicalZone(domainToASCII(v.trim().toLowerCase().replace(/\.$/, "")) || v);
      if (!zone)
        ctx.addIssue({
          code: "custom",
          message: `"${v}" is not a valid domain name. Fix: use the bare domain without "www" or a trailing dot, e.g. "example.com"`,
        });
      return zone ?? v;
    })
    .pipe(z.string());

const enableDisable = (what: string) =>
  z.enum(["enable", "disable"], {
    error: (i) => `${what} must be "enable" or "disable", not ${given(i.input)}. Fix: use ${what}: "enable" or ${what}: "disable"`,
  });

/** The fields of one record, shared by dnspod.Record and the records of dnspod.ZoneRecords. */
const RECORD_FIELDS = {
  subDomain: z
    .string({ error: typeError("subDomain", 'a string relative to the domain ("@" for the apex)', 'subDomain: "www"') })
    .default("@")
    .transform((v, ctx) => {
      const c = canonicalSubDomain(v);
      if (!c.ok) ctx.addIssue({ code: "custom", message: c.reason });
      return c.ok ? c.value : v;
    })
    .pipe(z.string())
    .describe('Record name relative to the domain: "@" (default) for the apex, "www", "*" for a wildcard. Updated in place.'),
  recordType: z
    .string({ error: typeError("recordType", `a record type string (${DNSPOD_TYPES.join(", ")})`, 'recordType: "A"') })
    .transform((v, ctx) => {
      const t = canonicalType(v);
      if (!t)
        ctx.addIssue({
          code: "custom",
          message: `"${v}" is not a record type DNSPod supports. Fix: use one of ${DNSPOD_TYPES.join(", ")} (CAA needs a paid grade)`,
        });
      return t ?? v;
    })
    .pipe(z.enum(DNSPOD_TYPES))
    .describe(`Record type: ${DNSPOD_TYPES.join(", ")} (CAA on paid grades). Updated in place.`),
  recordLine: z
    .string({
      error: typeError(
        "recordLine",
        "a line string",
        'recordLine: "default", recordLine: "US" (api.dnspod.com) or recordLine: "电信" (dnsapi.cn)',
      ),
    })
    .default(DEFAULT_LINE_KEY)
    .transform((v, ctx) => {
      const c = checkLine(v);
      if (!c.ok) ctx.addIssue({ code: "custom", message: c.reason });
      return c.ok ? c.value : v;
    })
    .pipe(z.string())
    .describe(
      'Resolution line: "default" (default; "Default" and "默认" mean the same). api.dnspod.com: a line key such as "US" or "search_engine" (display names like "United States" are normalised to keys). dnsapi.cn (dnspod:site cn): a Chinese line name such as "电信", "联通", "境外". Updated in place.',
    ),
  value: z
    .string({ error: typeError("value", "a string", 'value: "192.0.2.10" or value: "mail.example.com"') })
    .describe(
      'Record value: A "192.0.2.10", CNAME/NS/MX host (stored lower-case with a trailing dot), SRV "10 5 5060 sip.example.com.", CAA \'0 issue "letsencrypt.org"\', TXT raw text. Updated in place.',
    ),
  mx: z
    .number({ error: typeError("mx", "a number from 1 to 20", "mx: 10 (a number, no quotes)") })
    .int({
      error: (i) => `mx ${String(i.input)} is not a whole number; mx must be 1–20 (DNSPod code 30). Fix: use a whole number 1–20, e.g. 10`,
    })
    .min(1, { error: "mx must be 1–20 (DNSPod code 30). Fix: use 1–20" })
    .max(20, { error: "mx must be 1–20 (DNSPod code 30). Fix: use 1–20" })
    .optional()
    .describe("MX priority 1–20; required for MX records and not allowed for others. Updated in place."),
  ttl: z
    .number({ error: typeError("ttl", `a number of seconds (${TTL_MIN}–${TTL_MAX})`, "ttl: 600 (a number, no quotes)") })
    .int({
      error: (i) => `ttl ${String(i.input)} is not a whole number of seconds. Fix: use a whole number ${TTL_MIN}–${TTL_MAX}, e.g. 600`,
    })
    .min(TTL_MIN, {
      error: (i) =>
        `ttl must be at least ${TTL_MIN} (and at least the domain grade's minimum: DP_Free 600), not ${String(i.input)}. Fix: use 600–${TTL_MAX} seconds (DP_Free), e.g. 600`,
    })
    .max(TTL_MAX, {
      error: (i) => `ttl must be at most ${TTL_MAX} seconds (7 days), not ${String(i.input)}. Fix: use ${TTL_MAX} or less, e.g. 86400`,
    })
    .default(600)
    .describe("Time to live in seconds, 1–604800 (default 600); the domain's grade sets the minimum (DP_Free 600). Updated in place."),
  status: enableDisable("status")
    .default("enable")
    .describe('"enable" (default) or "disable"; a disabled record stays in the zone but is not served. Updated in place (Record.Status).'),
  remark: z
    .string({ error: typeError("remark", "a string", 'remark: "web front"') })
    .default("")
    .describe("Free-text note stored with the record. Updated in place (Record.Remark)."),
};

/** Record rules beyond single fields: value for its type (normalised in place), mx only and always for MX, NS at @ on the default line. */
function refineRecord(
  r: { recordType: string; value: string; mx?: number | undefined; subDomain: string; recordLine: string },
  ctx: z.RefinementCtx,
): void {
  const type = canonicalType(r.recordType);
  if (type && typeof r.value === "string") {
    const c = canonicalValue(type, r.value);
    if (!c.ok)
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: withFix(
          c.reason,
          type === "TXT"
            ? 'give the text without quotes, e.g. "v=spf1 mx -all"'
            : `give a ${type} value, see the dnspod.Record reference in README.md`,
        ),
      });
    else r.value = c.value;
  }
  if (type === "MX" && r.mx === undefined)
    ctx.addIssue({ code: "custom", path: ["mx"], message: "an MX record needs mx, its priority 1–20. Fix: set mx, e.g. 10" });
  if (type && type !== "MX" && r.mx !== undefined)
    ctx.addIssue({ code: "custom", path: ["mx"], message: `mx applies only to MX records. Fix: remove mx from this ${type} record` });
  if (type === "NS" && r.subDomain === "@" && r.recordLine !== DEFAULT_LINE_KEY) {
    ctx.addIssue({
      code: "custom",
      path: ["recordLine"],
      message: 'NS records at "@" must use the default line (DNSPod code 36). Fix: set recordLine "default"',
    });
  }
}

export const RecordInputs = z
  .object({
    domainId: dnspodId("domainId").describe("Id of the domain (`domain.id` of a dnspod.Domain). Changing it replaces the record."),
    ...RECORD_FIELDS,
    adopt: bool("adopt")
      .default(false)
      .describe("Take over an existing identical record (same subDomain, type, line, value) instead of failing."),
  })
  .strict()
  .superRefine(refineRecord);
export type RecordInputs = z.infer<typeof RecordInputs>;

/** One record of dnspod.ZoneRecords: the fields and rules of dnspod.Record, without domain or adopt. */
export const ZoneRecord = z.object(RECORD_FIELDS).strict().superRefine(refineRecord);
export type ZoneRecord = z.output<typeof ZoneRecord>;

const groupIdType = typeError(
  "groupId",
  "a group id (a number, or a string of digits)",
  "groupId: 1, or `group.groupId` of a dnspod.DomainGroup",
);

export const DomainInputs = z
  .object({
    domain: zoneName("domain").describe(
      'Domain name, e.g. "example.com" (internationalised names are stored as punycode). Changing it replaces the domain.',
    ),
    groupId: z
      .union([z.number(), z.string().regex(/^\d+$/, { error: groupIdType })], { error: groupIdType })
      .transform(Number)
      .pipe(
        z.number().refine((n) => Number.isInteger(n) && n >= 1, {
          error: (i) =>
            `groupId must be a positive whole number, not ${String(i.input)}. Fix: use 1 (Default Group), a system group 2–7, or \`group.groupId\` of a dnspod.DomainGroup`,
        }),
      )
      .default(1)
      .describe(
        'Domain group id: 1 (default, "Default Group"), another system group 2–7, or `groupId` of a dnspod.DomainGroup. Updated in place.',
      ),
    isMark: bool("isMark").default(false).describe("Star (mark) the domain in the DNSPod console. Updated in place."),
    remark: z
      .string({ error: typeError("remark", "a string", 'remark: "production"') })
      .default("")
      .describe("Free-text note on the domain. Updated in place."),
    status: enableDisable("status")
      .default("enable")
      .describe('"enable" (default) or "disable" (DNSPod stops serving the domain). Updated in place.'),
    searchEnginePush: bool("searchEnginePush").default(true).describe("Push the domain to search engines. Updated in place."),
    adopt: bool("adopt").default(false).describe("Take over the domain if it already exists in this account instead of failing."),
  })
  .strict();
export type DomainInputs = z.infer<typeof DomainInputs>;

export const ShareInputs = z
  .object({
    domainId: dnspodId("domainId").describe("Id of the shared domain. Changing it replaces the share."),
    email: z
      .string({ error: typeError("email", "an email address string", 'email: "colleague@example.com"') })
      .transform((v) => v.trim().toLowerCase())
      .pipe(
        z.string().regex(/^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/, {
          error: (i) =>
            `email ${JSON.stringify(i.input)} is not an email address. Fix: use the email of another DNSPod account, e.g. "colleague@example.com"`,
        }),
      )
      .describe("Email of the DNSPod account to share with. Changing it replaces the share."),
    mode: z
      .enum(["r", "rw"], {
        error: (i) => `mode must be "r" (read only) or "rw" (read and write), not ${given(i.input)}. Fix: use mode: "r" or mode: "rw"`,
      })
      .default("r")
      .describe('"r" (read only, default) or "rw". Updated in place.'),
    subDomain: z
      .string({ error: typeError("subDomain", 'a string ("" shares the whole domain)', 'subDomain: "www"') })
      .default("")
      .transform((v, ctx) => {
        const s = v.trim().toLowerCase();
        if (s === "" || s === "@") return "";
        const c = canonicalSubDomain(s);
        if (!c.ok) ctx.addIssue({ code: "custom", message: c.reason });
        return c.ok ? c.value : s;
      })
      .pipe(z.string())
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
      .string({ error: typeError("name", "a string of 1–20 characters", 'name: "production"') })
      .transform((v) => v.trim())
      .pipe(
        z.string().refine((v) => v.length >= 1 && [...v].length <= 20, {
          error: (i) => {
            const n = [...String(i.input)].length;
            return `name must be 1–20 characters (DNSPod code 7); ${n ? `it has ${n}` : "it is empty"}. Fix: use a non-empty name of at most 20 characters, e.g. "production"`;
          },
        }),
      )
      .describe("Group name, 1–20 characters. Updated in place (Domaingroup.Modify). Custom groups need a VIP account."),
    adopt: bool("adopt").default(false).describe("Take over an existing group of this name instead of failing."),
  })
  .strict();
export type GroupInputs = z.infer<typeof GroupInputs>;

export const LockInputs = z
  .object({
    domainId: dnspodId("domainId").describe("Id of the domain to lock. Changing it replaces the lock."),
    days: z
      .number({ error: typeError("days", "a number of days (1–365)", "days: 30 (a number, no quotes)") })
      .int({ error: (i) => `days ${String(i.input)} is not a whole number of days. Fix: use a whole number 1–365, e.g. 30` })
      .min(1, { error: (i) => `days must be at least 1 (DNSPod code 8), not ${String(i.input)}. Fix: use 1–365, e.g. 30` })
      .max(365, { error: (i) => `days must be at most 365 (DNSPod code 9), not ${String(i.input)}. Fix: use 1–365, e.g. 365` })
      .describe(
        "How many days the lock holds (1–365). While it holds, record writes and domain removal fail. Changing it replaces the lock.",
      ),
  })
  .strict();
export type LockInputs = z.infer<typeof LockInputs>;

const RecordAttrsSchema = z.object({
  ttl: z.number().int(),
  mx: z.number().int().optional(),
  status: z.literal("disable").optional(),
  remark: z.string().optional(),
});

export const ZoneRecordsInputs = z
  .object({
    domainId: dnspodId("domainId").describe(
      "Id of the domain whose records this resource manages (`domain.id` of a dnspod.Domain). Changing it replaces the resource.",
    ),
    records: z
      .array(ZoneRecord, {
        error: typeError("records", "a list of records", 'records: [{ subDomain: "www", recordType: "A", value: "192.0.2.10" }]'),
      })
      .transform((list, ctx) =>
        keyedRecords<ZoneRecord, RecordAttrs>(list, ctx, {
          key: recordKey,
          attrs: recordAttrs,
          owner: (r) => `${r.subDomain} ${r.recordLine}`,
          type: (r) => r.recordType,
        }),
      )
      .pipe(z.record(z.string(), RecordAttrsSchema))
      .describe(
        "The records: { subDomain, recordType, value, recordLine, mx, ttl, status, remark } each, with the rules and defaults of dnspod.Record (dnspod.fromZoneFile(parseZoneFile(…)) fits; SOA and apex NS are left out, DNSPod serves its own). A record is identified by subDomain, type, line and value; ttl, mx, status and remark are its attributes, changed in place. Records already in the domain with the same identity are adopted without a write.",
      ),
    exclusive: bool("exclusive")
      .default(false)
      .describe(
        "Own the whole domain: records nothing declares are deleted (never DNSPod's own NS records). They show as removals in the preview after `pulumi refresh` (or `pulumi up --refresh`), and an update deletes only what its preview showed. Default false: other records are left alone and listed in `unmanaged`.",
      ),
  })
  .strict();
export type ZoneRecordsInputs = z.output<typeof ZoneRecordsInputs>;
