/**
 * What `pulumi-dnspod-wedos export` reads from a live zone, before it is printed in some format.
 * Each record is kept twice, as the resource input that declares it and as the zone-file line that
 * shows it, so that every format prints the same records in the same order.
 */
import type { FormattedRecord } from "../zonefile";

/** One element of wedos.ZoneRecords' `records`, keys in the README's order, defaults left out. */
export interface WedosInput {
  name: string;
  type: string;
  ttl: number;
  rdata: string;
  comment?: string;
}

/** One element of dnspod.ZoneRecords' `records`, keys in the README's order, defaults left out. */
export interface DnspodInput {
  subDomain: string;
  recordType: string;
  value: string;
  recordLine?: string;
  mx?: number;
  ttl: number;
  status?: string;
  remark?: string;
}

export interface ExportEntry<I> {
  /** The API's own id of the row or record (WEDOS row ID, DNSPod record id). */
  id: string;
  input: I;
  /** The record as formatZoneFile takes it: canonical rdata, the comment after the line. */
  zone: FormattedRecord;
  /** Why ZoneRecords would not take `input` (data the API holds that its check() refuses or leaves out). */
  refused?: string;
}

interface ExportBase {
  /** The zone's name, lower-case, without a trailing dot. */
  zone: string;
  /** Records of the zone that the service manages itself, in words, one line each; not exported. */
  omitted: string[];
}

export interface WedosExport extends ExportBase {
  api: "wedos";
  entries: ExportEntry<WedosInput>[];
}

export interface DnspodExport extends ExportBase {
  api: "dnspod";
  domainId: string;
  entries: ExportEntry<DnspodInput>[];
}

export type ZoneExport = WedosExport | DnspodExport;

/** Where the records came from, for the headers of every format. */
export function sourceOf(exp: ZoneExport): string {
  return exp.api === "wedos" ? "WEDOS (WAPI dns-rows-list)" : `DNSPod (Record.List of domain id ${exp.domainId})`;
}

/**
 * Compares strings with runs of digits by their value ("5 mx." before "10 mx."), so the order
 * does not depend on the locale of the machine that runs the export.
 */
export function naturalCompare(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const [x, y] = [pa[i]!, pb[i]!];
    if (x === y) continue;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    if (numeric && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/**
 * The order records are printed in: the apex first, then by name, type, data and comment (which
 * carries the DNSPod line), so two exports of the same zone are identical and diff cleanly.
 */
export function sortEntries<I>(entries: ExportEntry<I>[]): ExportEntry<I>[] {
  const key = (e: ExportEntry<I>) =>
    [e.zone.name === "" ? 0 : 1, e.zone.name, e.zone.type, e.zone.rdata, e.zone.comment ?? "", e.id] as const;
  return [...entries].sort((x, y) => {
    const [a, b] = [key(x), key(y)];
    if (a[0] !== b[0]) return a[0] - b[0];
    for (let i = 1; i < a.length; i++) {
      const c = naturalCompare(a[i] as string, b[i] as string);
      if (c !== 0) return c;
    }
    return 0;
  });
}

/**
 * Why ZoneRecords would not take `input` as the API holds it, if it would not: a record its check()
 * leaves out (apex NS: the zone's delegation is the service's), or one its rules refuse.
 */
export function notTaken(
  api: { label: string; keptByService(item: Record<string, unknown>): boolean },
  input: object,
  parse: () => { success: boolean; error?: { issues: { message: string }[] } },
): { refused?: string } {
  if (api.keptByService(input as Record<string, unknown>))
    return { refused: `${api.label} leaves NS records at the apex out: the service serves the zone's delegation itself` };
  const result = parse();
  return result.success
    ? {}
    : { refused: `${api.label} refuses it: ${result.error!.issues.map((i) => i.message.replace(/\s+/g, " ")).join("; ")}` };
}

/** A Pulumi resource name from a zone name: "example.cz" → "example-cz". */
export const resourceName = (zone: string) => zone.replace(/\./g, "-");

export const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

/** What a format prints besides the zone. */
export interface RenderContext {
  /** The time of the export, for the header (injected so output is reproducible in tests). */
  now: Date;
  /** The command line as the user would type it again, for the header. */
  command: string;
}
