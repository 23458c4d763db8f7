/**
 * Lines on both sites behind one stored key: "default" for the default line everywhere (so a state
 * file from either site restores on the other), an international key ("US") or a dnsapi.cn line id
 * ("10=0") for the rest. What a client writes and what a read shows depend on the site.
 */
import { CN_DEFAULT_LINE, CN_LINES, cnLineById, cnLineByName } from "./lines-cn";
import { INTL_LINES, intlLineKey, intlLineName, isIntlLineKey } from "./lines-intl";
import type { DnspodSite } from "./state";
import { type Call, fail, type Outcome } from "./wire";

export const DEFAULT_LINE = "default";

const cnKey = (id: string): string => (id === CN_DEFAULT_LINE.id ? DEFAULT_LINE : id);

/** The line a read shows: "Default"/"United States" on api.dnspod.com, "默认"/"电信" on dnsapi.cn. */
export function lineName(site: DnspodSite, key: string): string {
  if (site === "intl") return intlLineName(key) ?? key;
  return key === DEFAULT_LINE ? CN_DEFAULT_LINE.name : (cnLineById(key)?.name ?? key);
}

/** dnsapi.cn's `line_id` / `record_line_id` of a stored line ("0" for 默认). */
export const lineId = (key: string): string => (key === DEFAULT_LINE ? CN_DEFAULT_LINE.id : key);

/**
 * The stored key of the line a write names, 26 for a line the site does not have, 6 when none is
 * named. dnsapi.cn: `record_line_id` wins over `record_line` ("系统优先取 record_line_id"), and
 * `record_line` is a Chinese name as Record.Line lists it.
 */
export function writtenLine(call: Call): string | Outcome {
  const { record_line: line, record_line_id: id } = call.params;
  if (call.options.site === "intl") {
    if (!line) return fail("6");
    return isIntlLineKey(line) ? line : fail("26");
  }
  if (id) return cnLineById(id.trim()) ? cnKey(id.trim()) : fail("26");
  if (!line) return fail("6");
  const named = cnLineByName(line.trim());
  if (named) return cnKey(named.id);
  return line === DEFAULT_LINE && call.options.cnAcceptsDefaultKey ? DEFAULT_LINE : fail("26");
}

/** The stored key for a Record.List `record_line` filter, which clients send as a key, name or id. */
export function filterLine(site: DnspodSite, raw: string): string {
  if (site === "intl") return raw === CN_DEFAULT_LINE.name ? DEFAULT_LINE : (intlLineKey(raw) ?? raw);
  const line = cnLineByName(raw) ?? cnLineById(raw);
  return line ? cnKey(line.id) : raw;
}

/**
 * Record.Line's payload. api.dnspod.com: areas with their sub-areas; dnsapi.cn: `lines` (names)
 * and `line_ids` (name → id) where the vendor's example gives 默认 a number (0), every other id a string.
 */
export function lineTable(site: DnspodSite): Record<string, unknown> {
  if (site === "intl") return { lines: INTL_LINES };
  const ids = Object.fromEntries(CN_LINES.map((l) => [l.name, l === CN_DEFAULT_LINE ? 0 : l.id]));
  return { line_ids: ids, lines: CN_LINES.map((l) => l.name) };
}
