import CareDomain
import Optimization

extension WeekModel {
    /// A minor's shifts of at most 9 h and 12 h of rest between them (ATW 5:2), as pairs of
    /// sessions that may not both be worked: two that would make one shift too long, or two
    /// shifts too close. (Night work, on-call duty and an older worker's nights never reach the
    /// model: eligibility keeps them out. Longer chains the oracle judges, as it does every rule.)
    func addMinorRows() throws {
        let rules = scenario.labourRules
        for person in staff {
            let sessions = workingSessions(of: person.id).sorted { $0.demand.session.interval < $1.demand.session.interval }
            guard sessions.contains(where: { person.isMinor(on: scenario.week.date(atMinute: $0.demand.session.interval.start)) }) else { continue }
            for (index, earlier) in sessions.enumerated() {
                for later in sessions[(index + 1)...] {
                    let first = earlier.demand.session.interval, second = later.demand.session.interval
                    let gap = second.start - first.end
                    if gap >= MinorLimits.minDailyRestMinutes { break }
                    guard gap >= 0, person.isMinor(on: scenario.week.date(atMinute: second.start)) || person.isMinor(on: scenario.week.date(atMinute: first.start)) else { continue }
                    let together = gap < rules.shiftBreakMinutes
                        ? WorkingTime.minutes([WorkPiece(first), WorkPiece(second)], rules: rules, forLimits: true) > MinorLimits.maxShiftMinutes
                        : true
                    guard together else { continue }
                    try model.add(LinearExpression.sum([earlier.variable, later.variable]) <= 1,
                                  name: modelName("minor", person.id.rawValue, earlier.variable.index, later.variable.index))
                }
            }
        }
    }
}

/// Protected people (SCENARIO.md 1.2): the oracle's check of every piece of a week against what
/// the law or an agreement keeps the person from, and a minor's shift length and daily rest.
struct ProtectedPeopleRule: PersonWeekRule {
    func violation(in week: PersonWeekView) -> RuleViolation? {
        let person = week.staff
        guard person.birthDate != nil || person.noNightWork else { return nil }
        for item in week.work {
            if let protection = person.protection(against: item.interval, kind: item.isOnCall ? .onCall : item.isSleep ? .sleep : .work,
                                                  in: week.scenario.week, rules: week.rules) {
                return .protected(protection)
            }
        }
        guard person.birthDate != nil else { return nil }
        let minor = { (minute: Int) in person.isMinor(on: week.scenario.week.date(atMinute: minute)) }
        for (index, shift) in week.shifts.enumerated() where !shift.prior && minor(shift.start) {
            if shift.awakeWorkingMinutes(week.rules) + shift.sleepMinutes > MinorLimits.maxShiftMinutes {
                return .protected(.minorShift(hours: Double(MinorLimits.maxShiftMinutes) / 60))
            }
            if index > 0, shift.start - week.shifts[index - 1].end < MinorLimits.minDailyRestMinutes {
                return .protected(.minorDailyRest(hours: Double(MinorLimits.minDailyRestMinutes) / 60))
            }
        }
        return nil
    }
}

extension ProtectedPeopleRule: ModelRule {
    var label: String { "minors, older workers and no_night_work (ATW 5:2, the agreements' exemptions)" }
    func addRows(to week: WeekModel) throws { try week.addMinorRows() }
}
