/**
 * The declared records of a zone-level resource, keyed by identity. check() returns them in this
 * shape because the engine diffs checked inputs key by key: a one-record edit then shows as that
 * one record added, removed or changed instead of a list shifted by one. Records the service keeps
 * itself (SOA, apex NS) are left out before validation; duplicates and CNAMEs sharing their name
 * are refused.
 */
import type { z } from "zod";
import type { CheckFailure } from "../resource";

export interface KeyRules<R, A> {
  key(r: R): string;
  attrs(r: R): A;
  /** The name (and line) a CNAME must have to itself. */
  owner(r: R): string;
  type(r: R): string;
}

/** The records keyed by identity; issues name the position of each duplicate and clash. */
export function keyedRecords<R, A>(list: readonly R[], ctx: z.RefinementCtx, rules: KeyRules<R, A>): Record<string, A> {
  const out: Record<string, A> = {};
  const first = new Map<string, number>();
  const owners = new Map<string, number[]>();
  list.forEach((r, i) => {
    const key = rules.key(r);
    const seen = first.get(key);
    if (seen !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: [i],
        message: `the same record as records[${seen}] (same name, type and data). Fix: remove one of them; give their ttl and other attributes once`,
      });
      return;
    }
    first.set(key, i);
    out[key] = rules.attrs(r);
    owners.set(rules.owner(r), [...(owners.get(rules.owner(r)) ?? []), i]);
  });
  for (const idx of owners.values()) {
    if (idx.length < 2) continue;
    for (const i of idx.filter((j) => rules.type(list[j]!) === "CNAME")) {
      const other = idx.find((j) => j !== i)!;
      ctx.addIssue({
        code: "custom",
        path: [i, "type"],
        message: `a CNAME must be the only record of its name, and records[${other}] has the same name. Fix: remove the CNAME or the other records of this name`,
      });
    }
  }
  return out;
}

/**
 * The declared list without the records the service keeps itself (a zone file's SOA and apex NS),
 * with the position each kept record had, so messages still point at the user's list.
 */
export function withoutServiceRecords(
  raw: unknown,
  keptByService: (item: Record<string, unknown>) => boolean,
): { list: unknown; positions: number[] } {
  if (!Array.isArray(raw)) return { list: raw, positions: [] };
  const positions: number[] = [];
  const list = raw.filter((item, i) => {
    const keep = !(item && typeof item === "object" && keptByService(item as Record<string, unknown>));
    if (keep) positions.push(i);
    return keep;
  });
  return { list, positions };
}

/**
 * check() failures on `records.<i>.<field>` rewritten to name the record: property
 * `records[3].ttl`, reason `<resource>.records[3].ttl: record "www A 192.0.2.10": …`.
 */
export function namedRecordFailures(
  resource: string,
  raw: unknown,
  positions: readonly number[],
  failures: readonly CheckFailure[],
  describe: (item: Record<string, unknown>) => string,
): CheckFailure[] {
  const items = Array.isArray(raw) ? raw : [];
  return failures.map((f) => {
    const m = /^records\.(\d+)(?:\.(.+))?$/.exec(f.property);
    if (!m) return f;
    const at = positions[Number(m[1])] ?? Number(m[1]);
    const property = `records[${at}]${m[2] ? `.${m[2]}` : ""}`;
    const item = items[at];
    const what = item && typeof item === "object" ? `record ${describe(item as Record<string, unknown>)}: ` : "";
    const message = f.reason
      .slice(`${resource}.${f.property}: `.length)
      .replace(/records\[(\d+)\]/g, (_, j: string) => `records[${positions[Number(j)] ?? j}]`);
    return { property, reason: `${resource}.${property}: ${what}${message}` };
  });
}
