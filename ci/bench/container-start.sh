#!/usr/bin/env bash
# Start-to-ready time of each mock image: from `docker run` to the first 200 from its readiness URL, several
# runs per image, median and worst printed. Target: under 3 s. Images are built locally (see ci/machine).
#
#   ci/bench/container-start.sh                        # the three mock images, 5 runs each
#   RUNS=10 ci/bench/container-start.sh llmtck/vllm-simulator=8000:/health
#
# An argument is IMAGE[:TAG][=PORT:PATH]: without a tag the newest local tag of IMAGE is used; without
# PORT:PATH the image's readiness URL below (what its Testcontainers wait strategy polls) applies.
set -euo pipefail
runs="${RUNS:-5}"
declare -A ready=(
  [llmtck/vllm-simulator]="8000:/health"
  [llmtck/bedrock-mock]="8080:/llmtck/ready"
  [llmtck/azure-openai-mock]="8080:/llmtck/ready"
)
if [ "$#" -eq 0 ]; then
  set -- llmtck/vllm-simulator llmtck/bedrock-mock llmtck/azure-openai-mock
fi
command -v curl >/dev/null || { echo "container-start: needs curl" >&2; exit 2; }
docker info >/dev/null 2>&1 || { echo "container-start: no Docker engine (start dockerd first)" >&2; exit 2; }

now_ms() { date +%s%3N; }

for arg in "$@"; do
  image="${arg%%=*}"
  spec="${ready[${image%:*}]:-${ready[$image]:-}}"
  [ "$arg" != "$image" ] && spec="${arg#*=}"
  if [ -z "$spec" ]; then echo "container-start: no readiness port:path for $image" >&2; exit 2; fi
  port="${spec%%:*}"; path="${spec#*:}"
  if [[ "${image##*/}" != *:* ]]; then   # no tag: the newest one built here
    tag="$(docker images --format '{{.Tag}}' "$image" | grep -v '<none>' | head -n1 || true)"
    [ -n "$tag" ] && image="$image:$tag"
  fi
  if ! docker image inspect "$image" >/dev/null 2>&1; then
    echo "$image: image not built here (skipped)"
    continue
  fi
  times=()
  for _ in $(seq 1 "$runs"); do
    start=$(now_ms)
    id=$(docker run -d --rm -p "127.0.0.1::$port" "$image")
    host_port=$(docker port "$id" "$port/tcp" | head -n1 | sed 's/.*://')
    ok=""
    while [ $(( $(now_ms) - start )) -lt 60000 ]; do
      if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$host_port$path" || true)" = "200" ]; then
        ok=1; break
      fi
      sleep 0.02
    done
    end=$(now_ms)
    docker rm -f "$id" >/dev/null 2>&1 || true
    if [ -z "$ok" ]; then echo "$image: not ready within 60 s" >&2; exit 1; fi
    times+=($(( end - start )))
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  median=${sorted[$(( ${#sorted[@]} / 2 ))]}
  worst=${sorted[-1]}
  verdict=$([ "$median" -lt 3000 ] && echo "MET" || echo "MISSED by $(( median - 3000 )) ms")
  echo "$image: start-to-ready median ${median} ms, worst ${worst} ms over ${runs} runs (${sorted[*]}); target < 3000 ms: $verdict"
done
