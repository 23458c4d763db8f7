/**
 * WAPI client: one thin method per command, every one through the shared request path
 * (provider/http/client-core.ts) with the WAPI protocol of codec.ts. Deletes treat "already gone" as
 * done; adds reconcile by listing before a resend, so a lost answer never makes a duplicate.
 * Listings of a zone's rows are shared (provider/http/list-cache.ts), and every write to a zone
 * drops its listing, so a caller that lists after writing sees the write.
 * https://kb.wedos.com/en/wapi-api-interface/
 */
import type { z } from "zod";
import { ApiClientCore, type CallOptions, type CoreOptions } from "../http/client-core";
import { isNotFound, unlessGone } from "../http/errors";
import { ListCache } from "../http/list-cache";
import { type WedosFormat, wedosProtocol } from "./codec";
import { WedosCommand as C } from "./codes";
import { type NewDomain, type NewRow, sameRow, toAddDomainData, toAddRowData } from "./convert";
import { WedosApiError } from "./errors";
import * as S from "./schemas";

/** What identifies the account, plus the options every client takes (provider/http/client-core.ts). */
export interface WedosClientOptions extends CoreOptions {
  username: string;
  password: string;
  endpoint: string;
  format: WedosFormat;
  now?: () => Date;
}

const zone = (name: string) => `zone "${name}"`;
const row = (domain: string, id: string) => `row ${id} of zone "${domain}"`;
/** A yes/no check as a reconcile answer: something (true) when the effect is there. */
const ifTrue = async (check: () => Promise<boolean>): Promise<true | undefined> => ((await check()) ? true : undefined);

/**
 * How fresh a listing must be. By default it shows every write this client made (a write drops the
 * listings sent before it ended); `fresh` asks for one sent after the call, so it also sees writes
 * other processes ended before; `recent` takes any listing of the last few seconds, for a
 * question this process's own writes cannot change.
 */
export interface Freshness {
  fresh?: boolean;
  recent?: boolean;
}

/** WAPI's answer for a zone that is not in WEDOS DNS. */
const ZONE_GONE = 3222;

export class WedosClient {
  private readonly core: ApiClientCore;
  /** Identifies the account in journals and caches (never the password). */
  readonly account: string;
  /**
   * Zones this client saw deleted (dns-domain-delete, or a 3222 answer). WAPI counts every request
   * about a missing zone as invalid and blocks the IP after ten, so row deletes and commits for
   * such a zone — the Records and ZoneRecords of a zone destroyed alongside it — are not sent:
   * the zone took its rows with it. Adding or copying the zone forgets it.
   */
  private readonly goneZones = new Set<string>();
  private readonly rowListings: ListCache<S.Row>;

  constructor(options: WedosClientOptions) {
    const { username, password, endpoint, format, now = () => new Date(), ...rest } = options;
    this.core = new ApiClientCore(wedosProtocol({ username, password, endpoint, format, now }), rest);
    this.account = `${endpoint}|${username}`;
    this.rowListings = new ListCache((domain) => this.call(C.DnsRowsList, { domain }, S.RowList, { object: zone(domain) }));
  }

  /** A write to a zone: listings started before it ends cannot show it, so they are dropped. */
  private async writing<T>(domain: string, send: () => Promise<T>, how: { adds?: boolean } = {}): Promise<T> {
    this.rowListings.invalidate(domain, how);
    try {
      return await send();
    } finally {
      this.rowListings.invalidate(domain, how);
    }
  }

  /** Requests sent (attempts, including retries); read by tests and `make bench`. */
  get requests(): number {
    return this.core.requests;
  }

  private call<Sch extends z.ZodType>(
    command: string,
    data: Record<string, unknown>,
    schema: Sch,
    opts: CallOptions<z.output<Sch>>,
  ): Promise<z.output<Sch>> {
    return this.core.call(command, data, schema, opts);
  }

  /** https://kb.wedos.com/en/wapi-api-interface/wapi-command-ping/ — checks credentials and allow-list. */
  async ping(): Promise<void> {
    await this.call(C.Ping, {}, S.NoData, { object: "" });
  }

  async listDomains(): Promise<S.DomainSummary[]> {
    return this.call(C.DnsDomainsList, {}, S.DomainList, { object: "(all zones)" });
  }

  /** Zone details, or undefined when WEDOS DNS does not have the zone (3222/3306). */
  async domainInfo(name: string): Promise<S.DomainInfo | undefined> {
    return unlessGone(() => this.call(C.DnsDomainInfo, { name }, S.DomainInfoData, { object: zone(name) }));
  }

  async addDomain(d: NewDomain): Promise<void> {
    this.goneZones.delete(d.name);
    await this.call(C.DnsDomainAdd, toAddDomainData(d), S.NoData, {
      object: zone(d.name),
      reconcile: () => ifTrue(async () => (await this.listDomains()).some((x) => x.name === d.name)),
    });
  }

  /** Deletes the zone with all its rows; a zone that is already gone counts as deleted. */
  async deleteDomain(name: string): Promise<void> {
    await this.writing(name, () => unlessGone(() => this.call(C.DnsDomainDelete, { name }, S.NoData, { object: zone(name) })));
    this.goneZones.add(name);
  }

  async copyDomain(from: string, to: string): Promise<void> {
    this.goneZones.delete(to);
    this.rowListings.invalidate(to);
    await this.call(C.DnsDomainCopy, { name: from, name_new: to }, S.NoData, {
      object: `${zone(from)} → "${to}"`,
      reconcile: () => ifTrue(async () => (await this.listDomains()).some((x) => x.name === to)),
    });
  }

  /** Asks a secondary zone to transfer from its primary soon; returns WEDOS's next_run. */
  async axfrRun(name: string): Promise<string> {
    return (await this.call(C.DnsDomainAxfrRun, { name }, S.AxfrRun, { object: zone(name) })).next_run;
  }

  /** keyset: 0 = no DNSSEC, 1 = WEDOS's own KEYSET, a string = a custom KEYSET name. */
  async updateKeyset(name: string, keyset: 0 | 1 | string): Promise<void> {
    await this.call(C.DnsDomainUpdateKeyset, { name, keyset }, S.NoData, { object: zone(name) });
  }

  /** Publishes pending changes (otherwise WEDOS auto-commits 5 minutes after the last change). */
  async commit(name: string): Promise<void> {
    // A deleted zone has nothing left to publish.
    if (this.goneZones.has(name)) return;
    await this.call(C.DnsDomainCommit, { name }, S.NoData, { object: zone(name) });
  }

  /** The zone's rows, from a listing shared with concurrent callers (one sent after the call when `fresh`). */
  listRows(domain: string, { fresh = false, recent = false }: Freshness = {}): Promise<S.Row[]> {
    if (fresh) return this.rowListings.fresh(domain);
    return recent ? this.rowListings.recent(domain) : this.rowListings.get(domain);
  }

  /** One row, or undefined when it no longer exists (3309). */
  async rowDetail(domain: string, rowId: string): Promise<S.Row | undefined> {
    // The KB lists `name` as the zone parameter; clients in the wild send `domain`. Send both.
    return unlessGone(() =>
      this.call(C.DnsRowDetail, { name: domain, domain, row_id: rowId }, S.RowDetail, { object: row(domain, rowId) }),
    );
  }

  /**
   * Adds a row. dns-row-add answers no data, so the caller finds the new ID by listing the zone
   * (the natural key name+type+rdata is unique: WAPI refuses duplicates with 2316). When the first
   * attempt may have been executed, `exists` (by default: a fresh listing) tells whether to send it again.
   */
  async addRow(
    domain: string,
    r: NewRow,
    exists = async () => (await this.listRows(domain, { fresh: true })).some((x) => sameRow(x, r)),
  ): Promise<void> {
    await this.writing(
      domain,
      () =>
        this.call(C.DnsRowAdd, toAddRowData(domain, r), S.NoData, {
          object: `row "${r.name}" ${r.type} "${r.rdata}" of ${zone(domain)}`,
          reconcile: () => ifTrue(exists),
        }),
      { adds: true },
    );
  }

  /** WAPI can change only ttl and rdata of a row; name and type changes are replacements. */
  async updateRow(domain: string, rowId: string, ttl: number, rdata: string): Promise<void> {
    await this.writing(domain, () =>
      this.call(C.DnsRowUpdate, { domain, row_id: rowId, ttl, rdata }, S.NoData, { object: row(domain, rowId) }),
    );
  }

  /** Deletes a row; a row or zone that is already gone counts as deleted. */
  async deleteRow(domain: string, rowId: string): Promise<void> {
    if (this.goneZones.has(domain)) return;
    try {
      await this.writing(domain, () => this.call(C.DnsRowDelete, { domain, row_id: rowId }, S.NoData, { object: row(domain, rowId) }));
    } catch (err) {
      if (err instanceof WedosApiError && err.code === ZONE_GONE) this.goneZones.add(domain);
      if (!isNotFound(err)) throw err;
    }
  }
}
