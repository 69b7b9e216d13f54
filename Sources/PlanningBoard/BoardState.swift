import CareDomain
import Foundation
import Optimization
import Planning
import Reporting
import ZorgroosterRun

/// One place on the board: a person in a group session (`staff_id`, `date`, `location`,
/// `session`), or in client work (`activity` `visit` or `evaluation` with `client` and `start`,
/// or `appointment` with `appointment` and `start`).
public struct BoardSlot: Codable, Sendable, Hashable {
    public let staffId: String
    public let date: String
    public let location: String
    public let session: String
    /// `group` (left out), `visit`, `evaluation` or `appointment`.
    public let activity: String?
    public let client: String?
    /// The appointment's id (its `ref` in roster.csv).
    public let appointment: String?
    /// "HH:MM": when the client work starts (a swap's added row may leave it out: the time of the
    /// row it takes over).
    public let start: String?

    public init(staffId: String, date: String, location: String = "", session: String = "", activity: String? = nil,
                client: String? = nil, appointment: String? = nil, start: String? = nil) {
        (self.staffId, self.date, self.location, self.session) = (staffId, date, location, session)
        (self.activity, self.client, self.appointment, self.start) = (activity, client, appointment, start)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        staffId = try container.decode(String.self, forKey: .staffId)
        date = try container.decode(String.self, forKey: .date)
        location = try container.decodeIfPresent(String.self, forKey: .location) ?? ""
        session = try container.decodeIfPresent(String.self, forKey: .session) ?? ""
        activity = try container.decodeIfPresent(String.self, forKey: .activity)
        client = try container.decodeIfPresent(String.self, forKey: .client)
        appointment = try container.decodeIfPresent(String.self, forKey: .appointment)
        start = try container.decodeIfPresent(String.self, forKey: .start)
    }

    /// The kind of work the slot names.
    var kind: Activity? { activity.map { Activity(rawValue: $0) } ?? .group }

    /// The slot in words, for an error.
    var text: String {
        switch kind {
        case .group: "\(location) \(date) \(session)"
        case .appointment: "\(staffId) \(appointment ?? "?") \(date) \(start ?? "")"
        default: "\(staffId) \(activity ?? "?") \(client ?? "?") \(date) \(start ?? "")"
        }
    }

    enum CodingKeys: String, CodingKey { case staffId = "staff_id", date, location, session, activity, client, appointment, start }
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
    /// The week, or the period's first and last weeks.
    public let week: String
    public let weeks: Int
    public let version: Int
    public let passesCheck: Bool
    public let problems: [String]
    public let figures: BoardFigures
    public let rows: [BoardRow]
    public let uncovered: [BoardShortfall]

    enum CodingKeys: String, CodingKey { case week, weeks, version, figures, rows, uncovered, problems, passesCheck = "passes_check" }
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
    /// For open client work asked without a time: when they could do it ("2026-03-17 13:00").
    public var start: String? = nil

    enum CodingKeys: String, CodingKey {
        case name, reason, start
        case staffId = "staff_id", mayTake = "may_take", hoursLeft = "hours_left", extraHourlyCost = "extra_hourly_cost", knowsClients = "knows_clients"
    }
}

/// The roster on the board: the draft the planner moves people in, week by week for a period
/// (1 to 8 weeks), its figures derived the way `render` derives a folder's (kept exactly as it
/// is, judged by the independent checker).
public actor BoardState {
    /// The plan (one week or a period), with the absences the board was told of since.
    public private(set) var scenario: Scenario
    public let language: ReportLanguage
    /// The draft, one roster per week (each in minutes from its own Monday).
    private(set) var drafts: [Roster]
    /// Each week as derived from the draft (its scenario with the weeks before as history, its
    /// files); nil where the draft breaks a rule (`problems`), the last derived kept meanwhile.
    private(set) var planned: [PlannedWeek]?
    private(set) var problems: [String] = []
    private(set) var version = 1
    /// The rosters last published (at first, the folder's).
    private var published: [Roster]
    /// The proposal waiting for accept or reject: its number, weeks and plan.
    private var pending: (id: Int, weeks: [PlannedWeek], scenario: Scenario)? = nil
    private var proposalCount = 0
    /// Per week, what its verdicts read again and again: its sessions, what each asks, rows as
    /// the oracle sees them (none depends on the roster or the history; made on the week's
    /// first move, again after a proposal is accepted).
    private var contexts: [Int: MoveContext] = [:]

    /// Week `index`'s move context.
    private func context(_ index: Int, for scenario: Scenario) -> MoveContext {
        if let made = contexts[index] { return made }
        let made = MoveContext(scenario)
        contexts[index] = made
        return made
    }

    /// Makes every week's move context now (else the week's first verdict makes it).
    public func prepareVerdicts() {
        for index in drafts.indices { _ = context(index, for: weekScenario(index)) }
    }

    /// `rosters`: the rosters to start from, one per week of the scenario (a solved folder's).
    public init(scenario: Scenario, rosters: [Roster], language: ReportLanguage) {
        self.scenario = scenario
        self.language = language
        self.drafts = rosters
        self.published = rosters
        let (planned, problems) = Self.derive(rosters, in: scenario)
        self.planned = planned
        self.problems = problems
    }

    /// The draft's weeks and files as `render` makes them, or the problems that stop it.
    static func derive(_ rosters: [Roster], in scenario: Scenario) -> ([PlannedWeek]?, [String]) {
        var options = PlanningOptions(timeLimitSeconds: 20, relativeGap: 0.01)
        options.analyseHires = false
        do {
            return (try planPeriod(scenario, options: options, asWritten: rosters), [])
        } catch {
            // The rules and rows named; not the command line's framing (files, `render`).
            return (nil, error.lines.filter { !$0.hasPrefix("The edited roster cannot be written") && !$0.hasPrefix("Correct roster.csv") })
        }
    }

    /// The weeks of the plan.
    public var weekCount: Int { drafts.count }

    /// Week `index`'s scenario: the derived one (history of the weeks before it included), else made anew.
    func weekScenario(_ index: Int) -> Scenario {
        planned?[index].scenario ?? PlanningPeriod.week(index, of: scenario, after: Array(drafts[..<index]))
    }

    /// The week a date falls in.
    func weekIndex(of date: CivilDate) -> Int? {
        (0..<drafts.count).first { index in
            let monday = scenario.week.adding(weeks: index).monday
            return monday <= date && date <= monday.adding(days: 6)
        }
    }

    func figures(of weeks: [PlannedWeek]?) -> BoardFigures? {
        guard let weeks, !weeks.isEmpty else { return nil }
        let summary = weeks.count == 1 ? weeks[0].outcome.summary : periodSummary(weeks).summary
        let pay = PayrollSummary.totals(PayrollSummary.people(weeks.map { ($0.outcome.roster, $0.scenario) }))
        return BoardFigures(coverage: summary.coverage, assignedHours: summary.assignedHours,
                            uncoveredHours: summary.uncoveredHours, payroll: pay.payroll, extraSpend: pay.extraSpend)
    }

    static let noFigures = BoardFigures(coverage: 0, assignedHours: 0, uncoveredHours: 0, payroll: 0, extraSpend: 0)

    public func roster() -> BoardRoster {
        var rows: [BoardRow] = []
        var shortfalls: [BoardShortfall] = []
        for (index, draft) in drafts.enumerated() {
            let week = scenario.week.adding(weeks: index)
            rows += draft.assignments.sorted().map { row in
                BoardRow(date: week.date(atMinute: row.interval.start).description, start: ClockTime.text(row.interval.start), end: ClockTime.text(row.interval.end),
                         staffId: row.staff.rawValue, activity: row.activity.rawValue, location: row.location?.rawValue ?? "", ref: row.ref,
                         clients: row.clients.map(\.rawValue))
            }
            guard let derived = planned?[index] else { continue }
            let names = StaffNames(derived.scenario)
            shortfalls += derived.outcome.roster.uncovered.sorted().map { row in
                BoardShortfall(date: row.interval.map { week.date(atMinute: $0.start).description } ?? "",
                               start: row.interval.map { ClockTime.text($0.start) } ?? "", end: row.interval.map { ClockTime.text($0.end) } ?? "",
                               location: row.location?.rawValue ?? "", ref: row.ref, need: row.need.text(in: language),
                               hours: row.hours, reason: row.reason.text(in: language, names: names))
            }
        }
        let last = scenario.week.adding(weeks: drafts.count - 1)
        return BoardRoster(week: drafts.count == 1 ? scenario.week.description : "\(scenario.week)–\(last)", weeks: drafts.count, version: version,
                           passesCheck: problems.isEmpty, problems: problems.map { MessageLanguage.localized($0, in: language) },
                           figures: figures(of: planned) ?? Self.noFigures, rows: rows, uncovered: shortfalls)
    }

    /// The verdict of `move` on the draft (at once: `MoveVerdict`, the move's people and
    /// sessions); made when allowed, or forced, after the whole roster is derived anew and
    /// passes the independent checker (a forced move is kept with what the checker says).
    public func judge(_ move: BoardMove, apply: Bool) throws(BoardError) -> BoardVerdict {
        let index = try week(of: move)
        let moved = try self.moved(move, week: index)
        let before = figures(of: planned)
        var problems: [String]
        var after: BoardFigures?
        if let derived = planned?[index] {
            let judged = MoveVerdict.judge(from: drafts[index], to: moved, outcome: derived.outcome, in: derived.scenario,
                                           context: context(index, for: derived.scenario))
            problems = judged.problems.map { $0.text(in: language) }
            // The move's people only: their pay over the period before and after.
            let people = Set((move.add + move.remove).map { StaffID($0.staffId) })
            var weeks = (planned ?? []).map { (roster: $0.outcome.roster, scenario: $0.scenario) }
            let spentBefore = PayrollSummary.totals(PayrollSummary.people(weeks).filter { people.contains($0.staff) }).extraSpend
            weeks[index].roster = moved
            let spentAfter = PayrollSummary.totals(PayrollSummary.people(weeks).filter { people.contains($0.staff) }).extraSpend
            let weekSummary = derived.outcome.summary
            // A period's coverage and hours move by the week's change: its demand and shortfall
            // with the other weeks' (each week's coverage weighed by its demand).
            let periodBefore = before ?? Self.noFigures
            let all = (planned ?? []).map { MoveVerdict.demand(of: $0.outcome) }
            let total = all.reduce(0) { $0 + $1.total }, short = all.reduce(0) { $0 + $1.short }
            let (totalAfter, shortAfter) = (total - judged.demandBefore + judged.demandAfter, short - judged.shortBefore + judged.shortAfter)
            let coverageShift = (totalAfter > 0 ? (totalAfter - shortAfter) / totalAfter : 1) - (total > 0 ? (total - short) / total : 1)
            after = BoardFigures(coverage: periodBefore.coverage + coverageShift,
                                 assignedHours: periodBefore.assignedHours + judged.assignedHours - weekSummary.assignedHours,
                                 uncoveredHours: periodBefore.uncoveredHours + judged.uncoveredHours - weekSummary.uncoveredHours,
                                 payroll: periodBefore.payroll, extraSpend: periodBefore.extraSpend + spentAfter - spentBefore)
        } else {
            // The draft breaks a rule already: the whole roster judged.
            var rosters = drafts
            rosters[index] = moved
            let (derived, found) = Self.derive(rosters, in: scenario)
            problems = found
            after = figures(of: derived)
        }
        var made = false
        var derivedWeeks: [PlannedWeek]? = nil
        if apply, problems.isEmpty || move.force == true {
            var rosters = drafts
            rosters[index] = moved
            let (derived, found) = Self.derive(rosters, in: scenario)
            // What the whole roster's check finds besides the move's own people and sessions.
            for problem in found where !problems.contains(problem) { problems.append(problem) }
            if found.isEmpty || move.force == true {
                drafts = rosters
                planned = derived ?? planned
                self.problems = found
                version += 1
                made = true
                derivedWeeks = derived
            }
        }
        if let derivedWeeks { after = figures(of: derivedWeeks) }
        var verdict = BoardVerdict(allowed: problems.isEmpty, problems: problems.map { MessageLanguage.localized($0, in: language) },
                                   coverageBefore: before?.coverage ?? 0, coverageAfter: after?.coverage,
                                   assignedHoursBefore: before?.assignedHours ?? 0, assignedHoursAfter: after?.assignedHours,
                                   extraSpendBefore: before?.extraSpend ?? 0, extraSpendAfter: after?.extraSpend)
        verdict.applied = made
        return verdict
    }

    /// The one week a move's places lie in.
    func week(of move: BoardMove) throws(BoardError) -> Int {
        var found: Set<Int> = []
        for slot in move.add + move.remove {
            guard let date = CivilDate(iso: slot.date), let index = weekIndex(of: date) else {
                throw BoardError.unknownSession(slot.text)
            }
            found.insert(index)
        }
        guard found.count <= 1 else { throw BoardError.acrossWeeks }
        return found.first ?? 0
    }

    /// Who could take a place in a session, ranked, each with why not where they cannot.
    public func candidates(location: String, date: String, session: String) throws(BoardError) -> [BoardCandidate] {
        guard let day = CivilDate(iso: date), let index = weekIndex(of: day) else { throw BoardError.unknownSession("\(location) \(date) \(session)") }
        let week = weekScenario(index)
        guard let found = SessionCandidates.session(location: LocationID(location), date: day, name: session, in: week) else {
            throw BoardError.unknownSession("\(location) \(date) \(session)")
        }
        return SessionCandidates.rank(for: found, roster: drafts[index], scenario: week, context: context(index, for: week))
            .map { candidate(from: $0, in: week) }
    }

    /// Who could do client work (a visit or evaluation of `client`, a seat at `appointment`) on
    /// `date` at `start`: ranked, each with why not where they cannot. Work already on the roster
    /// then is asked as taking it over from whoever holds it; open work as placing it.
    /// A visit or evaluation asked without `start` (open work, as `uncovered` lists it) is asked
    /// of the whole week of `date`: each person with the first time they could do it.
    public func candidates(forWork slot: BoardSlot) throws(BoardError) -> [BoardCandidate] {
        guard let kind = slot.kind, kind != .group, let day = CivilDate(iso: slot.date), let index = weekIndex(of: day) else {
            throw BoardError.unknownWork(slot.text)
        }
        let week = weekScenario(index)
        let draft = drafts[index]
        guard let clock = slot.start.flatMap(ClockTime.minutes) else {
            guard kind != .appointment, let open = ClientWorkMove.row(for: StaffID(""), activity: kind, client: slot.client.map { ClientID($0) },
                                                                      appointment: nil, start: 0, on: draft, in: week) else {
                throw BoardError.unknownWork(slot.text + " (give `start`, HH:MM)")
            }
            return SessionCandidates.rank(forWork: open, roster: draft, scenario: week, anyTime: true).map { candidate(from: $0, in: week) }
        }
        let start = week.week.startMinute(of: day) + clock
        let held = draft.assignments.first { row in
            row.activity == kind && row.interval.start == start
                && (kind == .appointment ? row.ref == slot.appointment : row.clients.first?.rawValue == slot.client)
        }
        guard let work = held ?? ClientWorkMove.row(for: StaffID(""), activity: kind, client: slot.client.map { ClientID($0) },
                                                     appointment: slot.appointment, start: start, on: draft, in: week) else {
            throw BoardError.unknownWork(slot.text)
        }
        return SessionCandidates.rank(forWork: work, roster: draft, scenario: week).map { candidate(from: $0, in: week) }
    }

    private func candidate(from found: SessionCandidate, in week: Scenario) -> BoardCandidate {
        BoardCandidate(staffId: found.staff.rawValue, name: week.staff[found.staff]?.name ?? found.staff.rawValue,
                       mayTake: found.verdict == nil, reason: found.verdict?.sentence(in: language),
                       hoursLeft: (found.hoursLeft * 100).rounded() / 100, extraHourlyCost: found.extraHourlyCost, knowsClients: found.knowsClients,
                       start: found.start.map { "\(week.week.date(atMinute: $0)) \(ClockTime.text($0))" })
    }

    /// The weeks to publish (the draft's files) and the rosters published before them (whose
    /// calendar events the new ones follow), when the draft passes the checker.
    public func publishable() throws(BoardError) -> (weeks: [PlannedWeek], previous: [Roster]) {
        guard problems.isEmpty, let planned else { throw BoardError.failsCheck(problems) }
        return (planned, published)
    }

    /// The draft was published: the next publish's calendars follow it.
    public func markPublished() { published = drafts }

    /// Rows that differ between the draft and the last published roster, over every week.
    public func changesSincePublished() -> Int {
        zip(published, drafts).reduce(0) { $0 + Replanning.changes(from: $1.0, to: $1.1).count }
    }

    /// Week `index` of the draft with `move` applied: rows taken off, then rows added for the
    /// sessions and client work named (a row taken over from someone in the same move keeps its
    /// time, unless the slot names another start, and its `ref`).
    func moved(_ move: BoardMove, week index: Int) throws(BoardError) -> Roster {
        let draft = drafts[index]
        let week = weekScenario(index)
        var rows = draft.assignments
        var takenOff: [RosterAssignment] = []
        for slot in move.remove {
            guard slot.kind != nil else { throw BoardError.unknownWork(slot.text) }
            let matching = rows.filter { Self.matches(slot, $0, in: week.week) }.sorted()
            // Without a start, the day's first of the client's visits.
            guard let row = matching.first else { throw BoardError.noSuchRow(slot.text) }
            rows.removeAll { $0 == row }
            takenOff.append(row)
        }
        for slot in move.add {
            guard week.staff[StaffID(slot.staffId)] != nil else { throw BoardError.unknownStaff(slot.staffId) }
            guard let kind = slot.kind, let day = CivilDate(iso: slot.date) else { throw BoardError.unknownWork(slot.text) }
            guard kind == .group else {
                rows.append(try clientWork(slot, kind: kind, day: day, takenOff: takenOff, rows: rows, week: week))
                continue
            }
            guard let session = SessionCandidates.session(location: LocationID(slot.location), date: day, name: slot.session, in: week) else {
                throw BoardError.unknownSession(slot.text)
            }
            // The session's clients as its rows listed them before the move, else those who
            // attend it (the render derives them anew; the checker reads them as written).
            let same = { (row: RosterAssignment) in
                row.activity == .group && row.location == session.location && row.interval == session.interval && row.ref == session.slot.name
            }
            let attending = week.clients.values.filter { $0.location == session.location && $0.attends.contains(session.slot) }
                .sorted { $0.id < $1.id }
            let here = (rows.first(where: same) ?? draft.assignments.first(where: same))
            let clients = here?.clients ?? attending.map(\.id)
            let products = here?.products ?? Array(Set(attending.map(\.product))).sorted()
            rows.append(RosterAssignment(staff: StaffID(slot.staffId), activity: .group, interval: session.interval, location: session.location,
                                         area: nil, clients: clients, products: products, role: .professional, ref: session.slot.name))
        }
        return Roster(assignments: rows, uncovered: [], responsibilities: draft.responsibilities)
    }

    /// Whether `row` (of `week`) is the place `slot` names: the person, the day and the session,
    /// or the client work (its client or appointment, and its start where the slot gives one).
    static func matches(_ slot: BoardSlot, _ row: RosterAssignment, in week: PlanningWeek) -> Bool {
        guard let kind = slot.kind, row.staff.rawValue == slot.staffId, row.activity == kind,
              week.date(atMinute: row.interval.start).description == slot.date else { return false }
        let startsThen = slot.start.map { ClockTime.text(row.interval.start) == $0 } ?? true
        switch kind {
        case .group: return row.location?.rawValue == slot.location && row.ref == slot.session
        case .appointment: return row.ref == slot.appointment && startsThen
        default: return row.clients.first?.rawValue == slot.client && startsThen
        }
    }

    /// The row of a visit, evaluation or appointment seat a slot adds: the row taken off in the
    /// same move for that work (someone else's, or the same person's at another time) with the
    /// new person and start, else made anew (`ClientWorkMove.row`).
    private func clientWork(_ slot: BoardSlot, kind: Activity, day: CivilDate, takenOff: [RosterAssignment], rows: [RosterAssignment],
                            week: Scenario) throws(BoardError) -> RosterAssignment {
        let staff = StaffID(slot.staffId)
        let over = takenOff.first { row in
            row.activity == kind && (kind == .appointment ? row.ref == slot.appointment : row.clients.first?.rawValue == slot.client)
        }
        let clock = slot.start.flatMap(ClockTime.minutes) ?? over.map { (($0.interval.start % 1440) + 1440) % 1440 }
        guard let clock else { throw BoardError.unknownWork(slot.text + " (give `start`, HH:MM)") }
        let start = week.week.startMinute(of: day) + clock
        if let over { return over.handed(to: staff, at: WeekInterval(start: start, end: start + over.interval.minutes)) }
        guard let row = ClientWorkMove.row(for: staff, activity: kind, client: slot.client.map { ClientID($0) }, appointment: slot.appointment,
                                           start: start, on: Roster(assignments: rows, uncovered: []), in: week) else {
            throw BoardError.unknownWork(slot.text)
        }
        return row
    }

    /// The board's page: the report of the draft (a section per week for a period), with the board's own panel.
    public func page(in asked: ReportLanguage? = nil) -> String {
        let language = asked ?? self.language
        guard let planned else {
            return BoardPage.problemsOnly(problems.map { MessageLanguage.localized($0, in: language) }, language: language, title: scenario.name)
        }
        let report: String
        if planned.count == 1 {
            let outcome = planned[0].outcome
            var summary = outcome.summary
            summary.pay = PayrollSummary.totals(PayrollSummary.people([(outcome.roster, planned[0].scenario)]))
            report = RosterReport.html(scenario: planned[0].scenario, roster: outcome.roster, summary: summary, hires: outcome.hires,
                                       language: language, sessions: outcome.sessions)
        } else {
            let (summary, hires) = periodSummary(planned)
            report = RosterReport.periodHTML(planned.map { RosterReport.PeriodWeek(scenario: $0.scenario, roster: $0.outcome.roster, summary: $0.outcome.summary,
                                                                                  hires: $0.outcome.hires, sessions: $0.outcome.sessions) },
                                             period: summary, periodHires: hires, language: language)
        }
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

/// How the board's re-solve is getting on, readable while it runs (the actor is busy with it):
/// what it is, how long it has searched, the best roster's objective and the bound, as the
/// terminal shows them.
public final class SolveWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var state = BoardProgress(running: false, what: "", elapsedSeconds: 0, incumbent: nil, bound: nil)

    public init() {}

    public func start(_ what: String) { lock.lock(); state = BoardProgress(running: true, what: what, elapsedSeconds: 0, incumbent: nil, bound: nil); lock.unlock() }
    public func store(_ progress: SolveProgress) {
        lock.lock()
        state.elapsedSeconds = progress.elapsedSeconds
        if let incumbent = progress.incumbent, incumbent.isFinite { state.incumbent = incumbent }
        if let bound = progress.bound, bound.isFinite { state.bound = bound }
        lock.unlock()
    }
    public func stop() { lock.lock(); state.running = false; lock.unlock() }
    public var current: BoardProgress { lock.lock(); defer { lock.unlock() }; return state }
}

/// The re-solve's progress as the API gives it.
public struct BoardProgress: Codable, Sendable {
    public var running: Bool
    public var what: String
    public var elapsedSeconds: Double
    public var incumbent: Double?
    public var bound: Double?

    enum CodingKeys: String, CodingKey { case running, what, incumbent, bound, elapsedSeconds = "elapsed_seconds" }
}

extension BoardState {
    /// Plans the board's period again within `seconds`, each week keeping what `keep` names of
    /// it (a re-plan: `keptMayMove`), its progress told to `watch`.
    /// `keptMayMove`: a sick call's kept rows may give way where keeping them all breaks a rule;
    /// a planner's locks may not (the proposal fails, saying why).
    private func plan(_ scenario: Scenario, seconds: Double, addsOnlyWhereShort: Bool, keptMayMove: Bool, watch: SolveWatch?, what: String,
                      keep: @escaping (Int, Scenario) -> Roster?) throws(BoardError) -> [PlannedWeek] {
        var options = PlanningOptions(timeLimitSeconds: max(1, seconds), relativeGap: 0.01)
        options.addsOnlyWhereShort = addsOnlyWhereShort
        if let watch {
            watch.start(what)
            options.progress = { watch.store($0) }
        }
        defer { watch?.stop() }
        do {
            guard scenario.weeks > 1 else {
                options.pinned = keep(0, scenario)
                return [PlannedWeek(scenario: scenario, outcome: try planAndCheck(scenario, options: options, keptMayMove: keptMayMove))]
            }
            return try planPeriod(scenario, options: options, pinning: keep, keptMayMove: keptMayMove)
        } catch { throw BoardError.failsCheck(error.lines) }
    }

    /// A sick call: `staff` absent on `date`. Every row still allowed is kept (the fewest let go
    /// where the absence breaks a rule of the week around it), week after week; what it leaves
    /// short is filled by free, qualified people, adding no one beside it: `replan`'s engine,
    /// proposed, not made.
    public func proposeAbsence(staff: String, date: String, seconds: Double, watch: SolveWatch? = nil) throws(BoardError) -> BoardProposal {
        guard let day = CivilDate(iso: date), weekIndex(of: day) != nil else {
            throw BoardError.unknownSession("date \(date) of \(scenario.week)\(drafts.count > 1 ? "–\(scenario.week.adding(weeks: drafts.count - 1))" : "")")
        }
        guard scenario.staff[StaffID(staff)] != nil else { throw BoardError.unknownStaff(staff) }
        var absentScenario = scenario
        absentScenario.staff[StaffID(staff)]?.absent.insert(day)
        let drafts = self.drafts
        let what = language == .nl ? "\(staff) afwezig op \(date)" : "\(staff) absent on \(date)"
        let weeks = try plan(absentScenario, seconds: seconds, addsOnlyWhereShort: true, keptMayMove: true, watch: watch, what: what) { index, week in
            Replanning.kept(drafts[index], in: week).kept
        }
        return propose(weeks, in: absentScenario, what: what)
    }

    /// Re-solve the plan around `locked` rows (each kept as it is) within `seconds`: proposed, not made.
    public func proposeResolve(locked: [BoardSlot], seconds: Double, watch: SolveWatch? = nil) throws(BoardError) -> BoardProposal {
        // Each locked place names one row: a session's, or client work's (the day's first where no start is given).
        var kept: [[RosterAssignment]] = drafts.map { _ in [] }
        for slot in Set(locked) {
            let found = drafts.enumerated().lazy.compactMap { index, draft in
                draft.assignments.filter { Self.matches(slot, $0, in: self.scenario.week.adding(weeks: index)) }.min().map { (index, $0) }
            }.first
            guard let (index, row) = found, !kept[index].contains(row) else { throw BoardError.noSuchRow(slot.text) }
            kept[index].append(row)
        }
        let count = kept.reduce(0) { $0 + $1.count }
        let what = language == .nl ? "opnieuw gepland rond \(count) vaste diensten" : "re-solved around \(count) locked rows"
        let weeks = try plan(scenario, seconds: seconds, addsOnlyWhereShort: false, keptMayMove: false, watch: watch, what: what) { index, _ in
            Roster(assignments: kept[index], uncovered: [])
        }
        return propose(weeks, in: scenario, what: what)
    }

    private func propose(_ weeks: [PlannedWeek], in scenario: Scenario, what: String) -> BoardProposal {
        proposalCount += 1
        pending = (proposalCount, weeks, scenario)
        var changes: [BoardChange] = []
        for (index, week) in weeks.enumerated() {
            let calendar = scenario.week.adding(weeks: index)
            changes += Replanning.changes(from: drafts[index], to: week.outcome.roster).map { change in
                BoardChange(date: calendar.date(atMinute: change.interval.start).description, start: ClockTime.text(change.interval.start),
                            end: ClockTime.text(change.interval.end), staffId: change.staff.rawValue, before: change.before, after: change.after,
                            clientId: change.client?.rawValue ?? "")
            }
        }
        return BoardProposal(id: proposalCount, what: what, changes: changes, figures: figures(of: weeks) ?? Self.noFigures)
    }

    /// Accept the pending proposal `id`: it becomes the draft (and its absence the plan's).
    public func accept(_ id: Int) throws(BoardError) -> BoardRoster {
        guard let pending, pending.id == id else { throw BoardError.noProposal(id) }
        scenario = pending.scenario
        drafts = pending.weeks.map(\.outcome.roster)
        planned = pending.weeks
        contexts = [:]
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
    case acrossWeeks
    case unknownWork(String)

    public var description: String {
        switch self {
        case let .unknownSession(what): "no session `\(what)` in this plan (location, date YYYY-MM-DD, session name)"
        case let .unknownStaff(id): "no staff member `\(id)`"
        case let .noSuchRow(what): "`\(what)` is not on the roster"
        case let .failsCheck(problems): "the draft breaks a rule; fix it before publishing: " + problems.joined(separator: " | ")
        case let .noProposal(id): "no proposal \(id) is waiting (accepted, rejected, or replaced by a newer one)"
        case .acrossWeeks: "a move stays within one week of the period (make one move per week)"
        case let .unknownWork(what): "no client work `\(what)` in this plan (activity visit or evaluation with client and start HH:MM, or appointment with its id and start)"
        }
    }
}
