import CareDomain
import Foundation
import GLPKSolver
import Planning
import RosterCheck
import ScenarioFormat
import Testing

/// The Working Hours Act's rules that look back, in a plan of any length (SCENARIO.md 1.2), with
/// hand-worked answers.
@Suite("Working Hours Act over weeks")
struct WorkingHoursActTests {
    /// Two 8-h shifts a day, every day; no breaks, so hours are presence.
    static let dayAndLate = """
          - {name: vroeg, days: mon-sun, from: "07:00", to: "15:00"}
          - {name: laat, days: mon-sun, from: "15:00", to: "23:00"}
    """
    static let everyShift = clientLines(2, attends: "[" + ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].flatMap { ["\($0) vroeg", "\($0) laat"] }.joined(separator: ", ") + "]")

    func shift(_ day: Int, _ from: Int, _ to: Int, _ ref: String, staff: String = "s1") -> RosterAssignment {
        RosterAssignment(staff: StaffID(staff), activity: .group, interval: WeekInterval(start: day * 1440 + from, end: day * 1440 + to),
                         location: LocationID("huis"), area: "1000", clients: [ClientID("c1"), ClientID("c2")],
                         products: [ProductID("dag")], role: .professional, ref: ref)
    }

    func workedHours(_ outcome: PlanOutcome, _ id: String) -> Double {
        outcome.roster.assignments.filter { $0.staff.rawValue == id }.reduce(0) { $0 + $1.interval.hours }
    }

    /// Nights Monday and Thursday, a late shift the day after each: a late after a night rests 8 h.
    static let nightsAndLates = """
          - {name: nacht, days: mon, from: "23:00", to: "07:00"}
          - {name: nacht, days: thu, from: "23:00", to: "07:00"}
          - {name: laat, days: tue, from: "15:00", to: "23:00"}
          - {name: laat, days: fri, from: "15:00", to: "23:00"}
    """

    @Test("shortened_rest_after_night_hours: 8 (ATW 5:8): a night then a late 8 h later once in 7×24 h, not twice; without it, never")
    func shortenedRestAfterNight() throws {
        let staff = "  s1: {level: mbo3, contract_hours: 40, max_hours: 40}"
        let clients = clientLines(2, attends: "[mon nacht, thu nacht, tue laat, fri laat]")
        let allowed = tinyScenario(sessions: Self.nightsAndLates, staff: staff, clients: clients,
                                   labour: "labour_rules: {shortened_rest_after_night_hours: 8, breaks: []}")
        let (scenario, outcome) = try planChecked(allowed)
        let worked = outcome.roster.assignments.filter { $0.staff == StaffID("s1") }
        #expect(worked.count == 3, "one night followed by a late, once: \(worked.map(\.ref))")
        // Without the allowance the rest after a night is 14 h: two of the four at most.
        let (_, strict) = try planChecked(allowed.replacingOccurrences(of: "shortened_rest_after_night_hours: 8, ", with: ""))
        #expect(strict.roster.assignments.filter { $0.staff == StaffID("s1") }.count == 2)
        // The checker refuses both pairs in one week, and a 7-h rest even once.
        func row(_ ref: String, start: Int, minutes: Int = 480) -> RosterAssignment {
            RosterAssignment(staff: StaffID("s1"), activity: .group, interval: WeekInterval(start: start, end: start + minutes), location: LocationID("huis"),
                             area: nil, clients: [ClientID("c1"), ClientID("c2")], products: [ProductID("dag")], role: .professional, ref: ref)
        }
        let all = [row("nacht", start: 23 * 60), row("laat", start: 1440 + 15 * 60), row("nacht", start: 3 * 1440 + 23 * 60), row("laat", start: 4 * 1440 + 15 * 60)]
        let twice = RosterChecker(scenario: scenario).check(Roster(assignments: all, uncovered: []))
        #expect(twice.contains { $0.rule == "rest after night" && $0.message.contains("second shortened rest") }, "\(twice)")
        let once = RosterChecker(scenario: scenario).check(Roster(assignments: Array(all.prefix(3)), uncovered: []))
        #expect(!once.contains { $0.rule == "rest after night" }, "\(once)")
    }

    @Test("After three history weeks of 60 h, a one-week plan rosters at most 40 h (55 h over 4 weeks, ATW 5:7)")
    func fourWeekAverageWithHistory() throws {
        let staff = "  s1: {level: mbo3, contract_hours: 60, max_hours: 60}"
        let labour = "labour_rules: {breaks: []}"
        let (_, fresh) = try planChecked(tinyScenario(sessions: Self.dayAndLate, staff: staff, clients: Self.everyShift, labour: labour))
        // Without history: six days (the weekly rest of 36 h takes the seventh), 48 h.
        #expect(workedHours(fresh, "s1") == 48)
        let yaml = tinyScenario(sessions: Self.dayAndLate, staff: staff, clients: Self.everyShift, labour: labour,
                                extra: "history: {week_hours: {s1: [60, 60, 60]}}")
        let (scenario, tired) = try planChecked(yaml)
        #expect(scenario.history.weekMinutes[StaffID("s1")] == [3600, 3600, 3600])
        #expect(workedHours(tired, "s1") == 40)
        #expect(tired.roster.uncovered.contains { $0.reason.text.contains("average over 4 weeks") })
        // The checker names the average, not max_hours, for the six-day week.
        let violations = RosterChecker(scenario: scenario).check(fresh.roster)
        #expect(violations.contains { $0.rule == "average week hours" && $0.message.contains("max_average_week_hours") })
        #expect(!violations.contains { $0.rule == "max hours" })
    }

    @Test("48 h over 16 weeks (ATW 5:7): fifteen weeks of 50 h leave 30 h")
    func sixteenWeekAverage() throws {
        let staff = "  s1: {level: mbo3, contract_hours: 60, max_hours: 60}"
        let (_, outcome) = try planChecked(tinyScenario(sessions: Self.dayAndLate, staff: staff, clients: Self.everyShift,
                                                        labour: "labour_rules: {breaks: []}",
                                                        extra: "history: {week_hours: {s1: [\(Array(repeating: "50", count: 15).joined(separator: ", "))]}}"))
        // 16 × 48 − 15 × 50 = 18 h: two shifts of 8 h.
        #expect(workedHours(outcome, "s1") == 16)
    }

    @Test("Every hour of a sleeping shift counts against max_week_hours; sleep_hours_factor only for contract hours")
    func sleepingShiftIsWorkingTime() throws {
        let sessions = """
              - {name: dag, days: mon-thu, from: "08:00", to: "20:00"}
              - {name: slaap, days: fri, from: "20:00", to: "10:00", kind: sleep}
        """
        let clients = clientLines(2, attends: "[mon dag, tue dag, wed dag, thu dag, fri slaap]")
        let staff = "  s1: {level: mbo3, contract_hours: 60, max_hours: 60}"
        let (scenario, outcome) = try planChecked(tinyScenario(sessions: sessions, staff: staff, clients: clients,
                                                               labour: "labour_rules: {breaks: [], sleep_hours_factor: 0.5}"))
        // Four 12-h days and a 14-h sleeping duty: 62 h of working time, so one duty is left.
        #expect(outcome.roster.assignments.count == 4)
        #expect(outcome.roster.uncovered.filter { $0.kind == .staffing }.count == 1)
        // The checker refuses all five, by the week's limit, though the contract hours are 55.
        let all = outcome.roster.assignments + [shift(4, 20 * 60, 34 * 60, "slaap", staff: "s1")]
        let violations = RosterChecker(scenario: scenario).check(Roster(assignments: all, uncovered: []))
        #expect(violations.contains { $0.rule == "week hours" })
        #expect(!violations.contains { $0.rule == "max hours" })
    }

    @Test("72 h in 14×24 h sees the history week: after a week without a 32 h rest, at most 5 of 7 days")
    func twoWeekRestWithHistory() throws {
        let sessions = "      - {name: dag, days: mon-sun, from: \"08:00\", to: \"16:00\"}"
        let clients = clientLines(2, attends: "[mon dag, tue dag, wed dag, thu dag, fri dag, sat dag, sun dag]")
        let staff = "  s1: {level: mbo3, contract_hours: 60, max_hours: 60}"
        var scenario = try ScenarioLoader.parse(tinyScenario(sessions: sessions, staff: staff, clients: clients,
                                                             labour: "labour_rules: {weekly_rest: 72h-per-14-days}"), file: "s.yaml")
        let fresh = try RosterPlanner(solver: GLPKSolver()).plan(scenario, options: PlanningOptions(timeLimitSeconds: 20, relativeGap: 0))
        #expect(fresh.roster.assignments.count == 7)
        scenario.history.priorWork[StaffID("s1")] = (0..<7).map { WeekInterval(start: -7 * 1440 + $0 * 1440 + 480, end: -7 * 1440 + $0 * 1440 + 960) }
        let outcome = try RosterPlanner(solver: GLPKSolver()).plan(scenario, options: PlanningOptions(timeLimitSeconds: 20, relativeGap: 0))
        #expect(outcome.roster.assignments.count == 5)
        #expect(RosterChecker(scenario: scenario).check(outcome.roster).isEmpty)
        #expect(RosterChecker(scenario: scenario).check(fresh.roster).contains { $0.rule == "weekly rest" })
    }

    @Test("history.week_hours is read and refused where it cannot be meant")
    func weekHoursRead() throws {
        let staff = "  s1: {level: mbo3, contract_hours: 36}"
        let bad = tinyScenario(staff: staff, clients: clientLines(2), extra: "history: {week_hours: {s1: [38, 200], s9: [1]}}")
        let issues: [ScenarioIssue]
        do { _ = try ScenarioLoader.parse(bad, file: "s.yaml"); issues = [] } catch { issues = error.issues }
        #expect(issues.contains { $0.problem.contains("s9") })
        #expect(issues.contains { $0.problem.contains("200") })
        let rules = try ScenarioLoader.parse(tinyScenario(staff: staff, clients: clientLines(2),
                                                          labour: "labour_rules: {max_average_week_hours_16_weeks: none, night_worker_average_week_hours: {hours: 38}}"),
                                             file: "s.yaml").labourRules
        #expect(rules.longAverage == nil)
        #expect(rules.nightWorkerAverage?.minutes == 38 * 60 && rules.nightWorkerAverage?.weeks == 16)
    }

    @Test("Nights on Monday, Wednesday and Friday are no series as the Act reads it; the stricter reading asks 46 h after Friday")
    func nightSeriesReading() throws {
        let sessions = """
              - {name: nacht, days: mon, from: "23:00", to: "07:00"}
              - {name: nacht2, days: wed, from: "23:00", to: "07:00"}
              - {name: nacht3, days: fri, from: "23:00", to: "07:00"}
              - {name: vroeg, days: sun, from: "08:00", to: "16:00"}
        """
        let clients = clientLines(2, attends: "[mon nacht, wed nacht2, fri nacht3, sun vroeg]")
        let staff = "  s1: {level: mbo3, contract_hours: 40, max_hours: 40}"
        let (_, act) = try planChecked(tinyScenario(sessions: sessions, staff: staff, clients: clients))
        #expect(act.roster.assignments.count == 4)
        let (scenario, strict) = try planChecked(tinyScenario(sessions: sessions, staff: staff, clients: clients, labour: "labour_rules: {night_series: within-rest}"))
        #expect(strict.roster.assignments.count == 3)
        #expect(RosterChecker(scenario: scenario).check(act.roster).contains { $0.rule == "rest after night series" })
    }

    @Test("Free weekends a year (min_free_weekends_52_weeks), the history's weekends counted")
    func freeWeekendsAYear() throws {
        let sessions = "      - {name: dag, days: fri-sun, from: \"09:00\", to: \"15:00\"}"
        let clients = clientLines(2, attends: "[fri dag, sat dag, sun dag]")
        let staff = "  s1: {level: mbo3, contract_hours: 36}"
        func planned(_ worked: Int) throws -> (Scenario, PlanOutcome) {
            try planChecked(tinyScenario(sessions: sessions, staff: staff, clients: clients, labour: "labour_rules: {min_free_weekends_52_weeks: 26}",
                                         extra: "history: {weekends_worked_52_weeks: {s1: \(worked)}}"))
        }
        let (_, room) = try planned(25)
        #expect(room.roster.assignments.count == 3)
        let (scenario, full) = try planned(26)
        #expect(full.roster.assignments.map(\.ref) == ["dag"])
        #expect(full.uncovered(.staffing).first?.reason.text.contains("free weekends") == true)
        #expect(RosterChecker(scenario: scenario).check(room.roster).contains { $0.rule == "free weekends" })
    }
}
