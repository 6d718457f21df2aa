#!/usr/bin/env bash
# Installs what mmverify needs on a fresh Debian machine and builds it (Release).
# Idempotent: a second run only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (dotnet not on PATH)" >&2
  exit 2
fi

# Debian's chromium: the report tests render the HTML report in headless Chromium.
if ! command -v chromium >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  echo "setup: installing chromium (Debian package) for the report's browser tests" >&2
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# z3 (Debian's 4.8.12) for the SMT theories of `mmverify prove` and their tests; installed only if missing.
if ! command -v z3 >/dev/null 2>&1; then
  echo "setup: installing z3 (apt-get install z3)" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq && $sudo apt-get install -y -qq z3 >/dev/null
fi
if ! command -v z3 >/dev/null 2>&1; then
  echo "setup: z3 is required (apt-get install z3); the SMT tests fail without it" >&2
  exit 2
fi

# jq: ci/mutation-score.sh reads Stryker's json report with it (and a test runs that script).
if ! command -v jq >/dev/null 2>&1; then
  echo "setup: installing jq (apt-get install jq)" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null
fi

# Local tools: Stryker.NET for the mutation run (ci/mutation.sh).
if [ -f .config/dotnet-tools.json ] || [ -f dotnet-tools.json ]; then
  dotnet tool restore >/dev/null
fi

dotnet build Verify.sln -c Release -nologo -v quiet -clp:ErrorsOnly
