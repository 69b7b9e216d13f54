import CareDomain

/// People's weeks on a roster as the oracle reads them, for asking one person after another
/// whether their week keeps every rule with one more piece of work: the question a move's
/// verdict asks of a place, visit or appointment it leaves undone ("someone free could take it").
/// The roster's rows are grouped by person only when the first person is asked (most asks stop
/// at the calendar or the qualification before that).
final class FreeToTake {
    private let roster: Roster
    private let scenario: Scenario
    private let work: (RosterAssignment) -> TimedWork
    private lazy var rows = Dictionary(grouping: roster.assignments, by: \.staff)
    private lazy var coordination = roster.coordinationMinutes

    init(_ roster: Roster, in scenario: Scenario, work: @escaping (RosterAssignment) -> TimedWork) {
        self.roster = roster
        self.scenario = scenario
        self.work = work
    }

    /// Whether `person`'s week on the roster, with `piece` added, keeps every per-person rule.
    func keepsEveryRule(_ person: Staff, adding piece: RosterAssignment) -> Bool {
        keepsEveryRule(person, adding: work(piece))
    }

    /// The same for a piece already read as the oracle reads it (asked of many people).
    func keepsEveryRule(_ person: Staff, adding piece: TimedWork) -> Bool {
        let mine = (rows[person.id] ?? []).map(work)
        return WorkingWeek(staff: person, scenario: scenario).violation(mine + [piece], coordinationMinutes: coordination[person.id] ?? 0) == nil
    }
}
