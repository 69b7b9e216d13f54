#!/usr/bin/env python3
"""Scale a generated week's salaried contract hours so the team's contracts match the work.

Usage: fit_contracts.py SCENARIO.yaml SUMMARY.json > FITTED.yaml

The generators size teams with room to spare (a third of the contract hours used), so no salaried
person can be within their hours band and the band target of SCENARIO.md 1.2 says nothing. This
reads the working hours a first solve rostered (`summary.json`'s `rostered_hours`, breaks out)
and multiplies every `contract_hours` by rostered ÷ contract (at least 4 h), with `max_hours`
kept 4 h above it: the week then has the work its contracts promise, the case the target is for.
"""
import json
import re
import sys

scenario, summary = sys.argv[1], json.load(open(sys.argv[2]))
factor = summary["rostered_hours"] / max(1e-9, summary["contract_hours"])
text = open(scenario).read()


# A week of whole sessions: where all work is group sessions, contracts are whole multiples of
# the most common session's working time (an 8-hour shift works 7.5 h after its break), as a
# provider writes them; otherwise a band of ±10% around, say, 26 h could not be met by any roster.
lengths = []
for start, end in re.findall(r'from: "?(\d\d:\d\d)"?, to: "?(\d\d:\d\d)"?', text):
    minutes = (int(end[:2]) * 60 + int(end[3:])) - (int(start[:2]) * 60 + int(start[3:]))
    minutes += 1440 if minutes <= 0 else 0
    lengths.append(minutes)
unit = None
if lengths and "visits:" not in text:
    common = max(set(lengths), key=lengths.count)
    unit = (common - (30 if common > 330 else 0)) / 60


def scaled(match):
    hours = float(match.group(2)) * factor
    if unit:
        hours = max(1, round(hours / unit)) * unit
    hours = max(4, round(hours, 1))
    return f"{match.group(1)}contract_hours: {hours:g}, max_hours: {hours + 4:g}"


# Generated staff lines read `contract_hours: H, max_hours: M` or `contract_hours: H,` alone.
text = re.sub(r"(\{[^}\n]*?)contract_hours: ([0-9.]+), max_hours: [0-9.]+", scaled, text)
text = re.sub(r"(\{(?:(?!max_hours)[^}\n])*?)contract_hours: ([0-9.]+)(?![0-9.]*, max_hours)", scaled, text)
sys.stdout.write(text.replace("# Benchmark", f"# Contracts scaled by {factor:.3f} to the work (fit_contracts.py).\n# Benchmark", 1))
