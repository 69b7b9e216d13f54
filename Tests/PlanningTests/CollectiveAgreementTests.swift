import CareDomain
import GLPKSolver
import Planning
import RosterCheck
import ScenarioFormat
import Testing

/// Presets (`preset: cao-gehandicaptenzorg`, `cao-vvt`), several shortened daily rests, the
/// rolling rest of a collective agreement and the Act's 72 h in 14×24 h (SCENARIO.md 1.1).
@Suite("Collective agreements and the two-week weekly rest")
struct CollectiveAgreementTests {
    static let staff = "  s1: {level: mbo3, contract_hours: 40}"

    func shift(_ day: Int, _ from: Int, _ to: Int, _ ref: String) -> RosterAssignment {
        RosterAssignment(staff: StaffID("s1"), activity: .group, interval: WeekInterval(start: day * 1440 + from, end: day * 1440 + to),
                         location: LocationID("huis"), area: "1000", clients: [ClientID("c1"), ClientID("c2")],
                         products: [ProductID("dag")], role: .professional, ref: ref)
    }

    @Test("Presets start from the agreement's values; a field beside the preset overrides them")
    func presets() throws {
        let ghz = try ScenarioLoader.parse(tinyScenario(staff: Self.staff, clients: clientLines(1), labour: "labour_rules: {preset: cao-gehandicaptenzorg}"), file: "s.yaml")
        #expect(ghz.labourRules.maxShiftMinutes == 600)
        #expect(ghz.labourRules.restReductionLimits.map(\.below) == [600, 660])
        #expect(ghz.labourRules.restReductionLimits.map(\.times) == [1, 2])
        #expect(ghz.labourRules.rollingRest == RollingRest(minutes: 32 * 60, periodMinutes: 9 * 1440))
        let vvt = try ScenarioLoader.parse(tinyScenario(staff: Self.staff, clients: clientLines(1), labour: "labour_rules: {preset: cao-vvt, max_shift_hours: 9}"), file: "s.yaml")
        #expect(vvt.labourRules.maxShiftMinutes == 540)
        #expect(vvt.labourRules.preset == .caoVVT)
        let issues: [ScenarioIssue]
        do { _ = try ScenarioLoader.parse(tinyScenario(staff: Self.staff, clients: clientLines(1), labour: "labour_rules: {preset: cao-zorg}"), file: "s.yaml"); issues = [] } catch { issues = error.issues }
        #expect(issues.contains { $0.problem.contains("not a labour-rules preset") && $0.hint.contains("cao-gehandicaptenzorg") })
    }

    @Test("CAO Gehandicaptenzorg: 10 h shifts; 07:00–17:30 is 10 h of work, 07:00–18:00 is not, which the Act allows")
    func tenHourShifts() throws {
        let fits = "      - {name: lang, days: mon, from: \"07:00\", to: \"17:30\"}"
        let (_, fitting) = try planChecked(tinyScenario(sessions: fits, staff: Self.staff, clients: clientLines(2, attends: "[mon lang]"),
                                                        labour: "labour_rules: {preset: cao-gehandicaptenzorg, lone_duty_breaks: unpaid}"))
        #expect(fitting.roster.assignments.count == 1)
        let long = "      - {name: lang, days: mon, from: \"07:00\", to: \"18:00\"}"
        let (_, refused) = try planChecked(tinyScenario(sessions: long, staff: Self.staff, clients: clientLines(2, attends: "[mon lang]"),
                                                        labour: "labour_rules: {preset: cao-gehandicaptenzorg, lone_duty_breaks: unpaid}"))
        #expect(refused.roster.assignments.isEmpty)
        let (_, act) = try planChecked(tinyScenario(sessions: long, staff: Self.staff, clients: clientLines(2, attends: "[mon lang]")))
        #expect(act.roster.assignments.count == 1)
    }

    /// Rests of 8 h (Monday night) and 10 h (Tuesday), then two of 10 h.
    static let shortRests = """
          - {name: laat, days: mon, from: "14:00", to: "22:00"}
          - {name: vroeg, days: tue, from: "06:00", to: "10:00"}
          - {name: avond, days: tue, from: "20:00", to: "22:00"}
    """

    @Test("One rest shortened to 8 h and one to 10 h in 7×24 h under the CAO GHZ; the Act allows one")
    func twoShortenings() throws {
        let clients = clientLines(2, attends: "[mon laat, tue vroeg, tue avond]")
        let (_, ghz) = try planChecked(tinyScenario(sessions: Self.shortRests, staff: Self.staff, clients: clients,
                                                    labour: "labour_rules: {preset: cao-gehandicaptenzorg}"))
        #expect(ghz.roster.assignments.count == 3, "\(ghz.roster.assignments.map(\.ref))")
        let (_, act) = try planChecked(tinyScenario(sessions: Self.shortRests, staff: Self.staff, clients: clients))
        #expect(act.roster.assignments.count == 2)
        #expect(act.uncovered(.staffing).first?.reason.causes.contains { if case .dailyRest = $0.violation { true } else { false } } == true)
        // Two rests of 8 h are two of the deepest shortening: refused under the CAO too.
        let scenario = try ScenarioLoader.parse(tinyScenario(sessions: Self.shortRests, staff: Self.staff, clients: clients,
                                                             labour: "labour_rules: {preset: cao-gehandicaptenzorg}"), file: "s.yaml")
        let twoDeep = [shift(0, 840, 1320, "laat"), shift(1, 360, 600, "vroeg"), shift(1, 1080, 1320, "avond")]
        let rules = RosterChecker(scenario: scenario).check(Roster(assignments: twoDeep, uncovered: [])).map(\.rule)
        #expect(rules.contains("daily rest"), "\(rules)")
        let allowed = RosterChecker(scenario: scenario).check(Roster(assignments: ghz.roster.assignments, uncovered: [])).map(\.rule)
        #expect(!allowed.contains("daily rest"))
    }

    @Test("32 h of rest in every 9×24 h: after nine days' work last week the roster keeps a rest early this week")
    func rollingRest() throws {
        let sessions = "      - {name: dag, days: mon-sun, from: \"08:00\", to: \"16:00\"}"
        let clients = clientLines(2, attends: "[mon dag, tue dag, wed dag, thu dag, fri dag, sat dag, sun dag]")
        var scenario = try ScenarioLoader.parse(tinyScenario(sessions: sessions, staff: "  s1: {level: mbo3, contract_hours: 60, max_hours: 60}", clients: clients,
                                                             labour: "labour_rules: {preset: cao-gehandicaptenzorg}"), file: "s.yaml")
        // Last Tuesday to Sunday, 08:00–16:00 every day.
        scenario.history.priorWork[StaffID("s1")] = (1...6).map { WeekInterval(start: -7 * 1440 + $0 * 1440 + 480, end: -7 * 1440 + $0 * 1440 + 960) }
        let outcome = try RosterPlanner(solver: GLPKSolver()).plan(scenario, options: PlanningOptions(timeLimitSeconds: 20, relativeGap: 0))
        #expect(RosterChecker(scenario: scenario).check(outcome.roster).isEmpty, "\(RosterChecker(scenario: scenario).check(outcome.roster))")
        #expect(!outcome.roster.assignments.isEmpty)
        // Monday to Friday at work, the weekend off: the Act's weekly rest holds, the 9×24 h from last Tuesday does not.
        let weekdays = (0..<5).map { shift($0, 480, 960, "dag") }
        let found = RosterChecker(scenario: scenario).check(Roster(assignments: weekdays, uncovered: [])).map(\.rule)
        #expect(found.contains("rolling rest"), "\(found)")
        var act = scenario
        act.labourRules.rollingRest = nil
        #expect(!RosterChecker(scenario: act).check(Roster(assignments: weekdays, uncovered: [])).map(\.rule).contains("rolling rest"))
    }

    @Test("72 h in 14×24 h: seven days in week one when week two rests long enough; 36 h a week allows six")
    func twoWeekRest() throws {
        let sessions = "      - {name: dag, days: mon-sun, from: \"08:00\", to: \"16:00\"}"
        let clients = clientLines(2, attends: "[mon dag, tue dag, wed dag, thu dag, fri dag, sat dag, sun dag]")
        // Absent in week two from Thursday: that week rests from Wednesday 16:00.
        let staff = "  s1: {level: mbo3, contract_hours: 60, max_hours: 60, absent: [2026-03-26, 2026-03-27, 2026-03-28, 2026-03-29]}"
        func planned(_ labour: String) throws -> [Int] {
            let scenario = try ScenarioLoader.parse(tinyScenario(sessions: sessions, staff: staff, clients: clients, labour: labour, extra: "weeks: 2"), file: "s.yaml")
            var rosters: [Roster] = []
            for index in 0..<2 {
                let week = PlanningPeriod.week(index, of: scenario, after: rosters)
                let outcome = try RosterPlanner(solver: GLPKSolver()).plan(week, options: PlanningOptions(timeLimitSeconds: 20, relativeGap: 0))
                #expect(RosterChecker(scenario: week).check(outcome.roster).isEmpty, "\(RosterChecker(scenario: week).check(outcome.roster))")
                rosters.append(outcome.roster)
            }
            return rosters.map(\.assignments.count)
        }
        #expect(try planned("labour_rules: {weekly_rest: 72h-per-14-days}") == [7, 3])
        #expect(try planned("") == [6, 3])
    }

    @Test("The checker finds two weeks without 72 h of rest in pieces of 32 h")
    func twoWeekRestChecked() throws {
        var scenario = try ScenarioLoader.parse(tinyScenario(sessions: "      - {name: dag, days: mon-sun, from: \"08:00\", to: \"16:00\"}",
                                                             staff: "  s1: {level: mbo3, contract_hours: 60, max_hours: 60}",
                                                             clients: clientLines(2, attends: "[mon dag]"), labour: "labour_rules: {weekly_rest: 72h-per-14-days}"),
                                                file: "s.yaml")
        // Week one worked every day; week two off only from Saturday 16:00 (56 h).
        scenario.history.priorWork[StaffID("s1")] = (0..<7).map { WeekInterval(start: -7 * 1440 + $0 * 1440 + 480, end: -7 * 1440 + $0 * 1440 + 960) }
        scenario.history.restPeriodStart = -7 * 1440
        let sixDays = (0..<6).map { shift($0, 480, 960, "dag") }
        #expect(RosterChecker(scenario: scenario).check(Roster(assignments: sixDays, uncovered: [])).map(\.rule).contains("weekly rest"))
        let fourDays = (0..<4).map { shift($0, 480, 960, "dag") }
        #expect(!RosterChecker(scenario: scenario).check(Roster(assignments: fourDays, uncovered: [])).map(\.rule).contains("weekly rest"))
    }
}
