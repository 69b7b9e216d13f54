/// The Dutch public holidays (`holidays: nl`), computed per year, with the scenario's own
/// additions and removals (`holidays_add`, `holidays_remove`).
///
/// The list is the one collective agreements in Dutch care name as "erkende feestdagen": New
/// Year's Day, Good Friday, Easter Sunday and Monday, King's Day (27 April, the 26th when the
/// 27th is a Sunday), Liberation Day (5 May) in lustrum years, Ascension Day, Whit Sunday and
/// Monday, Christmas Day and Boxing Day. Where a contract makes Liberation Day a holiday every
/// year, `holidays_add` says so.
public struct PublicHolidays: Sendable, Hashable {
    public enum Rule: String, Sendable, Hashable { case nl, none }

    public var rule: Rule
    public var added: Set<CivilDate>
    public var removed: Set<CivilDate>

    /// Years whose Easter the Gregorian computus gives (the calendar's own range).
    public static let computableYears = 1583...9999

    public init(rule: Rule = .nl, added: Set<CivilDate> = [], removed: Set<CivilDate> = []) {
        self.rule = rule
        self.added = added
        self.removed = removed
    }

    /// Whether `date` is a public holiday under these settings.
    public func contains(_ date: CivilDate) -> Bool {
        if removed.contains(date) { return false }
        if added.contains(date) { return true }
        guard rule == .nl else { return false }
        return Self.dutch(year: date.year).keys.contains(date)
    }

    /// The holiday's name for the report (Dutch, as a planner reads it), nil on ordinary days.
    public func name(of date: CivilDate) -> String? {
        guard contains(date) else { return nil }
        return (rule == .nl ? Self.dutch(year: date.year)[date] : nil) ?? "feestdag"
    }

    /// Easter Sunday of `year` (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
    public static func easterSunday(year: Int) -> CivilDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)!
    }

    /// The Dutch public holidays of `year`, by date, with their Dutch names.
    public static func dutch(year: Int) -> [CivilDate: String] {
        guard computableYears.contains(year) else { return [:] }
        let easter = easterSunday(year: year)
        var days: [CivilDate: String] = [
            CivilDate(year: year, month: 1, day: 1)!: "Nieuwjaarsdag",
            easter.adding(days: -2): "Goede Vrijdag",
            easter: "Eerste Paasdag",
            easter.adding(days: 1): "Tweede Paasdag",
            easter.adding(days: 39): "Hemelvaartsdag",
            easter.adding(days: 49): "Eerste Pinksterdag",
            easter.adding(days: 50): "Tweede Pinksterdag",
            CivilDate(year: year, month: 12, day: 25)!: "Eerste Kerstdag",
            CivilDate(year: year, month: 12, day: 26)!: "Tweede Kerstdag",
        ]
        let kingsDay = CivilDate(year: year, month: 4, day: 27)!
        days[kingsDay.weekday == .sun ? kingsDay.adding(days: -1) : kingsDay] = "Koningsdag"
        if year % 5 == 0 { days[CivilDate(year: year, month: 5, day: 5)!] = "Bevrijdingsdag" }
        return days
    }
}
