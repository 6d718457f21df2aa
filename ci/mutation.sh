#!/usr/bin/env bash
# The full mutation run of the model (Stryker.NET 5.1.0, mutation/stryker-config.json): mutants of
# src/MmVerify.Model against tests/MmVerify.Model.Tests. Writes mutation/mutation-report.json (and the html
# report beside it) and prints the score with the triaged equivalent mutants set aside (ci/mutation-score.sh).
# Exit codes: 0 score at or above the break threshold; Stryker's own non-zero code otherwise.
# Extra arguments go to Stryker, e.g. --since:main (incremental; test-project mode) or -m "**/Watermarks/*.cs".
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
# A mutant that makes a model loop endless fails its unit test after 3 s (the slowest unit test takes
# milliseconds) instead of hanging the run until Stryker's timeout (tests/MmVerify.Model.Tests/Support/HangWatchdog.cs).
export MMVERIFY_TEST_WATCHDOG_MS="${MMVERIFY_TEST_WATCHDOG_MS:-3000}"
out="$(mktemp -d)"
(cd mutation && dotnet stryker -f stryker-config.json -O "$out" "$@")
cp "$out/reports/mutation-report.json" mutation/mutation-report.json
cp "$out/reports/mutation-report.html" mutation/mutation-report.html
ci/mutation-score.sh mutation/mutation-report.json
