/**
 * The order of a dnspod.ZoneRecords apply's writes, as a pure function of its plan. DNSPod serves
 * each write at once, so the order decides what resolvers see in between; it is chosen so that a
 * name declared before and after never answers nothing:
 *
 * - a record whose value is replaced within one name, type and line (an A swap, a CNAME retarget)
 *   is changed in place with Record.Modify: the old value and the new one switch in one publish.
 *   That is "add before remove" in one write, and the one that always works: DNSPod refuses a
 *   second CNAME beside the first (31) and a record beyond a full round-robin set (25, 500025);
 * - other additions come before other removals;
 * - where the types cannot coexist (a CNAME and anything else; A, CNAME and URL), the name's
 *   removals come right before its additions, one name at a time with nothing else in between, so
 *   the publish log shows the one gap as adjacent publishes.
 */
import type { LiveRecord, ZonePlan } from "../zone/plan";
import { type RecordAttrs, recordOfKey } from "./convert";

/** A removed record's value given to a created one of the same name, type and line. */
export interface Retarget {
  /** The created record's key. */
  key: string;
  /** The removed record's key and id: the record that is modified. */
  fromKey: string;
  id: string;
  from: RecordAttrs;
  to: RecordAttrs;
}

type Create = ZonePlan<RecordAttrs>["create"][number];
type Remove = ZonePlan<RecordAttrs>["remove"][number];

export interface WriteOrder {
  retargets: Retarget[];
  /** Before `remove`. */
  create: Create[];
  remove: Remove[];
  /** Last, one name at a time: its removals, then its additions. */
  swaps: { remove: Remove[]; create: Create[] }[];
}

const URL_TYPES = new Set(["URL", "Framed URL"]);
const ADDRESS_TYPES = new Set(["A", "CNAME", ...URL_TYPES]);

/** DNSPod's code 31: a CNAME has no sibling of another type; A, CNAME and URL exclude each other. */
export function cannotCoexist(a: string, b: string): boolean {
  if (a === b) return false;
  return a === "CNAME" || b === "CNAME" || (ADDRESS_TYPES.has(a) && ADDRESS_TYPES.has(b));
}

const groupOf = (key: string) => {
  const r = recordOfKey(key);
  return { owner: `${r.subDomain} ${r.recordLine}`, set: `${r.subDomain} ${r.recordLine} ${r.recordType}`, type: r.recordType };
};

function bySet<T extends { key: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of [...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const set = groupOf(i.key).set;
    out.set(set, [...(out.get(set) ?? []), i]);
  }
  return out;
}

/** `live`: the zone as listed before the writes (the removed records' attributes). Otherwise the plan's order is kept. */
export function orderWrites(plan: ZonePlan<RecordAttrs>, live: readonly LiveRecord<RecordAttrs>[]): WriteOrder {
  const attrs = new Map(live.map((r) => [r.key, r.attrs]));
  const removes = bySet(plan.remove.filter((r) => attrs.has(r.key)));
  const retargets: Retarget[] = [];
  for (const [set, cs] of bySet(plan.create)) {
    const rs = removes.get(set) ?? [];
    for (let i = 0; i < Math.min(cs.length, rs.length); i++)
      retargets.push({ key: cs[i]!.key, fromKey: rs[i]!.key, id: rs[i]!.id, from: attrs.get(rs[i]!.key)!, to: cs[i]!.to });
  }
  const paired = new Set(retargets.flatMap((t) => [t.key, t.fromKey]));
  const creates = plan.create.filter((c) => !paired.has(c.key));
  const removals = plan.remove.filter((r) => !paired.has(r.key));
  // A name whose additions cannot stand beside its removals: one swap, after everything else.
  const swapping = new Set(
    creates
      .filter((c) =>
        removals.some((r) => groupOf(r.key).owner === groupOf(c.key).owner && cannotCoexist(groupOf(c.key).type, groupOf(r.key).type)),
      )
      .map((c) => groupOf(c.key).owner),
  );
  const swaps = new Map<string, { remove: Remove[]; create: Create[] }>();
  const swapOf = (key: string) => {
    const owner = groupOf(key).owner;
    if (!swaps.has(owner)) swaps.set(owner, { remove: [], create: [] });
    return swaps.get(owner)!;
  };
  for (const r of removals) if (swapping.has(groupOf(r.key).owner)) swapOf(r.key).remove.push(r);
  for (const c of creates) if (swapping.has(groupOf(c.key).owner)) swapOf(c.key).create.push(c);
  return {
    retargets,
    create: creates.filter((c) => !swapping.has(groupOf(c.key).owner)),
    remove: removals.filter((r) => !swapping.has(groupOf(r.key).owner)),
    swaps: [...swaps.values()],
  };
}
