import CareDomain
import Foundation

/// The table `compare` prints: one line per variant, the base first, in the run's language.
public enum ComparisonTable {
    public static func render(title: String, rows: [VariantComparison], levels: [String], language: ReportLanguage = .nl) -> String {
        let nl = language == .nl
        let header = (nl ? ["variant", "cliënten", "vraag u", "status", "dekking", "niet gedekt u", "loonsom €", "extra €", "werving u", "werving €", "totaal €", "Δ totaal €", "Δ dekking"]
                         : ["variant", "clients", "demand h", "status", "coverage", "uncovered h", "payroll €", "extra €", "hire h", "hire €", "total €", "Δ total €", "Δ coverage"])
            + levels.map { "FTE \($0)" } + ["gap"]
        let base = rows.first { $0.error == nil }?.summary
        let shown = { (row: VariantComparison) in shownName(row.name, language: language) }
        let body = rows.map { row -> [String] in
            if row.error != nil { return [shown(row), "", "", nl ? "mislukt" : "failed"] + Array(repeating: "", count: header.count - 4) }
            let summary = row.summary
            let totalChange = base.map { String(format: "%+.2f", summary.totalCost - $0.totalCost) } ?? ""
            let coverageChange = base.map { String(format: "%+.1f%%", (summary.coverage - $0.coverage) * 100) } ?? ""
            return [shown(row), String(row.clients), String(format: "%.1f", row.demandHours), language.status(summary.status), String(format: "%.1f%%", summary.coverage * 100), String(format: "%.1f", summary.uncoveredHours),
                    String(format: "%.2f", summary.pay.payroll), String(format: "%.2f", summary.pay.extraSpend), String(format: "%.1f", summary.hireHours),
                    String(format: "%.2f", summary.hireCost), String(format: "%.2f", summary.totalCost), totalChange, coverageChange]
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
        let notes = rows.compactMap { row in row.error.map { "\(shown(row)): \(nl ? "niet gepland" : "not planned"): \($0)" } }
            + rows.filter { $0.error == nil && !$0.changes.isEmpty }.map { "\(shown($0)): \(shownChanges($0.changes, language: language))" }
            + rows.compactMap { row in lostCare(row, base: base, language: language) }
        return ([title, line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + body.map(line) + notes)
            .joined(separator: "\n")
    }

    /// The names the program gives (the base, the command line's variant) in the run's
    /// language; a scenario's own variant names as written. (compare.csv keeps the codes.)
    public static func shownName(_ name: String, language: ReportLanguage) -> String {
        guard language == .nl else { return name }
        return ["base": "basis", "command line": "opdrachtregel"][name] ?? name
    }

    /// A variant's edits in words in the run's language (the paths and values as written).
    public static func shownChanges(_ changes: String, language: ReportLanguage) -> String {
        guard language == .nl else { return changes }
        return changes.replacingOccurrences(of: "without ", with: "zonder ").replacingOccurrences(of: "clients × ", with: "cliënten × ")
    }

    /// A variant that costs less than the base while it covers less care says what it loses:
    /// a cheaper roster that leaves care undone is not a saving.
    public static func lostCare(_ row: VariantComparison, base: RunSummary?, language: ReportLanguage) -> String? {
        guard row.error == nil, let base else { return nil }
        let lost = row.summary.uncoveredHours - base.uncoveredHours
        guard lost > 0.05, row.summary.totalCost < base.totalCost + 0.005 else { return nil }
        let saved = base.totalCost - row.summary.totalCost
        return language == .nl
            ? String(format: "%@: %.2f € goedkoper, maar %.1f uur zorg minder gedekt (dekking %.1f%% → %.1f%%)", row.name, saved, lost, base.coverage * 100, row.summary.coverage * 100)
            : String(format: "%@: € %.2f cheaper, but %.1f h less care covered (coverage %.1f%% → %.1f%%)", row.name, saved, lost, base.coverage * 100, row.summary.coverage * 100)
    }
}
