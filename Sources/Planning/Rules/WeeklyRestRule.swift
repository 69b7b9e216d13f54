import CareDomain
import Optimization

extension WeekModel {
    /// The weekly rest (ATW 5:5).
    ///
    /// `every-7-days`: one uninterrupted rest of `min_weekly_rest_hours` inside Monday 00:00 to
    /// Sunday 24:00; a rest that began before Monday counts from the end of the history's last
    /// work (`addRest(inside:)`).
    ///
    /// `72h-per-14-days`: 72 h in each two-week period in pieces of at least 32 h. The sum of
    /// pieces has no small linear form, so the model asks only what it implies in the second
    /// week of a pair: one piece of 32 h somewhere in the two weeks. The oracle judges the whole
    /// rule, and a model roster that misses it is repaired by it (`GroupStaffing.repair`).
    func addWeeklyRest() throws {
        let rules = scenario.labourRules
        switch rules.weeklyRest {
        case .everySevenDays:
            for person in staff {
                let origin = scenario.history.restOrigin(of: person.id)
                try addRest(of: rules.minWeeklyRestMinutes, inside: WeekInterval(start: min(origin, PlanningWeek.minutesPerWeek - 1), end: PlanningWeek.minutesPerWeek),
                            for: person, name: "weekly_rest", forbidAllWhenImpossible: true)
            }
        case .seventyTwoPerFourteenDays:
            let start = scenario.history.restPeriodStart
            guard start < 0 else { return }
            for person in staff {
                // A rest that began before the pair counts from the end of the last work, as the oracle counts it.
                let before = scenario.history.work(of: person.id).map(\.end).filter { $0 <= start }.max() ?? start
                try addRest(of: LabourRules.twoWeekRestPieceMinutes, inside: WeekInterval(start: before, end: PlanningWeek.minutesPerWeek),
                            for: person, name: "two_week_rest")
            }
        }
    }

    /// One uninterrupted rest of `minutes` inside `window`, the history's work in it fixed.
    ///
    /// Only people whose possible sessions could leave no such rest get rows: a binary per
    /// candidate rest (starting at the window's start or at the end of a piece of work in it),
    /// one of which must be taken, and a taken rest excludes every session overlapping it. Where
    /// the history alone leaves no room, the rule is the history's, not this roster's: no rows,
    /// unless `forbidAllWhenImpossible` (the weekly rest, whose window starts after the history).
    func addRest(of minutes: Int, inside window: WeekInterval, for person: Staff, name: String, forbidAllWhenImpossible: Bool = false) throws {
        let sessions = workingSessions(of: person.id).filter { $0.demand.session.interval.overlaps(window) }
        guard !sessions.isEmpty else { return }
        let fixed = scenario.history.work(of: person.id).filter { $0.overlaps(window) }
        let busy = (fixed + sessions.map(\.demand.session.interval)).merged
        if hasFreeStretch(busy: busy, of: minutes, inside: window) { return }
        let starts = Set([window.start] + (fixed + sessions.map(\.demand.session.interval)).map(\.end))
            .filter { $0 >= window.start && $0 + minutes <= window.end }.sorted()
        var options = LinearExpression()
        var possible = false
        for start in starts {
            let rest = WeekInterval(start: start, end: start + minutes)
            guard !fixed.contains(where: { $0.overlaps(rest) }) else { continue }
            possible = true
            let blocked = sessions.filter { $0.demand.session.interval.overlaps(rest) }
            if blocked.isEmpty { return }
            let chosen = try model.addVariable(modelName(name, person.id.rawValue, start), kind: .binary)
            options.add(chosen)
            try model.add(LinearExpression.sum(blocked.map(\.variable)) + Double(blocked.count) * chosen <= Double(blocked.count),
                          name: modelName(name + "_free", person.id.rawValue, start))
        }
        if !possible {
            guard forbidAllWhenImpossible, fixed.isEmpty else { return }
            // No start leaves room: the person cannot work at all in the window.
            for session in sessions { try model.add(session.variable <= 0, name: modelName("no_" + name, person.id.rawValue, session.demand.session)) }
        } else {
            try model.add(options >= 1, name: modelName(name, person.id.rawValue, window.start))
        }
    }
}

/// Whether `window` has a stretch of `minutes` free of the given busy intervals (in time order, merged).
func hasFreeStretch(busy: [WeekInterval], of minutes: Int, inside window: WeekInterval) -> Bool {
    var free = window.start
    for interval in busy where interval.end > window.start {
        if min(interval.start, window.end) - free >= minutes { return true }
        free = max(free, interval.end)
        if free >= window.end { return false }
    }
    return window.end - free >= minutes
}

/// Whether the week has a stretch of `minutes` free of the given busy intervals.
func hasFreeStretch(busy: [WeekInterval], of minutes: Int, from origin: Int = 0) -> Bool {
    origin < PlanningWeek.minutesPerWeek
        && hasFreeStretch(busy: busy, of: minutes, inside: WeekInterval(start: origin, end: PlanningWeek.minutesPerWeek))
}

/// The weekly rest: the oracle's check.
struct WeeklyRestRule: PersonWeekRule {
    func violation(in week: PersonWeekView) -> RuleViolation? {
        switch week.rules.weeklyRest {
        case .everySevenDays:
            let busy = week.work.map(\.interval).merged
            let minutes = week.rules.minWeeklyRestMinutes
            return hasFreeStretch(busy: busy, of: minutes, from: week.scenario.history.restOrigin(of: week.staff.id)) ? nil : .weeklyRest(hours: Double(minutes) / 60)
        case .seventyTwoPerFourteenDays:
            // Judged in the second week of each pair, over both weeks: the rests of 32 h or more
            // add up to 72 h. A rest that began before the pair counts from the end of the last
            // work; one running past the second week's end counts up to it.
            let start = week.scenario.history.restPeriodStart
            guard start < 0, !week.work.isEmpty else { return nil }
            let busy = (week.prior + week.work.map(\.interval)).merged
            var free = busy.last(where: { $0.end <= start })?.end ?? start
            var total = 0
            for interval in busy where interval.end > start {
                let stretch = max(0, interval.start - free)
                if stretch >= LabourRules.twoWeekRestPieceMinutes { total += stretch }
                free = max(free, interval.end)
            }
            let last = PlanningWeek.minutesPerWeek - free
            if last >= LabourRules.twoWeekRestPieceMinutes { total += last }
            return total >= LabourRules.twoWeekRestMinutes ? nil : .twoWeekRest
        }
    }
}

extension WeeklyRestRule: ModelRule {
    var label: String { "the weekly rest" }
    func addRows(to week: WeekModel) throws { try week.addWeeklyRest() }
}
