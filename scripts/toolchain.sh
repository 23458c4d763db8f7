#!/usr/bin/env bash
# The one place the project's tools come from. Prints, as the last stdout line, the PATH to use:
# the tool directories first, then the caller's PATH (without duplicates, and without this
# project's cache folders, whose tools it places itself). Progress and warnings go to stderr; a run
# that finds everything in place prints nothing there.
#
#   Node.js >= 22            scripts/ensure-node.sh (PATH, else the npm registry, once)
#   node_modules/.bin        jest, tsc (installed by `make setup`)
#   pulumi, pulumi-language-nodejs
#                            scripts/ensure-pulumi.sh (PATH, else built once from Go modules)
#   pulumi-language-yaml     scripts/ensure-yaml-host.sh (PATH, else built once from Go modules)
#   pulumi-language-python   scripts/ensure-python-host.sh, when it has run (`make test` runs it);
#                            a Python program also needs scripts/ensure-python-pulumi.sh's venv
#   pulumi-resource-pulumi-nodejs
#                            the dynamic-provider launcher shipped in @pulumi/pulumi
#
# The CLI treats language hosts and the launcher as "bundled": it looks for them beside the
# `pulumi` binary, and warns ("using … from $PATH at …") when PATH gives it another copy. So when
# `pulumi` is the one built into this project's cache, copies of the others are placed beside it.
# A `pulumi` the user installed is never written beside: the official releases ship all of these
# with it; whatever its folder lacks is put on PATH from the cache, and the CLI then warns about it.
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

# The caller's PATH without this project's cache folders: an earlier toolchain's PATH, exported by
# the caller, must not make the ensure-* scripts below take the cache's tools for the user's own.
keep=()
IFS=: read -r -a given <<<"${PATH:-}"
for d in "${given[@]}"; do
  [[ -n "$d" && "$d/" != "$cache/"* ]] && keep+=("$d")
done
PATH="$(IFS=:; echo "${keep[*]}")"

node_dir="$(bash "$root/scripts/ensure-node.sh" | last_line)"
[[ -n "$node_dir" ]] || { echo "[toolchain] no Node.js >= 22" >&2; exit 1; }
dirs=("$node_dir" "$root/node_modules/.bin")

say() { [[ "$PDW_TOOLCHAIN_QUIET" == 1 ]] || echo "[toolchain] $*" >&2; }
# Copies a file into a folder unless an identical copy is there; atomically, as concurrent test
# workers run this at once.
place() { # $1 = file, $2 = folder
  local dst="$2/$(basename "$1")" tmp
  cmp -s "$1" "$dst" && return 0
  tmp="$(mktemp "$2/.place.XXXXXX")"
  install -m 755 "$1" "$tmp"
  mv -f "$tmp" "$dst"
  say "placed $(basename "$1") in $2"
}

if (( want_pulumi )); then
  # ensure-pulumi.sh looks at PATH first; npm and node it may call must be the ones chosen above.
  pulumi_dir="$(PATH="$node_dir:$PATH" bash "$root/scripts/ensure-pulumi.sh" | last_line)"
  [[ -n "$pulumi_dir" ]] || { echo "[toolchain] no Pulumi CLI" >&2; exit 1; }
  ours=0; [[ "$pulumi_dir/" == "$cache/"* ]] && ours=1

  # The launcher resolves @pulumi/pulumi from the project it runs in, so one copy serves all.
  launcher="$root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
  [[ -f "$launcher" ]] || { echo "[toolchain] $launcher is missing: run \`make setup\` first" >&2; exit 1; }
  # Only `runtime: yaml` programs need it, so without it the rest still works (loudly).
  yaml_dir="$(bash "$root/scripts/ensure-yaml-host.sh" | last_line)" || yaml_dir=""
  [[ -n "$yaml_dir" ]] || echo "[toolchain] WARNING: no Pulumi YAML language host (see above): runtime: yaml programs cannot run" >&2
  # The Python host is built by scripts/ensure-python-host.sh (make test runs it), not here, so that
  # `make demo` builds nothing it does not use; once built, it is placed like the others.
  python_dir="$(bash "$root/scripts/ensure-python-host.sh" --if-present | last_line)" || python_dir=""

  # What the CLI looks for beside itself: each source file and the folder it otherwise comes from.
  bundled=("$launcher")
  [[ -z "$yaml_dir" ]] || bundled+=("$yaml_dir/pulumi-language-yaml")
  [[ -z "$python_dir" ]] || bundled+=("$python_dir/pulumi-language-python" "$python_dir/pulumi-language-python-exec")
  extra=() missing=()
  for f in "${bundled[@]}"; do
    if (( ours )); then
      [[ "$(dirname "$f")" == "$pulumi_dir" ]] || place "$f" "$pulumi_dir"
    elif [[ ! -x "$pulumi_dir/$(basename "$f")" ]]; then
      # Beside the user's `pulumi` it is missing: a copy elsewhere goes on PATH (the CLI warns).
      d="$(dirname "$f")"
      if [[ "$f" == "$launcher" ]]; then
        d="$cache/launcher"; mkdir -p "$d"; place "$f" "$d"
      fi
      [[ " ${extra[*]} " == *" $d "* ]] || extra+=("$d")
      [[ "$f" == *-exec ]] || missing+=("$(basename "$f") from $d")
    fi
  done
  dirs=("$node_dir" "$pulumi_dir" ${extra[@]+"${extra[@]}"} "$root/node_modules/.bin")
fi

# Where the CLI will find a tool: beside itself when it is there, else the first folder on PATH.
found() { PATH="$(IFS=:; echo "${dirs[*]}"):$PATH" command -v "$1" | xargs dirname; }

if (( describe )); then
  echo "node $("$node_dir/node" -v) ($node_dir)"
  if (( want_pulumi )); then
    echo "pulumi $("$pulumi_dir/pulumi" version </dev/null) ($pulumi_dir)"
    # Built copies record how they were obtained; one from the user's PATH carries no version.
    info="$(grep '^pulumi-language-nodejs ' "$pulumi_dir/../BUILD-INFO" 2>/dev/null || true)"
    echo "${info:-pulumi-language-nodejs (version unknown)} ($(found pulumi-language-nodejs))"
    if [[ -n "$yaml_dir" ]]; then
      info="$(cat "$yaml_dir/../BUILD-INFO" 2>/dev/null || true)"
      echo "${info:-pulumi-language-yaml (version unknown)} ($(found pulumi-language-yaml))"
    else
      echo "pulumi-language-yaml: none (scripts/ensure-yaml-host.sh failed)"
    fi
    if [[ -n "$python_dir" ]]; then
      info="$(cat "$python_dir/../BUILD-INFO" 2>/dev/null || true)"
      echo "${info:-pulumi-language-python (version unknown)} ($(found pulumi-language-python))"
    else
      echo "pulumi-language-python: not built (scripts/ensure-python-host.sh; make test builds it)"
    fi
    sdk="$(cd "$root" && "$node_dir/node" -p 'require("@pulumi/pulumi/package.json").version')"
    echo "pulumi-resource-pulumi-nodejs from @pulumi/pulumi $sdk ($(found pulumi-resource-pulumi-nodejs))"
    for m in ${missing[@]+"${missing[@]}"}; do
      echo "note: ${m%% *} is not beside your pulumi ($pulumi_dir), so the CLI warns \"using ${m%% *} from \$PATH\" when it runs it ${m#* }"
    done
  fi
  exit 0
fi

path="$(IFS=:; echo "${dirs[*]}")"
IFS=: read -r -a rest <<<"${PATH:-}"
for d in "${rest[@]}"; do
  if [[ -n "$d" && ":$path:" != *":$d:"* ]]; then path="$path:$d"; fi
done
printf '%s\n' "$path"
