import CareDomain
import Optimization

extension WeekModel {
    /// At most `max_night_shifts_16_weeks` night shifts (ending after 02:00) in 16 weeks, the
    /// history's nights included: the week's late-night sessions may use what is left. A night
    /// made of two sessions counts twice here, which only errs on the safe side.
    func addNightCount() throws {
        let limit = scenario.labourRules.maxNightShifts16Weeks
        for person in staff {
            let left = limit - (scenario.history.nightShifts16Weeks[person.id] ?? 0)
            let nights = workingSessions(of: person.id).filter { $0.demand.session.kind != .sleep && isLateNight($0.demand.session.interval) }
            guard nights.count > max(0, left) else { continue }
            try model.add(LinearExpression.sum(nights.map(\.variable)) <= Double(max(0, left)), name: modelName("night_count", person.id.rawValue))
        }
    }
}

/// A piece of work that alone is a night shift ending after 02:00.
func isLateNight(_ interval: WeekInterval) -> Bool {
    interval.minutesBetweenMidnightAndSix > LabourRules.nightShiftThresholdMinutes && endsLate(interval.end)
}

/// The night shifts in 16 weeks: the oracle's check and the model's rows.
struct NightCountRule: PersonWeekRule, ModelRule {
    var label: String { "at most 36 night shifts in 16 weeks" }
    func addRows(to week: WeekModel) throws { try week.addNightCount() }

    func violation(in week: PersonWeekView) -> RuleViolation? {
        let limit = week.rules.maxNightShifts16Weeks
        let before = week.scenario.history.nightShifts16Weeks[week.staff.id] ?? 0
        let nights = week.shifts.filter { !$0.prior && $0.isLateNight }.count
        return nights > 0 && before + nights > limit ? .nightShiftCount(limit: limit) : nil
    }
}
