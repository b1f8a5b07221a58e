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
opts="${BENCH_JAVA_OPTS:--Xms1g -Xmx1g}"
# JDK 24 and later warn on every start that Netty uses sun.misc.Unsafe (JEP 498) and loads its native epoll
# library (JEP 472); allowing both keeps the output readable and Netty on the same paths as on JDK 17. The
# forked measurements run from the class path, where the jar's Enable-Native-Access entry does not apply.
major="$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [ "${major:-17}" -ge 24 ] 2>/dev/null; then
  opts="$opts --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
fi
exec "$java_bin" $opts -jar "$jar" "$@"
