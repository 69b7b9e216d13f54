import CareDomain
import Optimization

extension WeekModel {
    /// The daily rest of `min_daily_rest_hours`, shortened to `reduced_daily_rest_hours` at most
    /// once in every 7×24 h (ATW 5:3).
    ///
    /// Work closer than the reduced rest is one shift (`ShiftLengthRule` limits it). Two
    /// sessions `a`, `b` with a gap between the two rests and no session between them make a
    /// shortened rest when both are worked; for two such pairs whose rests begin less than 7×24 h
    /// apart, not all four (`x_a + x_b + x_c + x_d − Σ between ≤ 3`). The history's work takes
    /// part as fixed members, so a rest shortened last week counts.
    func addReducedDailyRest() throws {
        let rules = scenario.labourRules
        guard rules.shiftBreakMinutes < rules.minDailyRestMinutes else { return }
        for person in staff {
            let entries = timeline(of: person)
            guard entries.contains(where: { $0.variable != nil }) else { continue }
            var shortened: [(rest: Int, pair: [TimelineEntry], between: [TimelineEntry])] = []
            for (index, earlier) in entries.enumerated() {
                for later in entries[(index + 1)...] {
                    let gap = later.interval.start - earlier.interval.end
                    if gap >= rules.minDailyRestMinutes { break }
                    guard gap >= rules.shiftBreakMinutes else { continue }
                    let between = entries.filter { $0.interval.start >= earlier.interval.end && $0.interval.end <= later.interval.start }
                    // A fixed piece of work between them: never a rest of its own.
                    guard !between.contains(where: { $0.variable == nil }) else { continue }
                    shortened.append((earlier.interval.end, [earlier, later], between))
                }
            }
            var rows = 0
            for (index, first) in shortened.enumerated() {
                for second in shortened[(index + 1)...] where abs(second.rest - first.rest) < LabourRules.reducedRestPeriodMinutes {
                    rows += 1
                    try addTogether(first.pair + second.pair, minus: first.between + second.between, limit: 3,
                                    name: modelName("reduced_rest", person.id.rawValue, rows))
                }
            }
        }
    }
}

/// The shortened daily rest, at most once in 7×24 h: the oracle's check and the model's rows.
struct ReducedDailyRestRule: PersonWeekRule, ModelRule {
    var label: String { "the daily rest, shortened at most once in 7×24 h" }
    func addRows(to week: WeekModel) throws { try week.addReducedDailyRest() }

    func violation(in week: PersonWeekView) -> RuleViolation? {
        let rules = week.rules
        guard rules.shiftBreakMinutes < rules.minDailyRestMinutes else { return nil }
        let shifts = week.shifts
        var shortened: [(rest: Int, prior: Bool)] = []
        for (earlier, later) in zip(shifts, shifts.dropFirst()) where later.start - earlier.end < rules.minDailyRestMinutes {
            let rest = (rest: earlier.end, prior: later.prior)
            if let previous = shortened.last, rest.rest - previous.rest < LabourRules.reducedRestPeriodMinutes, !rest.prior {
                return .dailyRest(hours: Double(rules.minDailyRestMinutes) / 60, reducedHours: Double(rules.reducedDailyRestMinutes) / 60)
            }
            shortened.append(rest)
        }
        return nil
    }
}
