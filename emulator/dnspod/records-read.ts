/** Record.List / Info / Type / Line: reads, where every scalar is a string and lines are names. */
import { DNSPOD_NAMESERVERS } from "./domains";
import { ttlMin, typesFor } from "./grades";
import { filterLine, lineId, lineName, lineTable } from "./lines";
import { noDomain, resolveDomain } from "./lookup";
import { page } from "./paging";
import type { DnspodDomain, DnspodRecord } from "./state";
import { type Call, fail, type Handler, ok } from "./wire";

const flag = (b: boolean): string => (b ? "1" : "0");

/**
 * One Record.List row. dnsapi.cn adds `line_id`, `weight` (null: weights are not modelled) and
 * `use_aqb`, in the order of its documentation; "id" comes first on both sites, which clients
 * that cut the JSON apart with grep rely on.
 */
function listRow(call: Call, r: DnspodRecord): Record<string, unknown> {
  const cn = call.options.site === "cn";
  return {
    id: String(r.id),
    name: r.subDomain,
    line: lineName(call.options.site, r.line),
    ...(cn ? { line_id: lineId(r.line) } : {}),
    type: r.type,
    ttl: String(r.ttl),
    value: r.value,
    ...(cn ? { weight: null } : {}),
    mx: String(r.mx),
    enabled: flag(r.enabled),
    status: r.enabled ? "enabled" : "disabled",
    monitor_status: "",
    remark: r.remark,
    updated_on: r.updatedOn,
    ...(cn ? { use_aqb: "no" } : {}),
    ...(r.hold ? { hold: "hold" } : {}),
  };
}

/**
 * The CN-only filters (sub_domain, record_type, record_line, keyword) are accepted on both sites
 * [G]; record_line matches by key, name or (dnsapi.cn) id, as clients send any of them.
 */
function matches(call: Call, r: DnspodRecord): boolean {
  const { sub_domain: sub, record_type: type, record_line: line, keyword } = call.params;
  if (sub && r.subDomain !== sub.trim().toLowerCase()) return false;
  if (type && r.type.toUpperCase() !== type.trim().toUpperCase()) return false;
  if (line && r.line !== filterLine(call.options.site, line)) return false;
  if (keyword && !r.subDomain.includes(keyword.toLowerCase()) && !r.value.includes(keyword)) return false;
  return true;
}

/** Record.List's `domain`; dnsapi.cn's carries more, as recorded answers show (ttl a number there). */
function listDomain(call: Call, d: DnspodDomain): Record<string, unknown> {
  const base = { id: String(d.id), name: d.name, punycode: d.punycode, grade: d.grade, owner: call.options.accountEmail };
  if (call.options.site === "intl") return base;
  const ns = [...DNSPOD_NAMESERVERS];
  return { ...base, ext_status: "notexist", ttl: 600, min_ttl: ttlMin(call.options, d.grade), dnspod_ns: ns, status: d.status };
}

const list: Handler = (call) => {
  const d = resolveDomain(call);
  if (!d) return noDomain(call);
  const matching = d.records.filter((r) => matches(call, r));
  const paged = page(call, matching, { offset: "7", length: "8" });
  if ("code" in paged) return paged;
  if (paged.rows.length === 0 && call.errorOnEmpty) return fail("10");
  // [G] `sub_domains` counts the zone's records, `record_total` those matching the filters.
  const info = { sub_domains: String(d.records.length), record_total: String(matching.length) };
  return ok({
    domain: listDomain(call, d),
    info: call.options.site === "cn" ? { ...info, records_num: String(paged.rows.length) } : info,
    records: paged.rows.map((r) => listRow(call, r)),
  });
};

const info: Handler = (call) => {
  const d = resolveDomain(call);
  if (!d) return noDomain(call);
  const id = Number(call.params.record_id);
  const r = d.records.find((x) => x.id === id);
  if (!r) return fail("8");
  const cn = call.options.site === "cn";
  // Field names differ from Record.List on purpose: this is the vendor's shape (dnsapi.cn's domain id a number).
  return ok({
    domain: { id: cn ? d.id : String(d.id), domain: d.name, domain_grade: d.grade },
    record: {
      id: String(r.id),
      sub_domain: r.subDomain,
      record_type: r.type,
      record_line: lineName(call.options.site, r.line),
      ...(cn ? { record_line_id: lineId(r.line) } : {}),
      value: r.value,
      ...(cn ? { weight: null } : {}),
      mx: String(r.mx),
      ttl: String(r.ttl),
      enabled: flag(r.enabled),
      monitor_status: "",
      remark: r.remark,
      updated_on: r.updatedOn,
      domain_id: String(d.id),
    },
  });
};

const types: Handler = (call) => {
  const list = typesFor(call.options, call.params.domain_grade ?? "");
  return list ? ok({ types: list }) : fail("6");
};

const lines: Handler = (call) => (typesFor(call.options, call.params.domain_grade ?? "") ? ok(lineTable(call.options.site)) : fail("6"));

export const recordReadActions: Record<string, Handler> = {
  "Record.List": list,
  "Record.Info": info,
  "Record.Type": types,
  "Record.Line": lines,
};
