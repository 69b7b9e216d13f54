import CareDomain
import Optimization

extension WeekModel {
    /// Soft: the same few faces at a location through the week, the euros of the hours are `HoursObjective`'s.
    func addContinuityAndCost() throws {
        for person in staff {
            let sessions = sessionsByStaff[person.id] ?? []
            let byLocation = Dictionary(grouping: sessions, by: \.demand.session.location)
            for (location, worked) in byLocation.sorted(by: { $0.key < $1.key }) {
                let present = try model.addVariable(modelName("works_at", person.id.rawValue, location), kind: .binary)
                // One row per session rather than Σ x ≤ n·y: the aggregated row lets the LP
                // relaxation pay a fraction of a face, and its bound was far below any roster.
                for session in worked {
                    try model.add(LinearExpression(session.variable) <= LinearExpression(present),
                                  name: modelName("face", person.id.rawValue, session.demand.session))
                }
                objective.add(present, coefficient: weights.faceAtLocation)
            }
            for session in sessions where session.demand.session.kind == .onCall {
                objective.add(session.variable, coefficient: weights.onCallDuty)
            }
        }
    }
}

/// The rule as a unit of the model's list (`PlanningRules.model`).
struct ContinuityObjective: ModelRule {
    var label: String { "the same few faces per location (soft)" }
    func addRows(to week: WeekModel) throws { try week.addContinuityAndCost() }
}

extension ContinuityObjective: ObjectiveTerm {
    /// One price per person and location with group work, and per on-call duty.
    func price(of roster: ScoredRoster) -> Double {
        var faces: Set<String> = []
        var total = 0.0
        for row in roster.assignments {
            if row.activity == .group, let location = row.location { faces.insert("\(row.staff) \(location)") }
            if roster.scenario.dutyKind(of: row) == .onCall { total += roster.weights.onCallDuty }
        }
        return total + Double(faces.count) * roster.weights.faceAtLocation
    }
}
