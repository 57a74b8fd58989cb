#!/usr/bin/env bash
# Two nodes on one database, one of them killed, against a scratch PostgreSQL of its own (never another cluster):
#   scripts/two-nodes.sh [--writers 4] [--before 8] [--after 10] [--polling 00:00:05] [--tenancy]
# Starts node A, then node B, on the same database and schema (different ports), with a webhook subscription delivering
# to a local receiver (scripts/nodes/receiver.py). Writers register units and employees through both nodes for --before
# seconds; then the node that runs the projections and the feed is killed with SIGKILL and the writers go on through the
# survivor for --after seconds. It prints the failover time (from the kill until the survivor runs every projection shard
# and the feed and has caught up with what the killed node left), then, once all writing stopped and everything caught up:
# the feed's positions (duplicates, gaps: stored events of the written types missing from the feed, acknowledged writes
# missing), the webhook deliveries per webhook id (repeated, missing), daemon errors in the logs, and trial-rebuild.
# --tenancy: a database per instansi (decision 145): a second instansi is added with `tenants add` before the nodes start, the
# writers write to both, and every check above (failover included) is made per instansi, each in its own database; the
# nodes name their connections to every instansi's database (decision 158), so the holder of each database's daemon lock is seen.
# Exit 1 on any violation or a failover above 30 s. Design: docs/decisions/140, 151, 158.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh

writers=4; before=8; after=10; polling=00:00:05; target=30; tenancy=""
while [ $# -gt 0 ]; do
  case $1 in
    --writers) writers=$2; shift 2 ;;
    --before) before=$2; shift 2 ;;
    --after) after=$2; shift 2 ;;
    --polling) polling=$2; shift 2 ;;
    --tenancy) tenancy=1; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

KINERJA_PG_FSYNC=on pg_provision two-nodes fresh || exit 1
work=$(mktemp -d)
api=$PWD/.local/api-nodes
port_a=$(pg_pick_port 5280); port_b=$(pg_pick_port $((port_a + 1)))
declare -A pid url
url[a]="http://127.0.0.1:$port_a"; url[b]="http://127.0.0.1:$port_b"
receiver_pids=(); writer_pids=()
cleanup() {
  touch "$work/stop"; for w in "${writer_pids[@]}"; do kill "$w" 2>/dev/null; done
  for n in a b; do [ -n "${pid[$n]:-}" ] && kill -9 "${pid[$n]}" 2>/dev/null; done
  for r in "${receiver_pids[@]}"; do kill "$r" 2>/dev/null; done
  pg_as_owner "$PG_BIN/pg_ctl" -D "$KINERJA_PG_DIR/data" -m fast stop >/dev/null 2>&1
  rm -rf "$KINERJA_PG_DIR" "$work"
}
trap cleanup EXIT
# Each instansi (index i): its id (none without tenancy), its database, its token, its webhook receiver's port and deliveries.
if [ -n "$tenancy" ]; then ids=(kota-ambon kab-buru); dbs=(kinerja kinerja_kab_buru); else ids=(""); dbs=(kinerja); fi
sql() { sql_in kinerja "$1"; }
sql_in() { "$PG_BIN/psql" -h 127.0.0.1 -p "$KINERJA_PG_PORT" -U postgres -d "$1" -tAqc "$2"; }
label() { echo "${ids[$1]:-the database}"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg) (shared with other work: figures are indicative)"
dotnet publish src/Api -c Release -o "$api" -v q -nologo >&2 || exit 1
export ASPNETCORE_ENVIRONMENT=Development Kinerja__ApplySchemaOnStart=true RateLimiting__PermitsPerSecond=100000
export Serilog__MinimumLevel__Default=Warning Kinerja__Nodes__LeadershipPolling=$polling
[ -n "$tenancy" ] && export Kinerja__Tenancy__Enabled=true
verb() { (cd src/Api && ConnectionStrings__Kinerja="$KINERJA_PG_CONNECTION" dotnet "$api/Kinerja.Api.dll" "$@"); }
if [ -n "$tenancy" ]; then
  added=$(verb tenants add "${ids[1]}" 2>&1) || { echo "tenants add ${ids[1]} failed: $added" >&2; exit 1; }
  echo "tenancy: $(verb tenants list 2>/dev/null | tr '\t\n' ' ;')"
fi
declare -a token port_r
for i in "${!ids[@]}"; do
  token[$i]=$(verb token --role hr-admin --name nodes.bkpsdm ${ids[$i]:+--instansi "${ids[$i]}"} 2>/dev/null | tail -1)
  port_r[$i]=$(pg_pick_port $(( (i == 0 ? port_b : port_r[i - 1]) + 1 )))
done

start_node() {
  local n=$1
  (cd src/Api && ConnectionStrings__Kinerja="$KINERJA_PG_CONNECTION;Application Name=kinerja-node-$n" ASPNETCORE_URLS="${url[$n]}" \
    exec dotnet "$api/Kinerja.Api.dll" >>"$work/node-$n.log" 2>&1) &
  pid[$n]=$!
  for _ in $(seq 1 240); do curl -sf "${url[$n]}/health/ready" >/dev/null && return 0; sleep 0.25; done
  echo "node $n did not become ready" >&2; tail -20 "$work/node-$n.log" >&2; return 1
}
post() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST "$1$2" -H "Authorization: Bearer ${token[$4]}" -H 'Content-Type: application/json' -d "$3"; }

for i in "${!ids[@]}"; do python3 scripts/nodes/receiver.py "${port_r[$i]}" "$work/deliveries.$i" & receiver_pids+=($!); done
start_node a || exit 1
for i in "${!ids[@]}"; do
  status=$(post "${url[a]}" /api/v1/units '{"code":"NODES","name":"Unit uji dua node"}' "$i")
  [ "$status" = 201 ] || { echo "could not register the unit in $(label "$i") ($status)" >&2; tail -20 "$work/node-a.log" >&2; exit 1; }
  status=$(post "${url[a]}" /api/v1/webhook-subscriptions \
    "{\"url\":\"http://127.0.0.1:${port_r[$i]}/hooks\",\"eventTypes\":[\"unit.registered\",\"employee.registered\"],\"secret\":\"two-nodes-secret-0123456789abcdef\",\"startAfter\":0}" "$i")
  [ "$status" = 201 ] || { echo "could not subscribe the receiver in $(label "$i") ($status)" >&2; exit 1; }
done
start_node b || exit 1

# One writer: alternates the nodes and a unit with an employee, and with tenancy the instansi too (every other pair);
# one line per answer: phase, node, status, kind, key, instansi index.
writer() {
  local id=$1 n=0 node status key kind i
  while [ -d "$work" ] && [ ! -f "$work/stop" ]; do
    n=$((n + 1)); node=$([ $((n % 2)) = 0 ] && echo a || echo b); i=$(( (n / 2) % ${#ids[@]} ))
    [ -f "$work/dead-$node" ] && node=$([ "$node" = a ] && echo b || echo a)
    if [ $((n % 2)) = 0 ]; then
      kind=unit; key="N$id$(printf %06d "$n")"
      status=$(post "${url[$node]}" /api/v1/units "{\"code\":\"$key\",\"name\":\"Unit uji $key\",\"parentCode\":\"NODES\"}" "$i")
    else
      kind=employee; key=$(printf '%04d%02d%02d2005011%03d' $((1970 + id)) $((1 + (n / 28) % 12)) $((1 + n % 28)) $((1 + (n / 336) % 999)))
      status=$(post "${url[$node]}" /api/v1/employees "{\"nip\":\"$key\",\"fullName\":\"Pegawai Uji $n\",\"employmentType\":\"PNS\",\"unitCode\":\"NODES\",\"position\":{\"title\":\"Guru Ahli Muda\",\"kind\":\"FungsionalKeahlian\",\"level\":\"AhliMuda\"},\"golongan\":\"III/c\",\"supervisorNip\":null,\"startDate\":\"2005-01-01\"}" "$i")
    fi
    echo "$(cat "$work/phase") $node $status $kind $key $i" >>"$work/answers.$id"
    [ "$status" = 000 ] && sleep 0.2
  done
}
echo before >"$work/phase"
for w in $(seq 1 "$writers"); do writer "$w" & writer_pids+=($!); done
sleep "$before"

# Which node holds what: the daemon's locks (single-key advisory locks on the service's own connections, which carry the node's
# application name; Wolverine's main store's are on connections named wolverine-...) and the background jobs' leadership (class
# "KNLD", in the main database). Without tenancy one lock per shard; with it one lock per instansi database, numbered DaemonLockId
# (decision 151: a hash of "daemon:SCHEMA"), which Wolverine's stores in that database (on the node's connections too) never take.
daemon_key=$(python3 -c 'import hashlib; print(int.from_bytes(hashlib.sha256(b"daemon:kinerja").digest()[:4], "little") & 0x3FFFFFFF)')
shard_lock="l.locktype = 'advisory' and l.granted and l.objsubid = 1${tenancy:+ and l.classid = 0 and l.objid = $daemon_key}"
leader_lock="l.locktype = 'advisory' and l.granted and l.objsubid = 2 and l.classid = 1263422532"
holders() {
  sql "select coalesce(a.datname, '?') || ' ' || replace(a.application_name, ' leader', '') || ': ' || count(*) filter (where $shard_lock)
         || ' daemon locks, ' || count(*) filter (where $leader_lock) || ' jobs leadership'
       from pg_locks l join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' and a.application_name like 'kinerja-node-%'
       group by a.datname, replace(a.application_name, ' leader', '') order by 1"
}
# Daemon locks the node holds in instansi i's database.
held_in() { sql "select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid where $shard_lock
                 and a.datname = '${dbs[$1]}' and a.application_name = 'kinerja-node-$2'"; }
echo "locks before the kill:"; holders | sed 's/^/  /'
victim=$(sql "select replace(a.application_name, 'kinerja-node-', '') from pg_locks l join pg_stat_activity a on a.pid = l.pid
              where $shard_lock and a.application_name like 'kinerja-node-%'
              group by a.application_name order by count(*) desc limit 1")
[ -n "$victim" ] || { echo "no node holds a daemon lock; the advisory locks held:" >&2
  sql "select a.datname, a.application_name, l.classid, l.objid, l.objsubid from pg_locks l join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory'" >&2; exit 1; }
survivor=$([ "$victim" = a ] && echo b || echo a)
declare -a shards high_water feed_head in_flight locks_needed failover caught_up
for i in "${!ids[@]}"; do
  shards[$i]=$(sql_in "${dbs[$i]}" "select count(*) from kinerja.mt_event_progression where name like '%:%'")
  # Without tenancy the survivor needs every shard's lock; with it the one lock of the database.
  locks_needed[$i]=$([ -n "$tenancy" ] && echo 1 || echo "${shards[$i]}")
  echo "  $(label "$i"): node $victim holds $(held_in "$i" "$victim") of its daemon locks, node $survivor $(held_in "$i" "$survivor")"
done

echo after >"$work/phase"
for i in "${!ids[@]}"; do
  high_water[$i]=$(sql_in "${dbs[$i]}" "select coalesce(max(seq_id), 0) from kinerja.mt_events")
  feed_head[$i]=$(sql_in "${dbs[$i]}" "select coalesce(max(id), 0) from kinerja.mt_doc_feeditem")
done
killed_at=$(now); kill -9 "${pid[$victim]}"; touch "$work/dead-$victim"; pid[$victim]=""
for i in "${!ids[@]}"; do
  # The webhook the killed node may have been delivering: the first of the subscription's events after its cursor.
  in_flight[$i]=$(sql_in "${dbs[$i]}" "select min(f.id) from kinerja.mt_doc_feeditem f, kinerja.mt_doc_webhooksubscription s
                   where f.id > (s.data->>'cursor')::bigint and f.data->>'type' in ('unit.registered', 'employee.registered')")
  echo "killed node $victim (SIGKILL); $(label "$i"): at event ${high_water[$i]}, feed head ${feed_head[$i]}; ${shards[$i]} projection shards and the feed to take over"
done
# Failed over, per instansi: the survivor holds the daemon's locks in its database and every shard there has passed what was stored
# when the node died; and the survivor leads the background jobs.
jobs_moved=""
for _ in $(seq 1 600); do
  [ -z "$jobs_moved" ] && [ "$(sql "select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid where $leader_lock
    and a.application_name = 'kinerja-node-$survivor leader'")" = 1 ] && jobs_moved=$(since "$killed_at")
  pending=0
  for i in "${!ids[@]}"; do
    [ -n "${failover[$i]:-}" ] && continue
    behind=$(sql_in "${dbs[$i]}" "select count(*) from kinerja.mt_event_progression where name like '%:%' and last_seq_id < ${high_water[$i]}")
    if [ "$behind" = 0 ] && [ "$(held_in "$i" "$survivor")" -ge "${locks_needed[$i]}" ]; then failover[$i]=$(since "$killed_at"); else pending=1; fi
  done
  [ "$pending" = 0 ] && [ -n "$jobs_moved" ] && break
  sleep 0.2
done
leader_after=$(sql "select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid where $leader_lock
                    and a.application_name like 'kinerja-node-$survivor%'")
slowest=$(printf '%s\n' "${failover[@]:-0}" | sort -n | tail -1)
remaining=$(awk -v a="$after" -v f="${slowest:-0}" 'BEGIN { r = a - f; print (r > 0 ? r : 0) }')
sleep "$remaining"
touch "$work/stop"; for w in "${writer_pids[@]}"; do wait "$w" 2>/dev/null; done; writer_pids=()
echo "locks after the kill:"; holders | sed 's/^/  /'

# Everything written is published and delivered: wait until each instansi's feed and subscription cursor reach its last event.
for i in "${!ids[@]}"; do
  for _ in $(seq 1 600); do
    last=$(sql_in "${dbs[$i]}" "select coalesce(max(seq_id), 0) from kinerja.mt_events")
    behind=$(sql_in "${dbs[$i]}" "select count(*) from kinerja.mt_event_progression where name like '%:%' and last_seq_id < $last")
    cursor=$(sql_in "${dbs[$i]}" "select coalesce(min((data->>'cursor')::bigint), 0) from kinerja.mt_doc_webhooksubscription")
    head=$(sql_in "${dbs[$i]}" "select coalesce(max(id), 0) from kinerja.mt_doc_feeditem")
    if [ "$behind" = 0 ] && [ "$cursor" -ge "$head" ]; then caught_up[$i]=$(since "$killed_at"); break; fi
    sleep 0.5
  done
done

cat "$work"/answers.* >"$work/answers"
violations=0
fail() { echo "VIOLATION: $*"; violations=$((violations + 1)); }
acknowledged=$(awk '$3 == 201' "$work/answers" | wc -l)
echo "writes: $(wc -l <"$work/answers") requests, $acknowledged acknowledged (201); by phase, node and status:"
awk '{c[$1" node "$2" "$3]++} END {for (k in c) print "  " k ": " c[k]}' "$work/answers" | sort
bad=$(awk '$3 >= 500 && $3 != 503' "$work/answers" | wc -l)
[ "$bad" -eq 0 ] || fail "$bad answers were a 5xx other than 503"

for i in "${!ids[@]}"; do
  db=${dbs[$i]}; name=$(label "$i")
  echo "== $name (database $db): $(awk -v i="$i" '$6 == i' "$work/answers" | wc -l) requests, $(awk -v i="$i" '$3 == 201 && $6 == i' "$work/answers" | wc -l) acknowledged"
  # The feed as the portal reads it, page by page: positions strictly increasing, each event id once.
  : >"$work/feed"; after_position=0
  while :; do
    page=$(curl -sf "${url[$survivor]}/api/v1/feed?after=$after_position&limit=500" -H "Authorization: Bearer ${token[$i]}") || { fail "$name: the feed could not be read"; break; }
    echo "$page" | python3 -c 'import json,sys; [print(i["position"], i["id"], i["type"]) for i in json.load(sys.stdin)["items"]]' >"$work/page"
    [ -s "$work/page" ] || break
    cat "$work/page" >>"$work/feed"; after_position=$(tail -1 "$work/page" | cut -d' ' -f1)
  done
  entries=$(wc -l <"$work/feed")
  unordered=$(awk 'NR > 1 && $1 <= last {n++} {last = $1} END {print n + 0}' "$work/feed")
  duplicates=$(cut -d' ' -f2 "$work/feed" | sort | uniq -d | wc -l)
  gaps=$(sql_in "$db" "select count(*) from kinerja.mt_events e where e.type in ('unit_registered', 'employee_registered')
              and not exists (select 1 from kinerja.mt_doc_feeditem f where f.id = e.seq_id)")
  missing_writes=0
  while read -r kind key; do
    if [ "$kind" = unit ]; then field=code; else field=nip; fi
    [ "$(sql_in "$db" "select count(*) from kinerja.mt_doc_feeditem where data->'payload'->>'$field' = '$key'")" = 1 ] || missing_writes=$((missing_writes + 1))
  done < <(awk -v i="$i" '$3 == 201 && $6 == i {print $4, $5}' "$work/answers")
  echo "feed: $entries entries, out of order: $unordered, duplicate ids: $duplicates, stored registrations missing (gaps): $gaps, acknowledged writes missing or repeated: $missing_writes"
  [ "$unordered" -eq 0 ] && [ "$duplicates" -eq 0 ] && [ "$gaps" -eq 0 ] && [ "$missing_writes" -eq 0 ] || fail "$name: the feed has duplicates or gaps"

  # Webhooks: every event of the subscribed types delivered, each webhook id once. The one exception is HTTP's: the delivery the
  # killed node had sent but not yet recorded as acknowledged is sent again, with the same webhook id (receivers drop it by that).
  deliveries="$work/deliveries.$i"
  expected=$(grep -c -e ' unit.registered$' -e ' employee.registered$' "$work/feed")
  delivered=$(wc -l <"$deliveries")
  repeated=$(cut -d' ' -f2 "$deliveries" | sort | uniq -d)
  ids_per_position=$(sort -u "$deliveries" | cut -d' ' -f2 | sort | uniq -d | wc -l)
  again_in_flight=$(echo "$repeated" | grep -cx "${in_flight[$i]:-none}")
  repeated_other=$(echo "$repeated" | grep -v -x -e "${in_flight[$i]:-none}" -e '' | wc -l)
  undelivered=$(comm -23 <(grep -e ' unit.registered$' -e ' employee.registered$' "$work/feed" | cut -d' ' -f1 | sort -u) \
    <(cut -d' ' -f2 "$deliveries" | sort -u) | wc -l)
  echo "webhooks: $expected to deliver, $delivered deliveries; sent again: the one in flight at the kill (position ${in_flight[$i]:-none}): $again_in_flight, any other: $repeated_other; never delivered: $undelivered"
  [ "$repeated_other" -eq 0 ] && [ "$undelivered" -eq 0 ] || fail "$name: webhooks were repeated or not delivered"
  [ "$ids_per_position" -eq 0 ] || fail "$name: $ids_per_position events were sent again under another webhook id"

  trial=$(verb trial-rebuild --all ${ids[$i]:+--instansi "${ids[$i]}"} 2>&1); trial_status=$?
  echo "trial-rebuild --all${ids[$i]:+ --instansi ${ids[$i]}}: exit $trial_status ($(echo "$trial" | grep -c '^DIFF') differences)"
  [ "$trial_status" -eq 0 ] || { echo "$trial" | tail -20; fail "$name: the rebuilt read models differ from the live ones"; }

  echo "failover: ${failover[$i]:-none within 120 s} s (target $target s): the survivor ran every shard past the kill's last event; everything written was published and delivered ${caught_up[$i]:-never} s after the kill"
  if [ -z "${failover[$i]:-}" ] || awk -v f="${failover[$i]}" -v t="$target" 'BEGIN { exit !(f > t) }'; then fail "$name: no failover within $target s"; fi
done

errors=$(cat "$work"/node-*.log | grep -c -e ProgressionProgressOutOfOrderException -e 'ProjectionConflict' || true)
echo "daemon conflicts in the logs (ProgressionProgressOutOfOrderException, projection conflicts): $errors"
[ "$errors" -eq 0 ] || fail "the two daemons ran the same shard"
echo "background jobs: the survivor led them after ${jobs_moved:-never} s"
[ "$leader_after" -ge 1 ] || fail "the survivor did not take over the background jobs"
echo "violations: $violations"
[ "$violations" -eq 0 ]
