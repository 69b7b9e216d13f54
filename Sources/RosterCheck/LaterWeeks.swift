import CareDomain

/// The weeks of a period after the week being checked. A week's last days may leave someone
/// free on purpose: coming would break a rest rule before their work early in the next week.
/// So whether a person is free to meet a shortfall (`MaximalityCheck`) also asks every later
/// week of theirs to keep its rules with the added work in its history.
public struct LaterWeeks: Sendable {
    let period: Scenario
    let index: Int
    let earlier: [Roster]
    let later: [Roster]

    /// `earlier`: the rosters of weeks 0..<index of `period`; `later`: those after week `index`.
    public init(period: Scenario, index: Int, earlier: [Roster], later: [Roster]) {
        self.period = period
        self.index = index
        self.earlier = earlier
        self.later = later
    }

    /// Whether `person`'s later weeks keep every per-person rule when their rows of the checked
    /// week (in `current`) are `rows` instead.
    func allow(_ rows: [RosterAssignment], of person: StaffID, in current: Roster) -> Bool {
        guard !later.isEmpty else { return true }
        let changed = Roster(assignments: current.assignments.filter { $0.staff != person } + rows, uncovered: [],
                             responsibilities: current.responsibilities)
        var before = earlier + [changed]
        for (offset, roster) in later.enumerated() {
            let week = PlanningPeriod.week(index + 1 + offset, of: period, after: before)
            let own = Roster(assignments: roster.assignments.filter { $0.staff == person }, uncovered: [],
                             responsibilities: roster.responsibilities.filter { $0.staff == person })
            if !WorkingTimeCheck(scenario: week).check(own).isEmpty { return false }
            before.append(roster)
        }
        return true
    }
}
