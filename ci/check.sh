#!/usr/bin/env bash
# The main job: set up, then run `mmverify check` over the built-in catalog. Arguments pass through.
set -euo pipefail
cd "$(dirname "$0")/.."
ci/setup.sh
exec ci/mmverify check "$@"
