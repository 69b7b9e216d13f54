import CareDomain
import Optimization

extension WeekModel {
    /// 46 h rest after three or more night shifts in a row (ATW 5:8; `rest_after_night_series_hours`).
    ///
    /// For each person, three night sessions that could be separate shifts in a row (each gap at
    /// least the daily rest and shorter than the series rest) and each session that would start
    /// within the series rest after the third: not all four, unless the person works a day
    /// session between the nights (then they were not in a row). A fourth night within the rest
    /// needs no exception: it continues the series, and a session after it is as close to it.
    func addNightSeriesRest() throws {
        let rules = scenario.labourRules
        let series = LabourRules.nightSeriesLength
        for person in staff {
            let sessions = (sessionsByStaff[person.id] ?? []).sorted { $0.demand.session < $1.demand.session }
            let isNight = sessions.map { $0.demand.session.interval.minutesBetweenMidnightAndSix > LabourRules.nightShiftThresholdMinutes }
            let nights = sessions.indices.filter { isNight[$0] }
            guard nights.count >= series else { continue }
            func follows(_ earlier: Int, _ later: Int) -> Bool {
                let gap = sessions[later].demand.session.interval.start - sessions[earlier].demand.session.interval.end
                return gap >= rules.minDailyRestMinutes && gap < rules.restAfterNightSeriesMinutes
            }
            var rows = 0
            // Series of exactly `series` nights; longer ones are covered by their last three.
            func extend(_ chain: [Int]) throws {
                guard chain.count == series else {
                    for next in nights where next > chain.last! && follows(chain.last!, next) { try extend(chain + [next]) }
                    return
                }
                let last = sessions[chain.last!].demand.session.interval
                let between = sessions.indices.filter { index in
                    !isNight[index] && index > chain.first! && index < chain.last!
                }
                for (index, next) in sessions.enumerated() where index > chain.last! {
                    let gap = next.demand.session.interval.start - last.end
                    guard gap >= 0, gap < rules.restAfterNightSeriesMinutes, !(isNight[index] && follows(chain.last!, index)) else { continue }
                    rows += 1
                    var expression = LinearExpression.sum((chain + [index]).map { sessions[$0].variable })
                    for day in between { expression.add(sessions[day].variable, coefficient: -1) }
                    try model.add(expression <= Double(series), name: modelName("night_series_rest", person.id.rawValue, rows))
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
            let isNight = shift.night > LabourRules.nightShiftThresholdMinutes
            if let end = lastNightEnd, shift.start - end < rules.restAfterNightSeriesMinutes {
                if isNight { run += 1 } else if run >= LabourRules.nightSeriesLength {
                    return .restAfterNightSeries(hours: Double(rules.restAfterNightSeriesMinutes) / 60)
                } else { run = 0 }
            } else {
                run = isNight ? 1 : 0
            }
            lastNightEnd = isNight ? shift.end : nil
        }
        return nil
    }
}
