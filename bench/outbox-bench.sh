#!/usr/bin/env bash
# The file drop's outbox poll as dropped jobs pile up: PostgreSQL's CPU per poll before V15 and now, and what V15's
# triggers add to a job's update. Needs PostgreSQL on 127.0.0.1:5432 like the tests, and a quiet machine.
# Usage: bench/outbox-bench.sh [drops=50000] [polls=20]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
exec java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" bench/OutboxBench.java "$@" 2> target/outbox-bench.log
