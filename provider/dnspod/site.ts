/**
 * Which DNSPod the provider talks to. api.dnspod.com ("intl") and dnsapi.cn ("cn") serve the same
 * legacy API but name resolution lines differently (keys such as `default`/`US` there, Chinese
 * names such as `默认`/`电信` here), so line conversion needs the site. Read from settings only:
 * check() may consult it without any API call.
 */
import { SETTINGS, setting } from "../config";

export type DnspodSite = "intl" | "cn";
const DNSPOD_SITES: readonly DnspodSite[] = ["intl", "cn"];

/** The site an endpoint belongs to: dnsapi.cn (and its subdomains) is cn, anything else intl. */
export function siteOfEndpoint(endpoint: string): DnspodSite {
  let host: string;
  try {
    host = new URL(endpoint).hostname.toLowerCase().replace(/\.$/, "");
  } catch {
    return "intl"; // an unusable endpoint fails at the first API call with its own message
  }
  return host === "dnsapi.cn" || host.endsWith(".dnsapi.cn") ? "cn" : "intl";
}

/** A `dnspod:site` value, or an error that names the key, the variable and the allowed values. */
export function parseSite(raw: string): DnspodSite {
  const v = raw.trim().toLowerCase();
  if ((DNSPOD_SITES as readonly string[]).includes(v)) return v as DnspodSite;
  const { key, env } = SETTINGS.dnspodSite;
  throw new Error(
    `DNSPod: ${key} / ${env} must be "intl" (api.dnspod.com) or "cn" (dnsapi.cn), not ${JSON.stringify(raw)}. ` +
      `Fix: \`pulumi config set ${key} cn\` (or intl), or unset it to derive the site from dnspod:endpoint`,
  );
}

/** The configured site: `dnspod:site` / DNSPOD_SITE when set, else derived from the endpoint. */
export function configuredSite(): DnspodSite {
  const explicit = setting(SETTINGS.dnspodSite);
  return explicit ? parseSite(explicit) : siteOfEndpoint(setting(SETTINGS.dnspodEndpoint) ?? "");
}
