#!/usr/bin/env bash
# The planning board's speed (issue 31 item 9): a move's verdict under 50 ms and the board's first
# view under 1 s on the 1,000-staff region week and on four weeks of the 24-hour home.
# Home visits' verdicts are timed too where the week has them (the neighbourhood team, "team 100 300").
# Usage: benchmarks/run_board_benchmark.sh [INSTANCE…]   e.g. "region 1000 2500 40" "homes 30 1 4" "team 100 300"
# (a homes instance's fourth number is its weeks). Each is solved with the release build
# (TIME_LIMIT, default 60 s), served on a free port, and timed by board_timing.py (MOVES verdicts).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product zorgrooster >/dev/null
instances=("$@")
[ ${#instances[@]} -gt 0 ] || instances=("region 1000 2500 40" "homes 30 1 4" "team 100 300")
work=$(mktemp -d)
printf '| %-22s | %5s | %7s | %12s | %9s | %13s | %10s | %10s | %8s | %7s | %12s | %9s | %6s | %13s |\n' instance weeks solve_s first_view_s roster_s verdict_med_ms verdict_p90 verdict_max verdicts allowed visit_med_ms visit_max visits visits_allowed
printf '|%s|\n' "------------------------|-------|---------|--------------|-----------|---------------|------------|------------|----------|---------|--------------|-----------|--------|---------------"
for instance in "${instances[@]}"; do
  set -- $instance
  kind=$1; weeks=1
  if [ "$kind" = homes ] && [ $# -ge 4 ]; then weeks=$4; set -- "$1" "$2" "$3"; fi
  name=$(echo "$instance" | tr ' ' '_')
  python3 benchmarks/generate_engine_week.py "$@" > "$work/$name.yaml"
  if [ "$weeks" != 1 ]; then sed -i "s/^week: \(.*\)$/week: \1\nweeks: ${weeks}/" "$work/$name.yaml"; fi
  started=$(date +%s.%N)
  .build/release/zorgrooster solve "$work/$name.yaml" --out "$work/$name" --time-limit "${TIME_LIMIT:-60}" --quiet
  solved=$(echo "$(date +%s.%N) - $started" | bc)
  .build/release/zorgrooster serve "$work/$name.yaml" "$work/$name" --port 0 > "$work/$name.serve" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do grep -q "http://" "$work/$name.serve" && break; sleep 0.5; done
  address=$(grep -o "http://[^ ]*" "$work/$name.serve" | head -1)
  read -r first roster med p90 max count allowed vmed vmax vcount vallowed < <(python3 benchmarks/board_timing.py "$address" "${MOVES:-30}")
  kill "$server"; wait "$server" 2>/dev/null || true
  printf '| %-22s | %5s | %7.1f | %12s | %9s | %13s | %10s | %10s | %8s | %7s | %12s | %9s | %6s | %13s |\n' "$instance" "$weeks" "$solved" "$first" "$roster" "$med" "$p90" "$max" "$count" "$allowed" "$vmed" "$vmax" "$vcount" "$vallowed"
done
rm -rf "$work"
