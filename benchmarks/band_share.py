#!/usr/bin/env python3
"""The hours-band figures of a solved week (SCENARIO.md 1.2), for the engine benchmark.

Usage: band_share.py SCENARIO.yaml OUTDIR  → prints "RATIO ALL REACHABLE" on one line:
  RATIO      rostered ÷ contract hours of the salaried people (hours.csv);
  ALL        the share of salaried people whose hours, balance included, end within the band;
  REACHABLE  the same share among the people whose week could hold contract × (1 − band):
             per day, the working time of the sessions inside their availability (at most
             `max_shift_hours`, breaks out), summed, at least that much. A person available
             three days on a 36-h contract cannot be within the band in any roster, so the
             target ("where the week has the work") is measured on the others.
Needs pyyaml (benchmark-only).
"""
import csv
import sys

import yaml

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def days_of(spec):
    spec = spec if isinstance(spec, list) else str(spec).strip("[]").split(",")
    out = []
    for part in spec:
        part = str(part).strip()
        if "-" in part:
            a, b = part.split("-")
            out += DAYS[DAYS.index(a):DAYS.index(b) + 1]
        elif part:
            out.append(part)
    return out


def minutes(text):
    h, m = str(text).split(":")
    return int(h) * 60 + int(m)


scenario = yaml.safe_load(open(sys.argv[1]))
rows = [r for r in csv.DictReader(open(sys.argv[2] + "/hours.csv")) if r["contract"] == "salaried"]
band = float((scenario.get("settings") or {}).get("hours_band", 0.1))
rules = scenario.get("labour_rules") or {}
longest = float(rules.get("max_shift_hours", 12)) * 60
sessions = []  # (day, start, end, location)
for loc_id, loc in scenario["locations"].items():
    for t in loc.get("sessions", []):
        for day in days_of(t["days"]):
            start, end = minutes(t["from"]), minutes(t["to"])
            sessions.append((day, start, end if end > start else end + 1440, loc_id))
staff = scenario["staff"]
reachable = []
for row in rows:
    person = staff[row["staff_id"]]
    places = person.get("locations")
    windows = person.get("available")
    absent = {str(d) for d in (person.get("absent") or [])}
    per_day = {}
    for day, start, end, loc in sessions:
        if places and loc not in places:
            continue
        if windows and not any(day in days_of(w["days"]) and minutes(w["from"]) <= start and end <= minutes(w["to"]) for w in windows):
            continue
        length = end - start
        per_day.setdefault(day, {})[loc] = per_day.get(day, {}).get(loc, 0) + length - (30 if length > 330 else 0)
    # One place a day: the fullest location's sessions that day.
    per_day = {day: max(places.values()) for day, places in per_day.items()}
    # Visits (the team family) are not counted per session: a person with visits counts as able.
    able = sum(min(longest, m) for m in per_day.values()) / 60 if "visits:" not in open(sys.argv[1]).read() else 1e9
    if able >= float(row["contract_hours"]) * (1 - band) - 1e-6:
        reachable.append(row)
contract = sum(float(r["contract_hours"]) for r in rows)
ratio = sum(float(r["rostered_hours"]) for r in rows) / max(1e-9, contract)
share = lambda group: 100 * sum(r["within_band"] == "yes" for r in group) / max(1, len(group))
print(f"{ratio:.2f} {share(rows):.0f}% {share(reachable):.0f}%/{len(reachable)}")
