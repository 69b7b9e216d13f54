import CareDomain
import Optimization

extension WeekModel {
    /// On-call duty (ATW 5:9; the preset's limits): a duty and a night shift of the same person
    /// that lie too close may not both be worked; and the days with duty stay within the limits
    /// in 28 days and in a row, the history's days counted (a day is the date a duty starts; two
    /// duties on one date count twice here, which only makes the row stricter than the rule).
    func addOnCallRules() throws {
        let limits = scenario.labourRules.onCall
        for person in staff {
            let all = sessionsByStaff[person.id] ?? []
            let duties = all.filter { $0.demand.session.kind == .onCall }
            guard !duties.isEmpty else { continue }
            let nights = all.filter { $0.demand.session.kind == .work && $0.demand.session.interval.isNightWork }
            for duty in duties {
                for night in nights where limits.keptFree(around: night.demand.session.interval).contains(where: { $0.overlaps(duty.demand.session.interval) }) {
                    try model.add(LinearExpression.sum([duty.variable, night.variable]) <= 1,
                                  name: modelName("on_call_night", person.id.rawValue, duty.variable.index, night.variable.index))
                }
            }
            let before = scenario.history.onCallDays[person.id] ?? []
            let byDay = Dictionary(grouping: duties) { Int((Double($0.demand.session.interval.start) / 1440).rounded(.down)) }
            func addWindow(_ days: ClosedRange<Int>, limit: Int, name: String) throws {
                let free = byDay.filter { days.contains($0.key) }.flatMap(\.value).map(\.variable)
                guard free.count + before.filter(days.contains).count > limit, !free.isEmpty else { return }
                try model.add(LinearExpression.sum(free) <= Double(max(0, limit - before.filter(days.contains).count)),
                              name: modelName(name, person.id.rawValue, days.lowerBound))
            }
            for end in 0..<7 {
                if let limit = limits.maxDaysIn28 { try addWindow((end - 27)...end, limit: limit, name: "on_call_28") }
                if let limit = limits.maxDaysInARow { try addWindow((end - limit)...end, limit: limit, name: "on_call_row") }
            }
        }
    }
}

/// On-call duty's own rules: the oracle's check of a week's duties against its night shifts (the
/// history's too) and the limits on days.
struct OnCallRule: ModelRule {
    var label: String { "on-call duty away from night shifts and on few enough days (ATW 5:9, CAO GHZ 7:16)" }
    func addRows(to week: WeekModel) throws { try week.addOnCallRules() }

    /// The first rule the duties `onCall` break beside the rest of the week `view`.
    static func violation(_ onCall: [TimedWork], in view: PersonWeekView) -> RuleViolation? {
        let limits = view.rules.onCall
        let nights = view.shifts.filter(\.isNight).map { WeekInterval(start: $0.start, end: $0.end) }
        for duty in onCall {
            for night in nights {
                let free = limits.keptFree(around: night)
                if free[0].overlaps(duty.interval) { return .onCallNearNight(before: true, hours: Double(limits.freeBeforeNightMinutes) / 60) }
                if free[1].overlaps(duty.interval) { return .onCallNearNight(before: false, hours: Double(limits.freeAfterNightMinutes) / 60) }
            }
        }
        let days = (view.scenario.history.onCallDays[view.staff.id] ?? []).union(onCall.map { Int((Double($0.interval.start) / 1440).rounded(.down)) })
        return limits.brokenDayLimit(days: days).map { .onCallDays($0) }
    }
}
