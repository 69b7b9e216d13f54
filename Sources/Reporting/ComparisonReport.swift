import CareDomain
import Foundation

/// `compare.html`: the variants side by side, each linking to its own report, with what each
/// changes and how far its figures move from the base; a variant that failed shows its error.
public enum ComparisonReport {
    public static func html(title: String, rows: [VariantComparison], levels: [String], rosteredLevels: [String] = [],
                            language: ReportLanguage = .nl) -> String {
        let text = ReportLabels(language: language)
        let headers = [text["Variant"], text["Wat verandert"], text["Cliënten"], text["Vraag (uur)"], text["Status"], text["Dekking"], text["Niet gedekt"],
                       text["Loonsom (contracturen)"], text["Extra uitgaven"], text["Werving"], text["Totale kosten"]] + levels.map { "\(text["FTE tekort"]) \($0)" } + rosteredLevels.map { "\(text["FTE ingezet"]) \($0)" } + [text["gap"]]
        var page = Page()
        page.add("<header><h1>\(RosterReport.escaped(title))</h1></header>")
        var table = "<section><table class=\"list compare\"><thead><tr>" + headers.map { "<th>\(RosterReport.escaped($0))</th>" }.joined()
            + "</tr></thead><tbody>"
        let base = rows.first { $0.error == nil }
        /// A figure and, below it, its difference from the base ("+€ 912.00").
        func figure(_ value: Double, of row: VariantComparison, format: String, unit: String = "", base baseValue: ((VariantComparison) -> Double)?) -> String {
            let shown = unit + String(format: format, value)
            guard let base, let baseValue, row.name != base.name else { return shown }
            let change = value - baseValue(base)
            guard abs(change) > 1e-9 else { return shown + "<br><small>=</small>" }
            return shown + "<br><small class=\"change\">" + (change > 0 ? "+" : "−") + unit + String(format: format, abs(change)) + "</small>"
        }
        for row in rows {
            let shown = ComparisonTable.shownName(row.name, language: language)
            let name = row.error == nil ? "<a href=\"\(row.folder)/report.html\">\(RosterReport.escaped(shown))</a>" : RosterReport.escaped(shown)
            let changes = RosterReport.escaped(row.changes.isEmpty ? (row.name == base?.name ? text["de uitgangssituatie"] : "")
                                               : ComparisonTable.shownChanges(row.changes, language: language))
            if let error = row.error {
                table += "<tr><th>\(name)</th><td>\(changes)</td><td colspan=\"\(headers.count - 2)\"><span class=\"chip short\">\(RosterReport.escaped(text["niet gepland"])): \(RosterReport.escaped(error))</span></td></tr>"
                continue
            }
            let summary = row.summary
            // A variant's coverage below the base's is marked, so the eye finds what a change costs.
            let worse = base.map { summary.coverage < $0.summary.coverage - 1e-9 } ?? false
            let cells = [
                name, changes, String(row.clients),
                figure(row.demandHours, of: row, format: "%.1f", base: { $0.demandHours }), text.language.status(summary.status),
                "<span class=\"\(worse ? "chip short" : "")\">" + String(format: "%.1f%%", summary.coverage * 100) + "</span>",
                figure(summary.uncoveredHours, of: row, format: "%.1f", base: { $0.summary.uncoveredHours }),
                figure(summary.pay.payroll, of: row, format: "%.2f", unit: "€ ", base: { $0.summary.pay.payroll }),
                figure(summary.pay.extraSpend, of: row, format: "%.2f", unit: "€ ", base: { $0.summary.pay.extraSpend }),
                String(format: "%.1f ", summary.hireHours) + text["uur"] + String(format: " · € %.2f", summary.hireCost),
                figure(summary.totalCost, of: row, format: "%.2f", unit: "€ ", base: { $0.summary.totalCost })
                    + (ComparisonTable.lostCare(row, base: base?.summary, language: text.language).map { "<br><small class=\"chip short\">\(RosterReport.escaped($0))</small>" } ?? ""),
            ] + levels.map { level in figure(row.hires.fteByLevel[level] ?? 0, of: row, format: "%.2f", base: { $0.hires.fteByLevel[level] ?? 0 }) }
                + rosteredLevels.map { level in figure(row.rosteredFTE[level] ?? 0, of: row, format: "%.2f", base: { $0.rosteredFTE[level] ?? 0 }) }
                + [summary.gap.map { String(format: "%.2f%%", $0 * 100) } ?? "n/a"]
            table += "<tr>" + cells.enumerated().map { column, cell in
                column == 0 ? "<th>\(cell)</th>" : column == 1 ? "<td>\(cell)</td>" : "<td class=\"number\">\(cell)</td>"
            }.joined() + "</tr>"
        }
        page.add(table + "</tbody></table></section>")
        return page.document(title: title, language: text.htmlLanguage)
    }
}
