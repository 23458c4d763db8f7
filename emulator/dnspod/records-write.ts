/** Record.Create / Modify / Ddns / Remove / Status / Remark. */
import { activeLock, logChange, resolveDomain } from "./lookup";
import { conflictError, parseDraft, sameAsDraft, type RecordDraft } from "./record-rules";
import type { DnspodDomain, DnspodRecord } from "./state";
import { normaliseValue, subDomainError } from "./validate";
import { fail, formatDateTime, intParam, ok, type Call, type Handler, type Outcome } from "./wire";

const statusWord = (r: DnspodRecord): "enable" | "disable" => (r.enabled ? "enable" : "disable");
const describeDraft = (d: RecordDraft): string => `${d.subDomain} ${d.type} ${d.line} ${d.value}`;

/** The zone of a record write, refusing while a Domain.Lock holds (21). */
function writableDomain(call: Call): DnspodDomain | Outcome {
  const d = resolveDomain(call);
  if (!d) return fail("6");
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

const create: Handler = (call) => {
  const d = writableDomain(call);
  if ("code" in d) return d;
  const draft = parseDraft(call, d);
  if ("code" in draft) return draft;
  const conflict = conflictError(call, d, draft);
  if (conflict) return conflict;
  const record: DnspodRecord = {
    id: call.state.nextRecordId++,
    ...draft,
    enabled: true,
    remark: "",
    updatedOn: formatDateTime(call.now),
    hold: false,
    noopModifies: 0,
  };
  d.records.push(record);
  logChange(d, call.now, `Added record ${describeDraft(draft)}`);
  return ok({ record: { id: String(record.id), name: record.subDomain, status: "enable" } }, true);
};

function apply(call: Call, d: DnspodDomain, r: DnspodRecord, draft: RecordDraft): void {
  Object.assign(r, draft, { updatedOn: formatDateTime(call.now) });
  logChange(d, call.now, `Modified record ${r.id} to ${describeDraft(draft)}`);
}

const modify: Handler = (call) =>
  withRecord(call, (d, r) => {
    const draft = parseDraft(call, d, r.ttl);
    if ("code" in draft) return draft;
    // A modify that changes nothing is what DNSPod calls abuse; count it so benchmarks can tell.
    if (sameAsDraft(r, draft)) {
      r.noopModifies++;
    } else {
      const conflict = conflictError(call, d, draft, r);
      if (conflict) return conflict;
      apply(call, d, r, draft);
    }
    // The seed's quirk: the id is a number here (a string in Record.Create).
    return ok({ record: { id: r.id, name: r.subDomain, value: r.value, status: statusWord(r) } }, true);
  });

/** Dynamic DNS: only the value changes; without `value` the caller's address is used [G]. */
const ddns: Handler = (call) =>
  withRecord(call, (d, r) => {
    const line = call.params.record_line;
    if (line !== undefined && line !== r.line) return fail("26");
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
    if (wanted !== "enable" && wanted !== "disable") return fail("6", "Invalid parameter “status”.");
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
