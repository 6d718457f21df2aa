#!/usr/bin/env bash
# The model's mutation score from Stryker json reports, with the mutants triaged as equivalent in
# mutation/triage.json set aside:
#   score = non-equivalent (killed + timeout) / (non-equivalent killed + timeout + survived + no coverage)
# A triaged-equivalent mutant counts on neither side, whatever its status: a run that "detects" one did so by a
# timeout or the hang watchdog on a slow run, or the triage is wrong (noted for a human to re-check).
# Usage: ci/mutation-score.sh [FULL [INCREMENTAL...]]
#   FULL         the last full run (default mutation/mutation-report.json)
#   INCREMENTAL  later partial runs (--since the full run's commit, or -m on chosen lines), applied in order
#                (default, when FULL is not given: mutation/incremental/*.json in name order). A file whose
#                source differs from the one before was re-tested whole, so the later entry replaces it; in the
#                other files a mutant the later run tested takes its status, the rest keep theirs. A file the
#                later run left out (-m) keeps its earlier entry.
# Lists every surviving or uncovered mutant that is not triaged, and notes every triaged-equivalent mutant the
# run detected after all. Exit 0 when none is left untriaged and the
# score is at least 90 %; 1 otherwise; 2 for a missing or unreadable file.
set -euo pipefail
cd "$(dirname "$0")/.."
full="${1:-mutation/mutation-report.json}"
if [[ $# -gt 0 ]]; then shift; incremental=("$@"); else incremental=(mutation/incremental/*.json); fi
[[ -e "${incremental[0]:-}" ]] || incremental=()
triage="mutation/triage.json"
for f in "$full" "$triage" "${incremental[@]}"; do
  if ! jq -e . "$f" >/dev/null 2>&1; then echo "mutation-score: cannot read $f as json" >&2; exit 2; fi
done
jq -r --slurpfile triage "$triage" --slurpfile later <(jq -s . /dev/null "${incremental[@]}") '
  def rel: sub(".*/src/MmVerify.Model/"; "");
  def at: "\(.location.start.line):\(.location.start.column) \(.mutatorName) \(.replacement // "")";
  def tested: .status | IN("Killed", "Survived", "Timeout", "NoCoverage", "CompileError");
  def key: "\(.file):\(.line) \(.mutator) \(.replacement)";
  def over($inc):
    with_entries(. as $f | ($inc[$f.key]) as $s
      | if $s == null or $s.source == "File ignored by mutate filter" then $f
        elif $s.source != $f.value.source then .value = $s
        else .value.mutants |= map(. as $m | ([$s.mutants[] | select(tested and at == ($m | at))] | first) // $m)
        end);
  (reduce $later[0][] as $r (.files | with_entries(.key |= rel); over($r.files | with_entries(.key |= rel)))) as $files
  | ($triage[0].equivalent | map({key: key, value: .reason}) | from_entries) as $eq
  | [ $files | to_entries[] | .key as $f | .value.mutants[]
      | {file: $f, line: .location.start.line, mutator: .mutatorName, replacement: (.replacement // ""), status} ] as $all
  | ($all | map(select((.status == "Killed" or .status == "Timeout") and $eq[key] == null)) | length) as $detected
  | ($all | map(select(.status == "Survived" or .status == "NoCoverage"))) as $undetected
  | ($undetected | map(select($eq[key] != null)) | length) as $equivalent
  | ($all | map(select((.status == "Killed" or .status == "Timeout") and $eq[key] != null))) as $contested
  | ($undetected | map(select($eq[key] == null))) as $open
  | ($detected + ($undetected | length) - $equivalent) as $valid
  | ($all | map(select(.status == "Killed" or .status == "Timeout")) | length) as $rawDetected
  | (if $valid == 0 then 0 else ($detected * 10000 / $valid | floor) / 100 end) as $score
  | "mutants \($all | length): killed or timed out \($rawDetected), survived \($all | map(select(.status == "Survived")) | length), no coverage \($all | map(select(.status == "NoCoverage")) | length), compile errors \($all | map(select(.status == "CompileError")) | length), ignored \($all | map(select(.status == "Ignored")) | length)",
    "equivalent (triaged) \($equivalent); untriaged \($open | length)",
    "score \($score) % of non-equivalent mutants (Stryker raw score \(if ($rawDetected + ($undetected | length)) == 0 then 0 else ($rawDetected * 10000 / ($rawDetected + ($undetected | length)) | floor) / 100 end) %)",
    ($open[] | "untriaged \(.status): \(key)"),
    ($contested[] | "note: triaged equivalent but \(.status): \(key) (not counted: a wrong triage, or a timeout or hang-watchdog verdict on a slow run)"),
    (if ($open | length) == 0 and $score >= 90 then "ok" else "FAIL" end)
' "$full" | tee /dev/stderr | tail -1 | grep -qx ok
