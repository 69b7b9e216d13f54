import Foundation
import SwiftCSV

/// How CSV files are written: the contract's plain comma form, or the form Dutch Excel opens
/// right (`;` between fields, a decimal comma, a UTF-8 byte-order mark).
public enum CSVLocale: String, Sendable, CaseIterable {
    case plain
    case nl

    /// The same table in this locale. Only fields that are plain decimal numbers get a comma;
    /// times, dates and ids are left as they are.
    public func apply(to text: String) throws -> String {
        guard self == .nl else { return text }
        let rows: [[String]]
        if let made = MadeTables.rows(of: text) { rows = made } else {
            let table = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false)
            rows = [table.header] + table.rows
        }
        let body = rows.map { row in row.map { Self.quoted(Self.decimalComma($0)) }.joined(separator: ";") }.joined(separator: "\n")
        return "\u{FEFF}" + body + "\n"
    }

    /// Reads text in either locale back to the plain form, so `check` takes both.
    public static func plain(_ text: String) throws -> String {
        guard text.hasPrefix("\u{FEFF}") || (text.split(separator: "\n").first.map { $0.contains(";") && !$0.contains(",") } ?? false) else {
            return text
        }
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let table = try CSV<Enumerated>(string: body, delimiter: .semicolon, loadColumns: false)
        let rows = [table.header] + table.rows
        return rows.map { row in row.map { OutputFiles.quoted(decimalPoint($0)) }.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func decimalComma(_ field: String) -> String {
        isDecimal(field, separator: ".") ? field.replacingOccurrences(of: ".", with: ",") : field
    }

    static func decimalPoint(_ field: String) -> String {
        isDecimal(field, separator: ",") ? field.replacingOccurrences(of: ",", with: ".") : field
    }

    /// `-12.5`-shaped: optional minus, digits, one separator, digits.
    static func isDecimal(_ field: String, separator: Character) -> Bool {
        let unsigned = field.hasPrefix("-") ? field.dropFirst() : Substring(field)
        let parts = unsigned.split(separator: separator, omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
