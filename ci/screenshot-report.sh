#!/usr/bin/env bash
# Renders an llmtck report.html in headless Chromium (Debian's `chromium` package) and saves a PNG screenshot,
# to check the page renders as a person will see it.
#   ci/screenshot-report.sh [REPORT_HTML] [OUT_PNG]    defaults: target/llmtck-report/report.html, .../report.png
set -euo pipefail
report="$(realpath "${1:-target/llmtck-report/report.html}")"
out="$(realpath -m "${2:-$(dirname "$report")/report.png}")"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "screenshot-report: chromium is not installed (apt-get install -y chromium)" >&2
  exit 3
fi
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
  --user-data-dir="$profile" --screenshot="$out" --window-size="${WINDOW_SIZE:-1280,2000}" \
  "file://$report" >/dev/null 2>&1
[ -s "$out" ] || { echo "screenshot-report: chromium wrote no screenshot" >&2; exit 1; }
echo "$out"
