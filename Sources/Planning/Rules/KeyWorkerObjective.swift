import CareDomain
import Optimization

extension WeekModel {
    /// The same faces (SCENARIO.md 1.1): each professional in a session who is not among a
    /// present client's `key_workers` costs a little, so key workers come first where they can.
    func addKeyWorkers() throws {
        for demand in demands {
            let keyed = demand.fixedClients.filter { !$0.keyWorkers.isEmpty }
            guard !keyed.isEmpty else { continue }
            for (person, variable) in assignments[demand.id] ?? [] where !person.isVolunteer {
                let strangers = keyed.filter { !$0.keyWorkers.contains(person.id) }.count
                if strangers > 0 { objective.add(variable, coefficient: weights.notKeyWorker * Double(strangers)) }
            }
        }
    }
}

/// Key workers as a unit of the model's list: soft, so no oracle check.
struct KeyWorkerObjective: ModelRule {
    var label: String { "key workers first (soft)" }
    func addRows(to week: WeekModel) throws { try week.addKeyWorkers() }
}

extension KeyWorkerObjective: ObjectiveTerm {
    /// Per professional and client attending the session (`attends`, a fixed dagdeel) who is not
    /// among the client's key workers.
    func price(of roster: ScoredRoster) -> Double {
        let scenario = roster.scenario
        guard scenario.clients.values.contains(where: { !$0.keyWorkers.isEmpty }) else { return 0 }
        var total = 0.0
        for row in roster.ownAssignments where row.activity == .group && row.role == .professional {
            let slot = SessionSlot(day: scenario.week.date(atMinute: row.interval.start).weekday, name: row.ref)
            let strangers = row.clients.compactMap { scenario.clients[$0] }.filter {
                !$0.keyWorkers.isEmpty && $0.attends.contains(slot) && !$0.keyWorkers.contains(row.staff)
            }
            total += roster.weights.notKeyWorker * Double(strangers.count)
        }
        return total
    }
}
