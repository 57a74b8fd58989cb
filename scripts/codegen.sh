#!/usr/bin/env bash
# Writes Wolverine's generated handler code into src/Infrastructure/Internal/Generated, where Infrastructure compiles it and
# loads it statically at start (docs/decisions/065). Run it after adding, removing or changing a message
# handler or a Wolverine policy, and commit the folder.
#   scripts/codegen.sh           regenerate (builds without the old code, writes, builds again)
#   scripts/codegen.sh --check   regenerate from the Release build already made into a scratch folder and fail
#                                when it differs from the committed code (scripts/test.sh runs this)
set -euo pipefail
cd "$(dirname "$0")/.."
target=src/Infrastructure/Internal/Generated
dll="$PWD/src/Api/bin/Release/net10.0/Kinerja.Api.dll"
check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  *) echo "usage: scripts/codegen.sh [--check]" >&2; exit 2 ;;
esac

build() { dotnet build src/Api -c Release -v q -nologo >"$scratch/build.log" 2>&1 || { cat "$scratch/build.log" >&2; exit 1; }; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
if ! $check; then
  # Code generated for an older handler may no longer compile: build without it. Writing takes the handlers
  # from the assemblies, not from the old code (the codegen verb discovers them afresh).
  rm -rf "$target"
  build
fi

# The code goes to the content root's Internal/Generated, so the verb runs in the scratch folder. It builds the
# host without starting it: nothing connects to the database, but the service wants a connection string.
(cd "$scratch" && ConnectionStrings__Kinerja="Host=127.0.0.1;Database=codegen" dotnet "$dll" codegen write >"$scratch/codegen.log" 2>&1) || {
  cat "$scratch/codegen.log" >&2; echo "codegen write failed" >&2; exit 1; }
written="$scratch/Internal/Generated"
[ -d "$written" ] || { cat "$scratch/codegen.log" >&2; echo "codegen write wrote nothing" >&2; exit 1; }

if $check; then
  if ! diff -ru "$target" "$written" >"$scratch/diff" 2>&1; then
    sed "s|$written|(regenerated)|g" "$scratch/diff" | head -60 >&2
    echo "The generated code in $target is stale: run scripts/codegen.sh and commit the folder." >&2
    exit 1
  fi
  echo "Generated code is current ($(find "$target" -name '*.cs' | wc -l) files)."
else
  mkdir -p "$(dirname "$target")"
  cp -r "$written" "$target"
  build
  echo "Wrote $(find "$target" -name '*.cs' | wc -l) files to $target; commit them."
fi
