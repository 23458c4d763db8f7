/**
 * parseZoneFile: RFC 1035 §5 master files (with RFC 2308 $TTL and BIND's TTL units) as people
 * write them, into records relative to the zone. Written here rather than taken from npm: the
 * parsers there (dns-zonefile, zone-file, dnsz) drop or misread blank-owner lines, $ORIGIN changes
 * and multi-string TXT, keep relative names and escapes undecoded, and report no line numbers.
 */
import { absoluteName, checkedName, fail, parseTtl, ttlSeconds } from "./fields";
import { isZoneFileType, readRdata, ZONE_FILE_TYPES } from "./presented-rdata";
import { type Entry, type Token, tokenize } from "./tokenize";

/** One record of a zone, as `wedos.ZoneRecords` takes it and `dnspod.fromZoneFile()` maps it. */
export interface ZoneFileRecord {
  /** Relative to the zone, lower-case: "" for the apex, "www", "*.dev", "_sip._tcp". */
  name: string;
  /** Upper-case: one of ZONE_FILE_TYPES. */
  type: string;
  /** Seconds; absent when neither the record nor a $TTL before it gives one. */
  ttl?: number;
  /** Presentation form: names absolute with their trailing dot, TXT as raw text. */
  rdata: string;
}

interface State {
  zone: string;
  origin: string;
  ttl: number | undefined;
  owner: string | undefined;
}

const CLASSES = new Set(["IN", "CH", "CHAOS", "HS", "HESIOD", "CS"]);

/**
 * Reads a master file of zone `origin` ("example.com", a trailing dot is accepted). Throws
 * ZoneFileError, with the line and column, at the first thing it cannot read.
 */
export function parseZoneFile(text: string, origin: string): ZoneFileRecord[] {
  const zone = checkedName(origin.trim().replace(/\.?$/, "."));
  if (!zone || origin.trim() === "" || origin.trim() === ".") {
    throw new TypeError(
      `parseZoneFile: origin ${JSON.stringify(origin)} is not a domain name. Fix: pass the zone's name, e.g. "example.com"`,
    );
  }
  const state: State = { zone, origin: zone, ttl: undefined, owner: undefined };
  const records: ZoneFileRecord[] = [];
  for (const entry of tokenize(text)) {
    const first = entry.tokens[0]!;
    if (!first.quoted && first.text.startsWith("$")) directive(entry.tokens, state);
    else records.push(record(entry, state));
  }
  return records;
}

function directive([head, ...args]: Token[], state: State): void {
  const name = head!.text.toUpperCase();
  if (name === "$INCLUDE") {
    throw fail(
      head!,
      `$INCLUDE is not supported: parseZoneFile reads one text and opens no files. Fix: paste the included ` +
        `records in its place (under the $ORIGIN it gives), or parse that file on its own and concatenate the ` +
        `two arrays`,
    );
  }
  if (name === "$GENERATE")
    throw fail(head!, `$GENERATE (a BIND extension) is not supported. Fix: write the generated records out one by one`);
  if (name !== "$ORIGIN" && name !== "$TTL") throw fail(head!, `unknown directive "${head!.raw}". Fix: use $ORIGIN or $TTL`);
  const [value, extra] = args;
  if (!value) throw fail(head!, `${name} needs a value. Fix: write e.g. "${name === "$TTL" ? "$TTL 1h" : "$ORIGIN example.com."}"`);
  if (extra) throw fail(extra, `unexpected "${extra.raw}" after ${name} ${value.raw}. Fix: remove it, or start a comment with ";"`);
  if (name === "$TTL") state.ttl = parseTtl(value, "TTL");
  else state.origin = absoluteName(value, state.origin, "$ORIGIN");
}

function record(entry: Entry, state: State): ZoneFileRecord {
  const tokens = entry.tokens;
  let i = 0;
  if (!entry.blankOwner) {
    state.owner = ownerName(tokens[i++]!, state);
  } else if (state.owner === undefined) {
    throw fail(
      tokens[0]!,
      `this line starts with a blank, which means "same owner as the record before", but there is no record before it. Fix: write the owner name (or "@") at the start of the line`,
    );
  }
  const owner = state.owner!;
  const { ttl, at } = ttlAndClass(tokens, i);
  const typeToken = tokens[at]!;
  const type = typeToken.quoted ? "" : typeToken.text.toUpperCase();
  if (!isZoneFileType(type)) {
    throw fail(
      typeToken,
      `record type "${typeToken.raw}" is not supported. Fix: use one of the types WEDOS and DNSPod take: ${ZONE_FILE_TYPES.join(", ")}`,
    );
  }
  const rdata = readRdata(type, tokens.slice(at + 1), { origin: state.origin, type: typeToken });
  const recordTtl = ttl ?? state.ttl;
  const name = owner === state.zone ? "" : owner.slice(0, -state.zone.length - 1);
  return recordTtl === undefined ? { name, type, rdata } : { name, type, ttl: recordTtl, rdata };
}

/** The optional TTL and class after the owner, in either order, and where the type is. */
function ttlAndClass(tokens: Token[], start: number): { ttl: number | undefined; at: number } {
  let ttl: number | undefined;
  let inClass = false;
  for (let i = start; ; i++) {
    const t = tokens[i];
    if (!t) {
      const last = tokens[tokens.length - 1]!;
      throw fail(
        last,
        `the record ends after "${last.raw}" without a type. Fix: write [TTL] [IN] TYPE DATA after the owner, e.g. "www 3600 IN A 192.0.2.10"`,
      );
    }
    const word = t.quoted ? "" : t.text.toUpperCase();
    if (CLASSES.has(word) || /^CLASS\d+$/.test(word)) {
      if (word !== "IN")
        throw fail(t, `class ${t.raw} is not supported; WEDOS and DNSPod serve only class IN. Fix: write IN, or leave the class out`);
      if (inClass) throw fail(t, `the class is given twice. Fix: remove one "IN"`);
      inClass = true;
    } else if (/^\d/.test(word)) {
      if (/[.:]/.test(word) && ttlSeconds(word) === undefined) {
        throw fail(
          t,
          `"${t.raw}" is not a TTL, and the record type is missing. Fix: write the type before the data, e.g. "www A 192.0.2.10"`,
        );
      }
      if (ttl !== undefined)
        throw fail(t, `a second TTL "${t.raw}" (or a record type is missing). Fix: give one TTL, then the record type`);
      ttl = parseTtl(t, "TTL");
    } else {
      return { ttl, at: i };
    }
  }
}

function ownerName(t: Token, state: State): string {
  const owner = absoluteName(t, state.origin, "owner name", { wildcard: true });
  if (owner === state.zone || owner.endsWith(`.${state.zone}`)) return owner;
  const how = t.text.endsWith(".") ? "" : ` (a relative name is completed with the current $ORIGIN, ${state.origin})`;
  throw fail(
    t,
    `owner "${owner}"${how} is outside the zone ${state.zone.slice(0, -1)}. Fix: write names of this zone only, relative ("www") or ending in ".${state.zone}"`,
  );
}
