/**
 * Provider configuration of the plugins: the `wedos:*` / `dnspod:*` keys of provider/config.ts,
 * validated for CheckConfig (with messages that name the key and a fix, never a secret's value),
 * compared for DiffConfig, and handed to provider/config.ts in Configure so every setting is read
 * exactly as on the dynamic path (stack config, else environment, else default).
 */
import { SETTINGS, type Setting, setStackConfig } from "../config";
import { parseSite } from "../dnspod/site";
import { assertSafeEndpoint } from "../http/transport";
import { type CheckFailure, closest, sameValue } from "../resource";
import { servedSettingProblem } from "../served/settings";

export type PackageName = "wedos" | "dnspod";
export const isPackageName = (s: string): s is PackageName => s === "wedos" || s === "dnspod";

/** Keys the engine itself adds to a provider's inputs; they are not settings. */
const ENGINE_KEYS = new Set(["version", "pluginDownloadURL"]);

/** The settings of one package, by their key without the package prefix ("username"). */
export function settingsOf(pkg: PackageName): Map<string, Setting> {
  return new Map(
    Object.values(SETTINGS)
      .filter((s) => s.key.startsWith(`${pkg}:`))
      .map((s) => [s.key.slice(pkg.length + 1), s]),
  );
}

/** Config values as strings (stack config may hold numbers; provider/config.ts reads strings). */
function configStrings(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values))
    if (v !== undefined && v !== null && !ENGINE_KEYS.has(k)) out[k] = typeof v === "string" ? v : JSON.stringify(v);
  return out;
}

/** What is wrong with one value, or undefined; never quotes a secret. */
function problem(pkg: PackageName, name: string, s: Setting, value: string): string | undefined {
  const fail = (e: unknown) => (e instanceof Error ? e.message : String(e));
  if (name === "endpoint") {
    try {
      assertSafeEndpoint(pkg === "wedos" ? "WEDOS" : "DNSPod", value, s.key);
    } catch (e) {
      return `${fail(e)} Fix: \`pulumi config set ${s.key} ${s.default}\`, or an http://127.0.0.1:PORT emulator endpoint`;
    }
  }
  if (name === "format" && value !== "json" && value !== "xml")
    return `${s.key} must be "json" or "xml", not ${JSON.stringify(value)}. Fix: \`pulumi config set ${s.key} json\``;
  if (name === "site") {
    try {
      parseSite(value);
    } catch (e) {
      return fail(e);
    }
  }
  if (/^(requestsPerHour|requestWindowSeconds|timeoutMs)$/.test(name) && !(Number(value) > 0 && Number.isFinite(Number(value)))) {
    return `${s.key} must be a positive number, not ${JSON.stringify(value)}. Fix: \`pulumi config set ${s.key} ${s.default}\``;
  }
  const served = servedSettingProblem(name, s, value);
  if (served) return served;
  if (name === "loginToken" && !/^\d+,\S+$/.test(value.trim())) {
    return `${s.key} must be "ID,Token" (the token's numeric ID, a comma, the token). Fix: \`pulumi config set --secret ${s.key} <ID>,<Token>\``;
  }
  return undefined;
}

/** CheckConfig: unknown keys and bad values, one failure each. */
export function checkConfig(pkg: PackageName, news: Record<string, unknown>): CheckFailure[] {
  const known = settingsOf(pkg);
  const failures: CheckFailure[] = [];
  for (const [name, value] of Object.entries(configStrings(news))) {
    const s = known.get(name);
    if (!s) {
      const near = closest(name, [...known.keys()]);
      const fix = near
        ? `did you mean ${pkg}:${near}?`
        : `the ${pkg} provider takes ${[...known.keys()].map((k) => `${pkg}:${k}`).join(", ")}`;
      failures.push({
        property: name,
        reason: `${pkg}:${name} is not a setting of the ${pkg} provider. Fix: ${fix} (\`pulumi config rm ${pkg}:${name}\` removes it)`,
      });
      continue;
    }
    const reason = problem(pkg, name, s, value);
    if (reason) failures.push({ property: name, reason });
  }
  return failures;
}

/** DiffConfig: the settings that changed. None forces a replacement: they say how to reach the API, not what is there. */
export function diffConfig(olds: Record<string, unknown>, news: Record<string, unknown>): string[] {
  const [a, b] = [configStrings(olds), configStrings(news)];
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !sameValue(a[k], b[k])).sort();
}

/** Configure: the settings as provider/config.ts reads them ("wedos:username" → value). */
export function configure(pkg: PackageName, values: Record<string, unknown>): void {
  const byKey = new Map(Object.entries(configStrings(values)).map(([k, v]) => [`${pkg}:${k}`, v]));
  setStackConfig({ get: (key) => byKey.get(key) });
}
