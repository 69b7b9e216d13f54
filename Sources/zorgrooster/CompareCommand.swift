import ArgumentParser
import CareDomain
import Dispatch
import Foundation
import Planning
import Reporting
import ScenarioFormat
import ZorgroosterRun

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Solve the base scenario and each of its variants; print one table and write compare.csv.",
        discussion: """
            Each variant's own files go to a folder of its own under --out (base/, then one per
            variant); compare.csv has one row per variant: coverage, uncovered hours, cost, the
            FTE to hire per level, solve status and gap. --set/--remove/--scale-clients add one
            more variant, "command line" (or the name given with --name). A variant whose edits
            break a rule of the format, or that fails to plan, is a row with its error; the base
            and the other variants still solve.

            Example: zorgrooster compare scenarios/dagbesteding-de-linde-wat-als.yaml --out out/wat-als
            """)

    @Argument(help: "The scenario file with a `variants:` section.")
    var scenario: String

    @Option(name: .long, help: "Folder for compare.csv and one folder per variant (default: compare-out).")
    var out = "compare-out"

    @OptionGroup var planning: PlanningFlags
    @OptionGroup var what: VariantFlags

    @Option(name: .long, help: "A name for the command line's variant (--set/--remove/--scale-clients; default: command line).")
    var name: String?

    func run() throws {
        let base = try loadScenario(scenario)
        var variants: [ScenarioVariant] = try variantsOf(scenario)
        let commandLine = try what.variant(named: name ?? "command line")
        if let commandLine { variants.append(commandLine) }
        if name != nil, commandLine == nil {
            printError("--name names the command line's variant; give --set, --remove or --scale-clients with it")
            throw ExitCode(2)
        }
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
                printError("variant `\(variant.name)` is left out: \(message)")
            }
        }
        try holdOutput(out)
        let (scenarios, names) = (readScenarios, readNames)
        let folders = uniqueFolders(for: names)

        // Variants run side by side where cores allow; each plan already spreads its parts over the cores.
        let outcomes = ResultSlots<Result<[PlannedWeek], Error>>(count: scenarios.count)
        let workers = max(1, min(scenarios.count, ProcessInfo.processInfo.activeProcessorCount))
        let next = ResultSlots<Int>(count: 1)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = next.takeTicket(limit: scenarios.count) {
                let options = planning.options(for: scenarios[index], logPrefix: "[\(names[index])] ")
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
                if index == 0 { return try reporting { () throws(RunFailure) in throw failure } }
                for line in lines { printError("[\(names[index])] \(line)") }
                rows.append(.failed(name: names[index], changes: changes[index], error: lines.first ?? "planning failed"))
                continue
            }
            do { variantFiles.append((folders[index], try periodOutputFiles(weeks, language: planning.lang))) } catch {
                printError("internal failure while writing the period's tables: \(error)")
                throw ExitCode(1)
            }
            let (summary, hires) = weeks.count > 1 ? periodSummary(weeks) : (weeks[0].outcome.summary, weeks[0].outcome.hires)
            var row = VariantComparison(name: names[index], folder: folders[index], clients: scenarios[index].clients.count,
                                        demandHours: weeks.reduce(0) { $0 + $1.outcome.capacity.reduce(0) { $0 + $1.demandHours } },
                                        summary: summary, hires: hires)
            row.changes = changes[index]
            row.rosteredFTE = rosteredFTE(weeks, scenario: scenarios[index])
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
                                                                           language: planning.lang)]
        for (folder, files) in variantFiles {
            for (name, text) in files { all[folder + "/" + name] = text }
        }
        try write(all, to: out, locale: planning.csvLocale, language: planning.lang)
        if !planning.quiet {
            print(ComparisonTable.render(title: title, rows: rows, levels: levels, language: planning.lang))
            print(planning.lang == .nl ? "Bestanden: \((out as NSString).appendingPathComponent("compare.csv")), compare.html en een map per variant"
                                       : "Files: \((out as NSString).appendingPathComponent("compare.csv")), compare.html and one folder per variant")
        }
    }

    /// Rostered hours per staff level over `fte_hours`, per week of the period.
    private func rosteredFTE(_ weeks: [PlannedWeek], scenario: Scenario) -> [String: Double] {
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
    private func uniqueFolders(for names: [String]) -> [String] {
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
