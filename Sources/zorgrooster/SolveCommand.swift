import ArgumentParser
import CareDomain
import Foundation
import GLPKSolver
import Planning
import Reporting
import RosterCheck
import ScenarioFormat

struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Plan the week and write roster.csv, uncovered.csv, capacity.csv and summary.json.",
        discussion: "Example: zorgrooster solve scenarios/dagbesteding-de-linde.yaml --out out/linde")

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Option(name: .long, help: "Folder for the output files (created if missing).")
    var out: String

    @Option(name: .long, help: "Stop the search after this many seconds and keep the best roster (default: the scenario's settings, else 60).")
    var timeLimit: Double?

    @Option(name: .long, help: "Stop when the roster is proven within this relative gap of optimal (default: the scenario's settings, else 0.01).")
    var gap: Double?

    @Option(name: .long, help: "Visitors and responsible professionals offered per client, nearest first (0: everyone qualified; default 10).")
    var candidates: Int?

    @Flag(name: .long, help: "Print GLPK's log to stderr.")
    var verbose = false

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if let timeLimit, timeLimit <= 0 { throw ValidationError("--time-limit must be above 0 seconds.") }
        if let candidates, candidates < 0 { throw ValidationError("--candidates is 0 (everyone) or more.") }
        if let gap, gap < 0 || gap >= 1 { throw ValidationError("--gap is a fraction from 0 to below 1, e.g. 0.01 for 1%.") }
    }

    func run() throws {
        let scenario = try loadScenario(self.scenario)
        var options = PlanningOptions(
            timeLimitSeconds: timeLimit ?? scenario.settings.timeLimitSeconds ?? 60,
            relativeGap: gap ?? scenario.settings.relativeGap ?? 0.01)
        if let candidates { options.candidatesPerClient = candidates }
        if verbose {
            options.log = { @Sendable line in printError(line) }
        }
        let outcome: PlanOutcome
        do {
            outcome = try RosterPlanner(solver: GLPKSolver()).plan(scenario, options: options)
        } catch {
            printError("internal failure while planning: \(error)")
            throw ExitCode(1)
        }
        let violations = RosterChecker(scenario: scenario).check(outcome.roster)
        guard violations.isEmpty else {
            printError("INTERNAL ERROR: the planned roster breaks \(violations.count) rule(s); no files were written.")
            for violation in violations.prefix(50) { printError("  \(violation)") }
            printError("Please report this with the scenario file.")
            throw ExitCode(1)
        }
        let files = [
            "roster.csv": OutputFiles.rosterCSV(outcome.roster, scenario: scenario),
            "uncovered.csv": OutputFiles.uncoveredCSV(outcome.roster, scenario: scenario),
            "capacity.csv": OutputFiles.capacityCSV(outcome.capacity),
            "capacity-by-day.csv": OutputFiles.capacityByDayCSV(outcome.hires),
            "responsibility.csv": OutputFiles.responsibilityCSV(outcome.roster, scenario: scenario),
            "summary.json": OutputFiles.summaryJSON(outcome.summary, scenario: scenario, hires: outcome.hires),
        ]
        do {
            try OutputFiles.write(files, to: out)
        } catch {
            printError("cannot write to \(out): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        if !quiet {
            print(TerminalSummary.render(scenario: scenario, roster: outcome.roster, summary: outcome.summary,
                                         outputFolder: out, files: files.keys.sorted()))
        }
    }
}
