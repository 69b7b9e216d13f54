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
    /// For open client work asked without a time: the first start (minutes from the week's
    /// Monday) at which the person could do it.
    public var start: Int? = nil
}

public enum SessionCandidates {
    /// The session at `location` named `name` on `date`, if the scenario's week holds it.
    public static func session(location: LocationID, date: CivilDate, name: String, in scenario: Scenario) -> GroupSession? {
        scenario.groupSessions.first { $0.location == location && $0.slot.name == name && scenario.week.date(atMinute: $0.interval.start) == date }
    }

    /// The first professional (in id order) who meets `qualifies`, may work at the session's
    /// location and could come without breaking a rule: the question a move's verdict asks of a
    /// place it leaves short, answered without ranking everyone.
    static func firstFree(for session: GroupSession, roster: Roster, scenario: Scenario, work: @escaping (RosterAssignment) -> TimedWork,
                          qualifies: (Staff) -> Bool) -> StaffID? {
        let here = Set(roster.assignments.filter { $0.activity == .group && $0.location == session.location && $0.interval == session.interval
            && $0.ref == session.slot.name }.map(\.staff))
        let piece = work(RosterAssignment(staff: StaffID(""), activity: .group, interval: session.interval, location: session.location, area: nil,
                                          clients: [], products: [], role: .professional, ref: session.slot.name))
        let weeks = FreeToTake(roster, in: scenario, work: work)
        return scenario.sortedStaff.first { person in
            !person.isVolunteer && !person.isHire && !here.contains(person.id) && qualifies(person) && person.mayWork(at: session.location)
                && StaffCalendar(staff: person).eligibility(for: session, in: scenario) == .eligible && weeks.keepsEveryRule(person, adding: piece)
        }?.id
    }

    /// The professionals who may work at the session's location, ranked: those who may take
    /// it first (knowing the clients, most contract hours left, cheapest extra hour), then the
    /// others with their reason.
    /// Where the session is short, someone who meets none of what it lacks is no candidate for
    /// the open place (they may still come, as surplus). `context`: the week's, if made.
    public static func rank(for session: GroupSession, roster: Roster, scenario: Scenario, context: MoveContext? = nil) -> [SessionCandidate] {
        let demand = context?.demands[session.id] ?? SessionDemand.build(for: scenario).first { $0.id == session.id }
        let lacking = demand.map { MoveVerdict.figures(of: $0, rows: roster, in: scenario).needs } ?? []
        let short = lacking.isEmpty ? nil : RuleViolation.meetsNoNeed(lacking: lacking.map { $0.text(in: .en) }.joined(separator: ", "),
                                                                        ontbreekt: lacking.map { $0.text(in: .nl) }.joined(separator: ", "))
        let work = Replanning.timedWork(in: scenario)
        let rowsOf = Dictionary(grouping: roster.assignments, by: \.staff)
        let coordination = roster.coordinationMinutes
        let here = roster.assignments.filter { $0.activity == .group && $0.location == session.location && $0.interval == session.interval && $0.ref == session.slot.name }
        let clients = Set(here.flatMap(\.clients))
        let piece = work(RosterAssignment(staff: StaffID(""), activity: .group, interval: session.interval, location: session.location, area: nil,
                                          clients: [], products: [], role: .professional, ref: session.slot.name))
        let rules = scenario.labourRules
        var found: [SessionCandidate] = []
        for person in scenario.sortedStaff where !person.isVolunteer && !person.isHire && person.mayWork(at: session.location) {
            let mine = rowsOf[person.id] ?? []
            let timed = mine.map(work)
            let worked = hours(of: timed, rules: rules)
            let verdict: RuleViolation?
            if here.contains(where: { $0.staff == person.id }) {
                verdict = .alreadyThere
            } else if let short, !lacking.contains(where: { $0.isMet(by: person) }) {
                verdict = short
            } else if let ineligible = RuleViolation(StaffCalendar(staff: person).eligibility(for: session, in: scenario)) {
                verdict = ineligible
            } else {
                verdict = WorkingWeek(staff: person, scenario: scenario).violation(timed, adding: piece, coordinationMinutes: coordination[person.id] ?? 0)
            }
            let (left, extra) = standing(person, worked: worked, in: scenario)
            let knows = mine.contains { row in row.activity == .group && !clients.isDisjoint(with: row.clients) }
            found.append(SessionCandidate(staff: person.id, verdict: verdict, hoursLeft: left, extraHourlyCost: extra, knowsClients: knows))
        }
        return ranked(found)
    }

    /// Those who may take it first (knowing the clients, most contract hours left, cheapest extra hour), then the others.
    static func ranked(_ found: [SessionCandidate]) -> [SessionCandidate] {
        found.sorted { a, b in
            ((a.verdict == nil ? 0 : 1), a.knowsClients ? 0 : 1, -a.hoursLeft, a.extraHourlyCost, a.staff)
                < ((b.verdict == nil ? 0 : 1), b.knowsClients ? 0 : 1, -b.hoursLeft, b.extraHourlyCost, b.staff)
        }
    }

    /// A week's working hours as the contract counts them.
    static func hours(of work: [TimedWork], rules: LabourRules) -> Double {
        Double(WorkingTime.minutes(work.map { WorkPiece($0.interval, isSleep: $0.isSleep, breakCovered: $0.breakCovered, sleepInFull: $0.sleepInFull) },
                                   rules: rules)) / 60
    }

    /// Contract hours left after `worked` hours, and what an hour more costs beyond contract.
    static func standing(_ person: Staff, worked: Double, in scenario: Scenario) -> (left: Double, extra: Double) {
        let left = person.contractHours - worked
        let rate = person.hourlyCost ?? scenario.hourlyCost(of: person.level)
        return (left, person.isSalaried && left > 0 ? 0 : rate)
    }

    /// "Who can take this?" for client work: `work`, a visit, evaluation or appointment seat at
    /// its time (`ClientWorkMove.row`; its person is whoever holds it now, if anyone). Every
    /// professional, ranked, each with the rule that keeps them out: the client work's own rules
    /// (`ClientWorkMove`, with the holder's row left out), then their week with it (the oracle).
    /// `anyTime`: a visit or evaluation asked without a time; each person at the first start of
    /// the week that keeps every rule (`start`), else with the rule at the first start they could
    /// try.
    public static func rank(forWork work: RosterAssignment, roster: Roster, scenario: Scenario, anyTime: Bool = false) -> [SessionCandidate] {
        let timed = Replanning.timedWork(in: scenario)
        let holders = roster.assignments.filter { $0.activity == work.activity && $0.interval == work.interval && $0.ref == work.ref }
        let others = Roster(assignments: roster.assignments.filter { row in !holders.contains(row) || row.activity == .appointment },
                            uncovered: [], responsibilities: roster.responsibilities)
        let rowsOf = Dictionary(grouping: others.assignments, by: \.staff)
        let coordination = roster.coordinationMinutes
        let clients = Set(work.clients)
        // When the client can have it, the same for everyone (an open visit's search).
        let windows = anyTime ? ClientWorkMove.windows(of: work, in: scenario) ?? [] : []
        var found: [SessionCandidate] = []
        for person in scenario.sortedStaff where !person.isVolunteer && !person.isHire {
            let mine = rowsOf[person.id] ?? []
            let oracle = WorkingWeek(staff: person, scenario: scenario)
            // The rule the person breaks doing the work from `start` (nil: none).
            func verdict(from start: Int) -> RuleViolation? {
                let piece = work.handed(to: person.id, at: WeekInterval(start: start, end: start + work.interval.minutes))
                return ClientWorkMove.rule(piece, person: person, on: others, scenario: scenario)
                    ?? oracle.violation(mine.map(timed), adding: timed(piece), coordinationMinutes: coordination[person.id] ?? 0)
            }
            var broken: RuleViolation? = nil
            var start: Int? = nil
            if holders.contains(where: { $0.staff == person.id }) {
                broken = .alreadyThere
            } else if anyTime {
                // No time helps someone the work's level, skills or place rule out.
                if let who = ClientWorkMove.who(work, person: person, responsible: ClientWorkMove.responsible(of: work, in: others), scenario: scenario) {
                    broken = who
                } else {
                    let starts = ClientWorkMove.starts(minutes: work.interval.minutes, within: windows, person: person, in: scenario)
                    start = starts.first { verdict(from: $0) == nil }
                    // No start at all: never available when the client can have it.
                    if start == nil { broken = starts.first.flatMap(verdict(from:)) ?? .unavailable }
                }
            } else {
                broken = verdict(from: work.interval.start)
            }
            let (left, extra) = standing(person, worked: hours(of: mine.map(timed), rules: scenario.labourRules), in: scenario)
            let knows = mine.contains { !clients.isDisjoint(with: $0.clients) }
            var candidate = SessionCandidate(staff: person.id, verdict: broken, hoursLeft: left, extraHourlyCost: extra, knowsClients: knows)
            candidate.start = start
            found.append(candidate)
        }
        return ranked(found)
    }
}
