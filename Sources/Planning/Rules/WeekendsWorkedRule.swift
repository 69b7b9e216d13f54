import CareDomain
import Optimization

extension WeekModel {
    /// At most `max_weekends_worked` weekends (Saturday or Sunday with work) in any 4 weeks in a
    /// row (SCENARIO.md 1.1): with the limit reached in the 3 weeks before, nothing this weekend.
    func addWeekendsWorked() throws {
        guard let limit = scenario.labourRules.maxWeekendsWorked else { return }
        for person in staff where scenario.history.weekendsWorked(by: person.id, inWeeksBefore: 4) >= limit {
            for (demand, variable) in workingSessions(of: person.id) where demand.session.interval.overlaps(PlanningWeek.weekend) {
                try model.add(variable <= 0, name: modelName("weekend_free", person.id.rawValue, demand.session))
            }
            for work in dayWorkByStaff[person.id] ?? [] where work.day == .sat || work.day == .sun {
                try model.add(work.variable <= 0, name: modelName("weekend_free", person.id.rawValue, work.day, work.variable.index))
            }
        }
    }
}

/// Weekends worked in 4 weeks: the oracle's check and the model's rows.
struct WeekendsWorkedRule: PersonWeekRule, ModelRule {
    var label: String { "at most max_weekends_worked weekends in 4 weeks" }
    func addRows(to week: WeekModel) throws { try week.addWeekendsWorked() }

    func violation(in week: PersonWeekView) -> RuleViolation? {
        guard let limit = week.rules.maxWeekendsWorked else { return nil }
        let before = week.scenario.history.weekendsWorked(by: week.staff.id, inWeeksBefore: 4)
        return week.work.contains { $0.interval.overlaps(PlanningWeek.weekend) } && before + 1 > limit ? .weekendsWorked(limit: limit) : nil
    }
}
