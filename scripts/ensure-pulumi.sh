#!/usr/bin/env bash
# Print (last stdout line) a directory that contains `pulumi` and
# `pulumi-language-nodejs`. Progress goes to stderr.
#
# 1. If both are already on PATH, print the directory of `pulumi` and stop.
# 2. Otherwise build them from Go modules (the Pulumi CLI cannot be downloaded
#    here) into ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-dnspod-wedos/pulumi-<ver>/bin
#    and reuse that directory on later runs (a re-run takes well under a second).
#
# The CLI is `github.com/pulumi/pulumi/pkg/v3/cmd/pulumi` at tag pkg/<ver>, built
# like the official release (.goreleaser.yml): CGO_ENABLED=0, -trimpath,
# -tags osusergo,grpcnotrace, -X .../sdk/v3/go/common/version.Version=<ver>.
# `go install pkg@ver` refuses modules with replace directives, so a throw-away
# wrapper module is generated that requires the module and mirrors its
# (non-relative) replace directives.
#
# The Node.js language host lives in its own, untagged module
# (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3); it is
# fetched at the commit of tag pkg/<ver> (Origin.Hash reported by the proxy).
# If the module proxy refuses that module, the host is built from the last
# sdk/v3 release that still contained it as a package
# (PULUMI_LANGHOST_FALLBACK, default v3.68.0). Set it to "" to disable.
#
# If the proxy refuses pkg/v3@PULUMI_VERSION itself, the versions in
# PULUMI_FALLBACK_VERSIONS are tried in order (a loud warning is printed and
# the binaries carry their real version). Set it to "" to fail instead. A
# refusal is remembered for a day (<cache>/pulumi-<ver>.refused), so runs in
# between go straight to the fallback without asking the proxy again.
#
# Env: PULUMI_VERSION (default v3.276.0, the version of @pulumi/pulumi in
# package.json), PULUMI_FALLBACK_VERSIONS (default v3.259.0),
# PULUMI_LANGHOST_FALLBACK (default v3.68.0), PULUMI_BUILD_GOTOOLCHAIN
# (default auto), XDG_CACHE_HOME, GOMODCACHE/GOPATH (the default Go module
# cache is used so repeated builds reuse downloads), PDW_TOOLCHAIN_QUIET=1 (say
# nothing when the tools are already in place; set by scripts/toolchain.sh).
set -euo pipefail

REQ_VERSION="${PULUMI_VERSION:-v3.276.0}"
FALLBACK_VERSIONS="${PULUMI_FALLBACK_VERSIONS-v3.259.0}"
LANGHOST_FALLBACK="${PULUMI_LANGHOST_FALLBACK-v3.68.0}"
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-dnspod-wedos"

PKG_MOD=github.com/pulumi/pulumi/pkg/v3
SDK_MOD=github.com/pulumi/pulumi/sdk/v3
LH_MOD=github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3
LH_LEGACY_PKG=github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs
VERSION_VAR=github.com/pulumi/pulumi/sdk/v3/go/common/version.Version

log() { printf '[ensure-pulumi] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
info() { [[ "${PDW_TOOLCHAIN_QUIET:-0}" == 1 ]] || log "$@"; }

# ---------------------------------------------------------------- 1. PATH ---
if pulumi_path="$(command -v pulumi 2>/dev/null)" &&
   command -v pulumi-language-nodejs >/dev/null 2>&1; then
  dir="$(cd "$(dirname "$pulumi_path")" && pwd -P)"
  info "pulumi and pulumi-language-nodejs already on PATH ($dir); skipping build"
  printf '%s\n' "$dir"
  exit 0
fi

command -v go >/dev/null 2>&1 || die "go is not installed; cannot build the Pulumi CLI"
export GOTOOLCHAIN="${PULUMI_BUILD_GOTOOLCHAIN:-auto}"
export CGO_ENABLED=0
export GOFLAGS="${GOFLAGS:-} -buildvcs=false"
BUILD_FLAGS=(-trimpath -tags osusergo,grpcnotrace)

cli_ok() { # $1 = bin dir, $2 = version
  [[ -x "$1/pulumi" ]] || return 1
  local out
  out="$("$1/pulumi" version 2>/dev/null </dev/null)" || return 1
  [[ "$out" == "$2" ]]
}
lh_ok() { [[ -x "$1/pulumi-language-nodejs" ]]; }

# Fields from `go mod download -json` output (one key per line).
json_field() { sed -n "s/^[[:space:]]*\"$1\": \"\\(.*\\)\",\\{0,1\\}\$/\\1/p" | head -n1; }

# go mod download -json <mod@ver>; prints the JSON, returns 1 on error.
mod_download() {
  local out
  out="$(go mod download -json "$1" 2>/dev/null </dev/null || true)"
  printf '%s\n' "$out"
  [[ -n "$out" ]] && ! grep -q '"Error":' <<<"$out"
}
mod_error() { # the Error field, JSON escapes (\n\t) turned into spaces
  go mod download -json "$1" 2>&1 </dev/null | json_field Error | sed 's/\\[nt]/ /g' || true
}

# Print the non-relative replace directives of a go.mod file, one per line,
# as "old [ver] => new ver" (directory replaces such as ../sdk are dropped).
mod_replaces() {
  awk '
    { sub(/\/\/.*/, "") }
    /^replace[ \t]*\(/ { blk = 1; next }
    blk && /^\)/       { blk = 0; next }
    blk                { print; next }
    /^replace[ \t]/    { sub(/^replace[ \t]+/, ""); print }
  ' "$1" | awk -F'=>' 'NF == 2 { t = $2; gsub(/^[ \t]+|[ \t]+$/, "", t);
                                 if (t !~ /^[.\/]/) { s = $0; gsub(/^[ \t]+|[ \t]+$/, "", s); print s } }'
}
mod_go_directive() { awk '$1 == "go" { print $2; exit }' "$1"; }

# write_wrapper <dir> <go.mod file to copy go/replace lines from>
write_wrapper() {
  local dir="$1" src="$2" gov r
  gov="$(mod_go_directive "$src")"
  mkdir -p "$dir"
  {
    printf 'module local/pulumi-build\n\ngo %s\n\n' "${gov:-1.25}"
    while IFS= read -r r; do [[ -n "$r" ]] && printf 'replace %s\n' "$r"; done < <(mod_replaces "$src")
  } >"$dir/go.mod"
  log "wrapper $dir/go.mod:"; sed 's/^/    /' "$dir/go.mod" >&2
}

install_bin() { # atomic rename into the final bin dir: $1 = built file, $2 = bin dir
  local name; name="$(basename "$1")"
  mv -f "$1" "$2/.$name.new"
  mv -f "$2/.$name.new" "$2/$name"
}

# build_cli <version> <work dir> <bin dir> <pkg download json>
build_cli() {
  local v="$1" w="$2/cli" bin="$3" json="$4" gomod t0=$SECONDS
  gomod="$(json_field GoMod <<<"$json")"
  write_wrapper "$w" "$gomod"
  log "resolving $PKG_MOD/cmd/pulumi@$v"
  (cd "$w" && go get -tool "$PKG_MOD/cmd/pulumi@$v" && go get "$PKG_MOD@$v" "$SDK_MOD@$v") </dev/null >&2
  (cd "$w" && go list -m "$PKG_MOD" "$SDK_MOD" | sed 's/^/    /') >&2
  log "building pulumi $v (CGO_ENABLED=0 go build ${BUILD_FLAGS[*]})"
  (cd "$w" && go build "${BUILD_FLAGS[@]}" -ldflags "-s -w -X $VERSION_VAR=$v" \
      -o "$w/pulumi" "$PKG_MOD/cmd/pulumi") </dev/null >&2
  install_bin "$w/pulumi" "$bin"
  log "built pulumi $v in $((SECONDS - t0))s"
}

# build_langhost <version> <work dir> <bin dir> <pkg download json>
# Returns 1 (with a message) if neither the module nor the fallback builds.
build_langhost() {
  local v="$1" w="$2/lh" bin="$3" json="$4" sha lhjson lhver gomod t0=$SECONDS err
  sha="$(json_field Hash <<<"$json")"
  if [[ -n "$sha" ]]; then
    log "language host: commit of tag pkg/$v is $sha; fetching $LH_MOD@$sha"
    if lhjson="$(mod_download "$LH_MOD@$sha")"; then
      lhver="$(json_field Version <<<"$lhjson")"
      gomod="$(json_field GoMod <<<"$lhjson")"
      write_wrapper "$w" "$gomod"
      if (cd "$w" && go get -tool "$LH_MOD@$lhver" && go get "$PKG_MOD@$v" "$SDK_MOD@$v" &&
          go list -m "$LH_MOD" "$PKG_MOD" "$SDK_MOD" | sed 's/^/    /' &&
          go build "${BUILD_FLAGS[@]}" -ldflags "-s -w -X $VERSION_VAR=$v" \
            -o "$w/pulumi-language-nodejs" "$LH_MOD") </dev/null >&2; then
        install_bin "$w/pulumi-language-nodejs" "$bin"
        printf 'pulumi-language-nodejs %s (%s@%s)\n' "$v" "$LH_MOD" "$lhver" >>"$bin/../BUILD-INFO"
        log "built pulumi-language-nodejs $v ($lhver) in $((SECONDS - t0))s"
        return 0
      fi
      log "building $LH_MOD@$lhver failed (see above)"
    else
      err="$(mod_error "$LH_MOD@$sha")"
      log "module proxy refused $LH_MOD@$sha: ${err:-unknown error}"
    fi
  else
    log "proxy reported no Origin.Hash for $PKG_MOD@$v; cannot locate the language host commit"
  fi

  [[ -n "$LANGHOST_FALLBACK" ]] || { log "PULUMI_LANGHOST_FALLBACK is empty; no language host"; return 1; }
  local fv="$LANGHOST_FALLBACK" sdkjson
  log "WARNING: falling back to the language host package of $SDK_MOD@$fv (the last sdk release that contained it)"
  sdkjson="$(mod_download "$SDK_MOD@$fv")" || { log "cannot download $SDK_MOD@$fv: $(mod_error "$SDK_MOD@$fv")"; return 1; }
  rm -rf "$w"
  write_wrapper "$w" "$(json_field GoMod <<<"$sdkjson")"
  if (cd "$w" && go get -tool "$LH_LEGACY_PKG@$fv" &&
      go build "${BUILD_FLAGS[@]}" -ldflags "-s -w -checklinkname=0 -X $VERSION_VAR=$fv" \
        -o "$w/pulumi-language-nodejs" "$LH_LEGACY_PKG") </dev/null >&2; then
    install_bin "$w/pulumi-language-nodejs" "$bin"
    printf 'pulumi-language-nodejs %s (FALLBACK: package %s from %s@%s)\n' "$fv" "$LH_LEGACY_PKG" "$SDK_MOD" "$fv" >>"$bin/../BUILD-INFO"
    log "built fallback pulumi-language-nodejs $fv in $((SECONDS - t0))s"
    return 0
  fi
  log "building the fallback language host failed (see above)"
  return 1
}

# ------------------------------------------------ 2. cache or build -------
ensure_version() { # $1 = version; prints bin dir on success
  local v="$1" base="$CACHE_ROOT/pulumi-$1" bin json work t0=$SECONDS rc=0
  bin="$base/bin"
  if cli_ok "$bin" "$v" && lh_ok "$bin"; then
    info "reusing $bin ($(cat "$base/BUILD-INFO" 2>/dev/null | tr '\n' ';'))"
    printf '%s\n' "$bin"; return 0
  fi
  if [[ -n "$(find "$CACHE_ROOT/pulumi-$v.refused" -mmin -1440 2>/dev/null)" ]]; then
    info "the module proxy refused $PKG_MOD@$v less than a day ago; not asking again (delete $CACHE_ROOT/pulumi-$v.refused to ask)"
    return 2
  fi
  log "checking the module proxy for $PKG_MOD@$v"
  if ! json="$(mod_download "$PKG_MOD@$v")"; then
    log "module proxy refused $PKG_MOD@$v: $(mod_error "$PKG_MOD@$v")"
    touch "$CACHE_ROOT/pulumi-$v.refused"
    return 2
  fi
  rm -f "$CACHE_ROOT/pulumi-$v.refused"
  mkdir -p "$bin"
  work="$(mktemp -d "$CACHE_ROOT/.build-pulumi-$v.XXXXXX")"
  # shellcheck disable=SC2064
  trap "rm -rf '$work'" EXIT
  log "go: $(go version) (GOTOOLCHAIN=$GOTOOLCHAIN); module cache $(go env GOMODCACHE); work dir $work"
  if ! cli_ok "$bin" "$v"; then
    build_cli "$v" "$work" "$bin" "$json"
    printf 'pulumi %s (%s@%s)\n' "$v" "$PKG_MOD" "$v" >"$base/BUILD-INFO"
    cli_ok "$bin" "$v" || die "built $bin/pulumi but 'pulumi version' does not print $v"
  fi
  if ! lh_ok "$bin"; then
    build_langhost "$v" "$work" "$bin" "$json" || rc=1
  fi
  rm -rf "$work"; trap - EXIT
  log "build time: $((SECONDS - t0))s total"
  if (( rc != 0 )); then
    log "WARNING: pulumi-language-nodejs could not be built; delivering pulumi only (Automation API inline programs still work)"
  fi
  printf '%s\n' "$bin"
}

mkdir -p "$CACHE_ROOT"
for v in $REQ_VERSION $FALLBACK_VERSIONS; do
  if [[ "$v" != "$REQ_VERSION" ]]; then
    log "WARNING: $PKG_MOD@$REQ_VERSION is not available; trying $v instead"
  fi
  rc=0; out="$(ensure_version "$v")" || rc=$?
  if (( rc == 0 )); then
    out="$(tail -n1 <<<"$out")"
    if [[ "$v" != "$REQ_VERSION" ]]; then
      log "WARNING: using Pulumi CLI $v, not the requested $REQ_VERSION"
    fi
    printf '%s\n' "$out"
    exit 0
  elif (( rc != 2 )); then
    exit "$rc"
  fi
done
die "no buildable Pulumi CLI version among: $REQ_VERSION $FALLBACK_VERSIONS"
