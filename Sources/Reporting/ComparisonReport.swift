import CareDomain
import Foundation

/// `compare.html`: the variants side by side, each linking to its own report.
public enum ComparisonReport {
    public static func html(title: String, rows: [VariantComparison], levels: [String], language: ReportLanguage = .nl) -> String {
        let text = ReportLabels(language: language)
        let headers = [text["Variant"], text["Cliënten"], text["Vraag (uur)"], text["Status"], text["Dekking"], text["Niet gedekt"],
                       text["Kosten"], text["Werving"]] + levels.map { "FTE \($0)" } + [text["gap"]]
        var page = Page()
        page.add("<header><h1>\(RosterReport.escaped(title))</h1></header>")
        var table = "<section><table class=\"list compare\"><thead><tr>" + headers.map { "<th>\(RosterReport.escaped($0))</th>" }.joined()
            + "</tr></thead><tbody>"
        let base = rows.first
        for row in rows {
            let summary = row.summary
            // A variant's coverage below the base's is marked, so the eye finds what a change costs.
            let worse = base.map { summary.coverage < $0.summary.coverage - 1e-9 } ?? false
            let cells = [
                "<a href=\"\(row.folder)/report.html\">\(RosterReport.escaped(row.name))</a>", String(row.clients),
                String(format: "%.1f", row.demandHours), summary.status,
                "<span class=\"\(worse ? "chip short" : "")\">" + String(format: "%.1f%%", summary.coverage * 100) + "</span>",
                String(format: "%.1f", summary.uncoveredHours), String(format: "€ %.2f", summary.cost),
                String(format: "%.1f ", summary.hireHours) + text["uur"] + String(format: " · € %.2f", summary.hireCost),
            ] + levels.map { String(format: "%.2f", row.hires.fteByLevel[$0] ?? 0) }
                + [summary.gap.map { String(format: "%.2f%%", $0 * 100) } ?? "n/a"]
            table += "<tr>" + cells.enumerated().map { $0.offset == 0 ? "<th>\($0.element)</th>" : "<td class=\"number\">\($0.element)</td>" }.joined() + "</tr>"
        }
        page.add(table + "</tbody></table></section>")
        return page.document(title: title, language: text.htmlLanguage)
    }
}
