/**
 * The checks Record.Create and Record.Modify share: parse the request into a record draft, then
 * check the draft against the zone's other records. Codes follow the vendor's Record.Create table.
 */
import { ttlMin, typesFor } from "./grades";
import { DEFAULT_LINE, writtenLine } from "./lines";
import type { DnspodDomain, DnspodEmulatorOptions, DnspodRecord } from "./state";
import { normaliseValue, subDomainError } from "./validate";
import { badParam, type Call, fail, intParam, type Outcome } from "./wire";

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
  if (!p.record_type || (!p.record_line && !p.record_line_id) || p.value === undefined) return fail("6");
  const type = canonicalType(call.options, domain.grade, p.record_type);
  if (!type) return fail("27");
  // api.dnspod.com takes keys only ("Default", "United States" are what reads show); dnsapi.cn names or ids.
  const line = writtenLine(call);
  if (typeof line !== "string") return line;
  let mx = 0;
  if (type === "MX") {
    const raw = intParam(p, "mx");
    if (raw === undefined || Number.isNaN(raw) || raw < 1 || raw > 20) return fail("30");
    mx = raw;
  }
  const ttlRaw = intParam(p, "ttl");
  if (Number.isNaN(ttlRaw)) return badParam("6", "ttl");
  const ttl = ttlRaw ?? fallbackTtl;
  if (ttl < ttlMin(call.options, domain.grade)) return fail("29");
  // dnsapi.cn has its own code for it: "32 记录的TTL值超出了限制".
  if (ttl > MAX_TTL) return call.options.site === "cn" ? fail("32") : fail("6", { key: "ttlMax" });
  const value = normaliseValue(type, p.value);
  if (value === undefined) return fail("34");
  if (type === "NS" && subDomain === "@" && line !== DEFAULT_LINE) return fail("36");
  return { subDomain, type, line, value, mx, ttl };
}

/**
 * Checks against the other records at the same name and line: exact duplicates (104 by default), the
 * round-robin limit (25), and CNAME exclusivity (31). The system NS records at "@" are exempt
 * from the CNAME rule, as the vendor lets users put a CNAME at the apex.
 */
export function conflictError(call: Call, domain: DnspodDomain, draft: RecordDraft, self?: DnspodRecord): Outcome | undefined {
  const peers = domain.records.filter((r) => r !== self && r.subDomain === draft.subDomain && r.line === draft.line);
  const sameType = peers.filter((r) => r.type === draft.type);
  if (sameType.some((r) => r.value === draft.value && r.mx === draft.mx))
    return fail(call.options.duplicateRecordCode, { key: "duplicate" });
  if (sameType.length >= call.options.roundRobinLimit) return fail(roundRobinCode(call, draft.type));
  const others = peers.filter((r) => !r.hold);
  const cnameClash =
    draft.type === "CNAME" ? others.some((r) => r.type !== "CNAME" || r.value !== draft.value) : others.some((r) => r.type === "CNAME");
  return cnameClash ? fail("31") : undefined;
}

/** dnsapi.cn's Create/Modify name the A and CNAME round-robin limits apart (500025/500026); Ddns keeps 25. */
function roundRobinCode(call: Call, type: string): string {
  if (call.options.site !== "cn" || call.action === "Record.Ddns") return "25";
  return type === "A" ? "500025" : type === "CNAME" ? "500026" : "25";
}

export function sameAsDraft(r: DnspodRecord, d: RecordDraft): boolean {
  return r.subDomain === d.subDomain && r.type === d.type && r.line === d.line && r.value === d.value && r.mx === d.mx && r.ttl === d.ttl;
}
