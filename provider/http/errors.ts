/**
 * Errors shared by both API clients, in layers: transport, HTTP status, unparseable body. Each says
 * which API and object it concerns and whether retrying can help. API-level errors (a vendor code)
 * live in each API's folder.
 */
export type ApiLabel = "WEDOS" | "DNSPod";

export abstract class ProviderError extends Error {
  /** True when the same request may succeed if sent again later. */
  abstract readonly retryable: boolean;
  /** True when the server may have executed the request even though we got no answer. */
  readonly maybeExecuted: boolean = false;
  /** True when the API says the object (or its zone) does not exist. */
  get notFound(): boolean {
    return false;
  }
  /** True when a create met an object that already exists. */
  get exists(): boolean {
    return false;
  }
}

export const isNotFound = (err: unknown): boolean => err instanceof ProviderError && err.notFound;
export const isExists = (err: unknown): boolean => err instanceof ProviderError && err.exists;

/**
 * The one "not found means done" rule: the result, or undefined when the API says the object is
 * gone. Reads return nothing for it, deletes succeed.
 */
export async function unlessGone<T>(f: () => Promise<T>): Promise<T | undefined> {
  try {
    return await f();
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** No HTTP response at all: refused, reset, timed out, DNS failure. */
export class ApiConnectionError extends ProviderError {
  override readonly name = "ApiConnectionError";
  readonly retryable = true;
  override readonly maybeExecuted: boolean;
  constructor(api: ApiLabel, label: string, cause: unknown, sent: boolean) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(
      `${api}: ${label}: no response from the API (${why}). Check the endpoint and the network; the request is retried automatically.`,
      { cause },
    );
    this.maybeExecuted = sent;
  }
}

/** An HTTP status other than 200 (WAPI and DNSPod answer API errors with 200). */
export class HttpStatusError extends ProviderError {
  override readonly name = "HttpStatusError";
  readonly retryable: boolean;
  override readonly maybeExecuted: boolean;
  /** The server's Retry-After, in milliseconds, when it sent one. */
  readonly retryAfterMs: number | undefined;
  constructor(
    api: ApiLabel,
    label: string,
    readonly status: number,
    readonly body: string,
    retryAfter?: string,
  ) {
    super(`${api}: ${label}: HTTP ${status} ${snippet(body)}`);
    this.retryable = status === 429 || status >= 500;
    this.maybeExecuted = status >= 500;
    this.retryAfterMs = parseRetryAfter(retryAfter);
  }
}

/**
 * A 200 whose body is not the API's envelope: an HTML protection page, a plain-text
 * "User-Agent Rate Limit", a truncated or garbled body. The request may or may not have run.
 */
export class ResponseParseError extends ProviderError {
  override readonly name = "ResponseParseError";
  readonly retryable = true;
  override readonly maybeExecuted = true;
  constructor(
    api: ApiLabel,
    label: string,
    readonly rawBody: string,
    detail: string,
  ) {
    super(`${api}: ${label}: unexpected response (${detail}): ${snippet(rawBody)}`);
  }
}

/** A 200 envelope whose data does not have the documented shape: resending will not fix it. */
export class ResponseShapeError extends ProviderError {
  override readonly name = "ResponseShapeError";
  readonly retryable = false;
  constructor(api: ApiLabel, label: string, detail: string) {
    super(`${api}: ${label}: the response data does not have the documented shape (${detail}). Please report it with this message.`);
  }
}

/** Retry-After as seconds or an HTTP date. */
function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The shortest wait before a retry the server asked for, if any. */
export function minDelayOf(err: unknown): number | undefined {
  return err instanceof HttpStatusError ? err.retryAfterMs : undefined;
}

function snippet(body: string, max = 160): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}
