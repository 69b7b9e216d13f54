import CareDomain
import Optimization

extension WeekModel {
    /// The daily rest of `min_daily_rest_hours`, shortened to `reduced_daily_rest_hours` at most
    /// once in every 7×24 h (ATW 5:3).
    ///
    /// Work closer than the reduced rest is one shift (`ShiftLengthRule` limits it). Two
    /// sessions `a`, `b` with a gap between the two rests and no session between them make a
    /// shortened rest beginning at `a`'s end when both are worked: a binary `s_t` per time `t` a
    /// shortened rest could begin is forced up by each such pair (`s_t ≥ x_a + x_b − 1 − Σ
    /// between`), and the binaries of any 7×24 h sum to at most one. The history's work takes part
    /// as fixed members, so a rest shortened last week counts. (Per begin time rather than per
    /// pair of pairs: a person who may work at three houses has hundreds of such pairs.)
    func addReducedDailyRest() throws {
        let rules = scenario.labourRules
        guard rules.shiftBreakMinutes < rules.minDailyRestMinutes else { return }
        for person in staff {
            let entries = timeline(of: person)
            guard entries.contains(where: { $0.variable != nil }) else { continue }
            var pairs: [Int: [(pair: [TimelineEntry], between: [TimelineEntry])]] = [:]
            for (earlier, later, between) in self.pairs(in: entries, gaps: rules.shiftBreakMinutes..<rules.minDailyRestMinutes) {
                pairs[earlier.interval.end, default: []].append(([earlier, later], between))
            }
            let times = pairs.keys.sorted()
            guard times.count > 1 || pairs.values.contains(where: { $0.contains { $0.pair.allSatisfy { $0.variable == nil } } }) else { continue }
            // Per begin time: a fixed 1 where the history alone took it, else a binary pushed up by its pairs.
            var begins: [Int: (variable: Variable?, fixed: Bool)] = [:]
            for time in times {
                let candidates = pairs[time]!
                if candidates.contains(where: { $0.pair.allSatisfy { $0.variable == nil } && $0.between.isEmpty }) {
                    begins[time] = (nil, true)
                    continue
                }
                guard candidates.contains(where: { $0.pair.contains { $0.variable != nil } }) else { continue }
                let begun = try model.addVariable(modelName("shortened_rest", person.id.rawValue, time), kind: .binary)
                for (number, candidate) in candidates.enumerated() {
                    // s_t − Σ free pair members + Σ free between ≥ fixed members − 1.
                    var expression = LinearExpression(begun)
                    for member in candidate.pair { if let variable = member.variable { expression.add(variable, coefficient: -1) } }
                    for member in candidate.between { if let variable = member.variable { expression.add(variable, coefficient: 1) } }
                    let fixed = candidate.pair.filter { $0.variable == nil }.count
                    try model.add(expression >= Double(fixed - 1), name: modelName("shortened_rest_at", person.id.rawValue, time, number))
                }
                begins[time] = (begun, false)
            }
            for (index, first) in times.enumerated() {
                let window = times[index...].prefix { $0 - first < LabourRules.reducedRestPeriodMinutes }.compactMap { begins[$0] }
                guard window.count > 1 else { continue }
                let fixed = window.filter(\.fixed).count
                let free = window.compactMap(\.variable)
                guard !free.isEmpty else { continue }
                try model.add(LinearExpression.sum(free) <= Double(max(0, 1 - fixed)), name: modelName("reduced_rest", person.id.rawValue, first))
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
