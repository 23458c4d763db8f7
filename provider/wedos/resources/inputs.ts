/**
 * Input schemas of the wedos resources: validation and normalisation in check(), and the source
 * schema.json and the README reference are generated from. Messages name the rule and a fix.
 */

import { isIPv4, isIPv6 } from "node:net";
import { z } from "zod";
import { canonicalHost, canonicalZone, RDATA_RULES } from "../../dns/rdata";
import { given, typeError, withFix } from "../../resource";
import { keyedRecords } from "../../zone/keyed";
import { type RowAttrs, rowAttrs, rowKey } from "../convert";

export const WEDOS_TYPES = ["A", "AAAA", "CNAME", "MX", "TXT", "NS", "SRV", "CAA", "TLSA", "SSHFP"] as const;
const TTL_MIN = 300;
const TTL_MAX = 172800;

export const zoneName = (what: string) =>
  z
    .string({ error: typeError(what, "a domain name string", `${what}: "example.cz"`) })
    .transform((v, ctx) => {
      const zone = canonicalZone(v);
      if (!zone)
        ctx.addIssue({
          code: "custom",
          message: `"${v}" is not a valid domain name. Fix: use the zone's name without a trailing dot, e.g. "example.cz"`,
        });
      return zone ?? v;
    })
    .pipe(z.string());

/** Row names are relative to the zone; WAPI's apex is "" and it rejects "@", so "@" becomes "". */
const rowName = z
  .string({ error: typeError("name", 'a string relative to the zone ("" or "@" for the apex)', 'name: "www"') })
  .default("")
  .transform((v, ctx) => {
    const name = v.trim().toLowerCase();
    if (name === "" || name === "@") return "";
    const labels = name.split(".");
    const valid = !name.endsWith(".") && labels.every((l, i) => (l === "*" && i === 0) || canonicalHost(l) === l);
    if (!valid)
      ctx.addIssue({
        code: "custom",
        message: `"${v}" is not a valid row name. Fix: give it relative to the zone without a trailing dot ("www", "_sip._tcp", "*.dev"); "" or "@" is the apex`,
      });
    return name;
  })
  .pipe(z.string());

const ip = (what: string) =>
  z.string({ error: typeError(what, "an IP address string", '"192.0.2.53"') }).refine((v) => isIPv4(v) || isIPv6(v), {
    error: (i) =>
      `${what} ${JSON.stringify(i.input)} is not an IPv4 or IPv6 address. Fix: use an address such as "192.0.2.53" or "2001:db8::53"`,
  });

/** The fields of one row, shared by wedos.Record and the rows of wedos.ZoneRecords. */
const ROW_FIELDS = {
  name: rowName.describe(
    'Row name relative to the zone: "" (or "@") for the apex, "www", "*" for a wildcard. Changing it replaces the row (WAPI cannot rename).',
  ),
  type: z
    .string({ error: typeError("type", `a record type string (${WEDOS_TYPES.join(", ")})`, 'type: "A"') })
    .transform((v) => v.toUpperCase())
    .pipe(
      z.enum(WEDOS_TYPES, {
        error: (i) => `"${String(i.input)}" is not a record type WEDOS supports. Fix: use one of ${WEDOS_TYPES.join(", ")}`,
      }),
    )
    .describe("Record type: A, AAAA, CNAME, MX, TXT, NS, SRV, CAA, TLSA or SSHFP. Changing it replaces the row."),
  ttl: z
    .number({ error: typeError("ttl", `a number of seconds (${TTL_MIN}–${TTL_MAX})`, "ttl: 3600 (a number, no quotes)") })
    .int({
      error: (i) => `ttl ${String(i.input)} is not a whole number of seconds. Fix: use a whole number ${TTL_MIN}–${TTL_MAX}, e.g. 3600`,
    })
    .min(TTL_MIN, { error: (i) => `ttl ${String(i.input)} is below WEDOS's minimum. Fix: use ${TTL_MIN}–${TTL_MAX} seconds` })
    .max(TTL_MAX, { error: (i) => `ttl ${String(i.input)} is above WEDOS's maximum. Fix: use ${TTL_MIN}–${TTL_MAX} seconds` })
    .default(TTL_MIN)
    .describe(`Time to live in seconds, ${TTL_MIN}–${TTL_MAX} (default ${TTL_MIN}). Updated in place.`),
  rdata: z
    .string({ error: typeError("rdata", "a string in zone-file form", 'rdata: "192.0.2.10" or rdata: "10 mail.example.cz"') })
    .describe(
      'Record data in zone-file form: A "192.0.2.10", MX "10 mail.example.cz", SRV "10 5 5060 sip.example.cz", CAA \'0 issue "letsencrypt.org"\', TXT raw text without quotes. Updated in place.',
    ),
  comment: z
    .string({ error: typeError("comment", "a string", 'comment: "managed by Pulumi"') })
    .default("")
    .describe("Author comment stored with the row (WAPI auth_comment). WAPI cannot update it, so changing it replaces the row."),
};

/** Row rules beyond single fields: rdata for its type (normalised in place), no CNAME at the apex. */
function refineRow(r: { name: string; type: string; rdata: string }, ctx: z.RefinementCtx, resource: string): void {
  const rule = RDATA_RULES[r.type];
  if (rule && typeof r.rdata === "string") {
    const c = rule(r.rdata);
    if (!c.ok)
      ctx.addIssue({
        code: "custom",
        path: ["rdata"],
        message: withFix(
          c.reason,
          r.type === "TXT"
            ? 'give the text without quotes, at most 4096 characters, e.g. "v=spf1 mx -all"'
            : `write ${r.type} rdata in zone-file form, see the ${resource} reference in README.md`,
        ),
      });
    else r.rdata = c.value;
  }
  if (r.type === "CNAME" && r.name === "") {
    ctx.addIssue({
      code: "custom",
      path: ["name"],
      message: "a CNAME cannot be at the zone apex (WAPI 2312). Fix: use a subdomain name, or A/AAAA rows at the apex",
    });
  }
}

export const RecordInputs = z
  .object({
    domain: zoneName("domain").describe(
      'Zone the row belongs to, e.g. "example.cz" (pass `zone.name` of a wedos.Domain so a recreated zone recreates its rows). Changing it replaces the row.',
    ),
    ...ROW_FIELDS,
    adopt: z
      .boolean({ error: typeError("adopt", "a boolean", "adopt: true") })
      .default(false)
      .describe(
        "Take over an identical existing row (same name, type and rdata) instead of failing; the way to bring existing DNS under management.",
      ),
  })
  .strict()
  .superRefine((r, ctx) => refineRow(r, ctx, "wedos.Record"));
export type RecordInputs = z.infer<typeof RecordInputs>;

/** One row of wedos.ZoneRecords: the fields and rules of wedos.Record, without zone or adopt. */
export const ZoneRow = z
  .object(ROW_FIELDS)
  .strict()
  .superRefine((r, ctx) => refineRow(r, ctx, "wedos.ZoneRecords"));
export type ZoneRow = z.output<typeof ZoneRow>;

export const DomainInputs = z
  .object({
    name: zoneName("name").describe('Zone name, e.g. "example.cz". Changing it creates a different zone.'),
    type: z
      .enum(["primary", "secondary"], {
        error: (i) =>
          `type must be "primary" or "secondary", not ${given(i.input)}. Fix: use type: "primary" (rows managed here) or "secondary" (with primaryIp)`,
      })
      .default("primary")
      .describe(
        "primary (rows managed here) or secondary (transferred from primaryIp by AXFR). Changing it recreates the zone: see allowRecreate.",
      ),
    primaryIp: ip("primaryIp")
      .optional()
      .describe("Secondary zones only: address of the primary server to transfer from. Changing it recreates the zone."),
    axfrEnabled: z
      .boolean({ error: typeError("axfrEnabled", "a boolean", "axfrEnabled: true") })
      .default(false)
      .describe("Primary zones only: allow outgoing zone transfers to axfrIps. Changing it recreates the zone."),
    axfrIps: z
      .array(ip("axfrIps entry"), { error: typeError("axfrIps", "a list of IP address strings", 'axfrIps: ["192.0.2.99"]') })
      .default([])
      .describe("Primary zones with axfrEnabled: addresses allowed to transfer the zone. Changing it recreates the zone."),
    copyFrom: zoneName("copyFrom")
      .optional()
      .describe("Create the zone as a copy of this existing zone (dns-domain-copy), rows included. Later changes are ignored."),
    allowRecreate: z
      .boolean({ error: typeError("allowRecreate", "a boolean", "allowRecreate: true") })
      .default(false)
      .describe(
        "Allow a change that WAPI can only apply by deleting and re-creating the zone (type, primaryIp, AXFR settings). Every row is deleted with it; Records that take `domain` from this resource's `name` output are recreated in the same update.",
      ),
    axfrRunTrigger: z
      .string({ error: typeError("axfrRunTrigger", "a string", 'axfrRunTrigger: "1"') })
      .optional()
      .describe("Secondary zones: any value; each change runs dns-domain-axfr-run so WEDOS transfers the zone from its primary soon."),
    adopt: z
      .boolean({ error: typeError("adopt", "a boolean", "adopt: true") })
      .default(false)
      .describe("Take over an existing zone of this name instead of failing."),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.type === "secondary" && !d.primaryIp)
      ctx.addIssue({
        code: "custom",
        path: ["primaryIp"],
        message: 'a secondary zone needs primaryIp, the address of its primary server. Fix: set primaryIp, or use type "primary"',
      });
    if (d.type === "primary" && d.primaryIp)
      ctx.addIssue({
        code: "custom",
        path: ["primaryIp"],
        message: 'primaryIp applies only to secondary zones. Fix: remove it, or set type: "secondary"',
      });
    if (d.type === "secondary" && (d.axfrEnabled || d.axfrIps.length))
      ctx.addIssue({
        code: "custom",
        path: ["axfrEnabled"],
        message: "outgoing AXFR settings apply only to primary zones. Fix: remove axfrEnabled/axfrIps",
      });
    if (d.axfrEnabled && d.axfrIps.length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["axfrIps"],
        message: "axfrEnabled needs at least one address in axfrIps (WAPI 2305). Fix: list the secondary servers' IPs",
      });
    if (!d.axfrEnabled && d.axfrIps.length)
      ctx.addIssue({
        code: "custom",
        path: ["axfrIps"],
        message: "axfrIps is used only with axfrEnabled: true. Fix: set axfrEnabled: true or remove axfrIps",
      });
    if (d.type === "primary" && d.axfrRunTrigger !== undefined)
      ctx.addIssue({ code: "custom", path: ["axfrRunTrigger"], message: "axfrRunTrigger applies only to secondary zones. Fix: remove it" });
    if (d.copyFrom && d.copyFrom === d.name)
      ctx.addIssue({ code: "custom", path: ["copyFrom"], message: "a zone cannot be copied from itself. Fix: name another existing zone" });
  });
export type DomainInputs = z.infer<typeof DomainInputs>;

export const KeysetInputs = z
  .object({
    domain: zoneName("domain").describe("Zone whose DNSSEC KEYSET is set. Changing it moves the setting to another zone (replace)."),
    keyset: z
      .string({ error: typeError("keyset", 'a string ("wedos" or a custom KEYSET name)', 'keyset: "wedos"') })
      .min(1, { error: 'keyset must not be empty. Fix: set keyset: "wedos" for WEDOS\'s own keys, or the name of a custom KEYSET' })
      .describe(
        '"wedos" = WEDOS\'s own KEYSET (primary zones on WEDOS DNS); any other value names a custom KEYSET. Deleting the resource turns DNSSEC off (keyset 0).',
      ),
  })
  .strict();
export type KeysetInputs = z.infer<typeof KeysetInputs>;

const RowAttrsSchema = z.object({ ttl: z.number().int(), comment: z.string().optional() });

export const ZoneRecordsInputs = z
  .object({
    domain: zoneName("domain").describe(
      'Zone whose rows this resource manages, e.g. "example.cz" (pass `zone.name` of a wedos.Domain). Changing it replaces the resource.',
    ),
    records: z
      .array(ZoneRow, { error: typeError("records", "a list of rows", 'records: [{ name: "www", type: "A", rdata: "192.0.2.10" }]') })
      .transform((rows, ctx) =>
        keyedRecords<ZoneRow, RowAttrs>(rows, ctx, { key: rowKey, attrs: rowAttrs, owner: (r) => r.name, type: (r) => r.type }),
      )
      .pipe(z.record(z.string(), RowAttrsSchema))
      .describe(
        "The rows: { name, type, ttl, rdata, comment } each, with the rules and defaults of wedos.Record (parseZoneFile() output fits as it is; its SOA and apex NS are left out, WEDOS serves its own). A row is identified by name, type and rdata; ttl and comment are its attributes. Rows already in the zone with the same identity are adopted without a write.",
      ),
    exclusive: z
      .boolean({ error: typeError("exclusive", "a boolean", "exclusive: true") })
      .default(false)
      .describe(
        "Own the whole zone: rows nothing declares are deleted. They show as removals in the preview after `pulumi refresh` (or `pulumi up --refresh`), and an update deletes only what its preview showed. Default false: other rows are left alone and listed in `unmanaged`.",
      ),
  })
  .strict();
export type ZoneRecordsInputs = z.output<typeof ZoneRecordsInputs>;
