import ArgumentParser
import CareDomain
import Foundation
import ScenarioFormat

/// Loads a scenario, turning a bad file into its located errors and exit code 2.
func loadScenario(_ path: String) throws -> Scenario {
    do {
        return try ScenarioLoader.load(path: path)
    } catch {
        printError(error.description)
        throw ExitCode(2)
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
