import CareDomain

/// The model's objective evaluated on a finished roster, so that rosters from the construction,
/// from GLPK and from the polish are compared on one scale (`ObjectiveWeights`), and the written
/// roster's own value stands against the bound: the sum of every term's price
/// (`PlanningRules.objective`, each term in its own file beside its rows).
struct RosterScore {
    let scenario: Scenario
    let weights: ObjectiveWeights
    let staff: [Staff]
    let work: AmbulatoryDemand

    func objective(assignments: [RosterAssignment], uncovered: [UncoveredDemand], responsibilities: [Responsibility]) -> Double {
        let roster = ScoredRoster(scenario: scenario, weights: weights, staff: staff, work: work, assignments: assignments,
                                  uncovered: uncovered, responsibilities: responsibilities)
        return PlanningRules.objective.reduce(0.0) { $0 + $1.price(of: roster) }
    }

    /// Each person's minutes as the model's hours row counts them: a group session as if alone in
    /// its shift (break out, sleep with its factor), on-call duty none, client work in full, plus
    /// coordination; so a roster scores what its model solution does, the model's bound holds
    /// for the score, and `PartEngine` sees what the row would count for a roster.
    static func modelMinutes(_ assignments: [RosterAssignment], responsibilities: [Responsibility], in scenario: Scenario,
                             forLimits: Bool = false) -> [StaffID: Int] {
        var minutes: [StaffID: Int] = [:]
        for row in assignments where scenario.dutyKind(of: row) != .onCall {
            minutes[row.staff, default: 0] += row.activity == .group
                ? WorkingTime.minutes(alone: scenario.workPiece(row), rules: scenario.labourRules, forLimits: forLimits) : row.interval.minutes
        }
        for row in responsibilities { minutes[row.staff, default: 0] += row.coordinationMinutes }
        return minutes
    }
}

extension ObjectiveWeights {
    /// The objective's price of `worked` hours of `person`'s week (`HoursPrice`). The one place the
    /// score, the construction's priority and the bound take it from.
    func priceOfHours(_ worked: Double, by person: Staff, in scenario: Scenario) -> Double {
        hoursPrice(of: person, in: scenario).price(worked)
    }

    /// The price of a person's first hour: how dear their work is to the objective before any
    /// contract is filled (salaried people alike; flex dearer; agency dearer still; a vacancy dearest).
    func hourlyRate(of person: Staff, in scenario: Scenario) -> Double {
        hoursPrice(of: person, in: scenario).marginal(after: 0)
    }
}
