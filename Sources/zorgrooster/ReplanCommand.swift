import ArgumentParser
import CareDomain
import Foundation
import Planning
import Reporting
import ScenarioFormat
import ZorgroosterRun

struct ReplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replan",
        abstract: "Re-plan a solved week after a change (a sick call), keeping every assignment still allowed; writes a new folder and changes.csv.",
        discussion: """
            Every assignment of the earlier roster that the change leaves allowed is kept as it
            is; only what the change leaves uncovered is filled again, by free qualified people.
            changes.csv lists each person and time whose work differs: date,start,end,staff_id,before,after.

            Examples:
              zorgrooster replan scenarios/dagbesteding-de-linde.yaml --from out/linde --out out/linde-ziek --absent s04@2026-03-17
            """)

    @Argument(help: "The scenario file the earlier roster was planned from.")
    var scenario: String

    @Option(name: .long, help: "The folder an earlier solve wrote.")
    var from: String

    @Option(name: .long, help: "Folder for the new output files (created if missing).")
    var out: String

    @Option(name: .long, help: ArgumentHelp("A person absent on a date: STAFF@YYYY-MM-DD (repeatable).", valueName: "staff@date"))
    var absent: [String] = []

    @Option(name: .long, help: ArgumentHelp("A roster.csv subset whose assignments must also stay.", valueName: "file"))
    var pin: String?

    @OptionGroup var planning: PlanningFlags

    func validate() throws {
        for item in absent {
            let parts = item.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, CivilDate(iso: String(parts[1])) != nil else {
                throw ValidationError("--absent takes STAFF@YYYY-MM-DD, e.g. --absent s04@2026-03-17; `\(item)` is not that.")
            }
        }
    }

    func run() throws {
        let base = try loadScenario(self.scenario)
        try requireOwnFolder(base)
        if base.weeks > 1 { return try replanPeriod(base) }
        let scenario = try loadScenario(self.scenario, variant: try absences(in: base))
        let earlier = try readRoster(folder: from, scenario: scenario)
        let pinned = try pin.map { try pinnedAssignments($0, scenario: scenario) } ?? []
        // Allowed one by one and together: a week the absence leaves breaking a rule lets go its fewest rows.
        let (kept, dropped) = Replanning.kept(Roster(assignments: earlier.assignments + pinned, uncovered: [],
                                                     responsibilities: earlier.responsibilities), in: scenario)
        var options = planning.options(for: scenario)
        options.pinned = kept
        options.addsOnlyWhereShort = true
        try holdOutput(out)
        installInterruptHandler()
        let outcome = try reporting { () throws(RunFailure) in try planAndCheck(scenario, options: options, keptMayMove: pin == nil) }
        var files = outputFiles(outcome, scenario: scenario, language: planning.lang)
        // Calendars that follow: changed events as new versions, taken-away ones cancelled.
        for name in files.keys where name.hasPrefix("calendars/") { files[name] = nil }
        files.merge(PersonCalendar.files(roster: outcome.roster, scenario: scenario, previous: earlier)) { _, new in new }
        let changes = Replanning.changes(from: earlier, to: outcome.roster)
        files["changes.csv"] = OutputFiles.changesCSV(changes, scenario: scenario)
        // The report marks what changed: a table of the changes, the new work outlined in the grids.
        files["report.html"] = RosterReport.html(scenario: scenario, roster: outcome.roster, summary: outcome.summary, hires: outcome.hires,
                                                 language: planning.lang,
                                                 changes: changes, sessions: outcome.sessions)
        try write(files, to: out, locale: planning.csvLocale, language: planning.lang)
        if !planning.quiet {
            print(TerminalSummary.render(scenario: scenario, roster: outcome.roster, summary: outcome.summary, hires: outcome.hires,
                                         outputFolder: out, files: shownFiles(Array(files.keys) + ["roster.xlsx"]), language: planning.lang))
            print(planning.lang == .nl
                  ? "Wijziging \(changes.count) (\(dropped.count) \(dropped.count == 1 ? "dienst" : "diensten") niet meer toegestaan); zie changes.csv"
                  : "Changes   \(changes.count) (\(dropped.count) assignment\(dropped.count == 1 ? "" : "s") no longer allowed); see changes.csv")
            let moved = changes.filter { $0.staff.rawValue.isEmpty }
            if !moved.isEmpty {
                // The clients to phone (and their transport): each move on the screen too.
                print((planning.lang == .nl ? "Cliënten  \(moved.count) \(moved.count == 1 ? "sessiewijziging" : "sessiewijzigingen"): " : "Clients   \(moved.count) session change\(moved.count == 1 ? "" : "s"): ") + moved.prefix(12).map { change in
                    "\(change.client?.rawValue ?? "") \(change.before.isEmpty ? "+" : "−")\(scenario.week.date(atMinute: change.interval.start).weekday) \((change.before.isEmpty ? change.after : change.before).split(separator: " ").last ?? "")"
                }.joined(separator: ", ") + (moved.count > 12 ? ", …" : ""))
            }
        }
    }

    /// A period: week after week, each week keeps what is still allowed of its earlier roster
    /// after the weeks before it as planned again, and fills what the change leaves.
    private func replanPeriod(_ base: Scenario) throws {
        guard pin == nil else {
            printError("--pin plans one week; this scenario plans \(base.weeks) weeks. Remove --pin, or re-plan a one-week scenario.")
            throw ExitCode(2)
        }
        let scenario = try loadScenario(self.scenario, variant: try absences(in: base))
        let earlier: [Roster]
        do { earlier = try RosterFileReader.readPeriod(folder: from, scenario: scenario) } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        try holdOutput(out)
        installInterruptHandler()
        let dropped = ResultSlots<Int>(count: scenario.weeks)
        var options = planning.options(for: scenario)
        options.addsOnlyWhereShort = true
        let weeks = try reporting { () throws(RunFailure) in
            try planPeriod(scenario, options: options) { index, week in
                let (kept, lost) = Replanning.kept(earlier[index], in: week)
                dropped.store(index, lost.count)
                return kept
            }
        }
        let changes = zip(earlier, weeks).map { Replanning.changes(from: $0, to: $1.outcome.roster) }
        let count = changes.reduce(0) { $0 + $1.count }
        // The report marks what changed, week by week.
        var files = try periodOutputFiles(weeks, language: planning.lang, changes: changes)
        files["changes.csv"] = try OutputFiles.periodCSV(zip(weeks, changes).map { ($0.scenario.week, OutputFiles.changesCSV($1, scenario: $0.scenario)) },
                                                         weekColumn: false)
        try write(files, to: out, locale: planning.csvLocale, language: planning.lang)
        if !planning.quiet {
            let (summary, hires) = periodSummary(weeks)
            print(TerminalSummary.render(scenario: scenario, roster: periodRoster(weeks), summary: summary, hires: hires,
                                         outputFolder: out, files: shownFiles(Array(files.keys) + ["roster.xlsx"]), language: planning.lang))
            let lost = (0..<scenario.weeks).reduce(0) { total, week in total + (dropped.stored(week) ?? 0) }
            print(planning.lang == .nl
                  ? "Wijziging \(count) over \(scenario.weeks) weken (\(lost) \(lost == 1 ? "dienst" : "diensten") niet meer toegestaan); zie changes.csv"
                  : "Changes   \(count) over \(scenario.weeks) weeks (\(lost) assignment\(lost == 1 ? "" : "s") no longer allowed); see changes.csv")
        }
    }

    /// The absences as a what-if on the scenario: each person's own absent dates plus the new ones.
    private func absences(in base: Scenario) throws -> ScenarioVariant? {
        var added: [StaffID: Set<CivilDate>] = [:]
        for item in absent {
            let parts = item.split(separator: "@")
            let staff = StaffID(String(parts[0]))
            guard let person = base.staff[staff] else {
                printError("--absent \(item): no staff member `\(staff)` in \(scenario)")
                throw ExitCode(2)
            }
            let date = CivilDate(iso: String(parts[1]))!
            let lastDay = base.week.adding(weeks: base.weeks - 1).date(of: .sun)
            guard base.week.monday <= date, date <= lastDay else {
                printError("--absent \(item): \(date) lies outside \(base.weeks > 1 ? "the period \(base.week) to \(lastDay)" : "the week \(base.week)") of \(scenario)")
                throw ExitCode(2)
            }
            added[staff, default: person.absent].insert(date)
        }
        guard !added.isEmpty else { return nil }
        let set = added.keys.sorted().map { staff in "staff.\(staff).absent=[\(added[staff]!.sorted().map(\.description).joined(separator: ", "))]" }
        do {
            return try ScenarioVariant(name: "re-plan", scaleClients: nil, set: set, remove: [])
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }

    /// `--from` must be a folder this scenario's solve wrote: its summary names the scenario and
    /// the period (a re-plan from another scenario's roster "runs" and changes everything).
    private func requireOwnFolder(_ scenario: Scenario) throws {
        let path = URL(fileURLWithPath: from).appendingPathComponent("summary.json").path
        guard let data = FileManager.default.contents(atPath: path),
              let summary = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            printError("\(from): no summary.json written by `zorgrooster solve`; give --from the folder of this scenario's roster")
            throw ExitCode(2)
        }
        let name = summary["scenario"] as? String ?? "", week = summary["week"] as? String ?? ""
        let weeks = (summary["weeks"] as? NSNumber)?.intValue ?? 1
        guard name == scenario.name, week == scenario.week.description, weeks == scenario.weeks else {
            printError("\(from) holds the roster of `\(name)` for \(week)\(weeks > 1 ? " + \(weeks) weeks" : ""), not of `\(scenario.name)` for \(scenario.week)\(scenario.weeks > 1 ? " + \(scenario.weeks) weeks" : ""); give --from the folder this scenario's solve wrote")
            throw ExitCode(2)
        }
    }
}
