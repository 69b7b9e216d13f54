import ArgumentParser
import CareDomain
import GLPKSolver
import Planning
import Reporting
import RosterCheck
import ScenarioFormat

/// Plans a week and has the independent checker pass it; a roster that breaks a rule is never returned.
func planAndCheck(_ scenario: Scenario, options: PlanningOptions) throws -> PlanOutcome {
    let outcome: PlanOutcome
    do {
        outcome = try RosterPlanner(solver: GLPKSolver()).plan(scenario, options: options)
    } catch {
        printError("internal failure while planning \(scenario.name): \(error)")
        throw ExitCode(1)
    }
    let violations = RosterChecker(scenario: scenario).check(outcome.roster)
    guard violations.isEmpty else {
        printError("INTERNAL ERROR: the planned roster for \(scenario.name) breaks \(violations.count) rule(s); no files were written.")
        for violation in violations.prefix(50) { printError("  \(violation)") }
        printError("Please report this with the scenario file.")
        throw ExitCode(1)
    }
    return outcome
}

/// The files `solve` writes for one planned week.
func outputFiles(_ outcome: PlanOutcome, scenario: Scenario, language: ReportLanguage = .nl) -> [String: String] {
    PersonCalendar.files(roster: outcome.roster, scenario: scenario).merging([
        "report.html": RosterReport.html(scenario: scenario, roster: outcome.roster, summary: outcome.summary, hires: outcome.hires,
                                         language: language),
        "roster.csv": OutputFiles.rosterCSV(outcome.roster, scenario: scenario),
        "uncovered.csv": OutputFiles.uncoveredCSV(outcome.roster, scenario: scenario),
        "capacity.csv": OutputFiles.capacityCSV(outcome.capacity),
        "capacity-by-day.csv": OutputFiles.capacityByDayCSV(outcome.hires),
        "responsibility.csv": OutputFiles.responsibilityCSV(outcome.roster, scenario: scenario),
        "summary.json": OutputFiles.summaryJSON(outcome.summary, scenario: scenario, hires: outcome.hires),
    ]) { first, _ in first }
}

func write(_ files: [String: String], to folder: String, locale: CSVLocale = .plain) throws {
    do {
        var localized: [String: String] = [:]
        for (name, text) in files { localized[name] = name.hasSuffix(".csv") ? try locale.apply(to: text) : text }
        try OutputFiles.write(localized, to: folder)
    } catch {
        printError("cannot write to \(folder): \(error.localizedDescription)")
        throw ExitCode(1)
    }
}
