#!/usr/bin/env bash
# The write benchmark, run by `scripts/benchmark.sh --writes` (issue 14, part 7). One scratch PostgreSQL cluster
# (fsync on, thrown away afterwards) holds three schemas:
#   kinerja      a generated city (--employees, default 1,000 ASN with the cycle of 2026 under way)
#   registry     a registry-only city (--registry, default 50,000 ASN: units and ASN, no cycles)
#   writefloor   tools/Kinerja.WriteFloor's streams
# and wrk (scripts/bench/*.lua) drives, with --connections (8) for --duration seconds (12) after a warm-up (3 s):
#   a. public feedback as the portal, each request to a random appraisal of the running cycle, a new submission id each;
#   b. registration as hr-admin with new valid NIPs, on the city and on the registry-only city;
#   c. the floor: FetchForExclusiveWriting through an inline snapshot, one event, SaveChangesAsync, the body of (a),
#      with Kinerja's statement preparation (Max Auto Prepare) on the same cluster.
# It prints requests/s, p50/p99, answers that were not 2xx, the ratios, the Kinerja process's memory at rest and at
# its peak under the writes, CPU time per request of the service and of PostgreSQL, and the statements PostgreSQL
# ran for a few single requests (log_min_duration_statement = 0 for those requests only).
# With --account, the measured public feedback is also accounted (docs/decisions/170): PostgreSQL's time by statement
# (pg_stat_statements, nested statements of triggers and functions included) and the service's CPU by frame (perf's samples
# with the runtime's perf map, written to the bench folder and summarised by inclusive share); the sampling slows the service, so
# an accounted run's rates are not compared with plain runs. The samples, the runtime's perf map and the frame list are copied to
# $KINERJA_ACCOUNT_KEEP (default /tmp) before the scratch cluster's folder goes.
# Usage: scripts/benchmark.sh --writes [--employees 1000] [--registry 50000] [--seed 1] [--duration 12] [--warmup 20] [--connections 8] [--account]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/postgres.sh

employees=1000 registry=50000 seed=1 duration=12 warmup=20 connections=8 account=
while [ $# -gt 0 ]; do
  case "$1" in
    --writes) ;;
    --employees) employees=$2; shift ;;
    --registry) registry=$2; shift ;;
    --seed) seed=$2; shift ;;
    --duration) duration=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --connections) connections=$2; shift ;;
    --account) account=1 ;;
    *) echo "unknown argument $1; usage: scripts/benchmark.sh --writes [--employees 1000] [--registry 50000] [--seed 1] [--duration 12] [--warmup 20] [--connections 8]" >&2; exit 2 ;;
  esac
  shift
done

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "wrk not found; installing the OS package..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null) || { echo "Could not install wrk." >&2; exit 1; }
  else
    echo "wrk is missing. Install it with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y wrk" >&2
    exit 1
  fi
fi

[ -n "$account" ] && export KINERJA_PG_OPTIONS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all -c pg_stat_statements.track_planning=on"
# The runtime's perf map names the service's compiled frames for --account; only the measured services write one.
perfmap=()
[ -n "$account" ] && perfmap=(DOTNET_PerfMapEnabled=1)
pg_provision benchmark-writes fresh >/dev/null || exit 1
work="$KINERJA_PG_DIR/bench"
mkdir -p "$work"
started_pids=()
cleanup() {
  local pid
  for pid in "${started_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  pg_stop
  rm -rf "$KINERJA_PG_DIR"
}
trap cleanup EXIT

# The load comes from one client at rates no caller reaches: the rate limit is lifted, request logs are quietened,
# and the cap of public feedback per appraisal is raised so that a fast run is never refused by it.
export ASPNETCORE_ENVIRONMENT=Development RateLimiting__PermitsPerSecond=1000000 Serilog__MinimumLevel__Default=Warning \
  Kinerja__Appraisals__MaxPublicFeedbackPerAppraisal=1000000 BENCH_DIR="$PWD/scripts/bench"
connection="$KINERJA_PG_CONNECTION"
psql_() { "$PG_BIN/psql" -h 127.0.0.1 -p "$KINERJA_PG_PORT" -U postgres -d kinerja -tAX "$@"; }
# The service runs from its project folder, where appsettings.Development.json gives the token signing key.
api_dll=bin/Release/net10.0/Kinerja.Api.dll
floor_dll=bin/Release/net10.0/Kinerja.WriteFloor.dll
api() { env -C src/Api ConnectionStrings__Kinerja="$connection" dotnet "$api_dll" "$@"; }
tools() { env -C tools/Kinerja.Tools ConnectionStrings__Kinerja="$connection" dotnet bin/Release/net10.0/Kinerja.Tools.dll "$@"; }

dotnet build src/Api -c Release -v q -nologo >/dev/null
dotnet build tools/Kinerja.WriteFloor -c Release -v q -nologo >/dev/null
dotnet build tools/Kinerja.Tools -c Release -v q -nologo >/dev/null
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
echo "machine:  $(nproc) cores ($cpu), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -r); PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') (fsync on); $(wrk --version 2>&1 | head -1 | awk '{print $1, $2}')"
echo "started:  $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "load:     $connections connections, 2 wrk threads, ${warmup} s warm-up then ${duration} s per measurement"

# --- the databases --------------------------------------------------------------------------------------------
generated=$(tools generate-city --employees "$employees" --seed "$seed" | grep '^seed')
echo "city:     $generated"
cycle=$(sed -n 's/.*running cycle \([0-9a-f-]*\).*/\1/p' <<<"$generated")
began=$(date +%s.%N)
echo "registry: $(Kinerja__Schema=registry tools generate-city --employees "$registry" --seed "$seed" --registry-only | grep '^seed') (schema registry;" \
  "$(awk -v a="$began" -v b="$(date +%s.%N)" 'BEGIN{printf "%.0f s", b-a}') with start-up and analyze)"
portal=$(api token --role portal --name bench.portal)
# The async shards the service runs (projections and subscriptions), each with one progression row once it has run.
async_shards=$(api projections list 2>/dev/null | grep -c '│ Async') || true
[ "${async_shards:-0}" -gt 0 ] || { echo "could not count the service's async shards (projections list)" >&2; exit 1; }
admin=$(api token --role hr-admin --name bench.hradmin)

# --- helpers --------------------------------------------------------------------------------------------------
free_port() { pg_pick_port "$((57000 + RANDOM % 2000))"; }

# start_service NAME PORT COMMAND...: starts a process, waits until it is the one listening on PORT and answers.
start_service() {
  local name=$1 port=$2
  shift 2
  "$@" >"$work/$name.log" 2>&1 &
  local pid=$!
  started_pids+=("$pid")
  local i
  for i in $(seq 120); do
    if ! kill -0 "$pid" 2>/dev/null; then echo "$name did not start:" >&2; tail -20 "$work/$name.log" >&2; exit 1; fi
    if ss -ltnpH "sport = :$port" 2>/dev/null | grep -q "pid=$pid,"; then
      curl -sf "http://127.0.0.1:$port/${HEALTH:-health/ready}" >/dev/null 2>&1 && break
    fi
    sleep 0.5
  done
  service_pid=$pid
}

stop_service() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

mib() { awk -v k="$(awk -v f="$2:" '$1==f{print $2}' "/proc/$1/status")" 'BEGIN{printf "%.0f", k/1024}'; }

# CPU time in clock ticks: a process; the cluster (postmaster with its reaped children, and its live children).
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
pg_ticks() {
  local postmaster total child t
  postmaster=$(head -1 "$KINERJA_PG_DIR/data/postmaster.pid")
  total=$(awk '{print $14+$15+$16+$17}' "/proc/$postmaster/stat")
  for child in $(pgrep -P "$postmaster"); do
    t=$(awk '{print $14+$15}' "/proc/$child/stat" 2>/dev/null || true)
    total=$((total + ${t:-0}))
  done
  echo "$total"
}
hz=$(getconf CLK_TCK)

# measure LABEL PID SCRIPT URL [warm-up environment]: a warm-up run, then the measured one; prints and keeps its figures.
# The warm-up is long (20 s) because the service's CPU per request falls for tens of seconds after a start while the JIT
# recompiles hot methods (tiered compilation): 6.1, 3.9, 2.9 ms on three successive 12 s runs of one process, 1.9 ms
# once warm. A short warm-up measured the JIT, and it favoured the small floor, which warms in a few seconds.
declare -A rps p50 p99 fails requests_of seconds_of
measure() {
  local label=$1 pid=$2 script=$3 url=$4 warm=${5:-$warmup} out t0 pg0 t1 pg1 requests
  : >"$work/$label-warm.txt"
  [ "$warm" -gt 0 ] && BENCH_TAG="$label-warm" BENCH_RUN=$((run_number++)) wrk -t2 -c"$connections" -d"${warm}s" --timeout 10s -s "scripts/bench/$script" "$url" >"$work/$label-warm.txt" 2>&1
  t0=$(ticks "$pid"); pg0=$(pg_ticks)
  BENCH_TAG="$label" BENCH_RUN=$((run_number++)) wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -s "scripts/bench/$script" "$url" >"$work/$label.txt" 2>&1
  t1=$(ticks "$pid"); pg1=$(pg_ticks)
  out=$(grep '^RESULT' "$work/$label.txt") || { echo "wrk failed for $label:" >&2; cat "$work/$label.txt" >&2; exit 1; }
  field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$out"; }
  requests=$(field requests)
  requests_of[$label]=$requests seconds_of[$label]=$(field seconds)
  rps[$label]=$(field rps); p50[$label]=$(field p50_ms); p99[$label]=$(field p99_ms)
  fails[$label]=$(( $(field non2xx) + $(field socket_errors) ))
  printf '%-22s %8s req/s  p50 %7s ms  p90 %7s ms  p99 %7s ms  max %7s ms  %6s requests  non-2xx %s  socket errors %s  CPU/request: service %s ms, PostgreSQL %s ms\n' \
    "$label" "${rps[$label]}" "${p50[$label]}" "$(field p90_ms)" "${p99[$label]}" "$(field max_ms)" "$requests" "$(field non2xx)" "$(field socket_errors)" \
    "$(awk -v d=$((t1 - t0)) -v n="$requests" -v hz="$hz" 'BEGIN{printf "%.1f", n ? d*1000/hz/n : 0}')" \
    "$(awk -v d=$((pg1 - pg0)) -v n="$requests" -v hz="$hz" 'BEGIN{printf "%.1f", n ? d*1000/hz/n : 0}')"
  grep '^FIRST_FAILURE' "$work/$label.txt" "$work/$label-warm.txt" | head -2 | sed 's/^/                       /' || true
}
run_number=1

# trace LABEL COUNT COMMAND...: runs COMMAND (one request) COUNT times, one at a time, with every statement logged.
# Statements logged while the request was open are its own; those logged in the 1.5 s after it are the async
# projection daemon's catching up with its events (Wolverine's node agents and the daemon's polling are left out).
# Prints per request: statements executed, pooled sessions (each begins with Npgsql's reset), time inside PostgreSQL
# and at the client; then the first request's statements in order.
trace() {
  local label=$1 count=$2 log="$KINERJA_PG_DIR/server.log" i before windows=()
  shift 2
  sleep 3 # the daemon catches up with the load before
  psql_ -c "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()" >/dev/null
  sleep 0.5
  before=$(wc -l <"$log")
  for i in $(seq "$count"); do
    local from took
    from=$(date +%T.%N)
    took=$("$@" "$i")
    windows+=("$from $(date +%T.%N) $took")
    sleep 1.5
  done
  psql_ -c "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null
  tail -n +"$((before + 1))" "$log" >"$work/trace-$label.txt"
  printf '%s\n' "${windows[@]}" | awk -v label="$label" -v count="$count" -v listing="$work/trace-$label-first.txt" '
    function seconds(t,  p) { split(t, p, ":"); return p[1] * 3600 + p[2] * 60 + p[3] }
    NR == FNR { from[NR] = seconds($1); to[NR] = seconds($2); client += $3; next }
    / LOG:  duration: / {
      if ($0 ~ /wolverine_|mt_event_progression|mt_high_water|mt_mark_event_progression|select 1$|max\(seq_id\)|pg_try_advisory|mt_event_projection|seq_id > \$1/) next
      t = seconds($2); r = 0; late = 0
      for (i = 1; i <= count; i++) {
        if (t >= from[i] && t <= to[i] + 0.002) { r = i; break }
        if (t > to[i] && t <= to[i] + 1.5) { r = i; late = 1; break }
      }
      if (!r) next
      match($0, /duration: [0-9.]+ ms/); ms = substr($0, RSTART + 10, RLENGTH - 13) + 0
      executed = $0 ~ / ms  (execute [^:]*|statement): /
      if (late) {
        if (executed) {
          after++
          if (match($0, / (into|from|update) [a-z_]+\.[a-z_]+/)) { split(substr($0, RSTART, RLENGTH), w, "."); tables[w[2]]++ }
        }
        next
      }
      pg += ms
      if ($0 ~ /RESET ALL;CLOSE ALL|DISCARD ALL/) { sessions++; next }
      if ($0 ~ / ms  (parse|bind) /) planning += ms
      if (executed) {
        statements++
        if (r == 1 && ++listed <= 40) { s = $0; sub(/.* ms  (execute [^:]*|statement): /, "", s); printf "    %7.3f ms  %s\n", ms, substr(s, 1, 130) >listing }
      }
    }
    END {
      printf "%-22s per request (%d, one at a time): %.1f statements in %.1f pooled sessions, %.1f ms inside PostgreSQL" \
        " (%.1f of it parsing, binding and planning), %.1f ms at the client; then %.1f statements of the async daemon\n",
        label, count, statements / count, sessions / count, pg / count, planning / count, client / count, after / count
      daemon = ""
      for (t in tables) daemon = daemon sprintf(" %s %.1f", t, tables[t] / count)
      if (daemon != "") printf "                       the async daemon per request, statements by table:%s\n", daemon
    }' - "$work/trace-$label.txt"
  echo "                       statements of the first traced request, in order, with their execution time:"
  cat "$work/trace-$label-first.txt"
}

# account LABEL PID SCRIPT URL (with --account): one more measured run of the same load with PostgreSQL's statements counted
# from zero and the service's CPU sampled; prints the statements by their share of PostgreSQL's time per request and the
# service's top inclusive frames.
account() {
  local label=$1 pid=$2 script=$3 url=$4 requests trace="$work/$1.perf"
  psql_ -c "create extension if not exists pg_stat_statements" -c "select pg_stat_statements_reset()" >/dev/null
  perf record -F 499 -g -p "$pid" -o "$trace" -- sleep $((duration + 1)) >"$work/$label-perf.log" 2>&1 &
  local tracer=$!
  sleep 1
  BENCH_TAG="$label-account" BENCH_RUN=$((run_number++)) wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -s "scripts/bench/$script" "$url" >"$work/$label-account.txt" 2>&1
  wait "$tracer" || true
  requests=$(sed -n 's/.* requests=\([^ ]*\).*/\1/p' "$work/$label-account.txt")
  echo "account:  $label, $requests requests under sampling ($(sed -n 's/.* rps=\([^ ]*\).*/\1/p' "$work/$label-account.txt") req/s); PostgreSQL's statements by time per request (nested ones indented by pg_stat_statements' toplevel = f):"
  psql_ -c "select to_char(total_exec_time / $requests, 'FM90.000') || ' ms  ' || to_char(calls::numeric / $requests, 'FM90.00') || ' calls  ' ||
      to_char(100 * total_exec_time / sum(total_exec_time) over (), 'FM990.0') || ' %  ' || case when toplevel then '' else '  (nested) ' end ||
      left(regexp_replace(query, '\s+', ' ', 'g'), 150)
    from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
      and query !~ 'wolverine_|mt_event_progression|mt_high_water|pg_stat_statements|mt_mark_event_progression|pg_try_advisory|mt_event_projection'
    order by total_exec_time desc limit 25" | sed 's/^/            /'
  # Planning is not in the execution times above; the background (the daemon's and Wolverine's polling) is left out of them.
  psql_ -c "select 'all statements a request: execution ' || to_char(sum(total_exec_time) filter (where toplevel) / $requests, 'FM90.000')
      || ' ms, planning ' || to_char(sum(total_plan_time) / $requests, 'FM90.000') || ' ms (' || to_char(sum(plans) / $requests, 'FM990.0')
      || ' plans); of it the background''s execution ' || to_char(coalesce(sum(total_exec_time) filter (where toplevel and query ~ 'wolverine_|mt_event_progression|mt_high_water|mt_mark_event_progression|pg_try_advisory|mt_event_projection'), 0) / $requests, 'FM90.000') || ' ms'
    from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database()) and query !~ 'pg_stat_statements'" | sed 's/^/            /'
  echo "account:  the service's frames by inclusive share of its CPU samples, then their own share ($trace):"
  python3 scripts/bench/frames.py "$trace" "/tmp/perf-$pid.map" 80 >"$work/$label-frames.txt" 2>&1 || true
  sed 's/^/            /' "$work/$label-frames.txt" | cut -c1-220
  cp "$trace" "$work/$label-frames.txt" "/tmp/perf-$pid.map" "${KINERJA_ACCOUNT_KEEP:-/tmp}/" 2>/dev/null || true
}

# feedback_once N: one public feedback's body to a random path of $BENCH_TARGETS (with $BENCH_TOKEN when set).
feedback_once() {
  local auth=()
  [ -n "${BENCH_TOKEN:-}" ] && auth=(-H "Authorization: Bearer $BENCH_TOKEN")
  curl -s -o /dev/null -w '%{time_total}' -X POST "http://127.0.0.1:$port$(shuf -n 1 "$BENCH_TARGETS")" "${auth[@]}" -H 'Content-Type: application/json' \
    -d "{\"submissionId\":\"trace-$1-$RANDOM\",\"respondentGroup\":\"Citizen\",\"scores\":{\"BerorientasiPelayanan\":4,\"Akuntabel\":4,\"Kompeten\":3,\"Harmonis\":5,\"Loyal\":4,\"Adaptif\":3,\"Kolaboratif\":4},\"comment\":\"Pelayanan cepat dan ramah, tetapi antrean di loket masih panjang pada pagi hari.\"}" \
    | awk '{printf "%.1f", $1 * 1000}'
}

register_once() {
  local nip
  nip=$(printf '1949%02d%02d2015011%03d' "$((RANDOM % 12 + 1))" "$((RANDOM % 28 + 1))" "$1")
  curl -s -o /dev/null -w '%{time_total}' -X POST "http://127.0.0.1:$port/api/v1/employees" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "{\"nip\":\"$nip\",\"fullName\":\"Pegawai Jejak $1\",\"employmentType\":\"PNS\",\"unitCode\":\"SETDA\",\"position\":{\"title\":\"Pengadministrasi Umum\",\"kind\":\"Pelaksana\",\"level\":null},\"golongan\":\"II/a\",\"supervisorNip\":null,\"startDate\":\"2026-01-02\"}" \
    | awk '{printf "%.1f", $1 * 1000}'
}

# wait_for_daemon SCHEMA: the generated events go through the async projections (feed, audit, talent...) when the
# service starts; writes measured during that catch-up would time the catch-up. Waits until every async shard the
# service runs ($async_shards, from its own `projections list`) has a progression row at the newest event (at most
# 10 minutes) and says how long that took. Only shard rows count (their names hold a colon, "Name:All"): Marten's
# HighWaterMark and HighWaterAllocationFence rows are at the newest event as soon as the service starts, and counting
# them let the wait end before the shards had written their first row, i.e. at the start of the catch-up.
wait_for_daemon() {
  local head began=$SECONDS lagging
  head=$(psql_ -c "select coalesce(max(seq_id), 0) from $1.mt_events")
  while :; do
    lagging=$(psql_ -c "select count(*) filter (where last_seq_id < $head), count(*) from $1.mt_event_progression where name like '%:%'")
    [ "${lagging%%|*}" = 0 ] && [ "${lagging##*|}" -ge "$async_shards" ] && break
    if [ $((SECONDS - began)) -gt 600 ]; then echo "the async daemon did not catch up within 10 minutes ($lagging lagging|shards of $async_shards)" >&2; exit 1; fi
    sleep 1
  done
  echo "daemon:   the async shards (${lagging##*|} of $async_shards) caught up with $head events in $((SECONDS - began)) s after ready"
}

employee_count() { psql_ -c "select count(*) from $1.mt_doc_employeeprofile"; }

# --- c: the floor, first and right before public feedback: the machine's load drifts, and the ratio should compare like with like
psql_ -c "select '/api/v1/cycles/' || cycle_id || '/appraisals/' || nip || '/public-feedback' from kinerja.mt_doc_appraisalrecord where cycle_id = '$cycle'" >"$work/appraisals.txt"
port=$(free_port)
HEALTH=health start_service floor "$port" env -C tools/Kinerja.WriteFloor "${perfmap[@]}" ConnectionStrings__Floor="$connection;Max Auto Prepare=200;Auto Prepare Min Usages=2" ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$floor_dll"
pid=$service_pid
curl -sf -X POST "http://127.0.0.1:$port/streams?count=$(wc -l <"$work/appraisals.txt")" | sed '/^$/d; s|.*|/streams/&/events|' >"$work/streams.txt"
echo "floor:    tools/Kinerja.WriteFloor, schema writefloor, $(wc -l <"$work/streams.txt") streams created first; RSS $(mib "$pid" VmRSS) MiB"
export BENCH_TOKEN= BENCH_TARGETS="$work/streams.txt"
measure floor "$pid" feedback.lua "http://127.0.0.1:$port"
[ -n "$account" ] && account floor "$pid" feedback.lua "http://127.0.0.1:$port"
echo "floor:    peak RSS $(mib "$pid" VmHWM) MiB"
trace floor 5 feedback_once
stop_service "$pid"
echo

# --- a + b: the generated city (1,000) and the registry-only city (50,000), both processes up -----------------------
# Registration is compared across the two sizes in one process each, and a process's CPU per request keeps falling for a
# minute or more of load after its start (tiered JIT; on a loaded machine the registration rate of one process rose
# 136, 315, 423, 552 req/s over four successive 10 s runs, docs/decisions/172). Measured one after the other, the
# city's process had run 52 s of writes before its registration was timed and the registry's 20 s, and the machine's
# load moved between the two windows. So the registry's process runs as long under load as the city's before it is timed,
# the city's warms again after it, and their registrations are timed alternately, city, registry, registry, city (ABBA,
# which cancels a linear drift of the machine or of the JIT); each size's rate is its requests over its seconds in both.
city_port=$(free_port)
start_service kinerja "$city_port" env -C src/Api "${perfmap[@]}" ConnectionStrings__Kinerja="$connection" ASPNETCORE_URLS="http://127.0.0.1:$city_port" dotnet "$api_dll"
city_pid=$service_pid
wait_for_daemon kinerja
sleep 2
echo "service:  the city's process at rest (caught up): RSS $(mib "$city_pid" VmRSS) MiB; $(wc -l <"$work/appraisals.txt") appraisals of the running cycle $cycle, $(employee_count kinerja) employees"
# Idle a while longer: the service gives the GC's unused budget back after a few idle seconds (docs/decisions/156).
sleep 18
echo "service:  the city's process at rest 20 s after the catch-up: RSS $(mib "$city_pid" VmRSS) MiB"
echo 5 >"/proc/$city_pid/clear_refs" 2>/dev/null || true # resets the peak (VmHWM) to the current RSS: the peak below is the writes'
echo
port=$city_port
export BENCH_TOKEN=$portal BENCH_TARGETS="$work/appraisals.txt"
measure public-feedback "$city_pid" feedback.lua "http://127.0.0.1:$city_port"
[ -n "$account" ] && account public-feedback "$city_pid" feedback.lua "http://127.0.0.1:$city_port"
echo "service:  the city's process, peak RSS under public feedback (VmHWM): $(mib "$city_pid" VmHWM) MiB; now $(mib "$city_pid" VmRSS) MiB"
export BENCH_TOKEN=$admin
BENCH_TAG=register-city-warm BENCH_RUN=$((run_number++)) wrk -t2 -c"$connections" -d"${warmup}s" --timeout 10s -s scripts/bench/register.lua "http://127.0.0.1:$city_port" >"$work/register-city-warm.txt" 2>&1
echo

registry_port=$(free_port)
start_service registry "$registry_port" env -C src/Api ConnectionStrings__Kinerja="$connection" Kinerja__Schema=registry ASPNETCORE_URLS="http://127.0.0.1:$registry_port" dotnet "$api_dll"
registry_pid=$service_pid
wait_for_daemon registry
sleep 2
echo "service:  the registry's process at rest (caught up): RSS $(mib "$registry_pid" VmRSS) MiB; the database $(psql_ -c "select pg_database_size('kinerja') >> 20") MiB, shared_buffers $(psql_ -c "show shared_buffers")"
sleep 18
echo "service:  the registry's process at rest 20 s after the catch-up: RSS $(mib "$registry_pid" VmRSS) MiB"
echo 5 >"/proc/$registry_pid/clear_refs" 2>/dev/null || true
# As long under load as the city's process before its first timed registration: public feedback's warm-up and run, then a warm-up.
BENCH_TAG=register-registry-warm BENCH_RUN=$((run_number++)) wrk -t2 -c"$connections" -d"$((2 * warmup + duration))s" --timeout 10s -s scripts/bench/register.lua "http://127.0.0.1:$registry_port" >"$work/register-registry-warm.txt" 2>&1
# The registry's catch-up and warm-up went through PostgreSQL's shared buffers (128 MB, a fraction of the database): the
# city's process warms again before the timed runs, or its first run pays for reading its pages back (PostgreSQL's CPU per
# registration 4.2 ms in that run against 2.9 in the others, docs/decisions/172).
BENCH_TAG=register-city-rewarm BENCH_RUN=$((run_number++)) wrk -t2 -c"$connections" -d"${warmup}s" --timeout 10s -s scripts/bench/register.lua "http://127.0.0.1:$city_port" >"$work/register-city-rewarm.txt" 2>&1
echo
city_before=$(employee_count kinerja) registry_before=$(employee_count registry)
measure register@$employees#1 "$city_pid" register.lua "http://127.0.0.1:$city_port" 0
measure register@$registry#1 "$registry_pid" register.lua "http://127.0.0.1:$registry_port" 0
measure register@$registry#2 "$registry_pid" register.lua "http://127.0.0.1:$registry_port" 0
measure register@$employees#2 "$city_pid" register.lua "http://127.0.0.1:$city_port" 0
pooled() { awk -v a="${requests_of[$1#1]}" -v b="${requests_of[$1#2]}" -v x="${seconds_of[$1#1]}" -v y="${seconds_of[$1#2]}" 'BEGIN{printf "%.1f", (a + b) / (x + y)}'; }
rps[register@$employees]=$(pooled "register@$employees") rps[register@$registry]=$(pooled "register@$registry")
echo "                       registration, both runs pooled: ${rps[register@$employees]} req/s at $employees, ${rps[register@$registry]} at $registry"
echo "                       (the city held $city_before employees before these runs and $(employee_count kinerja) after; the registry $registry_before and $(employee_count registry))"
echo "service:  peak RSS under the writes (VmHWM, since 20 s after each catch-up, warm-ups included): the city's process $(mib "$city_pid" VmHWM) MiB (public feedback and registration), the registry's $(mib "$registry_pid" VmHWM) MiB"
echo
port=$city_port
export BENCH_TOKEN=$portal BENCH_TARGETS="$work/appraisals.txt"
trace public-feedback 5 feedback_once
export BENCH_TOKEN=$admin
trace register@$employees 5 register_once
stop_service "$city_pid"
port=$registry_port
trace register@$registry 5 register_once
stop_service "$registry_pid"
echo

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
echo "summary:  public feedback / floor = $(ratio "${rps[public-feedback]}" "${rps[floor]}") (target ≥ 0.5; p99 ${p99[public-feedback]} ms, target ≤ 50)"
echo "          registration at $registry / at $employees = $(ratio "${rps[register@$registry]}" "${rps[register@$employees]}") (target ≥ 0.85)"
total_fails=0
for label in "${!fails[@]}"; do total_fails=$((total_fails + fails[$label])); done
echo "          requests that failed (not 2xx, or socket errors): $total_fails"
echo "finished: $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$total_fails" = 0 ]
