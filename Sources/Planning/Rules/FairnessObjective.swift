import CareDomain
import Optimization

extension WeekModel {
    /// `settings.fairness` (SCENARIO.md 1.1): per kind of work (weekend, night, evening
    /// sessions), each person's count against their fair share, the total over everyone who
    /// could take such work in proportion to contract hours; the deviation either way is priced.
    /// The share is linear in the roster's own total, so the model spreads whatever it rosters.
    /// Within a period, the weeks before count too: their counts and shares are added, so the
    /// period is spread fairly as a whole.
    func addFairness() throws {
        for measure in scenario.settings.fairness.sorted(by: { $0.rawValue < $1.rawValue }) {
            let eligible = Set(RosterPreferences.fairnessPeople(scenario, measure: measure).map(\.id))
            let people = staff.filter { eligible.contains($0.id) && !$0.isHire }
            let contract = people.reduce(0) { $0 + $1.contractHours }
            guard people.count > 1, contract > 0 else { continue }
            var counts: [StaffID: LinearExpression] = [:]
            var total = LinearExpression()
            for person in people {
                let worked = LinearExpression.sum((sessionsByStaff[person.id] ?? []).filter { measure.counts($0.demand.session) }.map(\.variable))
                counts[person.id] = worked
                total = total + worked
            }
            let before = scenario.history.fairnessSoFar[measure] ?? [:]
            for person in people {
                let deviation = try model.addVariable(modelName("unfair", measure.rawValue, person.id.rawValue))
                let tally = before[person.id] ?? FairTally()
                let share = (person.contractHours / contract) * total + LinearExpression(constant: tally.share)
                let count = counts[person.id]! + LinearExpression(constant: tally.count)
                try model.add(count - share - deviation <= 0, name: modelName("fair_above", measure.rawValue, person.id.rawValue))
                try model.add(share - count - deviation <= 0, name: modelName("fair_below", measure.rawValue, person.id.rawValue))
                objective.add(deviation, coefficient: weights.unfairPerSession)
            }
        }
    }
}

/// Fairness as a unit of the model's list: soft, so no oracle check.
struct FairnessObjective: ModelRule {
    var label: String { "weekends, nights and evenings spread fairly (soft)" }
    func addRows(to week: WeekModel) throws { try week.addFairness() }
}

extension FairnessObjective: ObjectiveTerm {
    /// Per measure, each person's sessions above or below their fair share, the period's earlier
    /// weeks included.
    func price(of roster: ScoredRoster) -> Double {
        let scenario = roster.scenario
        guard !scenario.settings.fairness.isEmpty else { return 0 }
        let own = Roster(assignments: roster.ownAssignments, uncovered: [])
        var total = 0.0
        for (measure, shares) in RosterPreferences.fairness(scenario, roster: own, among: roster.staff.filter { !$0.isHire }) where shares.count > 1 {
            let before = scenario.history.fairnessSoFar[measure] ?? [:]
            total += roster.weights.unfairPerSession * shares.reduce(0) { sum, share in
                let tally = before[share.staff] ?? FairTally()
                return sum + abs(share.count + tally.count - share.share - tally.share)
            }
        }
        return total
    }
}
