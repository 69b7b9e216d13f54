import CareDomain
import Optimization

extension WeekModel {
    /// `attends_any`: place each client in `count` of the offered sessions, within the location's
    /// capacity; what cannot be placed is a penalised, reported shortfall.
    func addAttendanceChoices() throws {
        let bySession = Dictionary(uniqueKeysWithValues: demands.map { ($0.id, $0) })
        for client in Set(demands.flatMap(\.optionalClients)).sorted(by: { $0.id < $1.id }) {
            guard let choice = client.attendsAny else { continue }
            var placed = LinearExpression()
            var hours: [Double] = []
            var offered: [(interval: WeekInterval, variable: Variable)] = []
            for slot in choice.options {
                let sessionID = GroupSessionID(location: client.location!, slot: slot)
                guard let demand = bySession[sessionID] else { continue }
                let variable = try model.addVariable(modelName("attend", client.id.rawValue, sessionID), kind: .binary)
                registerAttendance(client: client.id, session: sessionID, variable: variable)
                placed.add(variable)
                hours.append(demand.hours)
                // One place at a time: two offered sessions at once are not both chosen.
                for earlier in offered where earlier.interval.overlaps(demand.session.interval) {
                    try model.add(LinearExpression.sum([earlier.variable, variable]) <= 1, name: modelName("attend_once", client.id.rawValue, variable.index))
                }
                offered.append((demand.session.interval, variable))
            }
            let shortfall = try model.addVariable(modelName("unplaced", client.id.rawValue), kind: .integer,
                                                  upperBound: Double(choice.count))
            attendanceShortfall[client.id] = shortfall
            try model.add(placed + shortfall == Double(choice.count), name: modelName("attends_any", client.id.rawValue))
            let averageHours = hours.isEmpty ? 0 : hours.reduce(0, +) / Double(hours.count)
            objective.add(shortfall, coefficient: weights.unplacedAttendancePerHour * max(averageHours, 0.25))
        }
        for demand in demands {
            guard let capacity = demand.capacity, !demand.optionalClients.isEmpty else { continue }
            let chosen = LinearExpression.sum(demand.optionalClients.compactMap { attendanceVariable(client: $0.id, session: demand.id) })
            try model.add(chosen <= Double(capacity - demand.fixedClients.count), name: modelName("capacity", demand.id))
        }
    }

    /// The clients present in a session as an expression: fixed ones as a constant.
    func presence(of client: Client, in demand: SessionDemand) -> LinearExpression {
        if demand.fixedClients.contains(where: { $0.id == client.id }) { return LinearExpression(constant: 1) }
        if let variable = attendanceVariable(client: client.id, session: demand.id) { return LinearExpression(variable) }
        return LinearExpression()
    }
}

/// The rule as a unit of the model's list (`PlanningRules.model`).
struct AttendanceChoiceRule: ModelRule {
    var label: String { "attends_any clients placed within the location's capacity" }
    func addRows(to week: WeekModel) throws { try week.addAttendanceChoices() }
}
