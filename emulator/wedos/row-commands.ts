/**
 * Row-level WAPI commands. Names are relative to the zone ("" apex, "*" wildcard); edits show in
 * dns-rows-list at once and reach the DNS servers on commit (see ZoneStore).
 */
import { ensure, WapiError } from "./codes";
import { type Command, type CommandContext, listOf, openRowZone, required, requiredAny, scalar } from "./params";
import type { WedosRow, WedosZone } from "./state";
import { isRdType, isValidRdata, isValidRowName, parseTtl, type RdType, sameRecord } from "./validate";

function rowView(row: WedosRow): Record<string, string> {
  return { ...row };
}

function findRow(zone: WedosZone, ctx: CommandContext): WedosRow {
  const id = required(ctx.params, "row_id").trim();
  const row = zone.rows.find((r) => r.ID === id);
  if (!row) throw new WapiError(3309);
  return row;
}

/** Surrounding blanks are dropped except in TXT, where they are part of the text. */
function normalRdata(type: RdType, raw: string): string {
  return type === "TXT" ? raw : raw.trim();
}

function checkedTtl(ctx: CommandContext): number {
  const ttl = parseTtl(required(ctx.params, "ttl").trim());
  if (ttl === undefined) throw new WapiError(2317);
  return ttl;
}

/**
 * The constraints between rows: a duplicate (2316) is reported before a CNAME clash (2313) because
 * it is the more precise diagnosis when the very same CNAME is added twice.
 */
function checkSiblings(zone: WedosZone, candidate: Pick<WedosRow, "name" | "rdtype" | "rdata">, selfId?: string): void {
  const others = zone.rows.filter((r) => r.ID !== selfId);
  ensure(!others.some((r) => sameRecord(r, candidate)), 2316);
  const sameName = others.filter((r) => r.name.toLowerCase() === candidate.name.toLowerCase());
  if (candidate.rdtype === "CNAME") ensure(sameName.length === 0, 2313);
  else ensure(!sameName.some((r) => r.rdtype === "CNAME"), 2313);
}

export const rowsList: Command = (ctx) => {
  const zone = openRowZone(ctx, required(ctx.params, "domain"));
  return listOf(ctx, "row", zone.rows.map(rowView));
};

/** The doc's parameter is `name`, its example and real clients send `domain`. */
export const rowDetail: Command = (ctx) => {
  const zone = openRowZone(ctx, requiredAny(ctx.params, ["domain", "name"]));
  return { row: rowView(findRow(zone, ctx)) };
};

export const rowAdd: Command = (ctx) => {
  const p = ctx.params;
  const zone = openRowZone(ctx, required(p, "domain"));
  const type = required(p, "type").trim().toUpperCase();
  const name = required(p, "name").trim();
  required(p, "ttl");
  const rawRdata = required(p, "rdata");
  if (!isRdType(type)) throw new WapiError(2309);
  const rdtype: RdType = type;
  ensure(isValidRowName(name), 2311);
  const ttl = checkedTtl(ctx);
  const rdata = normalRdata(rdtype, rawRdata);
  ensure(isValidRdata(rdtype, rdata), 2314);
  ensure(!(rdtype === "CNAME" && name === ""), 2312);
  checkSiblings(zone, { name, rdtype, rdata });
  ensure(zone.rows.length < ctx.options.maxRowsPerDomain, 2310);
  ctx.store.addRow(zone, { name, ttl, rdtype, rdata, comment: scalar(p, "auth_comment") ?? "" }, ctx.now);
  return undefined;
};

/**
 * Only ttl and rdata can change; a `name` or `type` sent along is ignored, as WAPI does (renames need
 * delete + add). An update that changes nothing leaves the row and the zone's pending state alone.
 */
export const rowUpdate: Command = (ctx) => {
  const zone = openRowZone(ctx, required(ctx.params, "domain"));
  const row = findRow(zone, ctx);
  const ttl = checkedTtl(ctx);
  const rdtype = row.rdtype;
  ensure(isRdType(rdtype), 2314);
  const rdata = normalRdata(rdtype, required(ctx.params, "rdata"));
  ensure(isValidRdata(rdtype, rdata), 2314);
  checkSiblings(zone, { name: row.name, rdtype, rdata }, row.ID);
  if (row.ttl !== String(ttl) || row.rdata !== rdata) ctx.store.updateRow(zone, row, ttl, rdata, ctx.now);
  return undefined;
};

export const rowDelete: Command = (ctx) => {
  const zone = openRowZone(ctx, required(ctx.params, "domain"));
  ctx.store.deleteRow(zone, findRow(zone, ctx), ctx.now);
  return undefined;
};
