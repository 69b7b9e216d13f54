import CareDomain
import Optimization

extension WeekModel {
    /// At least 13 free Sundays in 52 weeks (ATW 5:6): with 39 Sundays already worked in the
    /// history, nothing on this week's Sunday.
    func addSundaysWorked() throws {
        for person in staff where (scenario.history.sundaysWorked52Weeks[person.id] ?? 0) >= LabourRules.maxSundaysWorked52Weeks {
            try keepFree(PlanningWeek.sunday, for: person, name: "sunday_free")
        }
    }

    /// None of the person's sessions touching `window` is worked (a count the history used up).
    func keepFree(_ window: WeekInterval, for person: Staff, name: String) throws {
        for (demand, variable) in workingSessions(of: person.id) where demand.session.interval.overlaps(window) {
            try model.add(variable <= 0, name: modelName(name, person.id.rawValue, demand.session))
        }
    }
}

/// Sundays worked in 52 weeks: the oracle's check and the model's rows.
struct SundaysWorkedRule: PersonWeekRule, ModelRule {
    var label: String { "13 free Sundays in 52 weeks" }
    func addRows(to week: WeekModel) throws { try week.addSundaysWorked() }

    func violation(in week: PersonWeekView) -> RuleViolation? {
        let before = week.scenario.history.sundaysWorked52Weeks[week.staff.id] ?? 0
        guard before >= LabourRules.maxSundaysWorked52Weeks else { return nil }
        return week.work.contains { $0.interval.overlaps(PlanningWeek.sunday) } ? .sundaysWorked(limit: LabourRules.maxSundaysWorked52Weeks) : nil
    }
}
