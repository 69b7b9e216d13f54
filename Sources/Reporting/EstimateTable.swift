import CareDomain
import Foundation

/// The explanation's figures the table prints (Reporting does not depend on Tender).
public protocol TenderExplanationView {
    var products: [TenderProductFigures] { get }
    var terms: [TenderTermRow] { get }
    var volumeReasons: [PlannerText] { get }
}

/// What `estimate` prints: the staff mix at the contract's volume, then the volume sensitivity.
public enum EstimateTable {
    public static func render(contract: TenderContract, at estimate: TenderEstimate, sensitivity: [TenderEstimate],
                              explanation: TenderExplanationView? = nil, language: ReportLanguage = .en) -> String {
        let nl = language == .nl
        func say(_ english: String, _ dutch: String) -> String { nl ? dutch : english }
        var lines = ["zorgrooster estimate · \(contract.name)",
                     String(format: say("Terms: %.0f h a FTE, productivity %.0f%%, absence %.0f%%, contracts from %.0f h",
                                        "Voorwaarden: %.0f uur per FTE, productiviteit %.0f%%, verzuim %.0f%%, contracten vanaf %.0f uur"),
                            contract.fteHours, contract.productivity * 100, contract.absenceRate * 100, contract.minContractHours),
                     say("Staff mix at the contract's volume (minimum cost, \(estimate.status)):",
                         "Personeelsmix bij het volume van het contract (laagste kosten, \(language.status(estimate.status))):")]
        var mix = [nl ? ["niveau", "vaardigheid", "FTE", "mensen", "cliënturen/week", "€ per jaar"] : ["level", "skill", "FTE", "people", "client h/week", "€ a year"]]
        for line in estimate.lines {
            mix.append([line.level, line.skill, String(format: "%.2f", line.fte), String(line.heads),
                        String(format: "%.1f", line.clientHours), String(format: "%.0f", line.weeklyCost * 52)])
        }
        mix.append([say("total", "totaal"), "", String(format: "%.2f", estimate.fte), String(estimate.heads),
                    String(format: "%.1f", estimate.lines.reduce(0) { $0 + $1.clientHours }), String(format: "%.0f", estimate.weeklyCost * 52)])
        lines += aligned(mix, leftColumns: 2)
        // The derivation of each line: client hours over the share of paid hours that reaches
        // clients, in FTE, in people; more FTE than that comes from the busiest day or session.
        let share = contract.productivity * (1 - contract.absenceRate)
        lines.append(String(format: say("How: client hours ÷ %.3f (productivity %.0f%% × (1 − absence %.0f%%)) = paid hours ÷ %.0f h = FTE",
                                        "Hoe: cliënturen ÷ %.3f (productiviteit %.0f%% × (1 − verzuim %.0f%%)) = betaalde uren ÷ %.0f uur = FTE"), share,
                            contract.productivity * 100, contract.absenceRate * 100, contract.fteHours))
        for line in estimate.lines {
            let forHours = line.clientHours / share / contract.fteHours
            let peak = line.fte > forHours + 0.005
                ? String(format: say("; %.2f FTE more for the busiest day or session", "; %.2f FTE meer voor de drukste dag of sessie"), line.fte - forHours) : ""
            lines.append(String(format: say("  %@%@: %.1f h ÷ %.3f = %.1f h = %.2f FTE%@ → %d people (%.0f to %.0f h each)",
                                            "  %@%@: %.1f uur ÷ %.3f = %.1f uur = %.2f FTE%@ → %d mensen (elk %.0f tot %.0f uur)"), line.level,
                                line.skill.isEmpty ? "" : " \(line.skill)", line.clientHours, share, line.clientHours / share, forHours, peak,
                                line.heads, contract.minContractHours, contract.fteHours))
        }
        if let explanation {
            lines.append(say("Cost per product, each staffed on its own:", "Kosten per product, elk apart bemenst:"))
            var costs = [nl ? ["product", "cliënten", "FTE", "€ per jaar", "€/cliënt per jaar", "€/cliëntuur", "€/dagdeel"]
                            : ["product", "clients", "FTE", "€ a year", "€/client a year", "€/client hour", "€/dagdeel"]]
            for product in explanation.products {
                costs.append([product.product.rawValue, String(product.clients), String(format: "%.2f", product.estimate.fte),
                              String(format: "%.0f", product.estimate.weeklyCost * 52), String(format: "%.0f", product.costPerClientYear),
                              String(format: "%.2f", product.costPerClientHour), product.costPerDagdeel.map { String(format: "%.2f", $0) } ?? "-"])
            }
            lines += aligned(costs, leftColumns: 1)
            lines += priceLines(explanation.products, language: language)
        }
        let levels = contract.scale.levels.map(\.name).filter { level in sensitivity.contains { $0.fteByLevel[level] != nil } }
        lines.append(say("Sensitivity to volume:", "Gevoeligheid voor het volume:"))
        var table = [(nl ? ["volume", "FTE", "mensen", "€ per jaar"] : ["volume", "FTE", "people", "€ a year"]) + levels.map { "FTE \($0)" }]
        for row in sensitivity {
            table.append([String(format: "%.0f%%", row.volumeFactor * 100), String(format: "%.2f", row.fte), String(row.heads),
                          String(format: "%.0f", row.weeklyCost * 52)] + levels.map { String(format: "%.2f", row.fteByLevel[$0] ?? 0) })
        }
        lines += aligned(table, leftColumns: 0)
        if let explanation {
            for (index, reason) in explanation.volumeReasons.enumerated() where !reason.en.isEmpty && index < sensitivity.count {
                lines.append(String(format: say("  at %.0f%%: ", "  bij %.0f%%: "), sensitivity[index].volumeFactor * 100) + reason.text(in: language))
            }
            lines.append(say("Sensitivity to the terms:", "Gevoeligheid voor de voorwaarden:"))
            var terms = [(nl ? ["voorwaarde", "waarde", "FTE", "mensen", "€ per jaar"] : ["term", "value", "FTE", "people", "€ a year"]) + levels.map { "FTE \($0)" }]
            for row in explanation.terms {
                terms.append([nl ? (row.term == "productivity" ? "productiviteit" : "verzuim") : row.term, String(format: "%.0f%%", row.value * 100), String(format: "%.2f", row.estimate.fte), String(row.estimate.heads),
                              String(format: "%.0f", row.estimate.weeklyCost * 52)] + levels.map { String(format: "%.2f", row.estimate.fteByLevel[$0] ?? 0) })
            }
            lines += aligned(terms, leftColumns: 1)
            for row in explanation.terms where !row.reason.en.isEmpty {
                let term = nl ? (row.term == "productivity" ? "productiviteit" : "verzuim") : row.term
                lines.append(String(format: "  %@ %.0f%%: ", term, row.value * 100) + row.reason.text(in: language))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Each product's week from staff cost to price, per contact hour, and against the tariff:
    /// the figure a bid holds against the municipality's (a client hour with coordination is not a
    /// contact hour: pricing at the first loses the coordination's share).
    static func priceLines(_ products: [TenderProductFigures], language: ReportLanguage) -> [String] {
        let nl = language == .nl
        func say(_ english: String, _ dutch: String) -> String { nl ? dutch : english }
        var lines: [String] = []
        for product in products {
            guard let build = product.buildUp, build.contactHours > 0 else { continue }
            lines.append(String(format: say("Price of %@ a week (%.1f contact hours):", "Prijs van %@ per week (%.1f contacturen):"),
                                product.product.rawValue, build.contactHours))
            let per = { (value: Double) in String(format: "%.2f", value / build.contactHours) }
            var rows = [nl ? ["stap", "€ per week", "€/contactuur"] : ["step", "€ a week", "€/contact hour"]]
            var total = 0.0
            let dutch = ["staff cost": "personeelskosten", "employer charges": "werkgeverslasten", "kilometres": "kilometers",
                         "travel time": "reistijd", "overhead": "overhead", "cost price": "kostprijs", "margin": "marge",
                         "indexation": "indexatie", "price": "prijs"]
            for (step, amount) in build.steps {
                if let amount { total += amount }
                // Steps that add nothing are left out; a subtotal reads "= kostprijs".
                if let amount, amount == 0, step != "staff cost" { continue }
                let name = (amount == nil ? "= " : "") + say(step, dutch[step] ?? step)
                rows.append([name, String(format: "%.2f", amount ?? total), per(amount ?? total)])
            }
            lines += aligned(rows, leftColumns: 1)
            if let tariff = build.tariff, let margin = build.marginAtTariff {
                let unit = product.clientSessions == nil ? say("contact hour", "contactuur") : "dagdeel"
                let lowest = product.breakEvenSearched?.lowerBound ?? 0
                let breakEven = product.breakEvenFactor.map { factor in
                    factor <= lowest + 1e-9
                        ? String(format: say("break-even at every volume tried (from %.0f%%)", "kostendekkend bij elk geprobeerd volume (vanaf %.0f%%)"), factor * 100)
                        : String(format: say("break-even from %.0f%% of the volume", "kostendekkend vanaf %.0f%% van het volume"), factor * 100)
                }
                    ?? product.breakEvenSearched.map { String(format: say("not break-even up to %.0f%% of the volume", "niet kostendekkend tot %.0f%% van het volume"), $0.upperBound * 100) } ?? ""
                lines.append(String(format: say("  tariff € %.2f per %@, cost price € %.2f: margin %.1f%%; %@",
                                                "  tarief € %.2f per %@, kostprijs € %.2f: marge %.1f%%; %@"),
                                    tariff, unit, build.costPerTariffUnit, margin * 100, breakEven))
            }
        }
        return lines
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
