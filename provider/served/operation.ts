/**
 * waitUntilServed for a resource operation: after its writes (and, on WEDOS, the commit that
 * publishes them), ask every nameserver about the changed records until all serve them, or until
 * propagationTimeout. A timeout does not undo anything: the outcome names what is left, which the
 * resource keeps in its outputs (`notYetServed`) so the next `up` asks again without writing.
 */
import { type Logger, stderrLogger } from "../http/log";
import { PartialCreate, PartialUpdate } from "../resource";
import { expectationsOf, isEmpty, markerOf, type ServedChange } from "./change";
import { waitForRecords } from "./index";
import type { Query } from "./query";
import { canonicalName } from "./records";
import type { Lookup } from "./servers";
import { type ServedApi, servedSettings } from "./settings";
import { type Clock, NotServedError } from "./wait";

/** What tests put in place of the clock, the DNS questions and name lookups. */
export interface ServedSeams {
  clock?: Clock;
  query?: Query;
  lookup?: Lookup;
  log?: Logger;
}

/** The zone an operation changed. */
export interface ServedTarget {
  api: ServedApi;
  /** For messages: `WEDOS zone example.cz`. */
  label: string;
  /** The zone's own NS names (an API read), asked only when the nameservers setting names none. */
  zoneNameservers(): Promise<readonly string[]>;
  /** The context's seams (tests). */
  seams?: ServedSeams | undefined;
}

export type WaitOutcome = { served: true } | { served: false; left: string[]; error: NotServedError };

/** Whether an operation waits: its own waitUntilServed, else the provider's setting. */
export function waitsFor(api: ServedApi, input: boolean | undefined): boolean {
  return input ?? servedSettings(api).wait;
}

/** The records a timeout leaves unconfirmed: those of each name and type a lagging server still differs on. */
function leftOver(change: ServedChange, error: NotServedError): string[] {
  const lagging = new Set(error.lagging.flatMap((c) => c.differences.map((d) => `${d.name} ${d.type}`)));
  const open = (r: { name: string; type: string }) => lagging.has(`${canonicalName(r.name)} ${r.type.toUpperCase()}`);
  return markerOf({ present: change.present.filter(open), absent: change.absent.filter(open) });
}

/** Waits until every nameserver serves `change`; resolves with what is left when propagationTimeout passes. */
export async function waitForChange(target: ServedTarget, change: ServedChange): Promise<WaitOutcome> {
  if (isEmpty(change)) return { served: true };
  const seams = target.seams ?? {};
  const log = seams.log ?? stderrLogger;
  const named = servedSettings(target.api).nameservers;
  const zoneNameservers = named ? [] : await target.zoneNameservers();
  try {
    const r = await waitForRecords(target.api, {
      zoneNameservers,
      expectations: expectationsOf(change),
      ...(seams.query ? { query: seams.query } : {}),
      ...(seams.clock ? { clock: seams.clock } : {}),
      ...(seams.lookup ? { lookup: seams.lookup } : {}),
      onLagging: log,
    });
    const records = change.present.length + change.absent.length;
    log(
      `${target.label}: every nameserver serves the change of ${records} record(s) (${r.queries} DNS queries in ${r.rounds} round(s), ${(r.elapsedMs / 1000).toFixed(1)} s)`,
    );
    return { served: true };
  } catch (err) {
    if (!(err instanceof NotServedError)) throw err;
    const message = `${target.label}: ${err.message.slice(err.message.indexOf(": ") + 2)}`;
    return { served: false, left: leftOver(change, err), error: Object.assign(err, { message }) };
  }
}

/**
 * The outputs of a create or update that waited: as they are when the change is served; after a
 * timeout, a partial failure that keeps them with what is left in `notYetServed`, so the engine
 * saves the written records and the next diff sees something to do.
 */
export function servedOutputs<O extends object>(op: "create" | "update", id: string, outs: O, outcome: WaitOutcome): O {
  const { notYetServed: _old, ...rest } = outs as O & { notYetServed?: unknown };
  if (outcome.served) return rest as O;
  const kept = { ...rest, notYetServed: outcome.left };
  const cause = new Error(
    `${outcome.error.message}\nThe records are written and kept in the state; the next \`pulumi up\` asks the nameservers again without writing them again.`,
  );
  throw op === "create" ? new PartialCreate(id, kept, cause) : new PartialUpdate(id, kept, cause);
}

/** A delete that waited: nothing to keep in outputs, so a timeout is the error, and a re-run asks again. */
export function servedDeleted(outcome: WaitOutcome): void {
  if (outcome.served) return;
  throw new Error(
    `${outcome.error.message}\nThe records are deleted; running the command again asks the nameservers again without deleting anything twice.`,
  );
}
