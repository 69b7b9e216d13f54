import CareDomain
import Foundation

/// What `estimate` prints: the staff mix at the contract's volume, then the volume sensitivity.
public enum EstimateTable {
    public static func render(contract: TenderContract, at estimate: TenderEstimate, sensitivity: [TenderEstimate]) -> String {
        var lines = ["zorgrooster estimate · \(contract.name)",
                     String(format: "Terms: %.0f h a FTE, productivity %.0f%%, absence %.0f%%, contracts from %.0f h",
                            contract.fteHours, contract.productivity * 100, contract.absenceRate * 100, contract.minContractHours),
                     "Staff mix at the contract's volume (minimum cost, \(estimate.status)):"]
        var mix = [["level", "skill", "FTE", "people", "client h/week", "€ a year"]]
        for line in estimate.lines {
            mix.append([line.level, line.skill, String(format: "%.2f", line.fte), String(line.heads),
                        String(format: "%.1f", line.clientHours), String(format: "%.0f", line.weeklyCost * 52)])
        }
        mix.append(["total", "", String(format: "%.2f", estimate.fte), String(estimate.heads),
                    String(format: "%.1f", estimate.lines.reduce(0) { $0 + $1.clientHours }), String(format: "%.0f", estimate.weeklyCost * 52)])
        lines += aligned(mix, leftColumns: 2)
        let levels = contract.scale.levels.map(\.name).filter { level in sensitivity.contains { $0.fteByLevel[level] != nil } }
        lines.append("Sensitivity to volume:")
        var table = [["volume", "FTE", "people", "€ a year"] + levels.map { "FTE \($0)" }]
        for row in sensitivity {
            table.append([String(format: "%.0f%%", row.volumeFactor * 100), String(format: "%.2f", row.fte), String(row.heads),
                          String(format: "%.0f", row.weeklyCost * 52)] + levels.map { String(format: "%.2f", row.fteByLevel[$0] ?? 0) })
        }
        lines += aligned(table, leftColumns: 0)
        return lines.joined(separator: "\n")
    }

    /// Columns padded to one width; the first `leftColumns` read left to right, figures line up right.
    static func aligned(_ rows: [[String]], leftColumns: Int) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max()! }
        return rows.map { cells in
            "  " + cells.enumerated().map { column, cell in
                column < leftColumns ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }
    }
}
