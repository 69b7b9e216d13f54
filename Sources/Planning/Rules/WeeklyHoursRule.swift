import CareDomain
import Optimization

extension WeekModel {
    /// A person's rostered hours stay within `max_hours` and the labour rules' `max_week_hours`.
    func addWeeklyHours() throws {
        for person in staff {
            let limit = min(person.maxHours, Double(scenario.labourRules.maxWeekMinutes) / 60)
            let hours = workedHours(of: person)
            guard !hours.isEmpty else { continue }
            try model.add(hours <= limit + (hoursAllowance[person.id] ?? 0), name: modelName("max_hours", person.id.rawValue))
        }
    }

    /// The hours a person works this week, as an expression: sessions (breaks out), visits, evaluations,
    /// appointment seats and the coordination time of the clients they are responsible for.
    func workedHours(of person: Staff) -> LinearExpression {
        var hours = LinearExpression()
        // A session's working time as if it stood alone in its shift (its break out, sleep with
        // its factor); the oracle, which sees whole shifts, has the last word (`GroupStaffing.repair`).
        for (demand, variable) in sessionsByStaff[person.id] ?? [] {
            hours.add(variable, coefficient: demand.workingHours(scenario.labourRules))
        }
        for work in dayWorkByStaff[person.id] ?? [] {
            hours.add(work.variable, coefficient: Double(work.minutes) / 60)
        }
        if let coordination = coordinationByStaff[person.id] { hours.add(coordination) }
        return hours
    }
}

/// `max_hours` and `max_week_hours`: the oracle's check (the rows are `addWeeklyHours`).
struct WeeklyHoursRule: PersonWeekRule {
    func violation(in week: PersonWeekView) -> RuleViolation? {
        Self.violation(workingMinutes: week.workingMinutes, in: week)
    }

    /// Working time (breaks out, sleep with its factor) against the lower of the two limits.
    static func violation(workingMinutes minutes: Int, in week: PersonWeekView) -> RuleViolation? {
        let limit = min(week.staff.maxHours, Double(week.rules.maxWeekMinutes) / 60)
        let hours = Double(minutes) / 60
        return hours > limit + 1e-6 ? .hoursLimit(worked: hours, limit: limit) : nil
    }
}

extension WeeklyHoursRule: ModelRule {
    var label: String { "max_hours and max_week_hours" }
    func addRows(to week: WeekModel) throws { try week.addWeeklyHours() }
}
