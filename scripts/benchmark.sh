#!/usr/bin/env bash
# Benchmark of a generated city: events written per second, full rebuild of every projection, query
# latency (p50/p99) over HTTP against the real host, and peak memory. Runs against a scratch PostgreSQL
# cluster of its own (thrown away afterwards), never against the run or test cluster. The benchmark is the
# `benchmark` verb of the development tools (tools/Kinerja.Tools), which boot the service's own host.
# Usage: scripts/benchmark.sh [--employees 10000] [--seed 1] [--iterations 500]
#        scripts/benchmark.sh --rebuild-only [--rounds 2] [--employees 10000] [--seed 1]
#   only rebuilds every projection, on a cluster kept between runs (.local/postgres-benchmark-rebuild; the city
#   is generated into it on the first run): for tuning the rebuild. Delete that directory to start over.
#        scripts/benchmark.sh --imports [--employees 10000] [--seed 1]
#   the bulk import instead: the city's units and employees as CSV files through POST /api/v1/imports (dry run, import,
#   the same file again) and plain Marten appending the same events as the floor (docs/decisions/141).
#        scripts/benchmark.sh --writes [--employees 1000] [--registry 50000] [--duration 12] [--connections 8]
#   the write benchmark instead (wrk against the HTTP API and a plain Marten floor): see scripts/bench/writes.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ " $* " == *" --writes "* ]]; then
  exec scripts/bench/writes.sh "$@"
fi
source scripts/postgres.sh

if [[ " $* " == *" --rebuild-only "* ]]; then
  pg_provision benchmark-rebuild >/dev/null || exit 1
  trap 'pg_stop' EXIT
else
  pg_provision benchmark fresh >/dev/null || exit 1
  trap 'pg_stop; rm -rf "$KINERJA_PG_DIR"' EXIT
fi
# The probes send hundreds of requests a second from one caller and logging every request would be timed
# with them: the rate limit is lifted and request logs are quietened for this process only.
export ConnectionStrings__Kinerja="$KINERJA_PG_CONNECTION" ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:0" \
  RateLimiting__PermitsPerSecond=1000000 Serilog__MinimumLevel__Default=Warning

dotnet build tools/Kinerja.Tools -c Release -v q -nologo >/dev/null
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
echo "machine:  $(nproc) cores ($cpu), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -r); PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') (fsync on)"
echo "started:  $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ " $* " == *" --imports "* ]]; then
  # A 10,000-employee file is about 1.2 MB, over the default body limit of 1 MiB: this process takes up to 64 MiB.
  args=(); for a in "$@"; do [[ "$a" == --imports ]] || args+=("$a"); done
  Kinerja__MaxRequestBodyBytes=67108864 dotnet tools/Kinerja.Tools/bin/Release/net10.0/Kinerja.Tools.dll import-benchmark "${args[@]}"
else
  dotnet tools/Kinerja.Tools/bin/Release/net10.0/Kinerja.Tools.dll benchmark "$@"
fi
echo "finished: $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
