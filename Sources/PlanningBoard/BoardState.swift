import CareDomain
import Foundation
import Planning
import Reporting
import ZorgroosterRun

/// One place on the board: a person in a group session (`staff_id`, `date`, `location`, `session`).
public struct BoardSlot: Codable, Sendable, Hashable {
    public let staffId: String
    public let date: String
    public let location: String
    public let session: String

    enum CodingKeys: String, CodingKey { case staffId = "staff_id", date, location, session }
}

/// A move the planner proposes: people taken off sessions and put on others (a swap is both).
public struct BoardMove: Codable, Sendable {
    public var add: [BoardSlot] = []
    public var remove: [BoardSlot] = []
    /// Apply even where a rule forbids it (the roster then fails `check` until fixed).
    public var force: Bool? = nil

    public init(add: [BoardSlot] = [], remove: [BoardSlot] = [], force: Bool? = nil) {
        self.add = add
        self.remove = remove
        self.force = force
    }

    /// Either list may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        add = try container.decodeIfPresent([BoardSlot].self, forKey: .add) ?? []
        remove = try container.decodeIfPresent([BoardSlot].self, forKey: .remove) ?? []
        force = try container.decodeIfPresent(Bool.self, forKey: .force)
    }

    enum CodingKeys: String, CodingKey { case add, remove, force }
}

/// The rules' verdict on a move, and what it does to coverage, hours and money.
public struct BoardVerdict: Codable, Sendable {
    public let allowed: Bool
    /// Each broken rule, or what the move leaves undone, in the board's language.
    public let problems: [String]
    public let coverageBefore: Double
    public let coverageAfter: Double?
    public let assignedHoursBefore: Double
    public let assignedHoursAfter: Double?
    public let extraSpendBefore: Double
    public let extraSpendAfter: Double?
    public var applied = false

    enum CodingKeys: String, CodingKey {
        case allowed, problems, applied
        case coverageBefore = "coverage_before", coverageAfter = "coverage_after"
        case assignedHoursBefore = "assigned_hours_before", assignedHoursAfter = "assigned_hours_after"
        case extraSpendBefore = "extra_spend_before", extraSpendAfter = "extra_spend_after"
    }
}

/// The board's figures of the roster it shows.
public struct BoardFigures: Codable, Sendable {
    public let coverage: Double
    public let assignedHours: Double
    public let uncoveredHours: Double
    public let payroll: Double
    public let extraSpend: Double

    enum CodingKeys: String, CodingKey {
        case coverage, payroll
        case assignedHours = "assigned_hours", uncoveredHours = "uncovered_hours", extraSpend = "extra_spend"
    }
}

/// A row of the roster as the API gives it (the columns of roster.csv that place it).
public struct BoardRow: Codable, Sendable, Hashable {
    public let date: String
    public let start: String
    public let end: String
    public let staffId: String
    public let activity: String
    public let location: String
    public let ref: String
    public let clients: [String]

    enum CodingKeys: String, CodingKey { case date, start, end, activity, location, ref, clients, staffId = "staff_id" }
}

/// An uncovered need as the API gives it, with its reason in the board's language.
public struct BoardShortfall: Codable, Sendable {
    public let date: String
    public let start: String
    public let end: String
    public let location: String
    public let ref: String
    public let need: String
    public let hours: Double
    public let reason: String
}

public struct BoardRoster: Codable, Sendable {
    public let week: String
    public let version: Int
    public let passesCheck: Bool
    public let problems: [String]
    public let figures: BoardFigures
    public let rows: [BoardRow]
    public let uncovered: [BoardShortfall]

    enum CodingKeys: String, CodingKey { case week, version, figures, rows, uncovered, problems, passesCheck = "passes_check" }
}

/// A person who could take an open place, with why not where they cannot.
public struct BoardCandidate: Codable, Sendable {
    public let staffId: String
    public let name: String
    public let mayTake: Bool
    public let reason: String?
    public let hoursLeft: Double
    public let extraHourlyCost: Double
    public let knowsClients: Bool

    enum CodingKeys: String, CodingKey {
        case name, reason
        case staffId = "staff_id", mayTake = "may_take", hoursLeft = "hours_left", extraHourlyCost = "extra_hourly_cost", knowsClients = "knows_clients"
    }
}

/// The roster on the board: the draft the planner moves people in, its figures derived the way
/// `render` derives a folder's (kept exactly as it is, judged by the independent checker).
public actor BoardState {
    /// The week as planned, with the absences the board was told of since.
    public private(set) var scenario: Scenario
    public let language: ReportLanguage
    private(set) var draft: Roster
    private(set) var outcome: PlanOutcome?
    private(set) var problems: [String] = []
    private(set) var version = 1
    /// The roster last published (at first, the folder's).
    private var published: Roster
    /// The proposal waiting for accept or reject: its number, outcome and week.
    private var pending: (id: Int, outcome: PlanOutcome, scenario: Scenario)? = nil
    private var proposalCount = 0

    /// `roster`: the roster to start from (a solved folder's). One-week scenarios.
    public init(scenario: Scenario, roster: Roster, language: ReportLanguage) {
        self.scenario = scenario
        self.language = language
        self.draft = roster
        self.published = roster
        let (outcome, problems) = Self.derive(roster, in: scenario)
        self.outcome = outcome
        self.problems = problems
    }

    /// The draft's files and figures as `render` makes them, or the problems that stop it.
    static func derive(_ roster: Roster, in scenario: Scenario) -> (PlanOutcome?, [String]) {
        var options = PlanningOptions(timeLimitSeconds: 20, relativeGap: 0.01)
        options.asWritten = roster
        options.analyseHires = false
        do {
            return (try planAndCheck(scenario, options: options), [])
        } catch {
            // The rules and rows named; not the command line's framing (files, `render`).
            return (nil, error.lines.filter { !$0.hasPrefix("The edited roster cannot be written") && !$0.hasPrefix("Correct roster.csv") })
        }
    }

    func figures(of outcome: PlanOutcome?, in scenario: Scenario? = nil) -> BoardFigures? {
        guard let outcome else { return nil }
        let pay = PayrollSummary.totals(PayrollSummary.people([(outcome.roster, scenario ?? self.scenario)]))
        return BoardFigures(coverage: outcome.summary.coverage, assignedHours: outcome.summary.assignedHours,
                            uncoveredHours: outcome.summary.uncoveredHours, payroll: pay.payroll, extraSpend: pay.extraSpend)
    }

    public func roster() -> BoardRoster {
        let week = scenario.week
        let rows = draft.assignments.sorted().map { row in
            BoardRow(date: week.date(atMinute: row.interval.start).description, start: ClockTime.text(row.interval.start), end: ClockTime.text(row.interval.end),
                     staffId: row.staff.rawValue, activity: row.activity.rawValue, location: row.location?.rawValue ?? "", ref: row.ref,
                     clients: row.clients.map(\.rawValue))
        }
        let names = StaffNames(scenario)
        let shortfalls = (outcome?.roster.uncovered ?? []).sorted().map { row in
            BoardShortfall(date: row.interval.map { week.date(atMinute: $0.start).description } ?? "",
                           start: row.interval.map { ClockTime.text($0.start) } ?? "", end: row.interval.map { ClockTime.text($0.end) } ?? "",
                           location: row.location?.rawValue ?? "", ref: row.ref, need: row.need.text(in: language),
                           hours: row.hours, reason: row.reason.text(in: language, names: names))
        }
        let empty = BoardFigures(coverage: 0, assignedHours: 0, uncoveredHours: 0, payroll: 0, extraSpend: 0)
        return BoardRoster(week: week.description, version: version, passesCheck: problems.isEmpty,
                           problems: problems.map { MessageLanguage.localized($0, in: language) },
                           figures: figures(of: outcome) ?? empty, rows: rows, uncovered: shortfalls)
    }

    /// The verdict of `move` on the draft; applied to it when allowed, or forced.
    public func judge(_ move: BoardMove, apply: Bool) throws(BoardError) -> BoardVerdict {
        let moved = try self.moved(move)
        let (after, problems) = Self.derive(moved, in: scenario)
        let before = figures(of: outcome)
        let now = figures(of: after)
        var verdict = BoardVerdict(allowed: problems.isEmpty, problems: problems.map { MessageLanguage.localized($0, in: language) },
                                   coverageBefore: before?.coverage ?? 0, coverageAfter: now?.coverage,
                                   assignedHoursBefore: before?.assignedHours ?? 0, assignedHoursAfter: now?.assignedHours,
                                   extraSpendBefore: before?.extraSpend ?? 0, extraSpendAfter: now?.extraSpend)
        if apply, problems.isEmpty || move.force == true {
            draft = moved
            outcome = after ?? outcome
            self.problems = problems
            version += 1
            verdict.applied = true
        }
        return verdict
    }

    /// Who could take a place in a session, ranked, each with why not where they cannot.
    public func candidates(location: String, date: String, session: String) throws(BoardError) -> [BoardCandidate] {
        guard let day = CivilDate(iso: date),
              let found = SessionCandidates.session(location: LocationID(location), date: day, name: session, in: scenario) else {
            throw BoardError.unknownSession("\(location) \(date) \(session)")
        }
        return SessionCandidates.rank(for: found, roster: draft, scenario: scenario).map { candidate in
            BoardCandidate(staffId: candidate.staff.rawValue, name: scenario.staff[candidate.staff]?.name ?? candidate.staff.rawValue,
                           mayTake: candidate.verdict == nil, reason: candidate.verdict?.sentence(in: language),
                           hoursLeft: (candidate.hoursLeft * 100).rounded() / 100, extraHourlyCost: candidate.extraHourlyCost,
                           knowsClients: candidate.knowsClients)
        }
    }

    /// The outcome to publish (the draft's files) and the roster published before it (whose
    /// calendar events the new ones follow), when the draft passes the checker.
    public func publishable() throws(BoardError) -> (outcome: PlanOutcome, previous: Roster) {
        guard problems.isEmpty, let outcome else { throw BoardError.failsCheck(problems) }
        return (outcome, published)
    }

    /// The draft was published: the next publish's calendars follow it.
    public func markPublished() { published = draft }

    /// Rows that differ between the draft and the last published roster.
    public func changesSincePublished() -> Int { Replanning.changes(from: published, to: draft).count }

    /// The draft with `move` applied: rows taken off, then group rows added for the sessions named.
    func moved(_ move: BoardMove) throws(BoardError) -> Roster {
        var rows = draft.assignments
        for slot in move.remove {
            let before = rows.count
            rows.removeAll { row in
                row.staff.rawValue == slot.staffId && row.location?.rawValue == slot.location && row.ref == slot.session
                    && scenario.week.date(atMinute: row.interval.start).description == slot.date
            }
            if rows.count == before { throw BoardError.noSuchRow("\(slot.staffId) \(slot.date) \(slot.location) \(slot.session)") }
        }
        for slot in move.add {
            guard scenario.staff[StaffID(slot.staffId)] != nil else { throw BoardError.unknownStaff(slot.staffId) }
            guard let day = CivilDate(iso: slot.date),
                  let session = SessionCandidates.session(location: LocationID(slot.location), date: day, name: slot.session, in: scenario) else {
                throw BoardError.unknownSession("\(slot.location) \(slot.date) \(slot.session)")
            }
            // The session's clients as its rows listed them before the move, else those who
            // attend it (the render derives them anew; the checker reads them as written).
            let same = { (row: RosterAssignment) in
                row.activity == .group && row.location == session.location && row.interval == session.interval && row.ref == session.slot.name
            }
            let attending = scenario.clients.values.filter { $0.location == session.location && $0.attends.contains(session.slot) }
                .sorted { $0.id < $1.id }
            let here = (rows.first(where: same) ?? draft.assignments.first(where: same))
            let clients = here?.clients ?? attending.map(\.id)
            let products = here?.products ?? Array(Set(attending.map(\.product))).sorted()
            rows.append(RosterAssignment(staff: StaffID(slot.staffId), activity: .group, interval: session.interval, location: session.location,
                                         area: nil, clients: clients, products: products, role: .professional, ref: session.slot.name))
        }
        return Roster(assignments: rows, uncovered: [], responsibilities: draft.responsibilities)
    }

    /// The board's page: the report of the draft, with the board's own panel.
    public func page(in asked: ReportLanguage? = nil) -> String {
        let language = asked ?? self.language
        guard let outcome else {
            return BoardPage.problemsOnly(problems.map { MessageLanguage.localized($0, in: language) }, language: language, title: scenario.name)
        }
        var summary = outcome.summary
        summary.pay = PayrollSummary.totals(PayrollSummary.people([(outcome.roster, scenario)]))
        let report = RosterReport.html(scenario: scenario, roster: outcome.roster, summary: summary, hires: outcome.hires,
                                       language: language, sessions: outcome.sessions)
        let said = problems.map { MessageLanguage.localized($0, in: language) }
        return report.replacingOccurrences(of: "<body>", with: "<body>\n" + BoardPage.panel(language: language, version: version, problems: said))
    }
}

/// One row of a proposal's differences (as `changes.csv` has them).
public struct BoardChange: Codable, Sendable {
    public let date: String
    public let start: String
    public let end: String
    public let staffId: String
    public let before: String
    public let after: String
    public let clientId: String

    enum CodingKeys: String, CodingKey { case date, start, end, before, after, staffId = "staff_id", clientId = "client_id" }
}

/// A re-plan the board proposes (after a sick call, or a re-solve around locked rows), to accept or reject.
public struct BoardProposal: Codable, Sendable {
    public let id: Int
    public let what: String
    public let changes: [BoardChange]
    public let figures: BoardFigures

    public init(id: Int, what: String, changes: [BoardChange], figures: BoardFigures) {
        self.id = id
        self.what = what
        self.changes = changes
        self.figures = figures
    }
}

extension BoardState {
    /// A sick call: `staff` absent on `date`. Every row still allowed is kept (the fewest let go
    /// where the absence breaks a rule of the week around it); what it leaves short is filled by
    /// free, qualified people, adding no one beside it: `replan`'s engine, proposed, not made.
    public func proposeAbsence(staff: String, date: String, seconds: Double) throws(BoardError) -> BoardProposal {
        guard let day = CivilDate(iso: date), scenario.week.monday <= day, day <= scenario.week.monday.adding(days: 6) else {
            throw BoardError.unknownSession("date \(date) of \(scenario.week)")
        }
        guard scenario.staff[StaffID(staff)] != nil else { throw BoardError.unknownStaff(staff) }
        var absentScenario = scenario
        absentScenario.staff[StaffID(staff)]?.absent.insert(day)
        var options = PlanningOptions(timeLimitSeconds: max(1, seconds), relativeGap: 0.01)
        options.pinned = Replanning.kept(draft, in: absentScenario).kept
        options.addsOnlyWhereShort = true
        let outcome: PlanOutcome
        do { outcome = try planAndCheck(absentScenario, options: options, keptMayMove: true) } catch {
            throw BoardError.failsCheck(error.lines)
        }
        return propose(outcome, in: absentScenario, what: language == .nl ? "\(staff) afwezig op \(date)" : "\(staff) absent on \(date)")
    }

    /// Re-solve the week around `locked` rows (each kept as it is) within `seconds`: proposed, not made.
    public func proposeResolve(locked: [BoardSlot], seconds: Double) throws(BoardError) -> BoardProposal {
        let keys = Set(locked.map { "\($0.staffId)|\($0.date)|\($0.location)|\($0.session)" })
        let kept = draft.assignments.filter { row in
            keys.contains("\(row.staff)|\(scenario.week.date(atMinute: row.interval.start))|\(row.location?.rawValue ?? "")|\(row.ref)")
        }
        guard kept.count == keys.count else { throw BoardError.noSuchRow(locked.map { "\($0.staffId) \($0.date) \($0.location) \($0.session)" }.joined(separator: ", ")) }
        var options = PlanningOptions(timeLimitSeconds: max(1, seconds), relativeGap: 0.01)
        options.pinned = Roster(assignments: kept, uncovered: [])
        let outcome: PlanOutcome
        do { outcome = try planAndCheck(scenario, options: options) } catch { throw BoardError.failsCheck(error.lines) }
        return propose(outcome, in: scenario, what: language == .nl ? "opnieuw gepland rond \(kept.count) vaste diensten" : "re-solved around \(kept.count) locked rows")
    }

    private func propose(_ outcome: PlanOutcome, in scenario: Scenario, what: String) -> BoardProposal {
        proposalCount += 1
        pending = (proposalCount, outcome, scenario)
        let week = scenario.week
        let changes = Replanning.changes(from: draft, to: outcome.roster).map { change in
            BoardChange(date: week.date(atMinute: change.interval.start).description, start: ClockTime.text(change.interval.start),
                        end: ClockTime.text(change.interval.end), staffId: change.staff.rawValue, before: change.before, after: change.after,
                        clientId: change.client?.rawValue ?? "")
        }
        let empty = BoardFigures(coverage: 0, assignedHours: 0, uncoveredHours: 0, payroll: 0, extraSpend: 0)
        return BoardProposal(id: proposalCount, what: what, changes: changes, figures: figures(of: outcome, in: scenario) ?? empty)
    }

    /// Accept the pending proposal `id`: it becomes the draft (and its absence the week's).
    public func accept(_ id: Int) throws(BoardError) -> BoardRoster {
        guard let pending, pending.id == id else { throw BoardError.noProposal(id) }
        scenario = pending.scenario
        draft = pending.outcome.roster
        outcome = pending.outcome
        problems = []
        version += 1
        self.pending = nil
        return roster()
    }

    /// Reject the pending proposal `id`: the draft stays as it was.
    public func reject(_ id: Int) throws(BoardError) {
        guard let pending, pending.id == id else { throw BoardError.noProposal(id) }
        self.pending = nil
    }
}

public enum BoardError: Error, Sendable, CustomStringConvertible {
    case unknownSession(String)
    case unknownStaff(String)
    case noSuchRow(String)
    case failsCheck([String])
    case noProposal(Int)

    public var description: String {
        switch self {
        case let .unknownSession(what): "no session `\(what)` in this week (location, date YYYY-MM-DD, session name)"
        case let .unknownStaff(id): "no staff member `\(id)`"
        case let .noSuchRow(what): "`\(what)` is not on the roster"
        case let .failsCheck(problems): "the draft breaks a rule; fix it before publishing: " + problems.joined(separator: " | ")
        case let .noProposal(id): "no proposal \(id) is waiting (accepted, rejected, or replaced by a newer one)"
        }
    }
}
