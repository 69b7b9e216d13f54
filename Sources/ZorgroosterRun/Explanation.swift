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
    /// Hours against contract (`hours.csv`) and the published roster (`roster-by-person.csv`):
    /// empty in folders written before them.
    let hours: [[String: String]]
    let byPerson: [[String: String]]
    /// The first week of the plan (`summary.json`), for `--week N` of a period.
    let firstWeek: PlanningWeek?

    public init(folder: String) throws(RunFailure) {
        self.folder = folder
        uncovered = try Self.table("uncovered.csv", in: folder)
        roster = try Self.table("roster.csv", in: folder)
        language = Self.runLanguage(folder: folder)
        hours = (try? Self.table("hours.csv", in: folder)) ?? []
        byPerson = (try? Self.table("roster-by-person.csv", in: folder)) ?? []
        firstWeek = Self.summaryText("week", folder: folder).flatMap(PlanningWeek.init(iso:))
    }

    /// The rows of week `week` of the plan (1, 2, … or its ISO name `2026-W13`); rows without a
    /// date (a visit not placed) by their `week` column. nil: every week.
    func dates(ofWeek week: String?) throws(RunFailure) -> ((([String: String]) -> Bool))? {
        guard let week else { return nil }
        guard let first = firstWeek else {
            throw RunFailure(exitCode: 2, lines: ["--week: \(folder)/summary.json names no week; run solve again"])
        }
        let weeks = max(1, Int(Self.summaryText("weeks", folder: folder) ?? "") ?? 1)
        let index: Int
        if let number = Int(week), (1...weeks).contains(number) { index = number - 1 }
        else if let named = PlanningWeek(iso: week), let found = (0..<weeks).first(where: { first.adding(weeks: $0).description == named.description }) { index = found }
        else {
            let names = (0..<weeks).map { "\($0 + 1) (\(first.adding(weeks: $0)))" }.joined(separator: ", ")
            throw RunFailure(exitCode: 2, lines: ["--week \(week): this plan has \(weeks == 1 ? "one week" : "\(weeks) weeks"): \(names)"])
        }
        let monday = first.adding(weeks: index).monday
        let iso = first.adding(weeks: index).description
        return { row in
            if let date = row["date"].flatMap(CivilDate.init(iso:)) { return monday <= date && date < monday.adding(days: 7) }
            return row["week"].map { $0 == iso } ?? (index == 0)
        }
    }

    /// The answer for one client (`client`), one session (`session`: location, day or date,
    /// name) or, with neither, every uncovered row; a name the folder does not hold is an error
    /// with "did you mean" (exit 2), never an all-clear.
    public func answer(client: String?, session: [String], staff: String? = nil, week: String? = nil) throws(RunFailure) -> String {
        let inWeek = try dates(ofWeek: week)
        if let staff { return try person(staff, inWeek: inWeek) }
        var matches: ([String: String]) -> Bool
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
        if let inWeek { let asked = matches; matches = { asked($0) && inWeek($0) } }
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
        // A session of a period occurs once a week: a day's name is ambiguous there.
        let dates = Set((planned + short).compactMap { $0["date"] }).sorted()
        if client == nil, session.count == 3, dates.count > 1 {
            let named = dates.map { date -> String in
                let number = firstWeek.flatMap { first in CivilDate(iso: date).map { ($0.daysSinceEpoch - first.monday.daysSinceEpoch) / 7 + 1 } }
                return number.map { "\(date) (week \($0))" } ?? date
            }
            throw RunFailure(exitCode: 2, lines: ["`\(session.joined(separator: " "))` is on \(dates.count) dates in this plan: \(named.joined(separator: ", ")); give --week N or the date instead of `\(session[1])`"])
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

    /// `--staff`: the person's week (their rows, contract, hours and balance) and, for the
    /// hours short of contract, what kept them out: each uncovered need whose reason names them,
    /// with the rule, and the rest as lack of work they may do (everything else covered).
    private func person(_ id: String, inWeek: (([String: String]) -> Bool)?) throws(RunFailure) -> String {
        let nl = language == .nl
        let known = Set(hours.compactMap { $0["staff_id"] } + byPerson.compactMap { $0["staff_id"] } + roster.compactMap { $0["staff_id"] })
        guard known.contains(id) else {
            let near = closestName(to: id, among: known.sorted()).map { "; did you mean `\($0)`?" } ?? ""
            throw RunFailure(exitCode: 2, lines: ["\(id) is not on the staff of \(folder) (hours.csv, roster.csv)\(near)"])
        }
        let keep = { (row: [String: String]) in inWeek?(row) ?? true }
        let mine = roster.filter { $0["staff_id"] == id && keep($0) }
        let published = byPerson.first { $0["staff_id"] == id }
        let name = published?["staff_name"] ?? mine.first?["staff_name"] ?? id
        var lines = [(nl ? "Medewerker " : "Staff member ") + (name == id ? id : "\(name) (\(id))")]
        let figures = hours.first { $0["staff_id"] == id }
        func number(_ text: String?) -> Double? { text.flatMap(Double.init) }
        let worked = mine.reduce(0.0) { total, row in total + Self.clockHours(row) }
        if let figures, inWeek == nil {
            let contract = figures["contract_hours"] ?? "0", rostered = figures["rostered_hours"] ?? "0", balance = figures["balance_after"] ?? "0"
            lines.append(nl ? "Contract \(contract) uur · ingeroosterd \(rostered) uur · saldo \(balance) uur (hours.csv; pauzes niet meegeteld)"
                            : "Contract \(contract) h · rostered \(rostered) h · balance \(balance) h (hours.csv; breaks not counted)")
        } else {
            lines.append(nl ? "Ingeroosterd \(RuleViolation.hoursText(worked)) uur op de klok in deze week" : "Rostered \(RuleViolation.hoursText(worked)) h on the clock this week")
        }
        let absent = published.map { row in row.filter { CivilDate(iso: $0.key) != nil && ($0.value == "afwezig" || $0.value == "absent") }.map(\.key).sorted() } ?? []
        if !absent.isEmpty { lines.append((nl ? "Afwezig: " : "Absent: ") + absent.joined(separator: ", ")) }
        if mine.isEmpty {
            lines.append(nl ? "Ingeroosterd: niets" : "Rostered: nothing")
        } else {
            lines.append(nl ? "Ingeroosterd:" : "Rostered:")
            for row in mine {
                let place = [row["location"], row["ref"]].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
                lines.append("  \(language.day(row["day"] ?? "")) \(row["date"] ?? "") \(row["start"] ?? "")–\(row["end"] ?? "") \(language.activity(row["activity"] ?? "")) \(place)")
            }
        }
        // Needs left uncovered whose reason names this person, with what kept them out.
        let ids = Set(known)
        var kept: [(row: [String: String], why: String)] = []
        for row in uncovered where keep(row) {
            let english = Self.causes(in: row["reason"] ?? "", staff: ids)
            guard let cause = english.first(where: { $0.people.contains(id) }) else { continue }
            let local = nl ? Self.causes(in: row["reason_text"] ?? "", staff: ids).first(where: { $0.people.contains(id) })?.why : nil
            kept.append((row, local ?? cause.why))
        }
        let blocked = kept.reduce(0.0) { $0 + Self.clockHours($1.row) }
        if !kept.isEmpty {
            lines.append(nl ? "Niet gedekt werk waarvoor \(name) in aanmerking kwam, en wat in de weg stond:" : "Uncovered work \(name) was qualified for, and what kept them out:")
            for (row, why) in kept {
                let when = (row["date"] ?? "").isEmpty ? (nl ? "deze week" : "this week") : "\(language.day(row["day"] ?? "")) \(row["date"] ?? "") \(row["start"] ?? "")–\(row["end"] ?? "")"
                let place = [row["location"], row["ref"]].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
                lines.append("  \(when) \(place): \(why)")
            }
        }
        // The hours short of contract: those the rules kept away, the rest lack of work.
        if inWeek == nil, let balance = number(figures?["balance_after"]), balance < -0.005 {
            let short = -balance
            let byRule = min(short, blocked), lack = max(0, short - blocked)
            var parts: [String] = []
            if byRule > 0.005 { parts.append(nl ? "\(RuleViolation.hoursText(byRule)) uur hield een regel weg van niet gedekt werk (hierboven)" : "\(RuleViolation.hoursText(byRule)) h a rule kept from uncovered work (above)") }
            if lack > 0.005 {
                parts.append(nl ? "\(RuleViolation.hoursText(lack)) uur is er geen werk meer dat \(name) mag doen: al het andere werk is gedekt (gebrek aan werk; zie hours.csv voor het saldo)"
                                : "for \(RuleViolation.hoursText(lack)) h there is no work left that \(name) may do: everything else is covered (lack of work; the balance is in hours.csv)")
            }
            lines.append((nl ? "Onder contract \(RuleViolation.hoursText(short)) uur: " : "Short of contract \(RuleViolation.hoursText(short)) h: ") + parts.joined(separator: "; "))
        } else if inWeek == nil, figures != nil, kept.isEmpty {
            lines.append(nl ? "Niet onder contract; geen niet gedekt werk noemt \(name)." : "Not short of contract; no uncovered work names \(name).")
        }
        return lines.joined(separator: "\n")
    }

    /// A row's hours on the clock (its date and times), else its `hours` cell.
    static func clockHours(_ row: [String: String]) -> Double {
        if let start = row["start"].flatMap(ClockTime.minutes), let end = row["end"].flatMap(ClockTime.minutes) {
            return Double((end - start + 1440) % 1440 == 0 ? 1440 : (end - start + 1440) % 1440) / 60
        }
        return Double(row["hours"] ?? "") ?? 0
    }

    /// The causes of an uncovered row's reason ("…; of N qualified: a, b: why; c: why"), each
    /// with the people it names (ids, or names with the id in brackets) and its words; a why
    /// that itself holds "; " stays whole.
    static func causes(in reason: String, staff: Set<String>) -> [(people: [String], why: String)] {
        func ids(_ list: Substring) -> [String]? {
            var found: [String] = []
            for var token in list.components(separatedBy: ", ") {
                // "… and 3 others", "… en 1 andere": the names before it count.
                for tail in [" and ", " en "] { if let range = token.range(of: tail, options: .backwards) { token = String(token[..<range.lowerBound]) } }
                if staff.contains(token) { found.append(token); continue }
                if token.hasSuffix(")"), let open = token.lastIndex(of: "(") {
                    let id = String(token[token.index(after: open)..<token.index(before: token.endIndex)])
                    if staff.contains(id) { found.append(id); continue }
                }
                return nil
            }
            return found.isEmpty ? nil : found
        }
        var result: [(people: [String], why: String)] = []
        for chunk in reason.components(separatedBy: "; ") {
            var matched = false
            var search = chunk.startIndex
            while let colon = chunk.range(of: ": ", range: search..<chunk.endIndex) {
                let head = chunk[..<colon.lowerBound]
                let list = head.range(of: ": ", options: .backwards).map { head[$0.upperBound...] } ?? head
                if let people = ids(list) {
                    result.append((people, String(chunk[colon.upperBound...])))
                    matched = true
                    break
                }
                search = colon.upperBound
            }
            if !matched, !result.isEmpty { result[result.count - 1].why += "; " + chunk }
        }
        return result
    }

    private static func summaryText(_ key: String, folder: String) -> String? {
        let path = (folder as NSString).appendingPathComponent("summary.json")
        guard let text = try? InputFile.text(atPath: path, limit: InputFile.largestCSVBytes).get(),
              let summary = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else { return nil }
        if let number = summary[key] as? NSNumber { return number.stringValue }
        return summary[key] as? String
    }

    /// The run's language, from its summary.json (older folders: English, as they were written).
    private static func runLanguage(folder: String) -> ReportLanguage {
        summaryText("language", folder: folder).flatMap(ReportLanguage.init(rawValue:)) ?? .en
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
