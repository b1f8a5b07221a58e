#!/usr/bin/env bash
# Measures how long one of llmtck's images takes from `docker run` to ready: the container is created and
# started, then polled every 20 ms until the ready URL answers 200 (for the vLLM simulator, GET /v1/models,
# which lists the served model only once it is loaded). Prints each run and the median.
#   ci/bench/container-start-to-ready.sh [runs]                       # llmtck/vllm-simulator, 7 runs
#   IMAGE=llmtck/bedrock-mock:0.1.0-SNAPSHOT PORT=8080 READY_PATH=/llmtck/ready \
#     ci/bench/container-start-to-ready.sh 7 --bind 0.0.0.0 --port 8080
# The image must exist: `./mvnw verify` (or LlmtckImage.main) builds it.
set -euo pipefail
runs="${1:-7}"
shift || true
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version="$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' "$here/pom.xml")"
image="${IMAGE:-llmtck/vllm-simulator:$version}"
port="${PORT:-8000}"
ready_path="${READY_PATH:-/v1/models}"
if [ "$#" -eq 0 ] && [ -z "${IMAGE:-}" ]; then
  set -- --model mistralai/Mistral-7B-Instruct-v0.3 --served-model-name mistral-7b --tokenizer-mode mistral
fi
docker image inspect "$image" >/dev/null 2>&1 || { echo "no image $image: run ./mvnw verify first" >&2; exit 1; }

times=()
for ((i = 1; i <= runs; i++)); do
  start=$(date +%s%N)
  id=$(docker run -d -p "127.0.0.1::$port" "$image" "$@")
  mapped=$(docker port "$id" "$port/tcp" | head -n1 | sed 's/.*://')
  until curl -sf -o /dev/null "http://127.0.0.1:$mapped$ready_path"; do
    if [ $(( ($(date +%s%N) - start) / 1000000 )) -gt 60000 ]; then
      echo "run $i: not ready within 60 s" >&2; docker logs "$id" >&2; docker rm -f "$id" >/dev/null; exit 1
    fi
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  docker rm -f "$id" >/dev/null
  times+=("$ms")
  echo "run $i: ${ms} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}')
echo "$image start-to-ready over $runs runs: median ${median} ms (min $(printf '%s\n' "${times[@]}" | sort -n | head -1), max $(printf '%s\n' "${times[@]}" | sort -n | tail -1)); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
