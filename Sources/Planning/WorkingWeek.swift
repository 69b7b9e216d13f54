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

    init(staff: Staff, scenario: Scenario) {
        self.staff = staff
        self.scenario = scenario
        self.sequencer = DaySequencer(travel: scenario.travel, grid: TimeGrid(step: scenario.timeStepMinutes),
                                      homeArea: staff.homeArea, availability: StaffCalendar(staff: staff).availableIntervals)
    }

    /// The first rule the week breaks; nil when it keeps them all.
    func violation(_ work: [TimedWork], coordinationMinutes: Int) -> RuleViolation? {
        let view = PersonWeekView(staff: staff, scenario: scenario, work: work.sorted { $0.interval < $1.interval },
                                  coordinationMinutes: coordinationMinutes, sequencer: sequencer)
        for rule in PlanningRules.personWeek {
            if let broken = rule.violation(in: view) { return broken }
        }
        return nil
    }

    /// Whether `minutes` more work, at any time, would break the week's hours (`WeeklyHoursRule`
    /// asked with that much added): a cheap test before any sequencing is tried.
    func hoursViolation(_ work: [TimedWork], adding minutes: Int, coordinationMinutes: Int) -> RuleViolation? {
        WeeklyHoursRule().violation(in: PersonWeekView(staff: staff, scenario: scenario, work: work,
                                                       coordinationMinutes: coordinationMinutes + minutes, sequencer: sequencer))
    }
}

/// One person's week as the per-person rules see it: all timed work in time order.
struct PersonWeekView {
    let staff: Staff
    let scenario: Scenario
    let work: [TimedWork]
    let coordinationMinutes: Int
    let sequencer: DaySequencer

    var rules: LabourRules { scenario.labourRules }

    /// The week's shifts: work separated by less than the daily rest, with its night minutes.
    var shifts: [(start: Int, end: Int, night: Int)] {
        var shifts: [(start: Int, end: Int, night: Int)] = []
        for item in work {
            let night = item.interval.minutesBetweenMidnightAndSix
            if let last = shifts.last, item.interval.start - last.end < rules.minDailyRestMinutes {
                shifts[shifts.count - 1] = (last.start, max(last.end, item.interval.end), last.night + night)
            } else {
                shifts.append((item.interval.start, item.interval.end, night))
            }
        }
        return shifts
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
        NoDoubleBookingRule(), PersonDayCapacityRule(), WeeklyHoursRule(), ShiftLengthRule(), NightSeriesRestRule(), WeeklyRestRule(),
        ContractHoursObjective(), ContinuityObjective(), VisitorContinuityRule(),
    ]

    /// Per-person rules, cheapest first (the oracle stops at the first broken one).
    static let personWeek: [any PersonWeekRule] = [
        WeeklyHoursRule(), NoDoubleBookingRule(), HomeTravelRule(), ShiftLengthRule(), NightSeriesRestRule(), WeeklyRestRule(),
    ]
}
