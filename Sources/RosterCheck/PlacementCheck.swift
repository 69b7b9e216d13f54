import CareDomain

/// Each row: a real person, at a real session, allowed there, available and not absent.
struct PlacementCheck {
    let scenario: Scenario
    /// The week's sessions by "location|start|name": made once per check of a roster, and once
    /// for all the candidate weeks the maximality check tries (thousands at 2,000 staff).
    let sessionsByKey: [String: GroupSession]

    init(scenario: Scenario, sessions: [String: GroupSession]? = nil) {
        self.scenario = scenario
        sessionsByKey = sessions ?? Self.sessions(of: scenario)
    }

    static func sessions(of scenario: Scenario) -> [String: GroupSession] {
        var sessionsByKey: [String: GroupSession] = [:]
        for session in scenario.groupSessions {
            sessionsByKey["\(session.location)|\(session.interval.start)|\(session.slot.name)"] = session
        }
        return sessionsByKey
    }

    func check(_ roster: Roster) -> [Violation] {
        var violations: [Violation] = []
        var seen: Set<String> = []
        for row in roster.assignments {
            let when = row.interval.label(in: scenario.week)
            guard let person = scenario.staff[row.staff] else {
                violations.append(Violation(rule: "unknown staff", message: "\(row.staff) at \(when) is not in the scenario"))
                continue
            }
            if !seen.insert("\(row.staff)|\(row.interval.start)|\(row.location?.rawValue ?? "")|\(row.ref)").inserted {
                violations.append(Violation(rule: "duplicate row", message: "\(row.staff) appears twice at \(row.ref) \(when)"))
            }
            if row.role != (person.isVolunteer ? .volunteer : .professional) {
                violations.append(Violation(rule: "role", message: "\(row.staff) is listed as \(row.role.rawValue) at \(when) but is \(person.isVolunteer ? "a volunteer" : "a professional")"))
            }
            if row.activity == .group {
                guard let location = row.location, scenario.locations[location] != nil else {
                    violations.append(Violation(rule: "unknown location", message: "group row for \(row.staff) at \(when) names no known location"))
                    continue
                }
                guard let session = sessionsByKey["\(location)|\(row.interval.start)|\(row.ref)"], session.interval == row.interval else {
                    violations.append(Violation(rule: "unknown session", message: "\(location) has no session `\(row.ref)` at \(when)"))
                    continue
                }
                if let allowed = person.locations, !allowed.contains(location) {
                    violations.append(Violation(rule: "location", message: "\(row.staff) may not work at \(location) (\(when))"))
                }
            } else if row.activity == .coordination {
                violations.append(Violation(rule: "activity", message: "coordination is counted in hours, not placed at a time (\(row.staff) at \(when))"))
            }
            if let windows = person.available, !covers(windows, row.interval) {
                violations.append(Violation(rule: "availability", message: "\(row.staff) is not available for all of \(when)"))
            }
            var day = scenario.week.date(atMinute: row.interval.start)
            let lastDay = scenario.week.date(atMinute: row.interval.end - 1)
            while day <= lastDay {
                if person.absent.contains(day) {
                    violations.append(Violation(rule: "absence", message: "\(row.staff) is absent on \(day) but works \(when)"))
                }
                day = day.adding(days: 1)
            }
        }
        return violations
    }
}
