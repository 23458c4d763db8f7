/** Record.List / Info / Type / Line: reads, where every scalar is a string and lines are names. */
import {
  DEFAULT_LINE_KEY,
  DNSPOD_LINES,
  lineDisplayName,
  lineKeyFromDisplay,
  type DnspodLineArea,
} from "../../provider/dnspod/lines";
import { resolveDomain } from "./lookup";
import { page } from "./paging";
import { typesFor } from "./record-rules";
import type { DnspodEmulatorOptions, DnspodRecord } from "./state";
import { fail, ok, type Call, type Handler } from "./wire";

/** Reads show the line's display name; the default line's name is configurable ("Default"/"默认"). */
function lineName(options: DnspodEmulatorOptions, key: string): string {
  return key === DEFAULT_LINE_KEY ? options.defaultLineName : (lineDisplayName(key) ?? key);
}

const flag = (b: boolean): string => (b ? "1" : "0");

function listRow(options: DnspodEmulatorOptions, r: DnspodRecord): Record<string, string> {
  return {
    id: String(r.id),
    name: r.subDomain,
    line: lineName(options, r.line),
    type: r.type,
    ttl: String(r.ttl),
    value: r.value,
    mx: String(r.mx),
    enabled: flag(r.enabled),
    status: r.enabled ? "enabled" : "disabled",
    monitor_status: "",
    remark: r.remark,
    updated_on: r.updatedOn,
    ...(r.hold ? { hold: "hold" } : {}),
  };
}

/**
 * The CN-only filters (sub_domain, record_type, record_line, keyword) are accepted [G];
 * record_line matches by key or display name, as clients send either.
 */
function matches(call: Call, r: DnspodRecord): boolean {
  const { sub_domain: sub, record_type: type, record_line: line, keyword } = call.params;
  if (sub && r.subDomain !== sub.trim().toLowerCase()) return false;
  if (type && r.type.toUpperCase() !== type.trim().toUpperCase()) return false;
  if (line && r.line !== (lineKeyFromDisplay(line) ?? line)) return false;
  if (keyword && !r.subDomain.includes(keyword.toLowerCase()) && !r.value.includes(keyword)) return false;
  return true;
}

const list: Handler = (call) => {
  const d = resolveDomain(call);
  if (!d) return fail("6");
  const matching = d.records.filter((r) => matches(call, r));
  const paged = page(call, matching, { offset: "7", length: "8" });
  if ("code" in paged) return paged;
  if (paged.rows.length === 0 && call.errorOnEmpty) return fail("10");
  return ok({
    domain: {
      id: String(d.id),
      name: d.name,
      punycode: d.punycode,
      grade: d.grade,
      owner: call.options.accountEmail,
    },
    // [G] `sub_domains` counts the zone's records, `record_total` those matching the filters.
    info: { sub_domains: String(d.records.length), record_total: String(matching.length) },
    records: paged.rows.map((r) => listRow(call.options, r)),
  });
};

const info: Handler = (call) => {
  const d = resolveDomain(call);
  if (!d) return fail("6");
  const id = Number(call.params.record_id);
  const r = d.records.find((x) => x.id === id);
  if (!r) return fail("8");
  // Field names differ from Record.List on purpose: this is the vendor's shape.
  return ok({
    domain: { id: String(d.id), domain: d.name, domain_grade: d.grade },
    record: {
      id: String(r.id),
      sub_domain: r.subDomain,
      record_type: r.type,
      record_line: lineName(call.options, r.line),
      value: r.value,
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

const lines: Handler = (call) => {
  if (!typesFor(call.options, call.params.domain_grade ?? "")) return fail("6");
  const name = call.options.defaultLineName;
  const table: Record<string, DnspodLineArea> = {
    ...DNSPOD_LINES,
    [DEFAULT_LINE_KEY]: { name, sub_area: { [DEFAULT_LINE_KEY]: name } },
  };
  return ok({ lines: table });
};

export const recordReadActions: Record<string, Handler> = {
  "Record.List": list,
  "Record.Info": info,
  "Record.Type": types,
  "Record.Line": lines,
};
