#!/usr/bin/env bash
# Builds and runs every test against a fresh private PostgreSQL cluster, then prints "N passed, N failed".
# Extra arguments go to `dotnet test`, e.g. `scripts/test.sh --filter FullyQualifiedName~Employees`.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh
source scripts/chromium.sh

started=$(date +%s)
chromium_ensure || { echo "0 passed, 1 failed"; exit 1; }
if [ -z "${KINERJA_TEST_CONNECTION:-}" ]; then
  # Test data is thrown away, so durability is not needed: fsync off makes commits cheap.
  KINERJA_PG_FSYNC=off pg_provision test fresh || exit 1
  trap pg_stop EXIT
  export KINERJA_TEST_CONNECTION="$KINERJA_PG_CONNECTION"
fi

dotnet build Kinerja.sln -c Release -v q -nologo || { echo "0 passed, 1 failed"; exit 1; }
# The service loads Wolverine's generated code statically: code that no longer matches the handlers would leave
# a new handler out or run an old shape, so regenerate it from this build and fail on any difference (065).
bash scripts/codegen.sh --check || { echo "0 passed, 1 failed"; exit 1; }

results=$(mktemp -d)
# The integration tests check every answer against the OpenAPI document the service serves, and write it here for the
# outside tools (scripts/contract.sh) that run after them.
export KINERJA_OPENAPI_OUT="$results/openapi.json"
# Normal verbosity, because only there does xunit print the stack trace of a failure outside a test (a fixture's clean-up),
# which is not a test result and leaves nothing else behind. What normal adds besides (a line per passed test, the hosts'
# start-up lines and JasperFx's command scan) stays out of the output.
dotnet test Kinerja.sln -c Release --no-build --nologo --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@" 2>&1 \
  | tee "$results/console.log" \
  | grep --line-buffered -v -E "^(\s+Passed |\{\"@t\"|Searching '|(PublicKeyToken=null' )?(for )?commands$)"
status=${PIPESTATUS[0]}

# dotnet test prints a summary per test assembly; the closing line adds them up from the TRX files.
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

# Spectral (OpenAPI + OWASP rules) and the TypeScript client sample, counted as two more tests (docs/decisions/108).
if [ -f "$KINERJA_OPENAPI_OUT" ]; then
  # Not `tee /dev/stderr`: when stderr is a file, tee opens it again with truncation and wipes what the suite printed.
  bash scripts/contract.sh "$KINERJA_OPENAPI_OUT" > "$results/contract.log" 2>&1
  cat "$results/contract.log"
  contract=$(tail -1 "$results/contract.log")
  p=$(sed -n 's/^contract: \([0-9]*\) passed.*/\1/p' <<<"$contract"); f=$(sed -n 's/.* \([0-9]*\) failed$/\1/p' <<<"$contract")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-1}))
else
  echo "Contract checks skipped: no integration test ran, so there is no OpenAPI document to check."
fi
# Name the failed tests last, next to the summary, where a reader of only the end of the output still sees them.
if [ "$failed" -gt 0 ]; then
  python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for trx in glob.glob(sys.argv[1] + "/*.trx"):
    for r in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult[@outcome='Failed']", ns):
        message = r.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=ns).strip()
        print("FAILED " + r.get("testName", "?"))
        for line in message.splitlines()[:6]:
            print("    " + line[:300])
PY
  # A fixture's set-up or clean-up failure, with the trace xunit printed after it.
  grep -A 40 -E '\[Test (Class|Collection|Assembly) (Cleanup|Setup)? ?Failure' "$results/console.log" | grep -E '^\[xUnit' | head -60 || true
fi
echo "Suite time: $(( $(date +%s) - started )) s"
echo "$passed passed, $failed failed"
rm -rf "$results"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
