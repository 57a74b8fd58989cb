#!/usr/bin/env bash
# Benchmark of a generated city: events written per second, full rebuild of every projection, query
# latency (p50/p99) over HTTP against the real host, and peak memory. Runs against a scratch PostgreSQL
# cluster of its own (thrown away afterwards), never against the run or test cluster. The benchmark is the
# `benchmark` verb of the development tools (tools/Kinerja.Tools), which boot the service's own host.
# Usage: scripts/benchmark.sh [--employees 10000] [--seed 1] [--iterations 500]
#        scripts/benchmark.sh --rebuild-only [--rounds 2] [--employees 10000] [--seed 1] [--projection NAME]
#   only rebuilds every projection (or the one named), on a cluster kept between runs (.local/postgres-benchmark-rebuild;
#   the city is generated into it on the first run): for tuning the rebuild. Delete that directory to start over.
#        scripts/benchmark.sh --imports [--employees 10000] [--seed 1]
#   the bulk import instead: the city's units and employees as CSV files through POST /api/v1/imports (dry run, import,
#   the same file again) and plain Marten appending the same events as the floor (docs/decisions/141).
#        scripts/benchmark.sh --writes [--employees 1000] [--registry 50000] [--duration 12] [--connections 8] [--account]
#   the write benchmark instead (wrk against the HTTP API and a plain Marten floor): see scripts/bench/writes.sh; --account
#   also lists PostgreSQL's statements and the service's frames by their share of a public feedback (docs/decisions/170).
#        scripts/benchmark.sh --province [--employees 50000] [--city 10000] [--seed 1] [--iterations 300]
#   a province (50,000 ASN, about 1.8 million events) after a city (10,000 ASN) on the same scratch cluster, each in a process and
#   schema of its own: both full benchmarks, then the province's figures as ratios to the city's and the targets of issue 18
#   (rebuild within 3 minutes, every probe's p99 within 1.5 times the city's). About 15-20 minutes on an idle 2-core machine.
#        scripts/benchmark.sh --probes-only [--iterations 300] [--warm-pass 300]
#   only the query probes, on the city kept by --rebuild-only (after changing an index or a query). Every run times each probe
#   after N untimed requests of every probe (300 unless --warm-pass says otherwise), so runs compared start warm (decision 162).
#        scripts/benchmark.sh --scale-probes [--rounds 2] [--iterations 1000] [--warm-pass 300]
#   the kept province's probes against a city kept beside it in the same cluster (schema benchmark_city), each served by a service of
#   its own and timed request by request in turn, with every probe's p99 ratio: see scripts/bench/scale-probes.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ " $* " == *" --writes "* ]]; then
  exec scripts/bench/writes.sh "$@"
fi
if [[ " $* " == *" --scale-probes "* ]]; then
  exec scripts/bench/scale-probes.sh "$@"
fi
source scripts/postgres.sh

province=
city=10000 size=50000 args=()
while [ $# -gt 0 ]; do
  case $1 in
    --province) province=1 ;;
    --city) city=$2; shift ;;
    --employees) size=$2; args+=("$1" "$2"); shift ;;
    *) args+=("$1") ;;
  esac
  shift
done
set -- "${args[@]+"${args[@]}"}"

if [[ " $* " == *" --rebuild-only "* || " $* " == *" --probes-only "* ]]; then
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

tools=tools/Kinerja.Tools/bin/Release/net10.0/Kinerja.Tools.dll
if [[ " $* " == *" --imports "* ]]; then
  # A 10,000-employee file is about 1.2 MB, over the default body limit of 1 MiB: this process takes up to 64 MiB.
  args=(); for a in "$@"; do [[ "$a" == --imports ]] || args+=("$a"); done
  # The service runs with tiered PGO off (the Api's runtimeconfig, docs/decisions/170); the tools' runtimeconfig does not say so,
  # and the service hosted here recompiled its hot methods a third time during the import (docs/decisions/174): it is timed as it runs.
  DOTNET_TieredPGO=${DOTNET_TieredPGO:-0} Kinerja__MaxRequestBodyBytes=67108864 dotnet "$tools" import-benchmark "${args[@]}"
elif [ -n "$province" ]; then
  # The city first, as the floor the province is measured against within minutes on the same machine and cluster; each in its own
  # schema and process (its own JIT warm-up and memory high-water mark).
  echo "== city of $city ASN (schema benchmark_city), the floor the province is compared with"
  Kinerja__Schema=benchmark_city dotnet "$tools" benchmark "$@" --employees "$city" --report "$KINERJA_PG_DIR/city.json"
  echo "== province of $size ASN (schema kinerja), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  dotnet "$tools" benchmark "$@" --employees "$size" --report "$KINERJA_PG_DIR/province.json" --against "$KINERJA_PG_DIR/city.json"
else
  dotnet "$tools" benchmark "$@"
fi
echo "finished: $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
