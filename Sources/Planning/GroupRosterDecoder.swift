import CareDomain
import Optimization

/// Reads a MIP solution's group side back into a `GroupWeek`: who works each session and where
/// the `attends_any` clients are placed. (Shortfalls are recounted from it afterwards, never
/// read from the shortfall variables, so an uncovered row always matches what the roster lacks.)
struct GroupRosterDecoder {
    let model: WeekModel
    let values: [Double]

    func isChosen(_ variable: Variable) -> Bool { values[variable.index] > 0.5 }

    func decode() -> GroupWeek {
        var week = GroupWeek(scenario: model.scenario, demands: model.demands)
        for (index, demand) in model.demands.enumerated() {
            for (person, variable) in model.assignments[demand.id] ?? [] where isChosen(variable) { week.add(person, to: index) }
            for client in demand.optionalClients {
                if let variable = model.attendanceVariable(client: client.id, session: demand.id), isChosen(variable) {
                    week.place(client.id, in: index)
                }
            }
        }
        return week
    }
}
