#!/usr/bin/env bash
# Print (last stdout line) a directory that contains `pulumi-language-yaml`, the
# language host the Pulumi CLI runs for `runtime: yaml` projects. Progress goes
# to stderr.
#
# 1. If `pulumi-language-yaml` is already on PATH, print its directory and stop.
#    (The CLI treats `yaml` as a bundled language plugin: it looks on PATH and
#    next to the `pulumi` executable, and never downloads it.)
# 2. Otherwise build it from Go modules into
#    ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-dnspod-wedos/pulumi-language-yaml-<ver>/bin
#    and reuse that directory on later runs.
#
# The host is `github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml`, built like
# the project's release (its .goreleaser.yml): CGO_ENABLED=0, -s -w and
# -X github.com/pulumi/pulumi-yaml/pkg/version.Version=<ver>. Its go.mod has no
# replace directives, so a plain `go install module@version` works (old releases,
# e.g. v0.0.1, have some; go install refuses those, and so does this script).
#
# If the module proxy refuses PULUMI_YAML_VERSION, the newest version the proxy
# lists is built instead, with a loud warning (set PULUMI_YAML_FALLBACK=0 to fail
# instead); that choice is remembered for a day. BUILD-INFO beside bin/ records
# what was built and why.
#
# Env: PULUMI_YAML_VERSION (default v1.25.0), PULUMI_YAML_FALLBACK (default 1),
# PULUMI_BUILD_GOTOOLCHAIN (default auto), XDG_CACHE_HOME, GOMODCACHE/GOPATH,
# PDW_TOOLCHAIN_QUIET=1 (say nothing when the host is already in place).
set -euo pipefail

REQ_VERSION="${PULUMI_YAML_VERSION:-v1.25.0}"
FALLBACK="${PULUMI_YAML_FALLBACK:-1}"
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-dnspod-wedos"
MOD=github.com/pulumi/pulumi-yaml
PKG=$MOD/cmd/pulumi-language-yaml
VERSION_VAR=$MOD/pkg/version.Version

log() { printf '[ensure-yaml-host] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
info() { [[ "${PDW_TOOLCHAIN_QUIET:-0}" == 1 ]] || log "$@"; }

if found="$(command -v pulumi-language-yaml 2>/dev/null)"; then
  dir="$(cd "$(dirname "$found")" && pwd -P)"
  info "pulumi-language-yaml already on PATH ($dir); skipping build"
  printf '%s\n' "$dir"
  exit 0
fi

built() { [[ -x "$CACHE_ROOT/pulumi-language-yaml-$1/bin/pulumi-language-yaml" ]]; }

# Reuse a build of the requested version, or of the fallback an earlier run chose less than a day
# ago (after that the proxy is asked again for the requested version).
marker="$CACHE_ROOT/pulumi-language-yaml-$REQ_VERSION.fallback"
recent=""; [[ -z "$(find "$marker" -mmin -1440 2>/dev/null)" ]] || recent="$(cat "$marker")"
for v in "$REQ_VERSION" $recent; do
  if built "$v"; then
    [[ "$v" == "$REQ_VERSION" ]] || log "WARNING: using pulumi-language-yaml $v (the proxy refused $REQ_VERSION)"
    info "reusing $CACHE_ROOT/pulumi-language-yaml-$v/bin"
    printf '%s\n' "$CACHE_ROOT/pulumi-language-yaml-$v/bin"
    exit 0
  fi
done

command -v go >/dev/null 2>&1 || die "go is not installed; cannot build pulumi-language-yaml"
export GOTOOLCHAIN="${PULUMI_BUILD_GOTOOLCHAIN:-auto}" CGO_ENABLED=0
export GOFLAGS="${GOFLAGS:-} -buildvcs=false"

v="$REQ_VERSION"
if ! err="$(go mod download -json "$MOD@$v" 2>&1 </dev/null)" || grep -q '"Error":' <<<"$err"; then
  log "module proxy refused $MOD@$v:"; sed 's/^/    /' <<<"$err" >&2
  [[ "$FALLBACK" == 1 ]] || die "PULUMI_YAML_FALLBACK=0; not trying another version"
  v="$(go list -m -versions "$MOD" 2>/dev/null </dev/null | tr ' ' '\n' | tail -n1)"
  [[ "$v" == v* ]] || die "the module proxy lists no version of $MOD"
  log "WARNING: ************************************************************"
  log "WARNING: building pulumi-language-yaml $v, NOT the requested $REQ_VERSION"
  log "WARNING: (the newest version the module proxy lists)"
  log "WARNING: ************************************************************"
  mkdir -p "$CACHE_ROOT"
  printf '%s\n' "$v" >"$marker"
fi

base="$CACHE_ROOT/pulumi-language-yaml-$v"
mkdir -p "$CACHE_ROOT"
work="$(mktemp -d "$CACHE_ROOT/.build-yaml-$v.XXXXXX")"
# shellcheck disable=SC2064
trap "rm -rf '$work'" EXIT
t0=$SECONDS
log "building $PKG@$v (go: $(go version); module cache $(go env GOMODCACHE))"
GOBIN="$work" go install -trimpath -ldflags "-s -w -X $VERSION_VAR=$v" "$PKG@$v" </dev/null >&2
mkdir -p "$base/bin"
mv -f "$work/pulumi-language-yaml" "$base/bin/.pulumi-language-yaml.new"
mv -f "$base/bin/.pulumi-language-yaml.new" "$base/bin/pulumi-language-yaml"
note=" (FALLBACK: the proxy refused $REQ_VERSION)"
[[ "$v" != "$REQ_VERSION" ]] || { note=""; rm -f "$marker"; }
printf 'pulumi-language-yaml %s (%s@%s)%s\n' "$v" "$PKG" "$v" "$note" >"$base/BUILD-INFO"
log "built pulumi-language-yaml $v in $((SECONDS - t0))s"
printf '%s\n' "$base/bin"
