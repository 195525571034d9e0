#!/usr/bin/env bash
# Many runs at once against the fake Replicate (test sources), the service started by ./scenescore with its own
# JVM settings: wall over floor, CPU-seconds per run, peak resident memory. Needs PostgreSQL on 127.0.0.1:5432 like
# the tests, and a quiet machine. Usage: bench/load-bench.sh [runs=100] [scenes=4] [latency-ms=3000] [scene-seconds=4] [warm-up batches=2]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
exec java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" bench/LoadBench.java "$@" 2> target/load-bench.log
