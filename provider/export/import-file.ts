/**
 * `--format import` and `--format import-records`: a JSON file for `pulumi import --file` that
 * brings the exported zone under the native plugins (pulumi-resource-wedos / -dnspod). Both name
 * the zone (wedos:index:Domain, id its name; dnspod:index:Domain, id its domain id); then
 *   import          the whole zone as one ZoneRecords (id the zone): every record the service does
 *                   not keep itself, as the list `pulumi import` prints into the program;
 *   import-records  one Record per record (ids "zone/rowId", "domainId/recordId").
 * Either way the program `pulumi import` prints previews with no changes. Records a ZoneRecords
 * would refuse are left out of import-records too (they are what --format ts comments out).
 */
import { ownPackage } from "../package-info";
import type { RenderContext } from "./formats";
import { resourceName, type ExportEntry, type ZoneExport } from "./model";

interface ImportSpec { type: string; name: string; id: string; version?: string }

/** The program's name for one record: "<zone>-<name or apex>-<type>-<id>", as Pulumi names go. */
function recordName(zone: string, e: ExportEntry<object>): string {
  const label = (e.zone.name || "apex").replace(/\*/g, "wildcard");
  return `${resourceName(zone)}-${label}-${e.zone.type}-${e.id}`.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/-+/g, "-");
}

function specs(exp: ZoneExport, perRecord: boolean): ImportSpec[] {
  const version = ownPackage().version;
  const spec = (type: string, name: string, id: string): ImportSpec => ({ type: `${exp.api}:index:${type}`, name, id, ...(version ? { version } : {}) });
  const zoneId = exp.api === "wedos" ? exp.zone : exp.domainId;
  const name = resourceName(exp.zone);
  const domain = spec("Domain", name, zoneId);
  if (!perRecord) return [domain, spec("ZoneRecords", `${name}-records`, zoneId)];
  const taken = (exp.entries as ExportEntry<object>[]).filter((e) => !e.refused);
  return [domain, ...taken.map((e) => spec("Record", recordName(exp.zone, e), `${zoneId}/${e.id}`))];
}

// JSON has no comments: the render context (time, command) is not written.
export const renderImport = (exp: ZoneExport, _ctx?: RenderContext): string => `${JSON.stringify({ resources: specs(exp, false) }, null, 2)}\n`;
export const renderImportRecords = (exp: ZoneExport, _ctx?: RenderContext): string => `${JSON.stringify({ resources: specs(exp, true) }, null, 2)}\n`;
