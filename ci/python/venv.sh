#!/usr/bin/env bash
# Creates (once per machine) the Python virtual environment described by ci/python/<name>.lock and prints the path
# of its python. The lock pins every package (top level and transitive), so two machines get the same clients.
# Environments live under ${LLMTCK_CACHE_DIR:-~/.cache/llmtck}/venvs/<name>-<hash of the lock>: a changed lock is a
# new environment; an unchanged one is reused (the pip download cache is reused too). Never the system Python.
#   ci/python/venv.sh clients          -> /root/.cache/llmtck/venvs/clients-3f2a.../bin/python
# Needs a Python 3.11+ with the venv module; as root on Debian it installs python3-venv when that is missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
name="${1:?usage: venv.sh <name> (one of: $(cd "$here" && ls *.lock | sed 's/\.lock$//' | tr '\n' ' '))}"
lock="$here/$name.lock"
[ -f "$lock" ] || { echo "venv.sh: no lock file $lock" >&2; exit 2; }

pick_python() {
  for candidate in "${LLMTCK_PYTHON:-}" python3.12 python3.11 python3.13 python3; do
    [ -n "$candidate" ] || continue
    command -v "$candidate" >/dev/null 2>&1 || continue
    if "$candidate" -c 'import sys, venv, ensurepip; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

python="$(pick_python || true)"
if [ -z "$python" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "venv.sh: installing Debian's python3 and python3-venv" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv >/dev/null
  python="$(pick_python || true)"
fi
[ -n "$python" ] || { echo "venv.sh: no Python 3.11+ with the venv module (set LLMTCK_PYTHON)" >&2; exit 2; }

hash="$( (cat "$lock"; "$python" -c 'import sys; print(sys.version_info[:2])') | sha256sum | cut -c1-12)"
root="${LLMTCK_CACHE_DIR:-$HOME/.cache/llmtck}/venvs"
dir="$root/$name-$hash"
if [ ! -f "$dir/.complete" ]; then
  rm -rf "$dir"
  mkdir -p "$root"
  echo "venv.sh: creating $dir from $(basename "$lock") with $("$python" --version)" >&2
  started=$(date +%s)
  "$python" -m venv "$dir" >&2
  # --no-deps: the lock is complete, so pip resolves nothing and never picks another version.
  "$dir/bin/python" -m pip install -q --no-deps --require-virtualenv -r "$lock" >&2
  touch "$dir/.complete"
  echo "venv.sh: $name ready in $(( $(date +%s) - started )) s" >&2
fi
echo "$dir/bin/python"
