import CareDomain
import Foundation
import Planning
import RosterCheck

/// A period is planned week after week, so a week's last days are settled before the next week
/// is known. When a group row in the first days of a week stays uncovered while a qualified
/// person is kept out only by their own work at the end of the week before (a series of nights
/// asks 46 h rest, a night 14 h, a shortened rest may not come twice), the week before is
/// planned again with that person kept free from the start of the fewest of their last rows
/// (one to three) that lets them come, pinned to the row, and this week again after it; the two are kept when together they leave fewer hours uncovered and
/// the week before still passes the checker with this week after it (`LaterWeeks`).
///
/// `planned` holds the weeks planned so far; the last is the week whose shortfalls are looked at.
func relieveBoundary(_ planned: inout [PlannedWeek], of period: Scenario, options: PlanningOptions, until deadline: Date) {
    let index = planned.count - 1
    guard index >= 1 else { return }
    var tried: Set<String> = []
    // A few tries a boundary: each plans two weeks again.
    for _ in 0..<3 {
        guard let freeing = nextRelief(planned, of: period, skipping: &tried, until: deadline) else { return }
        let row = freeing.row
        let left = deadline.timeIntervalSinceNow
        guard left > 1 else { return }
        let thisWeek = planned[index].scenario.week
        let what = "\(thisWeek): \(row.location?.rawValue ?? "") \(row.ref) \(moment(row.interval?.start ?? 0, in: thisWeek))"
        let giving = freeing.giving == .none ? "" : freeing.giving == .near ? " and their work near it given up" : " and their week planned anew"
        let how = "planning the week before again with \(freeing.person) free from \(moment(freeing.from, in: planned[index - 1].scenario.week))\(giving)"
        switch relieved(planned, of: period, freeing, options: options, seconds: left / 2) {
        case let .kept(before, after):
            planned[index - 1] = before
            planned[index] = after
            options.log?("period: \(what) met by \(how)")
        case let .failed(why):
            options.log?("period: \(what): \(how): \(why)")
        }
    }
}

/// Rule kinds a person's own earlier work can cause; the others (location, availability,
/// absence, qualification) no change to the week before can lift. Hours only where an average
/// over weeks (ATW 5:7, 5:8) cut this week's limit.
private func mayLookBack(_ violation: RuleViolation) -> Bool {
    switch violation {
    case .averageWeekHours:
        return true
    case .restAfterNight, .restAfterNightSeries, .dailyRest, .restAfterSleepShift, .shiftsInARowWithNight, .workingDaysInARow,
         .weeklyRest, .twoWeekRest, .rollingRest, .busy, .daysOffTooFew, .weekendsWorked, .sleepDutyTooLong,
         // Work within a shortened rest of last week's joins its shift.
         .shiftTooLong, .nightShiftTooLong, .restAfterLongNight, .longNightShifts, .restBeforeSleepShift, .sleepingDuties:
        return true
    default:
        return false
    }
}

/// The first uncovered group row of the last planned week with a person who could come were
/// their last rows of the week before (one to three, from its end) given up: next to their other
/// rows of this week, or else with those near the row, or all of them, given up too. (Rests
/// reach into a week's first days; the weekends and nights counted over several weeks, and the
/// average hours, into any day.)
private func nextRelief(_ planned: [PlannedWeek], of period: Scenario, skipping tried: inout Set<String>,
                        until deadline: Date) -> Freeing? {
    let index = planned.count - 1
    let current = planned[index].outcome.roster, previous = planned[index - 1].outcome.roster
    let earlier = planned[..<(index - 1)].map(\.outcome.roster)
    let thisWeek = planned[index].scenario
    let rows = current.uncovered.filter { $0.activity == .group && $0.interval != nil }.sorted()
    for row in rows {
        let people = Set(row.reason.causes.filter { cause in
            mayLookBack(cause.violation)
        }.flatMap(\.people)).sorted()
        for person in people {
            guard Date() < deadline else { return nil }
            let key = "\(row.location?.rawValue ?? "")|\(row.interval?.start ?? 0)|\(row.ref)|\(person)"
            guard tried.insert(key).inserted else { continue }
            let starts = previous.assignments.filter { $0.staff == person }.map(\.interval.start).sorted(by: >)
            for from in starts.prefix(3) {
                let week = PlanningPeriod.week(index, of: period, after: earlier + [freedRows(previous, of: person, from: from)])
                for giving in OwnRows.allCases where PeriodRelief.mayTake(row, person: person, in: week, roster: giving.roster(current, of: person, near: row)) {
                    return Freeing(row: row, person: person, from: from, giving: giving)
                }
            }
        }
    }
    return nil
}

/// `roster` without `person`'s rows that start at minute `from` or later.
private func freedRows(_ roster: Roster, of person: StaffID, from: Int) -> Roster {
    Roster(assignments: roster.assignments.filter { $0.staff != person || $0.interval.start < from }, uncovered: roster.uncovered,
           responsibilities: roster.responsibilities)
}

/// "2026-03-23 15:00": a minute of `week` as the log and the reasons name it.
private func moment(_ minute: Int, in week: PlanningWeek) -> String {
    "\(week.date(atMinute: minute)) \(ClockTime.text(minute))"
}

/// A try: `person` free in the week before from minute `from` on, at `row` of this week.
private struct Freeing {
    let row: UncoveredDemand
    let person: StaffID
    let from: Int
    let giving: OwnRows
}

/// What of the freed person's own rows in this week is given up for the row.
private enum OwnRows: CaseIterable {
    case none, near, all

    /// `roster` without the rows of `person` this gives up: those within a day of `row`, or all.
    func roster(_ roster: Roster, of person: StaffID, near row: UncoveredDemand) -> Roster {
        guard self != .none, let interval = row.interval else { return roster }
        let reach = WeekInterval(start: interval.start - 1440, end: interval.end + 1440)
        return Roster(assignments: roster.assignments.filter { $0.staff != person || (self == .near && !$0.interval.overlaps(reach)) },
                      uncovered: roster.uncovered, responsibilities: roster.responsibilities)
    }
}

/// How planning two weeks again around a freed person ended.
private enum Relief {
    case kept(PlannedWeek, PlannedWeek)
    case failed(String)
}

/// The two weeks planned again around the freed person; failed (why) when that leaves no fewer
/// hours uncovered, or a week cannot be planned or checked.
private func relieved(_ planned: [PlannedWeek], of period: Scenario, _ freeing: Freeing, options: PlanningOptions, seconds: Double) -> Relief {
    let row = freeing.row, person = freeing.person
    let index = planned.count - 1
    let previous = planned[index - 1], current = planned[index]
    let earlier = planned[..<(index - 1)].map(\.outcome.roster)
    // The week before, with the person unable to work from `from` on: all else it had stands (pinned).
    let kept = PeriodRelief.keptFree(person, from: freeing.from, in: previous.scenario)
    var first = options
    first.pinned = Roster(assignments: freedRows(previous.outcome.roster, of: person, from: freeing.from).assignments,
                          uncovered: [], responsibilities: previous.outcome.roster.responsibilities)
    first.timeLimitSeconds = seconds
    first.startedAt = Date()
    first.progress = nil
    guard let replanned = try? planAndCheck(kept, options: first) else { return .failed("the week before could not be planned so") }
    let when = moment(row.interval?.start ?? 0, in: current.scenario.week)
    let before = asThePeriodHasIt(replanned, in: previous.scenario, bound: previous.outcome.summary.bestBound,
                                  freeing: person, from: freeing.from, for: when)
    // This week after it: the person at the row, and what still keeps the rules under the new
    // history stands (the person's other rows too, unless their week is planned anew).
    let week = PlanningPeriod.week(index, of: period, after: earlier + [before.roster])
    guard let taken = PeriodRelief.assignment(row, person: person, in: week) else { return .failed("not a group row") }
    var second = options
    let stands = PeriodRelief.stillKept(freeing.giving.roster(current.outcome.roster, of: person, near: row), in: week)
    second.pinned = Roster(assignments: stands + [taken], uncovered: [], responsibilities: current.outcome.roster.responsibilities)
    second.timeLimitSeconds = max(1, seconds - Date().timeIntervalSince(first.startedAt!) - 0.5)
    second.startedAt = Date()
    second.progress = nil
    guard let after = try? planAndCheck(week, options: second) else { return .failed("this week could not be planned with them there") }
    let short = { (outcome: PlanOutcome) in outcome.roster.uncovered.reduce(0.0) { $0 + $1.hours } }
    let was = short(previous.outcome) + short(current.outcome), now = short(before) + short(after)
    let h = RuleViolation.hoursText
    guard now < was - 0.01 else {
        return .failed("the two weeks left \(h(short(before))) + \(h(short(after))) h short, not fewer than \(h(short(previous.outcome))) + \(h(short(current.outcome))) h")
    }
    // The week before, as it stands in the period (the person not absent), with this week after it.
    let later = LaterWeeks(period: period, index: index - 1, earlier: earlier, later: [after.roster])
    guard RosterChecker(scenario: previous.scenario).check(before.roster, later: later).isEmpty else { return .failed("the week before did not pass the checker with this week after it") }
    return .kept(PlannedWeek(scenario: previous.scenario, outcome: before), PlannedWeek(scenario: week, outcome: after))
}

/// The re-planned week as the period has it. Its shortfall reasons: from `from` on the person
/// was not unavailable but kept rested for their work on `when` in the next week (where the
/// week itself lets them come; else its own reason stands). Its bound: `bound`, the week's own
/// as first planned (the same history, so still a bound of it; the re-plan's, made with the
/// person kept free, need not be), and the gap and status from it.
private func asThePeriodHasIt(_ outcome: PlanOutcome, in week: Scenario, bound: Double?, freeing person: StaffID, from: Int,
                              for when: String) -> PlanOutcome {
    let uncovered = outcome.roster.uncovered.map { row -> UncoveredDemand in
        var causes: [StaffID: RuleViolation] = [:]
        var changed = false
        for cause in row.reason.causes {
            for id in cause.people {
                causes[id] = cause.violation
                guard id == person, cause.violation == .unavailable, let interval = row.interval, interval.end > from else { continue }
                let own = row.activity == .group ? PeriodRelief.eligibilityCause(row, person: id, in: week)
                    : PeriodRelief.isAvailable(id, during: interval, in: week) ? nil : .unavailable
                causes[id] = own ?? .restBeforeLaterWork(when)
                changed = true
            }
        }
        guard changed else { return row }
        let reason = ShortfallReason(summary: row.reason.summary, qualified: row.reason.qualified, causes: ShortfallReason.grouped(causes),
                                     namesEveryone: row.reason.namesEveryone)
        return UncoveredDemand(interval: row.interval, activity: row.activity, location: row.location, client: row.client, product: row.product,
                               need: row.need, kind: row.kind, hours: row.hours, reason: reason, ref: row.ref, clientsPresent: row.clientsPresent)
    }
    let roster = Roster(assignments: outcome.roster.assignments, uncovered: uncovered, responsibilities: outcome.roster.responsibilities)
    var summary = outcome.summary
    if let bound, let own = summary.bestBound, bound < own - 1e-9, let objective = summary.objective {
        summary.bestBound = bound
        summary.gap = objective > 0 ? max(0, (objective - bound) / objective) : 0
        if objective - bound > 1e-6 { summary.status = "feasible" }
    }
    return PlanOutcome(roster: roster, capacity: outcome.capacity, summary: summary, parts: outcome.parts, hires: outcome.hires,
                       sessions: outcome.sessions)
}
