/// What came before the first Monday of the plan (`history` in the scenario): the work of an
/// earlier roster and counts that roster cannot show.
///
/// Rules that look back (daily rest, rest after nights, nights in a row, the first week's weekly
/// rest, night and Sunday counts) see it; without it, the time before the first Monday is free.
public struct WorkHistory: Sendable, Hashable {
    /// Per person, their earlier work in minutes from the first Monday 00:00 (starts are
    /// negative; a night running into Monday ends after 0 and keeps the person busy until then).
    public var priorWork: [StaffID: [WeekInterval]]
    /// Night shifts in the 16 weeks before the plan that the roster file does not show.
    public var nightShifts16Weeks: [StaffID: Int]
    /// Nights longer than `max_night_shift_hours` in the 52 weeks before this week
    /// (`history.long_night_shifts_52_weeks`, the roster file's, the period's earlier weeks).
    public var longNightShifts52Weeks: [StaffID: Int] = [:]
    /// Duties with a sleeping shift in the weeks before this one, one count a week, the most
    /// recent last (`history.sleeping_duty_weeks`, the roster file's weeks, the period's).
    public var sleepingDutyWeeks: [StaffID: [Int]] = [:]
    /// When each duty with a sleeping shift of the history began (minutes from Monday; negative),
    /// for the count in 7×24 h and the rest before the next duty.
    public var priorSleepDuties: [StaffID: [Int]] = [:]
    /// Sundays worked in the 52 weeks before the plan.
    public var sundaysWorked52Weeks: [StaffID: Int]
    /// Weekends worked in the 52 weeks before this week (`history.weekends_worked_52_weeks`, the
    /// roster file's, the period's earlier weeks).
    public var weekendsWorked52Weeks: [StaffID: Int] = [:]
    /// Weekends worked before the plan, as week offsets (−1: the weekend just before Monday).
    public var weekendsWorked: [StaffID: Set<Int>] = [:]
    /// Within a period, what the weeks before this one gave each person of each fairness
    /// measure (sessions counted, and their fair share then), so that the period is fair as a whole.
    public var fairnessSoFar: [FairnessMeasure: [StaffID: FairTally]] = [:]
    /// Plus/minus hours carried into this week (`history.hours_balance`, then each earlier week of
    /// the period): positive, the person worked more than their contract so far.
    public var hoursBalance: [StaffID: Double] = [:]
    /// Weeks of the period from this one to its end (1 for the last or only week): the balance
    /// is made up over them, not all at once.
    public var weeksLeftInPeriod = 1
    /// Working minutes of the weeks before this one as the Act counts them (breaks out, sleep in
    /// full), the most recent last: `history.week_hours`, the weeks of `history.roster_file`, then
    /// the weeks of the period before this one. The averages over 4 and 16 weeks look back on them.
    public var weekMinutes: [StaffID: [Int]] = [:]
    /// Days with on-call duty before this week (−1: the Sunday before), for the limits on
    /// on-call days in 28 and in a row.
    public var onCallDays: [StaffID: Set<Int>] = [:]

    public init(priorWork: [StaffID: [WeekInterval]] = [:], nightShifts16Weeks: [StaffID: Int] = [:],
                sundaysWorked52Weeks: [StaffID: Int] = [:]) {
        self.priorWork = priorWork
        self.nightShifts16Weeks = nightShifts16Weeks
        self.sundaysWorked52Weeks = sundaysWorked52Weeks
    }

    /// Weekends worked in the `weeks` − 1 weeks before this one (for a limit per `weeks` weeks).
    public func weekendsWorked(by staff: StaffID, inWeeksBefore weeks: Int) -> Int {
        (weekendsWorked[staff] ?? []).filter { $0 < 0 && $0 >= -(weeks - 1) }.count
    }

    /// The days before Monday (day −1 is Sunday) on which the history shows work.
    public func workedDays(of staff: StaffID) -> Set<Int> { Set(work(of: staff).flatMap(\.touchedDays)) }

    /// A person's earlier work, in time order.
    public func work(of staff: StaffID) -> [WeekInterval] { priorWork[staff] ?? [] }

    /// Where the first week's weekly rest may begin: Monday 00:00 without history for the
    /// person, else the end of their last earlier work (before Monday, or after it for a night
    /// running into Monday).
    /// Where this week's two-week rest period began (`weekly_rest: 72h-per-14-days`), in minutes
    /// from its Monday: every two weeks in a row are a pair, the week before the plan (the
    /// history's, free without it) with the first (SCENARIO.md 1.2: look-back rules see the
    /// history in a plan of any length), so the rule holds however the periods are anchored.
    public var restPeriodStart = -PlanningWeek.minutesPerWeek

    public func restOrigin(of staff: StaffID) -> Int {
        guard let last = priorWork[staff]?.map(\.end).max() else { return 0 }
        return last
    }

}

/// How far back the rules that look back see: the reduced daily rest's 7×24 h and a day more.
public enum PersonWeekLookBack {
    public static let minutes = 15 * 1440
}

extension WeekInterval {
    /// The days (0 = Monday of the week; negative before it) with some of this interval on them.
    public var touchedDays: [Int] {
        let first = Int((Double(start) / 1440).rounded(.down))
        let last = Int((Double(end - 1) / 1440).rounded(.down))
        return Array(first...last)
    }
}

/// A person's count of a fairness measure and its fair share, summed over earlier weeks.
public struct FairTally: Sendable, Hashable {
    public var count: Double
    public var share: Double

    public init(count: Double = 0, share: Double = 0) {
        self.count = count
        self.share = share
    }
}
