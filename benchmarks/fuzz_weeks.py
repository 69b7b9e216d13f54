#!/usr/bin/env python3
"""Writes a random small week (or period) that mixes what real weeks mix, deterministic per seed.

Usage: fuzz_weeks.py SEED [SCALE]   (SCALE, default 1, multiplies locations, clients and staff:
                                    5 gives weeks of up to about 200 staff)

Not a benchmark of speed: a hunt for rosters the checker refuses, runs that fail or overrun, on
weeks nobody wrote by hand. Each seed draws a provider with some of: day-care locations, a 24-hour
house (early, late, night or sleeping shift, an on-call night), ambulatory clients with office
hours or without, appointments with several roles, floating staff with limited days, absences,
volunteers, skills and disciplines, wishes, presets of collective agreements, a period of two
weeks, and tight or ample staff. `run_fuzz.sh` solves and checks each.
"""
import datetime
import random
import sys

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
LEVELS = ["mbo2", "mbo3", "mbo4", "hbo"]


def week(seed, scale=1):
    rng = random.Random(seed * 1000 + scale if scale > 1 else seed)
    chance = lambda p: rng.random() < p
    weeks = rng.choice([2, 2, 4]) if chance(0.25) else 1
    day_care = rng.randint(0, 3) * scale
    houses = (rng.randint(0, 2) if day_care < 3 * scale else 0) * scale
    ambulatory = chance(0.5) or (day_care == 0 and houses == 0)
    areas = [f"a{i}" for i in range(rng.randint(1, 4))]
    out = [f"# Fuzz week {seed}: {day_care} day-care location(s), {houses} house(s), ambulatory: {ambulatory}.",
           "version: 1", f'name: "fuzz {seed}"', "week: 2026-W12"]
    if weeks > 1:
        out.append(f"weeks: {weeks}")
    if chance(0.3):
        out.append("settings: {fairness: [" + ", ".join(rng.sample(["weekends", "nights", "evenings"], rng.randint(1, 3))) + "]}")
    out.append("products:")
    skills_pool = ["verzorging", "ggz", "social-work"]
    group_skill = rng.choice(skills_pool) if chance(0.15) else None
    if day_care:
        lead = ", lead_level: mbo4" if chance(0.6) else ""
        skills = f", skills: [{group_skill}]" if group_skill else ""
        evaluation = ", responsible_level: mbo4, evaluation_months: 6" if chance(0.4) else ""
        out.append(f"  groep: {{setting: group, ratio: {rng.choice([4, 5, 6])}, min_level: mbo2{lead}{skills}{evaluation}}}")
    if houses:
        out.append(f"  wonen: {{setting: group, ratio: 4, min_level: mbo3{', lead_level: mbo4' if chance(0.5) else ''}}}")
    amb_skill = rng.choice(skills_pool) if chance(0.3) else None
    if ambulatory:
        office = rng.choice([', office_hours: {days: mon-fri, from: "08:30", to: "17:00"}', "",
                             ', office_hours: {days: mon-sat, from: "00:00", to: "24:00"}'])
        skills = f", skills: [{amb_skill}]" if amb_skill else ""
        coordination = f", coordination_minutes: {rng.choice([15, 30])}" if chance(0.5) else ""
        evaluation = ", evaluation_months: 6" if chance(0.4) else ""
        out.append(f"  amb: {{setting: ambulatory, min_level: mbo4, responsible_level: hbo{office}{skills}{coordination}{evaluation}}}")
    if chance(0.6):
        pairs = [f'"{a}-{b}": {rng.choice([5, 10, 20, 30])}' for i, a in enumerate(areas) for b in areas[i + 1:] if chance(0.7)]
        out.append(f"travel: {{default_minutes: {rng.choice([10, 15, 25])}, minutes: {{{', '.join(pairs)}}}}}")
    rules = []
    if houses and chance(0.4):
        rules.append(f"preset: {rng.choice(['cao-gehandicaptenzorg', 'cao-vvt'])}")
    if chance(0.2):
        rules.append("weekly_rest: 72h-per-14-days")
    if chance(0.2):
        rules.append(f"max_consecutive_working_days: {rng.choice([4, 5, 6])}")
    if chance(0.15):
        rules.append("min_consecutive_days_off: 2")
    if chance(0.2):
        rules.append(f"max_shift_hours: {rng.choice([9, 10])}")
    if houses and chance(0.3):
        rules.append(f"sleep_hours_factor: {rng.choice([0.5, 0.75])}")
    if chance(0.15):
        rules.append("rolling_rest: {hours: 32, days: 9}")
    if chance(0.15):
        rules.append("daily_rest_reductions: [{hours: 8, times: 1}, {hours: 10, times: 1}]")
    if chance(0.15):
        rules.append(f"max_weekends_worked: {rng.choice([1, 2])}")
    if chance(0.1):
        rules.append("max_night_shifts_16_weeks: 3")
    if rules:
        out.append("labour_rules: {" + ", ".join(rules) + "}")

    locations = []   # (id, [session names with days])
    out.append("locations:")
    for index in range(day_care):
        name = f"dag{index + 1}"
        days = rng.choice(["mon-fri", "mon-thu", "[mon, wed, fri]"])
        out.append(f'  {name}:\n    area: "{rng.choice(areas)}"\n    capacity: {rng.choice([14, 16])}\n    sessions:')
        out.append(f'      - {{name: ochtend, days: {days}, from: "09:00", to: "12:30"}}')
        sessions = ["ochtend"]
        if chance(0.7):
            out.append(f'      - {{name: middag, days: {days}, from: "13:00", to: "16:30"{", min_staff: 2" if chance(0.2) else ""}}}')
            sessions.append("middag")
        expanded = {"mon-fri": DAYS[:5], "mon-thu": DAYS[:4], "[mon, wed, fri]": ["mon", "wed", "fri"]}[days]
        locations.append((name, "groep", [f"{d} {s}" for d in expanded for s in sessions]))
    for index in range(houses):
        name = f"huis{index + 1}"
        out.append(f'  {name}:\n    area: "{rng.choice(areas)}"\n    capacity: 8\n    sessions:')
        out.append('      - {name: vroeg, days: mon-sun, from: "07:00", to: "15:00"}')
        out.append('      - {name: laat, days: mon-sun, from: "15:00", to: "23:00"}')
        night = rng.choice(["night", "sleep", "split"])
        if night == "night":
            out.append('      - {name: nacht, days: mon-sun, from: "23:00", to: "07:00", ratio: 8, min_staff: 1}')
        elif night == "sleep":
            out.append('      - {name: nacht, days: mon-sun, from: "23:00", to: "07:00", kind: sleep, ratio: 8, min_staff: 1}')
        else:
            out.append('      - {name: nacht, days: mon-sun, from: "22:30", to: "07:30", ratio: 8, min_staff: 1}')
        if chance(0.3):
            out.append('      - {name: bereikbaar, days: mon-sun, from: "23:00", to: "07:00", kind: on-call, min_staff: 1}')
        locations.append((name, "wonen", [f"{d} {s}" for d in DAYS for s in ("vroeg", "laat", "nacht")]))

    # Staff: tight or ample.
    demand = sum(len(slots) for _, _, slots in locations) + (rng.randint(6, 30) if ambulatory else 0)
    staff_count = max(4, int(demand / rng.choice([1.0, 1.5, 2.2, 3.0])))
    staff_count = min(staff_count, 45 * scale)
    ids = [f"s{i + 1:02d}" for i in range(staff_count)]
    out.append("staff:")
    staff_lines = []
    for index, sid in enumerate(ids):
        level = LEVELS[index % 4] if index < 4 else rng.choice(LEVELS + ["mbo4", "mbo3"])
        hours = rng.choice([16, 24, 28, 32, 36])
        fields = [f"level: {level}", f"contract_hours: {hours}", f"hourly_cost: {30 + 4 * LEVELS.index(level)}"]
        skills = [s for s in skills_pool if chance(0.3)]
        if skills:
            fields.append(f"skills: [{', '.join(skills)}]")
        if chance(0.3):
            fields.append(f"max_hours: {hours + rng.choice([0, 4, 8])}")
        if chance(0.1):
            fields.append(f"min_hours: {hours // 2}")
        if index >= 4 and chance(0.08):
            fields.append("volunteer: true")
        if locations and chance(0.5):
            chosen = rng.sample([name for name, _, _ in locations], rng.randint(1, len(locations)))
            fields.append(f"locations: [{', '.join(chosen)}]")
        if chance(0.4):
            window = rng.choice(['{days: mon-thu, from: "08:00", to: "17:30"}', '{days: [mon, wed, fri], from: "07:00", to: "23:30"}',
                                 '{days: mon-sun, from: "06:00", to: "24:00"}', '{days: tue-fri, from: "08:30", to: "13:00"}'])
            fields.append(f"available: [{window}]")
        if chance(0.2):
            day = datetime.date(2026, 3, 16) + datetime.timedelta(days=rng.randint(0, 6) + 7 * rng.randint(0, weeks - 1))
            fields.append(f"absent: [{day.isoformat()}]")
        if chance(0.5):
            fields.append(f'home_area: "{rng.choice(areas)}"')
        if chance(0.1):
            fields.append("split_shifts: true")
        if chance(0.15):
            fields.append(f"wishes: [{{date: 2026-03-{rng.randint(16, 22)}, off: true, weight: {rng.randint(1, 5)}}}]")
        if ambulatory and level == "hbo":
            fields.append(f"max_caseload: {rng.randint(3, 20)}")
        staff_lines.append(f"  {sid}: {{{', '.join(fields)}}}")
        out.append(staff_lines[-1])

    out.append("clients:")
    number = 0
    for name, product, slots in locations:
        for _ in range(rng.randint(3, 8) if product == "wonen" else rng.randint(4, 14)):
            number += 1
            fields = [f"product: {product}", f"location: {name}"]
            if product == "groep" and chance(0.2):
                fields.append(f"attends_any: {{count: {min(2, len(slots))}, of: [{', '.join(slots)}]}}")
            else:
                picked = slots if product == "wonen" else sorted(rng.sample(slots, rng.randint(1, len(slots))))
                fields.append(f"attends: [{', '.join(picked)}]")
            if chance(0.2):
                fields.append(f"needs: [{rng.choice(skills_pool)}]")
            if product == "wonen" and chance(0.3):
                fields.append(f"key_workers: [{', '.join(rng.sample(ids, 2))}]")
            if product == "groep":
                fields.append(f"last_evaluation: 2025-{rng.choice(['06-01', '10-01', '12-01'])}")
            out.append(f"  c{number:03d}: {{{', '.join(fields)}}}")
    if ambulatory:
        for _ in range(rng.randint(3, 25) * scale):
            number += 1
            window = rng.choice(['{days: mon-fri, from: "09:00", to: "16:00"}', '{days: [tue, thu], from: "13:00", to: "17:00"}',
                                 '{days: mon-sun, from: "08:00", to: "20:00"}', '{days: [mon, wed], from: "09:00", to: "10:30"}'])
            per_day = f", max_per_day: 2" if chance(0.15) else ""
            fields = ["product: amb", f'area: "{rng.choice(areas)}"',
                      f"visits: {{count: {rng.randint(1, 4)}, minutes: {rng.choice([30, 45, 60, 90])}{per_day}}}", f"available: [{window}]"]
            hbo = [sid for sid, line in zip(ids, staff_lines) if "level: hbo" in line and "locations" not in line and "volunteer" not in line]
            if hbo and chance(0.15):
                fields.append(f"responsible: {rng.choice(hbo)}")
            if chance(0.2):
                fields.append(f"needs: [{rng.choice(skills_pool)}]")
            if chance(0.3):
                fields.append(f"max_distinct_staff: {rng.randint(1, 2)}")
            if chance(0.2):
                fields.append(f"preferred_staff: [{rng.choice(ids)}]")
            fields.append(f"last_evaluation: 2025-{rng.choice(['06-01', '10-01', '12-01'])}")
            out.append(f"  c{number:03d}: {{{', '.join(fields)}}}")
    if chance(0.3) and number:
        out.append("appointments:")
        for k in range(rng.randint(1, 3)):
            roles = rng.sample(['{level: hbo}', '{level: mbo4}', '{skills: [ggz]}', '{skills: [verzorging]}'], rng.randint(2, 3))
            where = f"location: {locations[0][0]}" if locations and chance(0.5) else f'client: c{rng.randint(1, number):03d}'
            out.append(f'  mdo{k + 1}: {{{where}, minutes: 60, window: {{days: mon-fri, from: "09:00", to: "17:00"}}, roles: [{", ".join(roles)}]}}')
    return out


print("\n".join(week(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1)))
