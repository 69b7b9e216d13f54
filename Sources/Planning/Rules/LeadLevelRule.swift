import CareDomain
import Optimization

extension WeekModel {
    /// Someone of the product's `lead_level` (a professional, never a volunteer) is present in
    /// every session where a client of that product is.
    func addLeadLevel() throws {
        for demand in demands {
            for (level, clients) in demand.leads {
                let leads = workers(in: demand.id) { $0.isProfessional(atLeast: level) }
                let shortfall = try model.addVariable(modelName("short_lead", demand.id, level.name), kind: .binary)
                leadShortfall[demand.id, default: []].append((level, shortfall))
                try addPresenceCover(leads + shortfall, clients: clients, demand: demand, name: modelName("lead", demand.id, level.name))
                objective.add(shortfall, coefficient: weights.uncoveredCarePerHour * demand.hours)
            }
        }
    }

    /// `cover ≥ 1` when a fixed client is present; else `cover ≥ presence` for each optional client.
    func addPresenceCover(_ cover: LinearExpression, clients: [Client], demand: SessionDemand, name: String) throws {
        if clients.contains(where: { client in demand.fixedClients.contains { $0.id == client.id } }) {
            try model.add(cover >= 1, name: name)
            return
        }
        for client in clients {
            try model.add(cover >= presence(of: client, in: demand), name: "\(name.dropLast())," + "\(client.id)]")
        }
    }
}

/// A professional of the lead level in every session with a client of that product: rows,
/// requirement, label.
struct LeadLevelRule: SessionRule {
    var label: String { "a professional of the lead level in every session" }
    func addRows(to week: WeekModel) throws { try week.addLeadLevel() }

    func requirements(of demand: SessionDemand, present: [Client], products: [ProductID: Product]) -> [SessionRequirement] {
        let ids = Set(present.map(\.id))
        return demand.leads.filter { $0.clients.contains { ids.contains($0.id) } }.map { lead in
            SessionRequirement(need: .lead(lead.level), count: 1, capacityLevel: lead.level, capacitySkill: "lead")
        }
    }
}
