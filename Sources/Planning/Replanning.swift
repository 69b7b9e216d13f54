import CareDomain

/// Re-planning after a change (a sick call): which assignments of the earlier roster still
/// stand, and what changed between two rosters.
public enum Replanning {
    /// An earlier assignment the scenario no longer allows, with the reason.
    public struct Dropped: Sendable {
        public let assignment: RosterAssignment
        public let reason: RuleViolation
    }

    /// The rows of `roster` the scenario still allows on their own (the person exists, is not
    /// absent on any date the row touches, and may still work the group session), and the rest
    /// with the reason. Rows are judged one by one: dropping some never makes others illegal.
    public static func stillAllowed(_ roster: Roster, in scenario: Scenario) -> (kept: [RosterAssignment], dropped: [Dropped]) {
        let sessions = Dictionary(scenario.groupSessions.map { ("\($0.location)|\($0.interval.start)|\($0.slot.name)", $0) },
                                  uniquingKeysWith: { first, _ in first })
        var kept: [RosterAssignment] = [], dropped: [Dropped] = []
        for row in roster.assignments {
            guard let person = scenario.staff[row.staff] else {
                dropped.append(Dropped(assignment: row, reason: .notAtLocation))
                continue
            }
            var reason: RuleViolation? = nil
            var date = scenario.week.date(atMinute: row.interval.start)
            while reason == nil, date <= scenario.week.date(atMinute: row.interval.end - 1) {
                if person.absent.contains(date) { reason = .absent(date) }
                date = date.adding(days: 1)
            }
            if reason == nil, row.activity == .group, let location = row.location {
                if let session = sessions["\(location)|\(row.interval.start)|\(row.ref)"] {
                    reason = RuleViolation(StaffCalendar(staff: person).eligibility(for: session, in: scenario))
                } else {
                    reason = .notAtLocation
                }
            }
            if let reason { dropped.append(Dropped(assignment: row, reason: reason)) } else { kept.append(row) }
        }
        return (kept, dropped)
    }

    /// What differs between two rosters, person by person and time by time.
    public static func changes(from old: Roster, to new: Roster) -> [RosterChange] {
        func key(_ row: RosterAssignment) -> String { "\(row.staff)|\(row.interval.start)|\(row.interval.end)" }
        func describe(_ row: RosterAssignment) -> String {
            // A visit by its client, not its number: numbers follow time order and shift when
            // an earlier visit moves, though this one stays.
            let what = row.activity == .visit || row.activity == .evaluation ? row.clients.first?.rawValue : (row.ref.isEmpty ? nil : row.ref)
            return [row.activity.rawValue, row.location?.rawValue, what].compactMap { $0 }.joined(separator: " ")
        }
        let before = Dictionary(grouping: old.assignments, by: key).mapValues { Set($0.map(describe)) }
        let after = Dictionary(grouping: new.assignments, by: key).mapValues { Set($0.map(describe)) }
        var rows: [String: RosterAssignment] = [:]
        for row in old.assignments + new.assignments where rows[key(row)] == nil { rows[key(row)] = row }
        var changes: [RosterChange] = []
        for slot in Set(before.keys).union(after.keys) {
            let was = (before[slot] ?? []).sorted().joined(separator: "; ")
            let now = (after[slot] ?? []).sorted().joined(separator: "; ")
            guard was != now, let row = rows[slot] else { continue }
            let client = row.activity == .visit || row.activity == .evaluation ? row.clients.first : nil
            changes.append(RosterChange(interval: row.interval, staff: row.staff, before: was, after: now, client: client))
        }
        // Clients of the group sessions: who is present where, before and after. A client no
        // longer at a session, or newly at one, is a row of their own (the planner phones them,
        // and their transport).
        func present(_ roster: Roster) -> [String: (row: RosterAssignment, clients: Set<ClientID>)] {
            var found: [String: (row: RosterAssignment, clients: Set<ClientID>)] = [:]
            for row in roster.assignments where row.activity == .group {
                let key = "\(row.location?.rawValue ?? "")|\(row.interval.start)|\(row.ref)"
                found[key, default: (row, [])].clients.formUnion(row.clients)
            }
            return found
        }
        let was = present(old), now = present(new)
        for key in Set(was.keys).union(now.keys) {
            let before = was[key]?.clients ?? [], after = now[key]?.clients ?? []
            guard let row = was[key]?.row ?? now[key]?.row else { continue }
            let place = ["group", row.location?.rawValue, row.ref].compactMap { $0 }.joined(separator: " ")
            // A session nobody works now lists its clients nowhere: they are not moved, only
            // uncovered (uncovered.csv says so).
            for client in before.subtracting(after) where now[key] != nil {
                changes.append(RosterChange(interval: row.interval, staff: StaffID(""), before: place, after: "", client: client))
            }
            for client in after.subtracting(before) {
                changes.append(RosterChange(interval: row.interval, staff: StaffID(""), before: "", after: place, client: client))
            }
        }
        return changes.sorted()
    }
}
