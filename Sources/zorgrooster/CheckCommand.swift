import Reporting
import ArgumentParser
import CareDomain
import ScenarioFormat
import RosterCheck
import Spreadsheet
import Foundation
import Planning

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-verify a written roster against every rule of its scenario.",
        discussion: "Example: zorgrooster check scenarios/dagbesteding-de-linde.yaml out/linde")

    @Argument(help: "The scenario file the roster was planned from.")
    var scenario: String

    @Option(name: .long, help: "The language of what is said: nl (default) or en.")
    var lang: String = "nl"

    @Argument(help: "The folder holding roster.csv and uncovered.csv.")
    var folder: String

    @OptionGroup var what: VariantFlags

    @Option(name: .long, help: "Check against the scenario's variant of this name (the roster came from `solve --variant`).")
    var variant: String?

    func run() throws {
        let scenario = try loadScenario(self.scenario, variant: try chooseVariant(variant, or: what, in: self.scenario))
        let weeks: [Roster]
        if scenario.weeks > 1 {
            do { weeks = try RosterFileReader.readPeriod(folder: folder, scenario: scenario) } catch {
                printError("\(error)")
                throw ExitCode(2)
            }
        } else {
            weeks = [try readRoster(folder: folder, scenario: scenario)]
        }
        // Each week against its own rules, the weeks before it as its history; whether someone
        // was free to meet a shortfall also asks the weeks after it. The rules come first
        // (SCENARIO.md 1.2): a roster edited by hand is judged before its stale totals are named.
        var violations: [Violation] = []
        for (index, roster) in weeks.enumerated() {
            let week = PlanningPeriod.week(index, of: scenario, after: Array(weeks[..<index]))
            let later = LaterWeeks(period: scenario, index: index, earlier: Array(weeks[..<index]), later: Array(weeks[(index + 1)...]))
            let found = RosterChecker(scenario: week).check(roster, later: later)
            violations += weeks.count > 1 ? found.map { Violation(rule: $0.rule, message: "\(week.week): \($0.message)") } : found
        }
        var stale: String? = nil
        do {
            try RosterFileReader.checkWrittenFiles(folder: folder, scenario: scenario, rosters: weeks)
            // The files for people to read, made from this roster: the workbook read once.
            let book = URL(fileURLWithPath: folder).appendingPathComponent("roster.xlsx")
            let workbook: RosterFileReader.WrittenWorkbook
            do {
                let data = try Data(contentsOf: book)
                workbook = RosterFileReader.WrittenWorkbook(
                    footers: try XLSXWorkbook.footerMarks(of: data),
                    rosterSheet: try XLSXWorkbook.cells(of: data, sheet: "Rooster") ?? XLSXWorkbook.cells(of: data, sheet: "Roster"),
                    column: XLSXWorkbook.columnLetter, dateSerial: { XLSXWorkbook.dateSerial(year: $0.year, month: $0.month, day: $0.day) })
            } catch {
                throw RosterFileReader.ReadError(file: "roster.xlsx", line: 1, problem: "is not a workbook solve wrote (\(error))")
            }
            let perWeek = weeks.indices.map { (weeks[$0], PlanningPeriod.week($0, of: scenario, after: Array(weeks[..<$0]))) }
            try RosterFileReader.checkDerivedFiles(folder: folder, weeks: perWeek, workbook: workbook)
        } catch { stale = "\(error)" }
        if let stale, violations.isEmpty {
            // The rules first (SCENARIO.md 1.2): a roster edited by hand may be sound while the
            // files made from the old one are stale; both are said, in that order.
            let rows = weeks.reduce(0) { $0 + $1.assignments.count }
            print(MessageLanguage.localized("Every rule holds on the \(rows) roster rows\(weeks.count > 1 ? " over \(weeks.count) weeks" : ""); every shortfall is reported."))
            printError("But the other files no longer match roster.csv: \(stale)")
            printError("Write them anew from this roster with `zorgrooster render \(self.scenario) \(folder)` (every row kept as it is).")
            throw ExitCode(2)
        }
        if violations.isEmpty {
            let rows = weeks.reduce(0) { $0 + $1.assignments.count }, short = weeks.reduce(0) { $0 + $1.uncovered.count }
            print(MessageLanguage.localized("OK: \(rows) roster rows and \(short) uncovered rows\(weeks.count > 1 ? " over \(weeks.count) weeks" : ""); every rule holds and every shortfall is reported."))
            return
        }
        print(MessageLanguage.localized("\(violations.count) violation\(violations.count == 1 ? "" : "s"):"))
        for violation in violations { print(MessageLanguage.localized("  \(violation)")) }
        if let stale {
            print(MessageLanguage.localized("Then the totals: the other files no longer match the roster (once the rules hold, `zorgrooster render` writes them anew): \(stale)"))
        }
        throw ExitCode(1)
    }
}
