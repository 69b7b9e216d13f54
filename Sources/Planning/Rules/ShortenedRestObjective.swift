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
            try pricePairs(sessions, of: person, within: rules.minDailyRestMinutes, family: "short_rest", price: weights.shortenedRest) {
                isShortenedRest($0, $1, rules: rules)
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
        return Double(roster.consecutiveGroupPairs(workingOnly: true) { isShortenedRest($0, $1, rules: rules) }) * roster.weights.shortenedRest
    }
}
