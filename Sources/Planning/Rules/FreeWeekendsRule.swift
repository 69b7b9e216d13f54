import CareDomain
import Optimization

extension WeekModel {
    /// Free weekends in 52 weeks (`min_free_weekends_52_weeks`, a collective agreement's): with as
    /// many weekends already worked in the history as the rule leaves, nothing this weekend.
    func addFreeWeekends() throws {
        guard let free = scenario.labourRules.minFreeWeekends52Weeks else { return }
        for person in staff where (scenario.history.weekendsWorked52Weeks[person.id] ?? 0) >= 52 - free {
            try keepFree(PlanningWeek.weekend, for: person, name: "weekend_free")
        }
    }
}

/// Free weekends in 52 weeks, the history's weekends counted: the oracle's check and the rows.
struct FreeWeekendsRule: PersonWeekRule, ModelRule {
    var label: String { "free weekends in 52 weeks (min_free_weekends_52_weeks)" }
    func addRows(to week: WeekModel) throws { try week.addFreeWeekends() }

    func violation(in week: PersonWeekView) -> RuleViolation? {
        guard let free = week.rules.minFreeWeekends52Weeks else { return nil }
        let before = week.scenario.history.weekendsWorked52Weeks[week.staff.id] ?? 0
        guard before >= 52 - free else { return nil }
        return week.work.contains { $0.interval.overlaps(PlanningWeek.weekend) } ? .freeWeekends(least: free) : nil
    }
}
