#!/usr/bin/env python3
"""Make some of a generated week's staff paid per hour (SCENARIO.md 1.2): every 10th a flex
worker (min_hours 0, max_hours their old contract) and every 25th an agency worker at € 62 an
hour, so the benchmark has extra spend to weigh against the salaried people's hours.

Usage: mix_contracts.py SCENARIO.yaml > MIXED.yaml
"""
import re
import sys

lines = open(sys.argv[1]).read().split("\n")
in_staff = False
count = 0
for number, line in enumerate(lines):
    if line.startswith("staff:"):
        in_staff = True
        continue
    if in_staff and line and not line.startswith("  "):
        in_staff = False
    if not in_staff or "contract_hours:" not in line:
        continue
    count += 1
    kind = "agency" if count % 25 == 0 else "flex" if count % 10 == 0 else None
    if kind is None:
        continue
    hours = re.search(r"contract_hours: ([0-9.]+)", line).group(1)
    line = re.sub(r"contract_hours: [0-9.]+(, max_hours: [0-9.]+)?", f"contract: {kind}, max_hours: {hours}", line)
    if kind == "agency":
        line = re.sub(r"hourly_cost: [0-9.]+", "hourly_cost: 62", line)
    lines[number] = line
sys.stdout.write("\n".join(lines))
