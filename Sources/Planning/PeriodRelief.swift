import CareDomain

/// Questions the period's planning asks the oracle across a week boundary. A period is planned
/// week after week, so a week's last days are planned before anyone knows what the next week
/// will miss; when a group row early in a week stays uncovered because a qualified person is
/// still resting from their work at the end of the week before (a series of nights, the rest
/// after a night), the week before is planned again with that person kept free at its end.
/// These are the oracle's answers that plan needs: who could come were their last days freed,
/// and which of a week's rows still stand after the week before it changed.
public enum PeriodRelief {
    /// Whether `person` could work the uncovered group row `row` of `week` (a week of a period,
    /// its history included) next to their rows in `roster`: eligible for the session and their
    /// week, with the row added, keeps every per-person rule.
    public static func mayTake(_ row: UncoveredDemand, person id: StaffID, in week: Scenario, roster: Roster) -> Bool {
        guard let person = week.staff[id], !person.isVolunteer, let session = session(of: row, in: week),
              let location = row.location, let interval = row.interval else { return false }
        guard StaffCalendar(staff: person).eligibility(for: session, in: week) == .eligible else { return false }
        let rows = roster.assignments.filter { $0.staff == id }
        if rows.contains(where: { $0.activity == .group && $0.location == location && $0.interval == interval && $0.ref == row.ref }) { return false }
        var work = rows.map { timed($0, in: week) }
        work.append(TimedWork(interval: interval, area: week.locations[location]?.travelArea,
                              label: "\(location) \(row.ref)", isSleep: session.kind == .sleep, sleepInFull: session.sleepCountsInFull, isGroupSession: true,
                              isOnCall: session.kind == .onCall))
        return WorkingWeek(staff: person, scenario: week).violation(work, coordinationMinutes: coordination(of: id, in: roster)) == nil
    }

    /// `person` at the uncovered group row `row` of `week`, as a roster row (to pin).
    public static func assignment(_ row: UncoveredDemand, person: StaffID, in week: Scenario) -> RosterAssignment? {
        guard row.activity == .group, let location = row.location, let interval = row.interval else { return nil }
        let products = Set(row.clientsPresent.compactMap { week.clients[$0]?.product }).sorted()
        return RosterAssignment(staff: person, activity: .group, interval: interval, location: location, area: week.locations[location]?.area,
                                clients: row.clientsPresent, products: products, role: .professional, ref: row.ref)
    }

    /// `week` with `person` unable to work from `minute` to its end: their availability cut
    /// there (a whole week, in day pieces, where they had none), so that planning the week again
    /// keeps them free at its end.
    public static func keptFree(_ id: StaffID, from minute: Int, in week: Scenario) -> Scenario {
        guard let person = week.staff[id] else { return week }
        let whole = [WeekInterval(start: 0, end: PlanningWeek.minutesPerWeek)]
        let time = (person.available.map { $0.flatMap(\.intervals).merged } ?? whole)
            .subtracting(WeekInterval(start: minute, end: 2 * PlanningWeek.minutesPerWeek))
        var windows: [RecurringWindow] = []
        for piece in time {
            for day in Weekday.allCases {
                let start = max(piece.start, day.rawValue * 1440), end = min(piece.end, (day.rawValue + 1) * 1440)
                if start < end { windows.append(RecurringWindow(days: [day], from: start - day.rawValue * 1440, to: end - day.rawValue * 1440)) }
            }
        }
        var kept = week
        kept.staff[id]?.available = windows
        return kept
    }

    /// What keeps `person` from the group row `row` of `week` by where and when they may work
    /// (location, absence, availability, shift length); nil when nothing does.
    public static func eligibilityCause(_ row: UncoveredDemand, person id: StaffID, in week: Scenario) -> RuleViolation? {
        guard let person = week.staff[id], let session = session(of: row, in: week) else { return .notAtLocation }
        return RuleViolation(StaffCalendar(staff: person).eligibility(for: session, in: week))
    }

    /// Whether `person`'s own availability (absences included) holds `interval` of `week`.
    public static func isAvailable(_ id: StaffID, during interval: WeekInterval, in week: Scenario) -> Bool {
        guard let person = week.staff[id] else { return false }
        var day = week.week.date(atMinute: interval.start)
        while day <= week.week.date(atMinute: interval.end - 1) {
            if person.absent.contains(day) { return false }
            day = day.adding(days: 1)
        }
        return StaffCalendar(staff: person).availableIntervals?.contains { $0.contains(interval) } ?? true
    }

    /// The rows of `roster` (planned for the same week under another history) whose person's
    /// week still keeps every per-person rule in `week`; a person whose week no longer does
    /// loses all their rows of that week's first three days, or all of them if that is not enough.
    public static func stillKept(_ roster: Roster, in week: Scenario) -> [RosterAssignment] {
        let byStaff = Dictionary(grouping: roster.assignments, by: \.staff)
        var kept: [RosterAssignment] = []
        for id in byStaff.keys.sorted() {
            let rows = byStaff[id]!
            guard let person = week.staff[id] else { continue }
            let oracle = WorkingWeek(staff: person, scenario: week)
            let minutes = coordination(of: id, in: roster)
            let early = 3 * 1440
            for candidate in [rows, rows.filter { $0.interval.start >= early }] {
                if oracle.violation(candidate.map { timed($0, in: week) }, coordinationMinutes: minutes) == nil {
                    kept += candidate
                    break
                }
            }
        }
        return kept
    }

    /// The group session an uncovered group row belongs to.
    private static func session(of row: UncoveredDemand, in week: Scenario) -> GroupSession? {
        guard row.activity == .group, let location = row.location, let interval = row.interval else { return nil }
        return week.groupSessions.first { $0.location == location && $0.interval == interval && $0.slot.name == row.ref }
    }

    private static func timed(_ row: RosterAssignment, in week: Scenario) -> TimedWork {
        let kind = week.dutyKind(of: row)
        var work = TimedWork(kept: row, in: week)
        work.isSleep = kind == .sleep
        work.sleepInFull = row.activity == .group && week.sleepCountsInFull(at: row.location, named: row.ref)
        work.isOnCall = kind == .onCall
        work.isGroupSession = row.activity == .group
        return work
    }

    private static func coordination(of id: StaffID, in roster: Roster) -> Int {
        roster.responsibilities.filter { $0.staff == id }.reduce(0) { $0 + $1.coordinationMinutes }
    }
}
