import CareDomain
import Optimization

extension WeekModel {
    /// One uninterrupted rest of `min_weekly_rest_hours` inside Monday 00:00 to Sunday 24:00; a
    /// rest that began before Monday counts from the end of the history's last work.
    ///
    /// Only people whose possible sessions could leave no such rest get rows: a binary per
    /// candidate rest (starting at Monday 00:00 or at the end of one of their sessions), one of
    /// which must be taken, and a taken rest excludes every session overlapping it.
    func addWeeklyRest() throws {
        let restMinutes = scenario.labourRules.minWeeklyRestMinutes
        let weekEnd = PlanningWeek.minutesPerWeek
        for person in staff {
            let sessions = workingSessions(of: person.id)
            let busy = sessions.map(\.demand.session.interval).merged
            let origin = scenario.history.restOrigin(of: person.id)
            if hasFreeStretch(busy: busy, of: restMinutes, from: origin) { continue }
            let starts = Set([origin] + sessions.map(\.demand.session.interval.end)).filter { $0 >= origin && $0 + restMinutes <= weekEnd }.sorted()
            var options = LinearExpression()
            for start in starts {
                let rest = WeekInterval(start: start, end: start + restMinutes)
                let blocked = sessions.filter { $0.demand.session.interval.overlaps(rest) }
                if blocked.isEmpty { options = LinearExpression(constant: 1); break }
                let chosen = try model.addVariable(modelName("weekly_rest", person.id.rawValue, start), kind: .binary)
                options.add(chosen)
                try model.add(LinearExpression.sum(blocked.map(\.variable)) + Double(blocked.count) * chosen <= Double(blocked.count),
                              name: modelName("rest_free", person.id.rawValue, start))
            }
            if options.isEmpty && options.constant == 0 {
                // No start leaves room: the person cannot work at all this week.
                for session in sessions { try model.add(session.variable <= 0, name: modelName("no_weekly_rest", person.id.rawValue, session.demand.session)) }
            } else if options.constant == 0 {
                try model.add(options >= 1, name: modelName("weekly_rest", person.id.rawValue))
            }
        }
    }
}

/// Whether the week has a stretch of `minutes` free of the given busy intervals.
func hasFreeStretch(busy: [WeekInterval], of minutes: Int, from origin: Int = 0) -> Bool {
    var free = origin
    for interval in busy {
        if min(interval.start, PlanningWeek.minutesPerWeek) - free >= minutes { return true }
        free = max(free, interval.end)
    }
    return PlanningWeek.minutesPerWeek - free >= minutes
}

/// One uninterrupted weekly rest inside the week: the oracle's check.
struct WeeklyRestRule: PersonWeekRule {
    func violation(in week: PersonWeekView) -> RuleViolation? {
        let busy = week.work.map(\.interval).merged
        let minutes = week.rules.minWeeklyRestMinutes
        return hasFreeStretch(busy: busy, of: minutes, from: week.scenario.history.restOrigin(of: week.staff.id)) ? nil : .weeklyRest(hours: Double(minutes) / 60)
    }
}

extension WeeklyRestRule: ModelRule {
    var label: String { "the weekly rest" }
    func addRows(to week: WeekModel) throws { try week.addWeeklyRest() }
}
