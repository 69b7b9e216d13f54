import CareDomain
import Foundation
import SwiftCSV

/// Which fields of a CSV file hold lists or windows, so cells become the same nodes as YAML.
enum CSVSchema {
    case staff, clients

    var allowedFields: [String] {
        switch self {
        case .staff: ScenarioReader.staffFields
        case .clients: ScenarioReader.clientFields + ["attends_any.count", "attends_any.of", "visits.count", "visits.minutes", "visits.max_per_day"]
        }
    }

    var listFields: Set<String> { ["skills", "locations", "absent", "attends", "needs", "preferred_staff", "attends_any.of", "key_workers"] }
    var windowFields: Set<String> { ["available"] }
}

extension ScenarioReader {
    /// Reads `staff_file` or `clients_file` into `id: {fields}` nodes with the file's line numbers.
    func csvEntries(_ fileNode: ValueNode, section: String, schema: CSVSchema,
                    existing: [(id: String, node: ValueNode)]) -> [(id: String, node: ValueNode)] {
        guard let name = values.text(fileNode) else { return [] }
        let path = name.hasPrefix("/") ? name : (folder as NSString).appendingPathComponent(name)
        let text: String
        switch InputFile.text(atPath: path, limit: InputFile.largestCSVBytes) {
        case let .success(read): text = read
        case .failure(.unreadable):
            log.report(fileNode, "cannot read `\(name)`", hint: "the path is relative to the scenario file's folder")
            return []
        case let .failure(problem):
            let (words, hint) = InputFile.describe(problem, what: "a staff or client list")
            log.report(fileNode, "`\(name)`: \(words)", hint: hint)
            return []
        }
        do {
            let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
            let table = try CSV<Enumerated>(string: body, delimiter: .comma, loadColumns: false)
            return csvNodes(header: table.header, rows: table.rows, file: path, section: section, schema: schema, existing: existing)
        } catch {
            log.report(fileNode, "`\(name)` is not valid CSV: \(error)", hint: "a comma-separated file with a header row starting with `id`")
            return []
        }
    }

    private func csvNodes(header: [String], rows: [[String]], file: String, section: String, schema: CSVSchema,
                          existing: [(id: String, node: ValueNode)]) -> [(id: String, node: ValueNode)] {
        let columns = header.map(\.trimmingSpaces)
        let headerPlace = SourceLocation(file: file, line: 1, column: 1)
        guard columns.first == "id" else {
            log.report(at: headerPlace, path: section, "the header row must start with `id`", hint: "write `id,\(schema.allowedFields.prefix(3).joined(separator: ","))…`")
            return []
        }
        for column in columns.dropFirst() where !schema.allowedFields.contains(column) {
            let suggestion = closestName(to: column, among: schema.allowedFields).map { "did you mean `\($0)`? " } ?? ""
            log.report(at: headerPlace, path: "\(section).\(column)", "unknown column `\(column)`",
                       hint: "\(suggestion)allowed columns: \(schema.allowedFields.joined(separator: ", "))")
        }
        var seen = Set(existing.map(\.id))
        var result: [(id: String, node: ValueNode)] = []
        for (offset, row) in rows.enumerated() {
            let line = offset + 2
            let place = SourceLocation(file: file, line: line, column: 1)
            guard let id = row.first?.trimmingSpaces, !id.isEmpty else {
                if row.contains(where: { !$0.trimmingSpaces.isEmpty }) {
                    log.report(at: place, path: section, "row without an id", hint: "fill the `id` column")
                }
                continue
            }
            guard isIdentifier(id) else {
                log.report(at: place, path: "\(section).\(id)", "`\(id)` is not a valid id", hint: "ids use letters, digits, `_`, `.` and `-` only")
                continue
            }
            // A cell beyond the header has no field: usually a comma inside an unquoted value.
            if row.count > columns.count, row.dropFirst(columns.count).contains(where: { !$0.trimmingSpaces.isEmpty }) {
                log.report(at: place, path: "\(section).\(id)", "the row has \(row.count) cells, the header \(columns.count)",
                           hint: "quote a value that holds a comma, e.g. \"mon-fri 08:00-12:00;tue 13:00-17:00\"")
                continue
            }
            guard seen.insert(id).inserted else {
                log.report(at: place, path: "\(section).\(id)", "`\(id)` is defined twice (in the YAML or earlier in this file)",
                           hint: "give each person one id; remove or rename the duplicate")
                continue
            }
            var fields: [(String, ValueNode)] = []
            var nested: [String: [(String, ValueNode)]] = [:]
            for (index, column) in columns.enumerated().dropFirst() where schema.allowedFields.contains(column) {
                let cell = index < row.count ? row[index].trimmingSpaces : ""
                guard !cell.isEmpty else { continue }
                let cellPlace = SourceLocation(file: file, line: line, column: index + 1)
                let fieldPath = "\(section).\(id).\(column)"
                let value = cellNode(cell, column: column, schema: schema, place: cellPlace, path: fieldPath)
                let parts = column.split(separator: ".", maxSplits: 1).map(String.init)
                if parts.count == 2 { nested[parts[0], default: []].append((parts[1], value)) } else { fields.append((column, value)) }
            }
            for (parent, children) in nested.sorted(by: { $0.key < $1.key }) {
                let node = ValueNode(content: .mapping(children.map { ($0.0, $0.1) }), location: place, path: "\(section).\(id).\(parent)")
                fields.append((parent, node))
            }
            result.append((id, ValueNode(content: .mapping(fields.map { ($0.0, $0.1) }), location: place, path: "\(section).\(id)")))
        }
        return result
    }

    /// A cell as a node: `a;b` lists, `mon-fri 08:00-17:00` windows, other cells as single values.
    private func cellNode(_ cell: String, column: String, schema: CSVSchema, place: SourceLocation, path: String) -> ValueNode {
        func scalar(_ text: String, _ index: Int) -> ValueNode {
            ValueNode(content: .scalar(text.trimmingSpaces), location: place, path: "\(path)[\(index)]")
        }
        let items = cell.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        if schema.windowFields.contains(column) {
            return ValueNode(content: .sequence(items.enumerated().map { index, item in
                windowNode(item, place: place, path: "\(path)[\(index)]")
            }), location: place, path: path)
        }
        if schema.listFields.contains(column) {
            return ValueNode(content: .sequence(items.enumerated().map { scalar($1, $0) }), location: place, path: path)
        }
        return ValueNode(content: .scalar(cell), location: place, path: path)
    }

    private func windowNode(_ text: String, place: SourceLocation, path: String) -> ValueNode {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let times = parts.count == 2 ? parts[1].split(separator: "-").map(String.init) : []
        guard parts.count == 2, times.count == 2 else {
            return ValueNode(content: .scalar(text), location: place, path: path)  // reported as "expected a mapping"
        }
        let days = parts[0].split(separator: ",").map { ValueNode(content: .scalar(String($0)), location: place, path: "\(path).days") }
        return ValueNode(content: .mapping([
            ("days", ValueNode(content: .sequence(days), location: place, path: "\(path).days")),
            ("from", ValueNode(content: .scalar(times[0]), location: place, path: "\(path).from")),
            ("to", ValueNode(content: .scalar(times[1]), location: place, path: "\(path).to")),
        ]), location: place, path: path)
    }
}
