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
        try holdOutput(out)
        let planning = self.planning
        let comparison = try reporting { () throws(RunFailure) in
            try Comparison(path: scenario, base: base, variants: variants, commandLine: commandLine, language: planning.lang) { scenario, name in
                planning.options(for: scenario, logPrefix: "[\(name)] ")
            }
        }
        for message in comparison.messages { printError(message) }
        try write(comparison.files, to: out, locale: planning.csvLocale, language: planning.lang)
        if !planning.quiet {
            print(ComparisonTable.render(title: comparison.title, rows: comparison.rows, levels: comparison.levels, language: planning.lang))
            print(planning.lang == .nl ? "Bestanden: \((out as NSString).appendingPathComponent("compare.csv")), compare.html en een map per variant"
                                       : "Files: \((out as NSString).appendingPathComponent("compare.csv")), compare.html and one folder per variant")
        }
    }
}
