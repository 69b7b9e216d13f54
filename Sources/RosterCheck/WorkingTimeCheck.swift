import CareDomain

/// Each person's week: one place at a time, travel, hours, shift length, rest (Arbeidstijdenwet).
struct WorkingTimeCheck {
    let scenario: Scenario

    func check(_ roster: Roster) -> [Violation] {
        var violations: [Violation] = []
        let rules = scenario.labourRules
        let coordination = roster.responsibilities.reduce(into: [StaffID: Int]()) { $0[$1.staff, default: 0] += $1.coordinationMinutes }
        var people = Set(roster.assignments.map(\.staff))
        people.formUnion(coordination.keys)
        for (staffID, rows) in people.sorted().map({ id in (key: id, value: roster.assignments.filter { $0.staff == id }) }) {
            guard let person = scenario.staff[staffID] else { continue }
            let work = rows.sorted { $0.interval.start < $1.interval.start }
            // One place at a time, and travel between areas.
            for (index, earlier) in work.enumerated() {
                for later in work[(index + 1)...] {
                    if later.interval.start < earlier.interval.end {
                        violations.append(Violation(rule: "double booking", message: "\(staffID) works \(earlier.ref) and \(later.ref) at once (\(later.interval.label(in: scenario.week)))"))
                        continue
                    }
                    let travel = travelMinutes(earlier, later)
                    if later.interval.start - earlier.interval.end < travel {
                        violations.append(Violation(rule: "travel", message: "\(staffID) has \(later.interval.start - earlier.interval.end) min between \(earlier.location?.rawValue ?? "?") and \(later.location?.rawValue ?? "?"), travel takes \(travel) (\(later.interval.label(in: scenario.week)))"))
                    }
                }
            }
            violations += homeTravel(person, work)
            // Hours, with the coordination time of the clients the person is responsible for.
            let hours = work.reduce(Double(coordination[staffID] ?? 0) / 60) { $0 + $1.interval.hours }
            if hours > person.maxHours + 1e-6 {
                violations.append(Violation(rule: "max hours", message: "\(staffID) works \(formatted(hours)) h, max_hours is \(formatted(person.maxHours))"))
            }
            if hours * 60 > Double(rules.maxWeekMinutes) + 1e-6 {
                violations.append(Violation(rule: "week hours", message: "\(staffID) works \(formatted(hours)) h, the week limit is \(rules.maxWeekMinutes / 60)"))
            }
            // Shifts: work separated by less than the daily rest.
            var shifts: [(start: Int, end: Int, night: Int)] = []
            for row in work {
                let night = row.interval.minutesBetweenMidnightAndSix
                if let last = shifts.last, row.interval.start - last.end < rules.minDailyRestMinutes {
                    shifts[shifts.count - 1] = (last.start, max(last.end, row.interval.end), last.night + night)
                } else {
                    shifts.append((row.interval.start, row.interval.end, night))
                }
            }
            for (index, shift) in shifts.enumerated() {
                let isNight = shift.night > LabourRules.nightShiftThresholdMinutes
                let limit = isNight ? rules.maxNightShiftMinutes : rules.maxShiftMinutes
                let span = WeekInterval(start: shift.start, end: shift.end)
                if shift.end - shift.start > limit {
                    violations.append(Violation(rule: isNight ? "night shift length" : "shift length", message: "\(staffID) has a \(isNight ? "night " : "")shift of \(formatted(span.hours)) h (\(span.label(in: scenario.week))), the limit is \(formatted(Double(limit) / 60)) h"))
                }
                let endOfDay = ((shift.end % 1440) + 1440) % 1440
                if isNight, endOfDay > LabourRules.lateNightEndMinute || endOfDay == 0, index + 1 < shifts.count {
                    let rest = shifts[index + 1].start - shift.end
                    if rest < rules.minRestAfterNightMinutes {
                        violations.append(Violation(rule: "rest after night", message: "\(staffID) rests \(formatted(Double(rest) / 60)) h after a night shift ending \(ClockTime.text(shift.end)) (\(span.label(in: scenario.week))); at least \(formatted(Double(rules.minRestAfterNightMinutes) / 60)) h"))
                    }
                }
            }
            // ATW 5:8: after three or more night shifts in a row, the series rest before any
            // other shift (a night within it continues the series).
            var series: [WeekInterval] = []
            for shift in shifts {
                let isNight = shift.night > LabourRules.nightShiftThresholdMinutes
                let rest = series.last.map { shift.start - $0.end }
                if let rest, rest < rules.restAfterNightSeriesMinutes {
                    if isNight { series.append(WeekInterval(start: shift.start, end: shift.end)); continue }
                    if series.count >= LabourRules.nightSeriesLength {
                        violations.append(Violation(rule: "rest after night series", message: "\(staffID) rests \(formatted(Double(rest) / 60)) h after \(series.count) night shifts in a row (the last \(series.last!.label(in: scenario.week))); at least \(formatted(Double(rules.restAfterNightSeriesMinutes) / 60)) h"))
                    }
                }
                series = isNight ? [WeekInterval(start: shift.start, end: shift.end)] : []
            }
            // Weekly rest inside Monday 00:00 – Sunday 24:00.
            var longest = 0
            var free = 0
            for row in work {
                longest = max(longest, min(row.interval.start, PlanningWeek.minutesPerWeek) - free)
                free = max(free, row.interval.end)
            }
            longest = max(longest, PlanningWeek.minutesPerWeek - free)
            if longest < rules.minWeeklyRestMinutes {
                violations.append(Violation(rule: "weekly rest", message: "\(staffID)'s longest rest this week is \(formatted(Double(longest) / 60)) h; at least \(formatted(Double(rules.minWeeklyRestMinutes) / 60)) h"))
            }
        }
        return violations
    }

    private func travelMinutes(_ a: RosterAssignment, _ b: RosterAssignment) -> Int {
        guard let first = travelArea(of: a, in: scenario), let second = travelArea(of: b, in: scenario), first != second else { return 0 }
        return scenario.travel.minutes(from: first, to: second)
    }

    /// With `home_area` and `available` given, each stretch of availability starts and ends at
    /// home: its first activity leaves room to travel there, its last to travel back.
    private func homeTravel(_ person: Staff, _ work: [RosterAssignment]) -> [Violation] {
        guard let home = person.homeArea, let windows = person.available else { return [] }
        var violations: [Violation] = []
        let stretches = coveredStretches(windows)
        for stretch in stretches {
            let inside = work.filter { $0.interval.start >= stretch.start && $0.interval.end <= stretch.end }
            guard let first = inside.first, let last = inside.last else { continue }
            if let area = travelArea(of: first, in: scenario), area != home,
               first.interval.start - stretch.start < scenario.travel.minutes(from: home, to: area) {
                violations.append(Violation(rule: "travel from home", message: "\(person.id) cannot get from home (\(home)) to \(first.ref) by \(first.interval.label(in: scenario.week)) inside their available time"))
            }
            if let area = travelArea(of: last, in: scenario), area != home,
               stretch.end - last.interval.end < scenario.travel.minutes(from: area, to: home) {
                violations.append(Violation(rule: "travel home", message: "\(person.id) cannot get home (\(home)) from \(last.ref) (\(last.interval.label(in: scenario.week))) inside their available time"))
            }
        }
        return violations
    }
}
