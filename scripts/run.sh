#!/usr/bin/env bash
# Runs the Kinerja API. Without ConnectionStrings__Kinerja it provisions (once) and starts a private
# PostgreSQL cluster under .local/ and keeps its data between runs.
# Extra arguments go to the service, e.g. `scripts/run.sh projections list` or `scripts/run.sh token --role hr-admin`.
# `scripts/run.sh --demo` first loads a small demo city (200 ASN of Kota Ambon, seed 2026) when the database has no employees yet.
# The service runs as published ReadyToRun for linux-x64 into .local/api: precompiled code starts on about three quarters of the
# CPU time a plain build needs, which spends it in the JIT (docs/decisions/069). Outside Development, `db-apply` runs
# first, as a deployment would: the service itself changes the schema on start only in Development (Kinerja:ApplySchemaOnStart).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh
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
  dotnet build tools/Kinerja.Tools -c Release -v q -nologo >&2
  dotnet run --project tools/Kinerja.Tools -c Release --no-build --no-launch-profile -- generate-city --employees 200 --seed 2026 --if-empty >&2
fi
api=$PWD/.local/api
dotnet publish src/Api -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$api" -v q -nologo >&2
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
