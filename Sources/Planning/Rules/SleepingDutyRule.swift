import CareDomain
import Optimization

extension WeekModel {
    /// Duties with a sleeping shift (aanwezigheidsdienst, Arbeidstijdenbesluit 4.8:1 and the
    /// agreement's `sleeping_duties`): at most so many in 26 weeks (and 13 and 4 weeks, and 7×24 h
    /// where set), the history's counted; 11 h of rest before each (the rest after it is
    /// `ShiftLengthRule`'s). A duty is one sleeping session; work joined to it within a shift is
    /// part of the duty, so the rest is asked only of work with a shift's break before the duty.
    func addSleepingDuties() throws {
        let rules = scenario.labourRules.sleepingDuties
        for person in staff {
            let duties = workingSessions(of: person.id).filter { $0.demand.session.kind == .sleep }
            guard !duties.isEmpty else { continue }
            let earlier = scenario.history.sleepingDutyWeeks[person.id] ?? []
            for window in rules.weekWindows {
                let room = window.limit - earlier.suffix(window.weeks - 1).reduce(0, +)
                guard duties.count > max(0, room) else { continue }
                try model.add(LinearExpression.sum(duties.map(\.variable)) <= Double(max(0, room)),
                              name: modelName("sleeping_duties", person.id.rawValue, window.weeks))
            }
            if let limit = rules.max7Days {
                let prior = scenario.history.priorSleepDuties[person.id] ?? []
                let starts = duties.map { ($0.demand.session.interval.start, $0.variable) }.sorted { $0.0 < $1.0 }
                for (index, last) in starts.enumerated() {
                    // Windows ending at each duty: the history's duties in the days before count as fixed.
                    let window = starts[...index].filter { last.0 - $0.0 < 7 * 1440 }
                    let before = prior.filter { last.0 - $0 < 7 * 1440 && $0 < last.0 }.count
                    let room = limit - before
                    guard window.count > max(0, room) else { continue }
                    try model.add(LinearExpression.sum(window.map(\.1)) <= Double(max(0, room)), name: modelName("sleeping_duties_7_days", person.id.rawValue, index))
                }
            }
            // The rest before: other work ending less than the rest before a duty (and a shift's break or more).
            let entries = timeline(of: person)
            for (earlierEntry, later, between) in pairs(in: entries, gaps: scenario.labourRules.shiftBreakMinutes..<rules.restBeforeMinutes)
            where later.isSleep && !earlierEntry.isSleep {
                try addTogether([earlierEntry, later], minus: between, limit: 1,
                                name: modelName("rest_before_sleep", person.id.rawValue, earlierEntry.interval.end, later.interval.start))
            }
        }
    }
}

/// The limits on duties with a sleeping shift: the oracle's check and the model's rows.
struct SleepingDutyRule: PersonWeekRule, ModelRule {
    var label: String { "duties with a sleeping shift: at most 52 in 26 weeks, 11 h rest before (Arbeidstijdenbesluit 4.8:1)" }
    func addRows(to week: WeekModel) throws { try week.addSleepingDuties() }

    func violation(in week: PersonWeekView) -> RuleViolation? {
        let rules = week.rules.sleepingDuties
        let duties = week.work.filter(\.isSleep).map(\.interval.start)
        guard !duties.isEmpty else { return nil }
        // The rest before each duty: the shift before the duty's own shift.
        let shifts = week.shifts
        for (index, shift) in shifts.enumerated() where shift.sleep && !shift.prior && index > 0 {
            if shift.start - shifts[index - 1].end < rules.restBeforeMinutes { return .restBeforeSleepShift(hours: Double(rules.restBeforeMinutes) / 60) }
        }
        let earlier = week.scenario.history.sleepingDutyWeeks[week.staff.id] ?? []
        for window in rules.weekWindows where duties.count + earlier.suffix(window.weeks - 1).reduce(0, +) > window.limit {
            return .sleepingDuties(limit: window.limit, window: "\(window.weeks) weeks", field: window.field)
        }
        if let limit = rules.max7Days {
            let all = ((week.scenario.history.priorSleepDuties[week.staff.id] ?? []) + duties).sorted()
            for start in duties where all.filter({ start - $0 >= 0 && start - $0 < 7 * 1440 }).count > limit {
                return .sleepingDuties(limit: limit, window: "7×24 h", field: "max_7_days")
            }
        }
        return nil
    }
}
