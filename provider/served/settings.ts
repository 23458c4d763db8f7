/**
 * The served-DNS settings of each API (README "Served DNS"): whether resources wait by default,
 * for how long, and which nameservers to ask. Read like every setting (stack config, environment,
 * default); checked here, so the plugins' CheckConfig and the runtime say the same.
 */
import { SETTINGS, type Setting, setting } from "../config";
import { type NameserverEntry, parseNameservers } from "./servers";

export type ServedApi = "wedos" | "dnspod";

const KEYS = {
  wedos: { wait: SETTINGS.wedosWaitUntilServed, timeout: SETTINGS.wedosPropagationTimeout, servers: SETTINGS.wedosNameservers },
  dnspod: { wait: SETTINGS.dnspodWaitUntilServed, timeout: SETTINGS.dnspodPropagationTimeout, servers: SETTINGS.dnspodNameservers },
} as const satisfies Record<ServedApi, Record<string, Setting>>;

export interface ServedSettings {
  /** The provider-level default of waitUntilServed. */
  wait: boolean;
  timeoutMs: number;
  /** The servers to ask; undefined: the zone's NS names. */
  nameservers: NameserverEntry[] | undefined;
}

/** What is wrong with a value of waitUntilServed, propagationTimeout or nameservers (by key without prefix); undefined if nothing. */
export function servedSettingProblem(name: string, s: Setting, value: string): string | undefined {
  if (name === "waitUntilServed" && value !== "true" && value !== "false")
    return `${s.key} must be true or false, not ${JSON.stringify(value)}. Fix: \`pulumi config set ${s.key} true\``;
  if (name === "propagationTimeout" && !(Number(value) > 0 && Number.isFinite(Number(value))))
    return `${s.key} must be a positive number of seconds, not ${JSON.stringify(value)}. Fix: \`pulumi config set ${s.key} ${s.default}\``;
  if (name === "nameservers") {
    try {
      parseNameservers(value);
    } catch (e) {
      return `${s.key}: ${(e as Error).message}. Fix: \`pulumi config set ${s.key} ns1.example.net,192.0.2.53:5353\`, or remove it to ask the zone's own nameservers`;
    }
  }
  return undefined;
}

export function servedSettings(api: ServedApi): ServedSettings {
  const keys = KEYS[api];
  const label = api === "wedos" ? "WEDOS" : "DNSPod";
  const value = (s: Setting, name: string) => {
    const v = setting(s) ?? "";
    const problem = servedSettingProblem(name, s, v);
    if (problem) throw new Error(`${label}: ${problem.replace(s.key, `${s.key} / ${s.env}`)}`);
    return v;
  };
  const servers = setting(keys.servers);
  if (servers) value(keys.servers, "nameservers");
  return {
    wait: value(keys.wait, "waitUntilServed") === "true",
    timeoutMs: Number(value(keys.timeout, "propagationTimeout")) * 1000,
    nameservers: servers ? parseNameservers(servers) : undefined,
  };
}
