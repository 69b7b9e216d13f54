import CareDomain
import Optimization

extension WeekModel {
    /// The Act's allowance for nights longer than `max_night_shift_hours` (ATW 5:8,
    /// `long_night_shifts`): `ShiftLengthRule` lets a night grow to the allowance's length and
    /// forbids the work within 12 h after such a night; how many there may be (5 in 14×24 h, 22 in
    /// 52 weeks) is counted here over the week's nights that alone are long, and judged exactly by
    /// the oracle (a night made long by joining two sessions is seen there and repaired).
    func addLongNightCounts() throws {
        let rules = scenario.labourRules
        guard let allowance = rules.longNights else { return }
        for person in staff {
            let nights = workingSessions(of: person.id).filter { item in
                let session = item.demand.session
                guard session.kind != .sleep, session.interval.minutesBetweenMidnightAndSix > LabourRules.nightShiftThresholdMinutes else { return false }
                return WorkingTime.minutes(alone: WorkPiece(session.interval), rules: rules) > rules.maxNightShiftMinutes
            }
            guard !nights.isEmpty else { continue }
            let left = allowance.per52Weeks - (scenario.history.longNightShifts52Weeks[person.id] ?? 0)
            if nights.count > max(0, left) {
                try model.add(LinearExpression.sum(nights.map(\.variable)) <= Double(max(0, left)), name: modelName("long_nights_52_weeks", person.id.rawValue))
            }
            // Any 14×24 h: its nights are those of the window ending at its last night, so one row
            // per night over the 14×24 h up to it, the history's long nights there as fixed.
            let prior = LongNightRule.longNightStarts(prior: scenario.history.work(of: person.id), rules: rules)
            let starts = nights.map { ($0.demand.session.interval.start, $0.variable) }.sorted { $0.0 < $1.0 }
            for (index, last) in starts.enumerated() {
                let window = starts[...index].filter { last.0 - $0.0 < LongNightAllowance.windowMinutes }
                let before = prior.filter { last.0 - $0 < LongNightAllowance.windowMinutes && $0 < last.0 }.count
                let room = allowance.per14Days - before
                guard window.count > max(0, room) else { continue }
                try model.add(LinearExpression.sum(window.map(\.1)) <= Double(max(0, room)), name: modelName("long_nights_14_days", person.id.rawValue, index))
            }
        }
    }
}

/// Nights longer than `max_night_shift_hours` under the Act's allowance: how many, and the rest
/// after each. The oracle's check and the model's rows.
struct LongNightRule: PersonWeekRule, ModelRule {
    var label: String { "nights longer than max_night_shift_hours: at most 5 in 14×24 h and 22 in 52 weeks, 12 h rest after (ATW 5:8)" }
    func addRows(to week: WeekModel) throws { try week.addLongNightCounts() }

    /// Where the history's long nights began (its work in time order, breaks out as usual).
    static func longNightStarts(prior: [WeekInterval], rules: LabourRules) -> [Int] {
        PlanningPeriod.longNights(prior.map { WorkPiece($0) }, rules: rules).map(\.start)
    }

    func violation(in week: PersonWeekView) -> RuleViolation? {
        let rules = week.rules
        guard let allowance = rules.longNights else { return nil }
        let shifts = week.shifts
        func isLong(_ shift: WorkShift) -> Bool { shift.isNight && !shift.sleep && shift.awakeWorkingMinutes(rules) > rules.maxNightShiftMinutes }
        var own = 0
        for (index, shift) in shifts.enumerated() where isLong(shift) {
            if index + 1 < shifts.count, !(shift.prior && shifts[index + 1].prior), shifts[index + 1].start - shift.end < allowance.restAfterMinutes {
                return .restAfterLongNight(hours: Double(allowance.restAfterMinutes) / 60)
            }
            guard !shift.prior else { continue }
            own += 1
            let inWindow = shifts[...index].filter { isLong($0) && shift.start - $0.start < LongNightAllowance.windowMinutes }.count
            if inWindow > allowance.per14Days { return .longNightShifts(limit: allowance.per14Days, days: 14) }
        }
        if own > 0, own + (week.scenario.history.longNightShifts52Weeks[week.staff.id] ?? 0) > allowance.per52Weeks {
            return .longNightShifts(limit: allowance.per52Weeks, days: 364)
        }
        return nil
    }
}
