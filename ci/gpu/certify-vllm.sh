#!/usr/bin/env bash
# Starts a real vLLM (vllm/vllm-openai) with a real model on this machine's GPUs, waits until it serves the
# model, certifies it with `./llmtck run` and stops it. Exit code: llmtck's (0 certified, 1 a MUST clause failed,
# 2 configuration error); 3 when vLLM did not come up. The JUnit report is $LLMTCK_REPORT_DIR/junit.xml.
# Used by ci/gitlab/llmtck-vllm-gpu.gitlab-ci.yml and ci/github/llmtck-vllm-gpu.yml; runs from llmtck's root.
#
# Settings (environment), with the GitLab documentation's Mistral 7B example as the default:
#   VLLM_IMAGE              vllm/vllm-openai:v0.6.4.post1 (v0.6.4.post1 or later: GitLab's minimum)
#   VLLM_MODEL              mistralai/Mistral-7B-Instruct-v0.3 (a Hugging Face id, or a directory under
#                           VLLM_MODELS_DIR given as /models/<name>)
#   VLLM_SERVED_MODEL_NAME  mistral-7b
#   VLLM_ARGS               --tokenizer-mode mistral --load-format mistral --config-format mistral
#                           --enable-auto-tool-choice --tool-call-parser mistral --disable-log-requests
#   VLLM_GPUS               all (or a count, or '"device=0,1"'; empty: no GPU, e.g. llmtck's simulator image)
#   VLLM_SHM_SIZE           16g (shared memory for tensor parallelism)
#   VLLM_MODELS_DIR         a host directory with cloned weights, mounted read-only at /models (optional)
#   VLLM_HF_CACHE           a Docker volume or host directory for Hugging Face downloads (default llmtck-hf-cache)
#   VLLM_STARTUP_TIMEOUT    seconds to wait for the model to load (default 1800)
#   VLLM_HOST               where the published port is reached (default localhost; "docker" with dind)
#   VLLM_HOST_PORT          the host port vLLM is published on (default 8000)
#   HF_TOKEN                for gated models; passed to the container's environment, never on a command line
#   LLMTCK_RUN_ARGS         extra `llmtck run` flags (default --capability tools)
#   LLMTCK_REPORT_DIR       llmtck-report
set -euo pipefail
cd "$(dirname "$0")/../.."

image="${VLLM_IMAGE:-vllm/vllm-openai:v0.6.4.post1}"
model="${VLLM_MODEL:-mistralai/Mistral-7B-Instruct-v0.3}"
served="${VLLM_SERVED_MODEL_NAME:-mistral-7b}"
args="${VLLM_ARGS:---tokenizer-mode mistral --load-format mistral --config-format mistral --enable-auto-tool-choice --tool-call-parser mistral --disable-log-requests}"
gpus="${VLLM_GPUS-all}"
host="${VLLM_HOST:-localhost}"
port="${VLLM_HOST_PORT:-8000}"
timeout="${VLLM_STARTUP_TIMEOUT:-1800}"
report_dir="${LLMTCK_REPORT_DIR:-llmtck-report}"
name="llmtck-vllm-${CI_JOB_ID:-${GITHUB_RUN_ID:-$$}}"

# A fresh key per run: the kit proves that requests without it are refused.
VLLM_API_KEY="$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export VLLM_API_KEY HF_TOKEN="${HF_TOKEN:-}"

mounts=(-v "${VLLM_HF_CACHE:-llmtck-hf-cache}:/root/.cache/huggingface")
if [ -n "${VLLM_MODELS_DIR:-}" ]; then
  mounts+=(-v "$VLLM_MODELS_DIR:/models:ro")
fi

# vLLM's server module takes the same flags in every release (recent images start `vllm serve`, which wants the
# model as a positional argument); a compatible substitute such as llmtck/vllm-simulator keeps its entrypoint.
entrypoint=()
case "$image" in
  vllm/vllm-openai:* | */vllm/vllm-openai:*) entrypoint=(--entrypoint python3) ;;
esac
server=()
[ "${#entrypoint[@]}" -gt 0 ] && server=(-m vllm.entrypoints.openai.api_server)
gpu_flags=()
[ -n "$gpus" ] && gpu_flags=(--gpus "$gpus")

cleanup() { docker rm -f "$name" >/dev/null 2>&1 || true; }
trap cleanup EXIT

echo "certify-vllm: starting $image serving $model as $served on GPUs: ${gpus:-none}"
# shellcheck disable=SC2086 # VLLM_ARGS is a list of flags
docker run -d --name "$name" "${gpu_flags[@]}" --shm-size "${VLLM_SHM_SIZE:-16g}" -p "$port:8000" \
  -e VLLM_API_KEY -e HF_TOKEN "${mounts[@]}" "${entrypoint[@]}" "$image" "${server[@]}" \
  --model "$model" --served-model-name "$served" --host 0.0.0.0 --port 8000 $args >/dev/null

# Ready means ready: /health, then the served model listed by /v1/models (weights take minutes to load).
deadline=$(( $(date +%s) + timeout ))
until curl -sf -H "Authorization: Bearer $VLLM_API_KEY" "http://$host:$port/v1/models" 2>/dev/null \
    | grep -q "\"id\": *\"$served\""; do
  if [ "$(docker inspect -f '{{.State.Running}}' "$name" 2>/dev/null)" != true ]; then
    echo "certify-vllm: vLLM exited before serving $served; its log:" >&2
    docker logs --tail 80 "$name" 2>&1 | sed "s/$VLLM_API_KEY/[REDACTED]/g" >&2
    exit 3
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "certify-vllm: $served not served within ${timeout}s (raise VLLM_STARTUP_TIMEOUT)" >&2
    docker logs --tail 40 "$name" 2>&1 | sed "s/$VLLM_API_KEY/[REDACTED]/g" >&2
    exit 3
  fi
  sleep 5
done
echo "certify-vllm: $served is served; running the kit"

status=0
# shellcheck disable=SC2086
LLMTCK_API_KEY="$VLLM_API_KEY" ./llmtck run --base-url "http://$host:$port/v1" --model "$served" \
  --report-dir "$report_dir" ${LLMTCK_RUN_ARGS:---capability tools} || status=$?
echo "certify-vllm: llmtck run exit code $status (0 certified, 1 a MUST clause failed); reports in $report_dir"
exit "$status"
