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

/// Every skill a present client needs, held by a professional present: rows, requirement, label.
struct SkillNeedRule: SessionRule {
    var label: String { "every skill a present client needs" }
    func addRows(to week: WeekModel) throws { try week.addSkillNeeds() }

    func requirements(of demand: SessionDemand, present: [Client], products: [ProductID: Product]) -> [SessionRequirement] {
        let ids = Set(present.map(\.id))
        let level = demand.countedLevel(present: present, products: products)
        let disciplines = demand.disciplines(present: present, products: products)
        // The capacity table keeps a skill's hours under the session's own counted level.
        return demand.skills.filter { $0.clients.contains { ids.contains($0.id) } }.map { need in
            SessionRequirement(need: .skill(need.skill, level: level, disciplines: disciplines), count: 1,
                               capacityLevel: demand.countedLevel, capacitySkill: need.skill)
        }
    }
}
