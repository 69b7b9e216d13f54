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

    /// What a re-plan keeps of `earlier` after a change to the scenario: the rows still allowed
    /// one by one, then those each person's week can keep together (`keptTogether`), with the
    /// earlier responsibilities; and every row let go, with its reason. The command line, a
    /// period's weeks and the planning board's sick call all start a re-plan from this.
    public static func kept(_ earlier: Roster, in scenario: Scenario) -> (kept: Roster, dropped: [Dropped]) {
        let (allowed, lost) = stillAllowed(earlier, in: scenario)
        let (kept, alsoLost) = keptTogether(Array(Set(allowed)).sorted(), in: scenario)
        return (Roster(assignments: kept, uncovered: [], responsibilities: earlier.responsibilities), lost + alsoLost)
    }

    /// Of rows each allowed on its own (`stillAllowed`), those each person's week can keep
    /// together, and the rest with the rule that dropped them. An absence can break a rule of
    /// the week around it (a lone day off between working days, where days off come two
    /// together): then the fewest rows are let go, those nearest the person's absence first, so
    /// the re-plan changes what the absence asks and no more (it had planned the week afresh).
    /// A roster row as the oracle sees it (a group session with its kind and label).
    static func timedWork(in scenario: Scenario) -> @Sendable (RosterAssignment) -> TimedWork {
        let sessions = Dictionary(scenario.groupSessions.map { ("\($0.location)|\($0.interval.start)|\($0.slot.name)", $0) },
                                  uniquingKeysWith: { first, _ in first })
        return { row in
            var item = TimedWork(kept: row, in: scenario)
            if row.activity == .group, let location = row.location, let session = sessions["\(location)|\(row.interval.start)|\(row.ref)"] {
                item.label = session.description
                item.isSleep = session.kind == .sleep
                item.sleepInFull = session.sleepCountsInFull
                item.isGroupSession = true
                item.isOnCall = session.kind == .onCall
            }
            return item
        }
    }

    public static func keptTogether(_ rows: [RosterAssignment], in scenario: Scenario) -> (kept: [RosterAssignment], dropped: [Dropped]) {
        let work = timedWork(in: scenario)
        var kept: [RosterAssignment] = [], dropped: [Dropped] = []
        let byPerson = Dictionary(grouping: rows, by: \.staff)
        for staffID in byPerson.keys.sorted() {
            var mine = byPerson[staffID]!.sorted()
            guard let person = scenario.staff[staffID] else { kept += mine; continue }
            let oracle = WorkingWeek(staff: person, scenario: scenario)
            func broken(_ rows: [RosterAssignment]) -> RuleViolation? { oracle.violation(rows.map(work), coordinationMinutes: 0) }
            // Nearest the absence first: the minutes from a row to the closest absent day.
            let absentStarts = person.absent.map { scenario.week.startMinute(of: $0) }
            func distance(_ row: RosterAssignment) -> Int {
                absentStarts.map { start in
                    row.interval.end <= start ? start - row.interval.end : max(0, row.interval.start - (start + PlanningWeek.minutesPerDay))
                }.min() ?? Int.max
            }
            while let reason = broken(mine) {
                let order = mine.indices.sorted { (distance(mine[$0]), mine[$0]) < (distance(mine[$1]), mine[$1]) }
                // One row whose going mends the week, else the nearest, and look again.
                let mending = order.first { index in broken(mine.enumerated().filter { $0.offset != index }.map(\.element)) == nil }
                let index = mending ?? order[0]
                dropped.append(Dropped(assignment: mine[index], reason: reason))
                mine.remove(at: index)
            }
            kept += mine
        }
        return (kept.sorted(), dropped)
    }

    /// The group rows of `roster` that are not among `kept` and meet no need of their session
    /// (ratio, `min_staff`, lead, a client's skill): a re-plan fills what the absence left short
    /// and adds no one beside it. Taken out one at a time, each judged with the others already out.
    public static func surplusAdditions(in roster: Roster, kept: [RosterAssignment], scenario: Scenario) -> [RosterAssignment] {
        let demands = SessionDemand.build(for: scenario).filter(\.isActive)
        var week = GroupWeek.seeded(from: roster, scenario: scenario, demands: demands, staff: scenario.sortedStaff)
        let work = timedWork(in: scenario)
        var rowsOf = Dictionary(grouping: roster.assignments, by: \.staff)
        let coordination = roster.coordinationMinutes
        let keptKeys = Set(kept.filter { $0.activity == .group }.map { "\($0.staff)|\($0.interval.start)|\($0.location?.rawValue ?? "")|\($0.ref)" })
        var surplus: [RosterAssignment] = []
        for (index, demand) in demands.enumerated() {
            let session = demand.session
            for person in week.workers[index] where !person.isVolunteer {
                guard !keptKeys.contains("\(person.id)|\(session.interval.start)|\(session.location.rawValue)|\(session.slot.name)") else { continue }
                let needs = week.needs(in: index)
                guard week.needs(in: index, with: week.workers[index].filter { $0.id != person.id }) == needs,
                      let row = roster.assignments.first(where: { $0.staff == person.id && $0.activity == .group && $0.interval == session.interval
                          && $0.location == session.location && $0.ref == session.slot.name }) else { continue }
                // Their week without it must keep every rule (a gap can make a split shift or a lone day off).
                let rest = (rowsOf[person.id] ?? []).filter { $0 != row }
                guard WorkingWeek(staff: person, scenario: scenario).violation(rest.map(work), coordinationMinutes: coordination[person.id] ?? 0) == nil else { continue }
                week.remove(person.id, from: index)
                rowsOf[person.id] = rest
                surplus.append(row)
            }
        }
        return surplus
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
