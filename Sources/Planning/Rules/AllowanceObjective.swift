import CareDomain
import Optimization

extension WeekModel {
    /// The irregular-hours allowance of each group session a person may work, in euros of extra
    /// spend on their assignment: nights, evenings and Sundays cost what the agreement pays on
    /// top (`allowances`), so they go to whom they cost least only after hours and care.
    /// (Visits are placed by the day; their allowance is counted in the figures, not priced here.)
    func addAllowanceObjective() throws {
        guard !scenario.pay.allowances.bands.isEmpty else { return }
        for person in staff where scenario.earnsAllowance(person) {
            for (demand, variable) in sessionsByStaff[person.id] ?? [] {
                let row = RosterAssignment(staff: person.id, activity: .group, interval: demand.session.interval, location: demand.session.location,
                                           area: nil, clients: [], products: [], role: .professional, ref: demand.session.slot.name)
                let euros = scenario.allowance(of: row).euros
                if euros > 0 { objective.add(variable, coefficient: euros * weights.costPerEuro) }
            }
        }
    }
}

/// The allowance term as a unit of the model's list (`PlanningRules.model`).
struct AllowanceObjective: ModelRule {
    var label: String { "irregular-hours allowances (soft, extra spend)" }
    func addRows(to week: WeekModel) throws { try week.addAllowanceObjective() }
}

extension AllowanceObjective: ObjectiveTerm {
    /// The allowances of the part's people's group rows, at 0.2 per euro.
    func price(of roster: ScoredRoster) -> Double {
        guard !roster.scenario.pay.allowances.bands.isEmpty else { return 0 }
        return roster.ownAssignments.reduce(0.0) { total, row in
            row.activity == .group ? total + roster.scenario.allowance(of: row).euros * roster.weights.costPerEuro : total
        }
    }
}
