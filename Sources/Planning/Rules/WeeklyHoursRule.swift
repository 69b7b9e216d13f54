import CareDomain
import Optimization

extension WeekModel {
    /// A person's hours stay within `max_hours` (contract hours: sleep with its factor), and their
    /// working time as the Act counts it (sleep in full, SCENARIO.md 1.2) within `max_week_hours`
    /// and what the averages over 4 and 16 weeks leave this week after the weeks before it.
    func addWeeklyHours() throws {
        let rules = scenario.labourRules
        let sleepDiscounted = rules.sleepHoursFactor < 1
        for person in staff {
            let hours = workedHours(of: person)
            guard !hours.isEmpty else { continue }
            let allowance = hoursAllowance[person.id] ?? 0
            let actLimit = WeeklyHoursRule.actLimitMinutes(of: person, in: scenario)
            let hasSleep = sleepDiscounted && (sessionsByStaff[person.id] ?? []).contains { $0.demand.session.kind == .sleep }
            if !hasSleep {
                // The same hours for both: one row under the lower limit.
                try model.add(hours <= min(person.maxHours, Double(actLimit) / 60) + allowance, name: modelName("max_hours", person.id.rawValue))
                continue
            }
            try model.add(hours <= person.maxHours + allowance, name: modelName("max_hours", person.id.rawValue))
            try model.add(workedHours(of: person, forLimits: true) <= Double(actLimit) / 60 + allowance, name: modelName("act_hours", person.id.rawValue))
        }
    }

    /// The hours a person works this week, as an expression: sessions (breaks out), visits, evaluations,
    /// appointment seats and the coordination time of the clients they are responsible for.
    /// `forLimits`: sleeping shifts in full, as the Act's limits count them.
    func workedHours(of person: Staff, forLimits: Bool = false) -> LinearExpression {
        var hours = LinearExpression()
        // A session's working time as if it stood alone in its shift (its break out, sleep with
        // its factor); the oracle, which sees whole shifts, has the last word (`GroupStaffing.repair`).
        for (demand, variable) in sessionsByStaff[person.id] ?? [] {
            hours.add(variable, coefficient: demand.workingHours(scenario.labourRules, forLimits: forLimits))
        }
        for work in dayWorkByStaff[person.id] ?? [] {
            hours.add(work.variable, coefficient: Double(work.minutes) / 60)
        }
        if let coordination = coordinationByStaff[person.id] { hours.add(coordination) }
        return hours
    }
}

/// `max_hours`, `max_week_hours` and the averages over weeks (ATW 5:7, 5:8): the oracle's check
/// (the rows are `addWeeklyHours`).
struct WeeklyHoursRule: PersonWeekRule {
    func violation(in week: PersonWeekView) -> RuleViolation? {
        Self.violation(workingMinutes: week.workingMinutes, limitMinutes: week.limitMinutes, nights: week.nightShifts, in: week)
    }

    /// The week's working time as the Act counts it may be at most this: `max_week_hours`, and the
    /// averages that bind whatever the week's nights.
    static func actLimitMinutes(of person: Staff, in scenario: Scenario) -> Int {
        min(scenario.labourRules.maxWeekMinutes, WeekHoursCaps(person.id, in: scenario).unconditional?.minutes ?? .max)
    }

    /// Contract hours (sleep with its factor) against `max_hours`; working time for the Act's
    /// limits (sleep in full) against `max_week_hours` and each average, with `nights` night
    /// shifts this week for the night workers' average.
    static func violation(workingMinutes minutes: Int, limitMinutes: Int, nights: Int, in week: PersonWeekView) -> RuleViolation? {
        let hours = Double(minutes) / 60
        if hours > week.staff.maxHours + 1e-6 { return .hoursLimit(worked: hours, limit: week.staff.maxHours) }
        let actHours = Double(limitMinutes) / 60
        if limitMinutes > week.rules.maxWeekMinutes { return .hoursLimit(worked: actHours, limit: Double(week.rules.maxWeekMinutes) / 60, field: "max_week_hours") }
        if let cap = week.hoursCaps.broken(minutes: limitMinutes, nights: nights) {
            return .averageWeekHours(worked: actHours, limit: Double(max(0, cap.minutes)) / 60,
                                     average: Double(cap.limit.minutes) / 60, weeks: cap.limit.weeks, field: cap.limit.field)
        }
        return nil
    }
}

extension WeeklyHoursRule: ModelRule {
    var label: String { "max_hours, max_week_hours and the averages over 4 and 16 weeks" }
    func addRows(to week: WeekModel) throws { try week.addWeeklyHours() }
}
