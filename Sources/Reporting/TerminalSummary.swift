import CareDomain
import Foundation

/// The summary a planner reads at a glance after `solve`.
public enum TerminalSummary {
    public static func render(scenario: Scenario, roster: Roster, summary: RunSummary, hires: HirePlan = .none,
                              outputFolder: String, files: [String]) -> String {
        var lines: [String] = []
        lines.append("zorgrooster · \(scenario.name) (\(scenario.week))")
        let gap = summary.gap.map { String(format: "%.2f%%", $0 * 100) } ?? "n/a"
        lines.append(row("Status", "\(summary.status) (gap \(gap)) in \(String(format: "%.1f", summary.solveSeconds)) s"))
        let people = Set(roster.assignments.map(\.staff)).count
        lines.append(row("Roster", "\(roster.assignments.count) rows, \(hours(summary.assignedHours)) h for \(people) people"))
        lines.append(row("Coverage", String(format: "%.1f%%", summary.coverage * 100)
            + " · uncovered \(hours(summary.uncoveredHours)) h in \(roster.uncovered.count) row\(roster.uncovered.count == 1 ? "" : "s")"))
        lines.append(row("Cost", String(format: "€ %.2f", summary.cost) + " · FTE gap " + String(format: "%.2f", summary.fteGap)))
        if !hires.needs.isEmpty {
            let perLevel = hires.needs.map { need in
                "\(need.level)\(need.skill.isEmpty ? "" : " \(need.skill)") \(hours(need.hours)) h (\(String(format: "%.2f", need.fte)) FTE)"
            }
            lines.append(row("Hire", perLevel.joined(separator: ", ") + String(format: scenario.weeks > 1 ? " · € %.2f over \(scenario.weeks) weeks" : " · € %.2f a week", hires.cost)
                + (hires.stillUncoveredHours > 0 ? " · \(hours(hires.stillUncoveredHours)) h not even hires cover" : "")))
        }
        if !roster.uncovered.isEmpty {
            lines.append("Uncovered:")
            for item in roster.uncovered.prefix(12) {
                let when = item.interval.map { interval -> String in
                    let date = scenario.week.date(atMinute: interval.start)
                    // Over several weeks the weekday alone does not say which.
                    return "\(date.weekday)\(scenario.weeks > 1 ? " \(date)" : "") \(ClockTime.text(interval.start))–\(ClockTime.text(interval.end))"
                } ?? (scenario.weeks > 1 ? "in the period" : "this week")
                let place = [item.location?.rawValue, item.ref.isEmpty ? nil : item.ref, item.client?.rawValue].compactMap { $0 }.joined(separator: " ")
                lines.append("  \(when) \(place): \(item.need.text) — \(item.reason.text)")
            }
            if roster.uncovered.count > 12 { lines.append("  … \(roster.uncovered.count - 12) more in uncovered.csv") }
        }
        lines.append(row("Files", files.map { (outputFolder as NSString).appendingPathComponent($0) }.joined(separator: ", ")))
        return lines.joined(separator: "\n")
    }

    private static func row(_ label: String, _ text: String) -> String {
        label.padding(toLength: 10, withPad: " ", startingAt: 0) + text
    }

    private static func hours(_ value: Double) -> String { String(format: "%.1f", value) }
}
