#!/usr/bin/env bash
# Fault rounds on loopback against a scratch PostgreSQL of its own (never another cluster):
#   scripts/faults/run.sh [--rounds 3] [--writers 4] [--seconds 6]
# Writers register units as fast as they can while, round by round, the service is killed with kill -9 and started
# again, then PostgreSQL is restarted with pg_ctl -m fast and -m immediate under load. At the end every acknowledged
# write (201) is looked up: it prints acknowledged, lost, and the histogram of statuses per phase. Exit 1 if any was lost
# or any answer was a 5xx other than 503.
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/postgres.sh

rounds=3; writers=4; seconds=6
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --writers) writers=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

KINERJA_PG_FSYNC=on pg_provision faults fresh || exit 1
work=$(mktemp -d)
api=$PWD/.local/api-faults
port=$(pg_pick_port 5180)
base="http://127.0.0.1:$port"
service_pid=""
cleanup() {
  [ -n "$service_pid" ] && kill -9 "$service_pid" 2>/dev/null
  pg_as_owner "$PG_BIN/pg_ctl" -D "$KINERJA_PG_DIR/data" -m fast stop >/dev/null 2>&1
  rm -rf "$KINERJA_PG_DIR" "$work"
}
trap cleanup EXIT

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) (shared with other work: figures are indicative)"
dotnet publish src/Api -c Release -o "$api" -v q -nologo >&2 || exit 1
export ConnectionStrings__Kinerja="$KINERJA_PG_CONNECTION" ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$base"
export Kinerja__ApplySchemaOnStart=true RateLimiting__PermitsPerSecond=100000 Serilog__MinimumLevel__Default=Warning
token=$(cd src/Api && dotnet "$api/Kinerja.Api.dll" token --role hr-admin --name faults.bkpsdm 2>/dev/null | tail -1)

start_service() {
  (cd src/Api && exec dotnet "$api/Kinerja.Api.dll" >>"$work/service.log" 2>&1) &
  service_pid=$!
  for _ in $(seq 1 120); do curl -sf "$base/health/ready" >/dev/null && return 0; sleep 0.25; done
  echo "the service did not become ready" >&2; return 1
}

# One writer: registers units W<writer>-<n>, one line per answer: phase, status, code.
writer() {
  local id=$1 n=0 status code
  while [ ! -f "$work/stop" ]; do
    n=$((n + 1)); code="F$id$(printf %06d $n)"
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST "$base/api/v1/units" \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{\"code\":\"$code\",\"name\":\"Unit uji gangguan $code\"}")
    echo "$(cat "$work/phase") $status $code" >>"$work/answers.$id"
    [ "$status" = 000 ] && sleep 0.2
  done
}

phase() { echo "$1" >"$work/phase"; }

start_service || exit 1
phase warm
for w in $(seq 1 "$writers"); do writer "$w" & done
sleep 2
for r in $(seq 1 "$rounds"); do
  phase "kill9"; kill -9 "$service_pid"; sleep 1; phase "kill9-restart"; start_service || exit 1; sleep "$seconds"
  phase "pg-fast"; pg_as_owner "$PG_BIN/pg_ctl" -D "$KINERJA_PG_DIR/data" -m fast -w restart >/dev/null; sleep "$seconds"
  phase "pg-immediate"; pg_as_owner "$PG_BIN/pg_ctl" -D "$KINERJA_PG_DIR/data" -m immediate -w restart >/dev/null; sleep "$seconds"
done
touch "$work/stop"; wait_for=$(jobs -p | grep -v "^$service_pid$"); for j in $wait_for; do wait "$j" 2>/dev/null; done
phase done

cat "$work"/answers.* >"$work/answers"
acknowledged=$(awk '$2 == 201' "$work/answers" | wc -l)
lost=0
while read -r code; do
  got=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/units/$code" -H "Authorization: Bearer $token")
  [ "$got" = 200 ] || { lost=$((lost + 1)); echo "lost: $code ($got)"; }
done < <(awk '$2 == 201 {print $3}' "$work/answers")
echo "rounds: $rounds (kill -9, pg_ctl restart -m fast, -m immediate), writers: $writers"
echo "requests: $(wc -l <"$work/answers"), acknowledged: $acknowledged, lost: $lost"
echo "statuses by phase (000 = no answer: connection refused while the service was down):"
awk '{c[$1" "$2]++} END {for (k in c) print "  " k ": " c[k]}' "$work/answers" | sort
bad=$(awk '$2 >= 500 && $2 != 503' "$work/answers" | wc -l)
echo "5xx other than 503: $bad"
[ "$lost" -eq 0 ] && [ "$bad" -eq 0 ]
