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
