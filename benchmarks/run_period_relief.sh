#!/usr/bin/env bash
# What planning the week before again buys a period (issue 11, `relieveBoundary`): random
# providers of fuzz_weeks.py, each made a period of WEEKS weeks (default 4), solved by this build
# and by OLD_BIN (a zorgrooster built from an earlier commit, e.g. one before the relief) at the
# same limit; this build's roster must pass `check` (its maximality asks the later weeks).
# Usage: OLD_BIN=/tmp/old/.build/release/zorgrooster benchmarks/run_period_relief.sh [FIRST_SEED] [COUNT]
# (TIME_LIMIT per period, default 30; SCALE as run_fuzz.sh.) Prints one line per seed: hours short
# by each build, this build's tries (`--verbose` log lines `period:`) and those kept, its check.
set -uo pipefail
cd "$(dirname "$0")/.."
first=${1:-1} count=${2:-20} limit=${TIME_LIMIT:-30} weeks=${WEEKS:-4}
swift build -c release --product zorgrooster >/dev/null || exit 1
work=$(mktemp -d)
short() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['uncovered_hours'])" "$1/summary.json" 2>/dev/null || echo "-"; }
printf '| %5s | %13s | %13s | %5s | %5s | %8s |\n' seed old_short_h new_short_h tries kept checked
printf '|-------|---------------|---------------|-------|-------|----------|\n'
for seed in $(seq "$first" $((first + count - 1))); do
  python3 benchmarks/fuzz_weeks.py "$seed" "${SCALE:-1}" | grep -v '^weeks:' | sed "s/^week: \(.*\)$/week: \1\nweeks: $weeks/" > "$work/$seed.yaml"
  checked=no
  if .build/release/zorgrooster solve "$work/$seed.yaml" --out "$work/$seed.new" --time-limit "$limit" --quiet --verbose >/dev/null 2>"$work/$seed.log" \
     && .build/release/zorgrooster check "$work/$seed.yaml" "$work/$seed.new" >/dev/null 2>&1; then checked=yes; fi
  old="-"
  if [ -n "${OLD_BIN:-}" ] && "$OLD_BIN" solve "$work/$seed.yaml" --out "$work/$seed.old" --time-limit "$limit" --quiet >/dev/null 2>&1; then
    old=$(short "$work/$seed.old")
  fi
  tries=$(grep -c '^period: ' "$work/$seed.log"); kept=$(grep -c '^period: .* met by ' "$work/$seed.log")
  printf '| %5s | %13s | %13s | %5s | %5s | %8s |\n' "$seed" "$old" "$(short "$work/$seed.new")" "$tries" "$kept" "$checked"
done
echo "work folder: $work"
