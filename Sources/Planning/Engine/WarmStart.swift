import CareDomain
import Optimization

/// The constructed roster as values of the MIP's variables, for GLPK's first incumbent.
///
/// The roster fixes the model's decisions (who works which session, where `attends_any` clients
/// go, visits per person and day, who is responsible); the model's other variables (shortfalls,
/// weekly-rest choices, faces, contract deviations, appointment seats) are completed by solving
/// the model with those held fixed, which is a small problem. A visit the model cannot represent
/// (by someone outside the nearest candidates it offers) is left to the shortfall. The values
/// are checked against every row before they are offered.
enum WarmStart {
    static func values<S: Solver>(for candidate: PartEngine<S>.Candidate, in week: WeekModel, solver: S, deadline: Deadline) -> [Double]? {
        var fixed = week.model
        for (index, demand) in week.demands.enumerated() {
            let working = Set(candidate.groupWeek.workers[index].map(\.id))
            for (person, variable) in week.assignments[demand.id] ?? [] { fixed.fix(variable, at: working.contains(person.id) ? 1 : 0) }
            let placed = Set(candidate.groupWeek.placed[index])
            for client in demand.optionalClients {
                if let variable = week.attendanceVariable(client: client.id, session: demand.id) { fixed.fix(variable, at: placed.contains(client.id) ? 1 : 0) }
            }
        }
        var visits: [String: Int] = [:]
        for row in candidate.assignments where row.activity == .visit || row.activity == .evaluation {
            guard let client = row.clients.first else { continue }
            visits["\(row.activity) \(client) \(row.staff) \(row.interval.start / 1440)", default: 0] += 1
        }
        for (index, task) in week.tasks.enumerated() where week.taskAssignments.indices.contains(index) {
            let activity: Activity = task.kind == .visit ? .visit : .evaluation
            for (option, variable) in week.taskAssignments[index] {
                fixed.fix(variable, at: Double(visits["\(activity) \(task.client) \(option.staff) \(option.day.rawValue)"] ?? 0))
            }
        }
        let responsible = Dictionary(candidate.responsibilities.map { ($0.client, $0.staff) }, uniquingKeysWith: { first, _ in first })
        for (client, choices) in week.responsible {
            for (staff, variable) in choices { fixed.fix(variable, at: responsible[client] == staff ? 1 : 0) }
        }
        let outcome = AbandonableSolve.run(solver.forSmallSolves, model: fixed, options: SolveOptions(relativeGap: 1e-6), deadline: deadline)
        guard let values = outcome.solution?.values, !values.isEmpty, week.model.maximumViolation(of: values) < 1e-6 else { return nil }
        return values
    }
}
