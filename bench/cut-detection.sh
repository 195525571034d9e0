#!/usr/bin/env bash
# Accuracy of the cut detection behind "storyboard": "auto": makes videos with known cuts (and a pan, noise, zooms
# and fades that are not cuts) with FFmpeg's own sources, runs the detector on them at several thresholds, and
# prints how many cuts are found within one frame, missed and invented. Run from the repository root after
# `mvn -q compile`. FFmpeg: SCENESCORE_FFMPEG, else ffmpeg on PATH, else the one the service extracted from its jar.
# Usage: bench/cut-detection.sh [min_scene_seconds]   (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/classes/io/scenescore/storyboard/Shots.class ]; then
  echo "target/classes has no io.scenescore.storyboard: run 'mvn -q compile' first" >&2
  exit 1
fi
ffmpeg="${SCENESCORE_FFMPEG:-$(command -v ffmpeg || true)}"
if [ -z "$ffmpeg" ]; then
  ffmpeg="$(ls "${SCENESCORE_CACHE_DIR:-$HOME/.cache/scenescore}"/ffmpeg-*/ffmpeg 2>/dev/null | head -1 || true)"
fi
if [ -z "$ffmpeg" ]; then
  echo "no ffmpeg: set SCENESCORE_FFMPEG, put one on PATH, or run the service once (it extracts its own)" >&2
  exit 1
fi
exec java -cp target/classes bench/CutDetectionBench.java "$ffmpeg" "$@"
