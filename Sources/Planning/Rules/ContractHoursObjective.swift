import CareDomain
import Optimization

extension WeekModel {
    /// Soft: reach `min_hours` where possible, then stay near `contract_hours`. A vacancy has no
    /// contract: each of its hours is priced, the cheaper level first.
    func addContractHoursObjective() throws {
        for person in staff {
            let hours = workedHours(of: person)
            guard !hours.isEmpty else { continue }
            if person.isHire {
                objective.add(hours, times: weights.vacancyPerHour + scenario.hourlyCost(of: person.level))
                continue
            }
            if person.minHours > 0 {
                let below = try model.addVariable(modelName("below_min_hours", person.id.rawValue), upperBound: person.minHours)
                try model.add(hours + below >= person.minHours, name: modelName("min_hours", person.id.rawValue))
                objective.add(below, coefficient: weights.belowMinimumHoursPerHour)
            }
            let under = try model.addVariable(modelName("under_contract", person.id.rawValue))
            let over = try model.addVariable(modelName("over_contract", person.id.rawValue))
            try model.add(hours + under - over == person.contractHours, name: modelName("contract", person.id.rawValue))
            objective.add(under, coefficient: weights.contractDeviationPerHour)
            objective.add(over, coefficient: weights.contractDeviationPerHour)
        }
    }
}
