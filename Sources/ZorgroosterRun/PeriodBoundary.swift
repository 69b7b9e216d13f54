import CareDomain
import Foundation
import Planning
import RosterCheck

/// A period is planned week after week, so a week's last days are settled before the next week
/// is known. When a group row in the first days of a week stays uncovered while a qualified
/// person is kept out only by their own work at the end of the week before (a series of nights
/// asks 46 h rest, a night 14 h, a shortened rest may not come twice), the week before is
/// planned again with that person kept free on its fewest last days that let them come, and
/// this week again after it; the two are kept when together they leave fewer hours uncovered and
/// the week before still passes the checker with this week after it (`LaterWeeks`).
///
/// `planned` holds the weeks planned so far; the last is the week whose shortfalls are looked at.
func relieveBoundary(_ planned: inout [PlannedWeek], of period: Scenario, options: PlanningOptions, until deadline: Date) {
    let index = planned.count - 1
    guard index >= 1 else { return }
    var tried: Set<String> = []
    // A few tries a boundary: each plans two weeks again.
    for _ in 0..<3 {
        guard let (row, person, days, anew) = nextRelief(planned, of: period, skipping: &tried, until: deadline) else { return }
        let left = deadline.timeIntervalSinceNow
        guard left > 1 else { return }
        let what = "\(planned[index].scenario.week): \(row.location?.rawValue ?? "") \(row.ref) \(planned[index].scenario.week.date(atMinute: row.interval?.start ?? 0)) \(ClockTime.text(row.interval?.start ?? 0))"
        let how = "planning the week before again with \(person) free on its last \(days) day(s)\(anew ? " and their week anew" : "")"
        switch relieved(planned, of: period, row: row, person: person, days: days, anew: anew, options: options, seconds: left / 2) {
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
/// absence, qualification) no change to the week before can lift. Hours only where the 4-week
/// average (ATW 5:7) cut this week's limit below the person's own (`capped`).
private func mayLookBack(_ violation: RuleViolation, capped: Bool) -> Bool {
    switch violation {
    case .hoursLimit:
        return capped
    case .restAfterNight, .restAfterNightSeries, .dailyRest, .restAfterSleepShift, .shiftsInARowWithNight, .workingDaysInARow,
         .weeklyRest, .twoWeekRest, .rollingRest, .busy, .daysOffTooFew, .weekendsWorked, .sleepDutyTooLong,
         // Work within a shortened rest of last week's joins its shift.
         .shiftTooLong, .nightShiftTooLong:
        return true
    default:
        return false
    }
}

/// The first uncovered group row of the last planned week with a person who could come were
/// their last `days` (1 to 3) of the week before freed: next to their other rows of this week,
/// or else (`true`) with those given up. (Rests reach into a week's first days;
/// the weekends and nights counted over several weeks, and the average hours, into any day.)
private func nextRelief(_ planned: [PlannedWeek], of period: Scenario, skipping tried: inout Set<String>,
                        until deadline: Date) -> (UncoveredDemand, StaffID, Int, Bool)? {
    let index = planned.count - 1
    let current = planned[index].outcome.roster, previous = planned[index - 1].outcome.roster
    let earlier = planned[..<(index - 1)].map(\.outcome.roster)
    let thisWeek = planned[index].scenario
    let rows = current.uncovered.filter { $0.activity == .group && $0.interval != nil }.sorted()
    for row in rows {
        let people = Set(row.reason.causes.filter { cause in
            mayLookBack(cause.violation, capped: cause.people.contains { (thisWeek.staff[$0]?.maxHours ?? 0) < (period.staff[$0]?.maxHours ?? 0) })
        }.flatMap(\.people)).sorted()
        for person in people {
            guard Date() < deadline else { return nil }
            let key = "\(row.location?.rawValue ?? "")|\(row.interval?.start ?? 0)|\(row.ref)|\(person)"
            guard tried.insert(key).inserted else { continue }
            for days in 1...3 {
                let freed = Roster(assignments: previous.assignments.filter { $0.staff != person || !touchesLastDays($0, days) },
                                   uncovered: previous.uncovered, responsibilities: previous.responsibilities)
                let week = PlanningPeriod.week(index, of: period, after: earlier + [freed])
                if PeriodRelief.mayTake(row, person: person, in: week, roster: current) { return (row, person, days, false) }
                // Or with their own week planned anew around it (its other rows go to whoever may take them).
                if PeriodRelief.mayTake(row, person: person, in: week, roster: without(person, current)) { return (row, person, days, true) }
            }
        }
    }
    return nil
}

/// The roster without `person`'s rows.
private func without(_ person: StaffID, _ roster: Roster) -> Roster {
    Roster(assignments: roster.assignments.filter { $0.staff != person }, uncovered: roster.uncovered,
           responsibilities: roster.responsibilities)
}

/// A row on one of a week's last `days` days (a night into that day included).
private func touchesLastDays(_ row: RosterAssignment, _ days: Int) -> Bool {
    row.interval.end > (7 - days) * 1440
}

/// How planning two weeks again around a freed person ended.
private enum Relief {
    case kept(PlannedWeek, PlannedWeek)
    case failed(String)
}

/// The two weeks planned again around the freed person; failed (why) when that leaves no fewer
/// hours uncovered, or a week cannot be planned or checked.
private func relieved(_ planned: [PlannedWeek], of period: Scenario, row: UncoveredDemand, person: StaffID, days: Int, anew: Bool,
                      options: PlanningOptions, seconds: Double) -> Relief {
    let index = planned.count - 1
    let previous = planned[index - 1], current = planned[index]
    let earlier = planned[..<(index - 1)].map(\.outcome.roster)
    // The week before, with the person off on its last days: all else it had stands (pinned).
    let freedDates = Set(((7 - days)..<7).map { previous.scenario.week.monday.adding(days: $0) })
    var kept = previous.scenario
    kept.staff[person]?.absent.formUnion(freedDates)
    var first = options
    first.pinned = Roster(assignments: Replanning.stillAllowed(previous.outcome.roster, in: kept).kept, uncovered: [],
                          responsibilities: previous.outcome.roster.responsibilities)
    first.timeLimitSeconds = seconds
    first.startedAt = Date()
    first.progress = nil
    guard let replanned = try? planAndCheck(kept, options: first) else { return .failed("the week before could not be planned so") }
    let when = "\(current.scenario.week.date(atMinute: row.interval?.start ?? 0)) \(ClockTime.text(row.interval?.start ?? 0))"
    let before = trulyExplained(replanned, freeing: person, on: freedDates, for: when)
    // This week after it: the person at the row, and what still keeps the rules under the new
    // history stands (the person's other rows too, unless their week is planned anew).
    let week = PlanningPeriod.week(index, of: period, after: earlier + [before.roster])
    guard let taken = PeriodRelief.assignment(row, person: person, in: week) else { return .failed("not a group row") }
    var second = options
    let stands = PeriodRelief.stillKept(anew ? without(person, current.outcome.roster) : current.outcome.roster, in: week)
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

/// The re-planned week's shortfall reasons as the period has them: the person was not absent on
/// the freed days but kept rested for their work on `when` in the next week.
private func trulyExplained(_ outcome: PlanOutcome, freeing person: StaffID, on dates: Set<CivilDate>, for when: String) -> PlanOutcome {
    let uncovered = outcome.roster.uncovered.map { row -> UncoveredDemand in
        var causes: [StaffID: RuleViolation] = [:]
        var changed = false
        for cause in row.reason.causes {
            for id in cause.people {
                if id == person, case let .absent(date) = cause.violation, dates.contains(date) {
                    causes[id] = .restBeforeLaterWork(when)
                    changed = true
                } else {
                    causes[id] = cause.violation
                }
            }
        }
        guard changed else { return row }
        let reason = ShortfallReason(summary: row.reason.summary, qualified: row.reason.qualified, causes: ShortfallReason.grouped(causes),
                                     namesEveryone: row.reason.namesEveryone)
        return UncoveredDemand(interval: row.interval, activity: row.activity, location: row.location, client: row.client, product: row.product,
                               need: row.need, kind: row.kind, hours: row.hours, reason: reason, ref: row.ref, clientsPresent: row.clientsPresent)
    }
    let roster = Roster(assignments: outcome.roster.assignments, uncovered: uncovered, responsibilities: outcome.roster.responsibilities)
    return PlanOutcome(roster: roster, capacity: outcome.capacity, summary: outcome.summary, parts: outcome.parts, hires: outcome.hires,
                       sessions: outcome.sessions)
}
