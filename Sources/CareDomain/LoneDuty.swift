/// A lone duty: a session that never asks more than one person and has no other session at its
/// location at the same time (the one person in a house at night). Nobody relieves them, so a
/// break in it is no break: its time is working time, paid and counted (issue "Working Hours Act
/// to the letter"; ATW 5:4 asks a break be a real interruption of work). A shift with any other
/// work in it holds its break there.
///
/// Read from the scenario alone, so planner and checker agree before anyone is rostered: a
/// session is lone when `min_staff` and the ratio for every client who may attend ask at most
/// one professional. (The reader stores them in `Scenario.loneDutyKeys`.)
extension Scenario {
    /// The lone duties of the week, as "location|session|day" keys.
    public func loneDuties() -> Set<String> {
        guard labourRules.loneDutyBreaksAreWorkingTime else { return [] }
        let byLocation = Dictionary(grouping: clients.values.filter { $0.location != nil }, by: { $0.location! })
        let sessions = groupSessions
        let atLocation = Dictionary(grouping: sessions, by: \.location)
        var lone: Set<String> = []
        for session in sessions where session.kind != .onCall {
            let possible = (byLocation[session.location] ?? []).filter {
                $0.attends.contains(session.slot) || $0.attendsAny?.options.contains(session.slot) == true
            }
            // Σ 1/ratio over the clients who may come, at most 1; and min_staff at most 1.
            let share = possible.reduce(0.0) { $0 + 1 / Double(max(1, session.ratio ?? products[$1.product]?.ratio ?? 1)) }
            guard session.minStaff <= 1, share <= 1 + 1e-9 else { continue }
            let others = (atLocation[session.location] ?? []).contains { $0 != session && $0.kind != .onCall && $0.interval.overlaps(session.interval) }
            if !others { lone.insert(Self.loneKey(session.location, session.slot.name, day: session.slot.day)) }
        }
        return lone
    }

    public static func loneKey(_ location: LocationID, _ name: String, day: Weekday) -> String { "\(location)|\(name)|\(day.rawValue)" }

    /// Whether a roster row is a lone duty (given `loneDuties()`).
    public func isLone(_ row: RosterAssignment, in lone: Set<String>) -> Bool {
        guard row.activity == .group, let location = row.location, !lone.isEmpty,
              let day = Weekday(rawValue: ((row.interval.start / 1440) % 7 + 7) % 7) else { return false }
        return lone.contains(Self.loneKey(location, row.ref, day: day))
    }
}
