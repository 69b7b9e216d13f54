import CareDomain

/// Each person's week: one place at a time, travel, hours, shift length, rest (Arbeidstijdenwet).
struct WorkingTimeCheck {
    let scenario: Scenario

    func check(_ roster: Roster) -> [Violation] {
        var violations: [Violation] = []
        let rules = scenario.labourRules
        for (staffID, rows) in Dictionary(grouping: roster.assignments, by: \.staff).sorted(by: { $0.key < $1.key }) {
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
            // Hours.
            let hours = work.reduce(0.0) { $0 + $1.interval.hours }
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
        func area(_ row: RosterAssignment) -> String? {
            if let location = row.location, let known = scenario.locations[location] { return known.area ?? "location:\(location)" }
            return row.area
        }
        guard let first = area(a), let second = area(b), first != second else { return 0 }
        return scenario.travel.minutes(from: first, to: second)
    }
}
