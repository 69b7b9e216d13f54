/// A day of the week; Monday is 0, as in the ISO week.
public enum Weekday: Int, CaseIterable, Sendable, Comparable, CustomStringConvertible {
    case mon, tue, wed, thu, fri, sat, sun

    public init?(name: String) {
        guard let day = Weekday.allCases.first(where: { $0.description == name.lowercased() }) else { return nil }
        self = day
    }

    public var description: String { ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue] }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A calendar date without time zone (proleptic Gregorian), enough for weeks and absences.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public init(daysSinceEpoch: Int) {
        // Howard Hinnant's civil_from_days.
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public var weekday: Weekday { Weekday(rawValue: ((daysSinceEpoch % 7) + 7 + 3) % 7)! }

    public func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// The same day `months` months earlier, clamped to the month's last day.
    public func subtracting(months: Int) -> CivilDate {
        let total = year * 12 + (month - 1) - months
        let newYear = total / 12
        let newMonth = total % 12 + 1
        return CivilDate(year: newYear, month: newMonth, day: min(day, CivilDate.daysIn(month: newMonth, year: newYear)))!
    }

    public var description: String {
        "\(zeroPadded(year, 4))-\(zeroPadded(month, 2))-\(zeroPadded(day, 2))"
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// The ISO week a scenario plans; every time in the model counts minutes from its Monday 00:00.
public struct PlanningWeek: Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let week: Int
    public let monday: CivilDate

    public static let minutesPerDay = 1440
    public static let minutesPerWeek = 7 * 1440
    /// Saturday 00:00 to Sunday 24:00 of the week.
    public static let weekend = WeekInterval(start: 5 * 1440, end: 7 * 1440)
    /// Sunday 00:00 to 24:00 of the week.
    public static let sunday = WeekInterval(start: 6 * 1440, end: 7 * 1440)

    /// Reads `2026-W12`; nil when the text is not an ISO week or the year has no such week.
    public init?(iso text: String) {
        // Empty parts kept: `-2026-W12` is no week (split would drop the sign's empty part).
        let parts = text.uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCII), parts[0].allSatisfy(\.isNumber), let year = Int(parts[0]),
              // Two digits for the week (W01, not W1), as ISO 8601 writes it.
              parts[1].hasPrefix("W"), parts[1].count == 3, parts[1].dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }),
              let week = Int(parts[1].dropFirst()), (1...53).contains(week)
        else { return nil }
        let januaryFourth = CivilDate(year: year, month: 1, day: 4)!
        let firstMonday = januaryFourth.adding(days: -januaryFourth.weekday.rawValue)
        let monday = firstMonday.adding(days: (week - 1) * 7)
        // 28 December always lies in a year's last ISO week.
        let december28 = CivilDate(year: year, month: 12, day: 28)!
        let lastMonday = december28.adding(days: -december28.weekday.rawValue)
        guard monday <= lastMonday else { return nil }
        self.year = year
        self.week = week
        self.monday = monday
    }

    public func date(of day: Weekday) -> CivilDate { monday.adding(days: day.rawValue) }

    /// The ISO week `count` weeks later.
    public func adding(weeks count: Int) -> PlanningWeek {
        let monday = monday.adding(days: 7 * count)
        // The ISO year of a week is the year of its Thursday.
        let thursday = monday.adding(days: 3)
        let januaryFourth = CivilDate(year: thursday.year, month: 1, day: 4)!
        let firstMonday = januaryFourth.adding(days: -januaryFourth.weekday.rawValue)
        return PlanningWeek(year: thursday.year, week: (monday.daysSinceEpoch - firstMonday.daysSinceEpoch) / 7 + 1, monday: monday)
    }

    private init(year: Int, week: Int, monday: CivilDate) {
        self.year = year
        self.week = week
        self.monday = monday
    }

    /// The date on which minute `minute` of the week falls (may be past Sunday for a night).
    public func date(atMinute minute: Int) -> CivilDate {
        monday.adding(days: Int((Double(minute) / 1440).rounded(.down)))
    }

    /// The week's minute at which `date` starts (negative before the week).
    public func startMinute(of date: CivilDate) -> Int {
        (date.daysSinceEpoch - monday.daysSinceEpoch) * PlanningWeek.minutesPerDay
    }

    public var friday: CivilDate { monday.adding(days: 4) }

    public var description: String { "\(zeroPadded(year, 4))-W\(zeroPadded(week, 2))" }
}

/// `value` written with at least `width` digits, zero-padded (the domain avoids Foundation).
func zeroPadded(_ value: Int, _ width: Int) -> String {
    let digits = String(abs(value))
    return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
}
