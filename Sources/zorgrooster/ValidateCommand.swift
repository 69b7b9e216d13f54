import Reporting
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

    @Option(name: .long, help: "The language of what is said: nl (default) or en.")
    var lang: String = "nl"

    func run() throws {
        if ContractLoader.isContract(path: self.scenario) {
            do {
                let contract = try ContractLoader.load(path: self.scenario)
                print(MessageLanguage.localized("valid contract: \(contract.name): \(contract.volumes.count) volume\(contract.volumes.count == 1 ? "" : "s"), \(contract.products.count) products"))
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
        print(MessageLanguage.localized("valid: \(scenario.name) (\(scenario.week)\(period)): \(scenario.staff.count) staff, \(scenario.clients.count) clients, \(scenario.locations.count) locations, \(sessions) sessions"))
        // Valid, but worth a look: absences outside the planned weeks change nothing.
        let lastDay = scenario.week.adding(weeks: scenario.weeks - 1).date(of: .sun)
        let outside = scenario.sortedStaff.flatMap { person in
            person.absent.sorted().filter { $0 < scenario.week.monday || $0 > lastDay }.map { "\(person.id)@\($0)" }
        }
        if !outside.isEmpty {
            print(MessageLanguage.localized("warning: \(outside.count) absence\(outside.count == 1 ? " lies" : "s lie") outside \(scenario.week.monday) to \(lastDay) and change nothing: \(outside.prefix(10).joined(separator: ", "))\(outside.count > 10 ? ", …" : "")"))
        }
        // Valid, but worth a look: a client whose own sessions overlap is counted present in both,
        // as `attends` says (an `attends_any` choice is never placed over another session).
        let overlapping = scenario.sortedClients.compactMap { client -> String? in
            guard let location = client.location.flatMap({ scenario.locations[$0] }) else { return nil }
            let timed = client.attends.compactMap { slot in
                location.sessions.first { $0.name == slot.name && $0.window.days.contains(slot.day) }.map { (slot, $0.window.interval(on: slot.day)) }
            }
            for (index, first) in timed.enumerated() {
                if let second = timed[(index + 1)...].first(where: { $0.1.overlaps(first.1) }) {
                    return "\(client.id) (\(first.0.day) \(first.0.name) and \(second.0.day) \(second.0.name))"
                }
            }
            return nil
        }
        if !overlapping.isEmpty {
            print(MessageLanguage.localized("warning: \(overlapping.count) client\(overlapping.count == 1 ? " attends" : "s attend") two sessions that overlap in time and count\(overlapping.count == 1 ? "s" : "") as present in both: \(overlapping.prefix(5).joined(separator: ", "))\(overlapping.count > 5 ? ", …" : "")"))
        }
        // Valid, but worth a look: a client of an evaluated product never evaluated is due at once.
        let neverEvaluated = scenario.sortedClients.filter { client in
            client.lastEvaluation == nil && scenario.products[client.product]?.evaluationMonths != nil
        }
        if !neverEvaluated.isEmpty {
            print(MessageLanguage.localized("warning: \(neverEvaluated.count) client\(neverEvaluated.count == 1 ? " has" : "s have") no last_evaluation, so their product's evaluation is due at once: \(neverEvaluated.prefix(10).map(\.id.rawValue).joined(separator: ", "))\(neverEvaluated.count > 10 ? ", …" : "")"))
        }
    }
}
