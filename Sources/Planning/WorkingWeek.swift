import CareDomain

/// The feasibility oracle for one person: whether their whole week of timed work keeps every
/// per-person rule, and if not, which rule it breaks (`RuleViolation`).
///
/// Each rule owns its check in its own file under `Rules/`, beside its MIP rows; this walks the
/// list `PlanningRules.personWeek`. The construction, the repair, the polish and the explanations
/// all ask it, so a rule is written once for all of them. (The independent `RosterCheck`
/// verifies the same rules again on the written roster, with code of its own.)
struct WorkingWeek {
    let staff: Staff
    let scenario: Scenario
    let sequencer: DaySequencer
    /// The person's work before the first Monday that rules looking back can still see.
    let prior: [WeekInterval]
    /// What the averages over weeks leave this week: made once per person, not per question.
    let hoursCaps: WeekHoursCaps

    init(staff: Staff, scenario: Scenario) {
        self.staff = staff
        self.scenario = scenario
        self.prior = scenario.history.work(of: staff.id).filter { $0.end > -PersonWeekView.lookBackMinutes }
        self.hoursCaps = WeekHoursCaps(staff.id, in: scenario)
        self.sequencer = DaySequencer(travel: scenario.travel, grid: TimeGrid(step: scenario.timeStepMinutes),
                                      homeArea: staff.homeArea, availability: StaffCalendar(staff: staff).availableIntervals)
    }

    /// The first rule the week breaks; nil when it keeps them all.
    func violation(_ work: [TimedWork], coordinationMinutes: Int) -> RuleViolation? {
        // On-call duty only keeps the person from other work at the time; the rules see the rest.
        let onCall = work.filter(\.isOnCall)
        if !onCall.isEmpty {
            if let clash = Self.onCallClash(onCall, work: work, prior: prior) { return clash }
            let rest = work.filter { !$0.isOnCall }
            if let broken = violation(rest, coordinationMinutes: coordinationMinutes) { return broken }
            let view = PersonWeekView(staff: staff, scenario: scenario, work: rest.sorted { $0.interval < $1.interval },
                                      coordinationMinutes: coordinationMinutes, sequencer: sequencer, prior: prior, hoursCaps: hoursCaps)
            return OnCallRule.violation(onCall, in: view)
        }
        let view = PersonWeekView(staff: staff, scenario: scenario, work: work.sorted { $0.interval < $1.interval },
                                  coordinationMinutes: coordinationMinutes, sequencer: sequencer, prior: prior, hoursCaps: hoursCaps)
        for rule in PlanningRules.personWeek {
            if let broken = rule.violation(in: view) { return broken }
        }
        return nil
    }

    /// `violation` of the week with `piece` added, where the hours limit is broken said as a
    /// planner can add it up: the week's working time before, the piece's own hours, the break
    /// the joined shift needs (an explanation's question; the search asks `violation`).
    func violation(_ work: [TimedWork], adding piece: TimedWork, coordinationMinutes: Int) -> RuleViolation? {
        guard let broken = violation(work + [piece], coordinationMinutes: coordinationMinutes) else { return nil }
        guard case let .hoursLimit(worked, limit, field, _, _) = broken else { return broken }
        let view = PersonWeekView(staff: staff, scenario: scenario, work: work.filter { !$0.isOnCall }.sorted { $0.interval < $1.interval },
                                  coordinationMinutes: coordinationMinutes, sequencer: sequencer, prior: prior, withShifts: false, hoursCaps: hoursCaps)
        let forLimits = field != "max_hours"
        let before = Double(forLimits ? view.limitMinutes : view.workingMinutes) / 60
        // A sleeping shift's clock hours are not what max_hours counts of it (its factor): no clock shown.
        let clock = piece.isSleep && !forLimits && scenario.labourRules.sleepHoursFactor < 1 ? nil : Double(piece.interval.minutes) / 60
        return .hoursLimit(worked: worked, limit: limit, field: field, before: before, clock: clock)
    }

    /// On-call duty that overlaps other work of the week or the history's: the person is busy then.
    static func onCallClash(_ onCall: [TimedWork], work: [TimedWork], prior: [WeekInterval]) -> RuleViolation? {
        for duty in onCall {
            if let earlier = prior.first(where: { $0.overlaps(duty.interval) }) { return .busy("work before this week (until \(earlier.description))") }
        }
        // Every piece against every other (a sleeping shift at the same hours as the duty too;
        // only the duty itself is left out, by position).
        let sorted = work.enumerated().sorted { $0.element.interval < $1.element.interval }
        for (position, (_, item)) in sorted.enumerated() where item.isOnCall {
            for (otherPosition, (_, other)) in sorted.enumerated() where otherPosition != position && other.interval.overlaps(item.interval) {
                return .busy(other.label ?? other.interval.description)
            }
        }
        return nil
    }

    /// The rule that one piece of work alone breaks after the history's work (nil: none, or no
    /// history): such work is never offered to this person.
    func violationAfterHistory(_ item: TimedWork) -> RuleViolation? {
        Self.violationAfterHistory(item, staff: staff, scenario: scenario, prior: prior, sequencer: sequencer)
    }

    /// The same without a whole `WorkingWeek`: asked for every person and session while the
    /// model is built, so it makes no sequencer of the person's own (the rules looking back do
    /// not sequence).
    static func violationAfterHistory(_ item: TimedWork, staff: Staff, scenario: Scenario,
                                      prior: [WeekInterval]? = nil, sequencer: DaySequencer? = nil) -> RuleViolation? {
        let prior = prior ?? scenario.history.work(of: staff.id).filter { $0.end > -PersonWeekView.lookBackMinutes }
        // The view of one piece after the history (no sequencer of the person's own needed).
        func view(of work: [TimedWork]) -> PersonWeekView {
            PersonWeekView(staff: staff, scenario: scenario, work: work, coordinationMinutes: 0,
                           sequencer: sequencer ?? DaySequencer(travel: scenario.travel, grid: TimeGrid(step: scenario.timeStepMinutes),
                                                                homeArea: nil, availability: nil),
                           prior: prior)
        }
        if item.isOnCall, scenario.history.onCallDays[staff.id] != nil || !prior.isEmpty {
            if let clash = onCallClash([item], work: [item], prior: prior) { return clash }
            return OnCallRule.violation([item], in: view(of: []))
        }
        guard !prior.isEmpty else { return nil }
        let view = view(of: [item])
        for rule in PlanningRules.lookingBack {
            if let broken = rule.violation(in: view) { return broken }
        }
        return nil
    }

    /// Whether `minutes` more awake work, at any time, would break the week's hours: a cheap test
    /// before any sequencing is tried. Added work adds at least its minutes less the longest
    /// break (`WorkingTime`), so a week this refuses the full check refuses too.
    func hoursViolation(_ work: [TimedWork], adding minutes: Int, coordinationMinutes: Int) -> RuleViolation? {
        let view = PersonWeekView(staff: staff, scenario: scenario, work: work.filter { !$0.isOnCall }, coordinationMinutes: coordinationMinutes,
                                  sequencer: sequencer, prior: prior, withShifts: false, hoursCaps: hoursCaps)
        let added = max(0, minutes - WorkingTime.longestBreak(scenario.labourRules.breaks))
        // Nights unknown here: the night workers' average only where the nights before reach it.
        return WeeklyHoursRule.violation(workingMinutes: view.workingMinutes + added, limitMinutes: view.limitMinutes + added, nights: 0, in: view)
    }
}

/// One person's week as the per-person rules see it: all timed work in time order.
struct PersonWeekView {
    let staff: Staff
    let scenario: Scenario
    let work: [TimedWork]
    let coordinationMinutes: Int
    let sequencer: DaySequencer
    /// Work before the first Monday (history), in time order: it makes shifts and rests with the
    /// week's work but counts towards no hours of this week.
    let prior: [WeekInterval]
    /// The shifts of the history and the week, made once: several rules read them.
    let shifts: [WorkShift]

    /// `withShifts: false` for a view only the hours rule reads (the cheap test before sequencing).
    /// What the averages over weeks leave this week (`WorkingWeek` makes it once per person).
    let hoursCaps: WeekHoursCaps

    init(staff: Staff, scenario: Scenario, work: [TimedWork], coordinationMinutes: Int, sequencer: DaySequencer,
         prior: [WeekInterval] = [], withShifts: Bool = true, hoursCaps: WeekHoursCaps? = nil) {
        self.hoursCaps = hoursCaps ?? WeekHoursCaps(staff.id, in: scenario)
        self.staff = staff
        self.scenario = scenario
        self.work = work
        self.coordinationMinutes = coordinationMinutes
        self.sequencer = sequencer
        self.prior = prior
        self.shifts = withShifts ? Self.shifts(of: work, prior: prior, rules: scenario.labourRules) : []
    }

    /// How far back the rules that look back see: two weeks and a day (days in a row, the
    /// shortened rest's 7×24 h).
    static let lookBackMinutes = PersonWeekLookBack.minutes

    var rules: LabourRules { scenario.labourRules }

    /// The shifts of the history and the week: work separated by less than a (reduced) daily
    /// rest, with its night minutes; `prior` marks shifts made only of the history's work.
    static func shifts(of work: [TimedWork], prior: [WeekInterval], rules: LabourRules) -> [WorkShift] {
        var shifts: [WorkShift] = []
        let items = (prior.map { ($0, true, false, true) } + work.map { ($0.interval, false, $0.isSleep, $0.breakCovered) }).sorted { $0.0 < $1.0 }
        for (interval, isPrior, isSleep, covered) in items {
            // Sleeping is no night work (CAO GHZ, Arbeidstijdenbesluit: aanwezigheidsdienst).
            let night = isSleep ? 0 : interval.minutesBetweenMidnightAndSix
            let awake = isSleep ? 0 : interval.minutes, asleep = isSleep ? interval.minutes : 0
            if let last = shifts.last, interval.start - last.end < rules.shiftBreakMinutes {
                let gap = max(0, interval.start - last.end)
                shifts[shifts.count - 1] = WorkShift(start: last.start, end: max(last.end, interval.end), night: last.night + night,
                                                     prior: last.prior && isPrior, sleep: last.sleep || isSleep,
                                                     work: last.work + awake, pauses: last.pauses + (gap >= WorkingTime.pausePieceMinutes ? gap : 0),
                                                     sleepMinutes: last.sleepMinutes + asleep, breakCovered: last.breakCovered || covered)
            } else {
                shifts.append(WorkShift(start: interval.start, end: interval.end, night: night, prior: isPrior, sleep: isSleep,
                                        work: awake, pauses: 0, sleepMinutes: asleep, breakCovered: covered))
            }
        }
        return shifts
    }

    /// The week's working minutes (breaks out, sleep with its factor, coordination in): the
    /// hours the limits and the contract see. The history's work counts towards none of them.
    var workingMinutes: Int { minutes(forLimits: false) }

    /// The week's working minutes as the Act's limits count them: every hour of a sleeping shift
    /// in full (SCENARIO.md 1.2).
    var limitMinutes: Int { minutes(forLimits: true) }

    private func minutes(forLimits: Bool) -> Int {
        let own = work.map { WorkPiece($0.interval, isSleep: $0.isSleep, breakCovered: $0.breakCovered, sleepInFull: $0.sleepInFull) }
        return WorkingTime.minutes(own, rules: rules, forLimits: forLimits) + coordinationMinutes
    }

    /// Night shifts of this week (more than an hour between 00:00 and 06:00, ending after 02:00),
    /// as the night workers' average counts them.
    var nightShifts: Int { shifts.filter { !$0.prior && $0.isLateNight }.count }
}

/// One shift of a person: its span, its minutes between 00:00 and 06:00, and whether it lies
/// wholly in the history (a rule the history broke is not this roster's to report).
struct WorkShift {
    let start: Int
    let end: Int
    let night: Int
    let prior: Bool
    /// Holds a sleeping shift: a duty of up to 24 h, then 11 h rest.
    var sleep = false
    /// Awake work, pauses (gaps of a quarter of an hour or more) and sleeping time inside it.
    var work = 0
    var pauses = 0
    var sleepMinutes = 0
    /// Some piece lets the person be relieved for a break (not lone duty only).
    var breakCovered = true

    /// More than an hour between 00:00 and 06:00.
    var isNight: Bool { night > LabourRules.nightShiftThresholdMinutes }
    /// A night shift that ends after 02:00: it asks the longer rest and counts towards the night limit.
    var isLateNight: Bool { isNight && endsLate(end) }
    /// Its awake working time: work less the break it still needs (what `max_shift_hours` limits).
    func awakeWorkingMinutes(_ rules: LabourRules) -> Int {
        guard breakCovered else { return work }
        return work - WorkingTime.breakMinutes(work: work, pauses: pauses, rules: rules.breaks)
    }
}

/// A rule that limits one person's week; its `violation` is its piece of the oracle.
protocol PersonWeekRule: Sendable {
    func violation(in week: PersonWeekView) -> RuleViolation?
}

/// A rule of the model: its rows and penalty terms for one part's week, and its label. A rule
/// added later is one file (rows, oracle check where it limits a person's week, label) and one
/// entry in `PlanningRules.model`.
protocol ModelRule: Sendable {
    /// What the rule asks, in a planner's words.
    var label: String { get }
    func addRows(to week: WeekModel) throws
}

/// The rules of the model and the oracle, in the order they are built and asked.
enum PlanningRules {
    /// The model's rules in build order: responsibility and client work first (their variables
    /// are used by the hours and day rules), then attendance, the session rules, the person
    /// rules, and the soft objectives.
    static let model: [any ModelRule] = [
        ResponsibilityRule(), ClientTaskRule(), AppointmentRule(), AttendanceChoiceRule(),
        StaffingRatioRule(), LeadLevelRule(), SkillNeedRule(),
        NoDoubleBookingRule(), PersonDayCapacityRule(), WeeklyHoursRule(), ShiftLengthRule(), ReducedDailyRestRule(),
        NightSeriesRestRule(), NightSeriesLengthRule(), NightCountRule(), LongNightRule(), SleepingDutyRule(), SundaysWorkedRule(), WeeklyRestRule(), RollingRestRule(),
        ConsecutiveWorkingDaysRule(), DaysOffRule(), WeekendsWorkedRule(), SplitShiftRule(), ProtectedPeopleRule(), OnCallRule(), FreeWeekendsRule(),
        HoursObjective(), AllowanceObjective(), ContinuityObjective(), VisitorContinuityRule(),
        WishObjective(), KeyWorkerObjective(), FairnessObjective(), RotationObjective(), ShortenedRestObjective(),
    ]

    /// Per-person rules, cheapest first (the oracle stops at the first broken one); being
    /// elsewhere at the time before the hours, so a person busy then is said to be.
    static let personWeek: [any PersonWeekRule] = [
        NoDoubleBookingRule(), WeeklyHoursRule(), ProtectedPeopleRule(), HomeTravelRule(), ShiftLengthRule(), ReducedDailyRestRule(),
        NightSeriesRestRule(), NightSeriesLengthRule(), NightCountRule(), LongNightRule(), SleepingDutyRule(), SundaysWorkedRule(), WeeklyRestRule(), RollingRestRule(),
        ConsecutiveWorkingDaysRule(), DaysOffRule(), WeekendsWorkedRule(), SplitShiftRule(), FreeWeekendsRule(),
    ]

    /// The per-person rules that see the history's work: what one piece of work alone breaks
    /// after it is never offered. (Days off are not among them: more work may close a gap.)
    static let lookingBack: [any PersonWeekRule] = [
        NoDoubleBookingRule(), ShiftLengthRule(), ReducedDailyRestRule(), NightSeriesRestRule(), NightSeriesLengthRule(),
        NightCountRule(), LongNightRule(), SleepingDutyRule(), SundaysWorkedRule(), ConsecutiveWorkingDaysRule(), WeekendsWorkedRule(), ProtectedPeopleRule(),
    ]
}
