#!/usr/bin/env python3
"""An independent referee for the Working Hours Act rules that cross days and weeks, written from
SCENARIO.md alone (no code shared with the model or `zorgrooster check`).

Usage: referee_working_time.py SCENARIO.yaml OUT_FOLDER

Reads the scenario (its `history.roster_file`, if any, as earlier work) and the roster.csv of
OUT_FOLDER, and checks per person, over history and roster together:
- no two pieces of work at once (on-call duty is not work: the person stays free);
- a shift (work between rests of at least `reduced_daily_rest_hours`, default 8) of working time
  at most `max_shift_hours` (default 12; presets cao-gehandicaptenzorg and cao-vvt: 10) plus its
  breaks — checked as span minus the breaks SCENARIO.md asks, so only gross overruns are caught;
- a daily rest of `min_daily_rest_hours` (11) between shifts, shorter at most once in any 7×24 h
  (not judged where `daily_rest_reductions` or the cao-gehandicaptenzorg preset allow more);
- after a night shift (more than one hour of work between 00:00 and 06:00) ending after 02:00,
  at least `min_rest_after_night_hours` (14) before the next shift;
- after three or more night shifts in a row (each within the series rest of the one before, no
  other shift between), at least `rest_after_night_series_hours` (46) before a non-night shift;
- at most `max_night_shifts_16_weeks` (36) night shifts ending after 02:00, counting
  `history.night_shifts_16_weeks` and the history file's nights;
- in each ISO week of the period, a rest of at least `min_weekly_rest_hours` (36) inside the
  week, or begun before it (history included), when `weekly_rest` is every-7-days;
- at most `max_week_hours` (60) of work in each ISO week of the period (span, breaks ignored:
  only counted when even the span minus the largest breaks exceeds it).
Shifts holding a sleeping shift (`kind: sleep`) are not judged as night shifts (SCENARIO.md: a
sleeping shift after a late shift does not make a night shift of the whole).
Prints one line per violation and exits 1 when there is any, else prints OK.
"""
import csv
import datetime as dt
import os
import sys

import yaml

DEFAULTS = {"min_daily_rest_hours": 11, "reduced_daily_rest_hours": 8, "min_rest_after_night_hours": 14, "rest_after_night_series_hours": 46,
            "min_weekly_rest_hours": 36, "max_week_hours": 60, "max_night_shifts_16_weeks": 36, "max_shift_hours": 12, "weekly_rest": "every-7-days"}
PRESET_SHIFT = {"cao-gehandicaptenzorg": 10, "cao-vvt": 10}


def rows_of(path):
    out = []
    for row in csv.DictReader(open(path, encoding="utf-8-sig")):
        day = dt.date.fromisoformat(row["date"])
        start = dt.datetime.combine(day, dt.time.fromisoformat(row["start"]))
        end_text = row["end"]
        end = dt.datetime.combine(day, dt.time(0)) + dt.timedelta(days=1) if end_text == "24:00" else \
            dt.datetime.combine(day, dt.time.fromisoformat(end_text))
        if end <= start:
            end += dt.timedelta(days=1)
        out.append({"staff": row["staff_id"], "start": start, "end": end, "ref": row.get("ref", ""),
                    "location": row.get("location", ""), "activity": row.get("activity", "")})
    return out


def night_minutes(start, end):
    total, day = 0, dt.datetime.combine(start.date(), dt.time(0)) - dt.timedelta(days=1)
    while day < end:
        lo, hi = max(start, day), min(end, day + dt.timedelta(hours=6))
        total += max(0, (hi - lo).total_seconds() / 60)
        day += dt.timedelta(days=1)
    return total


def main():
    scenario_path, out = sys.argv[1], sys.argv[2]
    scenario = yaml.safe_load(open(scenario_path))
    rules = dict(DEFAULTS)
    given = scenario.get("labour_rules") or {}
    if given.get("preset") in PRESET_SHIFT:
        rules["max_shift_hours"] = PRESET_SHIFT[given["preset"]]
    rules.update({k: v for k, v in given.items() if k in DEFAULTS})
    reductions = [r["hours"] for r in given.get("daily_rest_reductions", []) or []]
    shift_gap = dt.timedelta(hours=min([rules["reduced_daily_rest_hours"]] + reductions))
    kinds = {}
    for location, spec in (scenario.get("locations") or {}).items():
        for session in spec.get("sessions", []) or []:
            kinds[(location, session["name"])] = session.get("kind", "work")
    year, week = map(int, str(scenario["week"]).split("-W"))
    first_monday = dt.datetime.combine(dt.date.fromisocalendar(year, week, 1), dt.time(0))
    weeks = int(scenario.get("weeks", 1))
    work = rows_of(os.path.join(out, "roster.csv"))
    history = (scenario.get("history") or {}).get("roster_file")
    if history:
        path = history if os.path.isabs(history) else os.path.join(os.path.dirname(scenario_path), history)
        work += [r for r in rows_of(path) if r["start"] < first_monday]
    by_staff = {}
    for row in work:
        kind = kinds.get((row["location"], row["ref"]), "work") if row["activity"] == "group" else "work"
        if kind == "on-call":
            continue
        row["kind"] = kind
        by_staff.setdefault(row["staff"], []).append(row)
    problems = []
    # A shift is the period's when a piece of it starts in the period (the history's Sunday night
    # ending on Monday is the history's).
    in_period = lambda s: any(p["start"] >= first_monday for p in s["pieces"])
    for staff, rows in sorted(by_staff.items()):
        rows.sort(key=lambda r: (r["start"], r["end"]))
        # Double booking.
        for a, b in zip(rows, rows[1:]):
            if b["start"] < a["end"]:
                problems.append(f"{staff}: two pieces at once, {a['start']}–{a['end']} and {b['start']}–{b['end']}")
        # Shifts.
        shifts = []
        for row in rows:
            if shifts and row["start"] - shifts[-1]["end"] < shift_gap:
                shift = shifts[-1]
                shift["end"] = max(shift["end"], row["end"])
                shift["pieces"].append(row)
            else:
                shifts.append({"start": row["start"], "end": row["end"], "pieces": [row]})
        for shift in shifts:
            shift["sleep"] = any(p["kind"] == "sleep" for p in shift["pieces"])
            awake = sum(night_minutes(p["start"], p["end"]) for p in shift["pieces"] if p["kind"] != "sleep")
            shift["night"] = not shift["sleep"] and awake > 60
            shift["late"] = shift["night"] and (shift["end"].hour * 60 + shift["end"].minute > 120 or shift["end"].time() == dt.time(0))
            worked = sum((p["end"] - p["start"]).total_seconds() / 3600 for p in shift["pieces"])
            if not shift["sleep"] and worked - 0.75 > rules["max_shift_hours"] + 1e-9 and in_period(shift):
                problems.append(f"{staff}: shift {shift['start']}–{shift['end']} works {worked:.2f} h, more than {rules['max_shift_hours']} h plus breaks")
        for a, b in zip(shifts, shifts[1:]):
            rest = (b["start"] - a["end"]).total_seconds() / 3600
            if a["late"] and rest < rules["min_rest_after_night_hours"] - 1e-9 and in_period(b):
                problems.append(f"{staff}: {rest:.2f} h rest after the night shift ending {a['end']}; at least {rules['min_rest_after_night_hours']} h")
        # The daily rest, shortened at most once in any 7×24 h (not judged where a collective
        # agreement allows more shortenings: `daily_rest_reductions` or the preset).
        if not reductions and given.get("preset") != "cao-gehandicaptenzorg":
            shortened = [a["end"] for a, b in zip(shifts, shifts[1:])
                         if (b["start"] - a["end"]).total_seconds() / 3600 < rules["min_daily_rest_hours"] - 1e-9]
            for earlier, later in zip(shortened, shortened[1:]):
                if later - earlier < dt.timedelta(weeks=1) and later > first_monday:
                    problems.append(f"{staff}: daily rest shortened twice within 7×24 h (rests beginning {earlier} and {later})")
        series = []
        for shift in shifts:
            rest = (shift["start"] - series[-1]["end"]).total_seconds() / 3600 if series else None
            if series and rest < rules["rest_after_night_series_hours"] - 1e-9:
                if shift["night"]:
                    series.append(shift)
                    continue
                if len(series) >= 3 and in_period(shift):
                    problems.append(f"{staff}: {rest:.2f} h rest after {len(series)} night shifts in a row (the last ending {series[-1]['end']}); at least {rules['rest_after_night_series_hours']} h")
            series = [shift] if shift["night"] else []
        # Night shifts ending after 02:00: the history's counts, the history file's and the
        # period's together (a period and its history file span at most 16 weeks here).
        counted = (scenario.get("history") or {}).get("night_shifts_16_weeks", {}) or {}
        nights = int(counted.get(staff, 0)) + sum(1 for shift in shifts if shift["late"]
                                                   and shift["end"] > first_monday - dt.timedelta(weeks=16))
        if nights > rules["max_night_shifts_16_weeks"] and any(shift["late"] and in_period(shift) for shift in shifts):
            problems.append(f"{staff}: {nights} night shifts in 16 weeks (history included); at most {rules['max_night_shifts_16_weeks']}")
        # Weekly rest and week hours, per ISO week of the period.
        for index in range(weeks):
            lo = first_monday + dt.timedelta(weeks=index)
            hi = lo + dt.timedelta(weeks=1)
            inside = [r for r in rows if r["end"] > lo and r["start"] < hi]
            if rules["weekly_rest"] == "every-7-days":
                edges = [lo] if not any(r["start"] < lo < r["end"] for r in rows) else []
                earlier = [r["end"] for r in rows if r["end"] <= lo]
                origin = max(earlier) if earlier else lo - dt.timedelta(days=400)
                longest, free_since = 0.0, origin if edges else None
                for r in inside:
                    if free_since is not None:
                        longest = max(longest, (r["start"] - free_since).total_seconds() / 3600)
                    free_since = r["end"] if free_since is None else max(free_since, r["end"])
                if free_since is not None:
                    longest = max(longest, (hi - free_since).total_seconds() / 3600)
                if longest < rules["min_weekly_rest_hours"] - 1e-9:
                    problems.append(f"{staff}: week from {lo.date()}: longest rest {longest:.2f} h; at least {rules['min_weekly_rest_hours']} h")
            hours = sum((min(r["end"], hi) - max(r["start"], lo)).total_seconds() / 3600 for r in inside if r["kind"] != "sleep")
            if hours - 0.75 * len(inside) > rules["max_week_hours"] + 1e-9:
                problems.append(f"{staff}: week from {lo.date()}: {hours:.2f} h of work; at most {rules['max_week_hours']} h")
    for line in problems:
        print(line)
    print("OK" if not problems else f"{len(problems)} violation(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
