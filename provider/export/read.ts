/**
 * Reads a live zone for `export`, with read calls only (info and list): an export must never
 * change the zone it shows. The clients are the provider's own, so credentials, endpoints, the
 * request budget, retries and error messages are exactly those of `pulumi up`.
 */

import { DnspodAction } from "../dnspod/codes";
import { dnspodContext } from "../dnspod/context";
import type { RecordRow } from "../dnspod/schemas";
import { WedosCommand } from "../wedos/codes";
import { wedosContext } from "../wedos/context";
import { fromDomainInfo } from "../wedos/convert";
import type { Row } from "../wedos/schemas";
import { dnspodExport } from "./dnspod";
import type { DnspodExport, WedosExport } from "./model";
import { wedosExport } from "./wedos";

/** A zone or domain the account does not have: the message names it and what to do. */
class ZoneNotFoundError extends Error {
  override readonly name = "ZoneNotFoundError";
}

/** How many of the account's zone names a "not found" message lists. */
const LISTED = 10;

function accountHas(names: string[]): string {
  if (names.length === 0) return "this account has no zones there yet";
  const shown = names.slice(0, LISTED).join(", ");
  return `this account has ${names.length === 1 ? "the zone" : `${names.length} zones`}: ${shown}${names.length > LISTED ? ", …" : ""}`;
}

/** The names the account does have, for the message; a failure to list them must not hide the real problem. */
async function known(list: () => Promise<string[]>): Promise<string> {
  try {
    return accountHas((await list()).sort());
  } catch {
    return "the account's zones could not be listed";
  }
}

/** dns-domain-info (for the zone's own name servers), then dns-rows-list. */
export async function readWedos(zone: string): Promise<WedosExport> {
  const z = await readWedosZone(zone);
  return wedosExport(zone, z.rows, z.nameservers);
}

/** The zone's rows and the name servers WEDOS serves it from, as `export` and `verify` read them. */
export async function readWedosZone(zone: string): Promise<{ rows: Row[]; nameservers: string[] }> {
  const { client } = wedosContext();
  const info = await client.domainInfo(zone);
  if (!info) {
    const names = await known(async () => (await client.listDomains()).map((d) => d.name));
    throw new ZoneNotFoundError(
      `WEDOS ${WedosCommand.DnsDomainInfo} zone "${zone}": the zone is not in this account's WEDOS DNS. ` +
        `Fix: check the name (${names}), or the account in WEDOS_USERNAME`,
    );
  }
  return { rows: await client.listRows(zone), nameservers: fromDomainInfo(info).nameservers };
}

/** Domain.Info by name, or by id when `domain` is all digits, then Record.List (every page). */
export async function readDnspod(domain: string): Promise<DnspodExport> {
  const d = await readDnspodZone(domain);
  return dnspodExport(d.zone, d.domainId, d.rows);
}

/**
 * The domain's name, id, records and name servers (Domain.Info's `dnspod_ns`, else the NS records
 * DNSPod holds at the apex), as `export` and `verify` read them.
 */
export async function readDnspodZone(
  domain: string,
): Promise<{ zone: string; domainId: string; rows: RecordRow[]; nameservers: string[] }> {
  const { client } = dnspodContext();
  const byId = /^\d+$/.test(domain);
  const d = await client.domainInfo(byId ? { id: domain } : { name: domain });
  if (!d) {
    const names = await known(async () => (await client.listDomains()).map((x) => (x.punycode || x.name).toLowerCase()));
    throw new ZoneNotFoundError(
      `DNSPod ${DnspodAction.DomainInfo} ${byId ? `domain id ${domain}` : `domain "${domain}"`}: the domain is not in this account. ` +
        `Fix: check the ${byId ? "id" : "name"} (${names}), or the token in DNSPOD_LOGIN_TOKEN`,
    );
  }
  const rows = await client.listRecords(d.id);
  const listed = (d as { dnspod_ns?: unknown }).dnspod_ns;
  const nameservers = Array.isArray(listed) ? listed.map(String) : rows.filter((r) => r.hold === "hold").map((r) => r.value);
  return { zone: (d.punycode || d.name).toLowerCase(), domainId: d.id, rows, nameservers };
}
