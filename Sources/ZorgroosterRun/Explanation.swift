import CareDomain
import Foundation
import Reporting
import ScenarioFormat
import SwiftCSV

/// `explain` apart from the command line: a solved folder read once (its roster, its uncovered
/// rows, the language the run was in) and answered for a client, a session or every shortfall,
/// in a planner's words.
public struct FolderExplanation: Sendable {
    public let folder: String
    let roster: [[String: String]]
    let uncovered: [[String: String]]
    /// The run's language (`summary.json`), which the answer speaks.
    public let language: ReportLanguage

    public init(folder: String) throws(RunFailure) {
        self.folder = folder
        uncovered = try Self.table("uncovered.csv", in: folder)
        roster = try Self.table("roster.csv", in: folder)
        language = Self.runLanguage(folder: folder)
    }

    /// The answer for one client (`client`), one session (`session`: location, day or date,
    /// name) or, with neither, every uncovered row; a name the folder does not hold is an error
    /// with "did you mean" (exit 2), never an all-clear.
    public func answer(client: String?, session: [String]) throws(RunFailure) -> String {
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
                throw RunFailure(exitCode: 2, lines: ["\(client) appears nowhere in \(folder)/roster.csv or uncovered.csv: not a client planned this week\(near)"])
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
                throw RunFailure(exitCode: 2, lines: ["nothing is rostered or uncovered at `\(session.joined(separator: " "))` in \(folder): no such session this week, or one without clients\(hints.isEmpty ? "; check the location, day and session name" : hints)"])
            }
        }
        // A session of a period occurs once a week: one block per date.
        let dates = Set((planned + short).compactMap { $0["date"] }).sorted()
        if client == nil, session.count == 3, dates.count > 1 {
            return dates.map { date in
                block(title: title, planned: planned.filter { $0["date"] == date }, short: short.filter { $0["date"] == date }, client: client, session: session)
            }.joined(separator: "\n\n") + "\n"
        }
        return block(title: title, planned: planned, short: short, client: client, session: session)
    }

    /// What one client or session shows: who is rostered, what is not covered and why.
    private func block(title: String, planned: [[String: String]], short: [[String: String]], client: String?, session: [String]) -> String {
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
    private static func runLanguage(folder: String) -> ReportLanguage {
        let path = (folder as NSString).appendingPathComponent("summary.json")
        guard let text = try? InputFile.text(atPath: path, limit: InputFile.largestCSVBytes).get(),
              let summary = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
              let code = summary["language"] as? String else { return .en }
        return ReportLanguage(rawValue: code) ?? .en
    }

    private static func table(_ name: String, in folder: String) throws(RunFailure) -> [[String: String]] {
        let path = (folder as NSString).appendingPathComponent(name)
        guard let text = try? InputFile.text(atPath: path, limit: InputFile.largestCSVBytes).get() else {
            throw RunFailure(exitCode: 2, lines: ["cannot read \(path); run `zorgrooster solve SCENARIO --out \(folder)` first"])
        }
        do {
            return try CSV<Named>(string: try CSVLocale.plain(text), delimiter: .comma).rows
        } catch {
            throw RunFailure(exitCode: 2, lines: ["\(path) is not a CSV file solve wrote: \(error)"])
        }
    }
}
