#!/usr/bin/env bash
# The incremental mutation check CI runs: Stryker (mutation/stryker-config.json) on the mutants of model code
# changed since the commit the committed reports were made at (mutation/tested-at), and on the mutants whose
# covering tests changed since then. The full run (ci/mutation.sh) is too long for every CI run; this keeps a
# change to the model or its tests from landing below the config's break threshold (85 %) unnoticed.
# Usage: ci/mutation-since.sh [--report FILE] [stryker arguments]; --report keeps Stryker's json report.
# Exit codes: 0 nothing below the break threshold; Stryker's non-zero code otherwise; 2 no usable baseline.
set -euo pipefail
keep=""
if [[ "${1:-}" == "--report" ]]; then keep="$(realpath -m "$2")"; shift 2; fi
cd "$(dirname "$0")/.."
base="$(tr -d '[:space:]' < mutation/tested-at 2>/dev/null || true)"
if [[ -z "$base" ]] || ! git cat-file -e "$base^{commit}" 2>/dev/null; then
  echo "mutation-since: mutation/tested-at does not name a commit of this clone's history" >&2
  exit 2
fi
dotnet tool restore >/dev/null
# A mutant that makes a model loop endless fails its unit test after 3 s (the slowest unit test takes
# milliseconds) instead of hanging the run until Stryker's timeout (tests/MmVerify.Model.Tests/Support/HangWatchdog.cs).
export MMVERIFY_TEST_WATCHDOG_MS="${MMVERIFY_TEST_WATCHDOG_MS:-3000}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
status=0
(cd mutation && dotnet stryker -f stryker-config.json -O "$out" --since:"$base" -r progress -r json "$@") || status=$?
if [[ -n "$keep" && -f "$out/reports/mutation-report.json" ]]; then cp "$out/reports/mutation-report.json" "$keep"; fi
exit "$status"
