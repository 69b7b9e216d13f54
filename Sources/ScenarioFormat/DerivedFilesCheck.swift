import CareDomain
import Foundation
import SwiftCSV

/// The files made from the roster for people to read (`roster-by-person.csv`, `report.html`,
/// `roster.xlsx`) must be made from the roster that is in `roster.csv`: a roster edited by hand
/// leaves them stale, and `check` says so (`render` makes them anew).
public enum RosterMark {
    /// A mark of a roster's rows, the same for the same rows whatever the CSV locale or their
    /// order: FNV-1a (64 bits) over each row's date, times, person, activity, place, session
    /// and clients. `rows`: the header first.
    public static func of(rows: [[String]]) -> String {
        guard let header = rows.first else { return "0" }
        let columns = ["date", "start", "end", "staff_id", "activity", "location", "ref", "clients"].map { header.firstIndex(of: $0) }
        let lines = rows.dropFirst().map { row -> String in
            columns.enumerated().map { position, index -> String in
                guard let index, index < row.count else { return "" }
                // A date as Dutch Excel saves it is the same date.
                return position == 0 ? (RosterFileReader.spreadsheetDate(row[index])?.description ?? row[index]) : row[index]
            }.joined(separator: "|")
        }.sorted()
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in lines.joined(separator: "\n").utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: max(0, 16 - hex.count)) + hex
    }

    /// The mark of a roster.csv's text (either locale).
    public static func of(csv text: String) throws -> String { of(rows: try rows(csv: text)) }

    /// A roster.csv's rows, header first (either locale; this run's own tables not parsed again).
    static func rows(csv text: String) throws -> [[String]] {
        if let made = MadeTables.rows(of: text) { return made }
        let table = try CSV<Enumerated>(string: try CSVLocale.plain(text), delimiter: .comma, loadColumns: false)
        return [table.header] + table.rows
    }

    /// The report's mark of the roster it shows, in its head.
    public static func reportMeta(_ mark: String) -> String { "<meta name=\"zorgrooster-roster\" content=\"\(mark)\">" }

    /// The mark `report.html` carries, if any.
    public static func inReport(_ html: String) -> String? {
        guard let start = html.range(of: "<meta name=\"zorgrooster-roster\" content=\"") else { return nil }
        return String(html[start.upperBound...].prefix { $0 != "\"" })
    }
}

extension RosterFileReader {
    /// The workbook as `check` reads it back: its printed sheets' footers and its roster
    /// sheet's cells by column letter (dates as serials, `dateSerial` makes them).
    public struct WrittenWorkbook {
        public let footers: [String]
        public let rosterSheet: [[String: String]]?
        public let column: (Int) -> String
        public let dateSerial: (CivilDate) -> Int

        public init(footers: [String], rosterSheet: [[String: String]]?, column: @escaping (Int) -> String, dateSerial: @escaping (CivilDate) -> Int) {
            self.footers = footers
            self.rosterSheet = rosterSheet
            self.column = column
            self.dateSerial = dateSerial
        }
    }

    /// `roster-by-person.csv` cell by cell as the roster and the scenario make it; the roster's
    /// mark in `report.html` and (given it) the workbook's footers as that of `roster.csv`, and
    /// the workbook's roster sheet row by row as roster.csv. `weeks`: each week's roster with
    /// its own scenario.
    public static func checkDerivedFiles(folder: String, weeks: [(roster: Roster, scenario: Scenario)], workbook: WrittenWorkbook? = nil) throws {
        let url = URL(fileURLWithPath: folder)
        guard let rosterText = try? InputFile.text(atPath: url.appendingPathComponent("roster.csv").path, limit: InputFile.largestCSVBytes).get() else { return }
        let rosterRows = try RosterMark.rows(csv: rosterText)
        let mark = RosterMark.of(rows: rosterRows)
        let stale = "was made from another roster than roster.csv's; `zorgrooster render` makes it anew"
        if let html = try? InputFile.text(atPath: url.appendingPathComponent("report.html").path, limit: InputFile.largestCSVBytes * 4).get() {
            guard let shown = RosterMark.inReport(html) else {
                throw ReadError(file: "report.html", line: 1, problem: "carries no mark of the roster it shows (written by an older zorgrooster, or edited); `zorgrooster render` makes it anew")
            }
            if shown != mark { throw ReadError(file: "report.html", line: 1, problem: "\(stale) (its mark \(shown), roster.csv's \(mark))") }
        }
        if let workbook {
            let marks = workbook.footers.compactMap { footer in footer.split(separator: " ").last.map(String.init) }
            if marks.isEmpty || marks.contains(where: { $0 != mark }) {
                throw ReadError(file: "roster.xlsx", line: 1, problem: "\(stale) (its printed roster's version \(marks.first ?? "none"), roster.csv's \(mark))")
            }
            try checkRosterSheet(workbook, rows: rosterRows, stale: stale)
        }
        // The published roster: what the rows make of each person's days.
        let summary = (try? InputFile.text(atPath: url.appendingPathComponent("summary.json").path, limit: InputFile.largestCSVBytes).get())
            .flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let absentWord = summary?["language"] as? String == "en" ? "absent" : "afwezig"
        let expected = try CSV<Enumerated>(string: OutputFiles.rosterByPersonCSV(weeks, absentWord: absentWord), delimiter: .comma, loadColumns: false)
        let path = url.appendingPathComponent("roster-by-person.csv").path
        guard let text = try? InputFile.text(atPath: path, limit: InputFile.largestCSVBytes).get() else { return }
        let written = try CSV<Enumerated>(string: try CSVLocale.plain(text), delimiter: .comma, loadColumns: false)
        let file = "roster-by-person.csv"
        guard written.header == expected.header else {
            throw ReadError(file: file, line: 1, problem: "the header is not the period's people × days (`\(expected.header.prefix(6).joined(separator: ","))…`)")
        }
        for (index, row) in expected.rows.enumerated() {
            guard index < written.rows.count else {
                throw ReadError(file: file, line: index + 2, problem: "no row for \(row.first ?? ""); \(stale)")
            }
            let other = written.rows[index]
            if let column = row.indices.first(where: { $0 >= other.count || other[$0] != row[$0] }) {
                throw ReadError(file: file, line: index + 2, problem: "\(expected.header[column]) of \(row.first ?? "") is `\(column < other.count ? other[column] : "")`, the roster makes `\(row[column].replacingOccurrences(of: "\n", with: " / "))`; \(stale)")
            }
        }
        if written.rows.count > expected.rows.count {
            throw ReadError(file: file, line: expected.rows.count + 2, problem: "a row no person of the scenario has; \(stale)")
        }
    }

    /// The workbook's roster sheet row by row as roster.csv (its person and date per row).
    private static func checkRosterSheet(_ workbook: WrittenWorkbook, rows: [[String]], stale: String) throws {
        guard let sheet = workbook.rosterSheet else {
            throw ReadError(file: "roster.xlsx", line: 1, problem: "has no roster sheet (Rooster)")
        }
        guard let header = rows.first, let staff = header.firstIndex(of: "staff_id"), let date = header.firstIndex(of: "date") else { return }
        let body = rows.dropFirst()
        guard sheet.count - 1 == body.count else {
            throw ReadError(file: "roster.xlsx", line: 1, problem: "its roster sheet has \(sheet.count - 1) rows, roster.csv \(body.count); the workbook \(stale)")
        }
        for (index, row) in body.enumerated() where row.count > max(staff, date) {
            let cells = sheet[index + 1]
            let serial = CivilDate(iso: row[date]).map { String(workbook.dateSerial($0)) }
            if cells[workbook.column(staff)] != row[staff] || (serial != nil && cells[workbook.column(date)] != serial) {
                throw ReadError(file: "roster.xlsx", line: index + 2, problem: "its roster sheet's row \(index + 2) is not roster.csv's (\(row[staff]) on \(row[date])); the workbook \(stale)")
            }
        }
    }
}
