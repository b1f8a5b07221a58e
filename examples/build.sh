#!/usr/bin/env bash
# Builds and tests llmtck's examples the way a user's projects build: each is its own Maven project that knows
# llmtck only through llmtck-bom and llmtck's artifacts in the local repository. Run `./mvnw install` at llmtck's
# root first (the script says so when they are missing).
#   examples/build.sh                     # every example
#   examples/build.sh openai-verification-junit5
# A build that must not touch ~/.m2 installs llmtck into a private local repository seeded with a copy of it:
#   cp -r ~/.m2/repository /tmp/llmtck-m2
#   ./mvnw install -DskipTests -Dmaven.repo.local=/tmp/llmtck-m2 -pl bom,fixtures,containers,tck -am
#   LLMTCK_LOCAL_REPOSITORY=/tmp/llmtck-m2 examples/build.sh
# Offline by default: each example builds with `mvn -o`, nothing from the network; an example that needs something
# the local repository lacks (JUnit 5.10, which llmtck's own build never fetches, ...) fails, naming it.
#   examples/build.sh --online            # Maven may fetch third-party artifacts (JUnit 5.10) from its remote;
#                                         # llmtck's own still come from the local repository only: no remote has them
# The container example needs Docker (and, without a registry, LLMTCK_BASE_IMAGE naming a local JRE image and
# TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_CHECKS_DISABLE=true); with CI=true it fails without Docker.
# Each example's `mvn dependency:tree` lands in <example>/target/dependency-tree.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if command -v mvn >/dev/null 2>&1; then mvn=(mvn); else mvn=("$here/../mvnw"); fi

version="$(sed -n 's:.*<llmtck.version>\(.*\)</llmtck.version>.*:\1:p' "$here/openai-verification-junit6/pom.xml")"
# Where `mvn install` put llmtck: the default local repository, or LLMTCK_LOCAL_REPOSITORY (then passed on as
# -Dmaven.repo.local, for a root build installed with the same -Dmaven.repo.local).
repo="${LLMTCK_LOCAL_REPOSITORY:-$HOME/.m2/repository}"
[ -n "${LLMTCK_LOCAL_REPOSITORY:-}" ] && mvn+=("-Dmaven.repo.local=$LLMTCK_LOCAL_REPOSITORY")
if [ ! -f "$repo/dev/llmtck/llmtck-bom/$version/llmtck-bom-$version.pom" ]; then
  echo "examples: llmtck $version is not in $repo: run ./mvnw install at llmtck's root first" >&2
  exit 2
fi

mode=offline offline=(-o)
if [ "${1:-}" = --online ]; then
  mode=online offline=()
  shift
fi
examples=("$@")
[ "${#examples[@]}" -gt 0 ] || examples=(openai-verification-junit5 openai-verification-junit6 bedrock-testcontainers-junit6)

failed=()
for example in "${examples[@]}"; do
  pom="$here/$example/pom.xml"
  [ -f "$pom" ] || { echo "examples: no example $example" >&2; exit 2; }
  log="$(mktemp)"
  echo "examples: $example ($mode)" >&2
  status=0
  "${mvn[@]}" -B "${offline[@]}" -f "$pom" verify >"$log" 2>&1 || status=$?
  grep -E "Tests run:|BUILD" "$log" | cut -c1-200 | tail -n 12 >&2 || true
  if [ "$status" -ne 0 ]; then
    failed+=("$example")
    echo "examples: $example FAILED; the end of its log (lines cut at 300 characters):" >&2
    tail -n 80 "$log" | cut -c1-300 >&2
  else
    "${mvn[@]}" -B "${offline[@]}" -q -f "$pom" dependency:tree -DoutputFile="$here/$example/target/dependency-tree.txt" \
      >/dev/null 2>&1 || true
  fi
  rm -f "$log"
done
if [ "${#failed[@]}" -gt 0 ]; then
  echo "examples: failed: ${failed[*]}" >&2
  exit 1
fi
echo "examples: all passed: ${examples[*]}" >&2
