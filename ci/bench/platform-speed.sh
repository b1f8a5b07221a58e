#!/usr/bin/env bash
# The reference platform's speed against WireMock and a raw server, and 1,000 paced streams' drift, in one run.
# Builds the bench module's jar, then runs it; options go to PlatformSpeedBench (--help lists them).
#   ci/bench/platform-speed.sh
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ci/bench/platform-speed.sh --rounds 5
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -q -pl bench -am package -Dmaven.test.skip=true >&2
java_bin="java"
[ -n "${JAVA_HOME:-}" ] && java_bin="$JAVA_HOME/bin/java"
jar="$(ls bench/target/llmtck-bench-*-all.jar | head -n1)"
exec "$java_bin" ${BENCH_JAVA_OPTS:--Xms1g -Xmx1g} -jar "$jar" "$@"
