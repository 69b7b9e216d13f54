/// The run itself, apart from the command line: plan a week or period and have the independent
/// checker pass it, then make every output file (tables, report, calendars, workbook) as data.
/// The executable only reads arguments, prints and writes; tests reach this directly.
import CareDomain
import GLPKSolver
import Optimization
import Planning
import Reporting
import RosterCheck
import ScenarioFormat
import Spreadsheet
import SwiftCSV
import Foundation

/// GLPK for the planner: models of 2,000 variables or more in a child process of this program
/// (killed at its deadline; an abort there costs that solve only), smaller ones on their thread.
/// `ZORGROOSTER_GLPK_CHILD_MIN_VARIABLES` sets the size (0: every model in a child).
public func planningSolver() -> some Solver {
    let smallest = ProcessInfo.processInfo.environment["ZORGROOSTER_GLPK_CHILD_MIN_VARIABLES"].flatMap(Int.init) ?? 2_000
    return IsolatedGLPKSolver(worker: IsolatedGLPKSolver.ownExecutable ?? "", smallest: smallest)
}

/// Why a run could not give a roster: what to tell the user, and the exit code it means
/// (1: an internal failure; 2: the input asks what cannot be, such as pins that break a rule).
public struct RunFailure: Error, CustomStringConvertible {
    public let exitCode: Int32
    public let lines: [String]
    public var description: String { lines.joined(separator: "\n") }

    public init(exitCode: Int32, lines: [String]) {
        self.exitCode = exitCode
        self.lines = lines
    }
}

/// Plans a week and has the independent checker pass it; a roster that breaks a rule is never returned.
/// `keptMayMove`: the pins are a re-plan's kept assignments, not the user's; where keeping them
/// all breaks a rule, fewer are kept (the group rows alone, else none) rather than no roster written.
public func planAndCheck(_ scenario: Scenario, options: PlanningOptions, keptMayMove: Bool = false) throws(RunFailure) -> PlanOutcome {
    try planAndCheck(scenario, options: options, keptMayMove: keptMayMove,
                     planner: { try RosterPlanner(solver: planningSolver()).plan($0, options: $1) })
}

/// `planAndCheck` with the planner given (tests hand it one that errs on purpose).
func planAndCheck(_ scenario: Scenario, options: PlanningOptions, keptMayMove: Bool = false,
                  planner: (Scenario, PlanningOptions) throws -> PlanOutcome) throws(RunFailure) -> PlanOutcome {
    let outcome: PlanOutcome
    do {
        outcome = try planner(scenario, options)
    } catch {
        throw RunFailure(exitCode: 1, lines: ["internal failure while planning \(scenario.name): \(error)"])
    }
    let violations = RosterChecker(scenario: scenario).check(outcome.roster)
    if let edited = options.asWritten { try judgeEdited(edited, outcome: outcome, violations: violations, in: scenario) }
    // With pins the roster had to keep, broken rules are the pins' (together they ask too much).
    if !violations.isEmpty, let pins = options.pinned, !pins.assignments.isEmpty {
        if keptMayMove {
            // A re-plan keeps what it can: its group assignments alone (client work placed
            // afresh around them), else nothing kept; each try with a short share of time.
            let groupOnly = Roster(assignments: pins.assignments.filter { $0.activity == .group }, uncovered: [],
                                   responsibilities: pins.responsibilities)
            for fewer in [groupOnly, nil] where fewer?.assignments.count != pins.assignments.count {
                var retry = options
                retry.pinned = fewer
                retry.startedAt = Date()
                retry.timeLimitSeconds = max(1, options.timeLimitSeconds * 0.1)
                if let outcome = try? planAndCheck(scenario, options: retry, planner: planner) {
                    let lines = ["Note: keeping every assignment still allowed broke \(violations.count) rule(s) (\(violations.first.map(\.description) ?? ""));"
                                 + (fewer == nil ? " the week was planned afresh." : " only the group assignments were kept; client work was placed again.")]
                    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
                    return outcome
                }
            }
        }
        throw RunFailure(exitCode: 2, lines: ["The pinned assignments cannot all be kept: with them the roster breaks \(violations.count) rule(s); no files were written."]
            + violations.prefix(20).map { "  \($0)" } + ["Remove or move the pins named above and run again."])
    }
    guard violations.isEmpty else {
        // A safety net for a planner bug: the construction alone (every step of it asked the
        // oracle) is planned again and written if the checker passes it, so the planner still
        // gets a correct roster, with the bug named on stderr to report.
        if let fallback = constructionOnly(scenario, options: options, planner: planner) {
            let lines = ["WARNING: the best roster for \(scenario.name) broke \(violations.count) rule(s) the checker found; the constructed roster, which passes, is written instead."]
                + violations.prefix(10).map { "  \($0)" } + ["Please report this with the scenario file."]
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            return fallback
        }
        throw RunFailure(exitCode: 1, lines: ["INTERNAL ERROR: the planned roster for \(scenario.name) breaks \(violations.count) rule(s); no files were written."]
            + violations.prefix(50).map { "  \($0)" } + ["Please report this with the scenario file."])
    }
    return outcome
}

/// A roster edited by hand (`render`) is written only as it is and only when it keeps every
/// rule: a row the engine had to add (a shortfall someone free could fill) or could not keep
/// (no such session, visit or appointment) is named, with the rules the roster breaks.
func judgeEdited(_ edited: Roster, outcome: PlanOutcome, violations: [Violation], in scenario: Scenario) throws(RunFailure) {
    func key(_ row: RosterAssignment) -> String {
        let what = row.activity == .group || row.activity == .appointment ? row.ref : row.clients.map(\.rawValue).joined(separator: ";")
        return "\(row.staff)|\(row.activity.rawValue)|\(row.interval.start)|\(row.interval.end)|\(row.location?.rawValue ?? "")|\(what)"
    }
    let written = Set(edited.assignments.map(key)), derived = Set(outcome.roster.assignments.map(key))
    let added = outcome.roster.assignments.filter { !written.contains(key($0)) }
    let lost = edited.assignments.filter { !derived.contains(key($0)) }
    // The rules as the checker reads the rows as edited, the shortfalls as derived.
    let asEdited = RosterChecker(scenario: scenario).check(Roster(assignments: edited.assignments, uncovered: outcome.roster.uncovered,
                                                                  responsibilities: outcome.roster.responsibilities))
    guard !added.isEmpty || !lost.isEmpty || !violations.isEmpty || !asEdited.isEmpty else { return }
    func describe(_ row: RosterAssignment) -> String {
        let date = scenario.week.date(atMinute: row.interval.start)
        return "\(row.staff) \(date) \(row.interval.description) \(row.activity.rawValue) \([row.location?.rawValue, row.ref].compactMap { $0 }.joined(separator: " "))"
    }
    var lines = ["The edited roster cannot be written as it is; no files were written."]
    if !added.isEmpty {
        lines.append("It leaves work that a free, qualified person could do (a written roster is maximal): \(added.count) row\(added.count == 1 ? "" : "s") such as")
        lines += added.sorted().prefix(10).map { "  + " + describe($0) }
    }
    if !lost.isEmpty {
        lines.append("\(lost.count) row\(lost.count == 1 ? "" : "s") of roster.csv match no session, visit or appointment of the scenario, or cannot be kept:")
        lines += lost.sorted().prefix(10).map { "  − " + describe($0) }
    }
    let broken = Array(Set(asEdited + violations)).sorted { $0.description < $1.description }
    if !broken.isEmpty {
        lines.append("It breaks \(broken.count) rule\(broken.count == 1 ? "" : "s"):")
        lines += broken.prefix(30).map { "  \($0)" }
    }
    lines.append("Correct roster.csv and render again (`zorgrooster check` names the same), or let `zorgrooster solve --pin DIR/roster.csv` fill what is short.")
    throw RunFailure(exitCode: 1, lines: lines)
}

/// The week planned by its construction alone (no search, no solver's roster), if the checker
/// passes it; nil otherwise.
private func constructionOnly(_ scenario: Scenario, options: PlanningOptions,
                              planner: (Scenario, PlanningOptions) throws -> PlanOutcome) -> PlanOutcome? {
    var quick = options
    // Under a second left, the engine keeps its construction and builds no model.
    quick.timeLimitSeconds = 0.01
    quick.startedAt = Date()
    guard let outcome = try? planner(scenario, quick),
          RosterChecker(scenario: scenario).check(outcome.roster).isEmpty else { return nil }
    return outcome
}

/// The files `solve` writes for one planned week.
public func outputFiles(_ outcome: PlanOutcome, scenario: Scenario, language: ReportLanguage = .nl) -> [String: String] {
    let people = PayrollSummary.people([(outcome.roster, scenario)])
    var summary = outcome.summary.withPreferences(of: outcome.roster, in: scenario)
    summary.pay = PayrollSummary.totals(people)
    // The report is the largest piece: made on the other core while the tables are (a region's
    // week writes a report of megabytes; one deadline covers the whole command).
    let report = ResultSlots<String>(count: 1)
    let making = DispatchGroup()
    DispatchQueue.global().async(group: making) {
        report.store(0, RosterReport.html(scenario: scenario, roster: outcome.roster, summary: outcome.summary, hires: outcome.hires,
                                         language: language, sessions: outcome.sessions))
    }
    var files = PersonCalendar.files(roster: outcome.roster, scenario: scenario).merging([
        "roster.csv": OutputFiles.rosterCSV(outcome.roster, scenario: scenario),
        "uncovered.csv": OutputFiles.uncoveredCSV(outcome.roster, scenario: scenario, language: language),
        "capacity.csv": OutputFiles.capacityCSV(outcome.capacity, hireStatus: outcome.hires.status),
        "capacity-by-day.csv": OutputFiles.capacityByDayCSV(outcome.hires),
        "roster-by-person.csv": OutputFiles.rosterByPersonCSV([(outcome.roster, scenario)], absentWord: language == .nl ? "afwezig" : "absent"),
        "responsibility.csv": OutputFiles.responsibilityCSV(outcome.roster, scenario: scenario),
        "wishes.csv": OutputFiles.wishesCSV(outcome.roster, scenario: scenario),
        "hours.csv": OutputFiles.hoursCSV(people),
        "summary.json": OutputFiles.summaryJSON(summary, scenario: scenario, hires: outcome.hires, language: language),
    ]) { first, _ in first }
    making.wait()
    files["report.html"] = report.value(0)
    return files
}


/// The files as bytes: CSV in the chosen locale, and `roster.xlsx` beside each `roster.csv`
/// (a name may sit in a subfolder, as each variant's files do under `compare`).
public func localized(_ files: [String: String], locale: CSVLocale, language: ReportLanguage = .nl) throws -> [String: Data] {
    // Each folder's roster mark, made once: its report and its workbook carry it (`check`
    // holds both against roster.csv).
    let marks = try Dictionary(uniqueKeysWithValues: files.keys.filter { $0 == "roster.csv" || $0.hasSuffix("/roster.csv") }.map { name in
        (String(name.dropLast("roster.csv".count)), try RosterMark.of(csv: files[name]!))
    })
    // The workbooks on the other core while the tables take their locale.
    let workbooks = ResultSlots<Result<[String: Data], Error>>(count: 1)
    let making = DispatchGroup()
    DispatchQueue.global().async(group: making) {
        workbooks.store(0, Result {
            var books: [String: Data] = [:]
            for name in files.keys where name == "roster.csv" || name.hasSuffix("/roster.csv") {
                let prefix = String(name.dropLast("roster.csv".count))
                let own = files.filter { $0.key.hasPrefix(prefix) && !$0.key.dropFirst(prefix.count).contains("/") }
                    .reduce(into: [String: String]()) { $0[String($1.key.dropFirst(prefix.count))] = $1.value }
                books[prefix + "roster.xlsx"] = try rosterWorkbook(own, language: language, mark: marks[prefix])
            }
            return books
        })
    }
    var localized: [String: Data] = [:]
    var failure: Error? = nil
    var files = files
    for name in files.keys where name == "report.html" || name.hasSuffix("/report.html") {
        guard let mark = marks[String(name.dropLast("report.html".count))] else { continue }
        files[name] = files[name]!.replacingOccurrences(of: "<head>", with: "<head>\n" + RosterMark.reportMeta(mark), options: [], range: files[name]!.range(of: "<head>"))
    }
    for (name, text) in files {
        do { localized[name] = Data((name.hasSuffix(".csv") ? try locale.apply(to: text) : text).utf8) } catch { failure = error; break }
    }
    making.wait()
    if let failure { throw failure }
    localized.merge(try workbooks.value(0).get()) { _, book in book }
    return localized
}

/// `roster.xlsx`: first the roster to print (people × days, one sheet per week, with hours
/// against contract hours), then one sheet per table, cells typed (dates, times, numbers,
/// booleans), sheet names and headers in the run's language.
public func rosterWorkbook(_ files: [String: String], language: ReportLanguage = .nl, mark: String? = nil) throws -> Data {
    let words = WorkbookWords(language: language)
    var sheets: [XLSXWorkbook.Sheet] = []
    // The tables this run just made are read back as rows, not parsed again (`MadeTables`).
    func rows(_ text: String) throws -> (header: [String], rows: [[String]]) {
        if let made = MadeTables.rows(of: text), let header = made.first { return (header, Array(made.dropFirst())) }
        let table = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false)
        return (table.header, table.rows)
    }
    if let text = files["roster-by-person.csv"] {
        let table = try rows(text)
        let hours = try files["hours.csv"].map { try rows($0) }
        let page = PrintedPage(files: files, words: words, mark: mark)
        sheets += peopleSheets(header: table.header, rows: table.rows, hours: hours, words: words).map { sheet in
            var sheet = sheet
            sheet.pageHeader = page.header(sheet: sheet.name)
            sheet.pageFooter = page.footer
            return sheet
        }
    }
    let views = [("Rooster", "roster.csv"), ("Niet gedekt", "uncovered.csv"), ("Capaciteit", "capacity.csv"),
                 ("Capaciteit per dag", "capacity-by-day.csv"), ("Verantwoordelijk", "responsibility.csv")]
    for (name, file) in views {
        guard let text = files[file] else { continue }
        let table = try rows(text)
        let typed = XLSXWorkbook.Sheet(name: words[name], table: [table.header] + table.rows)
        sheets.append(XLSXWorkbook.Sheet(name: typed.name, rows: [table.header.map { .text(words.column($0)) }] + typed.rows.dropFirst()))
    }
    return try XLSXWorkbook.data(sheets)
}

/// The people × days sheets from `roster-by-person.csv`: per week its seven dates, the week's
/// hours, contract hours and the difference; then the period's hours against contract and the
/// balance (`hours.csv`); a last row of totals per day. Id and name stay in view.
private func peopleSheets(header: [String], rows: [[String]], hours: (header: [String], rows: [[String]])?,
                          words: WorkbookWords) -> [XLSXWorkbook.Sheet] {
    let weekColumns = header.indices.filter { header[$0].hasPrefix("hours_") }
    let several = weekColumns.count > 1
    // Per person the period's figures as hours.csv has them (absence taken off the contract).
    var period: [String: (contract: Double, rostered: Double, balance: Double)] = [:]
    if let hours, let id = hours.header.firstIndex(of: "staff_id"), let contract = hours.header.firstIndex(of: "contract_hours"),
       let rostered = hours.header.firstIndex(of: "rostered_hours"), let balance = hours.header.firstIndex(of: "balance_after") {
        for row in hours.rows where row.count > max(id, contract, rostered, balance) {
            period[row[id]] = (Double(row[contract]) ?? 0, Double(row[rostered]) ?? 0, Double(row[balance]) ?? 0)
        }
    }
    let absentWords: Set<String> = ["afwezig", "absent"]
    return weekColumns.map { hoursColumn in
        let week = String(header[hoursColumn].dropFirst("hours_".count))
        let dates = Array((hoursColumn - 7)..<hoursColumn)
        let periodColumns: [XLSXWorkbook.Cell] = period.isEmpty ? []
            : [.text(words[several ? "Contract periode" : "Contract na afwezigheid"]), .text(words[several ? "Ingeroosterd periode" : "Ingeroosterd"]), .text(words["Saldo"])]
        let top: [XLSXWorkbook.Cell] = [.text(words["Medewerker"]), .text(words["Naam"]), .text(words["Niveau"]), .text(words["Contracturen"])]
            + dates.map { XLSXWorkbook.Cell.typed(header[$0], column: "date") } + [.text(words["Uren"]), .text(words["Verschil"])] + periodColumns
        var working = [Int](repeating: 0, count: 7), absent = [Int](repeating: 0, count: 7)
        var totalHours = 0.0, totalContract = 0.0
        let body = rows.map { row -> [XLSXWorkbook.Cell] in
            let contract = Double(row[3]) ?? 0, hours = Double(row[hoursColumn]) ?? 0
            totalHours += hours
            totalContract += contract
            for (day, column) in dates.enumerated() where !row[column].isEmpty {
                if absentWords.contains(row[column]) { absent[day] += 1 } else { working[day] += 1 }
            }
            let figures = period[row[0]].map { [XLSXWorkbook.Cell.number($0.contract), .number($0.rostered), .number($0.balance)] }
                ?? (period.isEmpty ? [] : [.empty, .empty, .empty])
            return [.text(row[0]), .text(row[1]), .text(row[2]), .number(contract)]
                + dates.map { row[$0].isEmpty ? .empty : .text(row[$0]) }
                + [.number(hours), .number(((hours - contract) * 100).rounded() / 100)] + figures
        }
        // Totals per day: who works, who is absent.
        let totals: [XLSXWorkbook.Cell] = [.text(words["Totaal"]), .empty, .empty, .number(totalContract)]
            + (0..<7).map { day in
                .text("\(working[day]) \(words[working[day] == 1 ? "dienst" : "diensten"])" + (absent[day] > 0 ? ", \(absent[day]) \(words["afwezig"])" : ""))
            }
            + [.number((totalHours * 100).rounded() / 100), .number(((totalHours - totalContract) * 100).rounded() / 100)]
        let name = several ? "\(words["Rooster per medewerker"]) \(week.split(separator: "-").last ?? "")" : words["Rooster per medewerker"]
        return XLSXWorkbook.Sheet(name: name, rows: [top] + body + [totals], frozenColumns: 2, isGrid: true)
    }
}

/// What each printed page of the roster says: the provider's scenario, its locations, the
/// period and the version (a mark of the roster's contents, the same for the same roster) at
/// the top; the print date and page at the bottom.
struct PrintedPage {
    let title: String
    let period: String
    let locations: String
    let version: String
    let words: WorkbookWords

    init(files: [String: String], words: WorkbookWords, mark: String?) {
        self.words = words
        let summary = files["summary.json"].flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] } ?? [:]
        title = summary["scenario"] as? String ?? ""
        let weeks = (summary["weeks"] as? NSNumber)?.intValue ?? 1
        let first = (summary["week"] as? String).flatMap(PlanningWeek.init(iso:))
        if let first {
            let last = first.adding(weeks: weeks - 1)
            period = "\(first.monday) – \(last.monday.adding(days: 6))" + (weeks > 1 ? " (\(first) – \(last))" : " (\(first))")
        } else {
            period = ""
        }
        let roster = files["roster.csv"] ?? ""
        var places = Set<String>()
        if let table = MadeTables.rows(of: roster) ?? (try? CSV<Enumerated>(string: roster, delimiter: .comma, loadColumns: false)).map({ [$0.header] + $0.rows }),
           let header = table.first, let column = header.firstIndex(of: "location") {
            for row in table.dropFirst() where row.count > column && !row[column].isEmpty { places.insert(row[column]) }
        }
        locations = places.sorted().joined(separator: ", ")
        // The roster's mark: the same roster, the same version (`check` reads it back).
        version = mark ?? (try? RosterMark.of(csv: roster)) ?? ""
    }

    func header(sheet: String) -> [String] {
        [title + (locations.isEmpty ? "" : " · \(words["locaties"]) \(locations)"), sheet, period]
    }

    var footer: [String] {
        ["\(words["versie"]) \(version)", "\(words["gedrukt"]) &D", "\(words["pagina"]) &P / &N"]
    }
}

/// The workbook's words: Dutch by default, English with `--lang en`; CSV column names are the
/// contract's, in the sheets they read as headings.
struct WorkbookWords {
    let language: ReportLanguage

    private static let english: [String: String] = [
        "Rooster": "Roster", "Niet gedekt": "Uncovered", "Capaciteit": "Capacity", "Capaciteit per dag": "Capacity by day",
        "Verantwoordelijk": "Responsibility", "Rooster per medewerker": "Roster by person", "Medewerker": "Staff",
        "Naam": "Name", "Niveau": "Level", "Contracturen": "Contract hours", "Uren": "Hours", "Verschil": "Difference",
        "Contract periode": "Contract (period)", "Contract na afwezigheid": "Contract less absence", "Ingeroosterd periode": "Rostered (period)",
        "Ingeroosterd": "Rostered", "Saldo": "Balance", "Totaal": "Total", "dienst": "shift", "diensten": "shifts", "afwezig": "absent",
        "locaties": "locations", "versie": "version", "gedrukt": "printed", "pagina": "page",
    ]

    private static let dutchColumns: [String: String] = [
        "date": "Datum", "day": "Dag", "start": "Begin", "end": "Eind", "staff_id": "Medewerker", "staff_name": "Naam",
        "activity": "Activiteit", "location": "Locatie", "area": "Gebied", "clients": "Cliënten", "product": "Product",
        "role": "Rol", "ref": "Dienst", "client": "Cliënt", "need": "Behoefte (code)", "hours": "Uren", "reason": "Reden (Engels)",
        "need_text": "Wat ontbreekt", "reason_text": "Waarom",
        "kind": "Soort", "clients_present": "Aanwezige cliënten", "week": "Week", "level": "Niveau", "skill": "Vaardigheid",
        "demand_hours": "Vraag (uur)", "available_hours": "Beschikbaar (uur)", "assigned_hours": "Ingezet (uur)",
        "uncovered_hours": "Niet gedekt (uur)", "fte_gap": "FTE tekort", "hire_hours": "Werving (uur)", "hire_fte": "Werving (FTE)",
        "hire_cost": "Wervingskosten", "daypart": "Dagdeel", "client_id": "Cliënt", "coordination_minutes": "Coördinatie (min)",
        "fixed": "Vast",
    ]

    subscript(_ dutch: String) -> String { language == .nl ? dutch : Self.english[dutch] ?? dutch }

    func column(_ name: String) -> String {
        if language == .nl, let dutch = Self.dutchColumns[name] { return dutch }
        // English headings from the contract's names: "demand_hours" reads "Demand hours".
        let words = name.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

/// One planned week of a period: its own scenario (history included) and outcome.
public struct PlannedWeek: Sendable {
    public let scenario: Scenario
    public let outcome: PlanOutcome

    public init(scenario: Scenario, outcome: PlanOutcome) {
        self.scenario = scenario
        self.outcome = outcome
    }
}

/// Plans the scenario's period (`weeks`) week after week, each week with the rosters before it
/// as history and an equal share of the time still left; each week's roster passes the
/// independent checker before the next is planned.
/// `pinning`, where given, names each week's assignments to keep (a re-plan: what is still
/// allowed after the weeks before it, as planned again).
/// `asWritten`, where given, is each week's roster as edited by hand (`render`): kept as it is.
/// `keptMayMove` (a re-plan's pins, the default with `pinning`): where keeping them all breaks a
/// rule, fewer are kept; false for a user's locks, which hold or the plan fails.
public func planPeriod(_ scenario: Scenario, options: PlanningOptions, pinning: ((Int, Scenario) -> Roster?)? = nil,
                       asWritten: [Roster]? = nil, keptMayMove: Bool? = nil) throws(RunFailure) -> [PlannedWeek] {
    guard scenario.weeks > 1 else {
        var options = options
        if let asWritten { options.asWritten = asWritten[0] }
        return [PlannedWeek(scenario: scenario, outcome: try planAndCheck(scenario, options: options))]
    }
    let started = options.startedAt ?? Date()
    var planned: [PlannedWeek] = []
    for index in 0..<scenario.weeks {
        let week = PlanningPeriod.week(index, of: scenario, after: planned.map(\.outcome.roster))
        var weekOptions = options
        // The period's own files (tables, report and workbook over every week) come after the
        // last week: 5% of the limit is kept for them.
        let end = started.addingTimeInterval(options.timeLimitSeconds * 0.95)
        let left = end.timeIntervalSinceNow
        // Where a week boundary left a shortfall, a solve plans the week before again
        // (`relieveBoundary`), with time borrowed from the weeks after; a quarter of a week's
        // share is kept for that after the last week. A re-plan changes no more than its change asks.
        let remaining = Double(scenario.weeks - index) + (pinning == nil ? 0.25 : 0)
        weekOptions.timeLimitSeconds = max(0.5, left / remaining)
        weekOptions.startedAt = Date()
        if let pinning { weekOptions.pinned = pinning(index, week) }
        if let asWritten { weekOptions.asWritten = asWritten[index] }
        planned.append(PlannedWeek(scenario: week, outcome: try planAndCheck(week, options: weekOptions, keptMayMove: keptMayMove ?? (pinning != nil))))
        if pinning == nil, asWritten == nil, index > 0 {
            // A quarter of a week's share (at least 2.5 s: two small weeks plan again in that),
            // or the end of the period's time after the last week.
            let reserve = index == scenario.weeks - 1 ? end : min(end, Date().addingTimeInterval(max(2.5, left / remaining / 4)))
            relieveBoundary(&planned, of: scenario, options: options, until: reserve)
        }
    }
    return planned
}

/// The period's figures from its weeks: sums, coverage weighed by each week's demand, the FTE
/// gap as the weeks' average, the status the weakest week's.
public func periodSummary(_ weeks: [PlannedWeek]) -> (summary: RunSummary, hires: HirePlan) {
    let summaries = weeks.map(\.outcome.summary)
    let sum = { (value: (RunSummary) -> Double) in summaries.reduce(0) { $0 + value($1) } }
    let demand = weeks.map { $0.outcome.capacity.reduce(0) { $0 + $1.demandHours } }
    let totalDemand = demand.reduce(0, +)
    let coverage = totalDemand > 0 ? zip(summaries, demand).reduce(0) { $0 + $1.0.coverage * $1.1 } / totalDemand : 1
    let objectives = summaries.compactMap(\.objective)
    let bounds = summaries.compactMap(\.bestBound)
    let objective = objectives.count == summaries.count ? objectives.reduce(0, +) : nil
    let bound = bounds.count == summaries.count ? bounds.reduce(0, +) : nil
    let gap = objective.flatMap { value in bound.map { value > 0 ? max(0, (value - $0) / value) : 0 } }
    let order = ["optimal", "feasible"]
    let status = summaries.map(\.status).max { (order.firstIndex(of: $0) ?? 2) < (order.firstIndex(of: $1) ?? 2) } ?? "optimal"
    var summary = RunSummary(status: status, objective: objective, bestBound: bound, gap: gap, solveSeconds: sum(\.solveSeconds),
                             coverage: coverage, assignedHours: sum(\.assignedHours), uncoveredHours: sum(\.uncoveredHours),
                             cost: sum(\.cost), fteGap: sum(\.fteGap) / Double(weeks.count))
    summary.boundSource = Set(summaries.compactMap(\.boundSource)).sorted().joined(separator: "; ")
    summary.warmStart = summaries.compactMap(\.warmStart).first
    summary.hireHours = sum(\.hireHours)
    summary.hireCost = sum(\.hireCost)
    summary.unusedContractHours = sum(\.unusedContractHours)
    summary.workingHours = sum(\.workingHours)
    summary.breakHours = sum(\.breakHours)
    summary.visitsAsked = summaries.reduce(0) { $0 + $1.visitsAsked }
    summary.visitsPlaced = summaries.reduce(0) { $0 + $1.visitsPlaced }
    summary.visitsPlaceableBound = summaries.reduce(0) { $0 + $1.visitsPlaceableBound }
    summary = summary.withPay(of: weeks.map { ($0.outcome.roster, $0.scenario) })
    // Hires per level and skill: the period's hours and cost, FTE as the weeks' average.
    var needs: [String: HireNeed] = [:]
    for need in weeks.flatMap(\.outcome.hires.needs) {
        let key = need.level + "|" + need.skill
        let old = needs[key]
        needs[key] = HireNeed(level: need.level, skill: need.skill, hours: (old?.hours ?? 0) + need.hours,
                              fte: (old?.fte ?? 0) + need.fte / Double(weeks.count), cost: (old?.cost ?? 0) + need.cost)
    }
    let hires = HirePlan(needs: needs.keys.sorted().map { needs[$0]! }, slots: [],
                         stillUncoveredHours: weeks.reduce(0) { $0 + $1.outcome.hires.stillUncoveredHours },
                         status: Set(weeks.map(\.outcome.hires.status)).sorted().joined(separator: "; "))
    return (summary, hires)
}

/// The period's roster in minutes from its first Monday (for the terminal's summary).
public func periodRoster(_ weeks: [PlannedWeek]) -> Roster {
    var assignments: [RosterAssignment] = []
    var uncovered: [UncoveredDemand] = []
    for (index, week) in weeks.enumerated() {
        let shift = index * PlanningWeek.minutesPerWeek
        func moved(_ interval: WeekInterval) -> WeekInterval { WeekInterval(start: interval.start + shift, end: interval.end + shift) }
        assignments += week.outcome.roster.assignments.map {
            RosterAssignment(staff: $0.staff, activity: $0.activity, interval: moved($0.interval), location: $0.location, area: $0.area,
                             clients: $0.clients, products: $0.products, role: $0.role, ref: $0.ref)
        }
        uncovered += week.outcome.roster.uncovered.map {
            UncoveredDemand(interval: $0.interval.map(moved), activity: $0.activity, location: $0.location, client: $0.client,
                            product: $0.product, need: $0.need, kind: $0.kind, hours: $0.hours, reason: $0.reason, ref: $0.ref,
                            clientsPresent: $0.clientsPresent)
        }
    }
    return Roster(assignments: assignments, uncovered: uncovered, responsibilities: weeks.first?.outcome.roster.responsibilities ?? [])
}

/// The files `solve` writes for a period: each table over all weeks (a `week` column where a
/// row does not carry its own date), one report with a section per week, one calendar per person.
/// `changes` (a re-plan's, per week) are marked in the report.
public func periodOutputFiles(_ weeks: [PlannedWeek], language: ReportLanguage = .nl, changes: [[RosterChange]]? = nil) throws -> [String: String] {
    guard weeks.count > 1, let first = weeks.first else { return weeks.first.map { outputFiles($0.outcome, scenario: $0.scenario, language: language) } ?? [:] }
    let perWeek = weeks.map { outputFiles($0.outcome, scenario: $0.scenario, language: language) }
    func merged(_ name: String, weekColumn: Bool) throws -> String {
        try OutputFiles.periodCSV(zip(weeks, perWeek).map { ($0.scenario.week, $1[name] ?? "") }, weekColumn: weekColumn)
    }
    let (summary, hires) = periodSummary(weeks)
    var files = PersonCalendar.periodFiles(weeks.map { ($0.outcome.roster, $0.scenario) })
    files["roster.csv"] = try merged("roster.csv", weekColumn: false)
    for name in ["uncovered.csv", "capacity.csv", "capacity-by-day.csv"] { files[name] = try merged(name, weekColumn: true) }
    // `fixed` says what the scenario fixed: a later week keeps the first week's professional
    // (`PlanningPeriod`), which is the plan's choice, not the scenario's.
    files["responsibility.csv"] = try OutputFiles.periodCSV(weeks.map { week in
        var asGiven = week.scenario
        for (id, client) in first.scenario.clients { asGiven.clients[id]?.responsible = client.responsible }
        return (week.scenario.week, OutputFiles.responsibilityCSV(week.outcome.roster, scenario: asGiven))
    }, weekColumn: true)
    files["wishes.csv"] = try merged("wishes.csv", weekColumn: false)
    // The roster to publish: people × days over the whole period, each week's hours (the
    // workbook makes a sheet of each week from it).
    files["roster-by-person.csv"] = OutputFiles.rosterByPersonCSV(weeks.map { ($0.outcome.roster, $0.scenario) },
                                                                  absentWord: language == .nl ? "afwezig" : "absent")
    // Hours against contract over the whole period, the plan's balance carried through it.
    files["hours.csv"] = OutputFiles.hoursCSV(PayrollSummary.people(weeks.map { ($0.outcome.roster, $0.scenario) }))
    let weekly = weeks.map { $0.outcome.summary.withPreferences(of: $0.outcome.roster, in: $0.scenario) }
    var whole = summary
    whole.wishesTotal = weekly.reduce(0) { $0 + $1.wishesTotal }
    whole.wishesMet = weekly.reduce(0) { $0 + $1.wishesMet }
    // Fairness over the whole period: the last week's tally of the weeks before, plus its own.
    if let last = weeks.last, !first.scenario.settings.fairness.isEmpty {
        var totals = last.scenario.history.fairnessSoFar
        RosterPreferences.addFairness(of: last.outcome.roster, in: last.scenario, to: &totals)
        whole.fairnessLargestDeviation = totals.values.flatMap { $0.values.map { abs($0.count - $0.share) } }.max() ?? 0
    }
    files["summary.json"] = OutputFiles.periodSummaryJSON(whole, scenario: first.scenario, hires: hires,
                                                          weeks: zip(weeks, weekly).map { ($1, $0.scenario, $0.outcome.hires) }, language: language)
    files["report.html"] = RosterReport.periodHTML(weeks.map { RosterReport.PeriodWeek(scenario: $0.scenario, roster: $0.outcome.roster,
                                                                                      summary: $0.outcome.summary, hires: $0.outcome.hires,
                                                                                      sessions: $0.outcome.sessions) },
                                                   period: summary, periodHires: hires, language: language, changes: changes)
    return files
}
