import ArgumentParser
import CareDomain
import GLPKSolver
import Planning
import Reporting
import RosterCheck
import ScenarioFormat
import Spreadsheet
import SwiftCSV
import Foundation

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
    // With pins the roster had to keep, broken rules are the pins' (together they ask too much).
    if !violations.isEmpty, let pins = options.pinned, !pins.assignments.isEmpty {
        printError("The pinned assignments cannot all be kept: with them the roster breaks \(violations.count) rule(s); no files were written.")
        for violation in violations.prefix(20) { printError("  \(violation)") }
        printError("Remove or move the pins named above and run again.")
        throw ExitCode(2)
    }
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
        var localized: [String: Data] = [:]
        for (name, text) in files { localized[name] = Data((name.hasSuffix(".csv") ? try locale.apply(to: text) : text).utf8) }
        if files["roster.csv"] != nil { localized["roster.xlsx"] = try rosterWorkbook(files) }
        try OutputFiles.write(data: localized, to: folder)
    } catch {
        printError("cannot write to \(folder): \(error.localizedDescription)")
        throw ExitCode(1)
    }
}

/// `roster.xlsx`: one sheet per view, from the same tables as the CSV files (numbers stay numbers
/// whatever Excel's locale).
func rosterWorkbook(_ files: [String: String]) throws -> Data {
    let views = [("Rooster", "roster.csv"), ("Niet gedekt", "uncovered.csv"), ("Capaciteit", "capacity.csv"),
                 ("Capaciteit per dag", "capacity-by-day.csv"), ("Verantwoordelijk", "responsibility.csv")]
    let sheets = try views.compactMap { name, file -> XLSXWorkbook.Sheet? in
        guard let text = files[file] else { return nil }
        let table = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false)
        return XLSXWorkbook.Sheet(name: name, rows: [table.header] + table.rows)
    }
    return try XLSXWorkbook.data(sheets)
}
