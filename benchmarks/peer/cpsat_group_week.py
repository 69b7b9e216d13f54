#!/usr/bin/env python3
"""A peer for the anytime-engine benchmark: the same group week as a CP-SAT model (OR-Tools).

Written from SCENARIO.md (version 1) alone, not from zorgrooster's code, so that the two agree
only where the contract does. Covers what the engine benchmark's region and homes families use:
group sessions (ratio, min_staff, min_level, lead_level, skills, attends and attends_any within
capacity), staff (level, skills, contract/max hours, hourly cost, locations, availability,
absence), travel between areas, and the Working Hours Act of labour_rules (shift and night-shift
length through the (shortened) daily rest, the shortened rest once in 7×24 h, rest after a night
ending after 02:00, 46 h after three nights in a row, the weekly rest, the week's hours). Ambulatory visits are not modelled: the team family has no peer.

The objective is zorgrooster's version 1.2 objective, in the same units (docs/scenario-format.md,
"Hours and money"): per hour 1000 for a missing counted professional, lead or skill, 800 for an
unplaced attends_any client; every hour worked 60, a salaried person's hours up to their week's
target (contract less absent days, less `history.hours_balance`) earning back 50 an hour for the
first ninth of the hours below the band falling to 10 at the band and 2 within it, 40 an hour
beyond the band above the target; 0.2 per euro of extra spend (flex and agency hours, hours above
contract with the overtime premium); agency hours 150 more; 500 per shortened daily rest; 3 per
backward rotation; 2 per person per location worked. Allowances are not modelled (the generated
families have none). It reports the roster's extra spend in euros beside the objective.

Usage: cpsat_group_week.py SCENARIO.yaml [--time-limit 60] [--workers 2]
Prints one JSON line: status, objective, bound, shortfall_hours, seconds. Benchmark-only, never in CI
(pip install ortools pyyaml).
"""
import argparse
import datetime
import json
import math
import sys
import time

import yaml
from ortools.sat.python import cp_model

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
LEVELS = ["mbo1", "mbo2", "mbo3", "mbo4", "hbo", "wo"]
SCALE = 60000  # objective units per point: every weight times minutes stays a whole number


def minutes(text):
    hours, mins = str(text).split(":")
    return int(hours) * 60 + int(mins)


def days_of(spec):
    if isinstance(spec, list):
        return [DAYS.index(str(d).strip()) for d in spec]
    spec = str(spec).strip()
    if spec.startswith("["):
        return [DAYS.index(d.strip()) for d in spec.strip("[]").split(",")]
    if "-" in spec:
        first, last = spec.split("-")
        return list(range(DAYS.index(first), DAYS.index(last) + 1))
    return [DAYS.index(spec)]


def interval(day, start, end):
    begin = day * 1440 + minutes(start)
    finish = day * 1440 + minutes(end)
    if finish <= begin:
        finish += 1440  # a night runs into the next day
    return begin, finish


def night_minutes(begin, end):
    """Minutes between 00:00 and 06:00 of any day."""
    total = 0
    day = begin // 1440
    while day * 1440 < end:
        lo, hi = max(begin, day * 1440), min(end, day * 1440 + 360)
        total += max(0, hi - lo)
        day += 1
    return total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("scenario")
    parser.add_argument("--time-limit", type=float, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--roster", help="write the peer's roster here (staff,location,day,session), to compare")
    args = parser.parse_args()
    started = time.time()
    s = yaml.safe_load(open(args.scenario))
    year, week = map(int, str(s["week"]).split("-W"))
    monday = datetime.date.fromisocalendar(year, week, 1)
    rules = s.get("labour_rules") or {}
    max_shift = int(rules.get("max_shift_hours", 12) * 60)
    max_night = int(rules.get("max_night_shift_hours", 10) * 60)
    max_week = rules.get("max_week_hours", 60)
    daily_rest = int(rules.get("min_daily_rest_hours", 11) * 60)
    # SCENARIO.md 1.1: work closer than the shortened rest is one shift; a rest between the two
    # values is allowed once in every 7×24 h (ATW 5:3).
    reduced_rest = min(daily_rest, int(rules.get("reduced_daily_rest_hours", 8) * 60))
    night_rest = int(rules.get("min_rest_after_night_hours", 14) * 60)
    weekly_rest = int(rules.get("min_weekly_rest_hours", 36) * 60)
    # SCENARIO.md 1.1: breaks are out of working time (ATW 5:4 by default). The peer counts each
    # session's break as if it stood alone in its shift, as zorgrooster's model does; the
    # families measured here never join two sessions into one shift, so it is exact for them.
    breaks = rules.get("breaks", [{"after_hours": 5.5, "minutes": 30}, {"after_hours": 10, "minutes": 45}])
    tiers = sorted((int(round(b["after_hours"] * 60)), int(b["minutes"])) for b in breaks)

    def working(minutes):
        best = None
        for k in range(len(tiers) + 1):
            pause = max([m for _, m in tiers[:k]], default=0)
            ceiling = tiers[k][0] if k < len(tiers) else None
            need = max(0, pause, 0 if ceiling is None else minutes - ceiling)
            best = need if best is None else min(best, need)
        return minutes - (best if tiers and minutes > tiers[0][0] else 0)

    travel = s.get("travel") or {}
    default_travel = int(travel.get("default_minutes", 0))
    products = s["products"]

    sessions = []  # dicts
    for loc_id, loc in s["locations"].items():
        for template in loc.get("sessions", []):
            for day in days_of(template["days"]):
                begin, end = interval(day, template["from"], template["to"])
                sessions.append(dict(loc=loc_id, area=loc.get("area", loc_id), day=day, name=template["name"],
                                     begin=begin, end=end, ratio=template.get("ratio"),
                                     min_staff=int(template.get("min_staff", 0)), capacity=loc.get("capacity"),
                                     fixed=[], optional=[]))
    index = {(x["loc"], x["day"], x["name"]): i for i, x in enumerate(sessions)}
    clients = s.get("clients") or {}
    for cid, c in clients.items():
        for slot in c.get("attends", []) or []:
            day, name = str(slot).split()
            key = (c["location"], DAYS.index(day), name)
            if key in index:
                sessions[index[key]]["fixed"].append(cid)
        if c.get("attends_any"):
            for slot in c["attends_any"]["of"]:
                day, name = str(slot).split()
                key = (c["location"], DAYS.index(day), name)
                if key in index:
                    sessions[index[key]]["optional"].append(cid)

    def rank(level):
        return LEVELS.index(level)

    staff = s["staff"]
    def eligible(pid, x):
        p = staff[pid]
        if p.get("volunteer"):
            return False
        if p.get("locations") is not None and x["loc"] not in p["locations"]:
            return False
        for d in range(x["begin"] // 1440, (x["end"] - 1) // 1440 + 1):
            if str(monday + datetime.timedelta(days=d)) in [str(a) for a in p.get("absent", []) or []]:
                return False
        if p.get("available"):
            ok = False
            for window in p["available"]:
                for day in days_of(window["days"]):
                    lo, hi = interval(day, window.get("from", "00:00"), window.get("to", "24:00"))
                    for shift in (-10080, 0, 10080):
                        if lo + shift <= x["begin"] and x["end"] <= hi + shift:
                            ok = True
            if not ok:
                return False
        length = x["end"] - x["begin"]
        if length > (max_night if night_minutes(x["begin"], x["end"]) > 60 else max_shift):
            return False
        return True

    def ratio_of(x, cid):
        return x["ratio"] or products[clients[cid]["product"]].get("ratio", 1)

    m = cp_model.CpModel()
    work = {}  # (pid, i) -> var
    attend = {}  # (cid, i) -> var
    terms = []  # (coefficient in SCALE units, var)
    shortfall_hours = []  # (hours, var)
    for i, x in enumerate(sessions):
        for cid in x["optional"]:
            attend[cid, i] = m.NewBoolVar(f"a_{cid}_{i}")
        possible = x["fixed"] + x["optional"]
        if not possible and x["min_staff"] == 0:
            continue
        for pid in staff:
            if eligible(pid, x):
                work[pid, i] = m.NewBoolVar(f"x_{pid}_{i}")
    for cid, c in clients.items():
        if not c.get("attends_any"):
            continue
        options = [i for (k, i) in attend if k == cid]
        unplaced = m.NewIntVar(0, c["attends_any"]["count"], f"u_{cid}")
        m.Add(sum(attend[cid, i] for i in options) + unplaced == c["attends_any"]["count"])
        hours = [(sessions[i]["end"] - sessions[i]["begin"]) / 60 for i in options] or [0]
        average = max(sum(hours) / len(hours), 0.25)
        terms.append((round(800 * average * SCALE), unplaced))
        shortfall_hours.append((average, unplaced))
    for i, x in enumerate(sessions):
        hours = (x["end"] - x["begin"]) / 60
        if x["capacity"] is not None and x["optional"]:
            m.Add(sum(attend[cid, i] for cid in x["optional"]) <= x["capacity"] - len(x["fixed"]))
        possible = x["fixed"] + x["optional"]
        if not possible and x["min_staff"] == 0:
            continue
        level = max((rank(products[clients[c]["product"]]["min_level"]) for c in possible), default=0)
        counted = [work[pid, i] for pid in staff if (pid, i) in work and rank(staff[pid]["level"]) >= level]
        ratios = [ratio_of(x, c) for c in possible]
        lcm = 1
        for r in ratios:
            lcm = lcm * r // math.gcd(lcm, r)
        need = sum(lcm // ratio_of(x, c) * (1 if c in x["fixed"] else attend[c, i]) for c in possible)
        most = max(x["min_staff"], math.ceil(len(possible) / min(ratios or [1])))
        short = m.NewIntVar(0, most, f"short_{i}")
        if possible:
            m.Add(lcm * (sum(counted) + short) >= need)
        if x["min_staff"]:
            m.Add(sum(counted) + short >= x["min_staff"])
        terms.append((round(1000 * hours * SCALE), short))
        shortfall_hours.append((hours, short))
        # Leads and skills: asked when a client who brings them is present.
        leads = {}
        for c in possible:
            lead = products[clients[c]["product"]].get("lead_level")
            if lead:
                leads.setdefault(lead, []).append(c)
        skills = {}
        for c in possible:
            for skill in clients[c].get("needs", []) or []:
                skills.setdefault(skill, []).append(c)
        for kind, groups in (("lead", leads), ("skill", skills)):
            for key, who in sorted(groups.items()):
                if kind == "lead":
                    able = [work[pid, i] for pid in staff if (pid, i) in work and rank(staff[pid]["level"]) >= rank(key)]
                else:
                    able = [work[pid, i] for pid in staff if (pid, i) in work and rank(staff[pid]["level"]) >= level
                            and key in (staff[pid].get("skills") or [])]
                missing = m.NewBoolVar(f"miss_{kind}_{key}_{i}")
                for c in who:
                    if c in x["fixed"]:
                        m.Add(sum(able) + missing >= 1)
                    else:
                        m.Add(sum(able) + missing >= attend[c, i])
                terms.append((round(1000 * hours * SCALE), missing))
                shortfall_hours.append((hours, missing))

    band = float((s.get("settings") or {}).get("hours_band", 0.1))
    premium = 1 + float((s.get("overtime") or {}).get("premium_percent", 0)) / 100
    balances = ((s.get("history") or {}).get("hours_balance") or {})
    week_dates = {(monday + datetime.timedelta(days=d)).isoformat() for d in range(7)}
    extra_spend = []  # (euros per minute, minutes expression or variable) to report the roster's extra spend

    for pid, p in staff.items():
        mine = sorted([i for (q, i) in work if q == pid], key=lambda i: sessions[i]["begin"])
        if not mine:
            continue
        x = {i: work[pid, i] for i in mine}
        minutes_worked = sum(working(sessions[i]["end"] - sessions[i]["begin"]) * x[i] for i in mine)
        kind = p.get("contract", "salaried" if not p.get("volunteer") else "volunteer")
        contract = float(p.get("contract_hours", 0) or 0) if kind == "salaried" else 0.0
        ceiling = p.get("max_hours", contract if kind == "salaried" else 168)
        if kind == "salaried" and balances.get(pid, 0) < 0 and "max_hours" not in p:
            ceiling = contract - balances[pid]
        most = min(ceiling, max_week)
        m.Add(minutes_worked <= int(most * 60))
        cost = float(p.get("hourly_cost", 0) or 0)
        # Every hour worked costs 60; flex and agency hours their euros at 0.2, agency 150 more.
        per_hour = 60 + (cost * 0.2 if kind in ("flex", "agency") else 0) + (150 if kind == "agency" else 0)
        terms.append((round(per_hour * SCALE / 60), minutes_worked))
        if kind in ("flex", "agency"):
            extra_spend.append((cost / 60, minutes_worked))
        # The reward of the first hours up to the target, in the engine's ten pieces (minutes).
        absent = sum(1 for date in (p.get("absent") or []) if str(date) in week_dates)
        owed = contract * (7 - absent) / 7
        target = min(most, max(0.0, (owed - float(balances.get(pid, 0))) if kind == "salaried" else float(p.get("min_hours", 0) or 0)))
        piece_band = band if kind == "salaried" else 0.0
        pieces = [(target * (1 - piece_band) / 9, 50 * (1 - 0.8 * k / 8)) for k in range(9)]
        if piece_band > 0:
            pieces.append((target * piece_band, 2))
        rewards = []
        for k, (hours, slope) in enumerate(pieces):
            length = int(round(hours * 60))
            if length <= 0:
                continue
            reward = m.NewIntVar(0, length, f"reward_{pid}_{k}")
            rewards.append(reward)
            terms.append((-round(slope * SCALE / 60), reward))
        if rewards:
            m.Add(sum(rewards) <= minutes_worked)
        if kind == "salaried":
            over = m.NewIntVar(0, 10080, f"over_{pid}")
            m.Add(over >= minutes_worked - int(round(min(contract, most) * 60)))
            terms.append((round(cost * premium * 0.2 * SCALE / 60), over))
            extra_spend.append((cost * premium / 60, over))
            beyond = m.NewIntVar(0, 10080, f"beyond_{pid}")
            m.Add(beyond >= minutes_worked - int(round(target * (1 + band) * 60)))
            terms.append((round(40 * SCALE / 60), beyond))
        elif kind == "volunteer":
            over = m.NewIntVar(0, 10080, f"over_{pid}")
            m.Add(over >= minutes_worked - int(float(p.get("contract_hours", 0) or 0) * 60))
            terms.append((4 * SCALE // 60, over))
        for loc in sorted({sessions[i]["loc"] for i in mine}):
            face = m.NewBoolVar(f"face_{pid}_{loc}")
            for i in mine:
                if sessions[i]["loc"] == loc:
                    m.AddImplication(x[i], face)
            terms.append((2 * SCALE, face))
        # No double booking, with travel between areas.
        for a in range(len(mine)):
            for b in range(a + 1, len(mine)):
                i, j = mine[a], mine[b]
                first, second = (i, j) if sessions[i]["begin"] <= sessions[j]["begin"] else (j, i)
                gap = sessions[second]["begin"] - sessions[first]["end"]
                need = 0 if sessions[first]["area"] == sessions[second]["area"] else default_travel
                if gap < need:
                    m.AddBoolOr([x[i].Not(), x[j].Not()])
        # Shifts: work separated by less than the daily rest; a chain too long is forbidden whole.
        def follow(chain, start, end, night):
            is_night = night > 60
            if is_night and ((end % 1440) > 120 or end % 1440 == 0):
                for k in mine:
                    gap = sessions[k]["begin"] - end
                    if reduced_rest <= gap < night_rest:
                        m.AddBoolOr([x[c].Not() for c in chain] + [x[k].Not()])
            for k in mine:
                gap = sessions[k]["begin"] - end
                if gap < 0 or gap >= reduced_rest:
                    continue
                total_night = night + night_minutes(sessions[k]["begin"], sessions[k]["end"])
                limit = max_night if total_night > 60 else max_shift
                if sessions[k]["end"] - start > limit:
                    m.AddBoolOr([x[c].Not() for c in chain + [k]])
                else:
                    follow(chain + [k], start, sessions[k]["end"], total_night)
        for i in mine:
            follow([i], sessions[i]["begin"], sessions[i]["end"], night_minutes(sessions[i]["begin"], sessions[i]["end"]))
        # ATW 5:8: after three or more night shifts in a row, 46 h rest before another shift
        # (a night within it continues the series; a day shift between the nights breaks it).
        series_rest = int(rules.get("rest_after_night_series_hours", 46) * 60)
        nights = [i for i in mine if night_minutes(sessions[i]["begin"], sessions[i]["end"]) > 60]
        def in_row(a, b):
            gap = sessions[b]["begin"] - sessions[a]["end"]
            return reduced_rest <= gap < series_rest
        for n1 in nights:
            for n2 in [n for n in nights if sessions[n]["begin"] > sessions[n1]["begin"] and in_row(n1, n)]:
                for n3 in [n for n in nights if sessions[n]["begin"] > sessions[n2]["begin"] and in_row(n2, n)]:
                    days_between = [d for d in mine if d not in nights and sessions[n1]["begin"] < sessions[d]["begin"] < sessions[n3]["begin"]]
                    for k in mine:
                        gap = sessions[k]["begin"] - sessions[n3]["end"]
                        if 0 <= gap < series_rest and not (k in nights and in_row(n3, k)):
                            m.AddBoolOr([x[n1].Not(), x[n2].Not(), x[n3].Not(), x[k].Not()] + [x[d] for d in days_between])
        # Forward rotation preferred: a shift ending at 20:00 or later (or by 08:00) followed
        # within 24 h by one starting earlier in the day costs 3, as in zorgrooster's objective.
        ordered = sorted(mine, key=lambda i: (sessions[i]["begin"], sessions[i]["end"]))
        for a_index, a in enumerate(ordered):
            for b in ordered[a_index + 1:]:
                gap = sessions[b]["begin"] - sessions[a]["end"]
                if gap >= 24 * 60:
                    break
                end_of_day = sessions[a]["end"] % 1440
                if gap < 0 or not (end_of_day >= 20 * 60 or end_of_day <= 8 * 60):
                    continue
                if sessions[b]["begin"] % 1440 >= sessions[a]["begin"] % 1440:
                    continue
                between = [c for c in mine if sessions[c]["begin"] >= sessions[a]["end"] and sessions[c]["end"] <= sessions[b]["begin"]]
                turned = m.NewBoolVar(f"turn_{pid}_{a}_{b}")
                m.AddBoolOr([x[a].Not(), x[b].Not(), turned] + [x[c] for c in between])
                terms.append((3 * SCALE, turned))
        # The shortened daily rest at most once in 7×24 h: two shortened rests (a, b with nothing
        # worked between) that begin less than 7×24 h apart are not both taken.
        shortened = []
        if reduced_rest < daily_rest:
            for a in mine:
                for b in mine:
                    gap = sessions[b]["begin"] - sessions[a]["end"]
                    if reduced_rest <= gap < daily_rest:
                        between = [c for c in mine if sessions[c]["begin"] >= sessions[a]["end"] and sessions[c]["end"] <= sessions[b]["begin"]]
                        shortened.append((sessions[a]["end"], a, b, between))
            # Each shortened rest is priced (500): used only where care needs it.
            for number, (t1, a1, b1, between1) in enumerate(shortened):
                priced = m.NewBoolVar(f"short_{pid}_{number}")
                m.AddBoolOr([x[a1].Not(), x[b1].Not(), priced] + [x[c] for c in between1])
                terms.append((500 * SCALE, priced))
            for p_index, (t1, a1, b1, between1) in enumerate(shortened):
                for (t2, a2, b2, between2) in shortened[p_index + 1:]:
                    if abs(t2 - t1) < 7 * 1440:
                        m.AddBoolOr([x[a1].Not(), x[b1].Not(), x[a2].Not(), x[b2].Not()] + [x[c] for c in between1 + between2])
        # Weekly rest: some uninterrupted stretch inside Monday 00:00 to Sunday 24:00 free of work.
        starts = sorted({0} | {sessions[i]["end"] for i in mine})
        choices = []
        for t in starts:
            if t + weekly_rest > 10080:
                continue
            r = m.NewBoolVar(f"rest_{pid}_{t}")
            for i in mine:
                if sessions[i]["begin"] < t + weekly_rest and sessions[i]["end"] > t:
                    m.AddImplication(r, x[i].Not())
            choices.append(r)
        m.AddBoolOr(choices) if choices else m.AddBoolOr([x[i].Not() for i in mine])

    m.Minimize(sum(c * v for c, v in terms))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.1, args.time_limit - (time.time() - started))
    solver.parameters.num_workers = args.workers
    solver.parameters.random_seed = 1
    status = solver.Solve(m)
    found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    result = {
        "status": solver.StatusName(status).lower(),
        "objective": solver.ObjectiveValue() / SCALE if found else None,
        "bound": solver.BestObjectiveBound() / SCALE,
        "shortfall_hours": sum(h * solver.Value(v) for h, v in shortfall_hours) if found else None,
        "extra_spend": round(sum(rate * solver.Value(v) for rate, v in extra_spend), 2) if found else None,
        "seconds": round(time.time() - started, 1),
    }
    if args.roster and found:
        with open(args.roster, "w") as out:
            out.write("staff_id,location,day,session\n")
            for (pid, i), var in sorted(work.items(), key=lambda item: (item[0][0], sessions[item[0][1]]["begin"])):
                if solver.Value(var):
                    out.write(f"{pid},{sessions[i]['loc']},{DAYS[sessions[i]['day']]},{sessions[i]['name']}\n")
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
