#!/usr/bin/env python3
"""Writes an ambulatory benchmark scenario: STAFF professionals visiting CLIENTS clients at home.

Usage: generate_ambulatory_week.py STAFF CLIENTS > scenario.yaml   (deterministic for given sizes)
Wmo segment 1B: MBO-4 visits inside office hours under HBO responsibility (30 coordination
minutes a client); postcode areas on a line, travel 5 + 5 min per step (at most 40); staff work
four days from home; clients ask 1-3 visits of 45-90 min in their own windows, some need `ggz`,
half accept at most two faces, one in ten is due for an evaluation.
"""
import random
import sys

staff_count, client_count = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(staff_count * 1000 + client_count)
areas = [f"{7900 + i}" for i in range(max(3, client_count // 20))]
days = ["mon", "tue", "wed", "thu", "fri"]
hbo = max(2, staff_count // 5)
caseload = (client_count + hbo - 1) // hbo + 5

out = [f"""# Benchmark: {staff_count} staff, {client_count} ambulatory clients, {len(areas)} areas.
version: 1
name: "ambulatory benchmark {staff_count}/{client_count}"
week: 2026-W12
products:
  segment-1b:
    setting: ambulatory
    min_level: mbo4
    responsible_level: hbo
    coordination_minutes: 30
    evaluation_months: 12
    office_hours: {{days: mon-fri, from: "08:30", to: "17:00"}}
locations: {{}}
travel:
  default_minutes: 40
  minutes: {{{", ".join(f'"{a}-{b}": {min(40, 5 + 5 * abs(i - j))}' for i, a in enumerate(areas) for j, b in enumerate(areas) if i < j and abs(i - j) <= 6)}}}
staff:"""]
for index in range(staff_count):
    level = "hbo" if index < hbo else "mbo4"
    skills = "[ggz]" if rng.random() < 0.3 else "[]"
    off = rng.choice(days)
    working = ", ".join(d for d in days if d != off)
    extra = f", max_caseload: {caseload}" if level == "hbo" else ""
    out.append(f'  s{index + 1:03d}: {{level: {level}, skills: {skills}, contract_hours: {rng.choice([24, 28, 32, 36])}, '
               f'home_area: "{rng.choice(areas)}", available: [{{days: [{working}], from: "08:30", to: "17:00"}}]{extra}}}')
out.append("clients:")
windows = [("09:00", "16:00"), ("09:00", "12:30"), ("13:00", "17:00"), ("10:00", "15:00")]
for index in range(client_count):
    count = rng.choice([1, 2, 2, 2, 3])
    minutes = rng.choice([45, 60, 60, 90])
    chosen = sorted(rng.sample(range(5), rng.choice([3, 4, 5])))
    start, end = rng.choice(windows)
    fields = [f'product: segment-1b', f'area: "{rng.choice(areas)}"', f'visits: {{count: {count}, minutes: {minutes}}}',
              f'available: [{{days: [{", ".join(days[d] for d in chosen)}], from: "{start}", to: "{end}"}}]']
    if rng.random() < 0.15: fields.append("needs: [ggz]")
    if rng.random() < 0.5: fields.append("max_distinct_staff: 2")
    # Every client has been evaluated (SCENARIO.md 1.1: never evaluated means due at once); one in ten is due.
    fields.append("last_evaluation: 2025-02-01" if rng.random() < 0.1 else "last_evaluation: 2025-11-10")
    out.append(f"  c{index + 1:04d}: {{{', '.join(fields)}}}")
print("\n".join(out))
