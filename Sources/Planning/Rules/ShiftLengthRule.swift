import CareDomain
import Optimization

extension WeekModel {
    /// Shift length, night-shift length and the longer rest after a late night (Arbeidstijdenwet);
    /// a duty with a sleeping shift may last 24 h, has no night work, its awake work stays within
    /// `max_shift_hours`, and 11 h rest follow it.
    ///
    /// A shift is work separated by less than the (reduced) daily rest, so what the shift length
    /// limits is how long a chain of sessions with short gaps may become. For each person, every
    /// chain of sessions (the history's work included, as fixed members) whose gaps are shorter
    /// than that rest is followed until it first becomes too long (12 h, or 10 h once it has more
    /// than an hour between 00:00 and 06:00); that chain is forbidden as a whole (Σ x ≤ length −
    /// 1). A night shift that ends after 02:00 must be followed by 14 h of rest: its chain and any
    /// session starting before then are forbidden together.
    func addShiftLengthAndNightRest() throws {
        let rules = scenario.labourRules
        for person in staff {
            // Sessions at the same time are one slot (`timeSlots`): a floater of several houses
            // has one chain where the rows per session had one per house and position.
            let slots = timeSlots(of: person)
            guard slots.contains(where: { !$0.variables.isEmpty && !$0.isFixed }) else { continue }
            var cutIndex = 0
            func forbid(_ chain: [Int], _ extra: Int?) throws {
                try checkBuildDeadline()
                var members = chain.map { slots[$0] }
                if let extra { members.append(slots[extra]) }
                cutIndex += 1
                try addSlotsTogether(members, limit: members.count - 1,
                                     name: modelName(extra == nil ? "shift_length" : "rest_after_night", person.id.rawValue, cutIndex))
            }
            // `work` and `pauses`: the chain's awake minutes and its gaps of a quarter of an hour
            // or more, whose working time (breaks out) the limits compare; it only grows along a chain.
            func follow(_ chain: [Int], start: Int, end: Int, nightMinutes: Int, sleep: Bool, work: Int, pauses: Int) throws {
                let isNight = nightMinutes > LabourRules.nightShiftThresholdMinutes
                if sleep {
                    // After a duty with a sleeping shift, 11 h of rest, never shortened.
                    for (index, next) in slots.enumerated() where !next.variables.isEmpty {
                        let gap = next.interval.start - end
                        if gap >= rules.shiftBreakMinutes, gap < rules.minDailyRestMinutes { try forbid(chain, index) }
                    }
                }
                // A night longer than max_night_shift_hours (the Act's allowance): 12 h rest after it.
                if isNight, !sleep, let allowance = rules.longNights,
                   work - WorkingTime.breakMinutes(work: work, pauses: pauses, rules: rules.breaks) > rules.maxNightShiftMinutes {
                    for (index, next) in slots.enumerated() where !next.variables.isEmpty {
                        let gap = next.interval.start - end
                        if gap >= rules.shiftBreakMinutes, gap < allowance.restAfterMinutes { try forbid(chain, index) }
                    }
                }
                if isNight, endsLate(end) {
                    // A rest the Act's allowance may shorten (once in 7×24 h) is left to the oracle,
                    // which sees the week's other shortenings (`GroupStaffing.repair` has the last
                    // word on the MIP's roster): the rows forbid only what is never allowed.
                    let least = rules.shortenedRestAfterNightMinutes ?? rules.minRestAfterNightMinutes
                    for (index, next) in slots.enumerated() where !next.variables.isEmpty {
                        let gap = next.interval.start - end
                        if gap >= rules.shiftBreakMinutes, gap < least { try forbid(chain, index) }
                    }
                }
                for (index, next) in slots.enumerated() {
                    let interval = next.interval
                    guard interval.start >= end, interval.start - end < rules.shiftBreakMinutes else { continue }
                    let night = nightMinutes + (next.isSleep ? 0 : interval.minutesBetweenMidnightAndSix)
                    let withSleep = sleep || next.isSleep
                    let gap = interval.start - end
                    let chainWork = work + (next.isSleep ? 0 : interval.minutes)
                    let chainPauses = pauses + (gap >= WorkingTime.pausePieceMinutes ? gap : 0)
                    // A duty with a sleeping shift: at most 24 h, and its awake work within the day's shift length.
                    let awake = chainWork - WorkingTime.breakMinutes(work: chainWork, pauses: chainPauses, rules: rules.breaks)
                    let tooLong = withSleep ? interval.end - start > DutyKind.longestSleepDutyMinutes || awake > rules.maxShiftMinutes
                        : awake > (night > LabourRules.nightShiftThresholdMinutes ? rules.longestNightShiftMinutes : rules.maxShiftMinutes)
                    if tooLong {
                        try forbid(chain + [index], nil)
                    } else {
                        try follow(chain + [index], start: start, end: interval.end, nightMinutes: night, sleep: withSleep,
                                   work: chainWork, pauses: chainPauses)
                    }
                }
            }
            for (index, first) in slots.enumerated() {
                let interval = first.interval
                try follow([index], start: interval.start, end: interval.end,
                           nightMinutes: first.isSleep ? 0 : interval.minutesBetweenMidnightAndSix, sleep: first.isSleep,
                           work: first.isSleep ? 0 : interval.minutes, pauses: 0)
            }
        }
    }
}

/// A shift ending after 02:00 (and before the day's end) asks the longer rest after a night.
func endsLate(_ end: Int) -> Bool { LabourRules.endsLate(end) }

/// Shift length, night-shift length and the rest after a late night: the oracle's check.
struct ShiftLengthRule: PersonWeekRule {
    func violation(in week: PersonWeekView) -> RuleViolation? {
        let rules = week.rules
        let shifts = week.shifts
        var shortened: [(begins: Int, prior: Bool)] = []
        for (index, shift) in shifts.enumerated() {
            // A shift the history alone made is not this roster's to judge.
            // Shift lengths are working time: breaks out (SCENARIO.md 1.1, `max_shift_hours`).
            if !shift.prior, shift.isNight, !shift.sleep, shift.awakeWorkingMinutes(rules) > rules.longestNightShiftMinutes {
                return .nightShiftTooLong(limitHours: Double(rules.longestNightShiftMinutes) / 60)
            }
            if !shift.prior, shift.sleep {
                if shift.end - shift.start > DutyKind.longestSleepDutyMinutes { return .sleepDutyTooLong }
                // The sleep is not work; the awake work around it is a shift's.
                if shift.awakeWorkingMinutes(rules) > rules.maxShiftMinutes { return .shiftTooLong(limitHours: Double(rules.maxShiftMinutes) / 60) }
            } else if !shift.prior, !shift.isNight, shift.awakeWorkingMinutes(rules) > rules.maxShiftMinutes {
                return .shiftTooLong(limitHours: Double(rules.maxShiftMinutes) / 60)
            }
            if shift.sleep, index + 1 < shifts.count, !shifts[index + 1].prior, shifts[index + 1].start - shift.end < rules.minDailyRestMinutes {
                return .restAfterSleepShift(hours: Double(rules.minDailyRestMinutes) / 60)
            }
            if shift.isLateNight, index + 1 < shifts.count, shifts[index + 1].start - shift.end < rules.minRestAfterNightMinutes {
                let rest = shifts[index + 1].start - shift.end
                if rules.restAfterNightMayBeShortened(rest) {
                    shortened.append((shift.end, shifts[index + 1].prior))
                } else if !shifts[index + 1].prior {
                    return .restAfterNight(hours: Double(rules.minRestAfterNightMinutes) / 60)
                }
            }
        }
        // The Act's allowance: the rest after a night shortened at most once in any 7×24 h.
        for (position, rest) in shortened.enumerated() where !rest.prior {
            if shortened[..<position].contains(where: { rest.begins - $0.begins < LabourRules.reducedRestPeriodMinutes }) {
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
