#!/usr/bin/env bash
# The read probes of a kept province against those of a kept city, alternated, run by `scripts/benchmark.sh --scale-probes`
# (issue 18: every probe's p99 within 1.5 times the city's). Both live in the rebuild cluster (.local/postgres-benchmark-rebuild),
# the province in schema kinerja and the city in schema benchmark_city, so each pair is timed minutes apart on one cluster and
# one machine state, instead of against a city measured in another hour. Each side is a `--probes-only` run (its own process,
# the warm pass first); the order inside a pair alternates (city first in odd pairs, province first in even ones).
# Set up once:
#   scripts/benchmark.sh --rebuild-only --employees 50000                                   (the province, schema kinerja)
#   Kinerja__Schema=benchmark_city scripts/benchmark.sh --rebuild-only --employees 10000 --rounds 1   (the city)
# Usage: scripts/benchmark.sh --scale-probes [--pairs 2] [--iterations 300] [--warm-pass 300]
set -euo pipefail
cd "$(dirname "$0")/../.."

pairs=2 probe_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --scale-probes) ;;
    --pairs) pairs=$2; shift ;;
    --iterations|--warm-pass) probe_args+=("$1" "$2"); shift ;;
    *) echo "unknown argument $1; usage: scripts/benchmark.sh --scale-probes [--pairs 2] [--iterations 300] [--warm-pass 300]" >&2; exit 2 ;;
  esac
  shift
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
side() { # side NAME SCHEMA PAIR
  echo "== pair $3: the $1 (schema $2), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  Kinerja__Schema=$2 scripts/benchmark.sh --probes-only "${probe_args[@]+"${probe_args[@]}"}" > "$out/$1-$3.log" 2>&1 \
    || { cat "$out/$1-$3.log"; echo "the $1's probes failed" >&2; exit 1; }
  grep -E '^(query|feed|warm|memory):|^ +(slowest|garbage collector):' "$out/$1-$3.log"
}
for pair in $(seq 1 "$pairs"); do
  if (( pair % 2 )); then side city benchmark_city "$pair"; side province kinerja "$pair"
  else side province kinerja "$pair"; side city benchmark_city "$pair"; fi
done

python3 - "$out" "$pairs" <<'PY'
import re, sys
out, pairs = sys.argv[1], int(sys.argv[2])
line = re.compile(r"^query:\s+(.+?)\s+p50\s+([\d.]+) ms\s+p99\s+([\d.]+) ms")
def read(path):
    return [(m.group(1), float(m.group(2)), float(m.group(3))) for m in map(line.match, open(path)) if m]
print(f"\nscale:    province p99 / city p99 by pair (target 1.5); p50s in brackets, city then province")
names = [n for n, _, _ in read(f"{out}/city-1.log")]
within = [0] * pairs
for name in names:
    cells = []
    for pair in range(1, pairs + 1):
        city = {n: (a, b) for n, a, b in read(f"{out}/city-{pair}.log")}[name]
        province = {n: (a, b) for n, a, b in read(f"{out}/province-{pair}.log")}[name]
        ratio = province[1] / city[1]
        within[pair - 1] += ratio <= 1.5
        cells.append(f"{ratio:5.2f}{' ' if ratio <= 1.5 else '*'} ({city[0]:.2f} / {province[0]:.2f})")
    print(f"  {name:<40} " + "   ".join(cells))
for pair in range(pairs):
    print(f"pair {pair + 1}: {within[pair]} of {len(names)} probes within 1.5x (* marks a miss)")
PY
