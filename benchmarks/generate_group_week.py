#!/usr/bin/env python3
"""Writes a group-care benchmark scenario with about STAFF staff: day-care locations plus 24-hour homes.

Usage: generate_group_week.py STAFF > scenario.yaml   (deterministic for a given STAFF)
Each day-care location has 16 clients over 10 dagdelen (1:5, MBO-4 lead); each 24-hour home has
8 clients in early/late/night shifts (1:4 by day, 1:8 at night). Staff belong to one location;
one in eight floats between two neighbouring locations, which ties locations into small groups.
"""
import random
import sys

staff_target = int(sys.argv[1])
rng = random.Random(staff_target)
homes = max(1, staff_target // 25)
day_locations = max(1, (staff_target - 9 * homes) // 6)
days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

out = [f"""# Benchmark: {staff_target} staff, {day_locations} day-care locations, {homes} 24-hour homes.
version: 1
name: "benchmark {staff_target} staff"
week: 2026-W12
products:
  groep: {{setting: group, ratio: 5, min_level: mbo2, lead_level: mbo4}}
  wonen: {{setting: group, ratio: 4, min_level: mbo3, lead_level: mbo4}}
labour_rules: {{max_shift_hours: 10}}
locations:"""]
locations = []
for index in range(day_locations):
    name = f"dag{index + 1:02d}"
    locations.append((name, "day"))
    out.append(f"""  {name}:
    area: "a{index // 3}"
    capacity: 16
    sessions:
      - {{name: ochtend, days: mon-fri, from: "09:00", to: "12:30"}}
      - {{name: middag, days: mon-fri, from: "13:00", to: "16:30"}}""")
for index in range(homes):
    name = f"huis{index + 1:02d}"
    locations.append((name, "home"))
    out.append(f"""  {name}:
    area: "h{index}"
    capacity: 8
    sessions:
      - {{name: vroeg, days: mon-sun, from: "07:00", to: "15:00"}}
      - {{name: laat, days: mon-sun, from: "15:00", to: "23:00"}}
      - {{name: nacht, days: mon-sun, from: "23:00", to: "07:00", ratio: 8, min_staff: 1}}""")

out.append("travel: {default_minutes: 20}")
out.append("staff:")
per_location = max(1, staff_target // len(locations))
count = 0
for position, (name, kind) in enumerate(locations):
    share = per_location if position < len(locations) - 1 else staff_target - count
    for k in range(share):
        count += 1
        level = ["mbo4", "mbo4", "mbo3", "mbo2"][k % 4] if kind == "day" else ["mbo4", "mbo4", "mbo3"][k % 3]
        hours = rng.choice([16, 20, 24, 28, 32, 36])
        skills = "[verzorging]" if k % 3 == 0 else "[]"
        places = [name]
        if k % 8 == 7 and len(locations) > 1:
            places.append(locations[(position + 1) % len(locations)][0])
        available = "" if kind == "home" or rng.random() < 0.6 else \
            f", available: [{{days: {rng.choice(['mon-thu', 'tue-fri', '[mon, wed, fri]'])}, from: \"08:00\", to: \"17:30\"}}]"
        out.append(f"  s{count:03d}: {{level: {level}, skills: {skills}, contract_hours: {hours}, max_hours: {hours + 4}, "
                   f"hourly_cost: {30 + 4 * (level == 'mbo4')}, locations: [{', '.join(places)}]{available}}}")

out.append("clients:")
client = 0
for name, kind in locations:
    for k in range(16 if kind == "day" else 8):
        client += 1
        needs = "[verzorging]" if k % 5 == 0 else "[]"
        if kind == "home":
            slots = [f"{d} {s}" for d in days for s in ("vroeg", "laat", "nacht")]
            out.append(f"  c{client:04d}: {{product: wonen, location: {name}, attends: [{', '.join(slots)}], needs: {needs}}}")
        elif k % 6 == 5:
            options = [f"{d} ochtend" for d in days[:5]]
            out.append(f"  c{client:04d}: {{product: groep, location: {name}, attends_any: {{count: 2, of: [{', '.join(options)}]}}, needs: {needs}}}")
        else:
            slots = rng.sample([f"{d} {s}" for d in days[:5] for s in ("ochtend", "middag")], rng.choice([4, 5, 6]))
            out.append(f"  c{client:04d}: {{product: groep, location: {name}, attends: [{', '.join(sorted(slots))}], needs: {needs}}}")
print("\n".join(out))
