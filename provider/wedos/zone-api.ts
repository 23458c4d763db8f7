/**
 * WAPI for the zone-level resource (provider/zone/resource.ts): listings shared per zone by the
 * client, writes a fixed number at a time (deletes, then ttl updates, then adds), and one
 * coalesced dns-domain-commit per operation. dns-row-add answers no id, so new rows are found by
 * listing the zone again, concurrently with the commit.
 */
import { unlessGone } from "../http/errors";
import type { ZoneApi } from "../zone/resource";
import { WRITES_AT_ONCE, writeAll } from "../zone/run";
import type { WedosContext } from "./context";
import { declaredRow, isKeptByService, liveRow, type RowAttrs, rowOfKey } from "./convert";
import type { Row } from "./schemas";
import { servedRow, wedosTarget } from "./served";

const records = (rows: readonly Row[]) => rows.filter((r) => !isKeptByService(r)).map(liveRow);
const comment = (a: RowAttrs) => a.comment ?? "";

export const wedosZoneApi: ZoneApi<RowAttrs, WedosContext> = {
  label: "wedos.ZoneRecords",

  async list({ client }, zone, fresh) {
    return records(await client.listRows(zone, { fresh }));
  },

  rules: {
    same: (a, b) => a.ttl === b.ttl && comment(a) === comment(b),
    // dns-row-update sets ttl and rdata only; a new comment means a new row.
    inPlace: (a, b) => comment(a) === comment(b),
  },

  async write({ client }, zone, plan) {
    const failed = [
      ...(await writeAll("delete", plan.remove, WRITES_AT_ONCE, (r) => client.deleteRow(zone, r.id))),
      ...(await writeAll("update", plan.update, WRITES_AT_ONCE, (u) => client.updateRow(zone, u.id, u.to.ttl, rowOfKey(u.key).rdata))),
      ...(await writeAll("add", plan.create, WRITES_AT_ONCE, (c) =>
        client.addRow(zone, { ...rowOfKey(c.key), ttl: c.to.ttl, comment: comment(c.to) }),
      )),
    ];
    return { failed, created: new Map() };
  },

  async publishThenList({ client, commits }, zone, needIds) {
    // The commit and the listing that finds new ids only need the writes done: run both.
    const [, after] = await Promise.all([commits.committed(zone), needIds ? client.listRows(zone, { fresh: true }) : undefined]);
    return after && records(after);
  },

  async remove({ client, commits }, zone, doomed) {
    const failed = await writeAll("delete", doomed, WRITES_AT_ONCE, (r) => client.deleteRow(zone, r.id));
    // A zone deleted meanwhile (its wedos.Domain destroyed alongside) took its rows with it.
    if (failed.length < doomed.length) await unlessGone(() => commits.committed(zone));
    return failed;
  },

  keptByService(item) {
    const type = String(item.type ?? "").toUpperCase();
    return type === "SOA" || (type === "NS" && ["", "@"].includes(String(item.name ?? "").trim()));
  },

  shownAs: (item) => JSON.stringify(`${String(item.name ?? "") || "@"} ${String(item.type)} ${String(item.rdata)}`),

  declare: declaredRow,

  api: "wedos",

  // After the commit, which publishes every row at once.
  served: async (ctx, zone, change) => ({
    target: wedosTarget(ctx, zone),
    change: {
      present: change.written.map((w) => servedRow(zone, rowOfKey(w.key))),
      absent: change.removed.map((r) => servedRow(zone, rowOfKey(r.key))),
    },
  }),
};
