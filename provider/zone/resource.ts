/**
 * What wedos.ZoneRecords and dnspod.ZoneRecords share: check() that names each bad record, the
 * read that shows drift and unmanaged records (and, for an exclusive resource, turns them into
 * removals), and create/update/delete as one listing plus the delta. Each API supplies how to
 * list, write and publish (provider/<api>/zone-api.ts), in the context the resource is given.
 */
import type { ResourceParts } from "../define";
import { isNotFound } from "../http/errors";
import { PartialCreate } from "../resource";
import { changeOfMarker, markerOf, mergeChanges, type ServedChange } from "../served/change";
import { type ServedTarget, servedDeleted, servedOutputs, type WaitOutcome, waitForChange, waitsFor } from "../served/operation";
import type { ServedApi } from "../served/settings";
import { namedRecordFailures, withoutServiceRecords } from "./keyed";
import { type LiveRecord, type PlanRules, planZone, type ZonePlan } from "./plan";
import { ZoneWriteError } from "./run";

/** A write that failed: the record's key, what was tried ("add", "update", "delete") and why. */
interface Failure {
  key: string;
  what: string;
  error: unknown;
}

export interface ZoneApi<A, C> {
  /** `wedos.ZoneRecords`, the prefix of messages. */
  label: string;
  /** The zone's records now, the service's own left out; `fresh` asks for a listing started now. */
  list(ctx: C, zone: string, fresh: boolean): Promise<LiveRecord<A>[]>;
  rules: PlanRules<A>;
  /**
   * Runs the plan's writes (`live`: the zone as listed before them); returns what failed and the
   * ids of the records it created, when the API says them.
   */
  write(
    ctx: C,
    zone: string,
    plan: ZonePlan<A>,
    live: readonly LiveRecord<A>[],
  ): Promise<{ failed: Failure[]; created: ReadonlyMap<string, string> }>;
  /** After writes: publish them (WEDOS commits), and when new ids are needed list the zone again. */
  publishThenList(ctx: C, zone: string, needIds: boolean): Promise<LiveRecord<A>[] | undefined>;
  /** Deletes these records (a gone one counts as deleted) and publishes; returns what failed. */
  remove(ctx: C, zone: string, records: readonly LiveRecord<A>[]): Promise<Failure[]>;
  /** Declared records the service keeps itself (a zone file's SOA and apex NS): left out, never written. */
  keptByService(item: Record<string, unknown>): boolean;
  /** A declared record as messages name it: `"www A 192.0.2.10"`. */
  shownAs(item: Record<string, unknown>): string;
  /** A record as a program declares it in `records` (what `pulumi import` prints): defaults left out. */
  declare(key: string, attrs: A): Record<string, unknown>;
  /** Whose settings waitUntilServed defaults to. */
  api: ServedApi;
  /** waitUntilServed: the change in the DNS's terms, and the zone whose nameservers are asked (provider/served). */
  served(ctx: C, zone: string, change: ZoneChange<A>): Promise<{ target: ServedTarget; change: ServedChange }>;
}

/** The records an operation wrote and removed, each with its attributes (what is served may depend on them). */
interface ZoneChange<A> {
  written: { key: string; attrs: A }[];
  removed: { key: string; attrs: A }[];
}

export interface ZoneInputs<A> {
  records: Record<string, A>;
  exclusive: boolean;
  waitUntilServed?: boolean | undefined;
}
type Stored<A, K extends string> = A & { [P in K]: string } & { unmanaged?: boolean };
export interface ZoneOutputs<A, K extends string> {
  records: Record<string, Stored<A, K>>;
  unmanaged: string[];
  recordCount: number;
  notYetServed?: string[] | undefined;
}

/**
 * `zoneKey` is the input naming the zone (its value is the resource's id); `idKey` the name of a
 * stored record's id.
 */
export function zoneRecordsParts<A extends object, K extends string, I extends ZoneInputs<A>, O extends I & ZoneOutputs<A, K>, C>(
  api: ZoneApi<A, C>,
  zoneKey: keyof I & string,
  idKey: K,
): ResourceParts<I, O, C> {
  const zoneOf = (i: I): string => i[zoneKey] as string;
  const attrsOf = (s: Stored<A, K>): A => {
    const { [idKey]: _id, unmanaged: _u, ...attrs } = s as Record<string, unknown>;
    return attrs as A;
  };
  const stored = (r: LiveRecord<A>, unmanaged = false) =>
    ({ ...r.attrs, [idKey]: r.id, ...(unmanaged ? { unmanaged: true } : {}) }) as Stored<A, K>;
  const declaredOf = (o: O) =>
    new Set(
      Object.entries(o.records)
        .filter(([, v]) => !v.unmanaged)
        .map(([k]) => k),
    );

  /** The outputs for `inputs`, given the zone's records after the writes. */
  const outputs = (inputs: I, live: readonly LiveRecord<A>[], unmanaged?: readonly LiveRecord<A>[]): O => {
    const byKey = new Map(live.map((r) => [r.key, r]));
    const records: Record<string, Stored<A, K>> = {};
    for (const key of Object.keys(inputs.records)) {
      const r = byKey.get(key);
      if (r) records[key] = stored(r);
    }
    const others = unmanaged ? unmanaged.map((r) => r.key) : [...byKey.keys()].filter((k) => !(k in inputs.records));
    return { ...inputs, records, unmanaged: others, recordCount: Object.keys(records).length } as O;
  };

  /** Waits until the nameservers serve `change` and what an earlier wait left unconfirmed (`left`). */
  const waitServed = async (ctx: C, zone: string, change: ZoneChange<A>, left: readonly string[] | undefined): Promise<WaitOutcome> => {
    if (!change.written.length && !change.removed.length && !left?.length) return { served: true };
    const served = await api.served(ctx, zone, change);
    return waitForChange(served.target, mergeChanges(changeOfMarker(left), served.change));
  };

  /** What a plan wrote and removed, the failed writes left out. */
  const changeOf = (plan: ZonePlan<A>, before: readonly LiveRecord<A>[], failed: readonly Failure[]): ZoneChange<A> => {
    const failedKeys = new Set(failed.map((f) => f.key));
    const live = new Map(before.map((r) => [r.key, r.attrs]));
    return {
      written: [...plan.create.map((c) => ({ key: c.key, attrs: c.to })), ...plan.update.map((u) => ({ key: u.key, attrs: u.to }))].filter(
        (w) => !failedKeys.has(w.key),
      ),
      removed: plan.remove.filter((r) => !failedKeys.has(r.key) && live.has(r.key)).map((r) => ({ key: r.key, attrs: live.get(r.key)! })),
    };
  };

  /** One listing, the delta, one publish; the zone as it is afterwards, and what changed. */
  const apply = async (ctx: C, inputs: I, owned: readonly string[]): Promise<{ outs: O; failed: Failure[]; change: ZoneChange<A> }> => {
    const zone = zoneOf(inputs);
    const before = await api.list(ctx, zone, true);
    const plan = planZone(inputs.records, before, owned, api.rules);
    // Nothing to write: the declared records are the ones kept as they are.
    if (!plan.create.length && !plan.update.length && !plan.remove.length)
      return { outs: outputs(inputs, plan.keep, plan.unmanaged), failed: [], change: { written: [], removed: [] } };
    const { failed, created } = await api.write(ctx, zone, plan, before);
    const change = changeOf(plan, before, failed);
    const relisted = await api.publishThenList(ctx, zone, plan.create.length > created.size);
    if (relisted) return { outs: outputs(inputs, relisted, plan.unmanaged), failed, change };
    // The API told every new id: the zone is what it was, minus the removed, plus the written.
    const failedKeys = new Set(failed.map((f) => f.key));
    const gone = new Set(plan.remove.filter((r) => !failedKeys.has(r.key)).map((r) => r.key));
    const after = new Map(before.filter((r) => !gone.has(r.key)).map((r) => [r.key, r]));
    for (const u of plan.update) if (!failedKeys.has(u.key)) after.set(u.key, { key: u.key, attrs: u.to, id: u.id });
    for (const c of plan.create) if (created.has(c.key)) after.set(c.key, { key: c.key, attrs: c.to, id: created.get(c.key)! });
    return { outs: outputs(inputs, [...after.values()], plan.unmanaged), failed, change };
  };

  return {
    // A wait for the nameservers that timed out: the next up asks again (README "Served DNS").
    unfinished: (olds, news) => (olds.notYetServed?.length && waitsFor(api.api, news.waitUntilServed) ? "notYetServed" : undefined),

    check(_olds, news, schema) {
      const { list, positions } = withoutServiceRecords(news.records, api.keptByService);
      const result = schema({ ...news, records: list });
      return result.failures ? { failures: namedRecordFailures(api.label, news.records, positions, result.failures, api.shownAs) } : result;
    },

    inputsOf: (outs) => {
      const { records, unmanaged: _u, recordCount: _n, notYetServed: _s, ...rest } = outs;
      // Outputs without what they add (and records without their ids) are the inputs they stand for.
      return { ...rest, records: Object.fromEntries(Object.entries(records).map(([k, v]) => [k, attrsOf(v)])) } as unknown as I;
    },

    async create(ctx, inputs) {
      const { outs, failed, change } = await apply(ctx, inputs, []);
      const wait = waitsFor(api.api, inputs.waitUntilServed);
      if (!failed.length) {
        if (!wait) return { id: zoneOf(inputs), outs };
        const outcome = await waitServed(ctx, zoneOf(inputs), change, undefined);
        return { id: zoneOf(inputs), outs: servedOutputs("create", zoneOf(inputs), outs, outcome) };
      }
      const err = new ZoneWriteError(api.label, zoneOf(inputs), failed, Object.keys(inputs.records).length);
      if (!Object.keys(outs.records).length) throw err;
      // What was written is kept; when waiting, the next up also asks the nameservers about it.
      const marker = wait ? markerOf((await api.served(ctx, zoneOf(inputs), change)).change) : [];
      throw new PartialCreate(
        zoneOf(inputs),
        { ...outs, ...(marker.length ? { notYetServed: marker } : {}) } as Record<string, unknown>,
        err,
      );
    },

    async read(ctx, id, props) {
      // Imported by id: every record in the zone (the service's own aside) is declared.
      if (!props.records) {
        const live = await api.list(ctx, id, false);
        // The zone key is a parameter (domain / domainId), so TypeScript cannot see this is an I.
        return outputs(
          { [zoneKey]: id, records: Object.fromEntries(live.map((r) => [r.key, r.attrs])), exclusive: false } as unknown as I,
          live,
        );
      }
      const live = await api.list(ctx, zoneOf(props), false);
      const declared = declaredOf(props);
      const records: Record<string, Stored<A, K>> = {};
      // An exclusive resource owns the undeclared records: as inputs they preview as removals.
      for (const r of live) if (declared.has(r.key) || props.exclusive) records[r.key] = stored(r, !declared.has(r.key));
      const unmanaged = live.filter((r) => !declared.has(r.key)).map((r) => r.key);
      return { ...props, records, unmanaged, recordCount: live.filter((r) => declared.has(r.key)).length };
    },

    imported(outs) {
      const records = Object.entries(outs.records).map(([key, r]) => api.declare(key, attrsOf(r)));
      return { props: outs, inputs: { [zoneKey]: outs[zoneKey], records, exclusive: false } };
    },

    async update(ctx, id, olds, news) {
      const { outs, failed, change } = await apply(ctx, news, Object.keys(olds.records));
      if (failed.length) throw new ZoneWriteError(api.label, zoneOf(news), failed, Object.keys(news.records).length);
      if (!waitsFor(api.api, news.waitUntilServed)) return servedOutputs("update", id, outs, { served: true });
      return servedOutputs("update", id, outs, await waitServed(ctx, zoneOf(news), change, olds.notYetServed));
    },

    async delete(ctx, _id, props) {
      const declared = declaredOf(props);
      let live: LiveRecord<A>[];
      try {
        live = await api.list(ctx, zoneOf(props), true);
      } catch (err) {
        if (isNotFound(err)) return; // the zone is gone, and its records with it
        throw err;
      }
      const doomed = live.filter((r) => declared.has(r.key));
      const failed = doomed.length ? await api.remove(ctx, zoneOf(props), doomed) : [];
      if (failed.length) throw new ZoneWriteError(api.label, zoneOf(props), failed, doomed.length);
      if (!waitsFor(api.api, props.waitUntilServed)) return;
      // Every declared record must no longer be answered: those removed now, and (when a wait that
      // timed out runs again) those removed before, without removing anything twice.
      const removed = Object.entries(props.records)
        .filter(([key, r]) => declared.has(key) && !r.unmanaged)
        .map(([key, r]) => ({ key, attrs: attrsOf(r) }));
      servedDeleted(await waitServed(ctx, zoneOf(props), { written: [], removed }, undefined));
    },
  };
}
