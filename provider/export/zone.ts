/**
 * `--format zone`: a BIND master file of the exported records, which parseZoneFile reads back to
 * the same records (formatZoneFile checks that on every call). What a zone file cannot hold — the
 * WEDOS comment, the DNSPod line, status and remark — is written as a comment after the record.
 */
import { formatZoneFile } from "../zonefile";
import { count, sourceOf, type ZoneExport } from "./model";
import type { RenderContext } from "./formats";

const COMMENTS: Record<ZoneExport["api"], string> = {
  wedos: "A comment after a record is its WEDOS author comment; comments are not read back.",
  dnspod: 'A comment after a record gives its DNSPod line (unless "default"), "disabled" and its remark; comments are not read back, and a zone file has no lines.',
};

export function renderZone(exp: ZoneExport, ctx: RenderContext): string {
  const header = [
    `Exported from ${sourceOf(exp)} at ${isoSeconds(ctx.now)} by \`${ctx.command}\`.`,
    `${count(exp.entries.length, "record")}.${exp.omitted.length ? " Left out:" : ""}`,
    ...exp.omitted.map((line) => `- ${line}`),
    COMMENTS[exp.api],
    `Read it back with parseZoneFile(text, "${exp.zone}") from pulumi-dnspod-wedos.`,
  ];
  return formatZoneFile(exp.zone, exp.entries.map((e) => e.zone), { header });
}

/** 2025-03-01T12:00:00Z: the export's time, to the second, in UTC. */
export const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
