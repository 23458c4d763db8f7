#!/usr/bin/env bash
# `make plugins`: the two native provider plugins as self-contained tarballs, named as the Pulumi
# engine downloads them from a package's pluginDownloadURL:
#   pulumi-resource-<pkg>-v<version>-<os>-<arch>.tar.gz   for linux and darwin, amd64 and arm64
# (the same bytes for every platform: the launcher is sh and the plugin JavaScript). Upload them as
# they are to the place PLUGIN_DOWNLOAD_URL names, or install one by hand:
#   pulumi plugin install resource <pkg> <version> --file .tools/plugins/pulumi-resource-<pkg>-v<version>-linux-amd64.tar.gz
# Each holds, at its root:
#   pulumi-resource-<pkg>   the executable the engine starts: a sh launcher running `node` (>= 22) from PATH
#   plugin.js               provider/plugin/main.ts and everything it uses (@pulumi/pulumi included) in one
#                           file, bundled by esbuild: nothing is resolved from outside the plugin's folder
#   schema.json             the package schema the plugin serves (for reading; the plugin does not load it)
# Needs node_modules (make setup) and Node.js on PATH. Prints the tarballs' paths and sizes.
#
# Env: PLUGIN_DOWNLOAD_URL (default: the package schemas' pluginDownloadURL) is written into the
# schema the plugin serves and the schema.json beside it.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/.tools/plugins}"
cd "$root"

version="$(node -p 'require("./package.json").version')"
# The bundle has no package.json beside it: version and contact are inlined (provider/package-info.ts).
package_info="$(node -p 'JSON.stringify({ version: require("./package.json").version, author: require("./package.json").author })')"
download_url="${PLUGIN_DOWNLOAD_URL:-$(node -p 'require("./schemas/wedos/schema.json").pluginDownloadURL')}"

stage="$out/stage"
rm -rf "$stage"
mkdir -p "$stage"
node_modules/.bin/esbuild provider/plugin/main.ts \
  --bundle --platform=node --target=node22 --format=cjs \
  --define:__PDW_PACKAGE__="$package_info" \
  --define:__PDW_PLUGIN_DOWNLOAD_URL__="$(node -p 'JSON.stringify(process.argv[1])' "$download_url")" \
  --legal-comments=eof --log-level=warning \
  --outfile="$stage/plugin.js"

for pkg in wedos dnspod; do
  dir="$stage/$pkg"
  mkdir -p "$dir"
  cp "$stage/plugin.js" "$dir/plugin.js"
  node -e 'const [src, url] = process.argv.slice(1); const s = JSON.parse(require("fs").readFileSync(src, "utf8"));
    process.stdout.write(`${JSON.stringify({ ...s, pluginDownloadURL: url }, null, 2)}\n`)' "schemas/$pkg/schema.json" "$download_url" >"$dir/schema.json"
  cat >"$dir/pulumi-resource-$pkg" <<EOF
#!/bin/sh
# pulumi-resource-$pkg $version: the $pkg provider plugin of pulumi-dnspod-wedos (Node.js >= 22 on PATH).
if ! command -v node >/dev/null 2>&1; then
  echo "pulumi-resource-$pkg: Node.js >= 22 must be on PATH" >&2
  exit 1
fi
dir=\$(CDPATH= cd -- "\$(dirname -- "\$0")" && pwd)
exec node "\$dir/plugin.js" $pkg "\$@"
EOF
  chmod 755 "$dir/pulumi-resource-$pkg"
  # Fixed owner, order and times, so the same sources give the same tarball.
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2000-01-01 00:00Z' -C "$dir" -cf - . | gzip -9n >"$stage/$pkg.tar.gz"
  for platform in linux-amd64 linux-arm64 darwin-amd64 darwin-arm64; do
    tarball="$out/pulumi-resource-$pkg-v$version-$platform.tar.gz"
    cp "$stage/$pkg.tar.gz" "$tarball"
    echo "$tarball $(stat -c %s "$tarball") bytes"
  done
done
rm -f "$out"/pulumi-resource-*-v"$version".tar.gz  # the names before the engine's
rm -rf "$stage"
