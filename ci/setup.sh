#!/usr/bin/env bash
# Installs what mmverify needs on a fresh Debian machine and builds it (Release).
# Idempotent: a second run only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (dotnet not on PATH)" >&2
  exit 2
fi

# Local tools (Stryker.NET arrives with the mutation work); harmless without a manifest.
if [ -f .config/dotnet-tools.json ] || [ -f dotnet-tools.json ]; then
  dotnet tool restore >/dev/null
fi

dotnet build Verify.sln -c Release -nologo -v quiet -clp:ErrorsOnly
