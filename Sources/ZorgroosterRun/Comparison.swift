import CareDomain
import Dispatch
import Foundation
import Planning
import Reporting
import ScenarioFormat

/// `compare` apart from the command line: the base and each variant read afresh from the file
/// (one whose edits break a rule becomes a row with its error), planned side by side, each
/// checked, and every file of the comparison made as data.
public struct Comparison: Sendable {
    public let rows: [VariantComparison]
    /// `compare.csv`, `compare.html` and each variant's files under its folder.
    public let files: [String: String]
    /// The table's title and the levels it shows FTE for.
    public let title: String
    public let levels: [String]
    /// What went wrong with a variant, for stderr (the others still planned).
    public let messages: [String]

    /// `commandLine`: the variant made of command-line edits, whose errors are said to be its.
    public init(path scenario: String, base: Scenario, variants: [ScenarioVariant], commandLine: ScenarioVariant?, language: ReportLanguage,
                options: @Sendable (Scenario, String) -> PlanningOptions) throws(RunFailure) {
        var messages: [String] = []
        // Each variant is read afresh from the file, so no variant can touch the base or
        // another; one whose edits break a rule becomes a row with its error, and the rest solve.
        var readScenarios: [Scenario] = [base]
        var readNames = ["base"]
        var changes = [""]
        var failures: [(index: Int, row: VariantComparison)] = []
        for variant in variants {
            do {
                readScenarios.append(try ScenarioLoader.load(path: scenario, variant: variant))
                readNames.append(variant.name)
                changes.append(variant.changesText)
            } catch {
                let fromCommandLine = variant.name == commandLine?.name && commandLine != nil
                // One line per issue (a table cell), the hint after a dash.
                let cause = error.issues.map { issue in
                    (fromCommandLine ? "" : "\(issue.location): ") + "\(issue.path.isEmpty ? "" : "\(issue.path): ")\(issue.problem)"
                        + (issue.hint.isEmpty ? "" : " (\(issue.hint))")
                }.joined(separator: "; ")
                let message = fromCommandLine ? "the command line's edits (\(variant.changesText)) make the scenario invalid: \(cause)" : cause
                failures.append((readNames.count + failures.count, .failed(name: variant.name, changes: variant.changesText, error: message)))
                messages.append("variant `\(variant.name)` is left out: \(message)")
            }
        }
        let (scenarios, names) = (readScenarios, readNames)
        let folders = Self.uniqueFolders(for: names)

        // Variants run side by side where cores allow; each plan already spreads its parts over the cores.
        let outcomes = ResultSlots<Result<[PlannedWeek], Error>>(count: scenarios.count)
        let workers = max(1, min(scenarios.count, ProcessInfo.processInfo.activeProcessorCount))
        let next = ResultSlots<Int>(count: 1)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = next.takeTicket(limit: scenarios.count) {
                let options = options(scenarios[index], names[index])
                outcomes.store(index, Result { try planPeriod(scenarios[index], options: options) })
            }
        }
        var rows: [VariantComparison] = []
        var variantFiles: [(folder: String, files: [String: String])] = []
        for (index, result) in outcomes.all().enumerated() {
            let weeks: [PlannedWeek]
            do { weeks = try result.get() } catch {
                let failure = error as? RunFailure ?? RunFailure(exitCode: 1, lines: ["internal failure: \(error)"])
                let lines = failure.lines
                // The base must plan, or there is nothing to compare with.
                if index == 0 { throw failure }
                messages += lines.map { "[\(names[index])] \($0)" }
                rows.append(.failed(name: names[index], changes: changes[index], error: lines.first ?? "planning failed"))
                continue
            }
            do { variantFiles.append((folders[index], try periodOutputFiles(weeks, language: language))) } catch {
                throw RunFailure(exitCode: 1, lines: ["internal failure while writing the period's tables: \(error)"])
            }
            let (summary, hires) = weeks.count > 1 ? periodSummary(weeks) : (weeks[0].outcome.summary, weeks[0].outcome.hires)
            var row = VariantComparison(name: names[index], folder: folders[index], clients: scenarios[index].clients.count,
                                        demandHours: weeks.reduce(0) { $0 + $1.outcome.capacity.reduce(0) { $0 + $1.demandHours } },
                                        summary: summary, hires: hires)
            row.changes = changes[index]
            row.rosteredFTE = Self.rosteredFTE(weeks, scenario: scenarios[index])
            rows.append(row)
        }
        // Failed variants keep their place in the file's order.
        for (index, row) in failures { rows.insert(row, at: min(index, rows.count)) }
        // Written only once every variant that planned has a checked roster, all in one folder
        // at once: a failure leaves no half comparison.
        let title = "zorgrooster compare · \(base.name) (\(base.week))"
        let levels = OutputFiles.comparedLevels(rows, scale: base.scale)
        let rostered = base.scale.levels.map(\.name).filter { level in rows.contains { $0.rosteredFTE[level] != nil } }
        var all: [String: String] = ["compare.csv": OutputFiles.compareCSV(rows, scale: base.scale),
                                     "compare.html": ComparisonReport.html(title: title, rows: rows, levels: levels, rosteredLevels: rostered,
                                                                           language: language)]
        for (folder, files) in variantFiles {
            for (name, text) in files { all[folder + "/" + name] = text }
        }
        self.rows = rows
        self.files = all
        self.title = title
        self.levels = levels
        self.messages = messages
    }

    /// Rostered hours per staff level over `fte_hours`, per week of the period.
    private static func rosteredFTE(_ weeks: [PlannedWeek], scenario: Scenario) -> [String: Double] {
        var hours: [String: Double] = [:]
        for week in weeks {
            for row in week.outcome.roster.assignments {
                guard let person = scenario.staff[row.staff], !person.isVolunteer else { continue }
                hours[person.level.name, default: 0] += Double(row.interval.minutes) / 60
            }
        }
        return hours.mapValues { $0 / scenario.settings.fteHours / Double(max(1, weeks.count)) }
    }

    /// Folder names from variant names: lower case, letters and digits, each distinct.
    private static func uniqueFolders(for names: [String]) -> [String] {
        var taken: Set<String> = []
        return names.map { name in
            let words = name.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : $0 == "%" ? "pct" : "-" }.joined()
            let slug = words.split(separator: "-").joined(separator: "-")
            var folder = slug.isEmpty ? "variant" : slug
            var number = 2
            while taken.contains(folder) { folder = "\(slug)-\(number)"; number += 1 }
            taken.insert(folder)
            return folder
        }
    }
}
