import CareDomain

/// "Who can take this?": for one group session of a roster's week, every professional who may
/// work at its location, with the rule that keeps each out (none: free, and breaking no rule by
/// coming), as the planning board asks it. The oracle (`WorkingWeek`) judges each person's week
/// with the session added, so the verdict is the one the planner would get.
public struct SessionCandidate: Sendable, Hashable {
    public let staff: StaffID
    /// Nil: the person may take it.
    public let verdict: RuleViolation?
    /// Contract hours left this week after the roster's (negative: above contract).
    public let hoursLeft: Double
    /// What an hour of them costs beyond contract: their hourly cost where they are paid per
    /// hour or above their contract, else 0 (a salaried person's hours within contract are paid anyway).
    public let extraHourlyCost: Double
    /// Already works a session with these clients this week (the same faces).
    public let knowsClients: Bool
}

public enum SessionCandidates {
    /// The session at `location` named `name` on `date`, if the scenario's week holds it.
    public static func session(location: LocationID, date: CivilDate, name: String, in scenario: Scenario) -> GroupSession? {
        scenario.groupSessions.first { $0.location == location && $0.slot.name == name && scenario.week.date(atMinute: $0.interval.start) == date }
    }

    /// The first professional (in id order) who meets `qualifies`, may work at the session's
    /// location and could come without breaking a rule: the question a move's verdict asks of a
    /// place it leaves short, answered without ranking everyone.
    static func firstFree(for session: GroupSession, roster: Roster, scenario: Scenario, work: (RosterAssignment) -> TimedWork,
                          qualifies: (Staff) -> Bool) -> StaffID? {
        let here = Set(roster.assignments.filter { $0.activity == .group && $0.location == session.location && $0.interval == session.interval
            && $0.ref == session.slot.name }.map(\.staff))
        let piece = work(RosterAssignment(staff: StaffID(""), activity: .group, interval: session.interval, location: session.location, area: nil,
                                          clients: [], products: [], role: .professional, ref: session.slot.name))
        var rowsOf: [StaffID: [RosterAssignment]]? = nil
        var coordination: [StaffID: Int]? = nil
        for person in scenario.sortedStaff where !person.isVolunteer && !person.isHire && !here.contains(person.id) && qualifies(person)
            && person.mayWork(at: session.location) && StaffCalendar(staff: person).eligibility(for: session, in: scenario) == .eligible {
            // The roster's rows by person are made once, and only when someone gets this far.
            if rowsOf == nil {
                rowsOf = Dictionary(grouping: roster.assignments, by: \.staff)
                coordination = Dictionary(grouping: roster.responsibilities, by: \.staff).mapValues { $0.reduce(0) { $0 + $1.coordinationMinutes } }
            }
            let mine = (rowsOf?[person.id] ?? []).map(work)
            if WorkingWeek(staff: person, scenario: scenario).violation(mine + [piece], coordinationMinutes: coordination?[person.id] ?? 0) == nil {
                return person.id
            }
        }
        return nil
    }

    /// The professionals who may work at the session's location, ranked: those who may take
    /// it first (knowing the clients, most contract hours left, cheapest extra hour), then the
    /// others with their reason.
    public static func rank(for session: GroupSession, roster: Roster, scenario: Scenario) -> [SessionCandidate] {
        let work = Replanning.timedWork(in: scenario)
        let rowsOf = Dictionary(grouping: roster.assignments, by: \.staff)
        let coordination = Dictionary(grouping: roster.responsibilities, by: \.staff).mapValues { $0.reduce(0) { $0 + $1.coordinationMinutes } }
        let here = roster.assignments.filter { $0.activity == .group && $0.location == session.location && $0.interval == session.interval && $0.ref == session.slot.name }
        let clients = Set(here.flatMap(\.clients))
        let piece = work(RosterAssignment(staff: StaffID(""), activity: .group, interval: session.interval, location: session.location, area: nil,
                                          clients: [], products: [], role: .professional, ref: session.slot.name))
        let rules = scenario.labourRules
        var found: [SessionCandidate] = []
        for person in scenario.sortedStaff where !person.isVolunteer && !person.isHire && person.mayWork(at: session.location) {
            let mine = rowsOf[person.id] ?? []
            let timed = mine.map(work)
            let worked = Double(WorkingTime.minutes(timed.map { WorkPiece($0.interval, isSleep: $0.isSleep, breakCovered: $0.breakCovered, sleepInFull: $0.sleepInFull) },
                                                    rules: rules)) / 60
            let verdict: RuleViolation?
            if here.contains(where: { $0.staff == person.id }) {
                verdict = .alreadyThere
            } else if let ineligible = RuleViolation(StaffCalendar(staff: person).eligibility(for: session, in: scenario)) {
                verdict = ineligible
            } else {
                verdict = WorkingWeek(staff: person, scenario: scenario).violation(timed, adding: piece, coordinationMinutes: coordination[person.id] ?? 0)
            }
            let left = person.contractHours - worked
            let rate = person.hourlyCost ?? scenario.hourlyCost(of: person.level)
            let extra = person.isSalaried && left > 0 ? 0 : rate
            let knows = mine.contains { row in row.activity == .group && !clients.isDisjoint(with: row.clients) }
            found.append(SessionCandidate(staff: person.id, verdict: verdict, hoursLeft: left, extraHourlyCost: extra, knowsClients: knows))
        }
        return found.sorted { a, b in
            ((a.verdict == nil ? 0 : 1), a.knowsClients ? 0 : 1, -a.hoursLeft, a.extraHourlyCost, a.staff)
                < ((b.verdict == nil ? 0 : 1), b.knowsClients ? 0 : 1, -b.hoursLeft, b.extraHourlyCost, b.staff)
        }
    }
}
