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
    ///
    /// Two things keep the chains few (a floater of three houses once had 240,000 rows, which made
    /// every neighbourhood's LP crawl). Sessions at the same time are one *slot*: no one works two
    /// at once, so a row over the slots' summed variables forbids exactly what the rows per house
    /// did. And a chain only follows rests the other rules allow: 14 h after a late night, 11 h
    /// after a sleeping shift, and no more shortened daily rests within 7×24 h than the rules
    /// allow; a chain that breaks one of those is already forbidden by that rule's own rows.
    func addNightSeriesLength() throws {
        let rules = scenario.labourRules
        let limit = rules.maxConsecutiveShiftsWithNight
        let shortenings = rules.restReductionLimits.last?.times ?? 0
        // Rows per person: 20,000, or a share of 200,000 for the whole model where many people
        // float (160 staff of ten houses wrote a million rows, ten seconds, before this cap).
        let rowsPerPerson = min(20_000, max(500, 200_000 / max(1, staff.count)))
        for person in staff {
            let slots = timeSlots(of: person)
            guard slots.count > limit, slots.contains(where: \.isNight), slots.contains(where: { !$0.isFixed }) else { continue }
            /// The rest from `earlier` to `later` if a series may go on through it, and whether it is shortened.
            func rest(_ earlier: Int, _ later: Int) -> (follows: Bool, shortened: Bool) {
                let (before, after) = (slots[earlier], slots[later])
                let gap = after.interval.start - before.interval.end
                guard gap >= rules.shiftBreakMinutes, gap < LabourRules.seriesBreakMinutes else { return (false, false) }
                if before.isNight, endsLate(before.interval.end), gap < rules.minRestAfterNightMinutes { return (false, false) }
                if before.isSleep, gap < rules.minDailyRestMinutes { return (false, false) }
                return (true, gap < rules.minDailyRestMinutes)
            }
            var longest = Array(repeating: 1, count: slots.count)
            for later in slots.indices {
                for earlier in slots.indices where earlier < later && rest(earlier, later).follows {
                    longest[later] = max(longest[later], longest[earlier] + 1)
                }
            }
            guard longest.contains(where: { $0 > limit }) else { continue }
            var rows = 0
            // `shortenedAt`: where the chain's shortened rests begin.
            func extend(_ chain: [Int], shortenedAt: [Int]) throws {
                guard rows < rowsPerPerson else { return }
                if chain.count == limit + 1 {
                    guard chain.contains(where: { slots[$0].isNight }) else { return }
                    rows += 1
                    try checkBuildDeadline()
                    try addSlotsTogether(chain.map { slots[$0] }, limit: limit, name: modelName("shifts_in_a_row", person.id.rawValue, rows))
                    return
                }
                let last = chain.last!
                for next in slots.indices where next > last {
                    let (follows, shortened) = rest(last, next)
                    guard follows else { continue }
                    var begins = shortenedAt
                    if shortened {
                        let begin = slots[last].interval.end
                        guard begins.filter({ begin - $0 < LabourRules.reducedRestPeriodMinutes }).count < shortenings else { continue }
                        begins.append(begin)
                    }
                    try extend(chain + [next], shortenedAt: begins)
                }
            }
            for first in slots.indices { try extend([first], shortenedAt: []) }
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
