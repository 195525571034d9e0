#!/usr/bin/env bash
# Runs N scenes against the fake Replicate (in the test sources) with a fixed prediction latency and prints
# the job's wall time over the sum of the latencies, FFmpeg time shown apart. Needs PostgreSQL on
# 127.0.0.1:5432 like the tests. Usage: bench/replicate-bench.sh [scenes=6] [latency-ms=2000] [scene-seconds=4] [rounds=3] [chain|independent]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
exec java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" bench/ReplicateBench.java "$@" 2> target/replicate-bench.log
