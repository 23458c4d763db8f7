/** Record.Create / Modify / Ddns / Remove / Status / Remark. */
import { writtenLine } from "./lines";
import { activeLock, logChange, noDomain, resolveDomain } from "./lookup";
import { conflictError, parseDraft, type RecordDraft, sameAsDraft } from "./record-rules";
import type { DnspodDomain, DnspodRecord } from "./state";
import { normaliseValue, subDomainError } from "./validate";
import { badParam, type Call, fail, formatDateTime, type Handler, intParam, type Outcome, ok } from "./wire";

const statusWord = (r: DnspodRecord): "enable" | "disable" => (r.enabled ? "enable" : "disable");
const describeDraft = (d: RecordDraft): string => `${d.subDomain} ${d.type} ${d.line} ${d.value}`;

/** The zone of a record write, refusing while a Domain.Lock holds (21). */
function writableDomain(call: Call): DnspodDomain | Outcome {
  const d = resolveDomain(call);
  if (!d) return noDomain(call);
  return activeLock(d, call.now) ? fail("21") : d;
}

/** The zone and record of a write on an existing record; system NS records are read-only (7). */
function withRecord(call: Call, then: (d: DnspodDomain, r: DnspodRecord) => Outcome): Outcome {
  const d = writableDomain(call);
  if ("code" in d) return d;
  const id = intParam(call.params, "record_id");
  const r = d.records.find((x) => x.id === id);
  if (!r) return fail("8");
  return r.hold ? fail("7") : then(d, r);
}

/**
 * dnsapi.cn's Create/Modify also take the record's `status` (enable|disable); undefined when absent,
 * or on api.dnspod.com, which documents no such parameter [G].
 */
function statusParam(call: Call): boolean | undefined | Outcome {
  const s = call.params.status;
  if (call.options.site !== "cn" || s === undefined || s === "") return undefined;
  return s === "enable" || s === "disable" ? s === "enable" : badParam("6", "status");
}

const create: Handler = (call) => {
  const d = writableDomain(call);
  if ("code" in d) return d;
  const draft = parseDraft(call, d);
  if ("code" in draft) return draft;
  const conflict = conflictError(call, d, draft);
  if (conflict) return conflict;
  const enabled = statusParam(call);
  if (typeof enabled === "object") return enabled;
  const record: DnspodRecord = {
    id: call.state.nextRecordId++,
    ...draft,
    enabled: enabled ?? true,
    remark: "",
    updatedOn: formatDateTime(call.now),
    hold: false,
    noopModifies: 0,
  };
  d.records.push(record);
  logChange(d, call.now, `Added record ${describeDraft(draft)}`);
  // dnsapi.cn was recorded answering "enabled" and a null weight here (lexicon's dnspod cassettes).
  const created = call.options.site === "cn" ? { status: record.enabled ? "enabled" : "disabled", weight: null } : { status: "enable" };
  return ok({ record: { id: String(record.id), name: record.subDomain, ...created } }, true);
};

function apply(call: Call, d: DnspodDomain, r: DnspodRecord, draft: RecordDraft): void {
  Object.assign(r, draft, { updatedOn: formatDateTime(call.now) });
  logChange(d, call.now, `Modified record ${r.id} to ${describeDraft(draft)}`);
}

const modify: Handler = (call) =>
  withRecord(call, (d, r) => {
    const draft = parseDraft(call, d, r.ttl);
    if ("code" in draft) return draft;
    const enabled = statusParam(call);
    if (typeof enabled === "object") return enabled;
    // A modify that changes nothing is what DNSPod calls abuse; count it so benchmarks can tell.
    if (sameAsDraft(r, draft) && (enabled === undefined || enabled === r.enabled)) {
      r.noopModifies++;
    } else {
      const conflict = conflictError(call, d, draft, r);
      if (conflict) return conflict;
      apply(call, d, r, draft);
      if (enabled !== undefined) r.enabled = enabled;
    }
    // The seed's quirk: the id is a number here (a string in Record.Create); dnsapi.cn adds a null weight.
    const weight = call.options.site === "cn" ? { weight: null } : {};
    return ok({ record: { id: r.id, name: r.subDomain, value: r.value, status: statusWord(r), ...weight } }, true);
  });

/** Dynamic DNS: only the value changes; without `value` the caller's address is used [G]. */
const ddns: Handler = (call) =>
  withRecord(call, (d, r) => {
    // The line names the record; it cannot move it to another one.
    const named = call.params.record_line || call.params.record_line_id ? writtenLine(call) : r.line;
    if (typeof named !== "string") return named;
    if (named !== r.line) return fail("26");
    const value = normaliseValue(r.type, call.params.value ?? call.ip);
    if (value === undefined) return fail("34");
    const subDomain = (call.params.sub_domain ?? r.subDomain).trim().toLowerCase() || "@";
    const subErr = subDomainError(subDomain);
    if (subErr) return fail(subErr);
    const draft: RecordDraft = { subDomain, type: r.type, line: r.line, value, mx: r.mx, ttl: r.ttl };
    if (sameAsDraft(r, draft)) {
      r.noopModifies++;
    } else {
      const conflict = conflictError(call, d, draft, r);
      if (conflict) return conflict;
      apply(call, d, r, draft);
    }
    return ok({ record: { id: r.id, name: r.subDomain, value: r.value } }, true);
  });

const remove: Handler = (call) =>
  withRecord(call, (d, r) => {
    d.records = d.records.filter((x) => x !== r);
    logChange(d, call.now, `Removed record ${r.subDomain} ${r.type} ${r.line} ${r.value}`);
    return ok(undefined, true);
  });

const status: Handler = (call) =>
  withRecord(call, (d, r) => {
    const wanted = call.params.status;
    if (wanted !== "enable" && wanted !== "disable") return badParam("6", "status");
    r.enabled = wanted === "enable";
    r.updatedOn = formatDateTime(call.now);
    logChange(d, call.now, `Set record ${r.id} status to ${wanted}`);
    return ok({ record: { id: r.id, name: r.subDomain, status: wanted } }, true);
  });

const remark: Handler = (call) =>
  withRecord(call, (d, r) => {
    r.remark = call.params.remark ?? "";
    logChange(d, call.now, `Set record ${r.id} remark`);
    return ok(undefined, true);
  });

export const recordWriteActions: Record<string, Handler> = {
  "Record.Create": create,
  "Record.Modify": modify,
  "Record.Ddns": ddns,
  "Record.Remove": remove,
  "Record.Status": status,
  "Record.Remark": remark,
};
