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
    /// between`), and the binaries of any 7×24 h sum to at most one (the Act's one shortening). The history's work takes part
    /// as fixed members, so a rest shortened last week counts. (Per begin time rather than per
    /// pair of pairs: a person who may work at three houses has hundreds of such pairs.)
    ///
    /// A collective agreement may allow more than one shortening (`daily_rest_reductions`): per
    /// tier, the rests shorter than its threshold number at most its count in 7×24 h, each tier
    /// written the same way.
    func addReducedDailyRest() throws {
        let rules = scenario.labourRules
        guard rules.shiftBreakMinutes < rules.minDailyRestMinutes else { return }
        for (tier, limit) in rules.restReductionLimits.enumerated() {
            try addShortenedRests(below: limit.below, atMost: limit.times, tier: tier)
        }
    }

    private func addShortenedRests(below upper: Int, atMost times: Int, tier: Int) throws {
        let rules = scenario.labourRules
        guard rules.shiftBreakMinutes < upper else { return }
        for person in staff {
            let entries = timeline(of: person)
            guard entries.contains(where: { $0.variable != nil }) else { continue }
            var pairs: [Int: [(pair: [TimelineEntry], between: [TimelineEntry])]] = [:]
            for (earlier, later, between) in self.pairs(in: entries, gaps: rules.shiftBreakMinutes..<upper) {
                pairs[earlier.interval.end, default: []].append(([earlier, later], between))
            }
            let begins = pairs.keys.sorted()
            guard begins.count > times || pairs.values.contains(where: { $0.contains { $0.pair.allSatisfy { $0.variable == nil } } }) else { continue }
            // Per begin time: a fixed 1 where the history alone took it, else a binary pushed up by its pairs.
            var begun: [Int: (variable: Variable?, fixed: Bool)] = [:]
            for time in begins {
                let candidates = pairs[time]!
                if candidates.contains(where: { $0.pair.allSatisfy { $0.variable == nil } && $0.between.isEmpty }) {
                    begun[time] = (nil, true)
                    continue
                }
                guard candidates.contains(where: { $0.pair.contains { $0.variable != nil } }) else { continue }
                let shortened = try model.addVariable(modelName("shortened_rest", person.id.rawValue, tier, time), kind: .binary)
                for (number, candidate) in candidates.enumerated() {
                    // s_t − Σ free pair members + Σ free between ≥ fixed members − 1.
                    var expression = LinearExpression(shortened)
                    for member in candidate.pair { if let variable = member.variable { expression.add(variable, coefficient: -1) } }
                    for member in candidate.between { if let variable = member.variable { expression.add(variable, coefficient: 1) } }
                    let fixed = candidate.pair.filter { $0.variable == nil }.count
                    try model.add(expression >= Double(fixed - 1), name: modelName("shortened_rest_at", person.id.rawValue, tier, time, number))
                }
                begun[time] = (shortened, false)
            }
            for (index, first) in begins.enumerated() {
                let window = begins[index...].prefix { $0 - first < LabourRules.reducedRestPeriodMinutes }.compactMap { begun[$0] }
                guard window.count > times else { continue }
                let fixed = window.filter(\.fixed).count
                let free = window.compactMap(\.variable)
                guard !free.isEmpty else { continue }
                try model.add(LinearExpression.sum(free) <= Double(max(0, times - fixed)), name: modelName("reduced_rest", person.id.rawValue, tier, first))
            }
        }
    }
}

/// The shortened daily rest, at most once in 7×24 h: the oracle's check and the model's rows.
struct ReducedDailyRestRule: PersonWeekRule, ModelRule {
    var label: String { "the daily rest, shortened at most as often as allowed in 7×24 h" }
    func addRows(to week: WeekModel) throws { try week.addReducedDailyRest() }

    func violation(in week: PersonWeekView) -> RuleViolation? {
        let rules = week.rules
        guard rules.shiftBreakMinutes < rules.minDailyRestMinutes else { return nil }
        let shifts = week.shifts
        var shortened: [(begins: Int, length: Int, prior: Bool)] = []
        for (earlier, later) in zip(shifts, shifts.dropFirst()) where later.start - earlier.end < rules.minDailyRestMinutes {
            shortened.append((earlier.end, later.start - earlier.end, later.prior))
        }
        guard !shortened.isEmpty else { return nil }
        // Per tier: the rests shorter than its threshold within any 7×24 h, counted back from each.
        for limit in rules.restReductionLimits {
            let short = shortened.filter { $0.length < limit.below }
            for (index, rest) in short.enumerated() where !rest.prior {
                let inWindow = short[...index].filter { rest.begins - $0.begins < LabourRules.reducedRestPeriodMinutes }.count
                if inWindow > limit.times {
                    return .dailyRest(hours: Double(rules.minDailyRestMinutes) / 60, reducedHours: Double(rules.reducedDailyRestMinutes) / 60)
                }
            }
        }
        return nil
    }
}
