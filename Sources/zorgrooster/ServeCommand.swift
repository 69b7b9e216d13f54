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
              zorgrooster serve scenarios/dagbesteding-de-linde.yaml out/linde --port 8080
            """)

    @Argument(help: "The scenario file.")
    var scenario: String

    @Argument(help: "The folder of the week's or period's roster (solved into first when it holds none).")
    var folder: String

    @Option(name: .long, help: "The port to listen on (0: any free port, said on start).")
    var port: Int = 8080

    @Option(name: .long, help: "The address to listen on; anything but 127.0.0.1 or ::1 needs --token.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "A token every request must carry (Authorization: Bearer TOKEN, or ?token= for the page).")
    var token: String?

    @OptionGroup var planning: PlanningFlags

    func validate() throws {
        if !["127.0.0.1", "::1", "localhost"].contains(host), (token ?? "").isEmpty {
            throw ValidationError("--host \(host) opens the board to other machines: give --token as well.")
        }
        if !(0...65_535).contains(port) { throw ValidationError("--port is 0 to 65535.") }
    }

    func run() throws {
        let scenario = try loadScenario(self.scenario)
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
        let folder = self.folder, language = planning.lang, locale = planning.csvLocale
        // Versions in a database beside the folder (never inside it: the folder is swapped whole).
        let store: VersionStore
        let databasePath = URL(fileURLWithPath: folder).standardizedFileURL.path + ".board.sqlite"
        do { store = try VersionStore(path: databasePath) } catch {
            printError("cannot open the board's versions at \(databasePath): \(error)")
            throw ExitCode(1)
        }
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
