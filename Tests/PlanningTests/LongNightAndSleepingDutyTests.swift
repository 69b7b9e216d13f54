import CareDomain
import Foundation
import GLPKSolver
import Optimization
@testable import Planning
import RosterCheck
import ScenarioFormat
import Testing

/// The Act's allowance for long nights (ATW 5:8) and the Arbeidstijdenbesluit's limits on duties
/// with a sleeping shift (4.8:1), with hand-worked answers.
@Suite("Long nights and sleeping duties")
struct LongNightAndSleepingDutyTests {
    /// A night of 11 h every night, no breaks (so hours are presence).
    static let nights = "      - {name: nacht, days: mon-sun, from: \"21:00\", to: \"08:00\"}"
    static let staff = "  s1: {level: mbo3, contract_hours: 60, max_hours: 60}"
    static let attends = clientLines(2, attends: "[mon nacht, tue nacht, wed nacht, thu nacht, fri nacht, sat nacht, sun nacht]")

    func worked(_ outcome: PlanOutcome) -> Int { outcome.roster.assignments.filter { $0.staff == StaffID("s1") }.count }

    func scenario(labour: String, extra: String = "") -> String {
        tinyScenario(sessions: Self.nights, staff: Self.staff, clients: Self.attends, labour: labour, extra: extra)
    }

    /// A history roster file with `rows` (after the roster.csv header), its path.
    func historyFile(_ rows: [String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zr-long-nights-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("roster.csv")
        let header = "date,day,start,end,staff_id,staff_name,activity,location,area,clients,product,role,ref"
        try ([header] + rows).joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test("11-h nights: none without the allowance; with it every other night (4: the 14 h after a late night leaves no two in a row); 2 after 20 in 52 weeks; 2 after three last week (5 in 14×24 h)")
    func longNights() throws {
        let (_, strict) = try planChecked(scenario(labour: "labour_rules: {breaks: []}"))
        #expect(worked(strict) == 0)
        #expect(strict.roster.uncovered.contains { $0.reason.text.contains("max_night_shift_hours") }, "\(strict.roster.uncovered.map(\.reason.text))")

        let (_, allowed) = try planChecked(scenario(labour: "labour_rules: {breaks: [], long_night_shifts: true}"))
        #expect(worked(allowed) == 4, "\(allowed.roster.assignments.map(\.interval))")

        let (counted, year) = try planChecked(scenario(labour: "labour_rules: {breaks: [], long_night_shifts: true}",
                                                       extra: "history: {long_night_shifts_52_weeks: {s1: 20}}"))
        #expect(worked(year) == 2)
        #expect(year.roster.uncovered.contains { $0.reason.text.contains("long_night_shifts.per_52_weeks") }, "\(year.roster.uncovered.map(\.reason.text))")
        // The checker refuses the four nights after 20.
        #expect(RosterChecker(scenario: counted).check(allowed.roster).contains { $0.rule == "long night shifts" && $0.message.contains("per_52_weeks") })

        // Last week's Tuesday, Thursday and Saturday nights (2026-W12 starts on Monday 16 March):
        // any 14×24 h from last Tuesday reaches next Tuesday, so two more at most.
        let file = try historyFile(["2026-03-10,tue,21:00,08:00,s1,s1,group,huis,1000,c1,dag,professional,nacht",
                                    "2026-03-12,thu,21:00,08:00,s1,s1,group,huis,1000,c1,dag,professional,nacht",
                                    "2026-03-14,sat,21:00,08:00,s1,s1,group,huis,1000,c1,dag,professional,nacht"])
        let (fortnightScenario, fortnight) = try planChecked(scenario(labour: "labour_rules: {breaks: [], long_night_shifts: true}",
                                                                      extra: "history: {roster_file: \(file)}"))
        #expect(fortnightScenario.history.longNightShifts52Weeks[StaffID("s1")] == 3)
        #expect(worked(fortnight) == 2)
        #expect(fortnight.roster.uncovered.contains { $0.reason.text.contains("per_14_days") })
        #expect(RosterChecker(scenario: fortnightScenario).check(allowed.roster).contains { $0.rule == "long night shifts" && $0.message.contains("per_14_days") })

        // Three long nights two weeks back (Tuesday, Thursday, Saturday): every 14×24 h ending at
        // one of this week's nights holds at most four, so all four of this week's stand.
        let earlier = try historyFile(["2026-03-03,tue,21:00,08:00,s1,s1,group,huis,1000,c1,dag,professional,nacht",
                                       "2026-03-05,thu,21:00,08:00,s1,s1,group,huis,1000,c1,dag,professional,nacht",
                                       "2026-03-07,sat,21:00,08:00,s1,s1,group,huis,1000,c1,dag,professional,nacht"])
        let (_, twoWeeksBack) = try planChecked(scenario(labour: "labour_rules: {breaks: [], long_night_shifts: true}",
                                                         extra: "history: {roster_file: \(earlier)}"))
        #expect(worked(twoWeeksBack) == 4, "\(twoWeeksBack.roster.uncovered.map(\.reason.text))")
        // And the model's own rows allow them (they count each 14×24 h up to a night, not a
        // fortnight before it and one after): Monday, Wednesday, Friday and Sunday fixed, feasible.
        let withHistory = try ScenarioLoader.parse(scenario(labour: "labour_rules: {breaks: [], long_night_shifts: true}",
                                                            extra: "history: {roster_file: \(earlier)}"), file: "tiny.yaml")
        let week = WeekModel(scenario: withHistory, demands: SessionDemand.build(for: withHistory), staff: withHistory.sortedStaff,
                             weights: .standard, name: "long-nights")
        try week.build(only: [ShiftLengthRule(), LongNightRule()])
        for (demand, variable) in week.sessionsByStaff[StaffID("s1")] ?? [] {
            let day = demand.session.interval.start / 1440
            try week.model.add(LinearExpression(variable) == (day % 2 == 0 ? 1 : 0), name: "fix[\(day)]")
        }
        try week.model.setObjective(LinearExpression())
        let solution = try GLPKSolver().solve(week.model, options: SolveOptions(timeLimitSeconds: 10, relativeGap: 0))
        #expect(solution.status.hasSolution, "the rows forbid four nights two weeks after three: \(solution.status)")
    }

    @Test("After a long night ending at 02:00 the rest is 12 h, not the daily 11 h (checker and oracle)")
    func restAfterLongNight() throws {
        let sessions = "      - {name: avond, days: mon, from: \"15:00\", to: \"02:00\"}\n      - {name: dag, days: tue, from: \"13:00\", to: \"21:00\"}"
        let clients = clientLines(2, attends: "[mon avond, tue dag]")
        let base = tinyScenario(sessions: sessions, staff: Self.staff, clients: clients, labour: "labour_rules: {breaks: [], long_night_shifts: true}")
        let (scenario, outcome) = try planChecked(base)
        #expect(worked(outcome) == 1)
        #expect(outcome.roster.uncovered.contains { $0.reason.text.contains("rest after a night shift longer than max_night_shift_hours") })
        let both = [WeekInterval(start: 15 * 60, end: 1440 + 120), WeekInterval(start: 1440 + 13 * 60, end: 1440 + 21 * 60)].map {
            RosterAssignment(staff: StaffID("s1"), activity: .group, interval: $0, location: LocationID("huis"), area: "1000",
                             clients: [ClientID("c1"), ClientID("c2")], products: [ProductID("dag")], role: .professional,
                             ref: $0.start < 1440 ? "avond" : "dag")
        }
        #expect(RosterChecker(scenario: scenario).check(Roster(assignments: both, uncovered: [])).contains { $0.rule == "rest after long night" })
    }

    @Test("long_night_shifts beyond the Act is refused with its field")
    func longNightsRefused() throws {
        #expect(throws: (any Error).self) { try ScenarioLoader.parse(scenario(labour: "labour_rules: {long_night_shifts: {max_hours: 13}}"), file: "tiny.yaml") }
        #expect(throws: (any Error).self) { try ScenarioLoader.parse(scenario(labour: "labour_rules: {long_night_shifts: {per_14_days: 6}}"), file: "tiny.yaml") }
    }

    /// A sleeping duty every night (23:00–07:00).
    static let sleeps = "      - {name: slaap, days: mon-sun, from: \"23:00\", to: \"07:00\", kind: sleep}"
    static let sleepAttends = clientLines(2, attends: "[mon slaap, tue slaap, wed slaap, thu slaap, fri slaap, sat slaap, sun slaap]")

    @Test("Sleeping duties: six a week (the weekly rest takes the seventh); three with max_7_days: 3; two after 50 in the 25 weeks before (52 in 26 weeks)")
    func sleepingDutyCounts() throws {
        let plain = tinyScenario(sessions: Self.sleeps, staff: Self.staff, clients: Self.sleepAttends, labour: "labour_rules: {breaks: []}")
        let (_, free) = try planChecked(plain)
        #expect(worked(free) == 6)
        let (weekly, three) = try planChecked(tinyScenario(sessions: Self.sleeps, staff: Self.staff, clients: Self.sleepAttends,
                                                           labour: "labour_rules: {breaks: [], sleeping_duties: {max_7_days: 3}}"))
        #expect(worked(three) == 3)
        #expect(three.roster.uncovered.contains { $0.reason.text.contains("sleeping_duties.max_7_days") })
        #expect(RosterChecker(scenario: weekly).check(free.roster).contains { $0.rule == "sleeping duties" })
        let history = "history: {sleeping_duty_weeks: {s1: [" + Array(repeating: "2", count: 25).joined(separator: ", ") + "]}}"
        let (yearly, two) = try planChecked(tinyScenario(sessions: Self.sleeps, staff: Self.staff, clients: Self.sleepAttends,
                                                         labour: "labour_rules: {breaks: []}", extra: history))
        #expect(yearly.history.sleepingDutyWeeks[StaffID("s1")]?.reduce(0, +) == 50)
        #expect(worked(two) == 2)
        #expect(two.roster.uncovered.contains { $0.reason.text.contains("sleeping_duties.max_26_weeks") })
        #expect(RosterChecker(scenario: yearly).check(free.roster).contains { $0.rule == "sleeping duties" && $0.message.contains("max_26_weeks") })
    }

    @Test("11 h of rest before a sleeping duty: a day shift ending 9 h before it and the duty, one of the two")
    func restBeforeSleepingDuty() throws {
        let sessions = "      - {name: dag, days: mon, from: \"08:00\", to: \"14:00\"}\n      - {name: slaap, days: mon, from: \"23:00\", to: \"07:00\", kind: sleep}"
        let (scenario, outcome) = try planChecked(tinyScenario(sessions: sessions, staff: Self.staff, clients: clientLines(2, attends: "[mon dag, mon slaap]"),
                                                               labour: "labour_rules: {breaks: []}"))
        #expect(worked(outcome) == 1)
        #expect(outcome.roster.uncovered.contains { $0.reason.text.contains("rest_before_hours") }, "\(outcome.roster.uncovered.map(\.reason.text))")
        let both = [(WeekInterval(start: 480, end: 840), "dag"), (WeekInterval(start: 23 * 60, end: 1440 + 420), "slaap")].map {
            RosterAssignment(staff: StaffID("s1"), activity: .group, interval: $0.0, location: LocationID("huis"), area: "1000",
                             clients: [ClientID("c1"), ClientID("c2")], products: [ProductID("dag")], role: .professional, ref: $0.1)
        }
        #expect(RosterChecker(scenario: scenario).check(Roster(assignments: both, uncovered: [])).contains { $0.rule == "rest before sleeping duty" })
    }

    @Test("CAO GHZ 7:18: a sleeping duty with more than 120 minutes of work counts in full: max_hours 20 holds five 8-h duties at 50%, two when work_minutes is 150")
    func sleepingDutyWorkMinutes() throws {
        let staff = "  s1: {level: mbo3, contract_hours: 20, max_hours: 20}"
        let clients = clientLines(2, attends: "[mon slaap, tue slaap, wed slaap, thu slaap, fri slaap]")
        func plan(workMinutes: Int) throws -> (Scenario, PlanOutcome) {
            let sessions = "      - {name: slaap, days: mon-fri, from: \"23:00\", to: \"07:00\", kind: sleep, work_minutes: \(workMinutes)}"
            return try planChecked(tinyScenario(sessions: sessions, staff: staff, clients: clients,
                                                labour: "labour_rules: {preset: cao-gehandicaptenzorg, breaks: [], sleep_hours_factor: 0.5}"))
        }
        let (quiet, light) = try plan(workMinutes: 90)
        #expect(worked(light) == 5)
        #expect(quiet.workingMinutes(of: light.roster)[StaffID("s1")] == 5 * 240)
        let (busy, heavy) = try plan(workMinutes: 150)
        #expect(worked(heavy) == 2)
        #expect(busy.workingMinutes(of: heavy.roster)[StaffID("s1")] == 2 * 480)
        // The checker counts the busy duties in full: five of them are 40 h of max_hours 20.
        #expect(RosterChecker(scenario: busy).check(light.roster).contains { $0.rule == "max hours" })
    }

    @Test("A period's second week sees the first's sleeping duties: max_4_weeks 5 leaves week 2 what week 1 did not use")
    func sleepingDutiesOverAPeriod() throws {
        let yaml = tinyScenario(sessions: Self.sleeps, staff: Self.staff, clients: Self.sleepAttends,
                                labour: "labour_rules: {breaks: [], sleeping_duties: {max_4_weeks: 5}}").replacingOccurrences(of: "week: 2026-W12", with: "week: 2026-W12\nweeks: 2")
        let period = try ScenarioLoader.parse(yaml, file: "tiny.yaml")
        let planner = RosterPlanner(solver: GLPKSolver())
        let options = PlanningOptions(timeLimitSeconds: 20, relativeGap: 0)
        let first = PlanningPeriod.week(0, of: period, after: [])
        let one = try planner.plan(first, options: options)
        let second = PlanningPeriod.week(1, of: period, after: [one.roster])
        #expect(second.history.sleepingDutyWeeks[StaffID("s1")] == [worked(one)])
        #expect(second.history.priorSleepDuties[StaffID("s1")]?.count == worked(one))
        let two = try planner.plan(second, options: options)
        #expect(worked(one) == 5 && worked(two) == 0, "\(worked(one)) then \(worked(two))")
        #expect(RosterChecker(scenario: second).check(two.roster).isEmpty)
        // The second week's checker refuses a duty there.
        let extra = RosterAssignment(staff: StaffID("s1"), activity: .group, interval: WeekInterval(start: 2 * 1440 + 23 * 60, end: 3 * 1440 + 420),
                                     location: LocationID("huis"), area: "1000", clients: [ClientID("c1"), ClientID("c2")], products: [ProductID("dag")],
                                     role: .professional, ref: "slaap")
        #expect(RosterChecker(scenario: second).check(Roster(assignments: [extra], uncovered: [])).contains { $0.rule == "sleeping duties" })
    }
}
