#!/usr/bin/env bash
# The whole suite: system parts, type-check, lint, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system-deps.sh
echo "== type-check"; npx tsc --noEmit
echo "== lint"; npx eslint . --max-warnings 0
echo "== tests"; npx vitest run "$@"
