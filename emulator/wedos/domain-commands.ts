/**
 * Zone-level WAPI commands, one function each, as documented on kb.wedos.com "WAPI – DNS".
 * Validation order follows the code lists there: name format, then existence, then lock, then type.
 */
import { ensure, WapiError } from "./codes";
import {
  type Command,
  type CommandContext,
  checkedDomainName,
  listOf,
  listParam,
  openUnlocked,
  openZone,
  required,
  scalar,
} from "./params";
import type { WedosZone } from "./state";
import { pragueDateTime } from "./time";
import { isHostname, isIpAddress } from "./validate";
import { newZone } from "./zone";

/** Delay until a requested AXFR runs ("within a few minutes" per the doc). */
const AXFR_DELAY_MS = 60_000;

/** Matches custom KEYSET handles as registries issue them (e.g. CZ.NIC "KEYSID-EXAMPLE"). */
const KEYSET_HANDLE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,62}$/;

export const ping: Command = () => undefined;

export const domainsList: Command = (ctx) =>
  listOf(
    ctx,
    "domain",
    ctx.store.zones.map((z) => ({ name: z.name, type: z.type, status: z.status })),
  );

/** Every field of the seed's data.domain template, all strings; DNSSEC keyset is not among them. */
function domainInfo(zone: WedosZone, ctx: CommandContext): Record<string, string> {
  const primary = zone.type === "primary";
  const soaField = (v: number): string => (primary ? String(v) : "");
  const info: Record<string, string> = {
    name: zone.name,
    status: zone.status,
    type: zone.type,
    tlock: zone.tlock ? "1" : "0",
    autocommit: "1",
    axfr_enabled: zone.axfrEnabled ? "1" : "0",
    axfr_ips: zone.axfrIps.join(" "),
    changed: zone.pendingSinceMs !== null ? "1" : "0",
    changed_date: zone.changedDate,
    commit_date: zone.commitDate,
    reload_pending: zone.axfrDueMs !== null ? "1" : "0",
    reload_pending_date: zone.axfrDueMs !== null ? pragueDateTime(new Date(zone.axfrDueMs)) : "",
    reload_date: zone.reloadDate,
    disabled_date: "",
    enabled_date: zone.addDate,
    add_date: zone.addDate,
    rname: primary ? zone.soa.rname : "",
    serial: soaField(zone.soa.serial),
    refresh: soaField(zone.soa.refresh),
    retry: soaField(zone.soa.retry),
    expire: soaField(zone.soa.expire),
    minimum: soaField(zone.soa.minimum),
    // Undocumented; read as the zone's IPv6 (AAAA) row count.
    rr_cnt6: String(zone.rows.filter((r) => r.rdtype === "AAAA").length),
    ns_out: zone.ns.join(" "),
  };
  // The seed's JSON template names the NS list "ns1", its XML template "ns".
  info[ctx.format === "json" ? "ns1" : "ns"] = zone.ns.join(" ");
  return info;
}

/**
 * Not 3305 for locked zones although the seed lists it: the template's own `tlock` field would then
 * never read "1", and clients need domain-info to learn that a zone is locked.
 */
export const domainInfoCommand: Command = (ctx) => {
  const zone = openZone(ctx, required(ctx.params, "name"));
  return { domain: domainInfo(zone, ctx) };
};

function flag(value: string | undefined, code: number): boolean {
  if (value === undefined || value === "0" || value === "") return false;
  if (value === "1") return true;
  throw new WapiError(code);
}

export const domainAdd: Command = (ctx) => {
  const p = ctx.params;
  const name = checkedDomainName(required(p, "name"));
  const type = scalar(p, "type")?.toLowerCase() || "primary";
  ensure(type === "primary" || type === "secondary", 2301);
  let primaryIp = "";
  let axfrEnabled = false;
  let axfrIps: string[] = [];
  if (type === "secondary") {
    primaryIp = scalar(p, "primary_ip")?.trim() ?? "";
    ensure(primaryIp !== "", 2302);
    ensure(isIpAddress(primaryIp), 2303);
  } else {
    axfrEnabled = flag(scalar(p, "axfr_enabled"), 2304);
    if (axfrEnabled) {
      // The parameter list says axfr_ip, the template axfr_ips; accept both.
      const raw = p.axfr_ips ?? p.axfr_ip;
      ensure(raw !== undefined && raw !== "", 2305);
      const ips = listParam(raw);
      ensure(ips !== undefined && ips.length > 0 && ips.every(isIpAddress), 2306);
      axfrIps = ips;
    }
  }
  let ns: string[] | undefined;
  if (p.ns !== undefined && p.ns !== "") {
    ns = listParam(p.ns);
    ensure(ns !== undefined && ns.length > 0 && ns.every(isHostname), 2308);
  }
  ensure(ctx.store.find(name) === undefined, 3303);
  ensure(ctx.store.zones.length < ctx.options.maxDomains, 2322);
  ctx.store.addZone(newZone({ name, type, primaryIp, axfrEnabled, axfrIps, ...(ns ? { ns } : {}) }, ctx.now));
  return undefined;
};

export const domainDelete: Command = (ctx) => {
  ctx.store.removeZone(openUnlocked(ctx, required(ctx.params, "name")));
  return undefined;
};

export const domainAxfrRun: Command = (ctx) => {
  const zone = openUnlocked(ctx, required(ctx.params, "name"));
  ensure(zone.type === "secondary", 2319);
  const dueMs = ctx.now.getTime() + AXFR_DELAY_MS;
  ctx.store.requestAxfr(zone, dueMs);
  return { next_run: pragueDateTime(new Date(zone.axfrDueMs ?? dueMs)) };
};

/**
 * Copies type, AXFR settings, NS and rows (under new IDs) into a new zone. The DNSSEC keyset is not
 * copied: it belongs to the domain's registration, not to its zone contents.
 */
export const domainCopy: Command = (ctx) => {
  const source = openUnlocked(ctx, required(ctx.params, "name"));
  const target = checkedDomainName(required(ctx.params, "name_new"), 2320, 2321);
  ensure(ctx.store.find(target) === undefined, 3312);
  ensure(ctx.store.zones.length < ctx.options.maxDomains, 2322);
  const zone = newZone(
    {
      name: target,
      type: source.type,
      primaryIp: source.primaryIp,
      axfrEnabled: source.axfrEnabled,
      axfrIps: source.axfrIps,
      ns: source.ns,
    },
    ctx.now,
  );
  ctx.store.addZone(zone);
  ctx.store.copyRows(source, zone, ctx.now);
  return undefined;
};

export const domainUpdateKeyset: Command = (ctx) => {
  const zone = openUnlocked(ctx, required(ctx.params, "name"));
  const keyset = required(ctx.params, "keyset").trim();
  if (keyset === "1") ensure(zone.type === "primary", 2266);
  else if (keyset !== "0") ensure(KEYSET_HANDLE.test(keyset), 2264);
  ctx.store.setKeyset(zone, keyset);
  return undefined;
};

export const domainCommit: Command = (ctx) => {
  ctx.store.commit(openUnlocked(ctx, required(ctx.params, "name")), ctx.now);
  return undefined;
};
