/**
 * What an operation changed, in the DNS's terms (owner name, type, data in presentation form), as
 * pure functions: the expectations a wait checks, and the marker a wait that timed out leaves in the
 * resource's outputs — "+www.example.cz A 192.0.2.10" must be answered, "-…" must no longer be — so
 * the next `up` asks again without writing (README "Served DNS").
 */
import type { Expectation } from "./compare";
import { canonicalName, canonicalRdata } from "./records";

export interface ServedRecord {
  /** The owner name, absolute, without the trailing dot. */
  name: string;
  type: string;
  rdata: string;
}

export interface ServedChange {
  /** Written (added or changed): must be answered. */
  present: ServedRecord[];
  /** Removed (or disabled): must no longer be answered. */
  absent: ServedRecord[];
}

export const NO_CHANGE: ServedChange = { present: [], absent: [] };

const identity = (r: ServedRecord) => `${canonicalName(r.name)} ${r.type.toUpperCase()} ${canonicalRdata(r.type, r.rdata)}`;

/**
 * `older` brought up to date by `newer`: a record the newer change says something about takes the
 * newer word (a record written again after it was removed is present, and the other way round).
 */
export function mergeChanges(older: ServedChange, newer: ServedChange): ServedChange {
  const told = new Set([...newer.present, ...newer.absent].map(identity));
  const keep = (list: ServedRecord[]) => list.filter((r) => !told.has(identity(r)));
  return { present: [...keep(older.present), ...newer.present], absent: [...keep(older.absent), ...newer.absent] };
}

/** One expectation per name and type; a record both written and removed (a ttl changed in place) is present. */
export function expectationsOf(change: ServedChange): Expectation[] {
  const present = new Set(change.present.map(identity));
  const sets = new Map<string, Expectation>();
  const at = (r: ServedRecord) => {
    const key = `${canonicalName(r.name)} ${r.type.toUpperCase()}`;
    const e = sets.get(key) ?? { name: r.name, type: r.type.toUpperCase(), present: [], absent: [] };
    sets.set(key, e);
    return e;
  };
  for (const r of change.present) if (!at(r).present.includes(r.rdata)) at(r).present.push(r.rdata);
  for (const r of change.absent) if (!present.has(identity(r)) && !at(r).absent!.includes(r.rdata)) at(r).absent!.push(r.rdata);
  return [...sets.values()];
}

/** The marker the outputs keep: one line per record, "+" to be answered, "-" no longer. */
export function markerOf(change: ServedChange): string[] {
  const line = (sign: string) => (r: ServedRecord) => `${sign}${canonicalName(r.name)} ${r.type.toUpperCase()} ${r.rdata}`;
  return [...change.present.map(line("+")), ...change.absent.map(line("-"))];
}

/** The change a stored marker stands for; lines that are not "+name type data" or "-…" are left out. */
export function changeOfMarker(lines: readonly string[] | undefined): ServedChange {
  const out: ServedChange = { present: [], absent: [] };
  for (const l of lines ?? []) {
    const m = /^([+-])(\S+) (\S+) ([\s\S]*)$/.exec(l);
    if (m) (m[1] === "+" ? out.present : out.absent).push({ name: m[2]!, type: m[3]!, rdata: m[4]! });
  }
  return out;
}

export const isEmpty = (c: ServedChange): boolean => c.present.length === 0 && c.absent.length === 0;
