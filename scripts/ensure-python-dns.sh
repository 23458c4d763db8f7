#!/usr/bin/env bash
# Print (last stdout line) a Python interpreter that can `import dns` (dnspython, a DNS client that
# is not ours): a virtual environment with dnspython==$DNSPYTHON_VERSION from PyPI, made once under
# ${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-dnspod-wedos/python-dnspython-<version>/ and reused after.
# The integration tests ask the emulated nameservers through it (test/fixtures/served/dig.py).
#
# Env: DNSPYTHON_VERSION (default 2.7.0), PYTHON (default python3, >= 3.9), XDG_CACHE_HOME,
# PDW_TOOLCHAIN_QUIET=1 (say nothing when the environment is already in place).
set -euo pipefail

want="${DNSPYTHON_VERSION:-2.7.0}"
python="${PYTHON:-python3}"
env_dir="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-dnspod-wedos/python-dnspython-$want"
log() { printf '[ensure-python-dns] %s\n' "$*" >&2; }
ready() { [[ -x "$env_dir/bin/python" && -f "$env_dir/INSTALLED" ]]; }

if ready; then
  [[ "${PDW_TOOLCHAIN_QUIET:-0}" == 1 ]] || log "reusing $env_dir ($(cat "$env_dir/INSTALLED"))"
  printf '%s\n' "$env_dir/bin/python"
  exit 0
fi

command -v "$python" >/dev/null 2>&1 || { log "ERROR: $python not found; the served-DNS tests need Python >= 3.9"; exit 1; }
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 9))' || { log "ERROR: $python is older than 3.9"; exit 1; }

# One maker at a time; INSTALLED, written last, marks a finished environment.
mkdir -p "$(dirname "$env_dir")"
exec 9>"$env_dir.lock"
flock 9
if ready; then
  printf '%s\n' "$env_dir/bin/python"
  exit 0
fi
rm -rf "$env_dir"
log "creating $env_dir with dnspython==$want ($("$python" --version))"
"$python" -m venv "$env_dir"
"$env_dir/bin/python" -m pip install --quiet --disable-pip-version-check --no-input "dnspython==$want" >&2 ||
  { rm -rf "$env_dir"; log "ERROR: installing dnspython==$want from PyPI failed"; exit 1; }
printf 'dnspython %s from PyPI\n' "$("$env_dir/bin/python" -c 'import dns.version; print(dns.version.version)')" >"$env_dir/INSTALLED"
printf '%s\n' "$env_dir/bin/python"
