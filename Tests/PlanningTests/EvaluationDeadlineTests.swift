import CareDomain
import Planning
import RosterCheck
import Testing

/// Evaluations by their deadline, `last_evaluation` + `evaluation_months` (SCENARIO.md 1.1).
@Suite("Evaluations by deadline")
struct EvaluationDeadlineTests {
    /// The responsible professional h1 may work any weekday; c1's deadline is set by `last`.
    func week(last: String?) -> String {
        ambulatoryScenario(
            staff: "  h1: {level: hbo, contract_hours: 36}",
            clients: "  c1: {product: thuis, area: \"1000\", visits: {count: 1, minutes: 60}\(last.map { ", last_evaluation: \($0)" } ?? "")}",
            product: "    evaluation_months: 6")
    }

    func evaluationDates(_ outcome: PlanOutcome, _ scenario: Scenario) -> [String] {
        outcome.roster.assignments.filter { $0.activity == .evaluation }.map { scenario.week.date(atMinute: $0.interval.start).description }
    }

    @Test("A deadline on Wednesday 18 March is met on or before that day")
    func deadlineInTheWeek() throws {
        let (scenario, outcome) = try planChecked(week(last: "2025-09-18"))
        let dates = evaluationDates(outcome, scenario)
        #expect(dates.count == 1)
        #expect(dates.allSatisfy { $0 <= "2026-03-18" }, "\(dates)")
    }

    @Test("Overdue (deadline in January) or never held: due at once, on the week's first day")
    func overdueAndNever() throws {
        for last in ["2025-07-10", nil] {
            let (scenario, outcome) = try planChecked(week(last: last))
            #expect(evaluationDates(outcome, scenario) == ["2026-03-16"], "last_evaluation \(last ?? "none")")
        }
    }

    @Test("A deadline next Monday is not this week's: nothing is planned, and a planned one is refused by the checker")
    func deadlineNextWeek() throws {
        let (scenario, outcome) = try planChecked(week(last: "2025-09-23"))
        #expect(!outcome.roster.assignments.contains { $0.activity == .evaluation })
        #expect(!outcome.roster.uncovered.contains { $0.activity == .evaluation })
        let early = RosterChecker(scenario: scenario).check(with(outcome.roster, evaluationAt: 9 * 60))
        #expect(early.contains { $0.rule == "evaluation" }, "\(early)")
    }

    @Test("A due evaluation nobody may hold (the only HBO works at a location only) is reported uncovered with that reason")
    func dueWithoutResponsibleCandidate() throws {
        let yaml = ambulatoryScenario(
            staff: "  s1: {level: mbo4, contract_hours: 36}\n  h1: {level: hbo, contract_hours: 36, locations: [elders]}",
            clients: "  c1: {product: thuis, area: \"1000\", visits: {count: 1, minutes: 60}, last_evaluation: 2025-06-01}",
            product: "    evaluation_months: 6")
            .replacingOccurrences(of: "locations: {}", with: "locations: {elders: {sessions: []}}")
        let (_, outcome) = try planChecked(yaml)
        let evaluation = outcome.roster.uncovered.filter { $0.activity == .evaluation }
        #expect(evaluation.count == 1)
        #expect(evaluation.first?.reason.summary.en == "the client has no responsible professional to hold it")
        #expect(outcome.roster.uncovered.contains { $0.kind == .responsible && $0.client == ClientID("c1") })
    }

    @Test("The checker refuses an evaluation held after its deadline in the week")
    func checkerFindsLateEvaluation() throws {
        let (scenario, outcome) = try planChecked(week(last: "2025-09-18"))
        let others = Roster(assignments: outcome.roster.assignments.filter { $0.activity != .evaluation }, uncovered: outcome.roster.uncovered,
                            responsibilities: outcome.roster.responsibilities)
        // Thursday 19 March 10:00, a day after the deadline.
        let late = RosterChecker(scenario: scenario).check(with(others, evaluationAt: 3 * 1440 + 10 * 60))
        #expect(late.contains { $0.rule == "evaluation deadline" }, "\(late)")
    }

    @Test("SCENARIO.md 1.2: a deadline next Monday for a client seen only on Fridays is this week's (Friday), not a week late")
    func noChanceBeforeNextDeadline() throws {
        let yaml = ambulatoryScenario(
            staff: "  h1: {level: hbo, contract_hours: 36}",
            clients: "  c1: {product: thuis, area: \"1000\", visits: {count: 1, minutes: 60}, available: [{days: fri, from: \"09:00\", to: \"12:00\"}], last_evaluation: 2025-09-23}",
            product: "    evaluation_months: 6")
        let (scenario, outcome) = try planChecked(yaml)
        #expect(evaluationDates(outcome, scenario) == ["2026-03-20"])
        #expect(outcome.roster.assignments.first { $0.activity == .evaluation }?.ref == "c1#evaluation")
    }

    @Test("An overdue evaluation is marked overdue in its ref, and the checker wants the mark")
    func overdueMarked() throws {
        let (scenario, outcome) = try planChecked(week(last: "2025-07-10"))
        let row = try #require(outcome.roster.assignments.first { $0.activity == .evaluation })
        #expect(row.ref == "c1#evaluation-overdue")
        var unmarked = outcome.roster
        unmarked.assignments = unmarked.assignments.map { row in
            guard row.activity == .evaluation else { return row }
            return RosterAssignment(staff: row.staff, activity: row.activity, interval: row.interval, location: row.location, area: row.area,
                                    clients: row.clients, products: row.products, role: row.role, ref: "c1#evaluation")
        }
        #expect(RosterChecker(scenario: scenario).check(unmarked).contains { $0.rule == "evaluation" && $0.message.contains("overdue") })
    }

    /// The roster with c1's evaluation by h1 at `minute` of the week.
    func with(_ roster: Roster, evaluationAt minute: Int) -> Roster {
        let row = RosterAssignment(staff: StaffID("h1"), activity: .evaluation, interval: WeekInterval(start: minute, end: minute + 60),
                                   location: nil, area: "1000", clients: [ClientID("c1")], products: [ProductID("thuis")],
                                   role: .professional, ref: "c1#evaluation")
        return Roster(assignments: roster.assignments + [row], uncovered: roster.uncovered, responsibilities: roster.responsibilities)
    }
}
