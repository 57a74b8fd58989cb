#!/usr/bin/env bash
# Two nodes on one database, one of them killed, against a scratch PostgreSQL of its own (never another cluster):
#   scripts/two-nodes.sh [--writers 4] [--before 8] [--after 10] [--polling 00:00:05]
# Starts node A, then node B, on the same database and schema (different ports), with a webhook subscription delivering
# to a local receiver (scripts/nodes/receiver.py). Writers register units and employees through both nodes for --before
# seconds; then the node that runs the projections and the feed is killed with SIGKILL and the writers go on through the
# survivor for --after seconds. It prints the failover time (from the kill until the survivor runs every projection shard
# and the feed and has caught up with what the killed node left), then, once all writing stopped and everything caught up:
# the feed's positions (duplicates, gaps: stored events of the written types missing from the feed, acknowledged writes
# missing), the webhook deliveries per webhook id (repeated, missing), daemon errors in the logs, and trial-rebuild.
# Exit 1 on any violation or a failover above 30 s. Design: docs/decisions/140.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh

writers=4; before=8; after=10; polling=00:00:05; target=30
while [ $# -gt 0 ]; do
  case $1 in
    --writers) writers=$2; shift 2 ;;
    --before) before=$2; shift 2 ;;
    --after) after=$2; shift 2 ;;
    --polling) polling=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

KINERJA_PG_FSYNC=on pg_provision two-nodes fresh || exit 1
work=$(mktemp -d)
api=$PWD/.local/api-nodes
port_a=$(pg_pick_port 5280); port_b=$(pg_pick_port $((port_a + 1))); port_r=$(pg_pick_port $((port_b + 1)))
declare -A pid url
url[a]="http://127.0.0.1:$port_a"; url[b]="http://127.0.0.1:$port_b"
receiver_pid=""; writer_pids=()
cleanup() {
  touch "$work/stop"; for w in "${writer_pids[@]}"; do kill "$w" 2>/dev/null; done
  for n in a b; do [ -n "${pid[$n]:-}" ] && kill -9 "${pid[$n]}" 2>/dev/null; done
  [ -n "$receiver_pid" ] && kill "$receiver_pid" 2>/dev/null
  pg_as_owner "$PG_BIN/pg_ctl" -D "$KINERJA_PG_DIR/data" -m fast stop >/dev/null 2>&1
  rm -rf "$KINERJA_PG_DIR" "$work"
}
trap cleanup EXIT
sql() { "$PG_BIN/psql" -h 127.0.0.1 -p "$KINERJA_PG_PORT" -U postgres -d kinerja -tAqc "$1"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg) (shared with other work: figures are indicative)"
dotnet publish src/Api -c Release -o "$api" -v q -nologo >&2 || exit 1
export ASPNETCORE_ENVIRONMENT=Development Kinerja__ApplySchemaOnStart=true RateLimiting__PermitsPerSecond=100000
export Serilog__MinimumLevel__Default=Warning Kinerja__Nodes__LeadershipPolling=$polling
token=$(cd src/Api && ConnectionStrings__Kinerja="$KINERJA_PG_CONNECTION" dotnet "$api/Kinerja.Api.dll" token --role hr-admin --name nodes.bkpsdm 2>/dev/null | tail -1)

start_node() {
  local n=$1
  (cd src/Api && ConnectionStrings__Kinerja="$KINERJA_PG_CONNECTION;Application Name=kinerja-node-$n" ASPNETCORE_URLS="${url[$n]}" \
    exec dotnet "$api/Kinerja.Api.dll" >>"$work/node-$n.log" 2>&1) &
  pid[$n]=$!
  for _ in $(seq 1 240); do curl -sf "${url[$n]}/health/ready" >/dev/null && return 0; sleep 0.25; done
  echo "node $n did not become ready" >&2; tail -20 "$work/node-$n.log" >&2; return 1
}
post() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST "$1$2" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$3"; }

python3 scripts/nodes/receiver.py "$port_r" "$work/deliveries" & receiver_pid=$!
start_node a || exit 1
status=$(post "${url[a]}" /api/v1/units '{"code":"NODES","name":"Unit uji dua node"}')
[ "$status" = 201 ] || { echo "could not register the unit ($status)" >&2; tail -20 "$work/node-a.log" >&2; exit 1; }
status=$(post "${url[a]}" /api/v1/webhook-subscriptions \
  "{\"url\":\"http://127.0.0.1:$port_r/hooks\",\"eventTypes\":[\"unit.registered\",\"employee.registered\"],\"secret\":\"two-nodes-secret-0123456789abcdef\",\"startAfter\":0}")
[ "$status" = 201 ] || { echo "could not subscribe the receiver ($status)" >&2; exit 1; }
start_node b || exit 1

# One writer: alternates the nodes and a unit with an employee; one line per answer: phase, node, status, kind, key.
writer() {
  local id=$1 n=0 node status key kind
  while [ -d "$work" ] && [ ! -f "$work/stop" ]; do
    n=$((n + 1)); node=$([ $((n % 2)) = 0 ] && echo a || echo b)
    [ -f "$work/dead-$node" ] && node=$([ "$node" = a ] && echo b || echo a)
    if [ $((n % 2)) = 0 ]; then
      kind=unit; key="N$id$(printf %06d "$n")"
      status=$(post "${url[$node]}" /api/v1/units "{\"code\":\"$key\",\"name\":\"Unit uji $key\",\"parentCode\":\"NODES\"}")
    else
      kind=employee; key=$(printf '%04d%02d%02d2005011%03d' $((1970 + id)) $((1 + (n / 28) % 12)) $((1 + n % 28)) $((1 + (n / 336) % 999)))
      status=$(post "${url[$node]}" /api/v1/employees "{\"nip\":\"$key\",\"fullName\":\"Pegawai Uji $n\",\"employmentType\":\"PNS\",\"unitCode\":\"NODES\",\"position\":{\"title\":\"Guru Ahli Muda\",\"kind\":\"FungsionalKeahlian\",\"level\":\"AhliMuda\"},\"golongan\":\"III/c\",\"supervisorNip\":null,\"startDate\":\"2005-01-01\"}")
    fi
    echo "$(cat "$work/phase") $node $status $kind $key" >>"$work/answers.$id"
    [ "$status" = 000 ] && sleep 0.2
  done
}
echo before >"$work/phase"
for w in $(seq 1 "$writers"); do writer "$w" & writer_pids+=($!); done
sleep "$before"

# Which node holds what: the daemon's shard locks (single-key advisory locks on the service's own connections, which carry the
# node's application name; Wolverine's are on connections named wolverine-...) and the background jobs' leadership (class "KNLD").
shard_lock="l.locktype = 'advisory' and l.granted and l.objsubid = 1"
leader_lock="l.locktype = 'advisory' and l.granted and l.objsubid = 2 and l.classid = 1263422532"
holders() {
  sql "select replace(a.application_name, ' leader', '') || ': ' || count(*) filter (where $shard_lock) || ' shard locks, '
         || count(*) filter (where $leader_lock) || ' jobs leadership'
       from pg_locks l join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' and a.application_name like 'kinerja-node-%'
       group by replace(a.application_name, ' leader', '') order by 1"
}
echo "locks before the kill:"; holders | sed 's/^/  /'
shards=$(sql "select count(*) from kinerja.mt_event_progression where name like '%:%'")
victim=$(sql "select replace(a.application_name, 'kinerja-node-', '') from pg_locks l join pg_stat_activity a on a.pid = l.pid
              where $shard_lock and a.application_name like 'kinerja-node-%'
              group by a.application_name order by count(*) desc limit 1")
[ -n "$victim" ] || { echo "no node holds a shard lock; the advisory locks held:" >&2
  sql "select a.application_name, l.classid, l.objid, l.objsubid from pg_locks l join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory'" >&2; exit 1; }
survivor=$([ "$victim" = a ] && echo b || echo a)

echo after >"$work/phase"
high_water=$(sql "select coalesce(max(seq_id), 0) from kinerja.mt_events")
feed_head=$(sql "select coalesce(max(id), 0) from kinerja.mt_doc_feeditem")
killed_at=$(now); kill -9 "${pid[$victim]}"; touch "$work/dead-$victim"; pid[$victim]=""
# The webhook the killed node may have been delivering: the first of the subscription's events after its cursor.
in_flight=$(sql "select min(f.id) from kinerja.mt_doc_feeditem f, kinerja.mt_doc_webhooksubscription s
                 where f.id > (s.data->>'cursor')::bigint and f.data->>'type' in ('unit.registered', 'employee.registered')")
echo "killed node $victim (SIGKILL) at event $high_water, feed head $feed_head; $shards projection shards and the feed to take over"
# Failed over: the survivor holds every shard lock and every shard has passed what was stored when the node died.
failover=""; jobs_moved=""
for _ in $(seq 1 600); do
  [ -z "$jobs_moved" ] && [ "$(sql "select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid where $leader_lock
    and a.application_name = 'kinerja-node-$survivor leader'")" = 1 ] && jobs_moved=$(since "$killed_at")
  behind=$(sql "select count(*) from kinerja.mt_event_progression where name like '%:%' and last_seq_id < $high_water")
  held=$(sql "select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid where $shard_lock
              and a.application_name = 'kinerja-node-$survivor'")
  if [ "$behind" = 0 ] && [ "$held" -ge "$shards" ] && [ -n "$jobs_moved" ]; then failover=$(since "$killed_at"); break; fi
  sleep 0.2
done
leader_after=$(sql "select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid where $leader_lock
                    and a.application_name like 'kinerja-node-$survivor%'")
remaining=$(awk -v a="$after" -v f="${failover:-0}" 'BEGIN { r = a - f; print (r > 0 ? r : 0) }')
sleep "$remaining"
touch "$work/stop"; for w in "${writer_pids[@]}"; do wait "$w" 2>/dev/null; done; writer_pids=()
echo "locks after the kill:"; holders | sed 's/^/  /'

# Everything written is published and delivered: wait until the feed and the subscription's cursor reach the last event.
caught_up=""
for _ in $(seq 1 600); do
  last=$(sql "select coalesce(max(seq_id), 0) from kinerja.mt_events")
  behind=$(sql "select count(*) from kinerja.mt_event_progression where name like '%:%' and last_seq_id < $last")
  cursor=$(sql "select coalesce(min((data->>'cursor')::bigint), 0) from kinerja.mt_doc_webhooksubscription")
  head=$(sql "select coalesce(max(id), 0) from kinerja.mt_doc_feeditem")
  if [ "$behind" = 0 ] && [ "$cursor" -ge "$head" ]; then caught_up=$(since "$killed_at"); break; fi
  sleep 0.5
done

cat "$work"/answers.* >"$work/answers"
violations=0
fail() { echo "VIOLATION: $*"; violations=$((violations + 1)); }
acknowledged=$(awk '$3 == 201' "$work/answers" | wc -l)
echo "writes: $(wc -l <"$work/answers") requests, $acknowledged acknowledged (201); by phase, node and status:"
awk '{c[$1" node "$2" "$3]++} END {for (k in c) print "  " k ": " c[k]}' "$work/answers" | sort
bad=$(awk '$3 >= 500 && $3 != 503' "$work/answers" | wc -l)
[ "$bad" -eq 0 ] || fail "$bad answers were a 5xx other than 503"

# The feed as the portal reads it, page by page: positions strictly increasing, each event id once.
: >"$work/feed"; after_position=0
while :; do
  page=$(curl -sf "${url[$survivor]}/api/v1/feed?after=$after_position&limit=500" -H "Authorization: Bearer $token") || { fail "the feed could not be read"; break; }
  echo "$page" | python3 -c 'import json,sys; [print(i["position"], i["id"], i["type"]) for i in json.load(sys.stdin)["items"]]' >"$work/page"
  [ -s "$work/page" ] || break
  cat "$work/page" >>"$work/feed"; after_position=$(tail -1 "$work/page" | cut -d' ' -f1)
done
entries=$(wc -l <"$work/feed")
unordered=$(awk 'NR > 1 && $1 <= last {n++} {last = $1} END {print n + 0}' "$work/feed")
duplicates=$(cut -d' ' -f2 "$work/feed" | sort | uniq -d | wc -l)
gaps=$(sql "select count(*) from kinerja.mt_events e where e.type in ('unit_registered', 'employee_registered')
            and not exists (select 1 from kinerja.mt_doc_feeditem f where f.id = e.seq_id)")
missing_writes=0
while read -r kind key; do
  if [ "$kind" = unit ]; then field=code; else field=nip; fi
  [ "$(sql "select count(*) from kinerja.mt_doc_feeditem where data->'payload'->>'$field' = '$key'")" = 1 ] || missing_writes=$((missing_writes + 1))
done < <(awk '$3 == 201 {print $4, $5}' "$work/answers")
echo "feed: $entries entries, out of order: $unordered, duplicate ids: $duplicates, stored registrations missing (gaps): $gaps, acknowledged writes missing or repeated: $missing_writes"
[ "$unordered" -eq 0 ] && [ "$duplicates" -eq 0 ] && [ "$gaps" -eq 0 ] && [ "$missing_writes" -eq 0 ] || fail "the feed has duplicates or gaps"

# Webhooks: every event of the subscribed types delivered, each webhook id once. The one exception is HTTP's: the delivery the
# killed node had sent but not yet recorded as acknowledged is sent again, with the same webhook id (receivers drop it by that).
expected=$(grep -c -e ' unit.registered$' -e ' employee.registered$' "$work/feed")
delivered=$(wc -l <"$work/deliveries")
repeated=$(cut -d' ' -f2 "$work/deliveries" | sort | uniq -d)
ids_per_position=$(sort -u "$work/deliveries" | cut -d' ' -f2 | sort | uniq -d | wc -l)
again_in_flight=$(echo "$repeated" | grep -cx "${in_flight:-none}")
repeated_other=$(echo "$repeated" | grep -v -x -e "${in_flight:-none}" -e '' | wc -l)
undelivered=$(comm -23 <(grep -e ' unit.registered$' -e ' employee.registered$' "$work/feed" | cut -d' ' -f1 | sort -u) \
  <(cut -d' ' -f2 "$work/deliveries" | sort -u) | wc -l)
echo "webhooks: $expected to deliver, $delivered deliveries; sent again: the one in flight at the kill (position ${in_flight:-none}): $again_in_flight, any other: $repeated_other; never delivered: $undelivered"
[ "$repeated_other" -eq 0 ] && [ "$undelivered" -eq 0 ] || fail "webhooks were repeated or not delivered"
[ "$ids_per_position" -eq 0 ] || fail "$ids_per_position events were sent again under another webhook id"

errors=$(cat "$work"/node-*.log | grep -c -e ProgressionProgressOutOfOrderException -e 'ProjectionConflict' || true)
echo "daemon conflicts in the logs (ProgressionProgressOutOfOrderException, projection conflicts): $errors"
[ "$errors" -eq 0 ] || fail "the two daemons ran the same shard"
[ "$leader_after" -ge 1 ] || fail "the survivor did not take over the background jobs"

trial=$(cd src/Api && ConnectionStrings__Kinerja="$KINERJA_PG_CONNECTION" dotnet "$api/Kinerja.Api.dll" trial-rebuild --all 2>&1); trial_status=$?
echo "trial-rebuild --all: exit $trial_status ($(echo "$trial" | grep -c '^DIFF') differences)"
[ "$trial_status" -eq 0 ] || { echo "$trial" | tail -20; fail "the rebuilt read models differ from the live ones"; }

echo "failover: ${failover:-none within 120 s} s (target $target s): the survivor ran every shard past the kill's last event; it led the background jobs after ${jobs_moved:-never} s; everything written was published and delivered ${caught_up:-never} s after the kill"
if [ -z "$failover" ] || awk -v f="$failover" -v t="$target" 'BEGIN { exit !(f > t) }'; then fail "no failover within $target s"; fi
echo "violations: $violations"
[ "$violations" -eq 0 ]
