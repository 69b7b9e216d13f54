import ArgumentParser
import CareDomain
import Foundation
import Planning
import Reporting
import ScenarioFormat
import ZorgroosterRun

struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Plan the week and write roster.csv, uncovered.csv, capacity.csv and summary.json.",
        discussion: """
            Examples:
              zorgrooster solve scenarios/dagbesteding-de-linde.yaml --out out/linde
              zorgrooster solve scenarios/dagbesteding-de-linde.yaml --out out/ratio4 --set products.groep-duurzaam.ratio=4
              zorgrooster solve scenarios/dagbesteding-de-linde.yaml --out out/plus20 --variant "+20% clients"
            """)

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Option(name: .long, help: "Folder for the output files (created if missing).")
    var out: String

    @OptionGroup var planning: PlanningFlags
    @OptionGroup var what: VariantFlags

    @Option(name: .long, help: "Solve the scenario's variant of this name instead of the base (see `compare`).")
    var variant: String?

    @Option(name: .long, help: ArgumentHelp("A roster.csv subset whose assignments the roster must keep.", valueName: "file"))
    var pin: String?

    func run() throws {
        let scenario = try loadScenario(self.scenario, variant: try chooseVariant(variant, or: what, in: self.scenario))
        try holdOutput(out)
        installInterruptHandler()
        let progress = LiveProgress()
        var options = planning.interactiveOptions(for: scenario, progress: progress)
        if let pin {
            guard scenario.weeks == 1 else {
                printError("--pin plans one week; this scenario plans \(scenario.weeks) weeks. Pin within a one-week scenario, or remove --pin.")
                throw ExitCode(2)
            }
            options.pinned = Roster(assignments: try pinnedAssignments(pin, scenario: scenario), uncovered: [])
        }
        let weeks = try reporting { () throws(RunFailure) in try planPeriod(scenario, options: options) }
        progress.finish()
        // Where the command's time went after the search (--verbose): the limit covers it all.
        let phase = { (what: String) in options.log?(String(format: "%@ at %.1f s", what, Date().timeIntervalSince(commandStarted))) }
        phase("planned and checked")
        let files: [String: String]
        do { files = try periodOutputFiles(weeks, language: planning.lang) } catch {
            printError("internal failure while writing the period's tables: \(error)")
            throw ExitCode(1)
        }
        phase("files made")
        try write(files, to: out, locale: planning.csvLocale, language: planning.lang)
        phase("files written")
        if !planning.quiet {
            let (summary, hires) = weeks.count > 1 ? periodSummary(weeks) : (weeks[0].outcome.summary, weeks[0].outcome.hires)
            print(TerminalSummary.render(scenario: scenario, roster: periodRoster(weeks), summary: summary, hires: hires,
                                         outputFolder: out, files: shownFiles(Array(files.keys) + ["roster.xlsx"]), language: planning.lang))
        }
    }
}

/// The files a run wrote, with a subfolder (the calendars) as one entry.
func shownFiles(_ names: some Sequence<String>) -> [String] {
    var shown = Set<String>()
    var perFolder: [String: Int] = [:]
    for name in names {
        if let slash = name.firstIndex(of: "/") { perFolder[String(name[...slash]), default: 0] += 1 } else { shown.insert(name) }
    }
    return shown.sorted() + perFolder.keys.sorted().map { "\($0) (\(perFolder[$0]!) files)" }
}

/// The assignments of a `--pin` file, each still allowed by the scenario; else bad input (exit 2)
/// naming the pin and the rule.
func pinnedAssignments(_ path: String, scenario: Scenario) throws -> [RosterAssignment] {
    let rows: [RosterAssignment]
    do {
        rows = try RosterFileReader.readAssignments(file: path, scenario: scenario)
    } catch {
        printError("\(error)")
        throw ExitCode(2)
    }
    let (_, dropped) = Replanning.stillAllowed(Roster(assignments: rows, uncovered: []), in: scenario)
    // Every pin that cannot be kept, at once: a planner fixes them all in one go.
    for wrong in dropped {
        let row = wrong.assignment
        printError("\(path): the pinned \(row.activity.rawValue) of \(row.staff) at \([row.location?.rawValue, row.ref].compactMap { $0 }.joined(separator: " ")) \(scenario.week.date(atMinute: row.interval.start)) \(ClockTime.text(row.interval.start))–\(ClockTime.text(row.interval.end)) is not allowed: \(wrong.reason.sentence)")
    }
    if !dropped.isEmpty {
        if dropped.count > 1 { printError("\(dropped.count) pins cannot be kept; remove or move them and run again.") }
        throw ExitCode(2)
    }
    return rows
}

