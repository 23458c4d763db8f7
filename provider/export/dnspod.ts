/**
 * DNSPod Record.List rows → export entries, as pure functions. The resource input is what
 * fromRecordRow reads (the canonical forms dnspod.ZoneRecords' check() produces: hosts with their
 * trailing dot, line keys), without the inputs that hold their default; the zone-file form is
 * toZoneFileRecord's, which puts the line, a disabled status and the remark in the comment.
 */
import { fromRecordRow, recordAttrs } from "../dnspod/convert";
import { ZoneRecord } from "../dnspod/resources/inputs";
import type { RecordRow } from "../dnspod/schemas";
import { declaredRecord, dnspodZoneApi } from "../dnspod/zone-api";
import { toZoneFileRecord } from "../zonefile";
import { count, type DnspodExport, type DnspodInput, type ExportEntry, notTaken, sortEntries } from "./model";

/** Every record of the domain but the system NS records DNSPod holds ("hold": "hold"). */
export function dnspodExport(zone: string, domainId: string, rows: RecordRow[]): DnspodExport {
  const held = rows.filter((r) => r.hold === "hold");
  const omitted = held.length
    ? [
        `${count(held.length, "NS record")} at the apex that DNSPod holds for itself (${held.map((r) => r.value).join(", ")}): the API cannot change them.`,
      ]
    : [];
  return { api: "dnspod", zone, domainId, omitted, entries: sortEntries(rows.filter((r) => r.hold !== "hold").map(dnspodEntry)) };
}

function dnspodEntry(row: RecordRow): ExportEntry<DnspodInput> {
  const s = fromRecordRow(row);
  const input: DnspodInput = declaredRecord(s, recordAttrs(s));
  const zone = toZoneFileRecord({
    subDomain: s.subDomain,
    recordType: s.recordType,
    value: s.value,
    mx: s.mx,
    ttl: s.ttl,
    recordLine: s.recordLine,
    status: s.status,
    remark: s.remark,
  });
  return { id: s.recordId, input, zone, ...notTaken(dnspodZoneApi, input, () => ZoneRecord.safeParse(input)) };
}
