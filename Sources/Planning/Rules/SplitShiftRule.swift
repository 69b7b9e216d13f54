import CareDomain
import Optimization

extension Staff {
    /// Whether this person may work a split shift.
    func consentsToSplitShifts(_ rules: LabourRules) -> Bool { splitShifts ?? rules.splitShifts }
}

extension WeekModel {
    /// A shift in one piece unless the person consents (`split_shifts`, CAO GHZ 6:6): two group
    /// sessions with an hour or more between them, but less than the (shortened) daily rest, are
    /// one split shift, so both are not worked unless the person works a session between them.
    /// Visits fill the day around travel and are not pieces of their own.
    func addSplitShifts() throws {
        let rules = scenario.labourRules
        for person in staff where !person.consentsToSplitShifts(rules) {
            let entries = timeline(of: person)
            guard LabourRules.splitGapMinutes < rules.shiftBreakMinutes else { continue }
            for (row, pair) in pairs(in: entries, gaps: LabourRules.splitGapMinutes..<rules.shiftBreakMinutes).enumerated() {
                try addTogether([pair.earlier, pair.later], minus: pair.between, limit: 1, name: modelName("split_shift", person.id.rawValue, row + 1))
            }
        }
    }
}

/// Split shifts: the oracle's check and the model's rows.
struct SplitShiftRule: PersonWeekRule, ModelRule {
    var label: String { "a shift in one piece unless the person consents to split shifts" }
    func addRows(to week: WeekModel) throws { try week.addSplitShifts() }

    func violation(in week: PersonWeekView) -> RuleViolation? {
        guard !week.staff.consentsToSplitShifts(week.rules) else { return nil }
        let sessions = week.work.filter(\.isGroupSession).map(\.interval)
        let pieces = (week.prior + sessions).sorted()
        for (earlier, later) in zip(pieces, pieces.dropFirst()) {
            let gap = later.start - earlier.end
            if gap >= LabourRules.splitGapMinutes, gap < week.rules.shiftBreakMinutes,
               sessions.contains(later) || sessions.contains(earlier) {
                return .splitShift
            }
        }
        return nil
    }
}
