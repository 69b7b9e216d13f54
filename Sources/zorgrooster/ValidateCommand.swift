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
        // validate reads every variant too: each must make a valid scenario.
        let scenario = try loadScenario(self.scenario, checkingVariants: true)
        let sessions = scenario.groupSessions.count
        let period = scenario.weeks > 1 ? " + \(scenario.weeks - 1) more weeks" : ""
        print("valid: \(scenario.name) (\(scenario.week)\(period)): \(scenario.staff.count) staff, \(scenario.clients.count) clients, \(scenario.locations.count) locations, \(sessions) sessions")
        // Valid, but worth a look: absences outside the planned weeks change nothing.
        let lastDay = scenario.week.adding(weeks: scenario.weeks - 1).date(of: .sun)
        let outside = scenario.sortedStaff.flatMap { person in
            person.absent.sorted().filter { $0 < scenario.week.monday || $0 > lastDay }.map { "\(person.id)@\($0)" }
        }
        if !outside.isEmpty {
            print("warning: \(outside.count) absence\(outside.count == 1 ? " lies" : "s lie") outside \(scenario.week.monday) to \(lastDay) and change nothing: \(outside.prefix(10).joined(separator: ", "))\(outside.count > 10 ? ", …" : "")")
        }
        // Valid, but worth a look: a client of an evaluated product never evaluated is due at once.
        let neverEvaluated = scenario.sortedClients.filter { client in
            client.lastEvaluation == nil && scenario.products[client.product]?.evaluationMonths != nil
        }
        if !neverEvaluated.isEmpty {
            print("warning: \(neverEvaluated.count) client\(neverEvaluated.count == 1 ? " has" : "s have") no last_evaluation, so their product's evaluation is due at once: \(neverEvaluated.prefix(10).map(\.id.rawValue).joined(separator: ", "))\(neverEvaluated.count > 10 ? ", …" : "")")
        }
    }
}
