import CareDomain
import Optimization

extension WeekModel {
    /// At most `max_consecutive_working_days` days in a row with work on them (SCENARIO.md 1.1),
    /// the history's days included: in every stretch of that many days and one more, at least
    /// one day free.
    func addConsecutiveWorkingDays() throws {
        guard let limit = scenario.labourRules.maxConsecutiveWorkingDays else { return }
        for person in staff where !workingSessions(of: person.id).isEmpty || !(dayWorkByStaff[person.id] ?? []).isEmpty {
            let before = scenario.history.workedDays(of: person.id)
            var possible = before
            for (demand, _) in workingSessions(of: person.id) { possible.formUnion(demand.session.interval.touchedDays) }
            for work in dayWorkByStaff[person.id] ?? [] { possible.insert(work.day.rawValue) }
            guard longestRun(possible) > limit else { continue }
            let worked = try workedDayVariables(for: person)
            for first in (-limit)...(7 - limit) {
                let days = first...(first + limit)
                // The history's work fixes its days, Monday included when a night runs into it.
                let fixed = days.filter { before.contains($0) }.count
                let free = days.compactMap { $0 >= 0 && !before.contains($0) ? worked[$0] : nil }
                guard free.count + fixed > limit, !free.isEmpty else { continue }
                try model.add(LinearExpression.sum(free) <= Double(max(0, limit - fixed)), name: modelName("days_in_a_row", person.id.rawValue, first))
            }
        }
    }
}

/// The longest run of consecutive days in `days`.
func longestRun(_ days: Set<Int>) -> Int {
    var longest = 0
    for day in days where !days.contains(day - 1) {
        var length = 1
        while days.contains(day + length) { length += 1 }
        longest = max(longest, length)
    }
    return longest
}

/// Working days in a row: the oracle's check and the model's rows.
struct ConsecutiveWorkingDaysRule: PersonWeekRule, ModelRule {
    var label: String { "at most max_consecutive_working_days days in a row" }
    func addRows(to week: WeekModel) throws { try week.addConsecutiveWorkingDays() }

    func violation(in week: PersonWeekView) -> RuleViolation? {
        guard let limit = week.rules.maxConsecutiveWorkingDays else { return nil }
        let days = week.workedDays
        let mine = Set(week.work.flatMap(\.interval.touchedDays))
        for day in mine {
            var first = day, last = day
            while days.contains(first - 1) { first -= 1 }
            while days.contains(last + 1) { last += 1 }
            if last - first + 1 > limit { return .workingDaysInARow(limit: limit) }
        }
        return nil
    }
}
