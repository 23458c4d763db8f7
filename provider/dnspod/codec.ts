/**
 * DNSPod's wire protocol for the shared client core: a form POST to `<endpoint>/<Action>` carrying
 * the global parameters and the User-Agent DNSPod requires ("App Name/Version (email)"; a missing
 * or browser-like one "may cause prohibition"); the answer is JSON whose `status.code` is "1" on
 * success — with HTTP 200 for API errors too.
 */
import { formOf, type ProtocolAdapter } from "../http/client-core";
import { HttpStatusError, ResponseParseError } from "../http/errors";
import type { HttpResponse } from "../http/transport";
import { ownPackage, PACKAGE } from "../package-info";
import { DNSPOD_OK } from "./codes";
import { DnspodApiError } from "./errors";
import { Envelope } from "./schemas";

/** Domain.List and Record.List return at most 500 rows per request. */
export const PAGE_SIZE = 500;

const FALLBACK_CONTACT = "maintainers@pulumi-dnspod-wedos.dev";

let cached: string | undefined;

/** e.g. "pulumi-dnspod-wedos/0.1.0 (maintainers@pulumi-dnspod-wedos.dev)". */
function userAgent(): string {
  if (cached) return cached;
  const pkg = ownPackage();
  const author = typeof pkg.author === "string" ? /<([^>]+@[^>]+)>/.exec(pkg.author)?.[1] : pkg.author?.email;
  cached = `${PACKAGE}/${pkg.version ?? "0.0.0"} (${author ?? FALLBACK_CONTACT})`;
  return cached;
}

/** Parameters every action gets: JSON answers in English, and empty lists as lists, not errors. */
function globalParams(loginToken: string): Record<string, string> {
  return { login_token: loginToken, format: "json", lang: "en", error_on_empty: "no" };
}

/** A rate-limited (-2) request waits at least this long before the next attempt. */
const LIMIT_BACKOFF_MS = 2_000;

/** The answer's JSON body once its envelope says OK; the layered error otherwise. */
function decodeAnswer(action: string, object: string, res: HttpResponse): unknown {
  const label = object ? `${action} ${object}` : action;
  const status = () => new HttpStatusError("DNSPod", label, res.status, res.body, res.retryAfter);
  if (res.status === 429 || res.status >= 500) throw status();
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch (err) {
    if (res.status !== 200) throw status();
    throw new ResponseParseError("DNSPod", label, res.body, `not JSON: ${(err as Error).message}`);
  }
  const env = Envelope.safeParse(body);
  if (!env.success) {
    if (res.status !== 200) throw status();
    throw new ResponseParseError("DNSPod", label, res.body, "no status envelope");
  }
  // An unknown action may come with HTTP 404 and an envelope: the API's code says more.
  if (env.data.status.code !== DNSPOD_OK) throw new DnspodApiError(action, object, env.data.status.code, env.data.status.message);
  if (res.status !== 200) throw status();
  return body;
}

export function dnspodProtocol(loginToken: string, endpoint: string): ProtocolAdapter {
  const base = endpoint.replace(/\/+$/, "");
  return {
    api: "DNSPod",
    encode: (action, params) => ({
      url: `${base}/${action}`,
      form: formOf(globalParams(loginToken), params),
      headers: { "user-agent": userAgent(), accept: "application/json" },
    }),
    decode: decodeAnswer,
    // DNSPod bans the account after 30 failed logins in 5 minutes: stop at the first.
    blocks: (err) => err instanceof DnspodApiError && (err.kind === "auth" || err.kind === "banned"),
    notSent: (b, action, object) => {
      const code = b instanceof DnspodApiError ? b.code : "-1";
      return new DnspodApiError(
        action,
        object,
        code,
        `not sent: an earlier request of this run got ${code}; more failed logins lead to a ban`,
      );
    },
    minDelayMs: (err) => (err instanceof DnspodApiError ? LIMIT_BACKOFF_MS : undefined),
  };
}
