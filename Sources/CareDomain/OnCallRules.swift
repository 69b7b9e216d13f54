/// On-call duty (`kind: on-call`, consignatie / bereikbaarheidsdienst) as the Act and the
/// agreements limit it (SCENARIO.md 1.2). The person stays free unless called, so it is no working
/// time; but ATW 5:9 keeps it away from night shifts (none in the 11 h before one, none in the
/// 14 h after one) and limits its days (at most 14 in 4 weeks), and a collective agreement may be
/// stricter (CAO GHZ 7:16: at most 7 days in 28, at most 5 in a row).
public struct OnCallRules: Sendable, Hashable {
    /// Days with on-call duty in any 28 days (a day: the date a duty starts).
    public var maxDaysIn28: Int? = 14
    /// Days with on-call duty in a row; nil: no limit of its own.
    public var maxDaysInARow: Int? = nil
    /// No on-call duty this long before a night shift starts, nor this long after one ends.
    public var freeBeforeNightMinutes = 11 * 60
    public var freeAfterNightMinutes = 14 * 60

    public init() {}

    /// The stretch around a night shift `night` in which no on-call duty may lie.
    public func keptFree(around night: WeekInterval) -> [WeekInterval] {
        [WeekInterval(start: night.start - freeBeforeNightMinutes, end: night.start),
         WeekInterval(start: night.end, end: night.end + freeAfterNightMinutes)]
    }

    /// The first limit on days a set of on-call days breaks (days from this week's Monday, the
    /// history's before 0), judged over every 28 days and every run that ends in `0..<7`.
    public func brokenDayLimit(days: Set<Int>) -> OnCallDayLimit? {
        for end in 0..<7 where days.contains(end) {
            if let limit = maxDaysIn28, days.filter({ $0 > end - 28 && $0 <= end }).count > limit { return .in28Days(limit) }
            if let limit = maxDaysInARow {
                var run = 0
                while days.contains(end - run) { run += 1 }
                if run > limit { return .inARow(limit) }
            }
        }
        return nil
    }
}

/// Which limit on on-call days is broken.
public enum OnCallDayLimit: Hashable, Sendable {
    case in28Days(Int)
    case inARow(Int)
}

extension WeekInterval {
    /// A night shift's piece for the on-call rules: awake work with more than an hour between
    /// 00:00 and 06:00.
    public var isNightWork: Bool { minutesBetweenMidnightAndSix > LabourRules.nightShiftThresholdMinutes }
}
