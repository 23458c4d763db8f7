/**
 * Provider settings: stack config (handed to configure()) wins over the environment, which wins
 * over the default. Secrets are only ever read here, never taken as resource inputs.
 */
import { registerSecret } from "./http/log";

export interface ConfigSource {
  get(key: string): string | undefined;
}

export interface Setting {
  key: string;
  env: string;
  secret?: boolean;
  default?: string;
  description: string;
}

/** Every setting the provider reads; README's configuration table is generated from this. */
export const SETTINGS = {
  wedosUsername: { key: "wedos:username", env: "WEDOS_USERNAME", description: "WEDOS login (the account e-mail)" },
  wedosPassword: {
    key: "wedos:wapiPassword",
    env: "WEDOS_WAPI_PASSWORD",
    secret: true,
    description: "WAPI password (WEDOS client centre → WAPI settings)",
  },
  wedosEndpoint: {
    key: "wedos:endpoint",
    env: "WEDOS_ENDPOINT",
    default: "https://api.wedos.com/wapi/json",
    description: "WAPI URL; the JSON and XML URLs differ only in the last segment",
  },
  wedosFormat: { key: "wedos:format", env: "WEDOS_FORMAT", default: "json", description: "wire format, json or xml" },
  wedosPerHour: {
    key: "wedos:requestsPerHour",
    env: "WEDOS_REQUESTS_PER_HOUR",
    default: "1000",
    description: "client-side request budget per window",
  },
  wedosWindow: {
    key: "wedos:requestWindowSeconds",
    env: "WEDOS_REQUEST_WINDOW_SECONDS",
    default: "3600",
    description: "length of the budget window in seconds",
  },
  wedosTimeout: { key: "wedos:timeoutMs", env: "WEDOS_TIMEOUT_MS", default: "30000", description: "per-request timeout in milliseconds" },
  wedosWaitUntilServed: {
    key: "wedos:waitUntilServed",
    env: "WEDOS_WAIT_UNTIL_SERVED",
    default: "false",
    description: "wait until every nameserver serves a change (true/false); the default of the resources' waitUntilServed",
  },
  wedosPropagationTimeout: {
    key: "wedos:propagationTimeout",
    env: "WEDOS_PROPAGATION_TIMEOUT",
    default: "600",
    description: "how long to wait for the nameservers, in seconds",
  },
  wedosNameservers: {
    key: "wedos:nameservers",
    env: "WEDOS_NAMESERVERS",
    description: "nameservers to ask, host[:port],…; when unset, the zone's NS names resolved by the system",
  },
  dnspodToken: { key: "dnspod:loginToken", env: "DNSPOD_LOGIN_TOKEN", secret: true, description: "API token as ID,Token" },
  dnspodEndpoint: { key: "dnspod:endpoint", env: "DNSPOD_ENDPOINT", default: "https://api.dnspod.com", description: "DNSPod API base URL" },
  dnspodSite: {
    key: "dnspod:site",
    env: "DNSPOD_SITE",
    description:
      "which DNSPod serves the endpoint: intl (api.dnspod.com) or cn (dnsapi.cn); when unset, cn for a dnsapi.cn endpoint, else intl",
  },
  dnspodPerHour: {
    key: "dnspod:requestsPerHour",
    env: "DNSPOD_REQUESTS_PER_HOUR",
    default: "3600",
    description: "client-side request budget per window",
  },
  dnspodWindow: {
    key: "dnspod:requestWindowSeconds",
    env: "DNSPOD_REQUEST_WINDOW_SECONDS",
    default: "3600",
    description: "length of the budget window in seconds",
  },
  dnspodTimeout: {
    key: "dnspod:timeoutMs",
    env: "DNSPOD_TIMEOUT_MS",
    default: "30000",
    description: "per-request timeout in milliseconds",
  },
  dnspodWaitUntilServed: {
    key: "dnspod:waitUntilServed",
    env: "DNSPOD_WAIT_UNTIL_SERVED",
    default: "false",
    description: "wait until every nameserver serves a change (true/false); the default of the resources' waitUntilServed",
  },
  dnspodPropagationTimeout: {
    key: "dnspod:propagationTimeout",
    env: "DNSPOD_PROPAGATION_TIMEOUT",
    default: "600",
    description: "how long to wait for the nameservers, in seconds",
  },
  dnspodNameservers: {
    key: "dnspod:nameservers",
    env: "DNSPOD_NAMESERVERS",
    description: "nameservers to ask, host[:port],…; when unset, the zone's NS names resolved by the system",
  },
} as const satisfies Record<string, Setting>;

let stack: ConfigSource | undefined;

/** Called from the provider's configure(); the engine hands over the stack config, decrypted. */
export function setStackConfig(config: ConfigSource | undefined): void {
  stack = config;
}

export function setting(s: Setting): string | undefined {
  let value: string | undefined;
  try {
    value = stack?.get(s.key);
  } catch {
    value = undefined;
  }
  value = value || process.env[s.env] || s.default;
  if (s.secret) registerSecret(value);
  return value;
}

export function requireSetting(api: string, s: Setting): string {
  const value = setting(s);
  if (value) return value;
  throw new Error(
    `${api}: ${s.description} is not set. Set it with \`pulumi config set ${s.secret ? "--secret " : ""}${s.key} …\` or the environment variable ${s.env}.`,
  );
}

export function numberSetting(api: string, s: Setting): number {
  const raw = setting(s);
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${api}: ${s.key} / ${s.env} must be a positive number, got "${raw}"`);
  return n;
}
