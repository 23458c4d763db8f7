#!/usr/bin/env bash
# Print (last stdout line) a directory that contains `pulumi-language-python` and its
# `pulumi-language-python-exec` script, the language host the Pulumi CLI runs for `runtime: python`
# projects. Progress goes to stderr.
#
# 1. If both are already on PATH (side by side: the host runs the script beside itself), print
#    their directory and stop.
# 2. Otherwise build the host once into
#    ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-dnspod-wedos/pulumi-language-python-<ver>/bin
#    and reuse that directory on later runs.
#
# The module proxy refuses the host's own module (github.com/pulumi/pulumi/sdk/python/cmd/
# pulumi-language-python/v3), as it refuses the Node.js host's, so the host is built as the
# package `python/cmd/pulumi-language-python` of github.com/pulumi/pulumi/sdk/v3@<ver>, exactly as
# scripts/ensure-pulumi.sh builds its Node.js host fallback: a throw-away wrapper module that
# mirrors the SDK's replace directives, `go get -tool`, then CGO_ENABLED=0 go build -trimpath with
# -checklinkname=0 (the old gRPC/x/sys code links to runtime internals that current Go otherwise
# refuses). The -exec script is copied from the same module. The host runs programs with the
# Python of the project's `virtualenv` option (or python3 on PATH), which must have `pulumi`
# installed (scripts/ensure-python-pulumi.sh makes such an environment).
#
# With --if-present, nothing is built: the directory is printed only if one of the above has it
# (scripts/toolchain.sh asks this way, so that `make demo` builds nothing it does not use).
#
# Env: PULUMI_PYTHON_HOST_VERSION (default v3.68.0), PULUMI_BUILD_GOTOOLCHAIN (default auto),
# XDG_CACHE_HOME, GOMODCACHE/GOPATH, PDW_TOOLCHAIN_QUIET=1 (say nothing when the host is in place).
set -euo pipefail

V="${PULUMI_PYTHON_HOST_VERSION:-v3.68.0}"
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-dnspod-wedos"
SDK_MOD=github.com/pulumi/pulumi/sdk/v3
PKG=$SDK_MOD/python/cmd/pulumi-language-python
VERSION_VAR=$SDK_MOD/go/common/version.Version
base="$CACHE_ROOT/pulumi-language-python-$V"

log() { printf '[ensure-python-host] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
info() { [[ "${PDW_TOOLCHAIN_QUIET:-0}" == 1 ]] || log "$@"; }
complete() { [[ -x "$1/pulumi-language-python" && -x "$1/pulumi-language-python-exec" ]]; }

if found="$(command -v pulumi-language-python 2>/dev/null)" && complete "$(dirname "$found")"; then
  dir="$(cd "$(dirname "$found")" && pwd -P)"
  info "pulumi-language-python already on PATH ($dir); skipping build"
  printf '%s\n' "$dir"
  exit 0
fi
if complete "$base/bin"; then
  info "reusing $base/bin ($(cat "$base/BUILD-INFO" 2>/dev/null))"
  printf '%s\n' "$base/bin"
  exit 0
fi
[[ "${1:-}" != "--if-present" ]] || exit 0

command -v go >/dev/null 2>&1 || die "go is not installed; cannot build pulumi-language-python"
export GOTOOLCHAIN="${PULUMI_BUILD_GOTOOLCHAIN:-auto}" CGO_ENABLED=0
export GOFLAGS="${GOFLAGS:-} -buildvcs=false"

mkdir -p "$CACHE_ROOT"
work="$(mktemp -d "$CACHE_ROOT/.build-python-host-$V.XXXXXX")"
# shellcheck disable=SC2064
trap "rm -rf '$work'" EXIT
t0=$SECONDS
log "building $PKG@$V (go: $(go version); module cache $(go env GOMODCACHE))"
json="$(go mod download -json "$SDK_MOD@$V" </dev/null 2>&1)" || true
grep -q '"Error":' <<<"$json" && die "the module proxy refused $SDK_MOD@$V: $json"
field() { sed -n "s/^[[:space:]]*\"$1\": \"\\(.*\\)\",\\{0,1\\}\$/\\1/p" <<<"$json" | head -n1; }
src="$(field Dir)" gomod="$(field GoMod)"
[[ -f "$src/python/cmd/pulumi-language-python-exec" ]] || die "$SDK_MOD@$V has no python/cmd/pulumi-language-python-exec"

# The wrapper module: the SDK's go directive and its replace directives (v3.68.0 has one, for
# golang.org/x/text), so the build resolves the dependencies the SDK was released with.
{
  printf 'module local/pulumi-python-host\n\ngo %s\n\n' "$(awk '$1 == "go" { print $2; exit }' "$gomod")"
  awk '/^replace[ \t]/ && $0 !~ /=>[ \t]*[.\/]/' "$gomod"
} >"$work/go.mod"
mkdir -p "$work/out/bin"
(cd "$work" && go get -tool "$PKG@$V" &&
  go build -trimpath -tags osusergo,grpcnotrace -ldflags "-s -w -checklinkname=0 -X $VERSION_VAR=$V" \
    -o "$work/out/bin/pulumi-language-python" "$PKG") </dev/null >&2
install -m 755 "$src/python/cmd/pulumi-language-python-exec" "$work/out/bin/pulumi-language-python-exec"
printf 'pulumi-language-python %s (package %s of %s@%s)\n' "$V" "$PKG" "$SDK_MOD" "$V" >"$work/out/BUILD-INFO"
# A whole directory renamed into place: a concurrent run either wins or finds it complete.
if ! complete "$base/bin"; then
  rm -rf "$base"
  mv -T "$work/out" "$base" 2>/dev/null || complete "$base/bin" || die "could not move the build into $base"
fi
log "built pulumi-language-python $V in $((SECONDS - t0))s"
printf '%s\n' "$base/bin"
