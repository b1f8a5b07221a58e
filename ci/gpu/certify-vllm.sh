#!/usr/bin/env bash
# Starts a real vLLM (vllm/vllm-openai) with a real model on this machine's GPUs, waits until it serves the
# model, certifies it with llmtck and stops it. Exit code: llmtck's (0 certified, 1 a MUST clause failed,
# 2 configuration error, the kit unusable included); 3 when vLLM did not come up. The reports are in
# $LLMTCK_REPORT_DIR: junit.xml, report.json, report.html, and summary.md (a Markdown table for a job summary).
# Used by ci/gitlab/llmtck-vllm-gpu.gitlab-ci.yml and ci/github/llmtck-vllm-gpu.yml; runs from anywhere.
#
# The kit is made ready BEFORE the model starts, so a runner that cannot run it fails in seconds, not after the
# weights have loaded. One of:
#   LLMTCK_JAR      the runner jar (llmtck-tck-<version>-all.jar): `java -jar` with the java of JAVA_HOME or PATH
#                   (Java 17+); what the templates use, built or fetched by a job before this one
#   LLMTCK_IMAGE    the kit as an image (llmtck/llmtck:<version>, LlmtckImage.KIT, or your registry's copy): needs
#                   only Docker; it joins vLLM's network namespace, so no port is published at all
#   neither         ./llmtck of the llmtck checkout this script is in (needs Maven 3.8+, or MVNW_REPOURL, and a JDK)
#
# Settings (environment), with the GitLab documentation's Mistral 7B example as the default:
#   VLLM_IMAGE              vllm/vllm-openai:v0.6.4.post1 (v0.6.4.post1 or later: GitLab's minimum)
#   VLLM_MODEL              mistralai/Mistral-7B-Instruct-v0.3 (a Hugging Face id, or a directory under
#                           VLLM_MODELS_DIR given as /models/<name>)
#   VLLM_SERVED_MODEL_NAME  mistral-7b
#   VLLM_ARGS               --tokenizer-mode mistral --load-format mistral --config-format mistral
#                           --enable-auto-tool-choice --tool-call-parser mistral --disable-log-requests
#                           (--disable-log-requests is v0.6.4.post1's flag; vLLM 0.11 and later refuse it: there,
#                           drop it or say --no-enable-log-requests; request logging is off by default from 0.10.1)
#   VLLM_GPUS               all (or a count, or '"device=0,1"'; empty: no GPU, e.g. llmtck's simulator image)
#   VLLM_SHM_SIZE           16g (shared memory for tensor parallelism)
#   VLLM_MODELS_DIR         a host directory with cloned weights, mounted read-only at /models (optional)
#   VLLM_HF_CACHE           a Docker volume or host directory for Hugging Face downloads (default llmtck-hf-cache)
#   VLLM_STARTUP_TIMEOUT    seconds to wait for the model to load (default 1800)
#   VLLM_HOST               where a published port is reached. Default: found out. The kit image joins vLLM's
#                           network namespace (localhost:8000, nothing published); a job that runs in a container
#                           of the same Docker engine (GitLab's Docker executor with the socket mounted) lends vLLM
#                           its own network namespace (localhost:8000); with Docker-in-Docker (DOCKER_HOST=tcp://
#                           docker:2375) the port is published on a free port of that host ("docker"); otherwise
#                           (a shell executor) on a free port of 127.0.0.1. Set it when none of these fits.
#   VLLM_HOST_PORT          a fixed host port to publish on (default: a free one, so concurrent jobs never collide)
#   HF_TOKEN                for gated models; passed to the container's environment, never on a command line
#   LLMTCK_RUN_ARGS         extra `llmtck run` flags (default --capability tools)
#   LLMTCK_REPORT_DIR       llmtck-report (relative to the current directory)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

image="${VLLM_IMAGE:-vllm/vllm-openai:v0.6.4.post1}"
model="${VLLM_MODEL:-mistralai/Mistral-7B-Instruct-v0.3}"
served="${VLLM_SERVED_MODEL_NAME:-mistral-7b}"
args="${VLLM_ARGS---tokenizer-mode mistral --load-format mistral --config-format mistral --enable-auto-tool-choice --tool-call-parser mistral --disable-log-requests}"
gpus="${VLLM_GPUS-all}"
timeout="${VLLM_STARTUP_TIMEOUT:-1800}"
report_dir="${LLMTCK_REPORT_DIR:-llmtck-report}"
mkdir -p "$report_dir"
report_dir="$(cd "$report_dir" && pwd)"
name="llmtck-vllm-${CI_JOB_ID:-${GITHUB_RUN_ID:-x}}-$$"
say() { echo "certify-vllm: $*" >&2; }

# --- 1. the kit, before anything else ------------------------------------------------------------------------
kit=()
kit_mode=""
if [ -n "${LLMTCK_JAR:-}" ]; then
  java_bin="java"
  [ -n "${JAVA_HOME:-}" ] && java_bin="$JAVA_HOME/bin/java"
  if ! command -v "$java_bin" >/dev/null 2>&1; then
    say "LLMTCK_JAR is set but there is no java (JAVA_HOME or PATH): install a Java 17+ runtime, or use LLMTCK_IMAGE"
    exit 2
  fi
  [ -f "$LLMTCK_JAR" ] || { say "LLMTCK_JAR=$LLMTCK_JAR is no file"; exit 2; }
  kit=("$java_bin" -jar "$LLMTCK_JAR")
  kit_mode=jar
elif [ -n "${LLMTCK_IMAGE:-}" ]; then
  if ! docker image inspect "$LLMTCK_IMAGE" >/dev/null 2>&1 && ! docker pull -q "$LLMTCK_IMAGE" >/dev/null; then
    say "the kit image $LLMTCK_IMAGE is not on this Docker host and cannot be pulled"
    exit 2
  fi
  kit_mode=image
else
  root="$(cd "$here/../.." && pwd)"
  [ -x "$root/llmtck" ] || { say "no LLMTCK_JAR, no LLMTCK_IMAGE and no ./llmtck beside this script"; exit 2; }
  kit=("$root/llmtck")
  kit_mode=checkout
fi
if [ "$kit_mode" = image ]; then
  version="$(docker run --rm "$LLMTCK_IMAGE" --version 2>&1)" || { say "the kit image does not run: $version"; exit 2; }
else
  # ./llmtck builds the kit here when it must: a machine without Maven fails now, before the model loads.
  version="$("${kit[@]}" --version 2>&1)" || {
    say "the kit does not run (${kit[*]} --version):"; echo "$version" | tail -n 5 >&2
    say "give the runner jar (LLMTCK_JAR) or the kit image (LLMTCK_IMAGE) instead of building it here"
    exit 2
  }
fi
say "kit ready ($kit_mode): $(echo "$version" | tail -n 1)"

# --- 2. how the kit will reach vLLM --------------------------------------------------------------------------
network=()
publish=()
host="${VLLM_HOST:-}"
port=8000
self="$(cat /etc/hostname 2>/dev/null || hostname)"
if [ "$kit_mode" = image ]; then
  host=localhost                      # the kit joins vLLM's network namespace
elif [ -z "$host" ] && [ -z "${VLLM_HOST_PORT:-}" ] && [ -f /.dockerenv ] \
    && docker inspect --format '{{.Id}}' "$self" >/dev/null 2>&1; then
  network=(--network "container:$self") # a job in a container of this engine: vLLM shares its network namespace
  host=localhost
else
  # A free port unless one is asked for (`-p 8000` lets Docker choose), reached where it is published.
  any="${VLLM_HOST_PORT:+$VLLM_HOST_PORT:}8000"
  if [ -n "$host" ]; then
    publish=(-p "$any")
  else
    case "${DOCKER_HOST:-}" in
      tcp://*) host="${DOCKER_HOST#tcp://}"; host="${host%%:*}"; publish=(-p "$any") ;;
      *) host=127.0.0.1; publish=(-p "127.0.0.1:${VLLM_HOST_PORT:-}:8000") ;;
    esac
  fi
fi

# --- 3. vLLM -------------------------------------------------------------------------------------------------
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

kit_container="$name-kit"
cleanup() { docker rm -f "$name" "$kit_container" >/dev/null 2>&1 || true; }
trap cleanup EXIT

say "starting $image serving $model as $served on GPUs: ${gpus:-none}"
# shellcheck disable=SC2086 # VLLM_ARGS is a list of flags
docker run -d --name "$name" "${gpu_flags[@]}" --shm-size "${VLLM_SHM_SIZE:-16g}" "${network[@]}" "${publish[@]}" \
  -e VLLM_API_KEY -e HF_TOKEN "${mounts[@]}" "${entrypoint[@]}" "$image" "${server[@]}" \
  --model "$model" --served-model-name "$served" --host 0.0.0.0 --port 8000 $args >/dev/null
if [ "${#publish[@]}" -gt 0 ]; then
  port="$(docker port "$name" 8000/tcp | head -n 1 | sed 's/.*://')"
fi

logs() { docker logs --tail "$1" "$name" 2>&1 | sed "s/$VLLM_API_KEY/[REDACTED]/g" >&2; }
# Ready means ready: the served model listed by /v1/models (weights take minutes to load). Probed from inside
# vLLM's network namespace when the kit runs there, else from here.
probe() {
  if [ "$kit_mode" = image ]; then
    # From the kit image, in vLLM's network namespace, with bash's /dev/tcp (no curl needed there).
    docker run --rm --network "container:$name" -e VLLM_API_KEY --entrypoint bash "$LLMTCK_IMAGE" -c \
      'exec 3<>/dev/tcp/localhost/8000 && printf "GET /v1/models HTTP/1.0\r\nAuthorization: Bearer %s\r\n\r\n" \
        "$VLLM_API_KEY" >&3 && timeout 5 cat <&3' 2>/dev/null | grep -q "\"id\": *\"$served\""
  else
    curl -sf -H "Authorization: Bearer $VLLM_API_KEY" "http://$host:$port/v1/models" 2>/dev/null \
      | grep -q "\"id\": *\"$served\""
  fi
}
deadline=$(( $(date +%s) + timeout ))
until probe; do
  if [ "$(docker inspect -f '{{.State.Running}}' "$name" 2>/dev/null)" != true ]; then
    say "vLLM exited before serving $served; its log:"
    logs 80
    exit 3
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    say "$served not served within ${timeout}s (raise VLLM_STARTUP_TIMEOUT)"
    logs 40
    exit 3
  fi
  sleep 5
done
say "$served is served at http://$host:$port/v1; running the kit"

# --- 4. the kit ----------------------------------------------------------------------------------------------
status=0
if [ "$kit_mode" = image ]; then
  # shellcheck disable=SC2086
  docker create --name "$kit_container" --network "container:$name" -e LLMTCK_API_KEY="$VLLM_API_KEY" \
    "$LLMTCK_IMAGE" run --base-url "http://localhost:8000/v1" --model "$served" --report-dir /work/llmtck-report \
    ${LLMTCK_RUN_ARGS:---capability tools} >/dev/null
  docker start -a "$kit_container" || status=$?
  docker cp "$kit_container:/work/llmtck-report/." "$report_dir/" >/dev/null 2>&1 || say "no reports to copy"
else
  # shellcheck disable=SC2086
  LLMTCK_API_KEY="$VLLM_API_KEY" "${kit[@]}" run --base-url "http://$host:$port/v1" --model "$served" \
    --report-dir "$report_dir" ${LLMTCK_RUN_ARGS:---capability tools} || status=$?
fi
if [ -f "$report_dir/junit.xml" ]; then
  bash "$here/junit-summary.sh" "$report_dir/junit.xml" "$status" > "$report_dir/summary.md" || true
fi
say "llmtck run exit code $status (0 certified, 1 a MUST clause failed); reports in $report_dir"
exit "$status"
