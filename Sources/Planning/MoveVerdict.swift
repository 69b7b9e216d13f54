import CareDomain

/// A planner's move judged at once, before the drop (the board's verdict), without deriving
/// the whole roster: each person the move touches asked of the oracle on their new week (the
/// calendar first: location, availability, absence), each session it touches asked of the
/// session rules before and after, and where the move leaves a session short while someone free
/// could take the place, that said (the checker's maximality, for those sessions). The figures
/// follow from those sessions and people alone. The board derives the whole roster (the
/// independent checker included) only when a move is made.
public struct MoveJudgement: Sendable {
    /// The rules the move breaks.
    public var problems: [MoveProblem] = []
    public var coverage: Double
    public var assignedHours: Double
    public var uncoveredHours: Double
    /// The week's demand and shortfall hours as its coverage weighs them, before and after (a
    /// period's coverage is the weeks' together).
    public var demandBefore: Double
    public var shortBefore: Double
    public var demandAfter: Double
    public var shortAfter: Double
}

/// What a week's verdicts read again and again, made once per week (its sessions by place and
/// time, what each asks, a roster row as the oracle sees it).
public struct MoveContext: Sendable {
    let sessions: [String: GroupSession]
    let demands: [GroupSessionID: SessionDemand]
    let work: @Sendable (RosterAssignment) -> TimedWork

    public init(_ scenario: Scenario) {
        sessions = Dictionary(scenario.groupSessions.map { (MoveVerdict.key($0.location, $0.interval, $0.slot.name), $0) }, uniquingKeysWith: { first, _ in first })
        demands = Dictionary(SessionDemand.build(for: scenario).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        work = Replanning.timedWork(in: scenario)
    }
}

public enum MoveVerdict {
    /// The move from `before` to `after` (the week's roster, `outcome` its derived files) in
    /// `scenario`; `context` made once for the week (`MoveContext(scenario)`).
    public static func judge(from before: Roster, to after: Roster, outcome: PlanOutcome, in scenario: Scenario,
                             context: MoveContext? = nil) -> MoveJudgement {
        let context = context ?? MoveContext(scenario)
        let old = Set(before.assignments), new = Set(after.assignments)
        let added = after.assignments.filter { !old.contains($0) }
        let removed = before.assignments.filter { !new.contains($0) }
        let changed = added + removed
        let sessions = context.sessions
        let work = context.work
        // Client work: who may do it, when, how often, an appointment's roles.
        var (problems, named) = ClientWorkMove.problems(added: added, removed: removed, before: before, after: after, scenario: scenario, work: work)
        // People: the calendar, then the oracle on the whole new week.
        let coordination = after.coordinationMinutes
        for id in Set(changed.map(\.staff)).sorted() {
            guard let person = scenario.staff[id] else { continue }
            let mine = after.assignments.filter { $0.staff == id }
            var broken = named.contains(id)
            for row in added where row.staff == id && row.activity == .group {
                guard let location = row.location, let session = sessions[key(location, row.interval, row.ref)] else { continue }
                if let ineligible = RuleViolation(StaffCalendar(staff: person).eligibility(for: session, in: scenario)) {
                    problems.append(.person(id, at: session.description, ineligible))
                    broken = true
                }
            }
            if !broken, !mine.isEmpty,
               let violation = WorkingWeek(staff: person, scenario: scenario).violation(mine.map(work), coordinationMinutes: coordination[id] ?? 0) {
                problems.append(.person(id, at: nil, violation))
            }
        }
        // Sessions: what each asks and lacks before and after, as the capacity table counts it.
        let demands = context.demands
        var demandDelta = 0.0, shortDelta = 0.0
        var touched: [GroupSession] = []
        for row in changed where row.activity == .group {
            guard let location = row.location, let session = sessions[key(location, row.interval, row.ref)],
                  !touched.contains(session) else { continue }
            touched.append(session)
        }
        for session in touched.sorted() {
            guard let demand = demands[session.id] else { continue }
            let then = figures(of: demand, rows: before, in: scenario)
            let now = figures(of: demand, rows: after, in: scenario)
            demandDelta += now.demand - then.demand
            shortDelta += now.short - then.short
            // Left shorter than before while someone free could take the place: the move breaks maximality.
            guard now.short > then.short + 1e-9 else { continue }
            let needs = now.needs
            if let free = SessionCandidates.firstFree(for: session, roster: after, scenario: scenario, work: work,
                                                      qualifies: { person in needs.contains { $0.isMet(by: person) } }) {
                problems.append(.leftShort(session.description, lacking: needs.map { $0.text(in: .en) }.joined(separator: ", "),
                                           ontbreekt: needs.map { $0.text(in: .nl) }.joined(separator: ", "), free: free))
            }
        }
        // Client work placed or taken away: its hours left short, or no longer.
        let clientHours = { (rows: [RosterAssignment]) in rows.filter { $0.activity != .group }.reduce(0.0) { $0 + $1.interval.hours } }
        shortDelta -= clientHours(added) - clientHours(removed)
        // The week's figures moved by those sessions and the rows themselves.
        let summary = outcome.summary
        let (total, short) = demand(of: outcome)
        let (totalAfter, shortAfter) = (total + demandDelta, short + shortDelta)
        return MoveJudgement(problems: problems, coverage: totalAfter > 0 ? (totalAfter - shortAfter) / totalAfter : 1,
                             assignedHours: summary.assignedHours + added.reduce(0.0) { $0 + $1.interval.hours } - removed.reduce(0.0) { $0 + $1.interval.hours },
                             uncoveredHours: max(0, summary.uncoveredHours + shortDelta),
                             demandBefore: total, shortBefore: short, demandAfter: totalAfter, shortAfter: shortAfter)
    }

    /// A week's demand hours and shortfall hours as its coverage weighs them (`RunSummary.coverage`:
    /// the capacity rows' demand and shortfall, unplanned attendance, client work done and short).
    public static func demand(of outcome: PlanOutcome) -> (total: Double, short: Double) {
        let clientKinds: Set<UncoveredKind> = [.visit, .evaluation, .appointment, .unplanned, .attendance]
        let otherShort = outcome.roster.uncovered.filter { clientKinds.contains($0.kind) }.reduce(0.0) { $0 + $1.hours }
        let clientDone = outcome.roster.assignments.filter { $0.activity != .group }.reduce(0.0) { $0 + $1.interval.hours }
        let staffDemand = outcome.capacity.reduce(0.0) { $0 + $1.demandHours }
        let staffShort = outcome.capacity.reduce(0.0) { $0 + $1.uncoveredHours }
        return (staffDemand + otherShort + clientDone, staffShort + otherShort)
    }

    static func key(_ location: LocationID, _ interval: WeekInterval, _ name: String) -> String { "\(location)|\(interval.start)|\(name)" }

    /// A session's demand and shortfall hours with `roster`'s rows there (the capacity table's
    /// reading: counted professionals asked up to those present, plus what is missing; a lead or
    /// a skill, its hours), and what it lacks.
    static func figures(of demand: SessionDemand, rows roster: Roster, in scenario: Scenario) -> (demand: Double, short: Double, needs: [GroupNeed]) {
        let here = roster.assignments.filter { row in
            row.activity == .group && row.location == demand.session.location && row.interval == demand.session.interval && row.ref == demand.session.slot.name
        }
        let listed = Set(here.flatMap(\.clients))
        let present = listed.isEmpty ? demand.fixedClients : listed.compactMap { scenario.clients[$0] }.sorted { $0.id < $1.id }
        let people = here.compactMap { scenario.staff[$0.staff] }
        var total = 0.0, short = 0.0
        var needs: [GroupNeed] = []
        for requirement in demand.requirements(present: present, products: scenario.products) {
            let met = people.filter(requirement.need.isMet(by:)).count
            let missing = max(0, requirement.count - met)
            if case .professionals = requirement.need {
                total += Double(min(met, requirement.count) + missing) * demand.hours
            } else {
                total += demand.hours
            }
            short += Double(missing) * demand.hours
            if let lacking = requirement.shortfall(with: people) { needs.append(lacking) }
        }
        return (total, short, needs)
    }
}

/// What a move breaks: a person's rule (at the session they were put on, or in their week), or a
/// session left short while someone free could take the place (maximality).
public enum MoveProblem: Sendable, Hashable {
    case person(StaffID, at: String?, RuleViolation)
    /// The session, what it lacks in English and in Dutch, and someone free to take it.
    case leftShort(String, lacking: String, ontbreekt: String, free: StaffID)
    /// An appointment left with some of its people: `seated` of `roles`.
    case appointmentIncomplete(String, seated: Int, roles: Int)

    public func text(in language: ReportLanguage) -> String {
        switch self {
        case let .person(id, session, violation):
            return "\(id)\(session.map { " \(language == .nl ? "bij" : "at") \($0)" } ?? ""): \(violation.sentence(in: language))"
        case let .leftShort(session, lacking, ontbreekt, free):
            return language == .nl
                ? "\(session) komt tekort (\(ontbreekt)) terwijl \(free) vrij is: een vrije, gekwalificeerde medewerker kan de plek nemen"
                : "\(session) is left short (\(lacking)) while \(free) is free: a free, qualified person could take the place"
        case let .appointmentIncomplete(id, seated, roles):
            return language == .nl
                ? "\(id) houdt \(seated) mensen voor \(roles) rollen, niet elk in een rol: zet iemand in de open rol, of haal iedereen eraf (dan wordt het als niet gedekt gemeld)"
                : "\(id) keeps \(seated) people for \(roles) roles, not one in each: put someone in the open role, or take everyone off (it is then reported uncovered)"
        }
    }
}

extension GroupNeed {
    /// The need in a planner's words.
    func text(in language: ReportLanguage) -> String {
        let nl = language == .nl
        switch self {
        case let .professionals(count, level, disciplines):
            let holding = disciplines.isEmpty ? "" : (nl ? " met " : " with ") + disciplines.sorted().joined(separator: ", ")
            return nl ? "\(count) getelde professional\(count == 1 ? "" : "s") (\(level.orHigher(in: .nl))\(holding))"
                : "\(count) counted professional\(count == 1 ? "" : "s") (\(level.orHigher)\(holding))"
        case let .lead(level): return nl ? "een professional van \(level.orHigher(in: .nl)) voor de eindverantwoordelijkheid" : "a professional of \(level.orHigher) for end responsibility"
        case let .skill(skill, _, _): return nl ? "iemand met \(skill)" : "someone with \(skill)"
        }
    }
}
