import CareDomain
import Optimization

/// A shortened daily rest (SCENARIO.md 1.2): two shifts of a person whose rest between them is
/// shorter than `min_daily_rest_hours` (late → early, or an early shift and a night on one day).
/// The Act allows it once in 7×24 h (`ReducedDailyRestRule` keeps that hard); a planner uses it
/// only where care needs it, so it is priced, not forbidden: above a flex worker's shift, below
/// an agency worker's and far below uncovered care.
func isShortenedRest(_ earlier: WeekInterval, _ later: WeekInterval, rules: LabourRules) -> Bool {
    let gap = later.start - earlier.end
    return gap >= rules.shiftBreakMinutes && gap < rules.minDailyRestMinutes
}

extension WeekModel {
    /// Each pair of sessions with a shortened rest between them and nothing worked between costs
    /// `weights.shortenedRest` when both are worked (an indicator per pair, as `addRotation`).
    func addShortenedRestPrice() throws {
        let rules = scenario.labourRules
        guard rules.shiftBreakMinutes < rules.minDailyRestMinutes, weights.shortenedRest > 0 else { return }
        for person in staff {
            let sessions = workingSessions(of: person.id).sorted { $0.demand.session.interval < $1.demand.session.interval }
            var pairs = 0
            for (index, earlier) in sessions.enumerated() {
                for later in sessions[(index + 1)...] {
                    let a = earlier.demand.session.interval, b = later.demand.session.interval
                    if b.start - a.end >= rules.minDailyRestMinutes { break }
                    guard isShortenedRest(a, b, rules: rules) else { continue }
                    let between = sessions.filter { $0.demand.session.interval.start >= a.end && $0.demand.session.interval.end <= b.start }.map(\.variable)
                    pairs += 1
                    let shortened = try model.addVariable(modelName("short_rest", person.id.rawValue, pairs))
                    let expression = LinearExpression(shortened) - LinearExpression.sum([earlier.variable, later.variable]) + LinearExpression.sum(between)
                    try model.add(expression >= -1, name: modelName("short_rest_at", person.id.rawValue, pairs))
                    objective.add(shortened, coefficient: weights.shortenedRest)
                }
            }
        }
    }
}

/// The shortened rest's price as a unit of the model's list: soft, so no oracle check (the
/// limit on how often is `ReducedDailyRestRule`'s).
struct ShortenedRestObjective: ModelRule {
    var label: String { "a shortened daily rest only where care needs it (soft)" }
    func addRows(to week: WeekModel) throws { try week.addShortenedRestPrice() }
}

extension ShortenedRestObjective: ObjectiveTerm {
    /// Shortened rests between a person's consecutive group sessions (on-call duty is no work).
    func price(of roster: ScoredRoster) -> Double {
        let rules = roster.scenario.labourRules
        guard rules.shiftBreakMinutes < rules.minDailyRestMinutes else { return 0 }
        var total = 0.0
        let working = roster.ownAssignments.filter { $0.activity == .group && roster.scenario.dutyKind(of: $0) != .onCall }
        for (_, rows) in Dictionary(grouping: working, by: \.staff) {
            let sorted = rows.map(\.interval).sorted()
            for (earlier, later) in zip(sorted, sorted.dropFirst()) where isShortenedRest(earlier, later, rules: rules) {
                total += roster.weights.shortenedRest
            }
        }
        return total
    }
}
