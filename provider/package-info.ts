/**
 * The package's own package.json (its version names the User-Agent and the plugin version). The
 * sources live at provider/, the build at dist/provider/, so it is found by walking up; the plugin
 * bundle, which has no package.json beside it, gets it inlined by esbuild as __PDW_PACKAGE__.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

export const PACKAGE = "pulumi-dnspod-wedos";

export interface PackageInfo {
  version?: string;
  author?: string | { email?: string };
}

declare const __PDW_PACKAGE__: PackageInfo | undefined;

export function ownPackage(): PackageInfo {
  if (typeof __PDW_PACKAGE__ !== "undefined") return __PDW_PACKAGE__;
  for (let dir = __dirname, i = 0; i < 6; dir = dirname(dir), i++) {
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    try {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as PackageInfo & { name?: string };
      if (pkg.name === PACKAGE) return pkg;
    } catch {
      // an unreadable package.json on the way up is not ours; keep looking
    }
  }
  return {};
}
