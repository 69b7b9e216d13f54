#!/usr/bin/env bash
# The anytime-engine benchmark (issue 10): the three families of generate_engine_week.py at the
# issue's sizes, each solved with the release build and checked (maximality included), as a table.
# Usage: benchmarks/run_engine_benchmark.sh [INSTANCE…]   e.g. "region 150 400 16"
# TIME_LIMIT (default 60) applies to every instance; the peer (benchmarks/peer/) is run separately.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
[ -x /usr/bin/time ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
swift build -c release --product zorgrooster >/dev/null
instances=("$@")
[ ${#instances[@]} -gt 0 ] || instances=("region 40 100 4" "region 150 400 16" "region 400 1000 25" "region 1000 2500 40"
                                         "homes 30 1" "homes 60 3" "team 30 150" "team 100 600")
work=$(mktemp -d)
printf '| %-20s | %5s | %7s | %9s | %11s | %11s | %7s | %13s | %8s | %7s | %7s |\n' instance limit wall_s shortfall_h objective bound gap visits_placed peak_MiB maximal checked
printf '|%s|\n' "----------------------|-------|---------|-----------|-------------|-------------|---------|---------------|----------|---------|---------"
for instance in "${instances[@]}"; do
  name=$(echo "$instance" | tr ' ' '_')
  python3 benchmarks/generate_engine_week.py $instance > "$work/$name.yaml"
  limit="${TIME_LIMIT:-60}"
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/$name.mem" .build/release/zorgrooster solve "$work/$name.yaml" --out "$work/$name" \
      --time-limit "$limit" --quiet >/dev/null
  end=$(date +%s.%N)
  check=$(.build/release/zorgrooster check "$work/$name.yaml" "$work/$name" 2>&1 || true)
  checked=$(echo "$check" | grep -q '^OK' && echo yes || echo NO)
  maximal=$(echo "$check" | grep -q '\[maximal\]' && echo NO || echo yes)
  python3 - "$work/$name/summary.json" "$work/$name.mem" "$instance" "$limit" "$start" "$end" "$maximal" "$checked" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); mem = int(open(sys.argv[2]).read().split()[-1]) / 1024
wall = float(sys.argv[6]) - float(sys.argv[5])
gap = "-" if s["gap"] is None else f"{s['gap']*100:.2f}%"
visits = f"{s['visits_placed']}/{s['visits_placeable_bound']}" if s["visits_placeable_bound"] else "-"
bound = "-" if s["best_bound"] is None else f"{s['best_bound']:.1f}"
print(f"| {sys.argv[3]:<20} | {sys.argv[4]:>5} | {wall:7.1f} | {s['uncovered_hours']:9.1f} | {s['objective']:11.1f} | {bound:>11} | {gap:>7} | {visits:>13} | {mem:8.0f} | {sys.argv[7]:>7} | {sys.argv[8]:>7} |")
PY
done
