import ArgumentParser
import CareDomain
import Foundation
import Reporting
import ScenarioFormat
import ZorgroosterRun

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Say in words why demand in a solved week is uncovered: which rule, and why each qualified person could not come.",
        discussion: """
            Reads roster.csv and uncovered.csv in DIR (written by solve). Without --client or
            --session it explains every uncovered row.

            Examples:
              zorgrooster explain out/griepweek --session eik thu ochtend
              zorgrooster explain out/vier-weken --session eik 2026-03-25 laat   (one date of a period)
              zorgrooster explain out/wijkteam --client k99
              zorgrooster explain out/vier-weken --session eik sat laat --week 2
              zorgrooster explain out/griepweek --staff s02   (why this person has the hours they have)
            """)

    @Argument(help: "The folder solve wrote.")
    var folder: String

    @Option(name: .long, help: "The language of what is said: nl (default) or en.")
    var lang: String = "nl"

    @Option(name: .long, help: "Explain one client's visits, evaluations and appointments.")
    var client: String?

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Explain one group session: location, day (or date) and session name.", valueName: "LOC DAY NAME"))
    var session: [String] = []

    @Option(name: .long, help: ArgumentHelp("Explain one person's week: their work, contract and balance, and for the hours short of contract the rule or the lack of work that kept them out.", valueName: "ID"))
    var staff: String?

    @Option(name: .long, help: ArgumentHelp("One week of a period: its number (1, 2, …) or its ISO name (2026-W13).", valueName: "N"))
    var week: String?

    func validate() throws {
        if staff != nil && (client != nil || !session.isEmpty) { throw ValidationError("use --staff, --client or --session, one at a time.") }
        if !session.isEmpty && session.count != 3 { throw ValidationError("--session takes three words: location, day and name, e.g. --session linde thu ochtend.") }
        if client != nil && !session.isEmpty { throw ValidationError("use --client or --session, not both.") }
        let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        if session.count == 3, !days.contains(session[1]), CivilDate(iso: session[1]) == nil {
            throw ValidationError("--session's day is one of \(days.joined(separator: ", ")) or a date (YYYY-MM-DD, for one week of a period); `\(session[1])` is not.")
        }
    }

    func run() throws {
        let explanation = try reporting { () throws(RunFailure) in try FolderExplanation(folder: folder) }
        print(try reporting { () throws(RunFailure) in try explanation.answer(client: client, session: session, staff: staff, week: week) })
    }
}
