/**
 * The HTTP leg both clients share: one form-encoded POST through an undici dispatcher, body always
 * consumed, network failures turned into ApiConnectionError.
 */
import { Agent, type Dispatcher, request } from "undici";
import { ApiConnectionError, type ApiLabel } from "./errors";

export interface HttpResponse {
  status: number;
  contentType: string;
  retryAfter?: string;
  body: string;
}

export interface PostOptions {
  api: ApiLabel;
  label: string;
  url: string;
  form: URLSearchParams;
  headers?: Record<string, string>;
  dispatcher?: Dispatcher;
  timeoutMs: number;
}

let shared: Dispatcher | undefined;

/** One connection pool per process; keep-alive matters at 1,000 records. */
function sharedDispatcher(): Dispatcher {
  shared ??= new Agent({ keepAliveTimeout: 10_000, connections: 32 });
  return shared;
}

export function assertSafeEndpoint(api: ApiLabel, endpoint: string, configKey: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error(
      `${api}: ${configKey} "${endpoint}" is not a URL. Use e.g. https://… or the emulator's http://127.0.0.1:PORT endpoint.`,
    );
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]", "::1"].includes(url.hostname) || url.hostname.startsWith("127.");
  if (url.protocol === "https:" || (url.protocol === "http:" && loopback)) return url;
  throw new Error(
    `${api}: ${configKey} "${endpoint}" must use https:// (plain http:// is accepted only for loopback emulators), so credentials never cross the network in clear text.`,
  );
}

export async function postForm(o: PostOptions): Promise<HttpResponse> {
  let sent = false;
  try {
    const res = await request(o.url, {
      method: "POST",
      body: o.form.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8", ...o.headers },
      dispatcher: o.dispatcher ?? sharedDispatcher(),
      headersTimeout: o.timeoutMs,
      bodyTimeout: o.timeoutMs,
    });
    sent = true;
    const body = await res.body.text();
    const header = (name: string) => {
      const v = res.headers[name];
      return Array.isArray(v) ? v.join(",") : v;
    };
    return { status: res.statusCode, contentType: header("content-type") ?? "", retryAfter: header("retry-after"), body };
  } catch (err) {
    // Once bytes left, the server may have acted on them; only a refused connection proves it did not.
    const code = (err as { code?: string }).code;
    const notSent = code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN";
    throw new ApiConnectionError(o.api, o.label, err, sent || !notSent);
  }
}
