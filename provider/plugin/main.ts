/**
 * Entry of the plugins: `node main.js wedos|dnspod <engine address> [flags]`. The launcher
 * `pulumi-resource-<pkg>` (made by scripts/build-plugins.sh) names the package; the engine passes
 * the rest. Serves until the engine stops it.
 */
import { ownPackage } from "../package-info";
import { isPackageName } from "./config";
import { pluginProvider } from "./provider";
import { serve } from "./server";

async function run(argv: string[]): Promise<void> {
  const [pkg, ...args] = argv;
  if (!pkg || !isPackageName(pkg)) throw new Error(`usage: main.js wedos|dnspod <engine address>; got ${JSON.stringify(pkg ?? "")}`);
  const major = Number(process.versions.node.split(".")[0]);
  if (major < 22) throw new Error(`pulumi-resource-${pkg} needs Node.js >= 22; the node on PATH is ${process.versions.node}`);
  // The plugin version is the package version.
  await serve(pluginProvider(pkg, ownPackage().version ?? "0.0.0"), args);
}

run(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
