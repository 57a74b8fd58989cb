#!/usr/bin/env bash
# Publishes the service for a server or a container: self-contained for linux-x64 (the .NET runtime comes along, so the
# host needs none), ReadyToRun (docs/decisions/069), into .local/publish or the folder given.
#   scripts/publish.sh [OUT]   then e.g. `docker build -t kinerja .` (Dockerfile) or copy OUT to /opt/kinerja (deploy/).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$PWD/.local/publish}
dotnet publish src/Api -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -o "$out" -v q -nologo
rm -f "$out"/appsettings.Development.json
echo "Published to $out: run $out/Kinerja.Api (ASPNETCORE_ENVIRONMENT=Production unless set), after $out/Kinerja.Api db-apply." >&2
