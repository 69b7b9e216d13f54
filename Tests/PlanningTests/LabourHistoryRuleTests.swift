import CareDomain
import Foundation
import GLPKSolver
@testable import Planning
import RosterCheck
import ScenarioFormat
import Testing

/// The Working Hours Act across the week's start and within it: the shortened daily rest, and
/// what the history's roster leaves (issue 11).
@Suite("Working Hours Act: the shortened rest and the history before Monday")
struct LabourHistoryRuleTests {
    /// Late shifts Monday and Wednesday, early shifts Tuesday and Thursday: two quick returns.
    static let quickReturns = """
          - {name: laat, days: [mon, wed], from: "15:00", to: "23:00"}
          - {name: vroeg, days: [tue, thu], from: "07:00", to: "15:00"}
    """
    static let clients = clientLines(2, attends: "[mon laat, tue vroeg, wed laat, thu vroeg]")

    @Test("A late then an early shift (8 h rest) once in 7×24 h, not twice; never when the rest may not be shortened")
    func reducedDailyRest() throws {
        let staff = "  s1: {level: mbo3, contract_hours: 32}"
        let (_, once) = try planChecked(tinyScenario(sessions: Self.quickReturns, staff: staff, clients: Self.clients))
        #expect(once.roster.assignments.count == 3, "\(once.roster.assignments.map(\.interval))")
        let short = try #require(once.uncovered(.staffing).first)
        #expect(short.reason.causes.contains { $0.people == [StaffID("s1")] && $0.violation.sentence.contains("reduced_daily_rest_hours") }, "\(short.reason.text)")
        let (_, never) = try planChecked(tinyScenario(sessions: Self.quickReturns, staff: staff, clients: Self.clients,
                                                      labour: "labour_rules: {reduced_daily_rest_hours: 11}"))
        #expect(never.roster.assignments.count == 2)
    }

    @Test("The checker finds a second shortened rest within 7×24 h")
    func checkerFindsSecondQuickReturn() throws {
        let scenario = try ScenarioLoader.parse(tinyScenario(sessions: Self.quickReturns, staff: "  s1: {level: mbo3, contract_hours: 32}",
                                                             clients: Self.clients), file: "quick.yaml")
        func shift(_ day: Int, _ from: Int, _ to: Int, _ ref: String) -> RosterAssignment {
            RosterAssignment(staff: StaffID("s1"), activity: .group, interval: WeekInterval(start: day * 1440 + from, end: day * 1440 + to),
                             location: LocationID("huis"), area: nil, clients: [ClientID("c1"), ClientID("c2")],
                             products: [ProductID("dag")], role: .professional, ref: ref)
        }
        let once = [shift(0, 900, 1380, "laat"), shift(1, 420, 900, "vroeg"), shift(2, 900, 1380, "laat")]
        let twice = once + [shift(3, 420, 900, "vroeg")]
        let uncovered = UncoveredDemand(interval: WeekInterval(start: 3 * 1440 + 420, end: 3 * 1440 + 900), activity: .group,
                                        location: LocationID("huis"), client: nil, product: ProductID("dag"),
                                        need: .described("1 professional"), kind: .staffing, hours: 8, reason: .init(summary: "test"),
                                        ref: "vroeg", clientsPresent: [ClientID("c1"), ClientID("c2")])
        let rulesOnce = Set(RosterChecker(scenario: scenario).check(Roster(assignments: once, uncovered: [uncovered])).map(\.rule))
        #expect(!rulesOnce.contains("daily rest"))
        let rulesTwice = Set(RosterChecker(scenario: scenario).check(Roster(assignments: twice, uncovered: [])).map(\.rule))
        #expect(rulesTwice.contains("daily rest"))
    }

    /// A scenario whose `history.roster_file` holds `rows` (after a roster.csv header).
    func withHistory(_ rows: [String], sessions: String, attends: String, staff: String = "  s1: {level: mbo3, contract_hours: 40, max_hours: 48}\n  s2: {level: mbo3, contract_hours: 40, max_hours: 48}",
                     counts: String = "") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zorgrooster-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("roster.csv")
        let header = "date,day,start,end,staff_id,staff_name,activity,location,area,clients,product,role,ref"
        try ([header] + rows).joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return tinyScenario(sessions: sessions, staff: staff, clients: clientLines(2, attends: attends),
                            extra: "history:\n  roster_file: \(file.path)\n\(counts)")
    }

    @Test("Last Sunday's night (ending Monday 07:00) keeps its worker out of Monday's early shift and 14 h after it")
    func nightIntoMonday() throws {
        // 2026-W12 starts on Monday 16 March; Sunday 15 March 23:00 – 07:00.
        let yaml = try withHistory(["2026-03-15,sun,23:00,07:00,s1,s1,group,huis,1000,c1,dag,professional,nacht"],
                                   sessions: "      - {name: vroeg, days: mon, from: \"07:00\", to: \"15:00\"}\n      - {name: avond, days: mon, from: \"17:00\", to: \"23:00\"}",
                                   attends: "[mon vroeg, mon avond]", staff: "  s1: {level: mbo3, contract_hours: 40}")
        let (scenario, outcome) = try planChecked(yaml)
        #expect(scenario.history.priorWork[StaffID("s1")] == [WeekInterval(start: -60, end: 420)])
        #expect(outcome.roster.assignments.isEmpty, "\(outcome.roster.assignments.map(\.ref))")
        #expect(outcome.roster.uncovered.count == 2)
        // Without the history both are worked (no rest after a night is due).
        let (_, free) = try planChecked(tinyScenario(sessions: "      - {name: vroeg, days: mon, from: \"07:00\", to: \"15:00\"}\n      - {name: avond, days: mon, from: \"17:00\", to: \"23:00\"}",
                                                    staff: "  s1: {level: mbo3, contract_hours: 40, max_hours: 48}", clients: clientLines(2, attends: "[mon vroeg, mon avond]")))
        #expect(free.roster.assignments.count == 1, "an early and an evening on one day are one 16 h shift")
    }

    @Test("Nights Friday to Sunday in the history ask 46 h rest: no Monday day shift for that person, the colleague takes it")
    func nightSeriesAcrossTheWeekStart() throws {
        let nights = ["2026-03-13,fri", "2026-03-14,sat", "2026-03-15,sun"].map { "\($0),23:00,07:00,s1,s1,group,huis,1000,c1,dag,professional,nacht" }
        let yaml = try withHistory(nights, sessions: "      - {name: dag, days: [mon, tue], from: \"15:00\", to: \"23:00\"}",
                                   attends: "[mon dag, tue dag]")
        let (_, outcome) = try planChecked(yaml)
        #expect(outcome.roster.uncovered.isEmpty)
        // Monday 15:00 is 32 h after Monday 07:00: s1 may not; Tuesday 15:00 is 56 h after: s1 may.
        #expect(outcome.workers(on: .mon, "dag", in: try ScenarioLoader.parse(yaml, file: "h.yaml")) == ["s2"])
    }

    @Test("36 night shifts in the 16 weeks before: no night this week; with 35, one")
    func nightCount() throws {
        let sessions = "      - {name: nacht, days: [mon, wed], from: \"23:00\", to: \"07:00\"}"
        let full = try withHistory([], sessions: sessions, attends: "[mon nacht, wed nacht]", staff: "  s1: {level: mbo3, contract_hours: 40}",
                                   counts: "  night_shifts_16_weeks: {s1: 36}")
        let (_, none) = try planChecked(full)
        #expect(none.roster.assignments.isEmpty)
        #expect(none.uncovered(.staffing).first?.reason.text.contains("max_night_shifts_16_weeks") == true, "\(none.uncovered(.staffing).first?.reason.text ?? "")")
        let almost = try withHistory([], sessions: sessions, attends: "[mon nacht, wed nacht]", staff: "  s1: {level: mbo3, contract_hours: 40}",
                                     counts: "  night_shifts_16_weeks: {s1: 35}")
        let (_, one) = try planChecked(almost)
        #expect(one.roster.assignments.count == 1)
    }

    @Test("A history file that is not a roster, or names a count for an unknown person, is bad input with its place")
    func badHistory() throws {
        let yaml = try withHistory(["yesterday,mon,7,15,s1"], sessions: "      - {name: dag, days: mon, from: \"09:00\", to: \"17:00\"}",
                                   attends: "[mon dag]", counts: "  night_shifts_16_weeks: {s9: 3}")
        let issues: [ScenarioIssue]
        do {
            _ = try ScenarioLoader.parse(yaml, file: "h.yaml")
            issues = []
        } catch {
            issues = error.issues
        }
        #expect(issues.contains { $0.location.line == 2 && $0.problem.contains("not a valid date") }, "\(issues)")
        #expect(issues.contains { $0.problem.contains("`s9` is not a staff member") }, "\(issues)")
    }
}

/// A period of several weeks, planned week after week (issue 11).
@Suite("A period of weeks")
struct PlanningPeriodTests {
    @Test("Week two sees week one: whoever works Sunday night does not work Monday's early shift; each week checks")
    func sundayNightIntoTheNextWeek() throws {
        let sessions = """
              - {name: nacht, days: sun, from: "23:00", to: "07:00"}
              - {name: vroeg, days: mon, from: "07:00", to: "15:00"}
        """
        let yaml = tinyScenario(sessions: sessions, staff: "  s1: {level: mbo3, contract_hours: 8}\n  s2: {level: mbo3, contract_hours: 8}",
                                clients: clientLines(2, attends: "[sun nacht, mon vroeg]"), extra: "weeks: 2")
        let scenario = try ScenarioLoader.parse(yaml, file: "period.yaml")
        #expect(scenario.weeks == 2)
        let first = try RosterPlanner(solver: GLPKSolver()).plan(scenario, options: PlanningOptions(timeLimitSeconds: 20, relativeGap: 0))
        let second = PlanningPeriod.week(1, of: scenario, after: [first.roster])
        #expect(second.week.description == "2026-W13")
        let night = try #require(first.roster.assignments.first { $0.ref == "nacht" })
        #expect(second.history.priorWork[night.staff]?.contains(WeekInterval(start: -60, end: 420)) == true)
        let outcome = try RosterPlanner(solver: GLPKSolver()).plan(second, options: PlanningOptions(timeLimitSeconds: 20, relativeGap: 0))
        #expect(RosterChecker(scenario: second).check(outcome.roster).isEmpty)
        let early = try #require(outcome.roster.assignments.first { $0.ref == "vroeg" && $0.interval.start < 1440 })
        #expect(early.staff != night.staff, "the Sunday night's worker is busy until 07:00 and rests 14 h")
        // The checker sees the same across the boundary: that person on Monday is refused.
        let moved = RosterAssignment(staff: night.staff, activity: early.activity, interval: early.interval, location: early.location, area: early.area,
                                     clients: early.clients, products: early.products, role: early.role, ref: early.ref)
        let others = outcome.roster.assignments.filter { $0 != early }
        let broken = RosterChecker(scenario: second).check(Roster(assignments: others + [moved], uncovered: outcome.roster.uncovered,
                                                                  responsibilities: outcome.roster.responsibilities))
        // Straight after the night it is one 16 h night shift with last week's part.
        #expect(broken.contains { $0.rule == "night shift length" && $0.message.contains("2026-03-22 23:00") }, "\(broken)")
    }

    @Test("Over four weeks the 55 h average caps the fourth week by what the first three used")
    func averageWeek() throws {
        let yaml = tinyScenario(sessions: "      - {name: dag, days: mon-fri, from: \"07:00\", to: \"19:00\"}",
                                staff: "  s1: {level: mbo3, contract_hours: 60, max_hours: 60}",
                                clients: clientLines(2, attends: "[mon dag, tue dag, wed dag, thu dag, fri dag]"),
                                labour: "labour_rules: {max_week_hours: 60, breaks: []}", extra: "weeks: 4")
        let scenario = try ScenarioLoader.parse(yaml, file: "period.yaml")
        var rosters: [Roster] = []
        for index in 0..<4 {
            let week = PlanningPeriod.week(index, of: scenario, after: rosters)
            let outcome = try RosterPlanner(solver: GLPKSolver()).plan(week, options: PlanningOptions(timeLimitSeconds: 20, relativeGap: 0))
            #expect(RosterChecker(scenario: week).check(outcome.roster).isEmpty)
            rosters.append(outcome.roster)
        }
        let hours = rosters.map { $0.assignments.reduce(0) { $0 + $1.interval.hours } }
        #expect(hours.prefix(3).allSatisfy { $0 == 60 }, "\(hours)")
        // 4 × 55 = 220 h over the four weeks: 40 h are left for the fourth.
        #expect(hours[3] == 36, "three 12 h days fit in 40 h: \(hours)")
    }
}

/// Sleeping shifts (`kind: sleep`, SCENARIO.md 1.1).
@Suite("Sleeping shifts")
struct SleepingShiftTests {
    func sessions(sleep: Bool, early: Bool = false) -> String {
        """
              - {name: laat, days: mon, from: "15:00", to: "23:00"}
              - {name: slaap, days: mon, from: "23:00", to: "07:00"\(sleep ? ", kind: sleep" : "")}
        \(early ? "      - {name: avond, days: tue, from: \"16:00\", to: \"22:00\"}" : "")
        """
    }

    @Test("A late shift then the sleeping shift by one person is allowed; awake, it would be a 16 h night shift")
    func lateThenSleep() throws {
        let staff = "  s1: {level: mbo3, contract_hours: 16}"
        let clients = clientLines(2, attends: "[mon laat, mon slaap]")
        let (_, asleep) = try planChecked(tinyScenario(sessions: sessions(sleep: true), staff: staff, clients: clients))
        #expect(asleep.roster.assignments.count == 2)
        let (_, awake) = try planChecked(tinyScenario(sessions: sessions(sleep: false), staff: staff, clients: clients))
        #expect(awake.roster.assignments.count == 1)
    }

    @Test("After the sleeping duty 11 h of rest, never shortened: no evening shift 9 h after it for the same person")
    func restAfterSleep() throws {
        let staff = "  s1: {level: mbo3, contract_hours: 24}"
        let clients = clientLines(2, attends: "[mon laat, mon slaap, tue avond]")
        let (_, outcome) = try planChecked(tinyScenario(sessions: sessions(sleep: true, early: true), staff: staff, clients: clients))
        #expect(outcome.roster.assignments.count == 2, "\(outcome.roster.assignments.map(\.ref))")
        let short = try #require(outcome.uncovered(.staffing).first)
        #expect(short.reason.causes.contains { $0.violation == .restAfterSleepShift(hours: 11) || $0.violation == .sleepDutyTooLong }, "\(short.reason.text)")
    }

    @Test("Around a sleeping shift the awake work keeps the shift length: sleep, then early and late the next day (16 h awake) is refused")
    func awakeWorkAroundSleep() throws {
        let sessions = """
              - {name: slaap, days: mon, from: "23:00", to: "07:00", kind: sleep}
              - {name: vroeg, days: tue, from: "07:00", to: "15:00"}
              - {name: laat, days: tue, from: "15:00", to: "23:00"}
        """
        let yaml = tinyScenario(sessions: sessions, staff: "  s1: {level: mbo3, contract_hours: 32}",
                                clients: clientLines(2, attends: "[mon slaap, tue vroeg, tue laat]"), labour: "labour_rules: {max_shift_hours: 10}")
        let scenario = try ScenarioLoader.parse(yaml, file: "tiny.yaml")
        let work = scenario.groupSessions.sorted { $0.interval < $1.interval }.map {
            TimedWork(interval: $0.interval, area: "1000", label: $0.slot.name, isSleep: $0.kind == .sleep, isGroupSession: true)
        }
        let oracle = WorkingWeek(staff: scenario.sortedStaff[0], scenario: scenario)
        #expect(oracle.violation(work, coordinationMinutes: 0) == .shiftTooLong(limitHours: 10))
        #expect(oracle.violation(Array(work.prefix(2)), coordinationMinutes: 0) == nil, "sleep then the early shift: 16 h duty, 7.5 h awake")
        let (_, outcome) = try planChecked(yaml)
        #expect(outcome.roster.assignments.count == 2, "\(outcome.roster.assignments.map(\.ref))")
        // The checker refuses all three.
        let rows = work.map { piece in
            RosterAssignment(staff: StaffID("s1"), activity: .group, interval: piece.interval, location: LocationID("huis"), area: "1000",
                             clients: [ClientID("c1"), ClientID("c2")], products: [ProductID("dag")], role: .professional, ref: piece.label!)
        }
        let violations = RosterChecker(scenario: scenario).check(Roster(assignments: rows, uncovered: []))
        #expect(violations.contains { $0.rule == "shift length" }, "\(violations)")
    }
}
