import CareDomain
import Planning
import RosterCheck
import ScenarioFormat
import Testing

/// Shift patterns (SCENARIO.md 1.1, `labour_rules`): days in a row, days off together, weekends.
@Suite("Shift patterns")
struct ShiftPatternTests {
    static let everyDay = "      - {name: dag, days: mon-sun, from: \"09:00\", to: \"15:00\"}"
    static let clients = clientLines(2, attends: "[mon dag, tue dag, wed dag, thu dag, fri dag, sat dag, sun dag]")

    func workedDays(_ outcome: PlanOutcome, _ staff: String) -> [Int] {
        outcome.roster.assignments.filter { $0.staff == StaffID(staff) }.map { $0.interval.start / 1440 }.sorted()
    }

    @Test("min_consecutive_days_off: 2 never leaves a single day off between working days")
    func daysOffTogether() throws {
        let staff = "  s1: {level: mbo3, contract_hours: 30}\n  s2: {level: mbo3, contract_hours: 12}"
        let (scenario, outcome) = try planChecked(tinyScenario(sessions: Self.everyDay, staff: staff, clients: Self.clients,
                                                               labour: "labour_rules: {min_consecutive_days_off: 2}"))
        for person in ["s1", "s2"] {
            let days = workedDays(outcome, person)
            for (earlier, later) in zip(days, days.dropFirst()) {
                #expect(later - earlier == 1 || later - earlier >= 3, "\(person) works \(days)")
            }
        }
        // Monday and Wednesday with Tuesday off: the checker refuses it.
        let split = [0, 2].map { day in
            RosterAssignment(staff: StaffID("s1"), activity: .group, interval: WeekInterval(start: day * 1440 + 540, end: day * 1440 + 900),
                             location: LocationID("huis"), area: nil, clients: [ClientID("c1"), ClientID("c2")], products: [ProductID("dag")],
                             role: .professional, ref: "dag")
        }
        #expect(RosterChecker(scenario: scenario).check(Roster(assignments: split, uncovered: [])).contains { $0.rule == "days off" })
    }

    @Test("A re-plan whose absence leaves one lone day off lets go one row next to it, not the week (it had planned the week afresh)")
    func replanKeepsTheRestTogether() throws {
        let staff = "  s1: {level: mbo3, contract_hours: 40, absent: [2026-03-18]}\n  s2: {level: mbo3, contract_hours: 40}"
        let scenario = try ScenarioLoader.parse(tinyScenario(sessions: Self.everyDay, staff: staff, clients: Self.clients,
                                                             labour: "labour_rules: {min_consecutive_days_off: 2}"), file: "tiny.yaml")
        // s1 worked Mon, Tue, Thu, Fri before the sick call on Wednesday: one day off alone.
        let rows = [0, 1, 3, 4].map { day in
            RosterAssignment(staff: StaffID("s1"), activity: .group, interval: WeekInterval(start: day * 1440 + 540, end: day * 1440 + 900),
                             location: LocationID("huis"), area: nil, clients: [ClientID("c1"), ClientID("c2")], products: [ProductID("dag")],
                             role: .professional, ref: "dag")
        }
        let (kept, dropped) = Replanning.keptTogether(rows, in: scenario)
        #expect(dropped.count == 1, "\(dropped)")
        #expect(dropped.first.map { [1, 3].contains($0.assignment.interval.start / 1440) } == true, "the row beside the absence goes")
        #expect(kept.count == 3)
        #expect(dropped.first?.reason == .daysOffTooFew(least: 2))
        // A week that keeps every rule keeps every row.
        #expect(Replanning.keptTogether(Array(rows.prefix(2)), in: scenario).dropped.isEmpty)
    }

    @Test("A re-plan's added group row that meets no need of its session is surplus; a kept one or a needed one is not")
    func replanSurplus() throws {
        let staff = "  s1: {level: mbo3, contract_hours: 40}\n  s2: {level: mbo3, contract_hours: 40}"
        let scenario = try ScenarioLoader.parse(tinyScenario(sessions: Self.everyDay, staff: staff, clients: Self.clients), file: "tiny.yaml")
        func row(_ person: String, day: Int) -> RosterAssignment {
            RosterAssignment(staff: StaffID(person), activity: .group, interval: WeekInterval(start: day * 1440 + 540, end: day * 1440 + 900),
                             location: LocationID("huis"), area: nil, clients: [ClientID("c1"), ClientID("c2")], products: [ProductID("dag")],
                             role: .professional, ref: "dag")
        }
        // Two clients need one professional: s2 beside s1 on Monday meets no need.
        let roster = Roster(assignments: [row("s1", day: 0), row("s2", day: 0), row("s2", day: 1)], uncovered: [])
        #expect(Replanning.surplusAdditions(in: roster, kept: [row("s1", day: 0)], scenario: scenario) == [row("s2", day: 0)])
        // Kept rows stay (what the planner had told them); s2 alone on Tuesday is needed.
        #expect(Replanning.surplusAdditions(in: roster, kept: [row("s1", day: 0), row("s2", day: 0)], scenario: scenario).isEmpty)
    }

    @Test("max_consecutive_working_days: 3 over seven days: nobody works four in a row, and the checker sees a fourth")
    func daysInARow() throws {
        let staff = "  s1: {level: mbo3, contract_hours: 42, max_hours: 42}"
        let (scenario, outcome) = try planChecked(tinyScenario(sessions: Self.everyDay, staff: staff, clients: Self.clients,
                                                               labour: "labour_rules: {max_consecutive_working_days: 3}"))
        let days = workedDays(outcome, "s1")
        #expect(days.count == 6, "3 + a day off + 3: \(days)")
        #expect(longestRunLength(days) <= 3, "\(days)")
        let all = (0..<7).map { day in
            RosterAssignment(staff: StaffID("s1"), activity: .group, interval: WeekInterval(start: day * 1440 + 540, end: day * 1440 + 900),
                             location: LocationID("huis"), area: nil, clients: [ClientID("c1"), ClientID("c2")], products: [ProductID("dag")],
                             role: .professional, ref: "dag")
        }
        let rules = Set(RosterChecker(scenario: scenario).check(Roster(assignments: Array(all.prefix(4)), uncovered: [])).map(\.rule))
        #expect(rules.contains("working days in a row"), "\(rules)")
    }

    @Test("max_weekends_worked: 1 with last week's weekend worked in the history: nothing this Saturday or Sunday")
    func weekends() throws {
        let yaml = try LabourHistoryRuleTests().withHistory(["2026-03-14,sat,09:00,15:00,s1,s1,group,huis,1000,c1,dag,professional,dag"],
                                                            sessions: Self.everyDay, attends: "[sat dag, sun dag]",
                                                            staff: "  s1: {level: mbo3, contract_hours: 12}")
            .replacingOccurrences(of: "history:", with: "labour_rules: {max_weekends_worked: 1}\nhistory:")
        let (scenario, outcome) = try planChecked(yaml)
        #expect(scenario.history.weekendsWorked[StaffID("s1")] == [-1])
        #expect(outcome.roster.assignments.isEmpty)
        #expect(outcome.uncovered(.staffing).first?.reason.text.contains("max_weekends_worked") == true)
    }

    @Test("A night running into Monday makes Monday a working day: with two days off together, nobody works Wednesday after it alone (regression)")
    func historyNightCountsForDaysOff() throws {
        let yaml = try LabourHistoryRuleTests().withHistory(["2026-03-15,sun,23:00,07:00,s1,s1,group,huis,1000,c1,dag,professional,nacht"],
                                                            sessions: "      - {name: dag, days: wed, from: \"09:00\", to: \"15:00\"}",
                                                            attends: "[wed dag]")
            .replacingOccurrences(of: "history:", with: "labour_rules: {min_consecutive_days_off: 2}\nhistory:")
        let (scenario, outcome) = try planChecked(yaml)
        #expect(outcome.workers(on: .wed, "dag", in: scenario) == ["s2"])
    }

    func longestRunLength(_ days: [Int]) -> Int {
        var longest = 0, run = 0, last = Int.min
        for day in days { run = day == last + 1 ? run + 1 : 1; longest = max(longest, run); last = day }
        return longest
    }
}
