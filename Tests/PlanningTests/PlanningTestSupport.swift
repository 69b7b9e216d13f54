import CareDomain
import GLPKSolver
import Planning
import RosterCheck
import ScenarioFormat
import Testing

/// A tiny scenario: one group product at one location, with the given staff, clients and sessions.
func tinyScenario(ratio: Int = 5, minLevel: String = "mbo2", lead: String? = nil, capacity: Int? = nil,
                  sessions: String = "      - {name: ochtend, days: mon, from: \"09:00\", to: \"12:30\"}",
                  staff: String, clients: String, labour: String = "", extra: String = "") -> String {
    """
    version: 1
    name: tiny
    week: 2026-W12
    products:
      dag:
        setting: group
        ratio: \(ratio)
        min_level: \(minLevel)
    \(lead.map { "    lead_level: \($0)" } ?? "")
    locations:
      huis:
        area: "1000"
    \(capacity.map { "    capacity: \($0)" } ?? "")
        sessions:
    \(sessions)
    staff:
    \(staff)
    clients:
    \(clients)
    \(labour)
    \(extra)
    """
}

/// `count` clients of product `dag` at `huis` attending `slots`.
func clientLines(_ count: Int, attends: String = "[mon ochtend]", needs: String = "[]", prefix: String = "c") -> String {
    (1...count).map { "  \(prefix)\($0): {product: dag, location: huis, attends: \(attends), needs: \(needs)}" }.joined(separator: "\n")
}

/// Plans a scenario text with GLPK and asserts the independent checker finds nothing.
func planChecked(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (Scenario, PlanOutcome) {
    let scenario = try ScenarioLoader.parse(yaml, file: "tiny.yaml")
    let outcome = try RosterPlanner(solver: GLPKSolver()).plan(scenario, options: PlanningOptions(timeLimitSeconds: 30, relativeGap: 0))
    let violations = RosterChecker(scenario: scenario).check(outcome.roster)
    #expect(violations.isEmpty, "checker: \(violations)", sourceLocation: sourceLocation)
    return (scenario, outcome)
}

extension PlanOutcome {
    func workers(on day: Weekday, _ name: String, in scenario: Scenario) -> [String] {
        roster.assignments.filter { $0.ref == name && scenario.week.date(atMinute: $0.interval.start).weekday == day }
            .map(\.staff.rawValue).sorted()
    }

    func uncovered(_ kind: UncoveredKind) -> [UncoveredDemand] { roster.uncovered.filter { $0.kind == kind } }
}
