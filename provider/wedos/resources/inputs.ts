/**
 * The input fields the wedos resources share (zone names, the fields and rules of a row): each
 * resource's own inputs are declared in its file. Validation and normalisation happen in check();
 * messages name the rule and a fix.
 */
import { z } from "zod";
import { canonicalHost, canonicalZone, RDATA_RULES } from "../../dns/stored-rdata";
import { typeError, withFix } from "../../resource";

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

/** The fields of one row, shared by wedos.Record and the rows of wedos.ZoneRecords. */
export const ROW_FIELDS = {
  name: rowName.describe('Row name relative to the zone: "" (or "@") for the apex, "www", "*" for a wildcard; WAPI cannot rename a row.'),
  type: z
    .string({ error: typeError("type", `a record type string (${WEDOS_TYPES.join(", ")})`, 'type: "A"') })
    .transform((v) => v.toUpperCase())
    .pipe(
      z.enum(WEDOS_TYPES, {
        error: (i) => `"${String(i.input)}" is not a record type WEDOS supports. Fix: use one of ${WEDOS_TYPES.join(", ")}`,
      }),
    )
    .describe("Record type: A, AAAA, CNAME, MX, TXT, NS, SRV, CAA, TLSA or SSHFP."),
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
    .describe("Author comment stored with the row (WAPI auth_comment); WAPI cannot update it."),
};

/** Row rules beyond single fields: rdata for its type (normalised in place), no CNAME at the apex. */
export function refineRow(r: { name: string; type: string; rdata: string }, ctx: z.RefinementCtx, resource: string): void {
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

/** One row of wedos.ZoneRecords: the fields and rules of wedos.Record, without zone or adopt. */
export const ZoneRow = z
  .object(ROW_FIELDS)
  .strict()
  .superRefine((r, ctx) => refineRow(r, ctx, "wedos.ZoneRecords"));
export type ZoneRow = z.output<typeof ZoneRow>;
