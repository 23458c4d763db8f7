/**
 * The input fields the dnspod resources share (ids, domain names, the fields and rules of a
 * record): each resource's own inputs are declared in its file. Validation and normalisation happen
 * in check() (no API calls); messages name the rule and a fix. The grade-specific TTL minimum
 * cannot be known here (check() has no API access); the API's code 29 says it instead.
 */
import { domainToASCII } from "node:url";
import { z } from "zod";
import { canonicalZone } from "../../dns/stored-rdata";
import { given, typeError, withFix } from "../../resource";
import { canonicalSubDomain, canonicalType, canonicalValue, checkLine, DNSPOD_TYPES, TTL_MAX, TTL_MIN } from "../convert";
import { DEFAULT_LINE_KEY } from "../lines";

export const bool = (what: string) => z.boolean({ error: typeError(what, "a boolean", `${what}: true`) });

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

export const zoneName = (what: string) =>
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

export const enableDisable = (what: string) =>
  z.enum(["enable", "disable"], {
    error: (i) => `${what} must be "enable" or "disable", not ${given(i.input)}. Fix: use ${what}: "enable" or ${what}: "disable"`,
  });

/** The fields of one record, shared by dnspod.Record and the records of dnspod.ZoneRecords. */
export const RECORD_FIELDS = {
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
      'Resolution line: "default" (default; "Default" and "默认" mean the same). api.dnspod.com: a line key such ' +
        'as "US" or "search_engine" (display names like "United States" are normalised to keys). dnsapi.cn (dnspod:site ' +
        'cn): a Chinese line name such as "电信", "联通", "境外". Updated in place.',
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
export function refineRecord(
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

/** One record of dnspod.ZoneRecords: the fields and rules of dnspod.Record, without domain or adopt. */
export const ZoneRecord = z.object(RECORD_FIELDS).strict().superRefine(refineRecord);
export type ZoneRecord = z.output<typeof ZoneRecord>;
