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
            var rows = 0
            for (index, earlier) in entries.enumerated() {
                for later in entries[(index + 1)...] {
                    let gap = later.interval.start - earlier.interval.end
                    if gap >= rules.shiftBreakMinutes { break }
                    guard gap >= LabourRules.splitGapMinutes else { continue }
                    let between = entries.filter { $0.interval.start >= earlier.interval.end && $0.interval.end <= later.interval.start }
                    guard !between.contains(where: { $0.variable == nil }) else { continue }
                    rows += 1
                    try addTogether([earlier, later], minus: between, limit: 1, name: modelName("split_shift", person.id.rawValue, rows))
                }
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
