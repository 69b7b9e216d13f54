import ArgumentParser
import CareDomain
import Planning
import Reporting
import ScenarioFormat

/// The search settings `solve` and `compare` share.
struct PlanningFlags: ParsableArguments {
    /// A day: no search is worth more, and a larger number would overflow the clock.
    static let longestTimeLimit = 86_400.0

    @Option(name: .long, help: "Stop the search after this many seconds and keep the best roster (default: the scenario's settings, else 60).")
    var timeLimit: Double?

    @Option(name: .long, help: "Stop when the roster is proven within this relative gap of optimal (default: the scenario's settings, else 0.01).")
    var gap: Double?

    @Option(name: .long, help: "Visitors and responsible professionals offered per client, nearest first (0: everyone qualified; default 10).")
    var candidates: Int?

    @Flag(name: .long, help: "Skip the second solve with vacancies that says whom to hire (capacity.csv's hire columns stay 0).")
    var noHires = false

    @Option(name: .long, help: "CSV files for: plain (comma, decimal point; the default) or nl (semicolon, decimal comma, BOM: Dutch Excel).")
    var csvLocale: CSVLocale = .plain

    @Option(name: .long, help: "Language of report.html: nl (default) or en.")
    var lang: ReportLanguage = .nl

    @Flag(name: .long, help: "Print GLPK's log to stderr.")
    var verbose = false

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit <= Self.longestTimeLimit) {
            throw ValidationError("--time-limit is a number of seconds above 0 and at most \(Int(Self.longestTimeLimit)) (a day), e.g. 60.")
        }
        if let candidates, candidates < 0 { throw ValidationError("--candidates is 0 (everyone) or more.") }
        if let gap, !(gap >= 0 && gap < 1) { throw ValidationError("--gap is a fraction from 0 to below 1, e.g. 0.01 for 1%.") }
    }

    func options(for scenario: Scenario, logPrefix: String = "") -> PlanningOptions {
        var options = PlanningOptions(
            timeLimitSeconds: timeLimit ?? scenario.settings.timeLimitSeconds ?? 60,
            relativeGap: gap ?? scenario.settings.relativeGap ?? 0.01)
        if let candidates { options.candidatesPerClient = candidates }
        options.analyseHires = !noHires
        options.startedAt = commandStarted
        if verbose {
            options.log = { @Sendable line in printError(logPrefix + line) }
        }
        return options
    }
}

/// A what-if from the command line: the same edits a scenario's `variants:` entry makes.
struct VariantFlags: ParsableArguments {
    @Option(name: .customLong("set"), help: ArgumentHelp("Set a field for this run, e.g. products.groep-duurzaam.ratio=4 (repeatable).", valueName: "path=value"))
    var assignments: [String] = []

    @Option(name: .long, help: ArgumentHelp("Leave a person out for this run, e.g. staff.s01 or clients.c07 (repeatable).", valueName: "section.id"))
    var remove: [String] = []

    @Option(name: .long, help: ArgumentHelp("Scale the clients for this run: copies (new ids) or the first ones, e.g. 1.2.", valueName: "factor"))
    var scaleClients: Double?

    var isEmpty: Bool { assignments.isEmpty && remove.isEmpty && scaleClients == nil }

    /// The edits as a variant; a malformed `--set` is bad input (exit 2).
    func variant(named name: String = "command line") throws -> ScenarioVariant? {
        guard !isEmpty else { return nil }
        do {
            return try ScenarioVariant(name: name, scaleClients: scaleClients, set: assignments, remove: remove)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }
}

/// `--variant NAME` from the file, or the command line's own edits, or the base (nil).
func chooseVariant(_ name: String?, or edits: VariantFlags, in path: String) throws -> ScenarioVariant? {
    guard let name else { return try edits.variant() }
    guard edits.isEmpty else {
        throw ValidationError("use either --variant or --set/--remove/--scale-clients, not both.")
    }
    let known = try variantsOf(path)
    guard let chosen = known.first(where: { $0.name == name }) else {
        printError("\(path): no variant named `\(name)`; variants: \(known.map { "`\($0.name)`" }.joined(separator: ", "))")
        throw ExitCode(2)
    }
    return chosen
}

extension CSVLocale: ExpressibleByArgument {}
extension ReportLanguage: ExpressibleByArgument {}
