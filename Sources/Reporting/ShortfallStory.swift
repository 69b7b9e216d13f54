/// Turns an uncovered row's reason into lines a planner reads: the rule first, then per group
/// of qualified people why they could not come.
public enum ShortfallStory {
    /// `reason` as written in `uncovered.csv`: "rule; of N qualified: a, b: why; c: why".
    public static func lines(need: String, hours: String, reason: String) -> [String] {
        var lines = ["• \(need) (\(hours) h)"]
        let parts = reason.components(separatedBy: "; ")
        guard let rule = parts.first else { return lines }
        lines.append("  why: \(rule)")
        for part in parts.dropFirst() {
            if part.hasPrefix("of "), let colon = part.range(of: " qualified: ") {
                lines.append("  \(part[..<colon.lowerBound]) qualified:")
                lines.append("    - \(part[colon.upperBound...])")
            } else {
                lines.append("    - \(part)")
            }
        }
        return lines
    }
}
