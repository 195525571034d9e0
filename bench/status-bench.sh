#!/usr/bin/env bash
# The status route under wrk (apt-get install wrk): a finished job and a running one, each in full and as a
# 304, against the fake Replicate. Needs PostgreSQL on 127.0.0.1:5432 like the tests.
# Usage: bench/status-bench.sh [seconds=15] [connections=32] [threads=2]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
exec java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" bench/StatusBench.java "$@" 2> target/status-bench.log
