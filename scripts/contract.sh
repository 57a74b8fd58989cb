#!/usr/bin/env bash
# Checks the OpenAPI document with tools from outside the project (docs/decisions/108):
#   1. Spectral with its OpenAPI rules and the OWASP API security rules (tools/contract/.spectral.yaml): no errors allowed;
#   2. openapi-typescript generates a TypeScript client and `tsc --noEmit` type-checks the portal-sync sample against it.
# Usage: scripts/contract.sh DOCUMENT.json   (scripts/test.sh passes the document the integration tests read from the service)
# Prints "contract: N passed, N failed". The tools come from the npm registry at the versions of tools/contract/package-lock.json,
# installed into .local/contract (ignored by git) and reinstalled only when the lock file changes.
set -uo pipefail
cd "$(dirname "$0")/.."
document=${1:?usage: scripts/contract.sh DOCUMENT.json}
tools=.local/contract

if ! cmp -s tools/contract/package-lock.json "$tools/package-lock.json" || [ ! -d "$tools/node_modules" ]; then
  if ! command -v npm >/dev/null; then
    echo "npm is missing: install Node.js 20 or later (apt-get install -y nodejs npm)"; echo "contract: 0 passed, 2 failed"; exit 1
  fi
  rm -rf "$tools" && mkdir -p "$tools" && cp tools/contract/package.json tools/contract/package-lock.json "$tools/"
  (cd "$tools" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error) || { echo "contract: 0 passed, 2 failed"; exit 1; }
fi

passed=0; failed=0
# Spectral resolves the OWASP ruleset's package from beside the ruleset file: lint with a copy next to node_modules.
cp tools/contract/.spectral.yaml "$tools/.spectral.yaml"
if "$tools/node_modules/.bin/spectral" lint "$document" --ruleset "$tools/.spectral.yaml" --fail-severity error \
    --display-only-failures --format text; then
  echo "Spectral (spectral:oas + OWASP): no errors"; passed=$((passed + 1))
else
  echo "Spectral (spectral:oas + OWASP): errors above"; failed=$((failed + 1))
fi

sample=samples/portal-sync
if "$tools/node_modules/.bin/openapi-typescript" "$document" -o "$sample/generated/kinerja.ts" --silent \
    && "$tools/node_modules/.bin/tsc" -p "$sample/tsconfig.json"; then
  echo "TypeScript portal-sync sample: compiles against the generated client"; passed=$((passed + 1))
else
  echo "TypeScript portal-sync sample: does not compile against the generated client"; failed=$((failed + 1))
fi

echo "contract: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
