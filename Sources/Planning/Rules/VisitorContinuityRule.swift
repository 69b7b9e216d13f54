import CareDomain
import Optimization

extension WeekModel {
    /// Continuity at the door: at most `max_distinct_staff` different visitors per client (hard);
    /// each visitor costs a little (fewest faces), more if not among `preferred_staff`, and
    /// travel from the visitor's home area costs a little per minute (nearby people first).
    func addVisitorContinuity() throws {
        for (index, task) in tasks.enumerated() where task.kind == .visit {
            let byStaff = Dictionary(grouping: taskAssignments[index], by: \.option.staff)
            var faces = LinearExpression()
            let preferred = Set(task.preferredStaff)
            for (person, options) in byStaff.sorted(by: { $0.key < $1.key }) {
                let visits = LinearExpression.sum(options.map(\.variable))
                let face = try model.addVariable(modelName("visitor", task.client, person), kind: .binary)
                faces.add(face)
                for option in options {
                    try model.add(option.variable - Double(min(task.maxPerDay, task.count)) * face <= 0,
                                  name: modelName("visitor_link", task.client, person, option.option.day))
                }
                let notPreferred = !preferred.isEmpty && !preferred.contains(person)
                objective.add(face, coefficient: weights.visitorFace + (notPreferred ? weights.notPreferredVisitor : 0))
                if let home = scenario.staff[person]?.homeArea {
                    let minutes = travel(from: home, to: task.area)
                    if minutes > 0 { objective.add(visits, times: Double(minutes) * weights.travelPerMinute) }
                }
            }
            if let limit = task.maxDistinctStaff, byStaff.count > limit {
                try model.add(faces <= Double(limit), name: modelName("max_distinct_staff", task.client))
            }
        }
    }
}

/// The rule as a unit of the model's list (`PlanningRules.model`).
struct VisitorContinuityRule: ModelRule {
    var label: String { "max_distinct_staff (hard); few, preferred, nearby visitors (soft)" }
    func addRows(to week: WeekModel) throws { try week.addVisitorContinuity() }
}

extension VisitorContinuityRule: ObjectiveTerm {
    /// Per client visited: each visitor (more if not preferred), and each visit's travel minutes.
    func price(of roster: ScoredRoster) -> Double {
        let weights = roster.weights, scenario = roster.scenario
        var total = 0.0
        let visitsByClient = Dictionary(grouping: roster.assignments.filter { $0.activity == .visit }) { $0.clients.first }
        for task in roster.work.tasks where task.kind == .visit {
            let rows = visitsByClient[task.client] ?? []
            let preferred = Set(task.preferredStaff)
            for visitor in Set(rows.map(\.staff)) {
                total += weights.visitorFace + (!preferred.isEmpty && !preferred.contains(visitor) ? weights.notPreferredVisitor : 0)
            }
            for row in rows {
                if let home = scenario.staff[row.staff]?.homeArea, let area = task.area {
                    total += Double(scenario.travel.minutes(from: home, to: area)) * weights.travelPerMinute
                }
            }
        }
        return total
    }
}
