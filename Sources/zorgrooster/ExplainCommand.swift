import ArgumentParser
import CareDomain
import Foundation
import Reporting
import ScenarioFormat
import SwiftCSV

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
            """)

    @Argument(help: "The folder solve wrote.")
    var folder: String

    @Option(name: .long, help: "Explain one client's visits, evaluations and appointments.")
    var client: String?

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Explain one group session: location, day (or date) and session name.", valueName: "LOC DAY NAME"))
    var session: [String] = []

    func validate() throws {
        if !session.isEmpty && session.count != 3 { throw ValidationError("--session takes three words: location, day and name, e.g. --session linde thu ochtend.") }
        if client != nil && !session.isEmpty { throw ValidationError("use --client or --session, not both.") }
        let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        if session.count == 3, !days.contains(session[1]), CivilDate(iso: session[1]) == nil {
            throw ValidationError("--session's day is one of \(days.joined(separator: ", ")) or a date (YYYY-MM-DD, for one week of a period); `\(session[1])` is not.")
        }
    }

    func run() throws {
        // Read once: every block of the answer speaks it.
        let language = runLanguage()
        let uncovered = try table("uncovered.csv")
        let roster = try table("roster.csv")
        let matches: ([String: String]) -> Bool
        var title: String
        if let client {
            matches = { row in row["client"] == client || (row["clients"] ?? "").split(separator: ";").contains(Substring(client))
                || (row["clients_present"] ?? "").split(separator: ";").contains(Substring(client))
                || (row["ref"] ?? "").hasPrefix(client + "#") }
            title = (language == .nl ? "Cliënt " : "Client ") + client
        } else if session.count == 3 {
            let (location, day, name) = (session[0], session[1], session[2])
            // The day by name (every such day of a period) or by date.
            matches = { row in row["location"] == location && (row["day"] == day || row["date"] == day) && row["ref"] == name }
            title = (language == .nl ? "Sessie " : "Session ") + "\(location) \(day) \(name)"
        } else {
            matches = { _ in true }
            title = language == .nl ? "Alle niet gedekte regels" : "Every uncovered row"
        }
        let planned = roster.filter(matches)
        let short = uncovered.filter(matches)
        // Nothing at all under that name is a mistake in the name, not a week where all is well.
        if planned.isEmpty, short.isEmpty {
            let rows = roster + uncovered
            func known(_ column: String) -> [String] { Array(Set(rows.compactMap { $0[column] }.filter { !$0.isEmpty })).sorted() }
            /// "did you mean `x`?" for a word the folder does not hold, when one it holds is close.
            func hint(_ word: String, _ column: String, extra: [String] = []) -> String {
                let candidates = known(column) + extra
                guard !candidates.contains(word), let near = closestName(to: word, among: candidates) else { return "" }
                return " (\(column): did you mean `\(near)`?)"
            }
            if let client {
                var seen: Set<String> = []
                for row in rows {
                    for id in (row["clients"] ?? "").split(separator: ";") { seen.insert(String(id)) }
                    if let id = row["client"], !id.isEmpty { seen.insert(id) }
                }
                let clients = seen.sorted()
                let near = closestName(to: client, among: clients).map { "; did you mean `\($0)`?" } ?? ""
                printError("\(client) appears nowhere in \(folder)/roster.csv or uncovered.csv: not a client planned this week\(near)")
                throw ExitCode(2)
            }
            if session.count == 3 {
                var hints = hint(session[0], "location") + hint(session[1], "day", extra: known("date")) + hint(session[2], "ref")
                if hints.isEmpty {
                    // What the location does hold: its sessions, and the days of the one asked.
                    let here = rows.filter { $0["location"] == session[0] && $0["activity"] == "group" }
                    let names = Array(Set(here.compactMap { $0["ref"] })).sorted()
                    let days = Weekday.allCases.map(\.description).filter { day in here.contains { $0["ref"] == session[2] && $0["day"] == day } }
                    if !names.isEmpty { hints = "; sessions at \(session[0]): \(names.joined(separator: ", "))" + (days.isEmpty ? "" : "; \(session[2]) runs on \(days.joined(separator: ", "))") }
                }
                printError("nothing is rostered or uncovered at `\(session.joined(separator: " "))` in \(folder): no such session this week, or one without clients\(hints.isEmpty ? "; check the location, day and session name" : hints)")
                throw ExitCode(2)
            }
        }
        // A session of a period occurs once a week: one block per date.
        let dates = Set((planned + short).compactMap { $0["date"] }).sorted()
        if client == nil, session.count == 3, dates.count > 1 {
            for date in dates {
                print(block(title: title, planned: planned.filter { $0["date"] == date }, short: short.filter { $0["date"] == date }, language: language))
                print("")
            }
            return
        }
        print(block(title: title, planned: planned, short: short, language: language))
    }

    /// What one client or session shows: who is rostered, what is not covered and why.
    private func block(title: String, planned: [[String: String]], short: [[String: String]], language: ReportLanguage) -> String {
        var title = title
        if client == nil, session.count == 3, let first = planned.first ?? short.first {
            title += " (\(first["date"] ?? "") \(first["start"] ?? "")–\(first["end"] ?? ""))"
        }
        var lines = [title]
        if client != nil || session.count == 3 {
            if planned.isEmpty {
                lines.append(language == .nl ? "Ingeroosterd: niemand" : "Rostered: nobody")
            } else {
                lines.append(language == .nl ? "Ingeroosterd:" : "Rostered:")
                for row in planned {
                    let when = session.isEmpty ? "\(language.day(row["day"] ?? "")) \(row["start"] ?? "")–\(row["end"] ?? "") " : ""
                    lines.append("  \(when)\(row["staff_id"] ?? "") \(row["staff_name"] ?? "") (\(language.activity(row["activity"] ?? "")), \(language.activity(row["role"] ?? "")))")
                }
            }
        }
        let nl = language == .nl
        if short.isEmpty {
            lines.append(nl ? "Hier is niets ongedekt: elke regel is nagekomen." : "Nothing uncovered here: every rule is met.")
        } else {
            lines.append(nl ? "Niet gedekt:" : "Not covered:")
            for row in short {
                let when = (row["date"] ?? "").isEmpty ? (nl ? "deze week" : "this week") : "\(language.day(row["day"] ?? "")) \(row["start"] ?? "")–\(row["end"] ?? "")"
                let place = [row["location"], row["ref"]].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
                lines.append("\(when) \(place)".trimmingCharacters(in: .whitespaces) + ":")
                // The readable columns in the run's language where the folder has them.
                let need = row["need_text"].flatMap { $0.isEmpty ? nil : $0 } ?? row["need"] ?? ""
                let reason = row["reason_text"].flatMap { $0.isEmpty ? nil : $0 } ?? row["reason"] ?? ""
                lines += ShortfallStory.lines(need: need, hours: row["hours"] ?? "", reason: reason, language: language)
                    .map { "  " + $0 }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The run's language, from its summary.json (older folders: English, as they were written).
    private func runLanguage() -> ReportLanguage {
        let path = (folder as NSString).appendingPathComponent("summary.json")
        guard let text = try? InputFile.text(atPath: path, limit: InputFile.largestCSVBytes).get(),
              let summary = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
              let code = summary["language"] as? String else { return .en }
        return ReportLanguage(rawValue: code) ?? .en
    }

    private func table(_ name: String) throws -> [[String: String]] {
        let path = (folder as NSString).appendingPathComponent(name)
        guard let text = try? InputFile.text(atPath: path, limit: InputFile.largestCSVBytes).get() else {
            printError("cannot read \(path); run `zorgrooster solve SCENARIO --out \(folder)` first")
            throw ExitCode(2)
        }
        do {
            return try CSV<Named>(string: try CSVLocale.plain(text), delimiter: .comma).rows
        } catch {
            printError("\(path) is not a CSV file solve wrote: \(error)")
            throw ExitCode(2)
        }
    }
}
