import { ensure, WapiError } from "./codes";
import type { ResolvedWedosOptions } from "./options";
import type { WedosZone } from "./state";
import { domainNameProblem } from "./validate";
import type { Params, WireFormat } from "./wire";
import type { ZoneStore } from "./zone";

/** What a command sees: its parameters and the store it may change (a throwaway copy for dry runs). */
export interface CommandContext {
  store: ZoneStore;
  params: Params;
  now: Date;
  format: WireFormat;
  options: ResolvedWedosOptions;
}

/** Returns the response `data`, or undefined for commands that answer without data. */
export type Command = (ctx: CommandContext) => Params | undefined;

/**
 * A scalar parameter as text. Clients send numbers or strings interchangeably ("ttl": 1800 or
 * "300", an unquoted row_id), and some send booleans for flags.
 */
export function scalar(params: Params, key: string): string | undefined {
  const v = params[key];
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "boolean") return v ? "1" : "0";
  return undefined;
}

/** A required scalar; 2100 when missing. An empty string counts as present (the apex row name). */
export function required(params: Params, key: string): string {
  const v = scalar(params, key);
  if (v === undefined) throw new WapiError(2100);
  return v;
}

/** The first of several accepted parameter names that is present (dns-row-detail: name or domain). */
export function requiredAny(params: Params, keys: readonly string[]): string {
  for (const key of keys) {
    const v = scalar(params, key);
    if (v !== undefined) return v;
  }
  throw new WapiError(2100);
}

/** A zone name as WAPI validates it: 2202 malformed, 2201 unsupported TLD (codes overridable for name_new). */
export function checkedDomainName(raw: string, invalidCode = 2202, tldCode = 2201): string {
  const name = raw.trim().toLowerCase();
  const problem = domainNameProblem(name);
  if (problem === "invalid") throw new WapiError(invalidCode);
  if (problem === "unsupported-tld") throw new WapiError(tldCode);
  return name;
}

/** Opens an existing zone (3222 when there is none). */
export function openZone(ctx: CommandContext, raw: string): WedosZone {
  const zone = ctx.store.find(checkedDomainName(raw));
  if (!zone) throw new WapiError(3222);
  return zone;
}

/** Opens a zone for a command that 3305 applies to (any write, and the reads the seed lists it for). */
export function openUnlocked(ctx: CommandContext, raw: string): WedosZone {
  const zone = openZone(ctx, raw);
  ensure(!zone.tlock, 3305);
  return zone;
}

/** Opens a primary zone for a row command: rows of secondaries come from AXFR (2318). */
export function openRowZone(ctx: CommandContext, raw: string): WedosZone {
  const zone = openUnlocked(ctx, raw);
  ensure(zone.type === "primary", 2318);
  return zone;
}

/**
 * The JSON list shapes seen for WAPI lists: a plain array, or an object with opaque keys
 * ("row1", "domain1", …) as in the official templates. XML always repeats the element.
 */
export function listOf(ctx: CommandContext, element: "row" | "domain", items: Params[]): Params {
  const shape = element === "row" ? ctx.options.rowsListShape : ctx.options.domainsListShape;
  if (ctx.format === "xml" || shape === "array") return { [element]: items };
  const keyed: Params = {};
  items.forEach((item, i) => {
    keyed[`${element}${i + 1}`] = item;
  });
  return { [element]: keyed };
}

/**
 * A list parameter in any of the shapes clients use: {"ip1": "…"} (the seed template), an array,
 * XML's <ip> children ({ip: "…"} or {ip: ["…"]}), or one space/comma-separated string.
 */
export function listParam(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value.split(/[\s,;]+/).filter((s) => s !== "");
  if (Array.isArray(value)) {
    return value.every((v) => typeof v === "string") ? value.filter((s) => s !== "") : undefined;
  }
  if (typeof value === "object") {
    const out: string[] = [];
    for (const v of Object.values(value)) {
      const inner = listParam(v);
      if (!inner) return undefined;
      out.push(...inner);
    }
    return out;
  }
  return undefined;
}
