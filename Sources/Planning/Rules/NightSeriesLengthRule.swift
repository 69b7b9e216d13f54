import CareDomain
import Optimization

extension WeekModel {
    /// At most `max_consecutive_shifts_with_night` shifts in a row when a night shift is among
    /// them (ATW 5:8); shifts are in a row while the rests between them are shorter than 24 h.
    ///
    /// Rows only where such a series could happen at all: a longest-chain pass over the person's
    /// sessions (the history's work included) finds whether `limit + 1` shifts can follow each
    /// other; then every such chain with a night among it is forbidden as a whole. One shift a
    /// day never reaches 8 within a week, so most weeks need no row.
    func addNightSeriesLength() throws {
        let rules = scenario.labourRules
        let limit = rules.maxConsecutiveShiftsWithNight
        for person in staff {
            let entries = timeline(of: person)
            guard entries.count > limit, entries.contains(where: \.isNight), entries.contains(where: { $0.variable != nil }) else { continue }
            func follows(_ earlier: Int, _ later: Int) -> Bool {
                let gap = entries[later].interval.start - entries[earlier].interval.end
                return gap >= rules.shiftBreakMinutes && gap < LabourRules.seriesBreakMinutes
            }
            var longest = Array(repeating: 1, count: entries.count)
            for later in entries.indices {
                for earlier in entries.indices where earlier < later && follows(earlier, later) {
                    longest[later] = max(longest[later], longest[earlier] + 1)
                }
            }
            guard longest.contains(where: { $0 > limit }) else { continue }
            var rows = 0
            func extend(_ chain: [Int]) throws {
                guard rows < 20_000 else { return }
                if chain.count == limit + 1 {
                    guard chain.contains(where: { entries[$0].isNight }) else { return }
                    rows += 1
                    try addTogether(chain.map { entries[$0] }, limit: limit, name: modelName("shifts_in_a_row", person.id.rawValue, rows))
                    return
                }
                for next in entries.indices where next > chain.last! && follows(chain.last!, next) { try extend(chain + [next]) }
            }
            for first in entries.indices { try extend([first]) }
            // Too many chains to list (a floater who may work every shift of several houses has
            // millions): the rows written stand, and the oracle judges the rest; a model roster
            // that breaks the rule is repaired by it (`GroupStaffing.repair`). Forbidding such a
            // person's nights instead would cut off the construction's roster and every roster
            // that uses a floater at night.
        }
    }
}

/// Shifts in a row with a night among them: the oracle's check and the model's rows.
struct NightSeriesLengthRule: PersonWeekRule, ModelRule {
    var label: String { "at most 7 shifts in a row when a night shift is among them" }
    func addRows(to week: WeekModel) throws { try week.addNightSeriesLength() }

    func violation(in week: PersonWeekView) -> RuleViolation? {
        let limit = week.rules.maxConsecutiveShiftsWithNight
        var run: [WorkShift] = []
        for shift in week.shifts {
            if let last = run.last, shift.start - last.end < LabourRules.seriesBreakMinutes { run.append(shift) } else { run = [shift] }
            if run.count > limit, !shift.prior, run.suffix(limit + 1).contains(where: \.isNight) {
                return .shiftsInARowWithNight(limit: limit)
            }
        }
        return nil
    }
}
