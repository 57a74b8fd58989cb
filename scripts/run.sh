#!/usr/bin/env bash
# Runs the Kinerja API. Without ConnectionStrings__Kinerja it provisions (once) and starts a private
# PostgreSQL cluster under .local/ and keeps its data between runs.
# Extra arguments go to the service, e.g. `scripts/run.sh projections list` or `scripts/run.sh token --role hr-admin`.
# `scripts/run.sh --demo` first loads a small demo city (200 ASN of Kota Ambon, seed 2026) when the database has no employees yet.
# The service runs as published ReadyToRun for linux-x64 into .local/api: precompiled code starts on about three quarters of the
# CPU time a plain build needs, which spends it in the JIT (docs/decisions/069). Outside Development, `db-apply` runs
# first, as a deployment would: the service itself changes the schema on start only in Development (Kinerja:ApplySchemaOnStart).
# `scripts/run.sh stop` stops the local cluster (the data stays in .local/; the next run starts it again).
# The service is published again only when a source file changed since the last publish (a stamp in .local/api), so an
# admin verb on an unchanged checkout starts at once instead of after a build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh
if [ "${1:-}" = "stop" ] && [ $# -eq 1 ]; then
  KINERJA_PG_DIR=$(pg_cluster_dir run)
  if [ -d "$KINERJA_PG_DIR/data" ] && pg_as_owner "$PG_BIN/pg_ctl" -D "$KINERJA_PG_DIR/data" status >/dev/null 2>&1; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$KINERJA_PG_DIR/data" -m fast stop >/dev/null
    echo "Stopped the local PostgreSQL cluster in $KINERJA_PG_DIR (its data is kept)." >&2
  else
    echo "The local PostgreSQL cluster is not running." >&2
  fi
  exit 0
fi

# A fingerprint of everything a build reads: the tracked and new files of the given folders and the build settings.
source_stamp() {
  git ls-files -co --exclude-standard -- "$@" Directory.Build.props Directory.Packages.props global.json \
    | grep -v -e '/bin/' -e '/obj/' | sort | xargs -d '\n' sha1sum 2>/dev/null | sha1sum | cut -d' ' -f1
}
demo=
if [ "${1:-}" = "--demo" ]; then
  demo=1
  shift
fi

if [ -z "${ConnectionStrings__Kinerja:-}" ]; then
  pg_provision run
  export ConnectionStrings__Kinerja="$KINERJA_PG_CONNECTION"
  echo "PostgreSQL: 127.0.0.1:$KINERJA_PG_PORT (data in $KINERJA_PG_DIR)" >&2
fi
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
urls=${ASPNETCORE_URLS:-http://127.0.0.1:5080}
export ASPNETCORE_URLS=$urls

if [ -n "$demo" ]; then
  # The generator is development tooling (tools/Kinerja.Tools), not part of the service; building it builds the service too.
  tools_stamp=$(source_stamp src tools/Kinerja.Tools)
  if [ "$(cat .local/tools.stamp 2>/dev/null)" != "$tools_stamp" ]; then
    dotnet build tools/Kinerja.Tools -c Release -v q -nologo >&2
    mkdir -p .local && echo "$tools_stamp" > .local/tools.stamp
  fi
  dotnet run --project tools/Kinerja.Tools -c Release --no-build --no-launch-profile -- generate-city --employees 200 --seed 2026 --if-empty >&2
fi
api=$PWD/.local/api
api_stamp=$(source_stamp src)
if [ ! -f "$api/Kinerja.Api.dll" ] || [ "$(cat "$api/.source-stamp" 2>/dev/null)" != "$api_stamp" ]; then
  dotnet publish src/Api -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$api" -v q -nologo >&2
  echo "$api_stamp" > "$api/.source-stamp"
fi
# From the project folder, as `dotnet run` did: its appsettings are the content root's, and it defaults to Development there.
cd src/Api
if [ $# -eq 0 ] && [ "$ASPNETCORE_ENVIRONMENT" != Development ]; then
  dotnet "$api/Kinerja.Api.dll" db-apply >&2
fi
if [ $# -eq 0 ]; then
  base=${urls%%;*}
  echo "Kinerja API:   $base/api/v1" >&2
  echo "API reference: $base/reference  (OpenAPI: $base/openapi/v1.json)" >&2
  echo "A token:       scripts/run.sh token --role hr-admin" >&2
fi
exec dotnet "$api/Kinerja.Api.dll" "$@"
