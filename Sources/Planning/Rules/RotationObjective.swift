import CareDomain
import Optimization

/// A backward rotation (SCENARIO.md 1.1, issue 12: forward rotation preferred): a shift that
/// ends in the evening or night (20:00 or later) followed within 24 h by one that starts earlier
/// in the day than it did, late → early or night → late. Soft: avoided where it costs nothing.
func isBackwardRotation(_ earlier: WeekInterval, _ later: WeekInterval) -> Bool {
    let gap = later.start - earlier.end
    guard gap >= 0, gap < 24 * 60 else { return false }
    let endOfDay = ((earlier.end % 1440) + 1440) % 1440
    let lateEnd = endOfDay >= 20 * 60 || endOfDay <= 8 * 60
    let startOfDay = { (minute: Int) in ((minute % 1440) + 1440) % 1440 }
    return lateEnd && startOfDay(later.start) < startOfDay(earlier.start)
}

extension WeekModel {
    /// Each pair of sessions that would make a backward rotation, with nothing worked between
    /// them, costs `weights.backwardRotation` when both are worked (an indicator per pair).
    func addRotation() throws {
        for person in staff {
            let sessions = (sessionsByStaff[person.id] ?? []).sorted { $0.demand.session.interval < $1.demand.session.interval }
            guard sessions.contains(where: { ((($0.demand.session.interval.end % 1440) + 1440) % 1440) >= 20 * 60 }) else { continue }
            try pricePairs(sessions, of: person, within: 24 * 60, family: "backward_rotation", price: weights.backwardRotation,
                           where: isBackwardRotation)
        }
    }

    /// Prices each pair of a person's sessions (in time order) that `matches`, with nothing worked
    /// between them and the later starting less than `within` minutes after the earlier ends: an
    /// indicator per pair, forced to 1 when both are worked and none between, at `price`.
    func pricePairs(_ sessions: [(demand: SessionDemand, variable: Variable)], of person: Staff, within: Int, family: String, price: Double,
                    where matches: (WeekInterval, WeekInterval) -> Bool) throws {
        var pairs = 0
        for (index, earlier) in sessions.enumerated() {
            for later in sessions[(index + 1)...] {
                let a = earlier.demand.session.interval, b = later.demand.session.interval
                if b.start - a.end >= within { break }
                guard matches(a, b) else { continue }
                let between = sessions.filter { $0.demand.session.interval.start >= a.end && $0.demand.session.interval.end <= b.start }.map(\.variable)
                pairs += 1
                let indicator = try model.addVariable(modelName(family, person.id.rawValue, pairs))
                let expression = LinearExpression(indicator) - LinearExpression.sum([earlier.variable, later.variable]) + LinearExpression.sum(between)
                try model.add(expression >= -1, name: modelName(family + "_at", person.id.rawValue, pairs))
                objective.add(indicator, coefficient: price)
            }
        }
    }
}

/// Forward rotation as a unit of the model's list: soft, so no oracle check.
struct RotationObjective: ModelRule {
    var label: String { "forward rotation preferred (soft)" }
    func addRows(to week: WeekModel) throws { try week.addRotation() }
}

extension RotationObjective: ObjectiveTerm {
    /// Backward rotations between a person's consecutive group sessions.
    func price(of roster: ScoredRoster) -> Double {
        Double(roster.consecutiveGroupPairs(where: isBackwardRotation)) * roster.weights.backwardRotation
    }
}

extension ScoredRoster {
    /// How many pairs of consecutive group sessions of one person (on-call duty left out with
    /// `workingOnly`) `matches`: what `pricePairs` prices, counted on a roster.
    func consecutiveGroupPairs(workingOnly: Bool = false, where matches: (WeekInterval, WeekInterval) -> Bool) -> Int {
        let rows = ownAssignments.filter { $0.activity == .group && (!workingOnly || scenario.dutyKind(of: $0) != .onCall) }
        var count = 0
        for (_, theirs) in Dictionary(grouping: rows, by: \.staff) {
            let sorted = theirs.map(\.interval).sorted()
            for (earlier, later) in zip(sorted, sorted.dropFirst()) where matches(earlier, later) { count += 1 }
        }
        return count
    }
}
