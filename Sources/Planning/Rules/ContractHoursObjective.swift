import CareDomain
import Optimization

extension WeekModel {
    /// Soft: stay within `contract_hours`. Only hours above the contract are priced: pricing hours
    /// below it would reward rostering people into sessions that do not need them, and a planner
    /// never sends staff to an empty room to fill a contract (unused contract hours are reported,
    /// not invented work). `min_hours` steers who gets the needed work first (the construction's
    /// priority), never how much work there is. A vacancy has no contract: each of its hours is
    /// priced, the cheaper level first.
    func addContractHoursObjective() throws {
        for person in staff {
            let hours = workedHours(of: person)
            guard !hours.isEmpty else { continue }
            if person.isHire {
                objective.add(hours, times: weights.vacancyPerHour + scenario.hourlyCost(of: person.level))
                continue
            }
            let over = try model.addVariable(modelName("over_contract", person.id.rawValue))
            try model.add(hours - over <= person.contractHours, name: modelName("contract", person.id.rawValue))
            objective.add(over, coefficient: weights.contractDeviationPerHour)
        }
    }
}

/// The rule as a unit of the model's list (`PlanningRules.model`).
struct ContractHoursObjective: ModelRule {
    var label: String { "hours above contract (soft)" }
    func addRows(to week: WeekModel) throws { try week.addContractHoursObjective() }
}
