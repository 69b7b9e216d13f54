import CareDomain
import Optimization

extension WeekModel {
    /// A collective agreement's rolling rest (`rolling_rest`; the CAO Gehandicaptenzorg: 32 h of
    /// uninterrupted rest in every 9×24 h).
    ///
    /// Every window of that length must hold the rest, which has no small exact linear form, so
    /// the model asks it of the windows that end at each midnight of the week (the history's
    /// work in them fixed; `addRest(inside:)`): what the rule implies, never more. The oracle
    /// judges every window, and repairs a model roster that misses one (`GroupStaffing.repair`).
    func addRollingRest() throws {
        guard let rolling = scenario.labourRules.rollingRest else { return }
        for person in staff {
            for day in 1...7 {
                let end = day * 1440
                try addRest(of: rolling.minutes, inside: WeekInterval(start: end - rolling.periodMinutes, end: end), for: person, name: "rolling_rest_\(day)")
            }
        }
    }
}

/// The rolling rest: the oracle's check.
///
/// A free gap (a, b) holds a rest of R inside the window [t, t + D] exactly when
/// a + R − D ≤ t ≤ b − R; the rule holds when these ranges of t, over the gaps of the history's
/// and the week's work, cover every window ending inside the week. A window the history's work
/// alone already leaves without the rest is not this roster's to report.
struct RollingRestRule: PersonWeekRule {
    func violation(in week: PersonWeekView) -> RuleViolation? {
        guard let rolling = week.rules.rollingRest, !week.work.isEmpty else { return nil }
        let windows = (start: -rolling.periodMinutes + 1, end: PlanningWeek.minutesPerWeek - rolling.periodMinutes)
        guard windows.start <= windows.end else { return nil }
        let all = Self.uncovered(busy: (week.prior + week.work.map(\.interval)).merged, rolling: rolling, windows: windows)
        guard !all.isEmpty else { return nil }
        let history = Self.uncovered(busy: week.prior.merged, rolling: rolling, windows: windows)
        // Some window is short of rest with the week's work and was not without it.
        let broken = all.contains { gap in
            !history.contains { $0.lowerBound <= gap.lowerBound && gap.upperBound <= $0.upperBound }
        }
        return broken ? .rollingRest(hours: Double(rolling.minutes) / 60, days: rolling.periodMinutes / 1440) : nil
    }

    /// The window starts in `windows` (inclusive) that no free gap of `busy` serves, as closed ranges.
    static func uncovered(busy: [WeekInterval], rolling: RollingRest, windows: (start: Int, end: Int)) -> [ClosedRange<Int>] {
        let (rest, length) = (rolling.minutes, rolling.periodMinutes)
        // Free gaps, the time before the first and after the last work open-ended.
        var gaps: [(Int, Int)] = []
        var free = Int.min / 4
        for interval in busy {
            if interval.start > free { gaps.append((free, interval.start)) }
            free = max(free, interval.end)
        }
        gaps.append((free, Int.max / 4))
        let served = gaps.filter { $0.1 - $0.0 >= rest }.map { ($0.0 + rest - length, $0.1 - rest) }.filter { $0.0 <= $0.1 }.sorted { $0.0 < $1.0 }
        var open: [ClosedRange<Int>] = []
        var next = windows.start
        for (low, high) in served {
            if low > next { open.append(next...min(low - 1, windows.end)) }
            next = max(next, high + 1)
            if next > windows.end { break }
        }
        if next <= windows.end { open.append(next...windows.end) }
        return open.filter { $0.lowerBound <= windows.end && $0.lowerBound <= $0.upperBound }
    }
}

extension RollingRestRule: ModelRule {
    var label: String { "a collective agreement's rest in every period of days" }
    func addRows(to week: WeekModel) throws { try week.addRollingRest() }
}
