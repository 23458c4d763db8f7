/**
 * `--format zone`: a BIND master file of the exported records, which parseZoneFile reads back to
 * the same records (formatZoneFile checks that on every call). What a zone file cannot hold — the
 * WEDOS comment, the DNSPod line, status and remark — is written as a comment after the record.
 */
import { type FormattedRecord, formatZoneFile, ZONE_FILE_TYPES, type ZoneFileError } from "../zonefile";
import { count, type RenderContext, sourceOf, type ZoneExport } from "./model";

const COMMENTS: Record<ZoneExport["api"], string> = {
  wedos: "A comment after a record is its WEDOS author comment; comments are not read back.",
  dnspod:
    'A comment after a record gives its DNSPod line (unless "default"), "disabled" and its remark; comments are not read back, and a zone file has no lines.',
};

export function renderZone(exp: ZoneExport, ctx: RenderContext): string {
  const records = exp.entries.map((e) => writable(exp.zone, e.zone));
  const invalid = records.filter((r) => r.type.endsWith(INVALID)).length;
  const header = [
    `Exported from ${sourceOf(exp)} at ${isoSeconds(ctx.now)} by \`${ctx.command}\`.`,
    `${count(exp.entries.length, "record")}.${exp.omitted.length ? " Left out:" : ""}`,
    ...exp.omitted.map((line) => `- ${line}`),
    ...(invalid
      ? [
          invalid === 1
            ? INVALID_ONE
            : `${invalid} records whose data is not valid for their type in a zone file are shown as comment lines, with the reason.`,
        ]
      : []),
    COMMENTS[exp.api],
    `Read it back with parseZoneFile(text, "${exp.zone}") from pulumi-dnspod-wedos.`,
  ];
  return formatZoneFile(exp.zone, records, { header });
}

const INVALID = " (invalid)";
const INVALID_ONE = "1 record whose data is not valid for its type in a zone file is shown as a comment line, with the reason.";

/**
 * The record, or, when a zone file cannot hold its data as the API stores it (a TLSA digest of
 * the wrong length, say), the record as a comment line saying why: one odd record should not
 * make the whole export fail.
 */
function writable(zone: string, r: FormattedRecord): FormattedRecord {
  if (!(ZONE_FILE_TYPES as readonly string[]).includes(r.type)) return r;
  try {
    formatZoneFile(zone, [r]);
    return r;
  } catch (err) {
    const reason = ((err as Error).cause as ZoneFileError | undefined)?.reason ?? "it would not read back the same";
    return { ...r, type: `${r.type}${INVALID}`, comment: [r.comment, `not valid ${r.type} data: ${reason}`].filter(Boolean).join("; ") };
  }
}

/** 2025-03-01T12:00:00Z: the export's time, to the second, in UTC. */
export const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
