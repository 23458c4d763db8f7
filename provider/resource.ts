/**
 * What every resource shares: zod-driven check() with one clear failure per problem (and no API
 * calls), preview's unknown values left alone, and a diff that compares normalised inputs with
 * the stored outputs and says exactly which properties changed and which of them force replacement.
 */
import type { z } from "zod";

/** The string the engine puts in place of values not known until apply (`runtime/rpc.js`). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface CheckFailure {
  property: string;
  reason: string;
}
export interface CheckResult<T> {
  inputs?: T;
  failures?: CheckFailure[];
}
export interface DiffResult {
  changes?: boolean;
  replaces?: string[];
  deleteBeforeReplace?: boolean;
}
/** How one property (or one entry of a keyed map: `records["www A 192.0.2.10"]`) changes, as the engine's detailed diff says it. */
export type PropertyChange = "add" | "add-replace" | "delete" | "delete-replace" | "update" | "update-replace";
export interface DetailedDiffResult extends DiffResult {
  detailedDiff?: Record<string, PropertyChange>;
}
export interface ReadResult<O> {
  id?: string;
  props?: O;
  inputs?: Record<string, unknown>;
}

/** The provider side of one resource type; the serialized shim forwards to it. */
// biome-ignore lint/suspicious/noExplicitAny: one table holds every kind, each with its own input and output types
export interface ResourceImpl<I = any, O = any> {
  check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<CheckResult<I>>;
  diff(id: string, olds: O, news: I): Promise<DiffResult>;
  create(inputs: I): Promise<{ id: string; outs: O }>;
  read(id: string, props: O): Promise<ReadResult<O>>;
  update(id: string, olds: O, news: I): Promise<{ outs: O }>;
  delete(id: string, props: O): Promise<void>;
  /** diff() with the change of each property (native plugins return it; dynamic providers cannot). */
  diffDetailed?(id: string, olds: O, news: I): Promise<DetailedDiffResult>;
}

const isUnknown = (v: unknown): boolean => v === UNKNOWN;

/**
 * A create that wrote part of its objects and then failed. The engine keeps the id and these
 * outputs (a partial failure, ErrorResourceInitFailed), so the next `up` finishes the job and a
 * destroy removes what was written, instead of leaving it behind unknown.
 */
export class PartialCreate extends Error {
  override readonly name = "PartialCreate";
  constructor(
    readonly id: string,
    readonly outs: Record<string, unknown>,
    cause: Error,
  ) {
    super(cause.message, { cause });
  }
}

/**
 * An update that wrote all it should and then failed (a waitUntilServed that timed out): as with
 * PartialCreate, the engine keeps these outputs (a partial failure of the update) instead of the old ones.
 */
export class PartialUpdate extends Error {
  override readonly name = "PartialUpdate";
  constructor(
    readonly id: string,
    readonly outs: Record<string, unknown>,
    cause: Error,
  ) {
    super(cause.message, { cause });
  }
}

function hasUnknownOnPath(value: unknown, path: PropertyKey[]): boolean {
  let cur = value;
  for (const key of path) {
    if (isUnknown(cur)) return true;
    if (typeof cur !== "object" || cur === null) return false;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return isUnknown(cur) || (Array.isArray(cur) && cur.some(isUnknown));
}

/** Drops engine-internal keys (`__provider`) before validation. */
function userInputs(news: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(news).filter(([k]) => !k.startsWith("__")));
}

/** How a value of the wrong type is described in a message: `the string "300"`, `the number 2.5`. */
export function given(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  return `the ${typeof v} ${JSON.stringify(v) ?? String(v)}`;
}

/** A type error that names the expected type and shows an example of a right value. */
export const typeError = (what: string, expected: string, example: string) => (iss: { input?: unknown }) =>
  iss.input === undefined
    ? `${what} is required: ${expected}. Fix: set it, e.g. ${example}`
    : `${what} must be ${expected}, not ${given(iss.input)}. Fix: write it as ${expected}, e.g. ${example}`;

/** Rdata rules (provider/dns/stored-rdata.ts) say "use e.g. …"; checks say "Fix: …". */
export function withFix(reason: string, fix: string): string {
  if (reason.includes("Fix:")) return reason;
  const m = /^(.*?)(?:; use e\.g\. |, e\.g\. )(.*)$/.exec(reason);
  return m ? `${m[1]}. Fix: write it like ${m[2]}` : `${reason}. Fix: ${fix}`;
}

/**
 * Validates and normalises inputs. Issues on properties that are unknown during preview are
 * skipped; if the rest is valid, the inputs pass through as given, since they cannot be
 * normalised yet.
 */
export function checkInputs<S extends z.ZodObject<z.ZodRawShape>>(
  schema: S,
  news: Record<string, unknown>,
  resource: string,
): CheckResult<z.output<S>> {
  const raw = userInputs(news);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { inputs: parsed.data };
  const failures: CheckFailure[] = [];
  for (const issue of parsed.error.issues) {
    if (hasUnknownOnPath(raw, issue.path)) continue;
    if (issue.code === "unrecognized_keys") {
      // Keys a nested object (a record of ZoneRecords) takes are suggested as well as top-level ones.
      const known = keysAt(schema, issue.path);
      const where = issue.path.length ? `${issue.path.map(String).join(".")}.` : "";
      for (const key of issue.keys) {
        const near = closest(key, known);
        const owner = issue.path.length ? `each of ${resource}.${String(issue.path[0])}` : resource;
        const fix = near
          ? `rename it to "${near}" (did you mean "${near}"?), or remove it`
          : `remove it; ${owner} takes ${known.map((k) => `"${k}"`).join(", ")}`;
        failures.push({
          property: `${where}${key}`,
          reason: `${resource}.${where}${key}: unknown property "${key}" (unrecognized key). Fix: ${fix}; see the ${resource} reference in README.md`,
        });
      }
      continue;
    }
    const property = issue.path.map(String).join(".") || "(inputs)";
    // Every reason names a fix; schema messages do, this catches any zod default that slips through.
    const message = issue.message.includes("Fix:") ? issue.message : `${issue.message}. Fix: see the ${resource} reference in README.md`;
    failures.push({ property, reason: `${resource}.${property}: ${message}` });
  }
  // Valid but for values preview cannot know yet: handed on as given, since they cannot be normalised.
  return failures.length ? { failures } : { inputs: raw as z.output<S> };
}

/** The keys of the object schema at `path` (through lists, pipes, defaults and optionals). */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let cur: unknown = schema;
  const def = (s: unknown) =>
    (s as { _zod: { def: { type: string; shape?: Record<string, unknown>; element?: unknown; in?: unknown; innerType?: unknown } } })._zod
      .def;
  const unwrap = (s: unknown): unknown => {
    const d = def(s);
    if (d.type === "pipe") return unwrap(d.in);
    if (d.type === "default" || d.type === "optional" || d.type === "nullable") return unwrap(d.innerType);
    return s;
  };
  for (const step of path) {
    const d = def(unwrap(cur));
    cur = d.type === "object" ? d.shape?.[String(step)] : d.type === "array" ? d.element : undefined;
    if (cur === undefined) return [];
  }
  const d = def(unwrap(cur));
  return d.type === "object" ? Object.keys(d.shape ?? {}) : [];
}

/** The known key within edit distance 2 of a misspelt one ("tll" → "ttl"), if exactly one is nearest. */
export function closest(key: string, known: readonly string[]): string | undefined {
  const dist = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0]![j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length]![b.length]!;
  };
  const scored = known
    .map((k) => [k, dist(key.toLowerCase(), k.toLowerCase())] as const)
    .filter(([, n]) => n <= 2)
    .sort((x, y) => x[1] - y[1]);
  if (!scored.length || (scored[1] && scored[1][1] === scored[0]![1])) return undefined;
  return scored[0]![0];
}

/** Stable comparison of plain JSON values; absent and undefined are the same. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

function canon(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canon);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** Input keys whose new value differs from the stored one (unknown counts as changed). */
function changedKeys<T extends object, K extends keyof T & string>(keys: readonly K[], olds: Partial<T>, news: T): K[] {
  return keys.filter((k) => isUnknown(news[k]) || !sameValue(olds[k], news[k]));
}

export function diffInputs<T extends object, K extends keyof T & string>(
  keys: readonly K[],
  replaceKeys: readonly K[],
  olds: Partial<T>,
  news: T,
): { changes: boolean; replaces: K[]; changed: K[] } {
  const changed = changedKeys(keys, olds, news);
  const replaces = changed.filter((k) => replaceKeys.includes(k));
  return { changes: changed.length > 0, replaces, changed };
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A property path as the engine parses it: `records["www TXT \"quoted\""]`. */
const keyPath = (prop: string, key: string) => `${prop}["${key.replace(/"/g, '\\"')}"]`;

/**
 * The detailed diff of the changed keys: one entry per property, except that a property holding a
 * map on both sides (ZoneRecords' records, keyed by identity) gets one entry per changed key, so a
 * one-record edit shows as that record only.
 */
export function detailedDiff(
  changed: readonly string[],
  replaces: readonly string[],
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Record<string, PropertyChange> {
  const out: Record<string, PropertyChange> = {};
  for (const k of changed) {
    const suffix = replaces.includes(k) ? "-replace" : "";
    const [o, n] = [olds[k], news[k]];
    if (isMap(o) && isMap(n)) {
      for (const key of new Set([...Object.keys(o), ...Object.keys(n)])) {
        if (!(key in n)) out[keyPath(k, key)] = `delete${suffix}` as PropertyChange;
        else if (!(key in o)) out[keyPath(k, key)] = `add${suffix}` as PropertyChange;
        else if (!sameValue(o[key], n[key])) out[keyPath(k, key)] = `update${suffix}` as PropertyChange;
      }
      continue;
    }
    out[k] = `${o === undefined ? "add" : n === undefined ? "delete" : "update"}${suffix}` as PropertyChange;
  }
  return out;
}

/** The given keys of an object, those with a value (what `read` hands back as refreshed inputs). */
export function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
