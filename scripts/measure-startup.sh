#!/usr/bin/env bash
# Benchmark: API start-to-ready time and memory at rest. Builds first (not timed), then starts the
# service N times (default 3) against the run cluster and prints one line per start.
#   scripts/measure-startup.sh [RUNS] [--against REV] [--telemetry]
# With --telemetry, this tree starts alternately with the OpenTelemetry exporter off (the default) and on (OTLP to a
# local port where no collector listens, so the exporter does all its work and then fails to send).
# With --against, the commit REV is exported to a scratch folder and built too, and its starts alternate with
# this tree's, so both see the same load from other processes on the machine. Each line gives the wall time to
# the first 200 of /health/ready, the CPU time the process used until then (less sensitive to other load) and
# the RSS 5 s later; then it registers a webhook subscription, which makes Wolverine handle its first message
# (a delivery to a closed port), and gives the CPU time that took and the RSS 5 s later; then it deletes it.
# Each tree first starts once untimed; with --against, REV starts on a schema of its own (kinerja_against).
# Each tree is started the way its own scripts/run.sh starts it: published ReadyToRun where run.sh publishes
# (docs/decisions/069), else the plain Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh
runs=3; against=""; telemetry=""
while [ $# -gt 0 ]; do
  case "$1" in
    --against) against=$2; shift 2 ;;
    --telemetry) telemetry=1; shift ;;
    *) runs=$1; shift ;;
  esac
done
port=$(pg_pick_port 5180)
pg_provision run >/dev/null
export ConnectionStrings__Kinerja="$KINERJA_PG_CONNECTION" ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port"
# Builds the tree in $1 as its run.sh would and prints the service's dll.
build_tree() {
  if grep -q PublishReadyToRun "$1/scripts/run.sh"; then
    (cd "$1" && dotnet publish src/Api -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o .local/api -v q -nologo >/dev/null)
    echo "$1/.local/api/Kinerja.Api.dll"
  else
    (cd "$1" && dotnet build src/Api -c Release -v q -nologo >/dev/null)
    echo "$1/src/Api/bin/Release/net10.0/Kinerja.Api.dll"
  fi
}
trees=("current|$PWD|$(build_tree "$PWD")|")
if [ -n "$telemetry" ]; then
  trees=("otel-off|$PWD|${trees[0]#*|*|}" "otel-on|$PWD|${trees[0]#*|*|}Kinerja__Telemetry__OtlpEndpoint=http://127.0.0.1:4317")
fi
if [ -n "$against" ]; then
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  git archive "$against" | tar -x -C "$scratch"
  # Its own schema: both builds stamp the schema they start on (docs/decisions/156, 167), and a stamp written by the other
  # build would make every start of each compare and migrate the schema again.
  trees=("$against|$scratch|$(build_tree "$scratch")|Kinerja__Schema=kinerja_against" "${trees[@]}")
fi
ticks=$(getconf CLK_TCK)
last=${trees[-1]%|*}
token=$(cd src/Api && dotnet "${last##*|}" token --role hr-admin --name measure-startup)
cpu_of() { echo $(( $(awk '{print $14 + $15}' "/proc/$1/stat") * 1000 / ticks )); }
rss_of() { echo $(( $(awk '/VmRSS/{print $2}' "/proc/$1/status") / 1024 )); }
api() { curl -fs -X "$1" "http://127.0.0.1:$port/api/v1/webhook-subscriptions$2" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "${@:3}"; }
# One untimed start of each tree first, so each timed start finds the schema as the tree's own last start left it (stamped).
for tree in "${trees[@]}"; do
  IFS='|' read -r name dir dll extra <<<"$tree"
  (cd "$dir/src/Api" && exec env $extra dotnet "$dll") >/dev/null 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do sleep 0.05; done
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
echo "machine: $(nproc) cores ($(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -r); $(date -u +%FT%TZ)"
for i in $(seq "$runs"); do
  for tree in "${trees[@]}"; do
    IFS='|' read -r name dir dll extra <<<"$tree"
    load=$(cut -d' ' -f1 /proc/loadavg)
    start=$(date +%s%N)
    # From the project folder (its appsettings), as run.sh does.
    (cd "$dir/src/Api" && exec env $extra dotnet "$dll") >/dev/null 2>&1 &
    pid=$!
    until curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do sleep 0.05; done
    ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    cpu_ms=$(cpu_of "$pid")
    sleep 5
    rss_mb=$(rss_of "$pid")
    before_ms=$(cpu_of "$pid")
    id=$(api POST "" -d '{"url":"http://127.0.0.1:9/hook","eventTypes":["employee.registered"],"secret":"measure-startup-secret"}' | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
    sleep 5
    message_ms=$(( $(cpu_of "$pid") - before_ms ))
    message_rss_mb=$(rss_of "$pid")
    api DELETE "/$id" >/dev/null || true
    echo "run $i ($name): ready after ${ready_ms} ms (CPU ${cpu_ms} ms, load average ${load}); RSS at rest ${rss_mb} MiB; first message: CPU ${message_ms} ms, RSS ${message_rss_mb} MiB"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done
