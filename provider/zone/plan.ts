/**
 * The delta of a zone-level resource, as a pure function of what is declared, what the zone holds
 * now and what the resource owned before. Records are compared by identity (a key: name, type,
 * data — and the line on DNSPod) and then by their attributes (ttl, comment, status, …). Whatever
 * the state says, the live zone decides: an identical record is adopted without a write, a missing
 * one is created, so an interrupted run converges on the next.
 */
export interface LiveRecord<A> {
  key: string;
  attrs: A;
  id: string;
}

export interface ZonePlan<A> {
  /** Declared and identical in the zone: nothing to write. */
  keep: { key: string; id: string; attrs: A }[];
  create: { key: string; to: A }[];
  /** Same identity, other attributes, changed in place. */
  update: { key: string; id: string; from: A; to: A }[];
  remove: { key: string; id: string }[];
  /** In the zone, not declared, not removed. */
  unmanaged: LiveRecord<A>[];
}

export interface PlanRules<A> {
  same(a: A, b: A): boolean;
  /** Whether the API can change `from` into `to` in place; otherwise it is removed and re-created. */
  inPlace(from: A, to: A): boolean;
}

/**
 * `owned` are the keys the resource managed until now (its state): of these, the ones no longer
 * declared are removed from the zone. Nothing else is ever removed.
 */
export function planZone<A>(
  declared: Readonly<Record<string, A>>,
  live: readonly LiveRecord<A>[],
  owned: readonly string[],
  rules: PlanRules<A>,
): ZonePlan<A> {
  const byKey = new Map<string, LiveRecord<A>>();
  const extra: LiveRecord<A>[] = [];
  // Two live records of one identity (DNSPod allows it when only mx differs): the first one counts.
  for (const r of live) {
    if (byKey.has(r.key)) extra.push(r);
    else byKey.set(r.key, r);
  }
  const plan: ZonePlan<A> = { keep: [], create: [], update: [], remove: [], unmanaged: [] };
  for (const [key, to] of Object.entries(declared)) {
    const cur = byKey.get(key);
    if (!cur) plan.create.push({ key, to });
    else if (rules.same(cur.attrs, to)) plan.keep.push({ key, id: cur.id, attrs: cur.attrs });
    else if (rules.inPlace(cur.attrs, to)) plan.update.push({ key, id: cur.id, from: cur.attrs, to });
    else {
      plan.remove.push({ key, id: cur.id });
      plan.create.push({ key, to });
    }
  }
  const gone = new Set(owned.filter((k) => !(k in declared)));
  for (const [key, r] of byKey) {
    if (key in declared) continue;
    if (gone.has(key)) plan.remove.push({ key, id: r.id });
    else plan.unmanaged.push(r);
  }
  plan.unmanaged.push(...extra);
  return plan;
}
