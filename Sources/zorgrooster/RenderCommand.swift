import ArgumentParser
import CareDomain
import Foundation
import Planning
import Reporting
import ScenarioFormat
import ZorgroosterRun

/// `render`: a planner edits roster.csv by hand (in Excel, in either CSV locale) and has every
/// other file made anew from it, once the edited roster has been judged against every rule.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Write every file anew from a roster.csv edited by hand, after judging it against every rule.",
        discussion: """
            Reads DIR/roster.csv (and responsibility.csv) as edited: rows added, removed or
            changed, in either CSV locale. The roster is kept exactly as it is (no search); what
            it leaves short, the reasons, the hire advice, the hours, the cost, the report, the
            workbook and the calendars are derived from it. A roster that breaks a rule, names
            a session that does not exist, or leaves work a free, qualified person could do is
            refused with each problem named, and nothing is written (exit 1).

            Examples:
              zorgrooster render scenarios/dagbesteding-de-linde.yaml out/linde
              zorgrooster render scenarios/dagbesteding-de-linde.yaml out/linde-bewerkt --from out/linde --out out/linde-nieuw
            """)

    @Argument(help: "The scenario file the roster was planned from.")
    var scenario: String

    @Argument(help: "The folder whose roster.csv was edited.")
    var folder: String

    @Option(name: .long, help: "Folder for the new files (default: DIR itself, replaced whole).")
    var out: String?

    @Option(name: .long, help: ArgumentHelp("The folder of the roster before the edits: changes.csv, the changes in the report, calendars whose changed events are new versions.", valueName: "dir"))
    var from: String?

    @OptionGroup var planning: PlanningFlags
    @OptionGroup var what: VariantFlags

    @Option(name: .long, help: "The scenario's variant the roster was planned for (`solve --variant`).")
    var variant: String?

    func run() throws {
        let scenario = try loadScenario(self.scenario, variant: try chooseVariant(variant, or: what, in: self.scenario))
        let edited = try rosters(in: folder, scenario: scenario)
        let earlier = try from.map { try rosters(in: $0, scenario: scenario) }
        let out = self.out ?? folder
        try holdOutput(out)
        installInterruptHandler()
        let options = planning.options(for: scenario)
        let weeks = try reporting { () throws(RunFailure) in try planPeriod(scenario, options: options, asWritten: edited) }
        let changes = earlier.map { zip($0, weeks).map { Replanning.changes(from: $0, to: $1.outcome.roster) } }
        var files: [String: String]
        do { files = try periodOutputFiles(weeks, language: planning.lang, changes: changes) } catch {
            printError("internal failure while making the files: \(error)")
            throw ExitCode(1)
        }
        if let changes, let earlier {
            files["changes.csv"] = weeks.count == 1
                ? OutputFiles.changesCSV(changes[0], scenario: scenario)
                : try OutputFiles.periodCSV(zip(weeks, changes).map { ($0.scenario.week, OutputFiles.changesCSV($1, scenario: $0.scenario)) }, weekColumn: false)
            if weeks.count == 1 {
                let outcome = weeks[0].outcome
                // Calendars that follow the edit: changed events as new versions, taken-away ones cancelled.
                for name in files.keys where name.hasPrefix("calendars/") { files[name] = nil }
                files.merge(PersonCalendar.files(roster: outcome.roster, scenario: scenario, previous: earlier[0])) { _, new in new }
                files["report.html"] = RosterReport.html(scenario: scenario, roster: outcome.roster, summary: outcome.summary, hires: outcome.hires,
                                                         language: planning.lang, changes: changes[0], sessions: outcome.sessions)
            }
        }
        try write(files, to: out, locale: planning.csvLocale, language: planning.lang)
        if !planning.quiet {
            let (summary, hires) = weeks.count > 1 ? periodSummary(weeks) : (weeks[0].outcome.summary, weeks[0].outcome.hires)
            print(TerminalSummary.render(scenario: scenario, roster: periodRoster(weeks), summary: summary, hires: hires,
                                         outputFolder: out, files: shownFiles(Array(files.keys) + ["roster.xlsx"]), language: planning.lang))
            let rows = edited.reduce(0) { $0 + $1.assignments.count }
            print(planning.lang == .nl
                  ? "Bewerkt   \(rows) regels van roster.csv gehouden zoals ze zijn; elke regel van het rooster houdt stand\(changes.map { ", \($0.reduce(0) { $0 + $1.count }) wijzigingen tegen --from (changes.csv)" } ?? "")"
                  : "Edited    \(rows) rows of roster.csv kept as they are; every rule holds\(changes.map { ", \($0.reduce(0) { $0 + $1.count }) changes against --from (changes.csv)" } ?? "")")
        }
    }

    /// The roster of a folder, one per week of the period.
    private func rosters(in folder: String, scenario: Scenario) throws -> [Roster] {
        do {
            return try RosterFileReader.readPeriod(folder: folder, scenario: scenario)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
    }
}
