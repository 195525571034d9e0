#!/usr/bin/env bash
# Optional: installs Debian's Java 17, Maven, FFmpeg and espeak-ng (speech for a test) on a Debian or Ubuntu machine and, for the tests, a PostgreSQL
# server on 127.0.0.1:5432 (started if it is not running). Nothing requires it: ./mvnw and the jar bring Maven and
# FFmpeg, and the tests start an embedded PostgreSQL when nothing answers on 5432. Safe to run again.
set -euo pipefail

need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)
# speech for the tests of the mix under a video's own sound (MixUnderVideoIT)
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  if [[ " ${need[*]} " == *" postgresql "* ]]; then
    # a server installed just now, for the tests: local connections as postgres without a password
    hba=$(ls /etc/postgresql/*/main/pg_hba.conf | tail -1)
    sed -i -E 's/^(local|host)(\s+all\s+all\s+.*)\s(peer|scram-sha-256|md5)$/\1\2 trust/' "$hba"
    sed -i -E 's/^(local\s+all\s+postgres\s+)peer$/\1trust/' "$hba"
  fi
fi

# the tests create a database per test class on this server (trust authentication on 127.0.0.1)
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  version=$(ls /etc/postgresql | sort -n | tail -1)
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
if [[ " ${need[*]:-} " == *" postgresql "* ]]; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -n | tail -1)" main reload
fi
pg_isready -h 127.0.0.1 -p 5432
java -version 2>&1 | head -1
ffmpeg -version | head -1
espeak-ng --version | head -1
