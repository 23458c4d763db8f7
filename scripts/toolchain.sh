#!/usr/bin/env bash
# The one place the project's tools come from. Prints, as the last stdout line, the PATH to use:
# the tool directories first, then the caller's PATH (without duplicates). Progress and warnings go
# to stderr; a run that finds everything in place prints nothing there.
#
#   Node.js >= 22            scripts/ensure-node.sh (PATH, else the npm registry, once)
#   node_modules/.bin        jest, tsc (installed by `make setup`)
#   pulumi, pulumi-language-nodejs
#                            scripts/ensure-pulumi.sh (PATH, else built once from Go modules)
#   pulumi-language-yaml     scripts/ensure-yaml-host.sh (PATH, else built once from Go modules)
#   pulumi-resource-pulumi-nodejs
#                            the dynamic-provider launcher shipped in @pulumi/pulumi, copied into
#                            this project's cache folder (never beside a `pulumi` found elsewhere)
#
# Everything it writes lives under ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-dnspod-wedos.
#
# Options:
#   --no-pulumi   Node.js and node_modules/.bin only (setup, build, typecheck, unit/integration tests)
#   --describe    instead of the PATH, print which tools (and versions) that PATH provides
#   --verbose     also report tools that were already in place
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-dnspod-wedos"
want_pulumi=1 describe=0
export PDW_TOOLCHAIN_QUIET=1
for arg in "$@"; do
  case "$arg" in
    --no-pulumi) want_pulumi=0 ;;
    --describe) describe=1 ;;
    --verbose) PDW_TOOLCHAIN_QUIET=0 ;;
    *) echo "usage: $0 [--no-pulumi] [--describe] [--verbose]" >&2; exit 2 ;;
  esac
done

last_line() { tail -n1; }

node_dir="$(bash "$root/scripts/ensure-node.sh" | last_line)"
[[ -n "$node_dir" ]] || { echo "[toolchain] no Node.js >= 22" >&2; exit 1; }
dirs=("$node_dir" "$root/node_modules/.bin")

if (( want_pulumi )); then
  # ensure-pulumi.sh looks at PATH first; npm and node it may call must be the ones chosen above.
  pulumi_dir="$(PATH="$node_dir:$PATH" bash "$root/scripts/ensure-pulumi.sh" | last_line)"
  [[ -n "$pulumi_dir" ]] || { echo "[toolchain] no Pulumi CLI" >&2; exit 1; }

  src="$root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
  [[ -f "$src" ]] || { echo "[toolchain] $src is missing: run \`make setup\` first" >&2; exit 1; }
  # The launcher resolves @pulumi/pulumi from the Pulumi project it runs in, so one copy serves
  # every project; it is replaced (atomically) only when the installed package ships another.
  launcher_dir="$cache/launcher"
  if ! cmp -s "$src" "$launcher_dir/pulumi-resource-pulumi-nodejs"; then
    mkdir -p "$launcher_dir"
    tmp="$(mktemp "$launcher_dir/.launcher.XXXXXX")"
    install -m 755 "$src" "$tmp"
    mv -f "$tmp" "$launcher_dir/pulumi-resource-pulumi-nodejs"
    [[ "$PDW_TOOLCHAIN_QUIET" == 1 ]] || echo "[toolchain] launcher copied to $launcher_dir" >&2
  fi
  # Only `runtime: yaml` programs need it, so without it the rest still works (loudly).
  yaml_dir="$(bash "$root/scripts/ensure-yaml-host.sh" | last_line)" || yaml_dir=""
  [[ -n "$yaml_dir" ]] || echo "[toolchain] WARNING: no Pulumi YAML language host (see above): runtime: yaml programs cannot run" >&2
  dirs=("$node_dir" "$pulumi_dir" ${yaml_dir:+"$yaml_dir"} "$launcher_dir" "$root/node_modules/.bin")
fi

if (( describe )); then
  echo "node $("$node_dir/node" -v) ($node_dir)"
  if (( want_pulumi )); then
    echo "pulumi $("$pulumi_dir/pulumi" version </dev/null) ($pulumi_dir)"
    # Built copies record how the language host was obtained; one from PATH carries no version.
    info="$(grep '^pulumi-language-nodejs ' "$pulumi_dir/../BUILD-INFO" 2>/dev/null || true)"
    lh="$(PATH="$pulumi_dir:$PATH" command -v pulumi-language-nodejs)"
    echo "${info:-pulumi-language-nodejs (version unknown)} ($(dirname "$lh"))"
    # The YAML host has no version flag; a built copy's BUILD-INFO says which one it is.
    if [[ -n "$yaml_dir" ]]; then
      info="$(cat "$yaml_dir/../BUILD-INFO" 2>/dev/null || true)"
      echo "${info:-pulumi-language-yaml (version unknown)} ($yaml_dir)"
    else
      echo "pulumi-language-yaml: none (scripts/ensure-yaml-host.sh failed)"
    fi
    sdk="$(cd "$root" && "$node_dir/node" -p 'require("@pulumi/pulumi/package.json").version')"
    echo "pulumi-resource-pulumi-nodejs from @pulumi/pulumi $sdk ($launcher_dir)"
  fi
  exit 0
fi

path="$(IFS=:; echo "${dirs[*]}")"
IFS=: read -r -a rest <<<"${PATH:-}"
for d in "${rest[@]}"; do
  if [[ -n "$d" && ":$path:" != *":$d:"* ]]; then path="$path:$d"; fi
done
printf '%s\n' "$path"
