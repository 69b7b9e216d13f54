#!/usr/bin/env bash
# Solves generated group weeks of growing size and prints time, status, gap and peak memory.
# Usage: benchmarks/run_group_benchmark.sh [SIZES…]   (default: 10 40 150 staff; time limit 120 s each)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
[ -x /usr/bin/time ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
swift build -c release --product zorgrooster >/dev/null
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10 40 150)
work=$(mktemp -d)
printf '%-6s %-10s %-8s %-9s %-10s %-9s %-8s\n' staff status seconds gap coverage peak_MiB checked
for size in "${sizes[@]}"; do
  python3 benchmarks/generate_group_week.py "$size" > "$work/s$size.yaml"
  /usr/bin/time -f '%M' -o "$work/mem$size" .build/release/zorgrooster solve "$work/s$size.yaml" --out "$work/o$size" \
      --time-limit "${TIME_LIMIT:-120}" --gap 0.01 --quiet
  checked=$(.build/release/zorgrooster check "$work/s$size.yaml" "$work/o$size" >/dev/null && echo yes || echo NO)
  python3 - "$work/o$size/summary.json" "$work/mem$size" "$size" "$checked" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); mem = int(open(sys.argv[2]).read().split()[-1]) / 1024
print(f"{sys.argv[3]:<6} {s['status']:<10} {s['solve_seconds']:<8} {s['gap']*100:<8.2f}% {s['coverage']*100:<9.2f}% {mem:<9.0f} {sys.argv[4]}")
PY
done
