/**
 * The output formats of `export`, by the name `--format` takes. A format is a pure function of the
 * exported zone and the render context; adding one is one more entry here and a file beside this
 * one.
 */
import { renderImport, renderImportRecords } from "./import-file";
import type { RenderContext, ZoneExport } from "./model";
import { renderTypescript } from "./typescript";
import { renderZone } from "./zone";

export interface ExportFormat {
  /** One line for --help. */
  summary: string;
  render(exp: ZoneExport, ctx: RenderContext): string;
}

export const FORMATS = {
  zone: {
    summary: 'a BIND master file; parseZoneFile(text, "<zone>") reads it back to the same records',
    render: renderZone,
  },
  ts: {
    summary: "a Pulumi TypeScript program (index.ts) declaring one ZoneRecords with every record; `pulumi up` adopts them without writing",
    render: renderTypescript,
  },
  import: {
    summary: "a JSON file for `pulumi import --file` (native plugins): one ZoneRecords with every record of the zone",
    render: renderImport,
  },
  "import-records": {
    summary: "a JSON file for `pulumi import --file` (native plugins): one Record per record",
    render: renderImportRecords,
  },
} satisfies Record<string, ExportFormat>;

export type FormatName = keyof typeof FORMATS;
export const DEFAULT_FORMAT: FormatName = "zone";

export const isFormatName = (s: string): s is FormatName => Object.hasOwn(FORMATS, s);
