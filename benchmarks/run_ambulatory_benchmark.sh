#!/usr/bin/env bash
# Solves generated ambulatory weeks and prints time, placed visits against an upper bound, gap and peak memory.
# Usage: benchmarks/run_ambulatory_benchmark.sh [STAFF/CLIENTS …]   (default: 30/150 100/600; TIME_LIMIT default 20 s)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
[ -x /usr/bin/time ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
swift build -c release --product zorgrooster >/dev/null
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(30/150 100/600)
work=$(mktemp -d)
printf '%-9s %-9s %-8s %-8s %-8s %-7s %-7s %-9s %-8s %-7s\n' size status seconds gap visits placed bound placed/bd peak_MiB checked
for size in "${sizes[@]}"; do
  staff=${size%/*}; clients=${size#*/}; name="a${staff}_${clients}"
  python3 benchmarks/generate_ambulatory_week.py "$staff" "$clients" > "$work/$name.yaml"
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/mem$name" .build/release/zorgrooster solve "$work/$name.yaml" --out "$work/o$name" \
      --time-limit "${TIME_LIMIT:-20}" --gap 0.01 --quiet
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  checked=$(.build/release/zorgrooster check "$work/$name.yaml" "$work/o$name" >/dev/null && echo yes || echo NO)
  python3 - "$work/o$name/summary.json" "$work/mem$name" "$size" "$checked" "$wall" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); mem = int(open(sys.argv[2]).read().split()[-1]) / 1024
share = s['visits_placed'] / max(1, s['visits_placeable_bound']) * 100
print(f"{sys.argv[3]:<9} {s['status']:<9} {float(sys.argv[5]):<8.1f} {s['gap']*100:<7.2f}% {s['visits_asked']:<8} {s['visits_placed']:<7} "
      f"{s['visits_placeable_bound']:<7} {share:<8.1f}% {mem:<8.0f} {sys.argv[4]}")
PY
done
