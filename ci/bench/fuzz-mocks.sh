#!/usr/bin/env bash
# Fuzzes the three reference mocks (issues 17 and 18), each a process of its own started as ./llmtck serve
# starts it: seeded mutations of their valid requests (Bedrock's signed with the AWS SDK's signer), HTTP framing
# attacks, pipelines, half-closed requests, dropped streams and slowloris connections, over raw sockets. Prints
# per mock the cases, statuses, 5xx, hangs, and RSS/threads/open files before, at the peak and after a GC; exit
# code 1 when a mock fails a check. Builds the fixtures and bench jars first; options go to MockFuzz and win
# over the defaults below (12,000 cases and 1,000 slowloris connections per mock, slow bodies too).
#   ci/bench/fuzz-mocks.sh
#   ci/bench/fuzz-mocks.sh --mocks bedrock --cases 2000 --seed 7
#   ci/bench/fuzz-mocks.sh --jvm ""          # the JVM's own heap sizing instead of the launcher's -Xmx384m
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -q -pl bench -am package -Dmaven.test.skip=true >&2
java_bin="java"
[ -n "${JAVA_HOME:-}" ] && java_bin="$JAVA_HOME/bin/java"
fixtures="$(ls fixtures/target/llmtck-fixtures-*-all.jar | head -n1)"
bench="$(ls bench/target/llmtck-bench-*-all.jar | head -n1)"
exec "$java_bin" -cp "$bench" dev.llmtck.bench.fuzz.MockFuzz --jar "$fixtures" --cases 12000 --slowloris 1000 \
  --slow-body --work-dir target/fuzz "$@"
