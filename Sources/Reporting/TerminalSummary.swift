import CareDomain
import Foundation

/// The summary a planner reads at a glance after `solve`, in the run's language.
public enum TerminalSummary {
    public static func render(scenario: Scenario, roster: Roster, summary: RunSummary, hires: HirePlan = .none,
                              outputFolder: String, files: [String], language: ReportLanguage = .nl) -> String {
        let nl = language == .nl
        let text = ReportLabels(language: language)
        let names = StaffNames(scenario)
        var lines: [String] = []
        lines.append("zorgrooster · \(scenario.name) (\(scenario.week))")
        lines.append(row("Status", language.outcome(status: summary.status, gap: summary.gap, seconds: summary.solveSeconds)))
        lines.append(row("Details", language.outcomeDetail(status: summary.status, gap: summary.gap)))
        let people = Set(roster.assignments.map(\.staff)).count
        let rosterLine = nl ? "\(roster.assignments.count) regels, \(hours(summary.assignedHours)) uur voor \(people) mensen"
            : "\(roster.assignments.count) rows, \(hours(summary.assignedHours)) h for \(people) people"
        let unused = summary.unusedContractHours > 0.05
            ? (nl ? " · inzetbaar, niet ingezet \(hours(summary.unusedContractHours)) uur" : " · contract hours unused \(hours(summary.unusedContractHours)) h") : ""
        lines.append(row(nl ? "Rooster" : "Roster", rosterLine + unused))
        let count = roster.uncovered.count
        lines.append(row(nl ? "Dekking" : "Coverage", String(format: "%.1f%%", summary.coverage * 100)
            + (nl ? " · niet gedekt \(hours(summary.uncoveredHours)) uur in \(count) regel\(count == 1 ? "" : "s")"
                  : " · uncovered \(hours(summary.uncoveredHours)) h in \(count) row\(count == 1 ? "" : "s")")))
        lines.append(row(nl ? "Kosten" : "Cost", costLine(summary, language: language) + (nl ? " · FTE tekort " : " · FTE gap ") + String(format: "%.2f", summary.fteGap)))
        lines.append(row(nl ? "Uren" : "Hours", hoursLine(summary, language: language)))
        if !hires.needs.isEmpty {
            let perLevel = hires.needs.map { need in
                "\(need.level)\(need.skill.isEmpty ? "" : " \(language.skill(need.skill))") \(hours(need.hours)) \(nl ? "uur" : "h") (\(String(format: "%.2f", need.fte)) FTE)"
            }
            let period = scenario.weeks > 1 ? (nl ? " · € %.2f over \(scenario.weeks) weken" : " · € %.2f over \(scenario.weeks) weeks")
                : (nl ? " · € %.2f per week" : " · € %.2f a week")
            let beyond = nl ? " · \(hours(hires.stillUncoveredHours)) uur ook met werving niet gedekt" : " · \(hours(hires.stillUncoveredHours)) h not even hires cover"
            // A shortage that an absence made asks a stand-in for that dagdeel, not a vacancy.
            let temporary = hires.standInHours > 0.05
                ? (nl ? " · waarvan \(hours(hires.standInHours)) uur invallers voor afwezigen (tijdelijk), \(hours(hires.structuralHours)) uur structureel"
                      : " · of which \(hours(hires.standInHours)) h stand-ins for absences (temporary), \(hours(hires.structuralHours)) h structural") : ""
            lines.append(row(nl ? "Werving" : "Hire", perLevel.joined(separator: ", ") + String(format: period, hires.cost) + temporary
                + (hires.stillUncoveredHours > 0 ? beyond : "")))
        }
        // A hire analysis that did not finish says so wherever its figures are shown.
        if let note = hireNote(hires, language: language) { lines.append(row("", note)) }
        if !roster.uncovered.isEmpty {
            lines.append(nl ? "Niet gedekt:" : "Uncovered:")
            for item in roster.uncovered.prefix(12) {
                let when = item.interval.map { interval -> String in
                    let date = scenario.week.date(atMinute: interval.start)
                    // Over several weeks the weekday alone does not say which.
                    return "\(text.day(date.weekday.rawValue))\(scenario.weeks > 1 ? " \(date)" : "") \(ClockTime.text(interval.start))–\(ClockTime.text(interval.end))"
                } ?? (scenario.weeks > 1 ? (nl ? "in de periode" : "in the period") : (nl ? "deze week" : "this week"))
                let place = [item.location?.rawValue, item.ref.isEmpty ? nil : item.ref, item.client?.rawValue].compactMap { $0 }.joined(separator: " ")
                lines.append("  \(when) \(place): \(item.need.text(in: language)) — \(item.reason.text(in: language, names: names))")
            }
            if roster.uncovered.count > 12 {
                lines.append(nl ? "  … nog \(roster.uncovered.count - 12) in uncovered.csv" : "  … \(roster.uncovered.count - 12) more in uncovered.csv")
            }
        }
        lines.append(row(nl ? "Bestanden" : "Files", files.map { (outputFolder as NSString).appendingPathComponent($0) }.joined(separator: ", ")))
        return lines.joined(separator: "\n")
    }

    /// Payroll + extra spend (by kind, where there is any) + hires = total, as finance adds it up.
    public static func costLine(_ summary: RunSummary, language: ReportLanguage) -> String {
        let nl = language == .nl
        let pay = summary.pay
        let kinds = [("flex", pay.flex), (nl ? "uitzend" : "agency", pay.agency),
                     (nl ? "meeruren" : "overtime", pay.overtime), (nl ? "toeslagen" : "allowances", pay.allowances)]
            .filter { $0.1 > 0.005 }.map { "\($0.0) \(euros($0.1))" }
        let extra = "extra " + euros(pay.extraSpend) + (kinds.isEmpty ? "" : " (\(kinds.joined(separator: ", ")))")
        return (nl ? "loonsom " : "payroll ") + euros(pay.payroll) + " + " + extra + " + " + (nl ? "werving " : "hires ") + euros(summary.hireCost)
            + " = " + euros(summary.totalCost)
    }

    /// Contract hours against rostered hours, and what stays idle.
    public static func hoursLine(_ summary: RunSummary, language: ReportLanguage) -> String {
        let pay = summary.pay
        return language == .nl
            ? "contract \(hours(pay.contractHours)) · ingeroosterd \(hours(pay.rosteredHours)) · contracturen over \(hours(pay.idleContractHours))"
            : "contract \(hours(pay.contractHours)) · rostered \(hours(pay.rosteredHours)) · contract hours left \(hours(pay.idleContractHours))"
    }

    static func euros(_ value: Double) -> String { String(format: "€ %.2f", value) }

    /// Nil when the hire analysis finished (or was not needed); else what its figures are worth.
    public static func hireNote(_ hires: HirePlan, language: ReportLanguage) -> String? {
        // A period's status is each week's, joined: finished when every week's finished.
        let parts = hires.status.components(separatedBy: "; ")
        guard !parts.allSatisfy({ ["optimal", "not needed"].contains($0) }) else { return nil }
        if hires.status.hasPrefix("skipped: no time left") {
            let seconds = hires.status.split(separator: " ").first { Int($0) != nil }.map(String.init) ?? "?"
            return language == .nl
                ? "let op: de vacature-analyse is overgeslagen: binnen de tijdslimiet bleef geen tijd over (zij vraagt ongeveer \(seconds) s meer; geef een langere --time-limit); er zijn geen wervingscijfers"
                : "note: the hire analysis was skipped: no time was left within the time limit (it needs about \(seconds) s more; give a longer --time-limit); there are no hire figures"
        }
        if hires.status.hasPrefix("skipped") {
            return language == .nl ? "let op: de vacature-analyse is overgeslagen (het zoeken werd gestopt); er zijn geen wervingscijfers"
                : "note: the hire analysis was skipped (the search was stopped); there are no hire figures"
        }
        return language == .nl
            ? "let op: de vacature-analyse kon niet afmaken (\(parts.map(language.status).joined(separator: "; "))); de wervingscijfers zijn wat zij tot dan vond, niet het minimum"
            : "note: the hire analysis could not finish (\(hires.status)); the hire figures are what it found by then, not the least"
    }

    private static func row(_ label: String, _ text: String) -> String {
        label.padding(toLength: 10, withPad: " ", startingAt: 0) + text
    }

    private static func hours(_ value: Double) -> String { String(format: "%.1f", value) }
}
