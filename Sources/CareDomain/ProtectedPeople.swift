/// People the law and the agreements protect (SCENARIO.md 1.2, "People the law protects"):
/// minors by the Working Hours Act, older workers by a collective agreement's exemption from
/// night duty, and anyone with `no_night_work`. One place says what each may not do; the
/// planner's eligibility, its rows, its oracle and the explanations read it, and the checker
/// has its own reading.
public enum Protection: Hashable, Sendable {
    /// Under 18 (ATW 5:2, Arbeidstijdenbesluit): no work between 23:00 and 06:00.
    case minorAtNight
    /// Under 18: no on-call duty (Arbeidstijdenbesluit).
    case minorOnCall
    /// Under 18: a shift of at most 9 h working time (ATW 5:2).
    case minorShift(hours: Double)
    /// Under 18: 12 h of uninterrupted rest in every 24 h (ATW 5:2).
    case minorDailyRest(hours: Double)
    /// Under 16: not planned at all (ATW 3:2: children's work is no care work).
    case child
    /// `no_night_work: true` (pregnancy, medical advice, an agreed exemption).
    case noNightWork
    /// The preset's exemption of older workers from night duty (CAO GHZ 6:10 from 57, CAO VVT
    /// from 55), without `night_work_consent`.
    case olderWorker(age: Int, preset: LabourPreset)

    public var sentence: String {
        switch self {
        case .minorAtNight: "under 18: no work between 23:00 and 06:00 (ATW 5:2)"
        case .minorOnCall: "under 18: no on-call duty (Arbeidstijdenbesluit)"
        case let .minorShift(hours): "under 18: a shift of at most \(RuleViolation.hoursText(hours)) h (ATW 5:2)"
        case let .minorDailyRest(hours): "under 18: \(RuleViolation.hoursText(hours)) h of rest in every 24 h (ATW 5:2)"
        case .child: "under 16: not planned (ATW 3:2)"
        case .noNightWork: "no night work (no_night_work)"
        case let .olderWorker(age, preset): "\(age) years old: exempt from night duty (\(preset == .caoVVT ? "CAO VVT, from 55" : "CAO GHZ 6:10, from 57"); night_work_consent lifts it)"
        }
    }

    public var sentenceNL: String {
        switch self {
        case .minorAtNight: "jonger dan 18: geen werk tussen 23:00 en 06:00 (ATW 5:2)"
        case .minorOnCall: "jonger dan 18: geen bereikbaarheidsdienst (Arbeidstijdenbesluit)"
        case let .minorShift(hours): "jonger dan 18: een dienst van ten hoogste \(RuleViolation.hoursText(hours)) uur (ATW 5:2)"
        case let .minorDailyRest(hours): "jonger dan 18: \(RuleViolation.hoursText(hours)) uur rust per 24 uur (ATW 5:2)"
        case .child: "jonger dan 16: niet ingeroosterd (ATW 3:2)"
        case .noNightWork: "geen nachtwerk (no_night_work)"
        case let .olderWorker(age, preset): "\(age) jaar: vrijgesteld van nachtdiensten (\(preset == .caoVVT ? "cao VVT, vanaf 55" : "cao GHZ 6:10, vanaf 57"); night_work_consent heft dat op)"
        }
    }
}

/// The Act's limits for workers of 16 and 17 (ATW 5:2).
public enum MinorLimits {
    public static let maxShiftMinutes = 9 * 60
    public static let minDailyRestMinutes = 12 * 60
    public static let maxWeekMinutes = 45 * 60
    public static let average = AverageWeekLimit(minutes: 40 * 60, weeks: 4, field: "ATW 5:2 (under 18)")
    /// 23:00 to 06:00: no work for a minor.
    public static let nightStart = 23 * 60
    public static let nightEnd = 6 * 60
}

extension Staff {
    /// Whole years of age on `date`; nil without `birth_date`.
    public func age(on date: CivilDate) -> Int? {
        guard let birth = birthDate else { return nil }
        var years = date.year - birth.year
        if (date.month, date.day) < (birth.month, birth.day) { years -= 1 }
        return years
    }

    /// Under 18 on `date`.
    public func isMinor(on date: CivilDate) -> Bool { (age(on: date) ?? 18) < 18 }

    /// Why this person may not take duty of `kind` over `interval` of `week` at all, whatever
    /// else they work; nil when nothing protects them from it.
    public func protection(against interval: WeekInterval, kind: DutyKind, in week: PlanningWeek, rules: LabourRules) -> Protection? {
        let first = week.date(atMinute: interval.start), last = week.date(atMinute: max(interval.start, interval.end - 1))
        if let age = age(on: first), age < 16 { return .child }
        if isMinor(on: first) || isMinor(on: last) {
            if kind == .onCall { return .minorOnCall }
            if interval.overlapsMinorNight { return .minorAtNight }
        }
        // Night duty: a night shift (more than an hour between 00:00 and 06:00) or a sleeping
        // duty through the night (CAO GHZ 6:10: nachtaanwezigheidsdienst). On-call is no work.
        guard kind != .onCall, interval.minutesBetweenMidnightAndSix > LabourRules.nightShiftThresholdMinutes else { return nil }
        if noNightWork { return .noNightWork }
        if !nightWorkConsent, let from = rules.preset.olderWorkerAge, let age = age(on: first), age >= from {
            // The VVT agreement's exemption is from night shifts; the GHZ agreement's from sleeping nights too.
            if kind == .work || rules.preset == .caoGehandicaptenzorg { return .olderWorker(age: age, preset: rules.preset) }
        }
        return nil
    }
}

extension LabourPreset {
    /// The age from which the agreement exempts workers from night duty; nil: none.
    public var olderWorkerAge: Int? {
        switch self {
        case .atw: nil
        case .caoGehandicaptenzorg: 57
        case .caoVVT: 55
        }
    }
}

extension WeekInterval {
    /// Whether any of it lies between 23:00 and 06:00 of some day.
    public var overlapsMinorNight: Bool {
        var dayStart = Int((Double(start) / 1440).rounded(.down)) * 1440 - 1440
        while dayStart < end {
            let night = WeekInterval(start: dayStart + MinorLimits.nightStart, end: dayStart + 1440 + MinorLimits.nightEnd)
            if night.overlaps(self) { return true }
            dayStart += 1440
        }
        return false
    }
}
