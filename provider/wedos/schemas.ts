/**
 * zod schemas: the only types of WAPI responses. Lenient exactly where WEDOS is inconsistent —
 * numbers as strings, lists as an array, a single object or an object with opaque keys ("row1"),
 * `data: ""` for no data, empty XML elements — and strict elsewhere.
 */
import { z } from "zod";

const str = z.union([z.string(), z.number()]).transform(String);
const optStr = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v == null ? "" : String(v)));
const intLike = z.union([z.number(), z.string().regex(/^-?\d+$/)]).transform(Number);

export const Envelope = z.object({
  response: z.object({
    code: intLike,
    result: optStr,
    timestamp: intLike.optional(),
    clTRID: optStr,
    svTRID: optStr,
    command: optStr,
    data: z.unknown().optional(),
  }),
});
export type Envelope = z.infer<typeof Envelope>["response"];

export const Row = z.object({
  ID: str,
  name: optStr,
  ttl: intLike,
  rdtype: str.transform((t) => t.toUpperCase()),
  rdata: optStr,
  changed_date: optStr,
  author_comment: optStr,
});
export type Row = z.infer<typeof Row>;

export const DomainSummary = z.object({ name: str, type: optStr, status: optStr });
export type DomainSummary = z.infer<typeof DomainSummary>;

export const DomainInfo = z
  .object({
    name: str,
    status: optStr,
    type: optStr,
    tlock: optStr,
    axfr_enabled: optStr,
    axfr_ips: optStr,
    changed: optStr,
    commit_date: optStr,
    rname: optStr,
    serial: optStr,
    refresh: optStr,
    retry: optStr,
    expire: optStr,
    minimum: optStr,
    ns_out: optStr,
    ns1: optStr,
    ns: optStr,
    primary_ip: optStr,
  })
  .passthrough();
export type DomainInfo = z.infer<typeof DomainInfo>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Items of a list under `data[key]`: an array, one object (XML with a single element), or an
 * object with opaque keys ({"row1": {…}}). The seed's templates also put keyed items straight
 * into `data`, which is accepted when `data[key]` is absent.
 */
function listItems(data: unknown, key: string, looksLikeItem: (o: Record<string, unknown>) => boolean): unknown[] {
  if (data === undefined || data === null || data === "") return [];
  if (!isRecord(data)) throw new Error(`expected an object in data, got ${typeof data}`);
  const v = key in data ? data[key] : data;
  if (v === undefined || v === null || v === "") return [];
  if (Array.isArray(v)) return v;
  if (!isRecord(v)) throw new Error(`expected a list in data.${key}`);
  return looksLikeItem(v) ? [v] : Object.values(v);
}

const looksLikeRow = (o: Record<string, unknown>) => "ID" in o || "rdtype" in o;
const looksLikeDomain = (o: Record<string, unknown>) => "name" in o && typeof o.name !== "object";

export const AxfrRun = z.preprocess((d) => d ?? {}, z.object({ next_run: optStr }));

/** `data` of a list command, as an array of items however WAPI shaped it. */
const listOf = <T extends z.ZodType>(key: string, looksLikeItem: (o: Record<string, unknown>) => boolean, item: T) =>
  z
    .unknown()
    .transform((data, ctx) => {
      try {
        return listItems(data, key, looksLikeItem);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: (err as Error).message });
        return z.NEVER;
      }
    })
    .pipe(z.array(item));

export const RowList = listOf("row", looksLikeRow, Row);
/** dns-row-detail: the row, or undefined when `data` holds none. */
export const RowDetail = RowList.transform((rows) => rows[0]);
export const DomainList = listOf("domain", looksLikeDomain, DomainSummary);
export const DomainInfoData = listOf("domain", looksLikeDomain, DomainInfo)
  .refine((d) => d.length > 0, "no domain in data")
  .transform((d) => d[0]!);
/** Commands that answer no data (or data nobody reads). */
export const NoData = z.unknown();
