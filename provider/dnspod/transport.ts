/**
 * What every DNSPod request carries besides its own parameters: the global parameters and the
 * User-Agent DNSPod requires ("App Name/Version (email)"; a missing or browser-like one "may cause
 * prohibition"), and the page size of the list actions.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Domain.List and Record.List return at most 500 rows per request. */
export const PAGE_SIZE = 500;

const PACKAGE = "pulumi-dnspod-wedos";
const FALLBACK_CONTACT = "maintainers@pulumi-dnspod-wedos.dev";

/**
 * The package's own package.json, found by walking up from this file: the sources live at
 * provider/dnspod/, the build at dist/provider/dnspod/, so a fixed relative path fits only one.
 */
function ownPackage(): { version?: string; author?: string | { email?: string } } {
  for (let dir = __dirname, i = 0; i < 6; dir = dirname(dir), i++) {
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    try {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string };
      if (pkg.name === PACKAGE) return pkg as ReturnType<typeof ownPackage>;
    } catch {
      // an unreadable package.json on the way up is not ours; keep looking
    }
  }
  return {};
}

let cached: string | undefined;

/** e.g. "pulumi-dnspod-wedos/0.1.0 (maintainers@pulumi-dnspod-wedos.dev)". */
export function userAgent(): string {
  if (cached) return cached;
  const pkg = ownPackage();
  const author = typeof pkg.author === "string" ? /<([^>]+@[^>]+)>/.exec(pkg.author)?.[1] : pkg.author?.email;
  cached = `${PACKAGE}/${pkg.version ?? "0.0.0"} (${author ?? FALLBACK_CONTACT})`;
  return cached;
}

/** Parameters every action gets: JSON answers in English, and empty lists as lists, not errors. */
export function globalParams(loginToken: string): Record<string, string> {
  return { login_token: loginToken, format: "json", lang: "en", error_on_empty: "no" };
}
