/// An average working week over a run of weeks that a week's hours may not push above, looking
/// back over the weeks before it (ATW 5:7 and 5:8). Working time as the Act counts it: breaks
/// out, every hour of a sleeping shift in (SCENARIO.md 1.2), on-call duty none.
public struct AverageWeekLimit: Sendable, Hashable {
    /// The average a week may have, in minutes.
    public var minutes: Int
    /// The weeks averaged over, this one included.
    public var weeks: Int
    /// Only for a person with at least this many night shifts in those weeks (ATW 5:8: 16 in 16
    /// weeks make a night worker, whose average is 40 h); nil: for everyone.
    public var nightShifts: Int?
    /// The `labour_rules` field that sets it, for the reason a planner reads.
    public var field: String

    public init(minutes: Int, weeks: Int, nightShifts: Int? = nil, field: String) {
        self.minutes = minutes
        self.weeks = weeks
        self.nightShifts = nightShifts
        self.field = field
    }

    /// What this week may still hold after `earlier` (working minutes of the weeks before it,
    /// the most recent last; weeks not known count as free).
    public func weekCap(after earlier: [Int]) -> Int {
        weeks * minutes - earlier.suffix(weeks - 1).reduce(0, +)
    }
}

extension LabourRules {
    /// Every average the week must keep: `max_average_week_hours` (ATW 5:7: 55 h over 4 weeks),
    /// `max_average_week_hours_16_weeks` (ATW 5:7: 48 h over 16 weeks) and
    /// `night_worker_average_week_hours` (ATW 5:8: 40 h over 16 weeks for someone with 16 or more
    /// night shifts in them).
    public var averageLimits: [AverageWeekLimit] {
        [AverageWeekLimit(minutes: maxAverageWeekMinutes, weeks: averageWeeks, field: "max_average_week_hours"),
         longAverage, nightWorkerAverage].compactMap { $0 }
    }
}

/// The week's limits on working time that come from earlier weeks: the averages, each with what
/// this week may still hold.
public struct WeekHoursCaps: Sendable, Hashable {
    public struct Cap: Sendable, Hashable {
        public var limit: AverageWeekLimit
        /// Minutes this week may hold under it.
        public var minutes: Int
        /// Night shifts before this week inside the limit's weeks (for the night-worker average).
        public var nightsBefore: Int
    }

    public var caps: [Cap]

    /// `staff`'s caps in `scenario`: the history's weeks (`history.week_hours`, the roster file,
    /// the weeks of the period before this one) against every average.
    public init(_ staff: StaffID, in scenario: Scenario) {
        let earlier = scenario.history.weekMinutes[staff] ?? []
        let nights = scenario.history.nightShifts16Weeks[staff] ?? 0
        caps = scenario.labourRules.averageLimits.map { Cap(limit: $0, minutes: $0.weekCap(after: earlier), nightsBefore: nights) }
        // A minor (ATW 5:2): 45 h in the week and 40 h on average over 4 weeks.
        if let person = scenario.staff[staff], person.isMinor(on: scenario.week.date(atMinute: 0)) || person.isMinor(on: scenario.week.date(atMinute: 6 * 1440)) {
            caps.append(Cap(limit: AverageWeekLimit(minutes: MinorLimits.maxWeekMinutes, weeks: 1, field: "ATW 5:2 (under 18)"),
                            minutes: MinorLimits.maxWeekMinutes, nightsBefore: 0))
            caps.append(Cap(limit: MinorLimits.average, minutes: MinorLimits.average.weekCap(after: earlier), nightsBefore: 0))
        }
    }

    /// The tightest cap that binds whatever the week's nights (averages for everyone, and the
    /// night workers' where the nights before already reach it), with its limit.
    public var unconditional: Cap? {
        caps.filter { cap in cap.limit.nightShifts.map { cap.nightsBefore >= $0 } ?? true }.min { $0.minutes < $1.minutes }
    }

    /// The first cap broken by a week of `minutes` working time with `nights` night shifts.
    public func broken(minutes: Int, nights: Int) -> Cap? {
        caps.filter { cap in
            minutes > cap.minutes && (cap.limit.nightShifts.map { cap.nightsBefore + nights >= $0 } ?? true)
        }.min { $0.minutes < $1.minutes }
    }
}
