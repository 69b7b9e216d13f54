import CareDomain
import Foundation
import Glibc
import SwiftCSV

/// The contract's output files: `roster.csv`, `uncovered.csv`, `capacity.csv`, `summary.json`.
///
/// Each file is written whole to a temporary name in the same folder and then renamed, so a
/// reader never sees half a file.
public enum OutputFiles {
    public static let rosterColumns = ["date", "day", "start", "end", "staff_id", "staff_name", "activity", "location", "area",
                                       "clients", "product", "role", "ref"]
    /// The contract's columns, then `ref` and `clients_present` (our extension: who attends a
    /// session that has nobody rostered, so `check` can recount it).
    /// `need_text` and `reason_text` say the same for a person in the run's language (`--lang`),
    /// people by name; `need` and `reason` keep the contract's English for programs.
    public static let uncoveredColumns = ["date", "day", "start", "end", "activity", "location", "client", "product", "need",
                                          "hours", "reason", "ref", "kind", "clients_present", "need_text", "reason_text"]
    /// Our extension: each client's end-responsible professional and the coordination time counted in their hours.
    public static let responsibilityColumns = ["client_id", "product", "staff_id", "staff_name", "level", "coordination_minutes", "fixed"]
    public static let capacityColumns = ["level", "skill", "demand_hours", "available_hours", "assigned_hours",
                                         "uncovered_hours", "fte_gap", "hire_hours", "hire_fte", "hire_cost"]
    /// Our extension: when in the week the roster is short and the vacancies would work.
    /// Then `cover`: `stand-in` where someone of that level and skill is absent that day (the
    /// shortage is temporary), else `hire` (structural); and `absent`: who that is.
    public static let capacityByDayColumns = ["day", "daypart", "level", "skill", "uncovered_hours", "hire_hours", "cover", "absent"]

    public static func rosterCSV(_ roster: Roster, scenario: Scenario) -> String {
        var rows = [rosterColumns]
        for row in roster.assignments {
            let date = scenario.week.date(atMinute: row.interval.start)
            rows.append([
                date.description, date.weekday.description, ClockTime.text(row.interval.start), ClockTime.text(row.interval.end),
                row.staff.rawValue, asText(scenario.staff[row.staff]?.name ?? ""), row.activity.rawValue, row.location?.rawValue ?? "",
                row.area ?? "", row.clients.map(\.rawValue).joined(separator: ";"), row.products.map(\.rawValue).joined(separator: ";"),
                row.role.rawValue, row.ref,
            ])
        }
        return csv(rows)
    }

    /// `changes.csv` of a re-plan: `date,start,end,staff_id,before,after`, then `client_id`: the
    /// client of a moved visit or evaluation, or a client moved between sessions (no staff_id).
    public static func changesCSV(_ changes: [RosterChange], scenario: Scenario) -> String {
        var rows = [["date", "start", "end", "staff_id", "before", "after", "client_id"]]
        for change in changes {
            rows.append([scenario.week.date(atMinute: change.interval.start).description, ClockTime.text(change.interval.start),
                         ClockTime.text(change.interval.end), change.staff.rawValue, change.before, change.after, change.client?.rawValue ?? ""])
        }
        return csv(rows)
    }

    public static func uncoveredCSV(_ roster: Roster, scenario: Scenario, language: ReportLanguage = .nl) -> String {
        let names = StaffNames(scenario)
        var rows = [uncoveredColumns]
        for row in roster.uncovered {
            let date = row.interval.map { scenario.week.date(atMinute: $0.start) }
            rows.append([
                date?.description ?? "", date?.weekday.description ?? "",
                row.interval.map { ClockTime.text($0.start) } ?? "", row.interval.map { ClockTime.text($0.end) } ?? "",
                row.activity.rawValue, row.location?.rawValue ?? "", row.client?.rawValue ?? "", row.product?.rawValue ?? "",
                row.need.text, decimal(row.hours), asText(row.reason.text), row.ref, row.kind.rawValue,
                row.clientsPresent.map(\.rawValue).joined(separator: ";"),
                asText(row.need.text(in: language)), asText(row.reason.text(in: language, names: names)),
            ])
        }
        return csv(rows)
    }

    public static func responsibilityCSV(_ roster: Roster, scenario: Scenario) -> String {
        var rows = [responsibilityColumns]
        for row in roster.responsibilities {
            let client = scenario.clients[row.client]
            let person = scenario.staff[row.staff]
            rows.append([row.client.rawValue, client?.product.rawValue ?? "", row.staff.rawValue, asText(person?.name ?? ""),
                         person?.level.name ?? "", String(row.coordinationMinutes), client?.responsible == row.staff ? "true" : "false"])
        }
        return csv(rows)
    }

    /// Then `hire_status`: how the hire analysis ended (`optimal`, `not needed`; anything else
    /// means it could not finish and its figures are what it found by then).
    public static func capacityCSV(_ capacity: [CapacityRow], hireStatus: String = "not needed") -> String {
        csv([capacityColumns + ["hire_status"]] + capacity.map {
            [$0.level, $0.skill, decimal($0.demandHours), decimal($0.availableHours), decimal($0.assignedHours),
             decimal($0.uncoveredHours), decimal($0.fteGap, places: 3), decimal($0.hireHours), decimal($0.hireFTE, places: 3),
             decimal($0.hireCost), hireStatus]
        })
    }

    public static func capacityByDayCSV(_ hires: HirePlan) -> String {
        csv([capacityByDayColumns] + hires.slots.map {
            [$0.day.description, $0.daypart, $0.level, $0.skill, decimal($0.uncoveredHours), decimal($0.hireHours),
             $0.isTemporary ? "stand-in" : "hire", $0.standIns.map(\.rawValue).joined(separator: ";")]
        })
    }

    public static func summaryJSON(_ summary: RunSummary, scenario: Scenario, hires: HirePlan = .none, language: ReportLanguage = .nl) -> String {
        func number(_ value: Double?, places: Int = 4) -> String { value.map { decimal($0, places: places) } ?? "null" }
        let fields: [(String, String)] = [
            ("status", "\"\(summary.status)\""),
            ("objective", number(summary.objective)),
            ("best_bound", number(summary.bestBound)),
            ("gap", number(summary.gap, places: 6)),
            ("bound_source", summary.boundSource.map(jsonString) ?? "null"),
            ("warm_start", summary.warmStart.map(jsonString) ?? "null"),
            ("solve_seconds", number(summary.solveSeconds, places: 1)),
            ("coverage", number(summary.coverage, places: 6)),
            ("assigned_hours", number(summary.assignedHours, places: 2)),
            ("working_hours", number(summary.workingHours, places: 2)),
            ("break_hours", number(summary.breakHours, places: 2)),
            ("unused_contract_hours", number(summary.unusedContractHours, places: 2)),
            ("hire_stand_in_hours", number(hires.standInHours, places: 2)),
            ("hire_structural_hours", number(hires.structuralHours, places: 2)),
            ("uncovered_hours", number(summary.uncoveredHours, places: 2)),
            ("cost", number(summary.cost, places: 2)),
            ("fte_gap", number(summary.fteGap, places: 3)),
            ("hire_hours", number(summary.hireHours, places: 2)),
            ("hire_cost", number(summary.hireCost, places: 2)),
            ("payroll", number(summary.pay.payroll, places: 2)),
            ("extra_spend", "{\"flex\": \(number(summary.pay.flex, places: 2)), \"agency\": \(number(summary.pay.agency, places: 2)), "
                + "\"overtime\": \(number(summary.pay.overtime, places: 2)), \"allowances\": \(number(summary.pay.allowances, places: 2)), "
                + "\"total\": \(number(summary.pay.extraSpend, places: 2))}"),
            ("total_cost", number(summary.totalCost, places: 2)),
            ("contract_hours", number(summary.pay.contractHours, places: 2)),
            ("rostered_hours", number(summary.pay.rosteredHours, places: 2)),
            ("idle_contract_hours", number(summary.pay.idleContractHours, places: 2)),
            ("hire_fte_by_level", "{" + hires.fteByLevel.sorted { $0.key < $1.key }
                .map { "\(jsonString($0.key)): \(number($0.value, places: 3))" }.joined(separator: ", ") + "}"),
            ("hire_uncovered_hours", number(hires.stillUncoveredHours, places: 2)),
            ("hire_status", jsonString(hires.status)),
            ("visits_asked", String(summary.visitsAsked)),
            ("visits_placed", String(summary.visitsPlaced)),
            ("visits_placeable_bound", String(summary.visitsPlaceableBound)),
            ("wishes", String(summary.wishesTotal)),
            ("wishes_met", String(summary.wishesMet)),
            ("fairness_largest_deviation", number(summary.fairnessLargestDeviation, places: 2)),
            ("scenario", jsonString(scenario.name)),
            ("week", "\"\(scenario.week)\""),
            // The language of the readable texts (`need_text`, `reason_text`, the report), for `explain`.
            ("language", "\"\(language.rawValue)\""),
        ]
        return "{\n" + fields.map { "  \"\($0.0)\": \($0.1)" }.joined(separator: ",\n") + "\n}\n"
    }

    /// One row per variant; the FTE gap per level has a column for each level any variant hires.
    /// Then, against the base: the change in cost, rostered and uncovered hours and FTE gap,
    /// rostered FTE per level, what the variant changes, and the error of a variant that failed
    /// (its figures left empty).
    public static func compareCSV(_ rows: [VariantComparison], scale: QualificationScale) -> String {
        let levels = comparedLevels(rows, scale: scale)
        let rostered = scale.levels.map(\.name).filter { level in rows.contains { $0.rosteredFTE[level] != nil } }
        let header = ["variant", "folder", "clients", "demand_hours", "status", "coverage", "assigned_hours", "uncovered_hours", "cost", "hire_hours", "payroll",
                      "extra_spend", "hire_cost", "total_cost", "fte_gap"] + levels.map { "fte_gap_\($0)" } + ["gap"]
            + ["cost_change", "assigned_hours_change", "uncovered_hours_change", "fte_gap_change", "payroll_change", "extra_spend_change",
               "hire_cost_change", "total_cost_change", "coverage_change"] + rostered.map { "fte_\($0)" }
            + rostered.map { "fte_\($0)_change" } + ["changes", "error"]
        let base = rows.first { $0.error == nil }
        return csv([header] + rows.map { row in
            if let error = row.error {
                return [row.name, row.folder] + Array(repeating: "", count: header.count - 4) + [asText(row.changes), asText(error)]
            }
            let summary = row.summary
            let perLevel = row.hires.fteByLevel
            func change(_ value: (VariantComparison) -> Double, places: Int = 2) -> String {
                base.map { decimal(value(row) - value($0), places: places) } ?? ""
            }
            var cells: [String] = [row.name, row.folder, String(row.clients), decimal(row.demandHours), summary.status, decimal(summary.coverage, places: 4),
                                   decimal(summary.assignedHours), decimal(summary.uncoveredHours), decimal(summary.cost), decimal(summary.hireHours),
                                   decimal(summary.pay.payroll), decimal(summary.pay.extraSpend), decimal(summary.hireCost),
                                   decimal(summary.totalCost), decimal(summary.fteGap, places: 3)]
            cells += levels.map { decimal(perLevel[$0] ?? 0, places: 3) }
            cells.append(summary.gap.map { decimal($0, places: 4) } ?? "")
            cells += [change({ $0.summary.cost }), change({ $0.summary.assignedHours }), change({ $0.summary.uncoveredHours }),
                      change({ $0.summary.fteGap }, places: 3), change({ $0.summary.pay.payroll }), change({ $0.summary.pay.extraSpend }),
                      change({ $0.summary.hireCost }), change({ $0.summary.totalCost }), change({ $0.summary.coverage }, places: 4)]
            cells += rostered.map { decimal(row.rosteredFTE[$0] ?? 0, places: 3) }
            cells += rostered.map { level in change({ $0.rosteredFTE[level] ?? 0 }, places: 3) }
            return cells + [asText(row.changes), ""]
        })
    }

    /// Levels with a hire in any variant, lowest first.
    public static func comparedLevels(_ rows: [VariantComparison], scale: QualificationScale) -> [String] {
        let hired = Set(rows.filter { $0.error == nil }.flatMap { $0.hires.needs.map(\.level) })
        return scale.levels.map(\.name).filter(hired.contains)
    }

    /// The staff mix at the contract's volume: one row per level and skill, then its derivation:
    /// the paid hours, and the FTE the client hours alone ask (client hours ÷ productivity ×
    /// (1 − absence) ÷ FTE hours; more FTE than that comes from the busiest day or session).
    public static func estimateCSV(_ estimate: TenderEstimate, contract: TenderContract) -> String {
        let share = contract.productivity * (1 - contract.absenceRate)
        return csv([["level", "skill", "fte", "heads", "client_hours", "weekly_cost", "yearly_cost", "paid_hours", "fte_for_hours", "status"]] + estimate.lines.map {
            [$0.level, $0.skill, decimal($0.fte, places: 2), String($0.heads), decimal($0.clientHours), decimal($0.weeklyCost),
             decimal($0.weeklyCost * 52), decimal($0.fte * contract.fteHours), decimal($0.clientHours / share / contract.fteHours, places: 2),
             estimate.status]
        })
    }

    /// `estimate-products.csv`: each product's volume staffed on its own, with its cost per
    /// client a year, per client hour and per dagdeel (group products), to hold against a tariff.
    /// After the cost per client hour: the face-to-face (contact) hours, the cost price and the
    /// price per contact hour (docs/contract-format.md's build-up), and with a tariff its unit,
    /// the cost price per unit, the margin the tariff leaves and the break-even volume.
    public static func estimateProductsCSV(_ products: [TenderProductFigures]) -> String {
        csv([["product", "clients", "fte", "heads", "client_hours", "weekly_cost", "yearly_cost", "cost_per_client_year", "cost_per_client_hour",
              "cost_per_dagdeel", "contact_hours", "cost_per_contact_hour", "price_per_contact_hour", "tariff", "tariff_unit",
              "cost_per_tariff_unit", "margin_at_tariff", "break_even_volume_pct"]] + products.map { product in
            let build = product.buildUp
            let tariff = build?.tariff
            // "at most 25": the tariff pays at the lowest volume tried; "above 300": at none.
            let breakEven: String = tariff == nil ? "" : product.breakEvenFactor.map { factor in
                factor <= (product.breakEvenSearched?.lowerBound ?? 0) + 1e-9 ? "at most \(decimal(factor * 100, places: 0))" : decimal(factor * 100, places: 0)
            } ?? product.breakEvenSearched.map { "above \(decimal($0.upperBound * 100, places: 0))" } ?? ""
            return [product.product.rawValue, String(product.clients), decimal(product.estimate.fte, places: 2), String(product.estimate.heads),
                    decimal(product.clientHours), decimal(product.estimate.weeklyCost), decimal(product.estimate.weeklyCost * 52),
                    decimal(product.costPerClientYear), decimal(product.costPerClientHour), product.costPerDagdeel.map { decimal($0) } ?? "",
                    build.map { decimal($0.contactHours) } ?? "", build.map { decimal($0.costPerContactHour) } ?? "",
                    build.map { decimal($0.pricePerContactHour) } ?? "", tariff.map { decimal($0) } ?? "",
                    tariff == nil ? "" : (product.clientSessions == nil ? "contact_hour" : "dagdeel"),
                    tariff == nil ? "" : build.map { decimal($0.costPerTariffUnit) } ?? "",
                    build?.marginAtTariff.map { decimal($0, places: 4) } ?? "", breakEven]
        })
    }

    /// `cost-price.csv`: each product's week from staff cost to price, a row per step, with the
    /// step's amount, the running total and both per contact hour.
    public static func costPriceCSV(_ products: [TenderProductFigures]) -> String {
        var rows = [["product", "step", "weekly_amount", "running_total", "per_contact_hour", "running_per_contact_hour"]]
        for product in products {
            guard let build = product.buildUp else { continue }
            var total = 0.0
            let per = { (value: Double) in build.contactHours > 0 ? value / build.contactHours : 0 }
            for (step, amount) in build.steps {
                if let amount { total += amount }
                let shown = amount ?? total
                rows.append([product.product.rawValue, step, decimal(shown), decimal(total), decimal(per(shown)), decimal(per(total))])
            }
        }
        return csv(rows)
    }

    /// `sensitivity-terms.csv`: the estimate at other productivities and absence rates, with the
    /// reason a step adds people.
    public static func termSensitivityCSV(_ rows: [TenderTermRow], scale: QualificationScale) -> String {
        let levels = scale.levels.map(\.name).filter { level in rows.contains { $0.estimate.fteByLevel[level] != nil } }
        return csv([["term", "value", "status", "fte", "heads", "weekly_cost", "yearly_cost"] + levels.map { "fte_\($0)" } + ["reason"]] + rows.map { row in
            var cells = [row.term, decimal(row.value, places: 2), row.estimate.status, decimal(row.estimate.fte, places: 2), String(row.estimate.heads),
                         decimal(row.estimate.weeklyCost), decimal(row.estimate.weeklyCost * 52)]
            cells += levels.map { decimal(row.estimate.fteByLevel[$0] ?? 0, places: 2) }
            return cells + [row.reason.en]
        })
    }

    /// The staff mix over volumes (80% to 120%): one row per volume, FTE per level in columns.
    /// After the reason, each volume's weekly cost price and price (the contract's build-up) and,
    /// where volumes carry a tariff, the revenue at the tariff and the result (revenue − cost price).
    public static func sensitivityCSV(_ estimates: [TenderEstimate], scale: QualificationScale, reasons: [PlannerText] = [],
                                      prices: [(costPrice: Double, price: Double, revenue: Double?)] = []) -> String {
        let levels = scale.levels.map(\.name).filter { level in estimates.contains { $0.fteByLevel[level] != nil } }
        let priced = prices.count == estimates.count
        let tariffs = priced && prices.contains { $0.revenue != nil }
        return csv([["volume_pct", "status", "fte", "heads", "weekly_cost", "yearly_cost"] + levels.map { "fte_\($0)" } + ["reason"]
            + (priced ? ["cost_price", "price"] : []) + (tariffs ? ["revenue_at_tariff", "result_at_tariff"] : [])]
            + estimates.enumerated().map { index, estimate in
                var cells = [decimal(estimate.volumeFactor * 100, places: 0), estimate.status, decimal(estimate.fte, places: 2), String(estimate.heads),
                             decimal(estimate.weeklyCost), decimal(estimate.weeklyCost * 52)] + levels.map { decimal(estimate.fteByLevel[$0] ?? 0, places: 2) }
                    + [index < reasons.count ? reasons[index].en : ""]
                if priced { cells += [decimal(prices[index].costPrice), decimal(prices[index].price)] }
                if tariffs, let revenue = prices[index].revenue { cells += [decimal(revenue), decimal(revenue - prices[index].costPrice)] }
                return cells
            })
    }

    /// One table for a period from the tables of its weeks (same header), the week named in a
    /// last column `week` where `weekColumn` (rows that carry their own dates need none).
    public static func periodCSV(_ weekly: [(week: PlanningWeek, text: String)], weekColumn: Bool) throws -> String {
        var rows: [[String]] = []
        for (week, text) in weekly {
            let table = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false)
            if rows.isEmpty { rows.append(table.header + (weekColumn ? ["week"] : [])) }
            rows += table.rows.map { $0 + (weekColumn ? [week.description] : []) }
        }
        return csv(rows)
    }

    /// `summary.json` of a period: the period's figures (as for one week, `week` the first), the
    /// number of `weeks`, and `per_week` with each week's own summary.
    public static func periodSummaryJSON(_ summary: RunSummary, scenario: Scenario, hires: HirePlan,
                                         weeks: [(summary: RunSummary, scenario: Scenario, hires: HirePlan)], language: ReportLanguage = .nl) -> String {
        let whole = summaryJSON(summary, scenario: scenario, hires: hires, language: language)
        let perWeek = weeks.map { week in
            summaryJSON(week.summary, scenario: week.scenario, hires: week.hires, language: language)
                .split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        }
        let closing = whole.range(of: "\n}\n", options: .backwards)!
        return String(whole[..<closing.lowerBound]) + ",\n  \"weeks\": \(weeks.count),\n  \"last_week\": \"\(weeks.last?.scenario.week.description ?? "")\",\n  \"per_week\": [\n"
            + perWeek.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    public static let hoursColumns = ["staff_id", "contract", "contract_hours", "balance_before", "rostered_hours", "balance_after",
                                      "allowance_hours", "allowance_cost", "extra_cost", "within_band"]

    /// `hours.csv`: per paid person, contract hours owed, the balance before and after, rostered
    /// working time, allowances and what they add to the wage bill (SCENARIO.md 1.2).
    public static func hoursCSV(_ people: [PersonHours]) -> String {
        csv([hoursColumns] + people.map { person in
            [person.staff.rawValue, person.contract.rawValue, decimal(person.contractHours), decimal(person.balanceBefore),
             decimal(person.rosteredHours), decimal(person.balanceAfter), decimal(person.allowanceHours), decimal(person.allowanceCost),
             decimal(person.extraCost), person.contract == .salaried ? (person.withinBand ? "yes" : "no") : ""]
        })
    }

    public static let wishColumns = ["staff_id", "date", "what", "weight", "met"]

    /// `wishes.csv`: one row per wish and date it applies to, met or not.
    public static func wishesCSV(_ roster: Roster, scenario: Scenario) -> String {
        csv([wishColumns] + RosterPreferences.wishes(scenario, roster: roster).map {
            [$0.staff.rawValue, $0.date.description, $0.wish.what, String($0.wish.weight), $0.met ? "true" : "false"]
        })
    }

    /// A free-text cell (a person's name, a reason) as a spreadsheet shows it: text starting with
    /// `=`, `+`, `-` or `@` would be read as a formula, so it gets a leading apostrophe, which
    /// spreadsheets hide. Ids are never changed (they use letters, digits, `_`, `.`, `-` only).
    static func asText(_ text: String) -> String {
        // OWASP's list for CSV injection: a cell a spreadsheet would read as a formula.
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    static func csv(_ rows: [[String]]) -> String {
        let text = rows.map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\n") + "\n"
        MadeTables.remember(text, rows: rows)
        return text
    }

    static func quoted(_ field: String) -> String {
        // By scalar: "\r\n" is one Character in Swift, equal to neither "\r" nor "\n".
        // By bytes (all four are ASCII, so UTF-8 has them only as themselves): a reason of a
        // region's week is long, and there are thousands.
        let bytes = field.utf8
        guard bytes.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return field }
        guard bytes.contains(34) else { return "\"" + field + "\"" }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number with at most `places` decimals and no trailing zeros, with a decimal point.
    public static func decimal(_ value: Double, places: Int = 2) -> String {
        var text = String(format: "%.\(places)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case _ where scalar.value < 32: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

extension OutputFiles {
    /// `roster-by-person.csv` (our addition, for printing): one row per person, one column per
    /// date of the period with that day's work ("09:00–12:30 ochtend linde", one line each) or
    /// the word for absent, then per week the hours rostered (coordination included), and at the
    /// end the period's hours and their difference from contract hours.
    public static func rosterByPersonCSV(_ weeks: [(roster: Roster, scenario: Scenario)], absentWord: String) -> String {
        guard let first = weeks.first?.scenario else { return csv([["staff_id"]]) }
        let dates = weeks.flatMap { week in Weekday.allCases.map { week.scenario.week.date(of: $0) } }
        var header = ["staff_id", "staff_name", "level", "contract_hours"]
        for week in weeks {
            header += Weekday.allCases.map { week.scenario.week.date(of: $0).description }
            header.append("hours_\(week.scenario.week)")
        }
        header += ["hours", "difference"]
        var rows = [header]
        for person in first.sortedStaff {
            var cells = [person.id.rawValue, asText(person.name), person.isVolunteer ? "volunteer" : person.level.name, decimal(person.contractHours)]
            var total = 0.0
            for (index, week) in weeks.enumerated() {
                let own = week.roster.assignments.filter { $0.staff == person.id }.sorted { $0.interval.start < $1.interval.start }
                for (day, date) in Weekday.allCases.map({ ($0, dates[index * 7 + $0.rawValue]) }) {
                    let work = own.filter { $0.interval.start / 1440 == day.rawValue }.map { row in
                        "\(ClockTime.text(row.interval.start))–\(ClockTime.text(row.interval.end)) "
                            + ([row.ref.isEmpty ? row.activity.rawValue : row.ref, row.location?.rawValue ?? row.area ?? ""].filter { !$0.isEmpty }.joined(separator: " "))
                    }
                    let absent = week.scenario.staff[person.id]?.absent.contains(date) == true
                    cells.append(asText((absent && work.isEmpty ? [absentWord] : work).joined(separator: "\n")))
                }
                // Working time: breaks out, sleep with its factor, coordination in.
                let minutes = week.scenario.workingMinutes(of: Roster(assignments: own, uncovered: [],
                                                                      responsibilities: week.roster.responsibilities.filter { $0.staff == person.id }))[person.id] ?? 0
                total += Double(minutes) / 60
                cells.append(decimal(Double(minutes) / 60))
            }
            cells += [decimal(total), decimal(total - person.contractHours * Double(weeks.count))]
            rows.append(cells)
        }
        return csv(rows)
    }
}

/// The tables this run made, by their text: the workbook and the Dutch locale read a table's
/// rows back from here instead of parsing what was just written (a region's roster parsed again
/// took two seconds of a five-second limit). Only the last few are kept; a text not here is
/// parsed as any file is.
public enum MadeTables {
    private static let memo = Mutex<[(text: String, rows: [[String]])]>([])
    private static let kept = 16

    static func remember(_ text: String, rows: [[String]]) {
        memo.withLock { memo in
            memo.append((text, rows))
            if memo.count > kept { memo.removeFirst(memo.count - kept) }
        }
    }

    /// The rows (header first) of a table this run made, if it is still remembered.
    public static func rows(of text: String) -> [[String]]? {
        memo.withLock { memo in memo.last { $0.text.utf8.count == text.utf8.count && $0.text == text }?.rows }
    }
}
