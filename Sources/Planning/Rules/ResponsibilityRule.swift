import CareDomain
import Optimization

extension WeekModel {
    /// Every client whose product names a `responsible_level` gets one end-responsible
    /// professional of that level (the fixed `responsible` where given), within each person's
    /// `max_caseload`; the weekly `coordination_minutes` count towards that person's hours
    /// (see `workedHours`). A client nobody can take is a penalised shortfall.
    func addResponsibility() throws {
        var caseload: [StaffID: LinearExpression] = [:]
        let known = Set(staff.map(\.id))
        for demand in responsibilities {
            var choices = LinearExpression()
            for candidate in demand.candidates where known.contains(candidate) {
                let variable = try model.addVariable(modelName("responsible", demand.client, candidate), kind: .binary)
                responsible[demand.client, default: []].append((candidate, variable))
                choices.add(variable)
                caseload[candidate, default: LinearExpression()].add(variable)
                if demand.coordinationMinutes > 0 {
                    coordinationByStaff[candidate, default: LinearExpression()].add(variable, coefficient: Double(demand.coordinationMinutes) / 60)
                }
            }
            let missing = try model.addVariable(modelName("no_responsible", demand.client), upperBound: 1)
            responsibleShortfall[demand.client] = missing
            try model.add(choices + missing == 1, name: modelName("one_responsible", demand.client))
            objective.add(missing, coefficient: weights.missingResponsible)
        }
        for person in staff {
            guard let limit = person.maxCaseload, let load = caseload[person.id] else { continue }
            try model.add(load <= Double(limit), name: modelName("max_caseload", person.id))
        }
    }
}

/// The rule as a unit of the model's list (`PlanningRules.model`).
struct ResponsibilityRule: ModelRule {
    var label: String { "one end-responsible professional per client, within max_caseload" }
    func addRows(to week: WeekModel) throws { try week.addResponsibility() }
}
