#!/usr/bin/env bash
# Benchmark: API start-to-ready time and memory at rest. Builds first (not timed), then starts the
# service N times (default 3) against the run cluster and prints one line per start and a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh
runs=${1:-3}
port=$(pg_pick_port 5180)
pg_provision run >/dev/null
export ConnectionStrings__Kinerja="$KINERJA_PG_CONNECTION" ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port"
dotnet build src/Api -c Release -v q -nologo >/dev/null
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -r); $(date -u +%FT%TZ)"
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  (cd src/Api && exec dotnet bin/Release/net10.0/Kinerja.Api.dll) >/dev/null 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do sleep 0.05; done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 5
  rss_mb=$(( $(awk '/VmRSS/{print $2}' /proc/$pid/status) / 1024 ))
  echo "run $i: ready after ${ready_ms} ms; RSS at rest ${rss_mb} MiB"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
