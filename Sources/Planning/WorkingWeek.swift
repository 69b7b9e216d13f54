import CareDomain

/// Whether one person's whole week of timed work keeps the working-time rules, travel and the
/// hours limit: the planner's own guard after it sets times outside the MIP.
///
/// (The independent `RosterCheck` verifies the same rules again on the written roster.)
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

    /// The first rule the week breaks, in a planner's words; nil when it keeps them all.
    func brokenRule(_ work: [TimedWork], coordinationMinutes: Int) -> String? {
        let rules = scenario.labourRules
        let sorted = work.sorted { $0.interval.start < $1.interval.start }
        let minutes = sorted.reduce(coordinationMinutes) { $0 + $1.interval.minutes }
        if Double(minutes) > min(staff.maxHours * 60, Double(rules.maxWeekMinutes)) + 1e-6 { return "at the hours limit" }
        for (index, earlier) in sorted.enumerated() {
            for later in sorted[(index + 1)...] {
                if later.interval.start >= earlier.interval.end + 24 * 60 { break }
                let travel = (earlier.area != nil && later.area != nil) ? scenario.travel.minutes(from: earlier.area!, to: later.area!) : 0
                if later.interval.start - earlier.interval.end < travel { return "no time to travel" }
            }
        }
        for (index, item) in sorted.enumerated() {
            if !sequencer.canFollow(index > 0 ? sorted[index - 1] : nil, with: item) { return "no time to travel from home" }
        }
        if let last = sorted.last, !sequencer.canGoHome(after: last) { return "no time to travel home" }
        var shifts: [(start: Int, end: Int, night: Int)] = []
        for item in sorted {
            let night = item.interval.minutesBetweenMidnightAndSix
            if let last = shifts.last, item.interval.start - last.end < rules.minDailyRestMinutes {
                shifts[shifts.count - 1] = (last.start, max(last.end, item.interval.end), last.night + night)
            } else {
                shifts.append((item.interval.start, item.interval.end, night))
            }
        }
        for (index, shift) in shifts.enumerated() {
            let isNight = shift.night > LabourRules.nightShiftThresholdMinutes
            if shift.end - shift.start > (isNight ? rules.maxNightShiftMinutes : rules.maxShiftMinutes) { return "the shift would grow too long" }
            if isNight, endsLate(shift.end), index + 1 < shifts.count, shifts[index + 1].start - shift.end < rules.minRestAfterNightMinutes {
                return "the rest after a night shift would be too short"
            }
        }
        let busy = sorted.map(\.interval).merged
        if !hasFreeStretch(busy: busy, of: rules.minWeeklyRestMinutes) { return "no weekly rest would be left" }
        return nil
    }
}
