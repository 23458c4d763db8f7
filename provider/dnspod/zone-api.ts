/**
 * DNSPod for the zone-level resource (provider/zone/resource.ts): paged listings shared per domain
 * by the client, writes a fixed number at a time, ordered so that no name answers nothing in
 * between (write-order.ts: values replaced in place, additions before removals, type swaps alone).
 * Record.Create answers the new id, so no second listing is needed; it cannot set status or
 * remark, which follow as Record.Status / Record.Remark only where they are not the defaults.
 */
import { stderrLogger } from "../http/log";
import type { ZoneApi } from "../zone/resource";
import { WRITES_AT_ONCE, writeAll } from "../zone/run";
import { batchedWrites, type SingleWrites } from "./batch-writes";
import type { DnspodClient } from "./client";
import type { DnspodContext } from "./context";
import { liveRecord, type RecordAttrs, type RecordIdentity, recordOfKey, toRecordWrite } from "./convert";
import { DEFAULT_LINE_KEY } from "./lines";
import { retarget, swap } from "./ordered-writes";
import type { RecordRow } from "./schemas";
import { dnspodChange, dnspodTarget } from "./served";
import { orderWrites } from "./write-order";

const records = (rows: readonly RecordRow[]) => rows.filter((r) => r.hold !== "hold").map(liveRecord);
const modifies = (a: RecordAttrs, b: RecordAttrs) => a.ttl !== b.ttl || a.mx !== b.mx;

/** A record of dnspod.ZoneRecords' `records` as a program declares it: keys in the README's order, defaults left out. */
export function declaredRecord(r: RecordIdentity, a: RecordAttrs) {
  return {
    subDomain: r.subDomain,
    recordType: r.recordType,
    value: r.value,
    ...(r.recordLine !== DEFAULT_LINE_KEY ? { recordLine: r.recordLine } : {}),
    ...(a.mx !== undefined ? { mx: a.mx } : {}),
    ttl: a.ttl,
    ...(a.status ? { status: a.status } : {}),
    ...(a.remark ? { remark: a.remark } : {}),
  };
}

/** Record.Modify, Record.Status and Record.Remark, each only when what it sets differs. */
async function writeAttributes(
  client: DnspodClient,
  domainId: string,
  id: string,
  key: string,
  from: RecordAttrs | undefined,
  to: RecordAttrs,
): Promise<void> {
  const write = toRecordWrite({ ...recordOfKey(key), ...to });
  if (from && modifies(from, to)) await client.modifyRecord(domainId, id, write);
  if ((from?.status ?? "enable") !== (to.status ?? "enable")) await client.setRecordStatus(domainId, id, to.status ?? "enable");
  if ((from?.remark ?? "") !== (to.remark ?? "")) await client.setRecordRemark(domainId, id, to.remark ?? "");
}

export const dnspodZoneApi: ZoneApi<RecordAttrs, DnspodContext> = {
  label: "dnspod.ZoneRecords",

  async list({ client }, domainId, fresh) {
    return records(await client.listRecords(domainId, { fresh }));
  },

  rules: {
    same: (a, b) => !modifies(a, b) && a.status === b.status && (a.remark ?? "") === (b.remark ?? ""),
    inPlace: () => true,
  },

  // In the order write-order.ts explains: no name declared before and after answers nothing in between.
  async write(ctx, domainId, plan, live) {
    const { client, site } = ctx;
    const created = new Map<string, string>();
    const order = orderWrites(plan, live);
    const createOne = async (c: { key: string; to: RecordAttrs }) => {
      const write = toRecordWrite({ ...recordOfKey(c.key), ...c.to });
      const id = await client.createRecord(domainId, write);
      await writeAttributes(client, domainId, id, c.key, { ttl: c.to.ttl, ...(c.to.mx !== undefined ? { mx: c.to.mx } : {}) }, c.to);
      // Only a record that is all it should be counts as written; the next run finishes the others.
      created.set(c.key, id);
    };
    const singles: SingleWrites = {
      change: (items) => writeAll("change", items, WRITES_AT_ONCE, (u) => writeAttributes(client, domainId, u.id, u.key, u.from, u.to)),
      create: (items) => writeAll("create", items, WRITES_AT_ONCE, createOne),
    };
    const additions = { update: plan.update, create: order.create };
    const failed = [
      ...(await retarget(ctx, domainId, order.retargets, created)),
      // dnsapi.cn: many creates, and a change many records share, as batch jobs (batch-writes.ts).
      ...(site === "cn"
        ? await batchedWrites(ctx, domainId, additions, created, singles)
        : [...(await singles.change(additions.update)), ...(await singles.create(additions.create))]),
      ...(await writeAll("remove", order.remove, WRITES_AT_ONCE, (r) => client.removeRecord(domainId, r.id))),
      ...(await swap(order.swaps, (id) => client.removeRecord(domainId, id), createOne)),
    ];
    return { failed, created };
  },

  // DNSPod publishes every write by itself, and Record.Create tells each new id.
  publishThenList: async () => undefined,

  remove: ({ client }, domainId, doomed) => writeAll("remove", doomed, WRITES_AT_ONCE, (r) => client.removeRecord(domainId, r.id)),

  keptByService(item) {
    const type = String(item.recordType ?? "").toUpperCase();
    return type === "SOA" || (type === "NS" && ["", "@"].includes(String(item.subDomain ?? "@").trim()));
  },

  shownAs: (item) => JSON.stringify(`${String(item.subDomain ?? "") || "@"} ${String(item.recordType)} ${String(item.value)}`),

  declare: (key, attrs) => declaredRecord(recordOfKey(key), attrs),

  api: "dnspod",

  async served(ctx, domainId, change) {
    const { zone, target } = await dnspodTarget(ctx, domainId);
    const record = (c: { key: string; attrs: RecordAttrs }) => ({ ...recordOfKey(c.key), mx: c.attrs.mx, status: c.attrs.status });
    const served = dnspodChange(zone, change.written.map(record), change.removed.map(record));
    if (served.notVerified) (ctx.served?.log ?? stderrLogger)(served.notVerified);
    return { target, change: served.change };
  },
};
