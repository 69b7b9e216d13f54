import ArgumentParser
import CareDomain
import Dispatch
import Foundation
import Planning
import Reporting
import ScenarioFormat

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Solve the base scenario and each of its variants; print one table and write compare.csv.",
        discussion: """
            Each variant's own files go to a folder of its own under --out (base/, then one per
            variant); compare.csv has one row per variant: coverage, uncovered hours, cost, the
            FTE to hire per level, solve status and gap. --set/--remove/--scale-clients add one
            more variant, "command line".

            Example: zorgrooster compare scenarios/dagbesteding-de-linde-wat-als.yaml --out out/wat-als
            """)

    @Argument(help: "The scenario file with a `variants:` section.")
    var scenario: String

    @Option(name: .long, help: "Folder for compare.csv and one folder per variant (default: compare-out).")
    var out = "compare-out"

    @OptionGroup var planning: PlanningFlags
    @OptionGroup var what: VariantFlags

    func run() throws {
        let base = try loadScenario(scenario)
        var variants: [ScenarioVariant?] = [nil]
        variants += try variantsOf(scenario).map { Optional($0) }
        if let extra = try what.variant() { variants.append(extra) }
        // Each variant is read afresh from the file, so no variant can touch the base or another.
        let scenarios = try variants.map { variant in try variant.map { try loadScenario(scenario, variant: $0) } ?? base }
        let names = variants.map { $0?.name ?? "base" }
        try holdOutput(out)
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
        var variantFiles: [[String: String]] = []
        for (index, result) in outcomes.all().enumerated() {
            let weeks = try result.get()
            do { variantFiles.append(try periodOutputFiles(weeks, language: planning.lang)) } catch {
                printError("internal failure while writing the period's tables: \(error)")
                throw ExitCode(1)
            }
            let (summary, hires) = weeks.count > 1 ? periodSummary(weeks) : (weeks[0].outcome.summary, weeks[0].outcome.hires)
            rows.append(VariantComparison(name: names[index], folder: folders[index], clients: scenarios[index].clients.count,
                                          demandHours: weeks.reduce(0) { $0 + $1.outcome.capacity.reduce(0) { $0 + $1.demandHours } },
                                          summary: summary, hires: hires))
        }
        // Written only once every variant has a checked roster, all in one folder at once: a
        // failure leaves no half comparison.
        let title = "zorgrooster compare · \(base.name) (\(base.week))"
        let levels = OutputFiles.comparedLevels(rows, scale: base.scale)
        var all: [String: String] = ["compare.csv": OutputFiles.compareCSV(rows, scale: base.scale),
                                     "compare.html": ComparisonReport.html(title: title, rows: rows, levels: levels, language: planning.lang)]
        for (folder, files) in zip(folders, variantFiles) {
            for (name, text) in files { all[folder + "/" + name] = text }
        }
        try write(all, to: out, locale: planning.csvLocale)
        if !planning.quiet {
            print(ComparisonTable.render(title: title, rows: rows, levels: levels))
            print("Files: \((out as NSString).appendingPathComponent("compare.csv")), compare.html and one folder per variant")
        }
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
