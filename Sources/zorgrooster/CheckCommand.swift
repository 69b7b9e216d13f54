import ArgumentParser
import CareDomain
import ScenarioFormat
import RosterCheck

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-verify a written roster against every rule of its scenario.",
        discussion: "Example: zorgrooster check scenarios/dagbesteding-de-linde.yaml out/linde")

    @Argument(help: "The scenario file the roster was planned from.")
    var scenario: String

    @Argument(help: "The folder holding roster.csv and uncovered.csv.")
    var folder: String

    @OptionGroup var what: VariantFlags

    @Option(name: .long, help: "Check against the scenario's variant of this name (the roster came from `solve --variant`).")
    var variant: String?

    func run() throws {
        let scenario = try loadScenario(self.scenario, variant: try chooseVariant(variant, or: what, in: self.scenario))
        let roster = try readRoster(folder: folder, scenario: scenario)
        let violations = RosterChecker(scenario: scenario).check(roster)
        if violations.isEmpty {
            print("OK: \(roster.assignments.count) roster rows and \(roster.uncovered.count) uncovered rows; every rule holds and every shortfall is reported.")
            return
        }
        print("\(violations.count) violation\(violations.count == 1 ? "" : "s"):")
        for violation in violations { print("  \(violation)") }
        throw ExitCode(1)
    }
}
