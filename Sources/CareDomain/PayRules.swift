/// How a person is paid (SCENARIO.md 1.2, "Contracts, wages and the hours balance").
public enum ContractKind: String, Sendable, Hashable, CaseIterable {
    /// Paid for the contract hours every week, rostered or not.
    case salaried
    /// Paid per hour worked, within `min_hours` and `max_hours` (oproepkracht, min-max).
    case flex
    /// Paid per hour worked at `hourly_cost`, the invoice rate (uitzendkracht, zzp): used only
    /// where salaried and flex people cannot cover.
    case agency
    /// Unpaid; never counted towards a ratio.
    case volunteer
}

/// One band of the irregular-hours allowance: `percent` of the hourly wage for each hour worked
/// on `days` between `from` and `to` (minutes after midnight, `to` up to 1440).
public struct AllowanceBand: Sendable, Hashable {
    public let days: Set<Weekday>
    /// Also on public holidays, whatever their weekday (a preset's "zon- en feestdagen").
    public let holidays: Bool
    public let from: Int
    public let to: Int
    public let percent: Double
    /// Also on these dates of every year (month, day): the CAO GHZ's evenings of 24 and 31 December.
    public let dates: Set<MonthDay>

    public init(days: Set<Weekday>, holidays: Bool = false, from: Int, to: Int, percent: Double, dates: Set<MonthDay> = []) {
        self.days = days
        self.holidays = holidays
        self.from = from
        self.to = to
        self.percent = percent
        self.dates = dates
    }
}

/// A day of the year without its year.
public struct MonthDay: Sendable, Hashable {
    public let month: Int
    public let day: Int
    public init(month: Int, day: Int) {
        self.month = month
        self.day = day
    }
}

/// The irregular-hours allowance (`allowances`): bands of a collective agreement or the scenario's own.
public struct AllowanceRules: Sendable, Hashable {
    public enum Preset: String, Sendable, Hashable { case none, caoGehandicaptenzorg = "cao-gehandicaptenzorg" }

    public var preset: Preset
    public var bands: [AllowanceBand]
    /// Hours on a public holiday take this day's bands (`holidays_as: sun`); nil: their own weekday's.
    public var holidaysAs: Weekday?

    public init(preset: Preset = .none, bands: [AllowanceBand] = [], holidaysAs: Weekday? = nil) {
        self.preset = preset
        self.bands = bands
        self.holidaysAs = holidaysAs
    }

    /// The CAO Gehandicaptenzorg's bands (art. 7:10, the VGN's published text of the CAO
    /// 2021-2024, unchanged in 2025-2026): 22% Mon-Fri 06-07 and 20-22; 38% Sat 06-08 and 12-22;
    /// 44% Mon-Fri 00-06 and 22-24; 49% Sat 00-06 and 22-24; 60% Sundays and public holidays all
    /// day, and 18-24 on 24 and 31 December. Sleeping hours earn none (art. 7:20).
    public static let caoGehandicaptenzorg: [AllowanceBand] = {
        let weekdays: Set<Weekday> = [.mon, .tue, .wed, .thu, .fri]
        return [
            AllowanceBand(days: weekdays, from: 6 * 60, to: 7 * 60, percent: 22),
            AllowanceBand(days: weekdays, from: 20 * 60, to: 22 * 60, percent: 22),
            AllowanceBand(days: [.sat], from: 6 * 60, to: 8 * 60, percent: 38),
            AllowanceBand(days: [.sat], from: 12 * 60, to: 22 * 60, percent: 38),
            AllowanceBand(days: weekdays, from: 0, to: 6 * 60, percent: 44),
            AllowanceBand(days: weekdays, from: 22 * 60, to: 24 * 60, percent: 44),
            AllowanceBand(days: [.sat], from: 0, to: 6 * 60, percent: 49),
            AllowanceBand(days: [.sat], from: 22 * 60, to: 24 * 60, percent: 49),
            AllowanceBand(days: [.sun], holidays: true, from: 0, to: 24 * 60, percent: 60),
            AllowanceBand(days: [], from: 18 * 60, to: 24 * 60, percent: 60,
                          dates: [MonthDay(month: 12, day: 24), MonthDay(month: 12, day: 31)]),
        ]
    }()

    /// The allowance percent of the minute `minuteOfDay` on `date`: the highest band that holds it
    /// (a holiday under `holidaysAs` counts as that weekday), 0 outside every band.
    public func percent(on date: CivilDate, minuteOfDay: Int, holidays: PublicHolidays) -> Double {
        let holiday = holidays.contains(date)
        let weekday = holiday ? (holidaysAs ?? date.weekday) : date.weekday
        var best = 0.0
        for band in bands where minuteOfDay >= band.from && minuteOfDay < band.to {
            let applies = band.days.contains(weekday) || (holiday && band.holidays)
                || band.dates.contains(MonthDay(month: date.month, day: date.day))
            if applies { best = max(best, band.percent) }
        }
        return best
    }
}

/// Money and hours as the provider has them (SCENARIO.md 1.2): the hours band, overtime's
/// premium and the allowance bands.
public struct PayRules: Sendable, Hashable {
    /// A salaried person's hours over the period, balance included, are kept within
    /// contract × (1 ± band) where care and rules allow.
    public var hoursBand: Double = 0.1
    /// Added to `hourly_cost` for a salaried person's hours above contract (meeruren).
    public var overtimePremiumPercent: Double = 0
    public var allowances = AllowanceRules()

    public init() {}
}
