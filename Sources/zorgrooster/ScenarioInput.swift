import Reporting
import ArgumentParser
import CareDomain
import Foundation
import ScenarioFormat

/// Loads a scenario, turning a bad file into its located errors and exit code 2. Its variants
/// are read only when asked (`validate`): a broken what-if does not stop the base's plan.
func loadScenario(_ path: String, variant: ScenarioVariant? = nil, checkingVariants: Bool = false) throws -> Scenario {
    do {
        return try ScenarioLoader.load(path: path, variant: variant, checkingVariants: checkingVariants)
    } catch {
        if let variant { printError("in the what-if `\(variant.name)`:") }
        printError(error.description)
        throw ExitCode(2)
    }
}

/// The variants a scenario file lists; a bad section is bad input.
func variantsOf(_ path: String) throws -> [ScenarioVariant] {
    do {
        return try ScenarioLoader.variants(path: path)
    } catch {
        printError(error.description)
        throw ExitCode(2)
    }
}

/// The roster a solve wrote into `folder`; a missing or broken file is bad input (exit 2).
func readRoster(folder: String, scenario: Scenario) throws -> Roster {
    do {
        return try RosterFileReader.read(folder: folder, scenario: scenario)
    } catch {
        printError("\(error)")
        throw ExitCode(2)
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((TerminalText.safe(MessageLanguage.localized(text), keepingLines: true) + "\n").utf8))
}

/// What the commands print on standard output, its control characters shown escaped (names and
/// reasons come from the input): every `print` of this module with one text comes here.
func print(_ text: String) {
    Swift.print(TerminalText.safe(text, keepingLines: true))
}
