"""What the bound experiments read alike: the week (generate_engine_week.py's region family) and our
roster of it, the days each person is available, the professionals and skilled sessions the roster
staffs, and the staff grouped into types. Benchmark-only (imported by the scripts beside it)."""
import collections
import csv

import yaml

DAYS = ['mon', 'tue', 'wed', 'thu', 'fri']
H = 3.5   # a session's hours (09:00-12:30, 13:00-16:30)


def load(scenario_path, roster_path):
    """The scenario and the rows of its roster.csv."""
    return yaml.safe_load(open(scenario_path)), list(csv.DictReader(open(roster_path)))


def available_days(staff):
    """The weekdays a staff line may work (its one `available` window, or every weekday)."""
    av = staff.get('available')
    if not av:
        return tuple(DAYS)
    days = av[0]['days']
    if isinstance(days, list):
        return tuple(days)
    first, last = days.split('-')
    return tuple(DAYS[DAYS.index(first):DAYS.index(last) + 1])


def session_needs(scenario, rows):
    """Per (location, day, session): the professionals the roster gives it; and the sessions with a
    client who needs a skill."""
    need, skill = collections.Counter(), set()
    for row in rows:
        key = (row['location'], row['day'], row['ref'])
        need[key] += 1
        if any(scenario['clients'][c].get('needs') for c in row['clients'].split(';')):
            skill.add(key)
    return need, skill


def staff_type(s):
    """A staff line's type: (level, skill?, contract, max hours, rate, days available)."""
    return (s['level'], bool(s['skills']), s['contract_hours'], s['max_hours'], s['hourly_cost'], available_days(s))


def staff_types(scenario):
    """The staff grouped by type, with counts."""
    return collections.Counter(staff_type(s) for s in scenario['staff'].values())
