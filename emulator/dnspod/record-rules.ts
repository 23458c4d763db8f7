/**
 * The checks Record.Create and Record.Modify share: parse the request into a record draft, then
 * check the draft against the zone's other records. Codes follow the vendor's Record.Create table.
 */
import { DEFAULT_LINE_KEY, lineKeys } from "../../provider/dnspod/lines";
import type { DnspodDomain, DnspodEmulatorOptions, DnspodRecord } from "./state";
import { normaliseValue, recordTypesFor, subDomainError } from "./validate";
import { fail, intParam, type Call, type Outcome } from "./wire";

export interface RecordDraft {
  subDomain: string;
  type: string;
  line: string;
  value: string;
  mx: number;
  ttl: number;
}

const MAX_TTL = 604800;
const DEFAULT_TTL = 600;
const VALID_LINES = lineKeys();

export function ttlMin(options: DnspodEmulatorOptions, grade: string): number {
  return options.ttlMinByGrade[grade] ?? 600;
}

export function typesFor(options: DnspodEmulatorOptions, grade: string): string[] | undefined {
  return recordTypesFor(grade, Object.keys(options.ttlMinByGrade));
}

/** `record_type` as the grade spells it ("a" → "A", "framed url" → "Framed URL"), else undefined. */
function canonicalType(options: DnspodEmulatorOptions, grade: string, raw: string): string | undefined {
  return typesFor(options, grade)?.find((t) => t.toUpperCase() === raw.trim().toUpperCase());
}

/**
 * The record a write asks for, or the code that rejects it. `fallbackTtl` lets Modify keep the
 * record's TTL when `ttl` is omitted (Create uses the vendor's default of 600).
 */
export function parseDraft(call: Call, domain: DnspodDomain, fallbackTtl = DEFAULT_TTL): RecordDraft | Outcome {
  const p = call.params;
  const subDomain = (p.sub_domain ?? "").trim().toLowerCase() || "@";
  const subErr = subDomainError(subDomain);
  if (subErr) return fail(subErr);
  if (!p.record_type || !p.record_line || p.value === undefined) return fail("6");
  const type = canonicalType(call.options, domain.grade, p.record_type);
  if (!type) return fail("27");
  // Only keys are accepted on write; display names ("Default", "United States") are what reads return.
  if (!VALID_LINES.has(p.record_line)) return fail("26");
  let mx = 0;
  if (type === "MX") {
    const raw = intParam(p, "mx");
    if (raw === undefined || Number.isNaN(raw) || raw < 1 || raw > 20) return fail("30");
    mx = raw;
  }
  const ttlRaw = intParam(p, "ttl");
  if (Number.isNaN(ttlRaw)) return fail("6", "Invalid parameter “ttl”.");
  const ttl = ttlRaw ?? fallbackTtl;
  if (ttl < ttlMin(call.options, domain.grade)) return fail("29");
  if (ttl > MAX_TTL) return fail("6", "Invalid parameter “ttl”: the maximum is 604800.");
  const value = normaliseValue(type, p.value);
  if (value === undefined) return fail("34");
  if (type === "NS" && subDomain === "@" && p.record_line !== DEFAULT_LINE_KEY) return fail("36");
  return { subDomain, type, line: p.record_line, value, mx, ttl };
}

/**
 * Checks against the other records at the same name and line: exact duplicates (104), the
 * round-robin limit (25), and CNAME exclusivity (31). The system NS records at "@" are exempt
 * from the CNAME rule, as the vendor lets users put a CNAME at the apex.
 */
export function conflictError(
  call: Call,
  domain: DnspodDomain,
  draft: RecordDraft,
  self?: DnspodRecord,
): Outcome | undefined {
  const peers = domain.records.filter(
    (r) => r !== self && r.subDomain === draft.subDomain && r.line === draft.line,
  );
  const sameType = peers.filter((r) => r.type === draft.type);
  if (sameType.some((r) => r.value === draft.value && r.mx === draft.mx)) return fail("104");
  if (sameType.length >= call.options.roundRobinLimit) return fail("25");
  const others = peers.filter((r) => !r.hold);
  const cnameClash =
    draft.type === "CNAME"
      ? others.some((r) => r.type !== "CNAME" || r.value !== draft.value)
      : others.some((r) => r.type === "CNAME");
  return cnameClash ? fail("31") : undefined;
}

export function sameAsDraft(r: DnspodRecord, d: RecordDraft): boolean {
  return (
    r.subDomain === d.subDomain &&
    r.type === d.type &&
    r.line === d.line &&
    r.value === d.value &&
    r.mx === d.mx &&
    r.ttl === d.ttl
  );
}
