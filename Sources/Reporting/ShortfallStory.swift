import CareDomain

/// Turns an uncovered row's reason into lines a planner reads: the rule first, then per group
/// of qualified people why they could not come.
public enum ShortfallStory {
    /// `reason` as written in `uncovered.csv` (`reason`, or `reason_text` in the run's language):
    /// "rule; of N qualified: a, b: why; c: why" (Dutch: "van N gekwalificeerd").
    public static func lines(need: String, hours: String, reason: String, language: ReportLanguage = .en) -> [String] {
        let nl = language == .nl
        var lines = ["• \(need) (\(hours) \(nl ? "uur" : "h"))"]
        let parts = reason.components(separatedBy: "; ")
        guard let rule = parts.first else { return lines }
        lines.append("  \(nl ? "waarom" : "why"): \(rule)")
        for part in parts.dropFirst() {
            let marker = [" qualified: ", " gekwalificeerd: "].compactMap { part.range(of: $0) }.first
            if part.hasPrefix("of ") || part.hasPrefix("van "), let colon = marker {
                lines.append("  \(part[..<colon.lowerBound]) \(nl ? "gekwalificeerd" : "qualified"):")
                lines.append("    - \(part[colon.upperBound...])")
            } else {
                lines.append("    - \(part)")
            }
        }
        return lines
    }
}
