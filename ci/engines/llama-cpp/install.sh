#!/usr/bin/env bash
# Creates (once per machine) the llama-cpp venv of ci/python/llama-cpp.lock and prints the path of its python:
# llama-cpp-python's server (llama.cpp compiled from the sdist, the only distribution PyPI has) and the gguf package.
#   ci/engines/llama-cpp/install.sh           -> /root/.cache/llmtck/venvs/llama-cpp-<hash>/bin/python
#   ci/engines/llama-cpp/install.sh --check   checks what the build needs, installs nothing; says what is missing
# The venv itself is made by ci/python/venv.sh (pip install --no-deps -r the lock, cached by the lock's hash); this
# script only sets the build up for it, from the lock's two `# build` lines (see there for why these settings):
#   CMAKE_ARGS             llama.cpp's CMake options (portable AVX2 build, no multimodal library);
#   PIP_CONSTRAINT         pins pip's isolated build environment (scikit-build-core, and cmake/ninja when fetched);
#   CMAKE_BUILD_PARALLEL_LEVEL  every core (a Makefile build would otherwise run one job);
#   PIP_CACHE_DIR          a pip cache of its own, named after the build lines: pip caches the wheel it compiled
#                          by the sdist alone, so with the shared cache a changed CMAKE_ARGS would reuse the old
#                          build; here a wheel is reused only when built with the same settings.
# Needs Python 3.11+ (venv.sh), a C and C++ compiler, and cmake >= 3.21 (else pip fetches the pinned one from
# PyPI). As root on Debian it installs g++ when no compiler is found, as venv.sh does for python3-venv.
# The compile takes 10 to 15 minutes on two cores; every later call returns at once.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python_dir="$here/../../python"
lock="$python_dir/llama-cpp.lock"
check_only=false
[ "${1:-}" = "--check" ] && check_only=true

build_line() { sed -n "s/^# build $1: //p" "$lock"; }
cmake_args="$(build_line CMAKE_ARGS)"
build_requirements="$(build_line requirements)"
[ -n "$cmake_args" ] && [ -n "$build_requirements" ] || {
  echo "llama-cpp: $lock lacks its '# build CMAKE_ARGS:' or '# build requirements:' line" >&2; exit 2; }
cache="${LLMTCK_CACHE_DIR:-$HOME/.cache/llmtck}"

# What venv.sh will find: the same search, so --check answers for the real run.
have_python() {
  for candidate in "${LLMTCK_PYTHON:-}" python3.12 python3.11 python3.13 python3; do
    [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 || continue
    "$candidate" -c 'import sys, venv, ensurepip; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null \
      && return 0
  done
  return 1
}
have_compilers() { { command -v cc || command -v gcc; } >/dev/null 2>&1 && { command -v c++ || command -v g++; } >/dev/null 2>&1; }
can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }
cmake_version() { cmake --version 2>/dev/null | sed -n 's/^cmake version \([0-9.]*\).*/\1/p'; }

missing=()
have_python || can_apt || missing+=("Python 3.11+ with the venv module (set LLMTCK_PYTHON, or apt-get install python3 python3-venv)")
have_compilers || can_apt || missing+=("a C and C++ compiler to build llama.cpp (apt-get install g++)")
if $check_only; then
  if [ "${#missing[@]}" -gt 0 ]; then
    printf 'llama-cpp: cannot build llama-cpp-python here: missing %s\n' "${missing[@]}" >&2
    exit 2
  fi
  version="$(cmake_version)"
  echo "llama-cpp: can build: python ok, compiler $(have_compilers && echo ok || echo 'from apt-get'), cmake" \
    "${version:-not found (pip fetches the pinned one from PyPI)}" >&2
  exit 0
fi
if [ "${#missing[@]}" -gt 0 ]; then
  printf 'llama-cpp: cannot build llama-cpp-python here: missing %s\n' "${missing[@]}" >&2
  exit 2
fi
if ! have_compilers; then
  echo "llama-cpp: installing Debian's g++ (llama.cpp is compiled from source)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq g++ >/dev/null
fi

build_key="$( (build_line CMAKE_ARGS; build_line requirements) | sha256sum | cut -c1-12)"
constraints="$cache/pip/llama-cpp-$build_key/build-constraints.txt"
mkdir -p "$(dirname "$constraints")"
tr ' ' '\n' <<<"$build_requirements" >"$constraints.tmp" && mv "$constraints.tmp" "$constraints"
# Said before the compile (pip is quiet), so a launch log shows why nothing happens for ten minutes; an existing
# venv is found at once and compiles nothing.
echo "llama-cpp: venv of ci/python/llama-cpp.lock (the first time on a machine pip compiles llama.cpp with" \
  "CMAKE_ARGS=$cmake_args: 10 to 15 minutes on two cores)" >&2
CMAKE_ARGS="$cmake_args" \
  CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc 2>/dev/null || echo 2)}" \
  PIP_CONSTRAINT="$constraints" \
  PIP_CACHE_DIR="$cache/pip/llama-cpp-$build_key" \
  exec bash "$python_dir/venv.sh" llama-cpp
