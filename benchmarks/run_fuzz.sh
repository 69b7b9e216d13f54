#!/usr/bin/env bash
# Solves and checks the random weeks of fuzz_weeks.py: every roster must pass `zorgrooster check`
# (maximality included), every run must end with exit 0 inside its time limit + 5% + 1 s, and a
# re-plan after a sick call (the first rostered person absent on their first working day) must
# pass `check` as well; and the period after it, with that roster as its history, must solve
# and pass `check`. Both rosters also pass `referee_working_time.py`, an independent referee of
# the working-time rules that cross days and weeks (history included).
# Usage: benchmarks/run_fuzz.sh [FIRST_SEED] [COUNT]   (TIME_LIMIT, default 8, per week; SCALE,
# default 1, multiplies the weeks' size: SCALE=5 draws weeks of up to about 200 staff)
# Prints one line per seed and a last line `N passed, M failed`; the folders of failed seeds stay
# in the printed work folder.
set -uo pipefail
cd "$(dirname "$0")/.."
first=${1:-1} count=${2:-20} limit=${TIME_LIMIT:-8}
swift build -c release --product zorgrooster >/dev/null || exit 1
work=$(mktemp -d)
passed=0 failed=0
for seed in $(seq "$first" $((first + count - 1))); do
  python3 benchmarks/fuzz_weeks.py "$seed" "${SCALE:-1}" > "$work/$seed.yaml"
  start=$(date +%s.%N)
  .build/release/zorgrooster solve "$work/$seed.yaml" --out "$work/$seed" --time-limit "$limit" --quiet >"$work/$seed.solve" 2>&1
  code=$?
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  verdict=ok
  if [ $code != 0 ]; then verdict="solve exit $code: $(tail -c 300 "$work/$seed.solve" | tr '\n' ' ')"
  elif (( $(echo "$wall > $limit * 1.05 + 1" | bc) )); then verdict="overran: ${wall}s"
  elif ! .build/release/zorgrooster check "$work/$seed.yaml" "$work/$seed" >"$work/$seed.check" 2>&1; then
    verdict="check: $(grep -v '^OK' "$work/$seed.check" | head -3 | tr '\n' ' ')"
  elif ! python3 benchmarks/referee_working_time.py "$work/$seed.yaml" "$work/$seed" >"$work/$seed.referee" 2>&1; then
    verdict="referee: $(head -3 "$work/$seed.referee" | tr '\n' ' ')"
  fi
  # A sick call on top: the first rostered person without absences is absent on their first
  # working day; the re-plan must check too (with that absence).
  if [ "$verdict" = ok ]; then
    sick=$(python3 - "$work/$seed.yaml" "$work/$seed/roster.csv" <<'PY'
import csv, sys
lines = open(sys.argv[1]).read().splitlines()
clean = {l.split(":")[0].strip() for l in lines if l.startswith("  s") and "absent" not in l}
for row in csv.DictReader(open(sys.argv[2])):
    if row["staff_id"] in clean:
        print(f"{row['staff_id']}@{row['date']}"); break
PY
)
    if [ -n "$sick" ]; then
      if ! .build/release/zorgrooster replan "$work/$seed.yaml" --from "$work/$seed" --out "$work/$seed-replan" --absent "$sick" \
           --time-limit "$limit" --quiet >"$work/$seed.replan" 2>&1; then
        verdict="replan $sick: $(tail -c 300 "$work/$seed.replan" | tr '\n' ' ')"
      elif ! .build/release/zorgrooster check "$work/$seed.yaml" "$work/$seed-replan" --set "staff.${sick%@*}.absent=[${sick#*@}]" >"$work/$seed.recheck" 2>&1; then
        verdict="replan $sick check: $(grep -v '^OK' "$work/$seed.recheck" | head -3 | tr '\n' ' ')"
      fi
    fi
  fi
  # The period after it, with this roster as its history (`history.roster_file`): rest, nights in
  # a row, weekly rest and the 16-week night count (counts just under the limit for two people)
  # across the boundary, in the solver and in `check`.
  if [ "$verdict" = ok ]; then
    python3 - "$work/$seed.yaml" "$work/$seed/roster.csv" > "$work/$seed-next.yaml" <<'PY'
import csv, datetime, re, sys
text = open(sys.argv[1]).read()
weeks = int(re.search(r"^weeks: (\d+)$", text, re.M).group(1)) if re.search(r"^weeks: ", text, re.M) else 1
year, week = map(int, re.search(r"^week: (\d+)-W(\d+)$", text, re.M).groups())
monday = datetime.date.fromisocalendar(year, week, 1) + datetime.timedelta(weeks=weeks)
iso = monday.isocalendar()
# Night counts the file cannot show, just under the limit, for the first two who worked nights.
found = re.search(r"max_night_shifts_16_weeks: (\d+)", text)
limit = int(found.group(1)) if found else 36
night_workers = []
for row in csv.DictReader(open(sys.argv[2])):
    if row["end"] < row["start"] and row["staff_id"] not in night_workers:
        night_workers.append(row["staff_id"])
counts = ", ".join(f"{staff}: {limit - 1 - index}" for index, staff in enumerate(night_workers[:2]))
extra = f"\n  night_shifts_16_weeks: {{{counts}}}" if counts else ""
text = re.sub(r"^week: .*$", f"week: {iso[0]}-W{iso[1]:02d}\nhistory:\n  roster_file: {sys.argv[2]}{extra}", text, count=1, flags=re.M)
print(text, end="")
PY
    if ! .build/release/zorgrooster solve "$work/$seed-next.yaml" --out "$work/$seed-next" --time-limit "$limit" --quiet >"$work/$seed.next" 2>&1; then
      verdict="next period: $(tail -c 300 "$work/$seed.next" | tr '\n' ' ')"
    elif ! .build/release/zorgrooster check "$work/$seed-next.yaml" "$work/$seed-next" >"$work/$seed.nextcheck" 2>&1; then
      verdict="next period check: $(grep -v '^OK' "$work/$seed.nextcheck" | head -3 | tr '\n' ' ')"
    elif ! python3 benchmarks/referee_working_time.py "$work/$seed-next.yaml" "$work/$seed-next" >"$work/$seed.nextreferee" 2>&1; then
      verdict="next period referee: $(head -3 "$work/$seed.nextreferee" | tr '\n' ' ')"
    fi
  fi
  short=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['uncovered_hours'])" "$work/$seed/summary.json" 2>/dev/null || echo -)
  printf '%5s  %6.1fs  short %6s h  %s\n' "$seed" "$wall" "$short" "$verdict"
  if [ "$verdict" = ok ]; then passed=$((passed + 1)); rm -rf "$work/$seed" "$work/$seed-replan" "$work/$seed-next"; else failed=$((failed + 1)); fi
done
echo "work folder: $work"
echo "$passed passed, $failed failed"
