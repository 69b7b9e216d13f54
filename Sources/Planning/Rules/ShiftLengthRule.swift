import CareDomain
import Optimization

extension WeekModel {
    /// Shift length, night-shift length and the longer rest after a late night (Arbeidstijdenwet).
    ///
    /// A shift is work separated by less than the daily rest, so the daily rest itself needs no
    /// row: what it limits is how long a chain of sessions with short gaps may become. For each
    /// person, every chain of sessions whose gaps are shorter than the daily rest is followed
    /// until it first becomes too long (12 h, or 10 h once it has more than an hour between
    /// 00:00 and 06:00); that chain is forbidden as a whole (Σ x ≤ length − 1). A night shift
    /// that ends after 02:00 must be followed by 14 h of rest: its chain and any session starting
    /// 11 to 14 h after its end are forbidden together.
    func addShiftLengthAndNightRest() throws {
        let rules = scenario.labourRules
        for person in staff {
            let sessions = (sessionsByStaff[person.id] ?? []).sorted { $0.demand.session < $1.demand.session }
            var cutIndex = 0
            func forbid(_ chain: [Int], _ extra: Int?) throws {
                var members = chain.map { sessions[$0].variable }
                if let extra { members.append(sessions[extra].variable) }
                cutIndex += 1
                try model.add(LinearExpression.sum(members) <= Double(members.count - 1),
                              name: modelName(extra == nil ? "shift_length" : "rest_after_night", person.id.rawValue, cutIndex))
            }
            func follow(_ chain: [Int], start: Int, end: Int, nightMinutes: Int) throws {
                let isNight = nightMinutes > LabourRules.nightShiftThresholdMinutes
                if isNight, endsLate(end) {
                    for (index, next) in sessions.enumerated() {
                        let gap = next.demand.session.interval.start - end
                        if gap >= rules.minDailyRestMinutes, gap < rules.minRestAfterNightMinutes { try forbid(chain, index) }
                    }
                }
                for (index, next) in sessions.enumerated() {
                    let interval = next.demand.session.interval
                    guard interval.start >= end, interval.start - end < rules.minDailyRestMinutes else { continue }
                    let night = nightMinutes + interval.minutesBetweenMidnightAndSix
                    let limit = night > LabourRules.nightShiftThresholdMinutes ? rules.maxNightShiftMinutes : rules.maxShiftMinutes
                    if interval.end - start > limit {
                        try forbid(chain + [index], nil)
                    } else {
                        try follow(chain + [index], start: start, end: interval.end, nightMinutes: night)
                    }
                }
            }
            for (index, first) in sessions.enumerated() {
                let interval = first.demand.session.interval
                try follow([index], start: interval.start, end: interval.end, nightMinutes: interval.minutesBetweenMidnightAndSix)
            }
        }
    }
}

/// A shift ending after 02:00 (and before the day's end) asks the longer rest after a night.
func endsLate(_ end: Int) -> Bool {
    let ofDay = ((end % 1440) + 1440) % 1440
    return ofDay > LabourRules.lateNightEndMinute || ofDay == 0
}

/// Shift length, night-shift length and the rest after a late night: the oracle's check.
struct ShiftLengthRule: PersonWeekRule {
    func violation(in week: PersonWeekView) -> RuleViolation? {
        let rules = week.rules
        let shifts = week.shifts
        for (index, shift) in shifts.enumerated() {
            let isNight = shift.night > LabourRules.nightShiftThresholdMinutes
            if isNight, shift.end - shift.start > rules.maxNightShiftMinutes {
                return .nightShiftTooLong(limitHours: Double(rules.maxNightShiftMinutes) / 60)
            }
            if !isNight, shift.end - shift.start > rules.maxShiftMinutes {
                return .shiftTooLong(limitHours: Double(rules.maxShiftMinutes) / 60)
            }
            if isNight, endsLate(shift.end), index + 1 < shifts.count, shifts[index + 1].start - shift.end < rules.minRestAfterNightMinutes {
                return .restAfterNight(hours: Double(rules.minRestAfterNightMinutes) / 60)
            }
        }
        return nil
    }
}

extension ShiftLengthRule: ModelRule {
    var label: String { "shift and night-shift length, rest after a night" }
    func addRows(to week: WeekModel) throws { try week.addShiftLengthAndNightRest() }
}
