#!/usr/bin/env bash
# The anytime-engine benchmark (issue 10): the three families of generate_engine_week.py at the
# issue's sizes, each solved with the release build and checked (maximality included), as a table.
# Usage: benchmarks/run_engine_benchmark.sh [INSTANCE…]   e.g. "region 150 400 16"
# TIME_LIMIT (default 60) applies to every instance. PEER=1 also solves each group week (region,
# homes) with the CP-SAT peer (benchmarks/peer/cpsat_group_week.py, 2 workers, same limit) and adds
# its shortfall, objective, bound and status; it needs `pip install ortools pyyaml`. WEEKS=4 plans
# each instance as a period of that many weeks (`weeks:`; the table's figures cover the period).
# FIT=1 scales each week's salaried contracts to the work a first 20-s solve rostered
# (fit_contracts.py), so the hours-band column measures weeks that have the work. MIX=1 makes every
# 10th person a flex worker and every 25th an agency worker (mix_contracts.py), for extra spend.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
[ -x /usr/bin/time ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
swift build -c release --product zorgrooster >/dev/null
instances=("$@")
[ ${#instances[@]} -gt 0 ] || instances=("region 40 100 4" "region 150 400 16" "region 400 1000 25" "region 1000 2500 40"
                                         "homes 30 1" "homes 60 3" "team 30 150" "team 100 600")
work=$(mktemp -d)
peer_head="" peer_rule=""
if [ "${PEER:-0}" = 1 ]; then
  peer_head=$(printf ' %11s | %11s | %11s | %11s | %11s |' peer_short_h peer_object peer_bound peer_status peer_extra)
  peer_rule="-------------|-------------|-------------|-------------|-------------|"
fi
printf '| %-20s | %5s | %7s | %9s | %11s | %11s | %7s | %13s | %8s | %7s | %7s | %9s | %10s | %11s |%s\n' instance limit wall_s shortfall_h objective bound gap visits_placed peak_MiB maximal checked work/ctr in_band/able extra_spend "$peer_head"
printf '|%s|%s\n' "----------------------|-------|---------|-----------|-------------|-------------|---------|---------------|----------|---------|---------|-----------|------------|-------------" "$peer_rule"
for instance in "${instances[@]}"; do
  name=$(echo "$instance" | tr ' ' '_')
  python3 benchmarks/generate_engine_week.py $instance > "$work/$name.yaml"
  if [ "${WEEKS:-1}" != 1 ]; then sed -i "s/^week: \(.*\)$/week: \1\nweeks: ${WEEKS}/" "$work/$name.yaml"; fi
  if [ "${MIX:-0}" = 1 ]; then
    python3 benchmarks/mix_contracts.py "$work/$name.yaml" > "$work/$name.mix.yaml" && mv "$work/$name.mix.yaml" "$work/$name.yaml"
  fi
  if [ "${FIT:-0}" = 1 ]; then
    # The week given the work its contracts promise (fit_contracts.py): a first solve measures it.
    .build/release/zorgrooster solve "$work/$name.yaml" --out "$work/$name.first" --time-limit 20 --quiet >/dev/null
    python3 benchmarks/fit_contracts.py "$work/$name.yaml" "$work/$name.first/summary.json" > "$work/$name.fit.yaml"
    mv "$work/$name.fit.yaml" "$work/$name.yaml"
  fi
  limit="${TIME_LIMIT:-60}"
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/$name.mem" .build/release/zorgrooster solve "$work/$name.yaml" --out "$work/$name" \
      --time-limit "$limit" --quiet >/dev/null
  end=$(date +%s.%N)
  check=$(.build/release/zorgrooster check "$work/$name.yaml" "$work/$name" 2>&1 || true)
  checked=$(echo "$check" | grep -q '^OK' && echo yes || echo NO)
  maximal=$(echo "$check" | grep -q '\[maximal\]' && echo NO || echo yes)
  band=$(python3 benchmarks/band_share.py "$work/$name.yaml" "$work/$name" 2>/dev/null || echo "- - -")
  peer="{}"
  if [ "${PEER:-0}" = 1 ] && [ "${instance%% *}" != team ]; then
    peer=$(python3 benchmarks/peer/cpsat_group_week.py "$work/$name.yaml" --time-limit "$limit" --workers 2 || echo '{"status": "failed"}')
  fi
  python3 - "$work/$name/summary.json" "$work/$name.mem" "$instance" "$limit" "$start" "$end" "$maximal" "$checked" "$peer" "${PEER:-0}" "$band" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); mem = int(open(sys.argv[2]).read().split()[-1]) / 1024
wall = float(sys.argv[6]) - float(sys.argv[5])
gap = "-" if s["gap"] is None else f"{s['gap']*100:.2f}%"
visits = f"{s['visits_placed']}/{s['visits_placeable_bound']}" if s["visits_placeable_bound"] else "-"
bound = "-" if s["best_bound"] is None else f"{s['best_bound']:.1f}"
# Hours near contract (SCENARIO.md 1.2), from band_share.py: rostered over contract hours of the
# salaried, and the share within the band among those whose availability could hold it.
ratio, _, band = (sys.argv[11].split() + ["-", "-", "-"])[:3]
extra = s.get("extra_spend", {}).get("total", 0)
line = f"| {sys.argv[3]:<20} | {sys.argv[4]:>5} | {wall:7.1f} | {s['uncovered_hours']:9.1f} | {s['objective']:11.1f} | {bound:>11} | {gap:>7} | {visits:>13} | {mem:8.0f} | {sys.argv[7]:>7} | {sys.argv[8]:>7} | {ratio:>9} | {band:>10} | {extra:11.2f} |"
if sys.argv[10] == "1":
    p = json.loads(sys.argv[9])
    f = lambda v: "-" if v is None else f"{v:.1f}"
    line += f" {f(p.get('shortfall_hours')):>11} | {f(p.get('objective')):>11} | {f(p.get('bound')):>11} | {p.get('status', '-'):>11} | {f(p.get('extra_spend')):>11} |"
print(line)
PY
done
