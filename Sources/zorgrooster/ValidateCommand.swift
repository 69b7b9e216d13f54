import ArgumentParser
import CareDomain

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file without solving it.",
        discussion: "Example: zorgrooster validate scenarios/dagbesteding-de-linde.yaml")

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    func run() throws {
        let scenario = try loadScenario(self.scenario)
        let sessions = scenario.groupSessions.count
        print("valid: \(scenario.name) (\(scenario.week)): \(scenario.staff.count) staff, \(scenario.clients.count) clients, \(scenario.locations.count) locations, \(sessions) sessions")
    }
}
