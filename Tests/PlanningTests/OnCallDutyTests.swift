import CareDomain
import GLPKSolver
@testable import Planning
import RosterCheck
import ScenarioFormat
import Testing

/// On-call duty (`kind: on-call`, the bereikbaarheidsdienst, SCENARIO.md 1.1): the person stays
/// free unless called, so it is no working time, no shift and no break in a rest; it only keeps
/// them from other work at the time.
@Suite("On-call duty")
struct OnCallDutyTests {
    static func sessions(_ kind: String) -> String {
        """
              - {name: laat, days: mon, from: "15:00", to: "23:00"}
              - {name: wacht, days: mon, from: "23:00", to: "07:00", kind: \(kind), min_staff: 1}
              - {name: vroeg, days: tue, from: "15:00", to: "23:00"}
        """
    }

    @Test("Late, on call through the night, late again: one person, 15 h of work; awake the night would be a 16 h night shift")
    func freeUnlessCalled() throws {
        let staff = "  s1: {level: mbo3, contract_hours: 16}"
        let clients = clientLines(2, attends: "[mon laat, tue vroeg]")
        let (scenario, outcome) = try planChecked(tinyScenario(sessions: Self.sessions("on-call"), staff: staff, clients: clients))
        #expect(outcome.roster.assignments.count == 3, "\(outcome.roster.assignments.map(\.ref))")
        // Two 8 h shifts, each the house's only person: nobody relieves them, so their breaks are
        // working time (a lone duty); on call counts nothing.
        #expect(scenario.workingMinutes(of: outcome.roster)[StaffID("s1")] == 960, "two lone 8 h shifts; on call counts nothing")
        #expect(outcome.roster.uncovered.isEmpty)
        let (_, awake) = try planChecked(tinyScenario(sessions: Self.sessions("work"), staff: staff, clients: clients))
        #expect(awake.roster.assignments.count < 3)
    }

    @Test("On call keeps the person from other work at the time, and the checker finds a double booking")
    func noOtherWorkMeanwhile() throws {
        let sessions = """
              - {name: wacht, days: mon, from: "08:00", to: "16:00", kind: on-call, min_staff: 1}
              - {name: ochtend, days: mon, from: "09:00", to: "12:00"}
        """
        let staff = "  s1: {level: mbo3, contract_hours: 16}"
        let yaml = tinyScenario(sessions: sessions, staff: staff, clients: clientLines(2, attends: "[mon ochtend]"))
        let (scenario, outcome) = try planChecked(yaml)
        #expect(outcome.roster.assignments.count == 1)
        let short = try #require(outcome.uncovered(.staffing).first)
        #expect(short.reason.causes.contains { if case .busy = $0.violation { true } else { false } }, "\(short.reason.text)")
        // Both rows for s1: the checker refuses the roster.
        let taken = try #require(outcome.roster.assignments.first)
        let sessionsByName = Dictionary(scenario.groupSessions.map { ($0.slot.name, $0) }, uniquingKeysWith: { first, _ in first })
        let other = try #require(sessionsByName[taken.ref == "wacht" ? "ochtend" : "wacht"])
        let added = RosterAssignment(staff: taken.staff, activity: .group, interval: other.interval, location: taken.location, area: taken.area,
                                     clients: other.slot.name == "ochtend" ? [ClientID("c1"), ClientID("c2")] : [], products: other.slot.name == "ochtend" ? [ProductID("dag")] : [],
                                     role: .professional, ref: other.slot.name)
        let violations = RosterChecker(scenario: scenario).check(Roster(assignments: outcome.roster.assignments + [added], uncovered: [],
                                                                        responsibilities: outcome.roster.responsibilities))
        #expect(violations.contains { $0.rule == "double booking" }, "\(violations)")
    }

    @Test("On call at the same hours as a sleeping shift is a double booking for the oracle too, not only for the checker")
    func notBesideSleepingShift() throws {
        let sessions = """
              - {name: slaap, days: mon, from: "23:00", to: "07:00", kind: sleep, min_staff: 1}
              - {name: wacht, days: mon, from: "23:00", to: "07:00", kind: on-call, min_staff: 1}
        """
        let scenario = try ScenarioLoader.parse(tinyScenario(sessions: sessions, staff: "  s1: {level: mbo3, contract_hours: 16}",
                                                             clients: clientLines(2, attends: "[mon slaap]")), file: "tiny.yaml")
        let person = scenario.sortedStaff[0]
        let both = scenario.groupSessions.map { session in
            TimedWork(interval: session.interval, area: "1000", label: session.slot.name, isSleep: session.kind == .sleep,
                      isGroupSession: true, isOnCall: session.kind == .onCall)
        }
        let verdict = WorkingWeek(staff: person, scenario: scenario).violation(both, coordinationMinutes: 0)
        guard case .busy? = verdict else { Issue.record("oracle: \(String(describing: verdict))"); return }
        let (_, outcome) = try planChecked(tinyScenario(sessions: sessions, staff: "  s1: {level: mbo3, contract_hours: 16}",
                                                        clients: clientLines(2, attends: "[mon slaap]")))
        #expect(outcome.roster.assignments.count == 1 && outcome.roster.uncovered.count == 1)
    }
}

/// On-call duty's own limits (ATW 5:9, CAO GHZ 7:16; SCENARIO.md 1.2), hand-worked.
@Suite("On-call duty's limits")
struct OnCallLimitTests {
    @Test("No on-call duty in the 14 h after a night shift: alone, one of the two; with a colleague, both by different people")
    func notAfterNight() throws {
        let sessions = """
              - {name: nacht, days: mon, from: "23:00", to: "07:00"}
              - {name: wacht, days: tue, from: "09:00", to: "17:00", kind: on-call, min_staff: 1}
        """
        let clients = clientLines(2, attends: "[mon nacht]")
        let (scenario, alone) = try planChecked(tinyScenario(sessions: sessions, staff: "  s1: {level: mbo3, contract_hours: 36}", clients: clients))
        #expect(alone.roster.assignments.count == 1)
        let short = try #require(alone.uncovered(.staffing).first)
        #expect(short.reason.text.contains("after their night shift") || short.reason.text.contains("on call"), "\(short.reason.text)")
        let (_, two) = try planChecked(tinyScenario(sessions: sessions, staff: "  s1: {level: mbo3, contract_hours: 36}\n  s2: {level: mbo3, contract_hours: 36}", clients: clients))
        #expect(two.roster.assignments.count == 2)
        #expect(Set(two.roster.assignments.map(\.staff)).count == 2)
        // The checker refuses one person on both.
        let night = RosterAssignment(staff: StaffID("s1"), activity: .group, interval: WeekInterval(start: 23 * 60, end: 31 * 60), location: LocationID("huis"),
                                     area: "1000", clients: [ClientID("c1"), ClientID("c2")], products: [ProductID("dag")], role: .professional, ref: "nacht")
        let duty = RosterAssignment(staff: StaffID("s1"), activity: .group, interval: WeekInterval(start: 1440 + 9 * 60, end: 1440 + 17 * 60), location: LocationID("huis"),
                                    area: "1000", clients: [], products: [], role: .professional, ref: "wacht")
        #expect(RosterChecker(scenario: scenario).check(Roster(assignments: [night, duty], uncovered: [])).contains { $0.rule == "on call" })
    }

    /// Four weeks of on-call nights for one person; the days they take.
    func onCallNights(_ labour: String) throws -> [Int] {
        let sessions = "      - {name: wacht, days: mon-sun, from: \"22:00\", to: \"07:00\", kind: on-call, min_staff: 1}"
        let scenario = try ScenarioLoader.parse(tinyScenario(sessions: sessions, staff: "  s1: {level: mbo3, contract_hours: 36}",
                                                             clients: clientLines(1, attends: "[]"), labour: labour, extra: "weeks: 4"), file: "s.yaml")
        var rosters: [Roster] = []
        for index in 0..<4 {
            let week = PlanningPeriod.week(index, of: scenario, after: rosters)
            let outcome = try RosterPlanner(solver: GLPKSolver()).plan(week, options: PlanningOptions(timeLimitSeconds: 20, relativeGap: 0))
            let violations = RosterChecker(scenario: week).check(outcome.roster)
            #expect(violations.isEmpty, "\(violations)")
            rosters.append(outcome.roster)
        }
        return rosters.map(\.assignments.count)
    }

    @Test("At most 7 on-call days in 28, 5 in a row, under the GHZ preset; 14 in 28 under the Act")
    func daysInFourWeeks() throws {
        let ghz = try onCallNights("labour_rules: {preset: cao-gehandicaptenzorg}")
        #expect(ghz.reduce(0, +) == 7, "\(ghz)")
        // Five in a row, a day off, one more: at most six in a week; the checker judged the runs.
        #expect(ghz.allSatisfy { $0 <= 6 })
        let atw = try onCallNights("")
        #expect(atw.reduce(0, +) == 14, "\(atw)")
        let own = try onCallNights("labour_rules: {on_call: {max_days_28: 10, max_days_in_a_row: 2}}")
        #expect(own.reduce(0, +) == 10, "\(own)")
    }
}
