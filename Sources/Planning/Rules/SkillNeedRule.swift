import CareDomain
import Optimization

extension WeekModel {
    /// Every skill a present client `needs` is held by a professional present (counted or not).
    func addSkillNeeds() throws {
        for demand in demands {
            for (skill, clients) in demand.skills {
                let holders = workers(in: demand.id) { $0.meetsNeed(skill) }
                let shortfall = try model.addVariable(modelName("short_skill", demand.id, skill), kind: .binary)
                skillShortfall[demand.id, default: []].append((skill, shortfall))
                try addPresenceCover(holders + shortfall, clients: clients, demand: demand, name: modelName("skill", demand.id, skill))
                objective.add(shortfall, coefficient: weights.uncoveredCarePerHour * demand.hours)
            }
        }
    }
}

/// The rule as a unit of the model's list (`PlanningRules.model`).
struct SkillNeedRule: ModelRule {
    var label: String { "every skill a present client needs" }
    func addRows(to week: WeekModel) throws { try week.addSkillNeeds() }
}
