/**
 * WAPI client: every command goes through `call`, which paces (budget), signs (fresh auth per
 * attempt, since the hour may turn between retries), sends, parses with zod and checks the code.
 * https://kb.wedos.com/en/wapi-api-interface/
 */
import type { Dispatcher } from "undici";
import { RequestBudget } from "../http/budget";
import { FirstCallGate } from "../http/first-call";
import { HttpStatusError, ProviderError, ResponseParseError, ResponseShapeError } from "../http/errors";
import type { Logger } from "../http/log";
import { type RetryConfig, withClientDefaults, withRetry } from "../http/retry";
import { postForm } from "../http/transport";
import { wapiAuth } from "./auth";
import { decodeResponse, encodeRequest, type WedosFormat } from "./codec";
import { WAPI_OK, WedosCommand } from "./codes";
import { WedosApiError } from "./errors";
import * as S from "./schemas";

export interface WedosClientOptions {
  username: string;
  password: string;
  endpoint: string;
  format: WedosFormat;
  dispatcher?: Dispatcher;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  retry?: Partial<RetryConfig>;
  budget?: RequestBudget;
  timeoutMs?: number;
  log?: Logger;
}

export interface NewRow { name: string; type: string; ttl: number; rdata: string; comment?: string }
export interface NewDomain { name: string; type: "primary" | "secondary"; primaryIp?: string; axfrEnabled?: boolean; axfrIps?: string[] }

interface CallOptions {
  /** Human label of the object, used in errors: `zone "example.cz"`, `row 123 of zone "example.cz"`. */
  object: string;
  /** For non-idempotent commands: checks, before a resend, whether the first attempt took effect. */
  reconcile?: () => Promise<boolean>;
}

let trid = 0;

/** Shape checks of `data` happen after the envelope said OK; failures name the command and object. */
function shaped<T>(command: string, object: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    const detail = err instanceof Error ? err.message.replace(/\s+/g, " ").slice(0, 300) : String(err);
    throw new ResponseShapeError("WEDOS", `${command} ${object}`, detail);
  }
}

export class WedosClient {
  private readonly o: Required<Omit<WedosClientOptions, "dispatcher" | "budget">> & Pick<WedosClientOptions, "dispatcher" | "budget">;
  /** Identifies the account in journals and caches (never the password). */
  get account(): string {
    return `${this.o.endpoint}|${this.o.username}`;
  }

  /** Requests sent (attempts, including retries); read by tests and `make bench`. */
  requests = 0;

  constructor(options: WedosClientOptions) {
    this.o = withClientDefaults({ now: () => new Date(), ...options });
  }

  /**
   * The first auth or IP failure (2050/2051/2052) of this process. Every further WAPI request
   * would count as another invalid one and lengthen the IP block, so none is sent after it.
   */
  private blocked: WedosApiError | undefined;
  private readonly gate = new FirstCallGate();

  private attempt(command: string, data: Record<string, unknown> | undefined, object: string): Promise<S.Envelope> {
    return this.gate.run(() => this.send(command, data, object));
  }

  private async send(command: string, data: Record<string, unknown> | undefined, object: string): Promise<S.Envelope> {
    if (this.blocked) {
      const b = this.blocked;
      throw new WedosApiError(b.code, command, object, `not sent: an earlier request of this run got ${b.code}, and every further request would lengthen WEDOS's IP block`, b.svTRID);
    }
    await this.o.budget?.take();
    const clTRID = `pdw-${process.pid}-${++trid}`;
    const auth = wapiAuth(this.o.username, this.o.password, this.o.now());
    const request = encodeRequest(this.o.format, { user: this.o.username, auth, command, clTRID, ...(data ? { data } : {}) });
    const label = `${command} ${object}`;
    this.requests++;
    const res = await postForm({
      api: "WEDOS",
      label,
      url: this.o.endpoint,
      form: new URLSearchParams({ request }),
      dispatcher: this.o.dispatcher,
      timeoutMs: this.o.timeoutMs,
    });
    if (res.status !== 200) throw new HttpStatusError("WEDOS", label, res.status, res.body, res.retryAfter);
    let parsed: S.Envelope;
    try {
      parsed = S.Envelope.parse(decodeResponse(this.o.format, res.body)).response;
    } catch (err) {
      throw new ResponseParseError("WEDOS", label, res.body, err instanceof Error ? err.message.split("\n")[0]! : String(err));
    }
    if (parsed.code !== WAPI_OK) {
      const err = new WedosApiError(parsed.code, command, object, parsed.result, parsed.svTRID);
      if (err.kind === "auth" || err.kind === "ip") this.blocked = err;
      throw err;
    }
    return parsed;
  }

  private async call(command: string, data: Record<string, unknown> | undefined, opts: CallOptions): Promise<S.Envelope> {
    const result = await withRetry(
      this.o.retry as RetryConfig,
      {
        classify: (err) => ({ retry: err instanceof ProviderError && err.retryable }),
        reconcile: opts.reconcile,
        sleep: this.o.sleep,
        random: this.o.random,
        onRetry: (err, n, delay) =>
          this.o.log(`WEDOS ${command} ${opts.object}: attempt ${n} failed (${(err as Error).message}); retrying in ${delay} ms`),
      },
      () => this.attempt(command, data, opts.object),
    );
    return "reconciled" in result ? { code: WAPI_OK, result: "OK (reconciled)", clTRID: "", svTRID: "", command } : result;
  }

  /** https://kb.wedos.com/en/wapi-api-interface/wapi-command-ping/ — checks credentials and allow-list. */
  async ping(): Promise<void> {
    await this.call(WedosCommand.Ping, undefined, { object: "" });
  }

  async listDomains(): Promise<S.DomainSummary[]> {
    const r = await this.call(WedosCommand.DnsDomainsList, undefined, { object: "(all zones)" });
    return shaped(WedosCommand.DnsDomainsList, "(all zones)", () => S.listItems(r.data, "domain", S.looksLikeDomain).map((d) => S.DomainSummary.parse(d)));
  }

  /** Zone details, or undefined when WEDOS DNS does not have the zone (3222/3306). */
  async domainInfo(name: string): Promise<S.DomainInfo | undefined> {
    try {
      const r = await this.call(WedosCommand.DnsDomainInfo, { name }, { object: zone(name) });
      return shaped(WedosCommand.DnsDomainInfo, zone(name), () => S.DomainInfo.parse(S.listItems(r.data, "domain", S.looksLikeDomain)[0]));
    } catch (err) {
      if (err instanceof WedosApiError && err.notFound) return undefined;
      throw err;
    }
  }

  async addDomain(d: NewDomain): Promise<void> {
    const data: Record<string, unknown> = { name: d.name, type: d.type };
    if (d.type === "secondary") data.primary_ip = d.primaryIp;
    else {
      data.axfr_enabled = d.axfrEnabled ? 1 : 0;
      if (d.axfrEnabled) data.axfr_ips = d.axfrIps ?? [];
    }
    await this.call(WedosCommand.DnsDomainAdd, data, {
      object: zone(d.name),
      reconcile: async () => (await this.listDomains()).some((x) => x.name === d.name),
    });
  }

  /** Deletes the zone with all its rows; a zone that is already gone counts as deleted. */
  async deleteDomain(name: string): Promise<void> {
    await this.ignoreNotFound(() => this.call(WedosCommand.DnsDomainDelete, { name }, { object: zone(name) }));
  }

  async copyDomain(from: string, to: string): Promise<void> {
    await this.call(WedosCommand.DnsDomainCopy, { name: from, name_new: to }, {
      object: `${zone(from)} → "${to}"`,
      reconcile: async () => (await this.listDomains()).some((x) => x.name === to),
    });
  }

  /** Asks a secondary zone to transfer from its primary soon; returns WEDOS's next_run. */
  async axfrRun(name: string): Promise<string> {
    const r = await this.call(WedosCommand.DnsDomainAxfrRun, { name }, { object: zone(name) });
    return shaped(WedosCommand.DnsDomainAxfrRun, zone(name), () => S.AxfrRun.parse(r.data ?? {}).next_run);
  }

  /** keyset: 0 = no DNSSEC, 1 = WEDOS's own KEYSET, a string = a custom KEYSET name. */
  async updateKeyset(name: string, keyset: 0 | 1 | string): Promise<void> {
    await this.call(WedosCommand.DnsDomainUpdateKeyset, { name, keyset }, { object: zone(name) });
  }

  /** Publishes pending changes (otherwise WEDOS auto-commits 5 minutes after the last change). */
  async commit(name: string): Promise<void> {
    await this.call(WedosCommand.DnsDomainCommit, { name }, { object: zone(name) });
  }

  async listRows(domain: string): Promise<S.Row[]> {
    const r = await this.call(WedosCommand.DnsRowsList, { domain }, { object: zone(domain) });
    return shaped(WedosCommand.DnsRowsList, zone(domain), () => S.listItems(r.data, "row", S.looksLikeRow).map((x) => S.Row.parse(x)));
  }

  /** One row, or undefined when it no longer exists (3309). */
  async rowDetail(domain: string, rowId: string): Promise<S.Row | undefined> {
    try {
      // The KB lists `name` as the zone parameter; clients in the wild send `domain`. Send both.
      const r = await this.call(WedosCommand.DnsRowDetail, { name: domain, domain, row_id: rowId }, { object: row(domain, rowId) });
      return shaped(WedosCommand.DnsRowDetail, row(domain, rowId), () => {
        const items = S.listItems(r.data, "row", S.looksLikeRow);
        return items.length ? S.Row.parse(items[0]) : undefined;
      });
    } catch (err) {
      if (err instanceof WedosApiError && err.notFound) return undefined;
      throw err;
    }
  }

  /**
   * Adds a row. dns-row-add answers no data, so the caller finds the new ID by listing the zone
   * (the natural key name+type+rdata is unique: WAPI refuses duplicates with 2316).
   * `exists` is asked before a resend when the first attempt may have been executed.
   */
  async addRow(domain: string, r: NewRow, exists?: () => Promise<boolean>): Promise<void> {
    const data: Record<string, unknown> = { domain, name: r.name, ttl: r.ttl, type: r.type, rdata: r.rdata };
    if (r.comment) data.auth_comment = r.comment;
    await this.call(WedosCommand.DnsRowAdd, data, {
      object: `row "${r.name}" ${r.type} "${r.rdata}" of ${zone(domain)}`,
      ...(exists ? { reconcile: exists } : {}),
    });
  }

  /** WAPI can change only ttl and rdata of a row; name and type changes are replacements. */
  async updateRow(domain: string, rowId: string, ttl: number, rdata: string): Promise<void> {
    await this.call(WedosCommand.DnsRowUpdate, { domain, row_id: rowId, ttl, rdata }, { object: row(domain, rowId) });
  }

  /** Deletes a row; a row or zone that is already gone counts as deleted. */
  async deleteRow(domain: string, rowId: string): Promise<void> {
    await this.ignoreNotFound(() => this.call(WedosCommand.DnsRowDelete, { domain, row_id: rowId }, { object: row(domain, rowId) }));
  }

  private async ignoreNotFound(f: () => Promise<unknown>): Promise<void> {
    try {
      await f();
    } catch (err) {
      if (err instanceof WedosApiError && err.notFound) return;
      throw err;
    }
  }
}

export function sameRow(x: S.Row, r: { name: string; type: string; rdata: string }): boolean {
  return x.name.toLowerCase() === r.name.toLowerCase() && x.rdtype === r.type.toUpperCase() && x.rdata === r.rdata;
}

const zone = (name: string) => `zone "${name}"`;
const row = (domain: string, id: string) => `row ${id} of zone "${domain}"`;
