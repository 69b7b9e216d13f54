import CareDomain

/// Whether a person may be placed in a session at all, and if not, why: the hard per-person rules
/// that need no decision (location, availability, absence, a session longer than any shift).
enum Eligibility: Equatable {
    case eligible
    case notAtLocation
    case absent(CivilDate)
    case unavailable
    /// The session alone is longer than the rule (shift, night shift or sleeping duty length) allows.
    case longerThanShift(RuleViolation)
    case noTimeToTravelFromHome
    /// The session alone, after the work of the history, breaks a rule that looks back.
    case afterHistory(RuleViolation)
    /// The law or an agreement protects the person from it (a minor at night, an older worker's night).
    case protected(Protection)

    var sentence: String {
        switch self {
        case .eligible: "free"
        case .notAtLocation: "does not work at this location"
        case let .absent(date): "absent on \(date)"
        case .unavailable: "not available at this time"
        case let .longerThanShift(violation): violation.sentence
        case .noTimeToTravelFromHome: "cannot travel from home and back within their available hours"
        case let .afterHistory(violation): "\(violation.sentence), after the work before this week"
        case let .protected(protection): protection.sentence
        }
    }
}

struct StaffCalendar {
    let staff: Staff
    /// Availability as disjoint intervals, repeated a week before and after so nights wrap.
    let availableIntervals: [WeekInterval]?

    init(staff: Staff) {
        self.staff = staff
        availableIntervals = staff.available.map { $0.flatMap(\.wrappedIntervals).merged }
    }

    /// The stretches of one day this person can work: availability (or the whole day), none when absent.
    func workableTime(on day: Weekday, week: PlanningWeek) -> [WeekInterval] {
        if staff.absent.contains(week.date(of: day)) { return [] }
        let whole = [WeekInterval(start: day.rawValue * 1440, end: (day.rawValue + 1) * 1440)]
        return availableIntervals.map { whole.intersected(with: $0) } ?? whole
    }

    /// The availability stretch holding `interval`, if availability is given.
    func availabilityStretch(holding interval: WeekInterval) -> WeekInterval? {
        availableIntervals?.first { $0.contains(interval) }
    }

    func eligibility(for session: GroupSession, in scenario: Scenario) -> Eligibility {
        let week = scenario.week, rules = scenario.labourRules
        guard staff.mayWork(at: session.location) else { return .notAtLocation }
        if let protection = staff.protection(against: session.interval, kind: session.kind, in: week, rules: rules) { return .protected(protection) }
        let firstDay = week.date(atMinute: session.interval.start)
        let lastDay = week.date(atMinute: session.interval.end - 1)
        var day = firstDay
        while day <= lastDay {
            if staff.absent.contains(day) { return .absent(day) }
            day = day.adding(days: 1)
        }
        if let availableIntervals, !availableIntervals.contains(where: { $0.contains(session.interval) }) {
            return .unavailable
        }
        // A planner-side simplification: a session must leave room to come from home and go back
        // inside the same availability stretch, as if it were the only work in it.
        if session.kind != .onCall, let home = staff.homeArea, let area = scenario.locations[session.location]?.travelArea,
           let stretch = availabilityStretch(holding: session.interval),
           session.interval.start - stretch.start < scenario.travel.minutes(from: home, to: area)
            || stretch.end - session.interval.end < scenario.travel.minutes(from: area, to: home) {
            return .noTimeToTravelFromHome
        }
        let isNight = session.kind != .sleep && session.interval.minutesBetweenMidnightAndSix > LabourRules.nightShiftThresholdMinutes
        let longest = session.kind == .sleep ? DutyKind.longestSleepDutyMinutes : isNight ? rules.longestNightShiftMinutes : rules.maxShiftMinutes
        // Sleep duties by their span, other shifts by their working time (breaks out).
        let length = session.kind == .sleep ? session.interval.minutes
            : WorkingTime.minutes(alone: WorkPiece(session.interval), rules: rules)
        if session.kind != .onCall, length > longest {
            let hours = Double(longest) / 60
            return .longerThanShift(session.kind == .sleep ? .sleepDutyTooLong : isNight ? .nightShiftTooLong(limitHours: hours) : .shiftTooLong(limitHours: hours))
        }
        if scenario.history.priorWork[staff.id] != nil, let violation = WorkingWeek.violationAfterHistory(
            TimedWork(interval: session.interval, area: scenario.locations[session.location]?.travelArea, isSleep: session.kind == .sleep,
                      isGroupSession: true, isOnCall: session.kind == .onCall), staff: staff, scenario: scenario) {
            return .afterHistory(violation)
        }
        return .eligible
    }
}
