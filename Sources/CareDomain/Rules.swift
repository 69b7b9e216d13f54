/// Working-time limits; defaults follow the Dutch Working Hours Act (Arbeidstijdenwet).
public struct LabourRules: Sendable, Hashable {
    /// A shift is work separated by less than the daily rest.
    public var maxShiftMinutes = 12 * 60
    /// A night shift has more than 60 minutes of work between 00:00 and 06:00.
    public var maxNightShiftMinutes = 10 * 60
    public var maxWeekMinutes = 60 * 60
    public var minDailyRestMinutes = 11 * 60
    /// After a night shift that ends after 02:00.
    public var minRestAfterNightMinutes = 14 * 60
    /// The Act's allowance (ATW 5:8): the rest after such a night may be this short once in every
    /// 7×24 h (`shortened_rest_after_night_hours`, the Act's least is 8). Nil: never shortened,
    /// as SCENARIO.md keeps it by default.
    public var shortenedRestAfterNightMinutes: Int? = nil

    /// Whether a rest of `minutes` after a late night is short enough to need the allowance, and
    /// long enough to take it.
    public func restAfterNightMayBeShortened(_ minutes: Int) -> Bool {
        guard let shortest = shortenedRestAfterNightMinutes else { return false }
        return minutes >= shortest && minutes < minRestAfterNightMinutes
    }
    /// The Act's allowance for longer nights (ATW 5:8): a night shift of up to 12 h, at most 5
    /// times in 14×24 h and 22 times in 52 weeks, 12 h of rest after it (`long_night_shifts`).
    /// Nil: every night shift keeps `maxNightShiftMinutes`, as SCENARIO.md reads it by default.
    public var longNights: LongNightAllowance? = nil

    /// The longest night shift any rule allows: the allowance's, or `maxNightShiftMinutes`.
    public var longestNightShiftMinutes: Int { max(maxNightShiftMinutes, longNights?.maxMinutes ?? 0) }

    /// The limits on duties with a sleeping shift (aanwezigheidsdienst, Arbeidstijdenbesluit 4.8:1,
    /// and a collective agreement's stricter ones): `sleeping_duties`.
    public var sleepingDuties = SleepingDutyRules()

    /// One uninterrupted rest inside Monday 00:00 to Sunday 24:00.
    public var minWeeklyRestMinutes = 36 * 60
    /// After a series of `nightSeriesLength` or more night shifts in a row (ATW 5:8).
    public var restAfterNightSeriesMinutes = 46 * 60
    /// The daily rest may be this short once in every 7×24 h (ATW 5:3); work separated by less
    /// is one shift. Equal to `minDailyRestMinutes`: never shortened.
    public var reducedDailyRestMinutes = 8 * 60
    /// Night shifts (ending after 02:00) in 16 weeks, the history's count included (ATW 5:8).
    public var maxNightShifts16Weeks = 36
    /// A series of shifts in a row with a night among them has at most this many shifts (ATW 5:8).
    public var maxConsecutiveShiftsWithNight = 7
    /// The average week over `averageWeeks` weeks (ATW 5:7), where the period is that long.
    public var maxAverageWeekMinutes = 55 * 60
    public var averageWeeks = 4
    /// The long average (ATW 5:7: 48 h over 16 weeks); nil: none.
    public var longAverage: AverageWeekLimit? = AverageWeekLimit(minutes: 48 * 60, weeks: 16, field: "max_average_week_hours_16_weeks")
    /// A night worker's average (ATW 5:8: 40 h over 16 weeks with 16 or more night shifts in them).
    public var nightWorkerAverage: AverageWeekLimit? = AverageWeekLimit(minutes: 40 * 60, weeks: 16, nightShifts: 16,
                                                                        field: "night_worker_average_week_hours")
    /// Split shifts (group work with a break of an hour or more inside one shift) only with the
    /// person's consent; this is the default for everyone without `split_shifts` of their own.
    public var splitShifts = false
    /// Unpaid breaks (ATW 5:4): more than `afterMinutes` of work in a shift asks a pause of
    /// `minutes`, which may lie in pieces of at least a quarter of an hour. Breaks are part of a
    /// shift but not of its working time, hours or cost (`WorkingTime`).
    public var breaks: [BreakRule] = [BreakRule(afterMinutes: 330, minutes: 30), BreakRule(afterMinutes: 600, minutes: 45)]
    /// How much of a sleeping shift's time counts as working time (hours, cost, the week's limits).
    public var sleepHoursFactor = 1.0
    /// The weekly rest (ATW 5:5): 36 h in each 7×24 h, or 72 h in each 14×24 h in pieces of at least 32 h.
    public var weeklyRest: WeeklyRestMode = .everySevenDays
    /// Shortenings of the daily rest beyond the one to `reducedDailyRestMinutes` (a collective
    /// agreement's: the CAO Gehandicaptenzorg allows one to 8 h and one to 10 h in 7×24 h).
    /// Empty: only `reducedDailyRestMinutes`, once.
    public var furtherRestReductions: [RestReduction] = []
    /// A collective agreement's rolling rest: at least `minutes` of uninterrupted rest in every
    /// `periodMinutes` (CAO Gehandicaptenzorg: 32 h in every 9×24 h). Nil: none.
    public var rollingRest: RollingRest? = nil
    /// A lone duty's break is working time (`lone_duty_breaks: working-time`, the default): nobody
    /// relieves the person. `unpaid`: taken out as any break (a colleague next door relieves).
    public var loneDutyBreaksAreWorkingTime = true
    /// On-call duty's limits (ATW 5:9; the preset's stricter ones).
    public var onCall = OnCallRules()
    /// The collective agreement whose starting values these are (`preset`).
    public var preset: LabourPreset = .atw

    /// The shortenings of the daily rest allowed in every 7×24 h, shortest first, each with how
    /// often: the rests shorter than a tier's next threshold number at most the tiers' times so far.
    public var restReductions: [RestReduction] {
        ([RestReduction(minutes: reducedDailyRestMinutes, times: 1)] + furtherRestReductions)
            .filter { $0.minutes < minDailyRestMinutes }.sorted { $0.minutes < $1.minutes }
    }

    /// Per tier of `restReductions`: rests shorter than `below` may number at most `times` in 7×24 h.
    public var restReductionLimits: [(below: Int, times: Int)] {
        let tiers = restReductions
        var limits: [(below: Int, times: Int)] = []
        var times = 0
        for (index, tier) in tiers.enumerated() {
            times += tier.times
            limits.append((index + 1 < tiers.count ? tiers[index + 1].minutes : minDailyRestMinutes, times))
        }
        return limits
    }

    /// The weekly-rest piece and total of the two-week alternative (ATW 5:5).
    public static let twoWeekRestMinutes = 72 * 60
    public static let twoWeekRestPieceMinutes = 32 * 60
    /// An interruption this long inside a shift makes it a split shift (gebroken dienst: at least an hour).
    public static let splitGapMinutes = 60
    /// Shift patterns (SCENARIO.md 1.1), hard where set: working days in a row (a day with any
    /// work on it), the shortest run of days off between working days, and weekends worked (a
    /// Saturday or Sunday with work) in any 4 weeks in a row.
    public var maxConsecutiveWorkingDays: Int? = nil
    public var minConsecutiveDaysOff: Int? = nil
    public var maxWeekendsWorked: Int? = nil
    /// Weekends (a Saturday or Sunday with work) kept free in any 52 weeks, the history's
    /// included (`min_free_weekends_52_weeks`, a collective agreement's rule); nil: none.
    public var minFreeWeekends52Weeks: Int? = nil
    /// Sundays worked in 52 weeks, the history's count included (ATW 5:6: 13 free Sundays).
    public static let maxSundaysWorked52Weeks = 39

    /// The period in which the daily rest may be shortened once (ATW 5:3: 7×24 h).
    public static let reducedRestPeriodMinutes = 7 * 1440
    /// A rest at least this long ends a series of shifts in a row (`maxConsecutiveShiftsWithNight`).
    public static let seriesBreakMinutes = 24 * 60

    /// Minutes within the reduced rest window: a rest at least this long ends a shift.
    /// (Read in every inner loop of the oracle and the model: no arrays made.)
    public var shiftBreakMinutes: Int {
        var shortest = min(reducedDailyRestMinutes, minDailyRestMinutes)
        for reduction in furtherRestReductions where reduction.minutes < shortest { shortest = reduction.minutes }
        return shortest
    }

    /// Night shifts in a row that ask `restAfterNightSeriesMinutes` after the last of them.
    public static let nightSeriesLength = 3

    /// How nights make a series (`night_series`): as the Act reads "in a row" (the next night
    /// follows with no day between: less than 24 h from the end of one to the start of the
    /// next), or the stricter reading where any night within the series rest continues it.
    public var nightSeries: NightSeriesReading = .consecutive

    /// A night starting less than this after the last one ended continues the series.
    public var nightSeriesLinkMinutes: Int {
        nightSeries == .consecutive ? min(24 * 60, restAfterNightSeriesMinutes) : restAfterNightSeriesMinutes
    }

    public init() {}

    /// More than this many minutes between 00:00 and 06:00 make a shift a night shift.
    public static let nightShiftThresholdMinutes = 60
    /// A night shift ending after this time of day needs the longer rest.
    public static let lateNightEndMinute = 120

    /// Whether work ending at `minute` ends after 02:00 (and before the day's end): a night shift
    /// that does asks the longer rest and counts towards the night limit.
    public static func endsLate(_ minute: Int) -> Bool {
        let ofDay = ((minute % 1440) + 1440) % 1440
        return ofDay > lateNightEndMinute || ofDay == 0
    }
}

/// Night shifts longer than `max_night_shift_hours` (ATW 5:8: up to 12 h, at most 5 in 14×24 h
/// and 22 in 52 weeks, each followed by at least 12 h of rest).
public struct LongNightAllowance: Sendable, Hashable {
    /// The longest such night, working time (breaks out).
    public var maxMinutes = 12 * 60
    /// Such nights in any 14×24 h, the history's shifts included.
    public var per14Days = 5
    /// Such nights in 52 weeks, `history.long_night_shifts_52_weeks` and the earlier weeks included.
    public var per52Weeks = 22
    /// The rest after such a night, at least (besides the rest after a late night).
    public var restAfterMinutes = 12 * 60
    /// The window of `per14Days`.
    public static let windowMinutes = 14 * 1440
    /// The Act's ceilings: a scenario may be stricter, never looser.
    public static let act = LongNightAllowance()

    public init(maxMinutes: Int = 12 * 60, per14Days: Int = 5, per52Weeks: Int = 22, restAfterMinutes: Int = 12 * 60) {
        self.maxMinutes = maxMinutes
        self.per14Days = per14Days
        self.per52Weeks = per52Weeks
        self.restAfterMinutes = restAfterMinutes
    }
}

/// Duties with a sleeping shift (aanwezigheidsdienst): the Arbeidstijdenbesluit's limits (4.8:1:
/// at most 52 in 26 weeks, 11 h of rest before and after each), with a collective agreement's
/// stricter counts where set (CAO Sociaal Werk 5.5: 3 in 7×24 h, 10 in 4 weeks, 26 in 13 weeks),
/// and the CAO Gehandicaptenzorg's rule that a duty with more than so many minutes of work in
/// it is working time as a whole (7:18).
public struct SleepingDutyRules: Sendable, Hashable {
    /// Duties in any 26 weeks (this week and the 25 before), the history's included.
    public var max26Weeks: Int? = 52
    public var max13Weeks: Int? = nil
    public var max4Weeks: Int? = nil
    /// Duties in any 7×24 h, rolling.
    public var max7Days: Int? = nil
    /// The rest before a duty with a sleeping shift (the rest after it is `min_daily_rest_hours`).
    public var restBeforeMinutes = 11 * 60
    /// A duty whose session expects more minutes of work than this during the sleep counts in
    /// full for pay and contract hours (`work_minutes_limit`; CAO GHZ 7:18: 120). Nil: the
    /// sleeping time keeps `sleep_hours_factor` however much work it holds.
    public var workMinutesLimit: Int? = nil

    public init() {}

    /// Whether a sleeping shift's work (`work_minutes`) passes the limit, so that the duty is
    /// working time as a whole for pay and contract hours (CAO GHZ 7:18).
    public func countsInFull(_ template: SessionTemplate) -> Bool {
        guard template.kind == .sleep, let limit = workMinutesLimit, let work = template.sleepWorkMinutes else { return false }
        return work > limit
    }

    /// The counts over whole weeks, each with its weeks and field name, shortest first.
    public var weekWindows: [(limit: Int, weeks: Int, field: String)] {
        [(max4Weeks, 4, "max_4_weeks"), (max13Weeks, 13, "max_13_weeks"), (max26Weeks, 26, "max_26_weeks")]
            .compactMap { entry in entry.0.map { ($0, entry.1, entry.2) } }
    }
}

/// What makes night shifts a series for the rest after it (ATW 5:8).
public enum NightSeriesReading: String, Sendable, Hashable {
    /// Nights with no day between them (the Act's reading).
    case consecutive
    /// Any night within the series rest after the last (stricter: Mon, Wed, Fri nights are a series).
    case withinRest = "within-rest"
}

/// The weekly rest of the Act (ATW 5:5).
public enum WeeklyRestMode: String, Sendable, Hashable {
    /// 36 h in each period of 7×24 h (the ISO weeks of the plan).
    case everySevenDays = "every-7-days"
    /// 72 h in each period of 14×24 h (two ISO weeks of the plan in turn, the first two first),
    /// in pieces of at least 32 h.
    case seventyTwoPerFourteenDays = "72h-per-14-days"
}

/// A shortening of the daily rest: to `minutes`, `times` in every 7×24 h.
public struct RestReduction: Sendable, Hashable {
    public var minutes: Int
    public var times: Int
    public init(minutes: Int, times: Int) {
        self.minutes = minutes
        self.times = times
    }
}

/// At least `minutes` of uninterrupted rest in every `periodMinutes`, rolling.
public struct RollingRest: Sendable, Hashable {
    public var minutes: Int
    public var periodMinutes: Int
    public init(minutes: Int, periodMinutes: Int) {
        self.minutes = minutes
        self.periodMinutes = periodMinutes
    }
}

/// Starting values for `labour_rules` (`preset`): the Act, or a collective agreement's rules on
/// top of it. Fields set in the scenario override them.
public enum LabourPreset: String, Sendable, Hashable, CaseIterable {
    case atw
    case caoGehandicaptenzorg = "cao-gehandicaptenzorg"
    case caoVVT = "cao-vvt"

    /// The rules this preset starts from.
    public var rules: LabourRules {
        var rules = LabourRules()
        rules.preset = self
        switch self {
        case .atw: break
        case .caoGehandicaptenzorg:
            // CAO Gehandicaptenzorg, hoofdstuk 6 (arbeidsduur en werktijden): a dienst of at
            // most 10 h; the daily rest of 11 h shortened once to 8 h and once to 10 h in every
            // 7×24 h; 32 h of uninterrupted rest in every 9×24 h besides the Act's weekly rest.
            rules.maxShiftMinutes = 10 * 60
            // 7:18: more than 120 minutes of work in a night's sleeping duty make it working time.
            rules.sleepingDuties.workMinutesLimit = 120
            rules.reducedDailyRestMinutes = 8 * 60
            rules.furtherRestReductions = [RestReduction(minutes: 10 * 60, times: 1)]
            rules.rollingRest = RollingRest(minutes: 32 * 60, periodMinutes: 9 * 1440)
            // Artikel 7:16: on-call duty on at most 7 days in 28, at most 5 of them in a row.
            rules.onCall.maxDaysIn28 = 7
            rules.onCall.maxDaysInARow = 5
        case .caoVVT:
            // CAO VVT, hoofdstuk 6 (arbeidstijden): a dienst of at most 10 h; the rest is the Act's.
            rules.maxShiftMinutes = 10 * 60
        }
        return rules
    }
}

/// Travel times between areas.
public struct TravelTable: Sendable, Hashable {
    public var defaultMinutes: Int
    public var minutes: [AreaPair: Int]

    public init(defaultMinutes: Int = 15, minutes: [AreaPair: Int] = [:]) {
        self.defaultMinutes = defaultMinutes
        self.minutes = minutes
    }

    /// Minutes from one area to another; the same area needs none.
    public func minutes(from origin: String, to destination: String) -> Int {
        if origin == destination { return 0 }
        // Most weeks give one default time; no need to hash two area names for it.
        if minutes.isEmpty { return defaultMinutes }
        return minutes[AreaPair(origin, destination)] ?? defaultMinutes
    }
}

/// An unordered pair of areas.
public struct AreaPair: Hashable, Sendable {
    public let first: String
    public let second: String

    public init(_ a: String, _ b: String) {
        (first, second) = a <= b ? (a, b) : (b, a)
    }
}

/// Run settings a scenario may carry; command-line flags override them.
public struct RunSettings: Sendable, Hashable {
    public var timeLimitSeconds: Double?
    public var relativeGap: Double?
    public var fteHours: Double
    /// Employer cost per hour by level name, for hires and estimates (`settings.hourly_cost`).
    public var hourlyCostByLevel: [String: Double]
    /// Work spread evenly over people in proportion to contract hours (`settings.fairness`).
    public var fairness: Set<FairnessMeasure> = []
    /// `settings.hours_band`: how far a salaried person's hours may stray from contract (0.1: 10%).
    public var hoursBand = 0.1

    public init(timeLimitSeconds: Double? = nil, relativeGap: Double? = nil, fteHours: Double = 36,
                hourlyCostByLevel: [String: Double] = [:]) {
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.fteHours = fteHours
        self.hourlyCostByLevel = hourlyCostByLevel
    }
}

/// Employer cost per hour when neither the scenario nor its staff say: a rough 2026 figure for
/// Dutch care (gross salary scale midpoint plus about 35% employer charges), rising per level.
public enum StandardHourlyCost {
    public static let byLevel: [String: Double] = ["mbo1": 31, "mbo2": 35, "mbo3": 39, "mbo4": 44, "hbo": 52, "wo": 62]

    public static func cost(of level: QualificationLevel) -> Double {
        byLevel[level.name] ?? 31 + 6 * Double(level.rank)
    }
}
