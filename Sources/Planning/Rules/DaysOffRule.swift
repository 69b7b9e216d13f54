import CareDomain
import Optimization

extension WeekModel {
    /// A run of days off between two working days is at least `min_consecutive_days_off` long
    /// (SCENARIO.md 1.1): for two days `a` and `b` with fewer free days between them, working
    /// both forces work on a day between (`w_a + w_b − Σ w_between ≤ 1`). The history's days
    /// take part as fixed values; days before what it shows, and after the week, are free.
    func addDaysOff() throws {
        guard let least = scenario.labourRules.minConsecutiveDaysOff, least > 1 else { return }
        for person in staff where !workingSessions(of: person.id).isEmpty || !(dayWorkByStaff[person.id] ?? []).isEmpty {
            let before = scenario.history.workedDays(of: person.id)
            let known = scenario.history.priorWork[person.id] == nil ? 0 : -PersonWeekLookBack.minutes / 1440 + 1
            let worked = try workedDayVariables(for: person)
            // The history's work fixes its days, Monday included when a night runs into it.
            func value(_ day: Int) -> (variable: Variable?, fixed: Double) {
                before.contains(day) ? (nil, 1) : day < 0 ? (nil, 0) : (worked[day], 0)
            }
            for a in known...7 {
                for b in (a + 2)...(a + least) where b <= 7 {
                    guard b >= 0 else { continue }
                    let ends = [value(a), value(b)]
                    guard ends.allSatisfy({ $0.variable != nil || $0.fixed == 1 }), ends.contains(where: { $0.variable != nil }) else { continue }
                    let between = ((a + 1)..<b).map(value)
                    // Work fixed between them already breaks the run.
                    guard !between.contains(where: { $0.fixed == 1 }) else { continue }
                    var expression = LinearExpression.sum(ends.compactMap(\.variable))
                    for day in between { if let variable = day.variable { expression.add(variable, coefficient: -1) } }
                    let fixed = ends.reduce(0) { $0 + $1.fixed }
                    try model.add(expression <= 1 - fixed, name: modelName("days_off", person.id.rawValue, a, b))
                }
            }
        }
    }
}

/// Runs of days off: the oracle's check and the model's rows.
struct DaysOffRule: PersonWeekRule, ModelRule {
    var label: String { "days off come at least min_consecutive_days_off together" }
    func addRows(to week: WeekModel) throws { try week.addDaysOff() }

    func violation(in week: PersonWeekView) -> RuleViolation? {
        guard let least = week.rules.minConsecutiveDaysOff, least > 1 else { return nil }
        let days = week.workedDays.sorted()
        for (earlier, later) in zip(days, days.dropFirst()) where later - earlier > 1 && later - earlier - 1 < least && later >= 0 {
            return .daysOffTooFew(least: least)
        }
        return nil
    }
}
