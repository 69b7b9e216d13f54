import CareDomain

/// Whether a person may be placed in a session at all, and if not, why: the hard per-person rules
/// that need no decision (location, availability, absence, a session longer than any shift).
enum Eligibility: Equatable {
    case eligible
    case notAtLocation
    case absent(CivilDate)
    case unavailable
    case longerThanShift

    var sentence: String {
        switch self {
        case .eligible: "free"
        case .notAtLocation: "does not work at this location"
        case let .absent(date): "absent on \(date)"
        case .unavailable: "not available at this time"
        case .longerThanShift: "the session is longer than a shift may be"
        }
    }
}

struct StaffCalendar {
    let staff: Staff
    /// Availability as disjoint intervals, repeated a week before and after so nights wrap.
    let availableIntervals: [WeekInterval]?

    init(staff: Staff) {
        self.staff = staff
        availableIntervals = staff.available.map { windows in
            windows.flatMap(\.intervals).flatMap { interval in
                [-PlanningWeek.minutesPerWeek, 0, PlanningWeek.minutesPerWeek].map {
                    WeekInterval(start: interval.start + $0, end: interval.end + $0)
                }
            }.merged
        }
    }

    func eligibility(for session: GroupSession, week: PlanningWeek, rules: LabourRules) -> Eligibility {
        guard staff.mayWork(at: session.location) else { return .notAtLocation }
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
        let isNight = session.interval.minutesBetweenMidnightAndSix > LabourRules.nightShiftThresholdMinutes
        if session.interval.minutes > (isNight ? rules.maxNightShiftMinutes : rules.maxShiftMinutes) {
            return .longerThanShift
        }
        return .eligible
    }
}
