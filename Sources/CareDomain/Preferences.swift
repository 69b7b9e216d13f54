/// The soft side of a roster (SCENARIO.md 1.1): which wishes it meets, how evenly it spreads
/// weekends, nights and evenings, and whom each client sees. Pure evaluation of a roster, shared
/// by the planner's score, the output files and the report.

/// What a roster makes of one wish on one date.
public struct WishResult: Sendable, Hashable {
    public let staff: StaffID
    public let date: CivilDate
    public let wish: StaffWish
    public let met: Bool
}

/// Kinds of work spread evenly under `settings.fairness`.
public enum FairnessMeasure: String, Sendable, Hashable, CaseIterable {
    /// Sessions on a Saturday or Sunday.
    case weekends
    /// Night sessions (more than an hour between 00:00 and 06:00, sleeping shifts excluded).
    case nights
    /// Evening sessions: ending after 20:00 (or at midnight) and no night.
    case evenings
    /// Sleeping shifts (`kind: sleep`): the nights of a home whose nights are slept through,
    /// which `nights` leaves out (no night work in the Act's sense).
    case sleepingNights = "sleeping_nights"

    /// Whether a session counts for this measure.
    public func counts(_ session: GroupSession) -> Bool {
        let night = session.kind != .sleep && session.interval.minutesBetweenMidnightAndSix > LabourRules.nightShiftThresholdMinutes
        switch self {
        case .weekends: return session.interval.touchedDays.contains { $0 == 5 || $0 == 6 }
        case .nights: return night
        case .sleepingNights: return session.kind == .sleep
        case .evenings:
            let endOfDay = ((session.interval.end % 1440) + 1440) % 1440
            return !night && (endOfDay > 20 * 60 || endOfDay == 0)
        }
    }
}

/// One person's count of a fairness measure against the fair share of it.
public struct FairShare: Sendable, Hashable {
    public let staff: StaffID
    public let count: Double
    public let share: Double
    public var deviation: Double { abs(count - share) }
}

public enum RosterPreferences {
    /// Each wish on each date of the week it applies to, met or not.
    public static func wishes(_ scenario: Scenario, roster: Roster) -> [WishResult] {
        let byStaff = Dictionary(grouping: roster.assignments, by: \.staff)
        var results: [WishResult] = []
        for person in scenario.sortedStaff {
            let rows = byStaff[person.id] ?? []
            for wish in person.wishes {
                switch wish.kind {
                case let .dayOff(date):
                    let day = scenario.week.startMinute(of: date) / 1440
                    guard (0..<7).contains(day), scenario.week.startMinute(of: date) >= 0 else { continue }
                    let worked = rows.contains { $0.interval.touchedDays.contains(day) }
                    results.append(WishResult(staff: person.id, date: date, wish: wish, met: !worked))
                case let .avoid(session, days), let .prefer(session, days):
                    let avoid = if case .avoid = wish.kind { true } else { false }
                    for day in days {
                        let onDay = rows.filter { $0.activity == .group && scenario.week.date(atMinute: $0.interval.start).weekday == day }
                        let met = avoid ? !onDay.contains { $0.ref == session } : onDay.allSatisfy { $0.ref == session }
                        results.append(WishResult(staff: person.id, date: scenario.week.date(of: day), wish: wish, met: met))
                    }
                }
            }
        }
        return results
    }

    /// Per measure of `settings.fairness`, each counted person's count and fair share: the
    /// total over the people who could take such work, divided in proportion to contract hours.
    public static func fairness(_ scenario: Scenario, roster: Roster, among staff: [Staff]? = nil) -> [FairnessMeasure: [FairShare]] {
        var result: [FairnessMeasure: [FairShare]] = [:]
        let sessions = Dictionary(scenario.groupSessions.map { ("\($0.location)|\($0.interval.start)|\($0.slot.name)", $0) }, uniquingKeysWith: { a, _ in a })
        for measure in scenario.settings.fairness.sorted(by: { $0.rawValue < $1.rawValue }) {
            var counts: [StaffID: Double] = [:]
            for (staff, rows) in Dictionary(grouping: roster.assignments.filter { $0.activity == .group }, by: \.staff) {
                counts[staff] = Double(rows.filter { row in
                    sessions["\(row.location?.rawValue ?? "")|\(row.interval.start)|\(row.ref)"].map(measure.counts) ?? false
                }.count)
            }
            let among = staff.map { Set($0.map(\.id)) }
            let people = fairnessPeople(scenario, measure: measure).filter { among?.contains($0.id) ?? true }
            let contract = people.reduce(0) { $0 + $1.contractHours }
            let total = people.reduce(0.0) { $0 + (counts[$1.id] ?? 0) }
            result[measure] = people.map { person in
                FairShare(staff: person.id, count: counts[person.id] ?? 0, share: contract > 0 ? total * person.contractHours / contract : 0)
            }
        }
        return result
    }

    /// Adds a week's counts and fair shares to a period's running tally.
    public static func addFairness(of roster: Roster, in scenario: Scenario, to totals: inout [FairnessMeasure: [StaffID: FairTally]]) {
        for (measure, shares) in fairness(scenario, roster: roster) {
            for share in shares {
                totals[measure, default: [:]][share.staff, default: FairTally()].count += share.count
                totals[measure, default: [:]][share.staff, default: FairTally()].share += share.share
            }
        }
    }

    /// The people a fairness measure is spread over: professionals with contract hours who may
    /// work some session of that kind at all (location and availability).
    public static func fairnessPeople(_ scenario: Scenario, measure: FairnessMeasure) -> [Staff] {
        let sessions = scenario.groupSessions.filter(measure.counts)
        return scenario.sortedStaff.filter { person in
            !person.isVolunteer && !person.isHire && person.contractHours > 0 && sessions.contains { session in
                person.mayWork(at: session.location) && (person.available.map { windows in
                    windows.flatMap(\.wrappedIntervals).contains { $0.contains(session.interval) }
                } ?? true)
            }
        }
    }

    /// Per client with group sessions, the different people who worked their sessions.
    public static func facesPerClient(_ roster: Roster) -> [ClientID: Set<StaffID>] {
        var faces: [ClientID: Set<StaffID>] = [:]
        for row in roster.assignments where row.activity == .group && row.role == .professional {
            for client in row.clients { faces[client, default: []].insert(row.staff) }
        }
        return faces
    }
}
