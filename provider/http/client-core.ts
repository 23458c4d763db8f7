/**
 * The one request path of both API clients. A small protocol adapter per API says how to encode a
 * request and decode an answer; everything else happens here, once: the first request goes alone,
 * nothing is sent after an auth/IP/ban answer, the budget paces, the retry loop retries what may
 * succeed later and reconciles maybe-executed creates, and the payload is parsed with zod.
 */
import type { Dispatcher } from "undici";
import type { z } from "zod";
import type { RequestBudget } from "./budget";
import { type ApiLabel, ProviderError, ResponseShapeError } from "./errors";
import { FirstCallGate } from "./first-call";
import { type ClientBasics, Reconciled, type RetryConfig, withClientDefaults, withRetry } from "./retry";
import { type HttpResponse, postForm } from "./transport";

export type Params = Record<string, unknown>;

interface WireRequest {
  url: string;
  form: URLSearchParams;
  headers?: Record<string, string>;
}

export interface ProtocolAdapter {
  readonly api: ApiLabel;
  /** One attempt's request; called per attempt (WEDOS signs with the current hour). */
  encode(op: string, params: Params): WireRequest;
  /** The payload of an answer that succeeded; throws the layered error (HTTP, parse, API) otherwise. */
  decode(op: string, object: string, res: HttpResponse): unknown;
  /** True for answers after which any further request makes things worse (bad login, IP block, ban). */
  blocks(err: unknown): boolean;
  /** The error for a request not sent because `blocker` came first. */
  notSent(blocker: ProviderError, op: string, object: string): ProviderError;
  /** The least wait before retrying this error, if the API needs more than the back-off. */
  minDelayMs?(err: unknown): number | undefined;
}

export interface CoreOptions extends ClientBasics {
  dispatcher?: Dispatcher;
  budget?: RequestBudget;
}

export interface CallOptions<T> {
  /** Human label of the object, used in errors: `zone "example.cz"`, `record 9 of domain 123`. */
  object: string;
  /**
   * For creates: asked before a resend when the first attempt may have executed; returns what the
   * call would have answered when its effect is already there, so it is not done twice.
   */
  reconcile?: () => Promise<T | undefined>;
}

export class ApiClientCore {
  /** Requests sent (attempts, retries included); read by tests and `make bench`. */
  requests = 0;
  private blocked: ProviderError | undefined;
  private readonly gate = new FirstCallGate();
  private readonly o: ReturnType<typeof withClientDefaults<CoreOptions>>;

  constructor(
    private readonly adapter: ProtocolAdapter,
    options: CoreOptions,
  ) {
    this.o = withClientDefaults(options);
  }

  async call<S extends z.ZodType>(op: string, params: Params, schema: S, opts: CallOptions<z.output<S>>): Promise<z.output<S>> {
    const { api } = this.adapter;
    const label = opts.object ? `${op} ${opts.object}` : op;
    const reconcile = opts.reconcile;
    const result = await withRetry<unknown, z.output<S>>(
      this.o.retry as RetryConfig,
      {
        classify: (err) => ({ retry: err instanceof ProviderError && err.retryable, minDelayMs: this.adapter.minDelayMs?.(err) }),
        ...(reconcile ? { reconcile: () => reconcile() } : {}),
        sleep: this.o.sleep,
        random: this.o.random,
        onRetry: (err, n, delay) => this.o.log(`${api} ${label}: attempt ${n} failed (${(err as Error).message}); retrying in ${delay} ms`),
      },
      () => this.gate.run(() => this.send(op, params, opts.object, label)),
    );
    if (result instanceof Reconciled) return result.reconciled;
    const parsed = schema.safeParse(result);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new ResponseShapeError(api, label, `at ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`);
  }

  private async send(op: string, params: Params, object: string, label: string): Promise<unknown> {
    if (this.blocked) throw this.adapter.notSent(this.blocked, op, object);
    await this.o.budget?.take();
    const req = this.adapter.encode(op, params);
    this.requests++;
    const res = await postForm({
      api: this.adapter.api,
      label,
      url: req.url,
      form: req.form,
      ...(req.headers ? { headers: req.headers } : {}),
      ...(this.o.dispatcher ? { dispatcher: this.o.dispatcher } : {}),
      timeoutMs: this.o.timeoutMs,
    });
    try {
      return this.adapter.decode(op, object, res);
    } catch (err) {
      if (err instanceof ProviderError && this.adapter.blocks(err)) this.blocked = err;
      throw err;
    }
  }
}

/** Form fields from params: absent (undefined) ones are not sent; everything else as a string. */
export function formOf(base: Record<string, string>, params: Params): URLSearchParams {
  const form = new URLSearchParams(base);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) form.set(k, String(v));
  return form;
}
