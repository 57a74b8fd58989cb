#!/usr/bin/env bash
# The read probes of a kept province against those of a kept city, run by `scripts/benchmark.sh --scale-probes` (issue 18: every
# probe's p99 within 1.5 times the city's). Both live in the rebuild cluster (.local/postgres-benchmark-rebuild), the province in
# schema kinerja and the city in schema benchmark_city. Each is served by a service of its own, the published Api as it runs in
# production, and the tools' `scale-probes` verb sends every probe's requests to the two in turn, the side that goes first turning
# with each request (docs/decisions/177): whatever else the machine does in a second falls on both alike, where timing one side after
# the other minutes apart (as until stop 35) put a moment's checkpoint or load on one side only.
# Set up once:
#   scripts/benchmark.sh --rebuild-only --employees 50000                                   (the province, schema kinerja)
#   Kinerja__Schema=benchmark_city scripts/benchmark.sh --rebuild-only --employees 10000 --rounds 1   (the city)
# Usage: scripts/benchmark.sh --scale-probes [--rounds 2] [--iterations 1000] [--warm-pass 300]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/postgres.sh

verb_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --scale-probes) ;;
    --rounds|--iterations|--warm-pass) verb_args+=("$1" "$2"); shift ;;
    *) echo "unknown argument $1; usage: scripts/benchmark.sh --scale-probes [--rounds 2] [--iterations 1000] [--warm-pass 300]" >&2; exit 2 ;;
  esac
  shift
done

# PostgreSQL's own time for each side's statements is printed beside the latencies (pg_stat_statements; a cluster already running
# without it is used as it is, and the verb says that figure is missing).
export KINERJA_PG_OPTIONS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on"
pg_provision benchmark-rebuild >/dev/null || exit 1
api=$PWD/.local/api-probes work=$(mktemp -d)
declare -A pid url
cleanup() {
  for side in city province; do [ -n "${pid[$side]:-}" ] && kill "${pid[$side]}" 2>/dev/null && wait "${pid[$side]}" 2>/dev/null; done
  pg_stop; rm -rf "$work"
}
trap cleanup EXIT
dotnet publish src/Api -c Release -o "$api" -v q -nologo >/dev/null
dotnet build tools/Kinerja.Tools -c Release -v q -nologo >/dev/null
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
echo "machine:  $(nproc) cores ($cpu), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -r); PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') (fsync on)"
echo "started:  $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"

# The probes send hundreds of requests a second from one caller: the rate limit is lifted and request logs are quietened.
export ASPNETCORE_ENVIRONMENT=Development RateLimiting__PermitsPerSecond=1000000 Serilog__MinimumLevel__Default=Warning
port=5290
start() { # start SIDE SCHEMA
  port=$(pg_pick_port $((port + 1))); url[$1]="http://127.0.0.1:$port"
  (cd src/Api && ConnectionStrings__Kinerja="$KINERJA_PG_CONNECTION;Application Name=kinerja-probes-$1" Kinerja__Schema=$2 ASPNETCORE_URLS="${url[$1]}" \
    exec dotnet "$api/Kinerja.Api.dll" >"$work/$1.log" 2>&1) &
  pid[$1]=$!
  for _ in $(seq 1 480); do curl -sf "${url[$1]}/health/ready" >/dev/null && return 0; sleep 0.25; done
  echo "the $1's service did not become ready" >&2; tail -20 "$work/$1.log" >&2; return 1
}
start city benchmark_city
start province kinerja
ConnectionStrings__Kinerja="$KINERJA_PG_CONNECTION" dotnet tools/Kinerja.Tools/bin/Release/net10.0/Kinerja.Tools.dll scale-probes \
  --city "${url[city]}" --province "${url[province]}" "${verb_args[@]+"${verb_args[@]}"}"
for side in city province; do
  echo "memory:   the $side's service: $(awk '/VmHWM/ {printf "peak %d MiB", $2 / 1024} /VmRSS/ {printf ", now %d MiB", $2 / 1024}' "/proc/${pid[$side]}/status")"
done
# The service logs compact JSON (CLEF), whose level "@l" is written for every event above Information.
errors='"@l":"(Error|Fatal)"'
if grep -qE "$errors" "$work"/*.log; then
  echo "errors in the services' logs:" >&2; grep -hE "$errors" "$work"/*.log | head -5 >&2; exit 1
fi
