#!/usr/bin/env bash
# Print (last stdout line) a Python interpreter that can `import pulumi`: a virtual environment
# with the `pulumi` package from PyPI, made once under
# ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-dnspod-wedos/python-pulumi-<version>/ and reused after.
# The tests install the generated Python SDKs with it (hence also setuptools and wheel: they are
# built without build isolation, so nothing is fetched per run) and run them under Pulumi's mocks.
#
# The version asked for (PULUMI_PYTHON_VERSION, default 3.272.0) is the newest PyPI has (the CLI
# is v3.276.0; the Python SDK's releases there stop at 3.272.0). If PyPI does not have it, the
# newest 3.x it has is installed instead, with a loud warning; INSTALLED (in the environment's folder) records which one it is. The Python e2e test
# runs its programs in this environment (the generated SDKs go on PYTHONPATH, not into it).
#
# Env: PULUMI_PYTHON_VERSION, PYTHON (default python3, >= 3.9), XDG_CACHE_HOME,
# PDW_TOOLCHAIN_QUIET=1 (say nothing when the environment is already in place).
set -euo pipefail

want="${PULUMI_PYTHON_VERSION:-3.272.0}"
python="${PYTHON:-python3}"
env_dir="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-dnspod-wedos/python-pulumi-$want"
log() { printf '[ensure-python-pulumi] %s\n' "$*" >&2; }

# INSTALLED starts with the format of the environment this script makes; an older one is remade.
FORMAT=2
if [[ -x "$env_dir/bin/python" && "$(head -n1 "$env_dir/INSTALLED" 2>/dev/null)" == "format $FORMAT" ]]; then
  [[ "${PDW_TOOLCHAIN_QUIET:-0}" == 1 ]] || log "reusing $env_dir ($(tail -n1 "$env_dir/INSTALLED"))"
  printf '%s\n' "$env_dir/bin/python"
  exit 0
fi

command -v "$python" >/dev/null 2>&1 || { log "ERROR: $python not found; the Python SDK tests need Python >= 3.9"; exit 1; }
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 9))' || { log "ERROR: $python is older than 3.9"; exit 1; }

# One maker at a time; INSTALLED, written last, marks a finished environment.
mkdir -p "$(dirname "$env_dir")"
exec 9>"$env_dir.lock"
flock 9
if [[ -x "$env_dir/bin/python" && "$(head -n1 "$env_dir/INSTALLED" 2>/dev/null)" == "format $FORMAT" ]]; then
  printf '%s\n' "$env_dir/bin/python"
  exit 0
fi
t0=$SECONDS
rm -rf "$env_dir"
log "creating $env_dir with pulumi==$want ($("$python" --version))"
"$python" -m venv "$env_dir"
pip=("$env_dir/bin/python" -m pip install --quiet --disable-pip-version-check --no-input)
# pip's refusal lists every version PyPI has (one very long line): only its last line is shown.
if ! out="$("${pip[@]}" "pulumi==$want" setuptools wheel 2>&1)"; then
  log "pip: $(tail -n1 <<<"$out")"
  log "WARNING: ******************************************************************"
  log "WARNING: PyPI has no pulumi==$want here; installing the newest pulumi 3.x instead"
  log "WARNING: ******************************************************************"
  "${pip[@]}" "pulumi>=3,<4" setuptools wheel >&2 || { rm -rf "$env_dir"; log "ERROR: installing pulumi failed"; exit 1; }
fi
got="$("$env_dir/bin/python" -c 'import importlib.metadata as m; print(m.version("pulumi"))')"
note=""; [[ "$got" == "$want" ]] || note=" (FALLBACK: $want is not on PyPI)"
printf 'format %s\npulumi %s from PyPI%s\n' "$FORMAT" "$got" "$note" >"$env_dir/INSTALLED"
log "installed pulumi $got$note in $((SECONDS - t0))s"
printf '%s\n' "$env_dir/bin/python"
