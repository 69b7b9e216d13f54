import CareDomain
import Foundation

/// The capacity gap as inline SVG: per day, a bar per level of the hours short (and, beside
/// it, the hours the hire analysis gives a vacancy).
enum CapacityChart {
    static let colours = ["#2f6f8f", "#c6782b", "#5a9a52", "#8e5ba8", "#b84a4a", "#5f6b78"]

    static func section(hires: HirePlan, scale: QualificationScale, text: ReportLabels) -> String {
        var html = "<section class=\"break\"><h2>\(text["Capaciteitstekort"])</h2>"
        guard !hires.slots.isEmpty else { return html + "<p>\(text["Geen tekort."])</p></section>" }
        html += chart(title: text["uren tekort per niveau en dag"], values: totals(hires, \.uncoveredHours), scale: scale, text: text)
        html += chart(title: text["uren vacature per niveau en dag"], values: totals(hires, \.hireHours), scale: scale, text: text)
        return html + "</section>"
    }

    /// Hours per (day, level name).
    static func totals(_ hires: HirePlan, _ hours: KeyPath<HireSlot, Double>) -> [Weekday: [String: Double]] {
        hires.slots.reduce(into: [:]) { result, slot in result[slot.day, default: [:]][slot.level, default: 0] += slot[keyPath: hours] }
    }

    /// One decimal, for coordinates and hours.
    static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    static func chart(title: String, values: [Weekday: [String: Double]], scale: QualificationScale, text: ReportLabels) -> String {
        let levels = scale.levels.map(\.name).filter { level in values.values.contains { ($0[level] ?? 0) > 0 } }
        let highest = max(1, values.values.flatMap(\.values).max() ?? 1)
        let (width, height, left, bottom) = (720.0, 220.0, 40.0, 30.0)
        let dayWidth = (width - left) / 7
        let barWidth = max(4, (dayWidth - 12) / Double(max(1, levels.count)))
        var svg = "<figure><figcaption>\(RosterReport.escaped(title))</figcaption>"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">"
        let plotHeight = height - bottom - 10
        // Axis with four ticks of hours.
        for tick in 0...4 {
            let value = highest * Double(tick) / 4
            let y = 10 + plotHeight * (1 - Double(tick) / 4)
            svg += String(format: "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#d5dde4\"/>", left, y, width, y)
            svg += String(format: "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">%.1f</text>", left - 4, y + 3, value)
        }
        for day in Weekday.allCases {
            let x0 = left + Double(day.rawValue) * dayWidth + 6
            for (index, level) in levels.enumerated() {
                let hours = values[day]?[level] ?? 0
                guard hours > 0 else { continue }
                let barHeight = plotHeight * hours / highest
                svg += "<rect x=\"\(f(x0 + Double(index) * barWidth))\" y=\"\(f(10 + plotHeight - barHeight))\" width=\"\(f(barWidth - 1))\" "
                    + "height=\"\(f(barHeight))\" fill=\"\(colours[index % colours.count])\"><title>\(text.day(day.rawValue)) \(RosterReport.escaped(level)): \(f(hours))</title></rect>"
            }
            svg += "<text x=\"\(f(x0 + (dayWidth - 12) / 2))\" y=\"\(f(height - 12))\" text-anchor=\"middle\">\(text.day(day.rawValue))</text>"
        }
        svg += "</svg>"
        let key = levels.enumerated().map { "<span class=\"chip\" style=\"background:\(colours[$0.offset % colours.count]);color:white\">\(RosterReport.escaped($0.element))</span>" }
        return svg + "<p>" + key.joined(separator: " ") + "</p></figure>"
    }
}
