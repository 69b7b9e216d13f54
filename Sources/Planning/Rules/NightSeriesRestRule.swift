import CareDomain
import Optimization

extension WeekModel {
    /// 46 h rest after three or more night shifts in a row (ATW 5:8; `rest_after_night_series_hours`).
    ///
    /// For each person, three night sessions that could be separate shifts in a row (each gap at
    /// least the (reduced) daily rest and shorter than the series rest; nights of the history
    /// count, as fixed members) and each session that would start within the series rest after
    /// the third: not all four, unless the person works a day session between the nights (then
    /// they were not in a row). A fourth night within the rest needs no exception: it continues
    /// the series, and a session after it is as close to it.
    ///
    /// Sessions at the same time are one slot (`timeSlots`, as for shifts in a row): no one
    /// works two at once, so a row over the slots' summed variables forbids exactly what the rows
    /// per session did, and a floater of ten houses has a few chains instead of ten to the fourth.
    /// Past 20,000 rows the rows written stand and the oracle judges the rest (its repair keeps a
    /// model roster legal), so the model never outgrows the deadline.
    func addNightSeriesRest() throws {
        let rules = scenario.labourRules
        let series = LabourRules.nightSeriesLength
        for person in staff {
            let slots = timeSlots(of: person)
            let nights = slots.indices.filter { slots[$0].isNight }
            guard nights.count >= series, slots.contains(where: { !$0.isFixed }) else { continue }
            func follows(_ earlier: Int, _ later: Int) -> Bool {
                let gap = slots[later].interval.start - slots[earlier].interval.end
                return gap >= rules.shiftBreakMinutes && gap < rules.nightSeriesLinkMinutes
            }
            var rows = 0
            // Series of exactly `series` nights; longer ones are covered by their last three.
            func extend(_ chain: [Int]) throws {
                guard rows < 20_000 else { return }
                guard chain.count == series else {
                    for next in nights where next > chain.last! && follows(chain.last!, next) { try extend(chain + [next]) }
                    return
                }
                let last = slots[chain.last!].interval
                let between = slots.indices.filter { !slots[$0].isNight && $0 > chain.first! && $0 < chain.last! }.map { slots[$0] }
                for index in slots.indices where index > chain.last! && !slots[index].variables.isEmpty {
                    let gap = slots[index].interval.start - last.end
                    guard gap >= 0, gap < rules.restAfterNightSeriesMinutes, !(slots[index].isNight && follows(chain.last!, index)) else { continue }
                    rows += 1
                    try checkBuildDeadline()
                    try addSlotsTogether((chain + [index]).map { slots[$0] }, minus: between, limit: series,
                                         name: modelName("night_series_rest", person.id.rawValue, rows))
                }
            }
            for first in nights { try extend([first]) }
        }
    }
}

/// The rest after a series of night shifts: the oracle's check and the model's rows as one unit.
struct NightSeriesRestRule: PersonWeekRule, ModelRule {
    var label: String { "46 h rest after three or more night shifts in a row" }
    func addRows(to week: WeekModel) throws { try week.addNightSeriesRest() }

    func violation(in week: PersonWeekView) -> RuleViolation? {
        let rules = week.rules
        var run = 0
        var lastNightEnd: Int? = nil
        for shift in week.shifts {
            if let end = lastNightEnd, shift.start - end < rules.restAfterNightSeriesMinutes {
                if shift.isNight && shift.start - end < rules.nightSeriesLinkMinutes { run += 1 } else if run >= LabourRules.nightSeriesLength, !shift.prior {
                    return .restAfterNightSeries(hours: Double(rules.restAfterNightSeriesMinutes) / 60)
                } else { run = 0 }
            } else {
                run = shift.isNight ? 1 : 0
            }
            lastNightEnd = shift.isNight ? shift.end : nil
        }
        return nil
    }
}
