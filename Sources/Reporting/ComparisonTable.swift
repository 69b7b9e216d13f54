import CareDomain
import Foundation

/// The table `compare` prints: one line per variant, the base first, in the run's language.
public enum ComparisonTable {
    public static func render(title: String, rows: [VariantComparison], levels: [String], language: ReportLanguage = .nl) -> String {
        let nl = language == .nl
        let header = (nl ? ["variant", "cliënten", "vraag u", "status", "dekking", "niet gedekt u", "kosten €", "werving u"]
                         : ["variant", "clients", "demand h", "status", "coverage", "uncovered h", "cost €", "hire h"])
            + levels.map { "FTE \($0)" } + ["gap"]
        let body = rows.map { row -> [String] in
            if row.error != nil { return [row.name, "", "", nl ? "mislukt" : "failed"] + Array(repeating: "", count: header.count - 4) }
            let summary = row.summary
            return [row.name, String(row.clients), String(format: "%.1f", row.demandHours), language.status(summary.status), String(format: "%.1f%%", summary.coverage * 100), String(format: "%.1f", summary.uncoveredHours),
                    String(format: "%.2f", summary.cost), String(format: "%.1f", summary.hireHours)]
                + levels.map { String(format: "%.2f", row.hires.fteByLevel[$0] ?? 0) }
                + [summary.gap.map { String(format: "%.2f%%", $0 * 100) } ?? "n/a"]
        }
        let widths = header.indices.map { column in ([header] + body).map { $0[column].count }.max()! }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                // Names read left to right; figures line up on the right.
                column == 0 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }
        let notes = rows.compactMap { row in row.error.map { "\(row.name): \(nl ? "niet gepland" : "not planned"): \($0)" } }
            + rows.filter { $0.error == nil && !$0.changes.isEmpty }.map { "\($0.name): \($0.changes)" }
        return ([title, line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + body.map(line) + notes)
            .joined(separator: "\n")
    }
}
