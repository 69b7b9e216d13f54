#!/usr/bin/env python3
"""Times the planning board (issue 31 item 9) against a running `zorgrooster serve`.

Usage: board_timing.py ADDRESS [MOVES]

The first view (GET /, the whole page), the roster (GET /api/roster), and MOVES verdicts
(POST /api/check): half a person taken off a group session and put on another session of the
same location that day where they are not, half two people swapped between two such sessions,
spread over the plan's rows; and where the plan has home visits, as many visit verdicts: half a
visit handed to someone else who visits that day (at its time), half a visit taken off (which
asks whether anyone free could make it). Prints one line:
first_view_s roster_s verdict_median_ms verdict_p90_ms verdict_max_ms verdicts allowed
  visit_median_ms visit_max_ms visit_verdicts visit_allowed
"""
import json
import statistics
import sys
import time
import urllib.request


def timed(request):
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=600) as answer:
        body = answer.read()
    return time.perf_counter() - started, body


def main():
    address = sys.argv[1].rstrip("/") + "/"
    wanted = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    first_view, _ = timed(address)
    roster_s, body = timed(address + "api/roster")
    roster = json.loads(body)
    rows = [row for row in roster["rows"] if row["activity"] == "group"]
    sessions = {}
    for row in rows:
        sessions.setdefault((row["date"], row["location"]), set()).add(row["ref"])
    working = {(row["staff_id"], row["date"], row["location"], row["ref"]) for row in rows}
    # Half moves (off one session, onto another), half swaps of two people between two sessions
    # of a location's day (which keep both covered, so most are allowed).
    moves, swaps = [], []
    by_session = {}
    for row in rows:
        by_session.setdefault((row["date"], row["location"], row["ref"]), []).append(row["staff_id"])
    step = max(1, len(rows) // wanted)
    for row in rows[::step]:
        place = {"date": row["date"], "location": row["location"]}
        others = sorted(sessions[(row["date"], row["location"])] - {row["ref"]})
        target = next((name for name in others if (row["staff_id"], row["date"], row["location"], name) not in working), None)
        if target is not None and len(moves) < wanted // 2:
            moves.append({"remove": [dict(place, staff_id=row["staff_id"], session=row["ref"])],
                          "add": [dict(place, staff_id=row["staff_id"], session=target)]})
        partner = next(((name, other) for name in others for other in by_session.get((row["date"], row["location"], name), [])
                        if (other, row["date"], row["location"], row["ref"]) not in working
                        and (row["staff_id"], row["date"], row["location"], name) not in working), None)
        if partner is not None and len(swaps) < wanted - wanted // 2:
            name, other = partner
            swaps.append({"remove": [dict(place, staff_id=row["staff_id"], session=row["ref"]), dict(place, staff_id=other, session=name)],
                          "add": [dict(place, staff_id=row["staff_id"], session=name), dict(place, staff_id=other, session=row["ref"])]})
    moves += swaps
    visits = [row for row in roster["rows"] if row["activity"] == "visit"]
    visitors = {}
    for row in visits:
        visitors.setdefault(row["date"], set()).add(row["staff_id"])
    visit_moves = []
    for index, row in enumerate(visits[::max(1, len(visits) // wanted)][:wanted]):
        place = {"date": row["date"], "activity": "visit", "client": row["clients"][0], "start": row["start"]}
        off = dict(place, staff_id=row["staff_id"])
        other = next(iter(sorted(visitors[row["date"]] - {row["staff_id"]})), None)
        if index % 2 == 0 and other is not None:
            visit_moves.append({"remove": [off], "add": [dict(place, staff_id=other)]})
        else:
            visit_moves.append({"remove": [off]})

    def verdicts(asked):
        times, allowed = [], 0
        for move in asked:
            request = urllib.request.Request(address + "api/check", data=json.dumps(move).encode(), method="POST",
                                             headers={"Content-Type": "application/json"})
            seconds, body = timed(request)
            times.append(seconds * 1000)
            allowed += json.loads(body)["allowed"]
        return sorted(times), allowed

    times, allowed = verdicts(moves)
    visit_times, visit_allowed = verdicts(visit_moves)
    p90 = times[min(len(times) - 1, int(len(times) * 0.9))] if times else 0
    print(f"{first_view:.3f} {roster_s:.3f} {statistics.median(times) if times else 0:.1f} {p90:.1f} {max(times) if times else 0:.1f} {len(times)} {allowed}"
          f" {statistics.median(visit_times) if visit_times else 0:.1f} {max(visit_times) if visit_times else 0:.1f} {len(visit_times)} {visit_allowed}")


if __name__ == "__main__":
    main()
