/**
 * formatZoneFile: records → a BIND master file a person can read and parseZoneFile reads back to
 * the same records. That contract is checked on every call by parsing the output, so a record in a
 * form the parser would change fails loudly here rather than drifting silently in an export.
 */
import { checkedName } from "./fields";
import { parseZoneFile, type ZoneFileRecord } from "./parse";
import { isZoneFileType } from "./presented-rdata";
import { ZoneFileError } from "./tokenize";

export interface FormattedRecord extends ZoneFileRecord {
  /** Written after the record as "; …" (DNSPod line, status, remark). Not read back. */
  comment?: string;
}

export interface FormatOptions {
  /**
   * The $TTL to write; by default the most common TTL of the records. No $TTL is written when a
   * record has no TTL, since that record would read back with the $TTL.
   */
  defaultTtl?: number;
  /** Lines for the header comment, after the first one naming the zone. */
  header?: string[];
}

interface Row {
  owner: string;
  ttl: string;
  type: string;
  data: string[];
  comment: string;
  record: number;
}

const OWNER_WIDTH_MAX = 32;

/** Types are upper-case; a lower-case "a" is still an A record, and fails verify() rather than vanishing into a comment. */
const expressibleType = (r: ZoneFileRecord) => isZoneFileType(r.type.toUpperCase());

export function formatZoneFile(origin: string, records: FormattedRecord[], opts: FormatOptions = {}): string {
  const zone = checkedName(origin.trim().replace(/\.?$/, "."));
  if (!zone || origin.trim() === "")
    throw new TypeError(
      `formatZoneFile: origin ${JSON.stringify(origin)} is not a domain name. Fix: pass the zone's name, e.g. "example.com"`,
    );
  const expressible = records.filter(expressibleType);
  const defaultTtl = expressible.some((r) => r.ttl === undefined)
    ? undefined
    : (opts.defaultTtl ?? mostCommon(expressible.map((r) => r.ttl!)));
  const head = [
    `; ${zone.slice(0, -1)}: BIND master file (RFC 1035) written by pulumi-dnspod-wedos`,
    ...(opts.header ?? []).map((l) => `; ${oneLine(l)}`),
  ];
  if (expressible.length < records.length)
    head.push(`; Lines "; TYPE name value" are records a zone file cannot express (such as URL forwarding); they are not read back.`);
  head.push(`$ORIGIN ${zone}`);
  if (defaultTtl !== undefined) head.push(`$TTL ${defaultTtl}`);

  const rows: Row[] = [];
  const body: (Row | string)[] = records.map((r, i) => {
    const owner = r.name === "" ? "@" : r.name;
    if (!expressibleType(r)) return `; ${r.type} ${owner} ${JSON.stringify(r.rdata)}${r.comment ? ` ; ${oneLine(r.comment)}` : ""}`;
    const ttl = r.ttl === undefined || r.ttl === defaultTtl ? "" : String(r.ttl);
    const row = { owner, ttl, type: r.type, data: dataLines(r), comment: r.comment ? oneLine(r.comment) : "", record: i };
    rows.push(row);
    return row;
  });
  const width = {
    owner: Math.min(OWNER_WIDTH_MAX, Math.max(1, ...rows.map((r) => r.owner.length))),
    ttl: Math.max(0, ...rows.map((r) => r.ttl.length)),
    type: Math.max(5, ...rows.map((r) => r.type.length)),
  };
  const lines = body.flatMap((row) => (typeof row === "string" ? [row] : rowLines(row, width)));
  const text = [...head, "", ...lines.map((l) => l.trimEnd()), ""].join("\n");
  verify(text, zone, records, head.length + 1, body);
  return text;
}

function rowLines(row: Row, width: { owner: number; ttl: number; type: number }): string[] {
  const cols = [row.owner.padEnd(width.owner), ...(width.ttl ? [row.ttl.padEnd(width.ttl)] : []), "IN", row.type.padEnd(width.type)];
  const lead = `${cols.join(" ")} `;
  const comment = row.comment ? ` ; ${row.comment}` : "";
  return row.data.map((d, i) => (i === 0 ? lead + d + comment : " ".repeat(lead.length) + d));
}

/** The data column of one record, over several lines (in parentheses) where that reads better. */
function dataLines(r: ZoneFileRecord): string[] {
  if (r.type === "TXT") {
    const chunks = txtChunks(r.rdata).map((c) => `"${escapeTxt(c)}"`);
    return chunks.length === 1 ? chunks : chunks.map((c, i) => (i === 0 ? `( ${c}` : `  ${c}`) + (i === chunks.length - 1 ? " )" : ""));
  }
  const soa = r.rdata.split(" ");
  if (r.type === "SOA" && soa.length === 7) {
    const labels = ["serial", "refresh", "retry", "expire", "minimum"];
    const nums = soa.slice(2);
    const w = Math.max(...nums.map((n) => n.length)) + 2;
    return [`${soa[0]} ${soa[1]} (`, ...nums.map((n, i) => `  ${(i === 4 ? `${n} )` : n).padEnd(w)} ; ${labels[i]}`)];
  }
  return [r.rdata];
}

/**
 * A DNS character-string holds at most 255 bytes, so TXT text is cut into pieces of at most 255
 * UTF-8 bytes, never inside a character; parseZoneFile concatenates them again.
 */
export function txtChunks(text: string): string[] {
  const chunks: string[] = [];
  let chunk = "";
  let bytes = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch, "utf8");
    if (bytes + n > 255) {
      chunks.push(chunk);
      chunk = "";
      bytes = 0;
    }
    chunk += ch;
    bytes += n;
  }
  chunks.push(chunk);
  return chunks;
}

/** `"` and `\` are escaped with a backslash, control characters as \DDD; other text is kept. */
const escapeTxt = (s: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is escaped
  s.replace(/[\\"]|[\x00-\x1f\x7f]/g, (c) => (c === "\\" || c === '"' ? `\\${c}` : `\\${String(c.charCodeAt(0)).padStart(3, "0")}`));

const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, " ").trim();

function mostCommon(ttls: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const t of ttls) counts.set(t, (counts.get(t) ?? 0) + 1);
  let best: number | undefined;
  for (const [ttl, n] of counts) if (best === undefined || n > counts.get(best)!) best = ttl;
  return best;
}

/** Parses the output and insists on getting the input records back, naming the first that differ. */
function verify(text: string, zone: string, records: FormattedRecord[], headLines: number, body: (Row | string)[]): void {
  const expected = records.filter(expressibleType);
  const describe = (r: ZoneFileRecord) => JSON.stringify({ name: r.name, type: r.type, ttl: r.ttl, rdata: r.rdata });
  const hint = `Fix: give records in the form parseZoneFile returns (name relative and lower-case, type upper-case, names in rdata absolute with a trailing dot, hex and IPv6 lower-case)`;
  let got: ZoneFileRecord[];
  try {
    got = parseZoneFile(text, zone);
  } catch (e) {
    if (!(e instanceof ZoneFileError)) throw e;
    const row = rowAtLine(e.line - headLines, body);
    const which = row ? ` record ${describe(records[row.record]!)}` : "";
    throw new Error(`formatZoneFile:${which} cannot be written as a zone file line: ${e.reason}. ${hint}`, { cause: e });
  }
  const i = expected.findIndex((r, k) => describe(r) !== (got[k] ? describe(got[k]) : ""));
  if (i >= 0 || got.length !== expected.length) {
    const at = i >= 0 ? i : expected.length;
    const want = expected[at] ? `record ${describe(expected[at])}` : "the records";
    throw new Error(`formatZoneFile: ${want} would read back as ${got[at] ? describe(got[at]) : "nothing"}. ${hint}`);
  }
}

function rowAtLine(lineInBody: number, body: (Row | string)[]): Row | undefined {
  let line = 0;
  for (const row of body) {
    line += typeof row === "string" ? 1 : row.data.length;
    if (lineInBody <= line) return typeof row === "string" ? undefined : row;
  }
  return undefined;
}
