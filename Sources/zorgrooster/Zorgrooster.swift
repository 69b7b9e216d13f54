import ArgumentParser

@main
struct Zorgrooster: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zorgrooster",
        abstract: "Weekly rosters and capacity gaps for Dutch care providers, solved with GLPK.",
        discussion: """
            Exit codes: 0 a roster was written (uncovered demand included) or a check passed;
            1 an internal failure or a check that found broken rules; 2 a bad scenario file.
            """,
        subcommands: [SolveCommand.self, CompareCommand.self, EstimateCommand.self, ExplainCommand.self, InitCommand.self, CheckCommand.self, ValidateCommand.self])
}
