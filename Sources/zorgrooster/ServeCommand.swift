import ArgumentParser
import CareDomain
import Foundation
import PlanningBoard
import Reporting
import ScenarioFormat
import ZorgroosterRun

/// `serve`: the planning board on a local web page, over the roster of a folder (solved first
/// when the folder holds none).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "The planning board: the roster of a week or a period (1 to 8 weeks) on a local web page and its JSON API (moves with the rules' verdict, who can take an open place, sick calls, re-solve, publish).",
        discussion: """
            Opens the roster in DIR (solving the scenario into DIR first when it holds none) on
            http://127.0.0.1:PORT/; a period's weeks each with their section. The page shows the report with the board's panel: a move
            (a person on or off a session) is judged by every rule before it is made, with what it
            does to coverage, hours and extra spend; "who can take this?" ranks the free people.
            Publish writes the complete folder anew. The API: GET /api/roster, POST /api/check,
            POST /api/move, GET /api/candidates, POST /api/absence, POST /api/resolve,
            GET /api/progress, POST /api/publish (docs/openapi.yaml).
            Any address but loopback needs --token; every request then carries it.

            Example:
              zorgrooster serve scenarios/dagbesteding-de-linde.yaml
              zorgrooster serve scenarios/wonen-eik-vier-weken.yaml out/eik --port 8081
            """)

    @Argument(help: "The scenario file.")
    var scenario: String

    @Argument(help: "The folder of the week's or period's roster (solved into first when it holds none; default: out/ and the scenario file's name).")
    var folder: String?

    /// DIR, or out/NAME for the scenario file NAME.yaml.
    var outputFolder: String {
        folder ?? "out/" + ((URL(fileURLWithPath: scenario).lastPathComponent as NSString).deletingPathExtension)
    }

    @Option(name: .long, help: "The port to listen on (0: any free port, said on start).")
    var port: Int = 8080

    @Option(name: .long, help: "The address to listen on; anything but 127.0.0.1 or ::1 needs --token.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "A token every request must carry (Authorization: Bearer TOKEN, or ?token= for the page).")
    var token: String?

    @Option(name: .long, help: ArgumentHelp("Where saved and published versions are kept: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE for a team server, or an SQLite file (default: DIR.board.sqlite beside the folder).", valueName: "url"))
    var database: String?

    @OptionGroup var planning: PlanningFlags

    func validate() throws {
        if !["127.0.0.1", "::1", "localhost"].contains(host), (token ?? "").isEmpty {
            throw ValidationError("--host \(host) opens the board to other machines: give --token as well.")
        }
        if !(0...65_535).contains(port) { throw ValidationError("--port is 0 to 65535.") }
        if let database, database.contains("://"), !database.hasPrefix("postgres://"), !database.hasPrefix("postgresql://") {
            throw ValidationError("--database takes postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE or the path of an SQLite file, not \(redacted(database)).")
        }
    }

    func run() throws {
        let scenario = try loadScenario(self.scenario)
        let folder = outputFolder
        // Versions in PostgreSQL, or SQLite beside the folder (never inside it: the folder is
        // swapped whole); opened first, so a database that cannot be is said before any solve.
        let store = try openVersions(database, folder: folder)
        try holdOutput(folder)
        let rosters: [Roster]
        if FileManager.default.fileExists(atPath: URL(fileURLWithPath: folder).appendingPathComponent("roster.csv").path) {
            do { rosters = try RosterFileReader.readPeriod(folder: folder, scenario: scenario) } catch {
                printError("\(error)")
                throw ExitCode(2)
            }
        } else {
            let weeks = try reporting { () throws(RunFailure) in try planPeriod(scenario, options: planning.options(for: scenario)) }
            let files: [String: String]
            do { files = try periodOutputFiles(weeks, language: planning.lang) } catch {
                printError("internal failure while making the files: \(error)")
                throw ExitCode(1)
            }
            try write(files, to: folder, locale: planning.csvLocale, language: planning.lang)
            rosters = weeks.map(\.outcome.roster)
        }
        let state = BoardState(scenario: scenario, rosters: rosters, language: planning.lang)
        let language = planning.lang, locale = planning.csvLocale
        let server = BoardServer(state: state, host: host, port: port, token: token, versions: store) { state in
            let (weeks, previous) = try await state.publishable()
            var files = try periodOutputFiles(weeks, language: language)
            // Calendars that follow the last publish: changed events as new versions (one above
            // the version the folder's calendars hold), taken-away ones cancelled.
            for name in files.keys where name.hasPrefix("calendars/") { files[name] = nil }
            let sequences = PersonCalendar.sequences(in: publishedCalendars(in: folder))
            if weeks.count == 1 {
                files.merge(PersonCalendar.files(roster: weeks[0].outcome.roster, scenario: weeks[0].scenario, previous: previous[0],
                                                 sequences: sequences)) { _, new in new }
            } else {
                files.merge(PersonCalendar.periodFiles(weeks.map { ($0.outcome.roster, $0.scenario) }, previous: previous, sequences: sequences)) { _, new in new }
            }
            try write(files, to: folder, locale: locale, language: language)
            return folder
        }
        let done = DispatchSemaphore(value: 0)
        let failure = ResultBox()
        Task {
            do {
                // What every verdict reads (each week's sessions and what they ask) is made
                // before the board listens, so that no planner's first move waits for it.
                await state.prepareVerdicts()
                try await server.run { address in
                    // Written at once (a script or a test waits for the address).
                    FileHandle.standardOutput.write(Data(((language == .nl ? "Planbord op \(address) (Ctrl-C stopt)" : "Planning board at \(address) (Ctrl-C stops)") + "\n").utf8))
                }
            } catch { failure.set("\(error)") }
            done.signal()
        }
        done.wait()
        if let message = failure.get() {
            printError("the board stopped: \(message)")
            throw ExitCode(1)
        }
    }
}

/// The server's end, handed from its task to the command.
final class ResultBox: @unchecked Sendable {
    private var message: String?
    private let lock = NSLock()
    func set(_ text: String) { lock.lock(); message = text; lock.unlock() }
    func get() -> String? { lock.lock(); defer { lock.unlock() }; return message }
}

/// The calendar files of the folder as last published (none where it has none).
func publishedCalendars(in folder: String) -> [String] {
    let calendars = URL(fileURLWithPath: folder).appendingPathComponent("calendars")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: calendars.path)) ?? []
    return names.filter { $0.hasSuffix(".ics") }.sorted().compactMap { try? String(contentsOf: calendars.appendingPathComponent($0), encoding: .utf8) }
}

/// The board's versions: PostgreSQL for a `postgres://` address (migrated on opening), else SQLite
/// at the path given or beside the folder. A database that cannot be opened or migrated is said
/// with where (no password) and why, and the board does not start (exit 1).
func openVersions(_ address: String?, folder: String) throws -> any VersionArchive {
    let path = address ?? URL(fileURLWithPath: folder).standardizedFileURL.path + ".board.sqlite"
    if path.hasPrefix("postgres://") || path.hasPrefix("postgresql://") {
        let opened = OpenedArchive()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { opened.set(.success(try await PostgresVersions(address: path))) } catch { opened.set(.failure(error)) }
            done.signal()
        }
        // Connecting gives up after 10 s (PostgresNIO's connect timeout); a little more here.
        guard done.wait(timeout: .now() + 30) == .success, let result = opened.get() else {
            printError("cannot open the board's versions at \(redacted(path)): no answer from the database within 30 s")
            throw ExitCode(1)
        }
        switch result {
        case let .success(archive): return archive
        case let .failure(error):
            printError("cannot open or migrate the board's versions at \(redacted(path)): \(DatabaseProblem.said(error))")
            throw ExitCode(1)
        }
    }
    do { return try VersionStore(path: path) } catch {
        printError("cannot open or migrate the board's versions at \(path): \(error)")
        throw ExitCode(1)
    }
}

/// A database address without its password.
func redacted(_ address: String) -> String {
    guard var parts = URLComponents(string: address), parts.password != nil else { return address }
    parts.password = "***"
    return parts.string ?? address
}

/// The opened archive, handed from its task to the command.
final class OpenedArchive: @unchecked Sendable {
    private var result: Result<any VersionArchive, any Error>?
    private let lock = NSLock()
    func set(_ value: Result<any VersionArchive, any Error>) { lock.lock(); result = value; lock.unlock() }
    func get() -> Result<any VersionArchive, any Error>? { lock.lock(); defer { lock.unlock() }; return result }
}
