import CareDomain

/// One broken rule found in a roster.
public struct Violation: Sendable, Hashable, CustomStringConvertible {
    /// Short rule label, such as "ratio" or "night rest".
    public let rule: String
    public let message: String

    public init(rule: String, message: String) {
        self.rule = rule
        self.message = message
    }

    public var description: String { "[\(rule)] \(message)" }
}

/// Re-verifies every rule on a finished roster, with code that shares nothing with the planner.
///
/// It reads only the scenario and the roster rows, recounts every session and every person's
/// week from scratch, and checks that each uncovered row describes a shortfall that is really
/// there and that every real shortfall has its row.
public struct RosterChecker: Sendable {
    public let scenario: Scenario

    public init(scenario: Scenario) { self.scenario = scenario }

    /// `later`: in a period, the weeks after this one (a person left free at the week's end may
    /// be resting for their work early in the next week).
    public func check(_ roster: Roster, later: LaterWeeks? = nil) -> [Violation] {
        var violations: [Violation] = []
        violations += PlacementCheck(scenario: scenario).check(roster)
        violations += SessionCheck(scenario: scenario).check(roster)
        violations += ClientWorkCheck(scenario: scenario).check(roster)
        violations += AppointmentCheck(scenario: scenario).check(roster)
        violations += ResponsibilityCheck(scenario: scenario).check(roster)
        violations += WorkingTimeCheck(scenario: scenario).check(roster)
        violations += MaximalityCheck(scenario: scenario, later: later).check(roster)
        return violations
    }
}

extension WeekInterval {
    /// "Tue 2026-03-17 09:00–12:30", for messages.
    func label(in week: PlanningWeek) -> String {
        let date = week.date(atMinute: start)
        return "\(date.weekday) \(date) \(description)"
    }
}
