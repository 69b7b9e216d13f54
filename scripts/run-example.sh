#!/usr/bin/env bash
# One command: install what is missing, build, and plan the bundled example week.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product zorgrooster
scenario="${1:-scenarios/dagbesteding-de-linde.yaml}"
out="${2:-out/example}"
.build/release/zorgrooster solve "$scenario" --out "$out"
.build/release/zorgrooster check "$scenario" "$out"
