#!/usr/bin/env bash
# The model's mutation score from a Stryker json report (default mutation/mutation-report.json), with the
# mutants triaged as equivalent in mutation/triage.json set aside:
#   score = (killed + timeout) / (killed + timeout + survived + no coverage - equivalent)
# Lists every surviving or uncovered mutant that is not triaged. Exit 0 when none is left untriaged and the
# score is at least 90 %; 1 otherwise; 2 for a missing or unreadable file.
set -euo pipefail
cd "$(dirname "$0")/.."
report="${1:-mutation/mutation-report.json}"
triage="mutation/triage.json"
for f in "$report" "$triage"; do
  if ! jq -e . "$f" >/dev/null 2>&1; then echo "mutation-score: cannot read $f as json" >&2; exit 2; fi
done
jq -r --slurpfile triage "$triage" '
  def key: "\(.file):\(.line) \(.mutator) \(.replacement)";
  ($triage[0].equivalent | map({key: key, value: .reason}) | from_entries) as $eq
  | [ .files | to_entries[] | (.key | sub(".*/src/MmVerify.Model/"; "")) as $f | .value.mutants[]
      | {file: $f, line: .location.start.line, mutator: .mutatorName, replacement: (.replacement // ""), status} ] as $all
  | ($all | map(select(.status == "Killed" or .status == "Timeout")) | length) as $detected
  | ($all | map(select(.status == "Survived" or .status == "NoCoverage"))) as $undetected
  | ($undetected | map(select($eq[key] != null)) | length) as $equivalent
  | ($undetected | map(select($eq[key] == null))) as $open
  | ($detected + ($undetected | length) - $equivalent) as $valid
  | (if $valid == 0 then 0 else ($detected * 10000 / $valid | floor) / 100 end) as $score
  | "mutants \($all | length): killed or timed out \($detected), survived \($all | map(select(.status == "Survived")) | length), no coverage \($all | map(select(.status == "NoCoverage")) | length), compile errors \($all | map(select(.status == "CompileError")) | length), ignored \($all | map(select(.status == "Ignored")) | length)",
    "equivalent (triaged) \($equivalent); untriaged \($open | length)",
    "score \($score) % of non-equivalent mutants (Stryker raw score \(if ($detected + ($undetected | length)) == 0 then 0 else ($detected * 10000 / ($detected + ($undetected | length)) | floor) / 100 end) %)",
    ($open[] | "untriaged \(.status): \(key)"),
    (if ($open | length) == 0 and $score >= 90 then "ok" else "FAIL" end)
' "$report" | tee /dev/stderr | tail -1 | grep -qx ok
