/**
 * DNSPod International API client: every action goes through `call`, which paces (budget), sends a
 * form-encoded POST to `<endpoint>/<Action>`, parses with zod and checks `status.code === "1"`.
 * DnspodClient (client.ts) adds one thin method per action on top.
 * https://docs.dnspod.com/api-legacy/
 */
import type { Dispatcher } from "undici";
import type { z } from "zod";
import { RequestBudget } from "../http/budget";
import { FirstCallGate } from "../http/first-call";
import { HttpStatusError, ProviderError, ResponseParseError } from "../http/errors";
import type { Logger } from "../http/log";
import { type RetryConfig, withClientDefaults, withRetry } from "../http/retry";
import { postForm } from "../http/transport";
import { DNSPOD_OK, DnspodAction as A } from "./codes";
import { DnspodApiError } from "./errors";
import * as S from "./schemas";
import { globalParams, PAGE_SIZE, userAgent } from "./transport";

export interface DnspodClientOptions {
  /** "ID,Token". */
  loginToken: string;
  endpoint: string;
  dispatcher?: Dispatcher;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  retry?: Partial<RetryConfig>;
  budget?: RequestBudget;
  timeoutMs?: number;
  log?: Logger;
}

export type Params = Record<string, string | number | undefined>;

export interface CallOptions<T> {
  /** Human label of the object, used in errors: `domain 123`, `record 9 of domain 123`. */
  object: string;
  /**
   * For creates: asked before a resend when the first attempt may have executed; returns the
   * answer the create would have given when its effect is already there (so no duplicate).
   */
  reconcile?: () => Promise<T | undefined>;
}

/** A rate-limited (-2) request waits at least this long before the next attempt. */
const LIMIT_BACKOFF_MS = 2_000;

export class DnspodClientCore {
  protected readonly o: Required<Omit<DnspodClientOptions, "dispatcher" | "budget">> & Pick<DnspodClientOptions, "dispatcher" | "budget">;
  /** Identifies the account in journals and caches: endpoint and the token's ID, never the token. */
  get account(): string {
    return `${this.o.endpoint}|${this.o.loginToken.split(",")[0]}`;
  }

  /** Requests sent (attempts, including retries); read by tests and `make bench`. */
  requests = 0;

  constructor(options: DnspodClientOptions) {
    this.o = withClientDefaults(options);
  }

  /**
   * The first failed login or ban (-1, -8, 85) of this process. DNSPod bans the account after 30
   * failed logins in 5 minutes, so no further request is sent once the token is known bad.
   */
  private blocked: DnspodApiError | undefined;
  private readonly gate = new FirstCallGate();

  private attempt(action: string, params: Params, object: string): Promise<unknown> {
    return this.gate.run(() => this.send(action, params, object));
  }

  private async send(action: string, params: Params, object: string): Promise<unknown> {
    if (this.blocked) {
      throw new DnspodApiError(action, object, this.blocked.code, `not sent: an earlier request of this run got ${this.blocked.code}; more failed logins lead to a ban`);
    }
    await this.o.budget?.take();
    const label = object ? `${action} ${object}` : action;
    const form = new URLSearchParams(globalParams(this.o.loginToken));
    for (const [k, v] of Object.entries(params)) if (v !== undefined) form.set(k, String(v));
    this.requests++;
    const res = await postForm({
      api: "DNSPod",
      label,
      url: `${this.o.endpoint.replace(/\/+$/, "")}/${action}`,
      form,
      headers: { "user-agent": userAgent(), accept: "application/json" },
      dispatcher: this.o.dispatcher,
      timeoutMs: this.o.timeoutMs,
    });
    if (res.status === 429 || res.status >= 500) throw new HttpStatusError("DNSPod", label, res.status, res.body, res.retryAfter);
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch (err) {
      if (res.status !== 200) throw new HttpStatusError("DNSPod", label, res.status, res.body, res.retryAfter);
      throw new ResponseParseError("DNSPod", label, res.body, `not JSON: ${(err as Error).message}`);
    }
    const env = S.Envelope.safeParse(body);
    if (!env.success) {
      if (res.status !== 200) throw new HttpStatusError("DNSPod", label, res.status, res.body, res.retryAfter);
      throw new ResponseParseError("DNSPod", label, res.body, "no status envelope");
    }
    // DNSPod answers API errors with HTTP 200; an unknown action may come with 404 and an envelope.
    if (env.data.status.code !== DNSPOD_OK) {
      const err = new DnspodApiError(action, object, env.data.status.code, env.data.status.message);
      if (err.kind === "auth" || err.kind === "banned") this.blocked = err;
      throw err;
    }
    if (res.status !== 200) throw new HttpStatusError("DNSPod", label, res.status, res.body, res.retryAfter);
    return body;
  }

  /** The one request path: retry policy, reconciliation of creates, response schema. */
  protected async call<Sch extends z.ZodType>(action: string, params: Params, schema: Sch, opts: CallOptions<z.infer<Sch>>): Promise<z.infer<Sch>> {
    let found: z.infer<Sch> | undefined;
    const result = await withRetry(
      this.o.retry as RetryConfig,
      {
        classify: (err) => ({
          retry: err instanceof ProviderError && err.retryable,
          ...(err instanceof DnspodApiError ? { minDelayMs: LIMIT_BACKOFF_MS } : {}),
        }),
        ...(opts.reconcile ? { reconcile: async () => (found = await opts.reconcile!()) !== undefined } : {}),
        sleep: this.o.sleep,
        random: this.o.random,
        onRetry: (err, n, delay) => this.o.log(`DNSPod ${action} ${opts.object}: attempt ${n} failed (${(err as Error).message}); retrying in ${delay} ms`),
      },
      () => this.attempt(action, params, opts.object),
    );
    if (result && typeof result === "object" && "reconciled" in result && found !== undefined) return found;
    const parsed = schema.safeParse(result);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`DNSPod ${action} ${opts.object}: unexpected response shape at ${issue?.path.join(".") || "(root)"}: ${issue?.message}; please report it`);
    }
    return parsed.data;
  }

  /**
   * Every row of a list action, paged with offset/length: without them DNSPod returns only the
   * first 500. The first page tells the total; the others are fetched concurrently.
   */
  protected async paged<Sch extends z.ZodType, T>(
    action: string,
    params: Params,
    schema: Sch,
    object: string,
    items: (r: z.infer<Sch>) => T[],
    total: (r: z.infer<Sch>) => number | undefined,
  ): Promise<T[]> {
    const page = (offset: number) => this.call(action, { ...params, offset, length: PAGE_SIZE }, schema, { object });
    const first = await page(0);
    const out = items(first);
    const n = total(first);
    if (n === undefined) {
      // No total given: read on until a short page.
      for (let last = out.length; last === PAGE_SIZE; ) {
        const next = items(await page(out.length));
        out.push(...next);
        last = next.length;
      }
      return out;
    }
    const offsets: number[] = [];
    for (let off = PAGE_SIZE; off < n; off += PAGE_SIZE) offsets.push(off);
    for (const rest of await Promise.all(offsets.map(page))) out.push(...items(rest));
    return out;
  }

  /** Domain.List, every page. */
  async listDomains(): Promise<S.Domain[]> {
    return this.paged(A.DomainList, { type: "all" }, S.DomainList, "(all domains)", (r) => r.domains, (r) => r.info?.domain_total);
  }

  /** Record.List of one domain, every page (a zone of 1,234 records takes three requests). */
  async listRecords(domainId: string): Promise<S.RecordRow[]> {
    return this.paged(A.RecordList, { domain_id: domainId }, S.RecordList, domain(domainId), (r) => r.records, (r) => r.info?.record_total);
  }

  /** Record.Type: the record types a grade allows. */
  async recordTypes(grade: string): Promise<string[]> {
    return (await this.call(A.RecordType, { domain_grade: grade }, S.RecordTypes, { object: `grade ${grade}` })).types;
  }

  /** Record.Line: the lines a grade allows, by area (keys are what writes take). */
  async recordLines(grade: string, domainName?: string): Promise<S.RecordLines> {
    return (await this.call(A.RecordLine, { domain_grade: grade, domain: domainName }, S.RecordLines, { object: `grade ${grade}` })).lines;
  }
}

export const domain = (id: string) => `domain ${id}`;
export const record = (domainId: string, id: string) => `record ${id} of domain ${domainId}`;
