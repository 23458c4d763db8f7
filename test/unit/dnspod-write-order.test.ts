/**
 * The order of a dnspod.ZoneRecords apply's writes (provider/dnspod/write-order.ts), as a pure
 * function of its plan: values replaced within a name, type and line become in-place changes,
 * other additions precede other removals, and names whose old and new types cannot coexist are
 * swapped alone, removals first.
 */

import type { RecordAttrs } from "../../provider/dnspod/convert";
import { cannotCoexist, orderWrites } from "../../provider/dnspod/write-order";
import type { ZonePlan } from "../../provider/zone/plan";

const ttl = { ttl: 600 };
const live = (keys: string[]) =>
  keys.map((key, i) => ({ key, id: `id-${i}`, attrs: key.includes("off") ? { ttl: 600, status: "disable" as const } : ttl }));
function plan(remove: string[], create: string[], before = remove): { plan: ZonePlan<RecordAttrs>; live: ReturnType<typeof live> } {
  const l = live(before);
  const id = (k: string) => l.find((r) => r.key === k)!.id;
  return {
    plan: {
      keep: [],
      update: [],
      unmanaged: [],
      remove: remove.map((key) => ({ key, id: id(key) })),
      create: create.map((key) => ({ key, to: ttl })),
    },
    live: l,
  };
}

test("A, CNAME and URL exclude each other; a CNAME excludes every other type; a type never excludes itself", () => {
  expect([
    cannotCoexist("A", "CNAME"),
    cannotCoexist("A", "URL"),
    cannotCoexist("TXT", "CNAME"),
    cannotCoexist("A", "AAAA"),
    cannotCoexist("CNAME", "CNAME"),
  ]).toEqual([true, true, true, false, false]);
});

test("a value replaced in one name, type and line is a retarget of the old record; others of the set are added before removed", () => {
  const p = plan(
    ["rr A 10.0.0.1", "rr A 10.0.0.2", "www CNAME a.example.net.", "few A 10.0.1.1", "few A 10.0.1.2"],
    ["rr A 10.0.0.3", "rr A 10.0.0.4", "rr A 10.0.0.5", "www CNAME b.example.net.", "few A 10.0.1.3", "rr A@US 10.0.0.9"],
  );
  const o = orderWrites(p.plan, p.live);
  expect(o.retargets.map((t) => `${t.fromKey} → ${t.key} (${t.id})`)).toEqual([
    "few A 10.0.1.1 → few A 10.0.1.3 (id-3)",
    "rr A 10.0.0.1 → rr A 10.0.0.3 (id-0)",
    "rr A 10.0.0.2 → rr A 10.0.0.4 (id-1)",
    "www CNAME a.example.net. → www CNAME b.example.net. (id-2)",
  ]);
  // Another line is another set: added as it is.
  expect([o.create.map((c) => c.key), o.remove.map((r) => r.key), o.swaps]).toEqual([
    ["rr A 10.0.0.5", "rr A@US 10.0.0.9"],
    ["few A 10.0.1.2"],
    [],
  ]);
});

test("types that cannot coexist: the name's removals, then its additions, as one swap; a line apart is another name", () => {
  const p = plan(
    ["s A 10.0.0.1", "s A 10.0.0.2", "t CNAME x.example.net.", "v A 10.0.0.3", "u A@US 10.0.0.4"],
    ["s CNAME s.example.net.", "t A 10.0.0.5", "t TXT hello", "v AAAA 2001:db8::1", "u CNAME u.example.net."],
  );
  const o = orderWrites(p.plan, p.live);
  expect(o.swaps.map((s) => [s.remove.map((r) => r.key), s.create.map((c) => c.key)])).toEqual([
    [["s A 10.0.0.1", "s A 10.0.0.2"], ["s CNAME s.example.net."]],
    [["t CNAME x.example.net."], ["t A 10.0.0.5", "t TXT hello"]],
  ]);
  // A → AAAA can stand side by side: added first. u's CNAME is on the default line, its A on US.
  expect([o.retargets, o.create.map((c) => c.key), o.remove.map((r) => r.key)]).toEqual([
    [],
    ["v AAAA 2001:db8::1", "u CNAME u.example.net."],
    ["v A 10.0.0.3", "u A@US 10.0.0.4"],
  ]);
});

test("a retarget carries the attributes of both records (a disabled old one is enabled after its new value is set)", () => {
  const p = plan(["x A off"], ["x A 10.0.0.2"], ["x A off"]);
  expect(orderWrites(p.plan, p.live).retargets).toEqual([
    { key: "x A 10.0.0.2", fromKey: "x A off", id: "id-0", from: { ttl: 600, status: "disable" }, to: ttl },
  ]);
});
