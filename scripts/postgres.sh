# shellcheck shell=bash
# Provisions a private PostgreSQL 15 cluster for this checkout; sourced by run.sh and test.sh.
# Usage: pg_provision NAME [fresh]  -> exports KINERJA_PG_DIR, KINERJA_PG_PORT, KINERJA_PG_CONNECTION
#        pg_stop                    -> stops the cluster this shell started (and only that one)

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
KINERJA_ROOT=${KINERJA_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}

pg_as_owner() {
  # PostgreSQL refuses to run as root: as root, run its tools as the postgres user.
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

pg_ensure_server() {
  [ -x "$PG_BIN/initdb" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "PostgreSQL 15 server not found; installing the OS package..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null) || {
      echo "Could not install postgresql-15." >&2; return 1; }
  else
    echo "PostgreSQL 15 server binaries are missing ($PG_BIN). Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y postgresql-15" >&2
    echo "or set ConnectionStrings__Kinerja to an existing database." >&2
    return 1
  fi
}

pg_cluster_dir() {
  # In the checkout's ignored .local folder, unless the postgres user cannot reach it (a checkout
  # under root's home, mode 700): then under /var/tmp, named after the checkout path.
  local dir="$KINERJA_ROOT/.local/postgres-$1"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$KINERJA_ROOT"; then
    dir="/var/tmp/kinerja-$(printf %s "$KINERJA_ROOT" | sha1sum | cut -c1-12)/postgres-$1"
  fi
  echo "$dir"
}

pg_port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_pick_port() {
  local port=${1:-54330}
  while ! pg_port_free "$port"; do port=$((port + 1)); done
  echo "$port"
}

pg_provision() {
  local name=$1 fresh=${2:-}
  pg_ensure_server || return 1
  KINERJA_PG_DIR=$(pg_cluster_dir "$name")
  local data="$KINERJA_PG_DIR/data"
  if [ -n "$fresh" ] && [ -d "$KINERJA_PG_DIR" ]; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$KINERJA_PG_DIR"
  fi
  mkdir -p "$KINERJA_PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$KINERJA_PG_DIR"
  if [ ! -f "$data/PG_VERSION" ]; then
    pg_as_owner "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$KINERJA_PG_DIR/initdb.log" 2>&1 || {
      cat "$KINERJA_PG_DIR/initdb.log" >&2; return 1; }
  fi
  if pg_as_owner "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    KINERJA_PG_PORT=$(cat "$KINERJA_PG_DIR/port")
  else
    local wanted
    wanted=$(cat "$KINERJA_PG_DIR/port" 2>/dev/null || echo 54330)
    local attempt
    for attempt in 1 2 3 4 5; do
      KINERJA_PG_PORT=$(pg_pick_port "$wanted")
      echo "$KINERJA_PG_PORT" >"$KINERJA_PG_DIR/port"
      if pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$KINERJA_PG_DIR/server.log" -w -t 60 \
        -o "-p $KINERJA_PG_PORT -c listen_addresses=127.0.0.1 -k $KINERJA_PG_DIR -c max_connections=300 -c fsync=${KINERJA_PG_FSYNC:-on} -c shared_buffers=${KINERJA_PG_SHARED_BUFFERS:-128MB} ${KINERJA_PG_OPTIONS:-}" start >/dev/null; then
        KINERJA_PG_STARTED=1
        break
      fi
      # A port nobody listens on can still be taken by a socket of another program (a client's port, one in
      # TIME-WAIT): the probe sees it free and the server cannot bind it. Then the next port is tried.
      if [ "$attempt" = 5 ] || ! tail -5 "$KINERJA_PG_DIR/server.log" | grep -q "Address already in use"; then
        tail -20 "$KINERJA_PG_DIR/server.log" >&2; return 1
      fi
      wanted=$((KINERJA_PG_PORT + 1))
    done
  fi
  "$PG_BIN/psql" -h 127.0.0.1 -p "$KINERJA_PG_PORT" -U postgres -d postgres -tAc "select 1 from pg_database where datname='kinerja'" | grep -q 1 \
    || "$PG_BIN/createdb" -h 127.0.0.1 -p "$KINERJA_PG_PORT" -U postgres kinerja
  # The search's trigram indexes need pg_trgm (docs/decisions/154). db-apply creates it too, but hosts starting side by side on one
  # database (the tests, two nodes) would race to create it: here it exists before any of them starts, as a deployment's would.
  "$PG_BIN/psql" -h 127.0.0.1 -p "$KINERJA_PG_PORT" -U postgres -d kinerja -qc "create extension if not exists pg_trgm" || return 1
  KINERJA_PG_CONNECTION="Host=127.0.0.1;Port=$KINERJA_PG_PORT;Database=kinerja;Username=postgres;Maximum Pool Size=100"
  export KINERJA_PG_DIR KINERJA_PG_PORT KINERJA_PG_CONNECTION
}

pg_stop() {
  if [ -n "${KINERJA_PG_STARTED:-}" ] && [ -n "${KINERJA_PG_DIR:-}" ]; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$KINERJA_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  fi
}
