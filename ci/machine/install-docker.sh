#!/usr/bin/env bash
# Makes a Docker engine available on a fresh Debian machine (as root). Idempotent: installs docker.io only
# when no engine is installed, starts dockerd in the background only when it is not answering, then waits
# (bounded) until `docker info` works. No image is pulled: every image the tests use is built locally.
set -euo pipefail

wait_seconds="${LLMTCK_DOCKER_WAIT_SECONDS:-60}"
log="${LLMTCK_DOCKERD_LOG:-/tmp/llmtck-dockerd.log}"

say() { echo "install-docker: $*" >&2; }

if docker info >/dev/null 2>&1; then
  say "Docker engine already running"
  exit 0
fi

if ! command -v dockerd >/dev/null 2>&1; then
  say "installing docker.io from the machine's apt sources"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq docker.io >/dev/null
fi

if ! pgrep -x dockerd >/dev/null 2>&1; then
  say "starting dockerd in the background (log: $log)"
  # setsid: dockerd must outlive this script and must not receive the caller's signals.
  setsid dockerd >"$log" 2>&1 </dev/null &
fi

for ((i = 0; i < wait_seconds; i++)); do
  if docker info >/dev/null 2>&1; then
    say "Docker engine ready after ${i}s"
    exit 0
  fi
  sleep 1
done

say "Docker engine did not answer within ${wait_seconds}s; last lines of $log:"
tail -n 30 "$log" >&2 || true
exit 1
