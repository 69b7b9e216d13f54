import Reporting
import ArgumentParser
import Foundation
import GLPKSolver

/// When this run began: `--time-limit` counts from here, reading the scenario included.
let commandStarted = Date()

@main
struct Zorgrooster: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zorgrooster",
        abstract: "Weekly rosters and capacity gaps for Dutch care providers, solved with GLPK.",
        discussion: """
            Exit codes: 0 a roster was written (uncovered demand included) or a check passed;
            1 an internal failure or a check that found broken rules; 2 bad input (a scenario file or a command-line value).
            """,
        version: "zorgrooster 0.12 (scenario format 1)",
        subcommands: [SolveCommand.self, ReplanCommand.self, RenderCommand.self, CompareCommand.self, EstimateCommand.self, ExplainCommand.self, InitCommand.self, CheckCommand.self, ValidateCommand.self, ServeCommand.self])

    /// As ArgumentParser's, except that a usage mistake exits with 2 like any other bad input
    /// (its own code is 64, outside the documented 0, 1 and 2).
    static func main() {
        // A copy of this program started to solve one model in a process of its own.
        if CommandLine.arguments.count == 2, CommandLine.arguments[1] == GLPKWorker.argument { Foundation.exit(GLPKWorker.run()) }
        _ = commandStarted
        MessageLanguage.choose(from: Array(CommandLine.arguments.dropFirst()))
        // A file-size limit (`ulimit -f`) reached while writing is a write that fails, named by
        // its file (exit 1), not a kill by SIGXFSZ; the output folder stays as it was.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((MessageLanguage.localized(fullMessage(for: error)) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
