#!/usr/bin/env python3
"""Writes the weeks of the anytime-engine benchmark (issue 10), deterministic for given arguments.

Usage:
  generate_engine_week.py region STAFF CLIENTS LOCATIONS   # (a) day care, everyone may work everywhere
  generate_engine_week.py homes STAFF HOUSES               # (b) 24-hour homes, 12 clients a house
  generate_engine_week.py team STAFF CLIENTS               # (c) neighbourhood team: home visits + a group

What makes these weeks hard, on purpose: in (a) nobody is tied to a location (one connected part),
availability differs per person, some clients need personal care, a sixth of them choose sessions
(`attends_any`); in (b) early, late and night shifts under the Working Hours Act with a lead in
every shift and a night that asks 1 person per 8 clients; in (c) the same people run a group
session on three mornings and visit clients at home the rest of the day, with travel from home.
"""
import random
import sys

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def region(staff_count, client_count, location_count):
    rng = random.Random(staff_count * 7919 + client_count)
    out = [f"""# Benchmark (a): day-care region, {staff_count} staff who may work at any of {location_count} locations, {client_count} clients.
version: 1
name: "region {staff_count}/{client_count}"
week: 2026-W12
products:
  groep: {{setting: group, ratio: 5, min_level: mbo2, lead_level: mbo4}}
travel:
  default_minutes: 20
locations:"""]
    for index in range(location_count):
        out.append(f"""  dag{index + 1:02d}:
    area: "a{index // 4}"
    capacity: {max(16, -(-client_count // location_count))}
    sessions:
      - {{name: ochtend, days: mon-fri, from: "09:00", to: "12:30"}}
      - {{name: middag, days: mon-fri, from: "13:00", to: "16:30"}}""")
    out.append("staff:")
    for index in range(staff_count):
        level = ["mbo4", "mbo4", "mbo3", "mbo2", "mbo2"][index % 5]
        hours = rng.choice([16, 20, 24, 28, 32, 36])
        skills = "[verzorging]" if rng.random() < 0.35 else "[]"
        available = "" if rng.random() < 0.5 else \
            f', available: [{{days: {rng.choice(["mon-thu", "tue-fri", "[mon, wed, fri]", "[mon, tue, thu]"])}, from: "08:00", to: "17:30"}}]'
        out.append(f"  s{index + 1:04d}: {{level: {level}, skills: {skills}, contract_hours: {hours}, max_hours: {hours + 4}, "
                   f"hourly_cost: {30 + 4 * (level == 'mbo4')}{available}}}")
    out.append("clients:")
    per_location = client_count // location_count
    client = 0
    for index in range(location_count):
        share = per_location + (1 if index < client_count - per_location * location_count else 0)
        for k in range(share):
            client += 1
            needs = "[verzorging]" if rng.random() < 0.2 else "[]"
            name = f"dag{index + 1:02d}"
            if k % 6 == 5:
                options = [f"{d} ochtend" for d in DAYS[:5]]
                out.append(f"  c{client:05d}: {{product: groep, location: {name}, attends_any: {{count: 2, of: [{', '.join(options)}]}}, needs: {needs}}}")
            else:
                slots = rng.sample([f"{d} {s}" for d in DAYS[:5] for s in ("ochtend", "middag")], rng.choice([4, 5, 6]))
                out.append(f"  c{client:05d}: {{product: groep, location: {name}, attends: [{', '.join(sorted(slots))}], needs: {needs}}}")
    return out


def homes(staff_count, houses):
    rng = random.Random(staff_count * 31 + houses)
    out = [f"""# Benchmark (b): {houses} 24-hour home(s) of 12 clients, {staff_count} staff, early/late/night shifts.
version: 1
name: "homes {staff_count}/{houses}"
week: 2026-W12
products:
  wonen: {{setting: group, ratio: 4, min_level: mbo3, lead_level: mbo4}}
labour_rules: {{max_shift_hours: 10}}
travel:
  default_minutes: 15
locations:"""]
    for index in range(houses):
        out.append(f"""  huis{index + 1}:
    area: "h{index}"
    capacity: 12
    sessions:
      - {{name: vroeg, days: mon-sun, from: "07:00", to: "15:00"}}
      - {{name: laat, days: mon-sun, from: "15:00", to: "23:00"}}
      - {{name: nacht, days: mon-sun, from: "23:00", to: "07:00", ratio: 8, min_staff: 1}}""")
    out.append("staff:")
    per_house = staff_count // houses
    for index in range(staff_count):
        house = min(houses - 1, index // per_house)
        level = ["mbo4", "mbo3", "mbo3", "mbo4", "mbo3"][index % 5]
        hours = rng.choice([24, 28, 32, 36])
        places = [f"huis{house + 1}"]
        if houses > 1 and index % 5 == 4:
            places.append(f"huis{(house + 1) % houses + 1}")
        absent = f", absent: [2026-03-{rng.choice([16, 17, 18, 19, 20, 21, 22])}]" if rng.random() < 0.15 else ""
        out.append(f"  w{index + 1:03d}: {{level: {level}, contract_hours: {hours}, max_hours: {hours + 4}, "
                   f"hourly_cost: {32 + 5 * (level == 'mbo4')}, locations: [{', '.join(places)}]{absent}}}")
    out.append("clients:")
    client = 0
    for index in range(houses):
        for k in range(12):
            client += 1
            slots = [f"{d} {s}" for d in DAYS for s in ("vroeg", "laat", "nacht")]
            if k % 4 == 3:  # day activities elsewhere on weekdays: not home in the early shift
                slots = [s for s in slots if not (s.endswith("vroeg") and s.split()[0] in DAYS[:5])]
            out.append(f"  p{client:03d}: {{product: wonen, location: huis{index + 1}, attends: [{', '.join(slots)}]}}")
    return out


def team(staff_count, client_count):
    rng = random.Random(staff_count * 1009 + client_count)
    areas = [f"{7900 + i}" for i in range(max(4, client_count // 20))]
    hbo = max(2, staff_count // 6)
    caseload = (client_count + hbo - 1) // hbo + 5
    travel = ", ".join(f'"{a}-{b}": {min(40, 5 + 5 * abs(i - j))}' for i, a in enumerate(areas) for j, b in enumerate(areas)
                       if i < j and abs(i - j) <= 6)
    groups = max(1, staff_count // 30)
    out = [f"""# Benchmark (c): neighbourhood team, {staff_count} staff, {client_count} clients at home, {groups} group(s) of 10 on three mornings.
version: 1
name: "team {staff_count}/{client_count}"
week: 2026-W12
products:
  groep: {{setting: group, ratio: 5, min_level: mbo2, lead_level: mbo4}}
  segment-1b:
    setting: ambulatory
    min_level: mbo4
    responsible_level: hbo
    coordination_minutes: 30
    evaluation_months: 12
    office_hours: {{days: mon-fri, from: "08:30", to: "17:00"}}
travel:
  default_minutes: 40
  minutes: {{{travel}}}
locations:"""]
    for g in range(groups):
        out.append(f"""  buurthuis{g + 1}:
    area: "{areas[(g * 3) % len(areas)]}"
    capacity: 12
    sessions:
      - {{name: ochtend, days: [mon, wed, fri], from: "09:00", to: "12:00"}}""")
    out.append("staff:")
    days = DAYS[:5]
    for index in range(staff_count):
        level = "hbo" if index < hbo else ("mbo4" if index % 3 else "mbo3")
        skills = "[ggz]" if rng.random() < 0.3 else "[]"
        off = rng.choice(days)
        working = ", ".join(d for d in days if d != off)
        extra = f", max_caseload: {caseload}" if level == "hbo" else ""
        out.append(f'  s{index + 1:03d}: {{level: {level}, skills: {skills}, contract_hours: {rng.choice([24, 28, 32, 36])}, '
                   f'hourly_cost: {35 + 8 * (level == "hbo")}, home_area: "{rng.choice(areas)}", '
                   f'available: [{{days: [{working}], from: "08:30", to: "17:00"}}]{extra}}}')
    out.append("clients:")
    windows = [("09:00", "16:00"), ("09:00", "12:30"), ("13:00", "17:00"), ("10:00", "15:00")]
    for g in range(groups):
        for k in range(10):
            out.append(f"  g{g + 1}x{k + 1:02d}: {{product: groep, location: buurthuis{g + 1}, attends: [mon ochtend, wed ochtend, fri ochtend]}}")
    for index in range(client_count):
        count = rng.choice([1, 2, 2, 2, 3])
        minutes = rng.choice([45, 60, 60, 90])
        chosen = sorted(rng.sample(range(5), rng.choice([3, 4, 5])))
        start, end = rng.choice(windows)
        fields = ['product: segment-1b', f'area: "{rng.choice(areas)}"', f'visits: {{count: {count}, minutes: {minutes}}}',
                  f'available: [{{days: [{", ".join(days[d] for d in chosen)}], from: "{start}", to: "{end}"}}]']
        if rng.random() < 0.15: fields.append("needs: [ggz]")
        if rng.random() < 0.5: fields.append("max_distinct_staff: 2")
        # Every client has been evaluated (SCENARIO.md 1.1: never evaluated means due at once); one in ten is due.
        fields.append("last_evaluation: 2025-02-01" if rng.random() < 0.1 else "last_evaluation: 2025-11-10")
        out.append(f"  c{index + 1:04d}: {{{', '.join(fields)}}}")
    return out


family = sys.argv[1]
numbers = [int(x) for x in sys.argv[2:]]
lines = {"region": region, "homes": homes, "team": team}[family](*numbers)
print("\n".join(lines))
