#!/usr/bin/env bash
# Benchmark of the built-in composer: renders one minute of music (4 scenes x 15 s) a few times and prints CPU
# and wall seconds per minute of music. Run from the repository root after `mvn -q compile`.
# Usage: bench/composer-bench.sh [rounds]   (default 3 warm rounds after one cold round)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/classes/io/scenescore/composer/SceneComposer.class ]; then
  echo "target/classes has no composer: run 'mvn -q compile' first" >&2
  exit 1
fi
exec java --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED -cp target/classes bench/ComposerBench.java "$@"
