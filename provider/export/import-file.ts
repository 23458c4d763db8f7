/**
 * `--format import` and `--format import-records`: a JSON file for `pulumi import --file` that
 * brings the exported zone's records under the native plugins (pulumi-resource-wedos / -dnspod):
 *   import          the whole zone as one ZoneRecords (id the zone: its name at WEDOS, its domain
 *                   id at DNSPod): every record the service does not keep itself, as the list
 *                   `pulumi import` prints into the program;
 *   import-records  one Record per record (ids "zone/rowId", "domainId/recordId").
 * Either way the program `pulumi import` prints previews with no changes. Records a ZoneRecords
 * would refuse are left out of import-records (they are what --format ts comments out).
 * The zone itself is not in the file: the printed program would name it by a literal, so nothing
 * would make `pulumi destroy` delete the records before the zone (README "Import" says how to
 * adopt the zone as well).
 */
import { ownPackage } from "../package-info";
import { type ExportEntry, type RenderContext, resourceName, type ZoneExport } from "./model";

interface ImportSpec {
  type: string;
  name: string;
  id: string;
  version?: string;
}

/** The program's name for one record: "<zone>-<name or apex>-<type>-<id>", as Pulumi names go. */
function recordName(zone: string, e: ExportEntry<object>): string {
  const label = (e.zone.name || "apex").replace(/\*/g, "wildcard");
  return `${resourceName(zone)}-${label}-${e.zone.type}-${e.id}`
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-");
}

function specs(exp: ZoneExport, perRecord: boolean): ImportSpec[] {
  const version = ownPackage().version;
  const spec = (type: string, name: string, id: string): ImportSpec => ({
    type: `${exp.api}:index:${type}`,
    name,
    id,
    ...(version ? { version } : {}),
  });
  const zoneId = exp.api === "wedos" ? exp.zone : exp.domainId;
  if (!perRecord) return [spec("ZoneRecords", `${resourceName(exp.zone)}-records`, zoneId)];
  const taken = (exp.entries as ExportEntry<object>[]).filter((e) => !e.refused);
  return taken.map((e) => spec("Record", recordName(exp.zone, e), `${zoneId}/${e.id}`));
}

// JSON has no comments: the render context (time, command) is not written.
export const renderImport = (exp: ZoneExport, _ctx?: RenderContext): string =>
  `${JSON.stringify({ resources: specs(exp, false) }, null, 2)}\n`;
export const renderImportRecords = (exp: ZoneExport, _ctx?: RenderContext): string =>
  `${JSON.stringify({ resources: specs(exp, true) }, null, 2)}\n`;
