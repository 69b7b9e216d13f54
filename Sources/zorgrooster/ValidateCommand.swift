import ArgumentParser
import CareDomain
import ScenarioFormat

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario (or contract) file without solving it.",
        discussion: "Example: zorgrooster validate scenarios/dagbesteding-de-linde.yaml")

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    func run() throws {
        if ContractLoader.isContract(path: self.scenario) {
            do {
                let contract = try ContractLoader.load(path: self.scenario)
                print("valid contract: \(contract.name): \(contract.volumes.count) volume\(contract.volumes.count == 1 ? "" : "s"), \(contract.products.count) products")
                return
            } catch {
                printError(error.description)
                throw ExitCode(2)
            }
        }
        let scenario = try loadScenario(self.scenario)
        let sessions = scenario.groupSessions.count
        print("valid: \(scenario.name) (\(scenario.week)): \(scenario.staff.count) staff, \(scenario.clients.count) clients, \(scenario.locations.count) locations, \(sessions) sessions")
    }
}
