/**
 * The writes write-order.ts adds to a dnspod.ZoneRecords apply: values replaced in place
 * (Record.Modify, then Record.Status and Record.Remark where they differ) and the swaps of names
 * whose old and new types cannot coexist, run one at a time.
 */
import { WRITES_AT_ONCE, writeAll } from "../zone/run";
import type { DnspodContext } from "./context";
import { recordOfKey, toRecordWrite } from "./convert";
import type { Retarget, WriteOrder } from "./write-order";

interface Failure {
  key: string;
  what: string;
  error: unknown;
}

/** One retarget: a record declared disabled is disabled before it takes its new value, so that value is never served. */
async function retargetOne(ctx: DnspodContext, domainId: string, t: Retarget): Promise<void> {
  const { client, site } = ctx;
  const enabled = (a: { status?: string }) => a.status !== "disable";
  const status =
    enabled(t.from) !== enabled(t.to) ? () => client.setRecordStatus(domainId, t.id, enabled(t.to) ? "enable" : "disable") : undefined;
  if (status && !enabled(t.to)) await status();
  await client.modifyRecord(domainId, t.id, toRecordWrite({ ...recordOfKey(t.key), ...t.to }, site));
  if (status && enabled(t.to)) await status();
  if ((t.from.remark ?? "") !== (t.to.remark ?? "")) await client.setRecordRemark(domainId, t.id, t.to.remark ?? "");
}

/**
 * Values replaced in place; `created` receives each new key with the modified record's id. A
 * failure leaves both records as they were: the new one not written, the old one not removed.
 */
export async function retarget(
  ctx: DnspodContext,
  domainId: string,
  items: readonly Retarget[],
  created: Map<string, string>,
): Promise<Failure[]> {
  const failed = await writeAll("create", items, WRITES_AT_ONCE, async (t) => {
    await retargetOne(ctx, domainId, t);
    created.set(t.key, t.id);
  });
  const byKey = new Map(items.map((t) => [t.key, t]));
  return failed.flatMap((f) => [f, { key: byKey.get(f.key)!.fromKey, what: "remove", error: f.error }]);
}

/**
 * Each swap alone: the name's removals, then its additions, nothing else in between. When a
 * removal fails the additions are not tried (DNSPod would refuse them beside the old records).
 */
export async function swap(
  swaps: WriteOrder["swaps"],
  remove: (id: string) => Promise<void>,
  create: (c: WriteOrder["swaps"][number]["create"][number]) => Promise<void>,
): Promise<Failure[]> {
  const failed: Failure[] = [];
  for (const s of swaps) {
    const removals = await writeAll("remove", s.remove, 1, (r) => remove(r.id));
    failed.push(...removals);
    if (removals.length) {
      const why = new Error(
        `not written: ${removals.map((f) => `"${f.key}"`).join(", ")} could not be removed first, and DNSPod refuses the two side by side`,
      );
      failed.push(...s.create.map((c) => ({ key: c.key, what: "create", error: why })));
      continue;
    }
    failed.push(...(await writeAll("create", s.create, 1, create)));
  }
  return failed;
}
