import CareDomain
import GLPKSolver
import Planning
import RosterCheck
import ScenarioFormat
import Testing

/// Breaks (ATW 5:4, `labour_rules.breaks`) and `sleep_hours_factor`: working time, not presence,
/// is what the hours, the shift lengths and the cost see (SCENARIO.md 1.1).
@Suite("Breaks and working time")
struct BreakRuleTests {
    let atw = LabourRules().breaks

    @Test("The least break the Act allows: pauses in gaps count, and work cut back under a threshold needs no more")
    func leastBreak() {
        #expect(WorkingTime.breakMinutes(work: 330, pauses: 0, rules: atw) == 0, "5.5 h is not more than 5.5 h")
        #expect(WorkingTime.breakMinutes(work: 345, pauses: 0, rules: atw) == 15, "5 h 45: 15 min off leaves 5.5 h of work")
        #expect(WorkingTime.breakMinutes(work: 480, pauses: 0, rules: atw) == 30)
        #expect(WorkingTime.breakMinutes(work: 480, pauses: 60, rules: atw) == 0, "the lunch gap is the break")
        #expect(WorkingTime.breakMinutes(work: 480, pauses: 15, rules: atw) == 15)
        #expect(WorkingTime.breakMinutes(work: 615, pauses: 0, rules: atw) == 30, "10 h 15 with 30 min works 9 h 45")
        #expect(WorkingTime.breakMinutes(work: 660, pauses: 0, rules: atw) == 45)
        #expect(WorkingTime.breakMinutes(work: 660, pauses: 30, rules: atw) == 15)
        #expect(WorkingTime.breakMinutes(work: 660, pauses: 0, rules: []) == 0)
    }

    @Test("Working time never falls as work is added to a shift")
    func monotone() {
        for pauses in [0, 15, 30] {
            var last = 0
            for work in stride(from: 0, through: 900, by: 5) {
                let working = work - WorkingTime.breakMinutes(work: work, pauses: pauses, rules: atw)
                #expect(working >= last, "work \(work), pauses \(pauses)")
                last = working
            }
        }
    }

    static let twoDays = """
          - {name: dag, days: mon-tue, from: "08:00", to: "16:00"}
    """

    @Test("Two 8 h days fit max_hours 15 because each holds a 30-minute break; without breaks only one does")
    func hoursWithoutBreaks() throws {
        let staff = "  s1: {level: mbo3, contract_hours: 15}"
        let clients = clientLines(2, attends: "[mon dag, tue dag]")
        // The lone worker's break is working time by default; here a colleague nearby relieves them.
        let relieved = "labour_rules: {lone_duty_breaks: unpaid}"
        let (scenario, outcome) = try planChecked(tinyScenario(sessions: Self.twoDays, staff: staff, clients: clients, labour: relieved))
        #expect(outcome.roster.assignments.count == 2)
        #expect(scenario.workingMinutes(of: outcome.roster)[StaffID("s1")] == 900)
        #expect(outcome.summary.breakHours == 1)
        #expect(outcome.summary.workingHours == 15)
        let noBreaks = tinyScenario(sessions: Self.twoDays, staff: staff, clients: clients, labour: "labour_rules: {breaks: [], lone_duty_breaks: unpaid}")
        let (strict, single) = try planChecked(noBreaks)
        #expect(single.roster.assignments.count == 1)
        #expect(single.uncovered(.staffing).first?.reason.causes.contains { if case .hoursLimit = $0.violation { true } else { false } } == true)
        // The checker counts the same way: the two-day roster breaks max_hours without breaks.
        #expect(RosterChecker(scenario: strict).check(outcome.roster).contains { $0.rule == "max hours" })
    }

    @Test("max_shift_hours limits working time: 07:00–19:30 is 11 h 45 of work, 07:00–20:00 is 12 h 15")
    func shiftLengthIsWorkingTime() throws {
        let staff = "  s1: {level: mbo3, contract_hours: 24}"
        let fits = "      - {name: lang, days: mon, from: \"07:00\", to: \"19:30\"}"
        let relieved = "labour_rules: {lone_duty_breaks: unpaid}"
        let (_, long) = try planChecked(tinyScenario(sessions: fits, staff: staff, clients: clientLines(2, attends: "[mon lang]"), labour: relieved))
        #expect(long.roster.assignments.count == 1)
        // Alone and unrelieved, the 30-minute break is working time: 12 h 30, too long.
        let (_, lone) = try planChecked(tinyScenario(sessions: fits, staff: staff, clients: clientLines(2, attends: "[mon lang]")))
        #expect(lone.roster.assignments.isEmpty)
        let tooLong = "      - {name: lang, days: mon, from: \"07:00\", to: \"20:00\"}"
        let (_, refused) = try planChecked(tinyScenario(sessions: tooLong, staff: staff, clients: clientLines(2, attends: "[mon lang]"), labour: relieved))
        #expect(refused.roster.assignments.isEmpty)
    }

    @Test("A session the model counts alone, joined by a gap to another, needs no break: the oracle takes the second out")
    func modelEstimateRepaired() throws {
        // 08:00–14:30 alone works 6 h (30 min break); with 15:00–18:00 after a 30-minute gap the
        // break lies in the gap, so both make 9 h 30 of work: more than max_hours 9.
        let sessions = """
              - {name: lang, days: mon, from: "08:00", to: "14:30"}
              - {name: laat, days: mon, from: "15:00", to: "18:00"}
        """
        let staff = "  s1: {level: mbo3, contract_hours: 9}"
        let (scenario, outcome) = try planChecked(tinyScenario(sessions: sessions, staff: staff, clients: clientLines(2, attends: "[mon lang, mon laat]")))
        #expect(outcome.roster.assignments.count == 1)
        #expect((scenario.workingMinutes(of: outcome.roster)[StaffID("s1")] ?? 0) <= 540)
    }

    @Test("A sleeping shift counts with sleep_hours_factor: late 15–23 and sleep 23–07 at 0.5 work 7.5 + 4 h")
    func sleepFactor() throws {
        let sessions = """
              - {name: laat, days: mon, from: "15:00", to: "23:00"}
              - {name: slaap, days: mon, from: "23:00", to: "07:00", kind: sleep}
        """
        let staff = "  s1: {level: mbo3, contract_hours: 12}"
        let clients = clientLines(2, attends: "[mon laat, mon slaap]")
        let (scenario, half) = try planChecked(tinyScenario(sessions: sessions, staff: staff, clients: clients, labour: "labour_rules: {sleep_hours_factor: 0.5, lone_duty_breaks: unpaid}"))
        #expect(half.roster.assignments.count == 2)
        #expect(scenario.workingMinutes(of: half.roster)[StaffID("s1")] == 690)
        let (_, full) = try planChecked(tinyScenario(sessions: sessions, staff: staff, clients: clients))
        #expect(full.roster.assignments.count == 1, "15.5 h of working time is more than 12")
    }

    @Test("breaks and sleep_hours_factor are read and refused where they cannot be meant")
    func reading() throws {
        let scenario = try ScenarioLoader.parse(tinyScenario(staff: "  s1: {level: mbo3, contract_hours: 8}", clients: clientLines(1),
                                                             labour: "labour_rules: {breaks: [{after_hours: 4, minutes: 15}], sleep_hours_factor: 0.25}"),
                                                file: "s.yaml")
        #expect(scenario.labourRules.breaks == [BreakRule(afterMinutes: 240, minutes: 15)])
        #expect(scenario.labourRules.sleepHoursFactor == 0.25)
        let bad = tinyScenario(staff: "  s1: {level: mbo3, contract_hours: 8}", clients: clientLines(1),
                               labour: "labour_rules: {breaks: [{after_hours: 4, minutes: 300}], sleep_hours_factor: 2}")
        let issues: [ScenarioIssue]
        do { _ = try ScenarioLoader.parse(bad, file: "s.yaml"); issues = [] } catch { issues = error.issues }
        #expect(issues.contains { $0.problem.contains("break of 300 min") })
        #expect(issues.contains { $0.problem.contains("sleep_hours_factor 2") })
    }
}

/// A lone worker's break (issue "Working Hours Act to the letter", item 4): nobody relieves the
/// one person in a house at night, so the break is working time, in hours and in cost.
@Suite("Breaks of a lone worker")
struct LoneWorkerBreakTests {
    @Test("Alone on a 9-h night: 9 h of working time; two on duty: 8.5 h each, the break relieved")
    func loneNight() throws {
        let sessions = "      - {name: nacht, days: mon, from: \"22:00\", to: \"07:00\", min_staff: 1}"
        let (scenario, alone) = try planChecked(tinyScenario(sessions: sessions, staff: "  s1: {level: mbo3, contract_hours: 36}",
                                                             clients: clientLines(2, attends: "[mon nacht]")))
        #expect(scenario.loneDutyKeys.count == 1)
        #expect(scenario.workingMinutes(of: alone.roster)[StaffID("s1")] == 540)
        #expect(scenario.breakMinutes(of: alone.roster)[StaffID("s1")] == 0)
        // Six clients at 1:5 ask two: each may be relieved, so each takes the half hour out.
        let staff = "  s1: {level: mbo3, contract_hours: 36}\n  s2: {level: mbo3, contract_hours: 36}"
        let (pair, together) = try planChecked(tinyScenario(sessions: sessions, staff: staff, clients: clientLines(6, attends: "[mon nacht]")))
        #expect(pair.loneDutyKeys.isEmpty)
        #expect(pair.workingMinutes(of: together.roster).values.sorted() == [510, 510])
    }
}
