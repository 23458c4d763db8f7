#!/usr/bin/env bash
# Runs the project's SDK generator (scripts/sdkgen, Go), building it first when needed:
#
#   scripts/sdkgen.sh -schema <package schema JSON> -out <dir> [-lang nodejs,python] [-version v]
#   scripts/sdkgen.sh --path      build if needed; print the binary's path (last stdout line)
#
# The binary is built from Go modules (github.com/pulumi/pulumi/pkg/v3, pinned by
# scripts/sdkgen/go.mod and go.sum) into
# ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-dnspod-wedos/sdkgen-<hash>/sdkgen, where <hash> covers
# the tool's sources, so an edit rebuilds it and a re-run reuses it. Progress goes to stderr.
#
# Env: PULUMI_BUILD_GOTOOLCHAIN (default auto), XDG_CACHE_HOME, GOMODCACHE/GOPATH,
# PDW_TOOLCHAIN_QUIET=1 (say nothing when the binary is already built).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
src="$root/scripts/sdkgen"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-dnspod-wedos"
log() { printf '[sdkgen] %s\n' "$*" >&2; }

hash="$(cd "$src" && cat go.mod go.sum ./*.go | sha256sum | cut -c1-12)"
bin="$cache/sdkgen-$hash/sdkgen"
if [[ -x "$bin" ]]; then
  [[ "${PDW_TOOLCHAIN_QUIET:-0}" == 1 ]] || log "reusing $bin"
  touch "$(dirname "$bin")"  # in use: spared by the pruning below
else
  command -v go >/dev/null 2>&1 || { log "ERROR: go is not installed; cannot build the SDK generator"; exit 1; }
  export GOTOOLCHAIN="${PULUMI_BUILD_GOTOOLCHAIN:-auto}" CGO_ENABLED=0
  export GOFLAGS="${GOFLAGS:-} -buildvcs=false -mod=readonly"
  mkdir -p "$(dirname "$bin")"
  t0=$SECONDS
  log "building $src into $bin ($(go version))"
  tmp="$(mktemp "$bin.XXXXXX")"  # concurrent builds each rename a whole file into place
  (cd "$src" && go build -trimpath -ldflags "-s -w" -o "$tmp" .) </dev/null >&2
  mv -f "$tmp" "$bin"
  log "built in $((SECONDS - t0))s"
  # Builds of other sources (older checkouts, other branches) unused for a week are removed.
  find "$cache" -maxdepth 1 -name 'sdkgen-*' -type d ! -newermt '-7 days' ! -path "$(dirname "$bin")" -exec rm -rf {} + 2>/dev/null || true
fi

if [[ "${1:-}" == "--path" ]]; then
  printf '%s\n' "$bin"
  exit 0
fi
exec "$bin" "$@"
