import CareDomain
import GLPKSolver
import Planning
import RosterCheck
import ScenarioFormat
import Testing

/// Wishes, fairness and key workers (SCENARIO.md 1.1): soft, with known answers.
@Suite("Wishes, fairness, the same faces")
struct WishAndFairnessTests {
    @Test("A day off wished is honoured when a colleague can take the day, and overridden (met=false) when care would be uncovered")
    func dayOffWish() throws {
        let sessions = "      - {name: dag, days: wed, from: \"09:00\", to: \"15:00\"}"
        let clients = clientLines(2, attends: "[wed dag]")
        let wish = "wishes: [{date: 2026-03-18, off: true, weight: 5}]"
        // s1 is cheaper, so without the wish s1 would work; with it s2 does.
        let both = "  s1: {level: mbo3, contract_hours: 8, hourly_cost: 30, \(wish)}\n  s2: {level: mbo3, contract_hours: 8, hourly_cost: 45}"
        let (scenario, honoured) = try planChecked(tinyScenario(sessions: sessions, staff: both, clients: clients))
        #expect(honoured.workers(on: .wed, "dag", in: scenario) == ["s2"])
        #expect(RosterPreferences.wishes(scenario, roster: honoured.roster).map(\.met) == [true])
        // Alone, s1 works: care outweighs the wish, and the wish is reported unmet.
        let alone = "  s1: {level: mbo3, contract_hours: 8, \(wish)}"
        let (lonely, overridden) = try planChecked(tinyScenario(sessions: sessions, staff: alone, clients: clients))
        #expect(overridden.roster.uncovered.isEmpty)
        let results = RosterPreferences.wishes(lonely, roster: overridden.roster)
        #expect(results.count == 1 && results[0].met == false && results[0].date.description == "2026-03-18")
        #expect(OutputFiles.wishesCSV(overridden.roster, scenario: lonely) == "staff_id,date,what,weight,met\ns1,2026-03-18,off,5,false\n")
    }

    @Test("Two people with equal contracts and four weekend sessions: fairness splits them 2–2 (two flex workers without it: the cheaper takes all)")
    func weekendsSplitEvenly() throws {
        let sessions = "      - {name: dag, days: [sat, sun], from: \"09:00\", to: \"13:00\"}\n      - {name: avond, days: [sat, sun], from: \"14:00\", to: \"18:00\"}"
        let clients = clientLines(2, attends: "[sat dag, sun dag, sat avond, sun avond]")
        let staff = "  s1: {level: mbo3, contract_hours: 24, hourly_cost: 30}\n  s2: {level: mbo3, contract_hours: 24, hourly_cost: 45}"
        let fair = tinyScenario(sessions: sessions, staff: staff, clients: clients, labour: "settings: {fairness: [weekends]}\nlabour_rules: {split_shifts: true}")
        let (scenario, outcome) = try planChecked(fair)
        let counts = ["s1", "s2"].map { id in outcome.roster.assignments.filter { $0.staff == StaffID(id) }.count }
        #expect(counts == [2, 2], "\(counts)")
        let shares = try #require(RosterPreferences.fairness(scenario, roster: outcome.roster)[.weekends])
        #expect(shares.allSatisfy { $0.share == 2 && $0.deviation == 0 })
        // Without fairness, two flex workers: the cheaper takes all four.
        let flex = "  s1: {level: mbo3, contract: flex, max_hours: 24, hourly_cost: 30}\n  s2: {level: mbo3, contract: flex, max_hours: 24, hourly_cost: 45}"
        let (_, unfair) = try planChecked(tinyScenario(sessions: sessions, staff: flex, clients: clients, labour: "labour_rules: {split_shifts: true}"))
        #expect(unfair.roster.assignments.filter { $0.staff == StaffID("s1") }.count == 4)
    }

    @Test("Key workers first: the client's key worker works their session though a colleague is cheaper")
    func keyWorkers() throws {
        let staff = "  s1: {level: mbo3, contract_hours: 8, hourly_cost: 30}\n  s2: {level: mbo3, contract_hours: 8, hourly_cost: 40}"
        let clients = "  c1: {product: dag, location: huis, attends: [mon ochtend], key_workers: [s2]}\n  c2: {product: dag, location: huis, attends: [mon ochtend], key_workers: [s2]}"
        let (scenario, outcome) = try planChecked(tinyScenario(staff: staff, clients: clients))
        #expect(outcome.workers(on: .mon, "ochtend", in: scenario) == ["s2"])
    }

    @Test("A wish to avoid nights and a split shift without consent: the avoid wish steers who works, the split shift is refused")
    func avoidAndSplit() throws {
        let sessions = "      - {name: ochtend, days: mon, from: \"08:00\", to: \"11:00\"}\n      - {name: avond, days: mon, from: \"16:00\", to: \"19:00\"}"
        let clients = clientLines(2, attends: "[mon ochtend, mon avond]")
        let (_, refused) = try planChecked(tinyScenario(sessions: sessions, staff: "  s1: {level: mbo3, contract_hours: 6}", clients: clients))
        #expect(refused.roster.assignments.count == 1)
        #expect(refused.uncovered(.staffing).first?.reason.text.contains("split_shifts") == true, "\(refused.uncovered(.staffing).first?.reason.text ?? "")")
        let (_, consented) = try planChecked(tinyScenario(sessions: sessions, staff: "  s1: {level: mbo3, contract_hours: 6, split_shifts: true}", clients: clients))
        #expect(consented.roster.assignments.count == 2)
        let avoid = "  s1: {level: mbo3, contract_hours: 6, hourly_cost: 30, split_shifts: true, wishes: [{days: mon, session: avond, avoid: true, weight: 3}]}\n  s2: {level: mbo3, contract_hours: 6, hourly_cost: 40}"
        let (scenario, steered) = try planChecked(tinyScenario(sessions: sessions, staff: avoid, clients: clients))
        #expect(steered.workers(on: .mon, "avond", in: scenario) == ["s2"])
    }
}

/// Forward rotation preferred (issue 12): soft.
@Suite("Forward rotation")
struct RotationTests {
    @Test("Late Monday and early Tuesday go to two people when two can work; one person alone still takes both (one quick return a week)")
    func lateThenEarly() throws {
        let sessions = "      - {name: laat, days: mon, from: \"15:00\", to: \"23:00\"}\n      - {name: vroeg, days: tue, from: \"07:00\", to: \"15:00\"}"
        let clients = clientLines(2, attends: "[mon laat, tue vroeg]")
        let two = "  s1: {level: mbo3, contract_hours: 16, hourly_cost: 30}\n  s2: {level: mbo3, contract_hours: 16, hourly_cost: 30}"
        let (scenario, outcome) = try planChecked(tinyScenario(sessions: sessions, staff: two, clients: clients))
        #expect(outcome.workers(on: .mon, "laat", in: scenario) != outcome.workers(on: .tue, "vroeg", in: scenario))
        let (_, alone) = try planChecked(tinyScenario(sessions: sessions, staff: "  s1: {level: mbo3, contract_hours: 16}", clients: clients))
        #expect(alone.roster.assignments.count == 2)
    }
}

/// Fairness over a period of weeks (issue 12: fairness means most over four weeks).
@Suite("Fairness over a period")
struct PeriodFairnessTests {
    @Test("One weekend session a week for two equal colleagues: the cheaper takes week one, the other week two")
    func weekendsAcrossWeeks() throws {
        let yaml = tinyScenario(sessions: "      - {name: dag, days: sat, from: \"09:00\", to: \"15:00\"}",
                                staff: "  s1: {level: mbo3, contract_hours: 24, hourly_cost: 30}\n  s2: {level: mbo3, contract_hours: 24, hourly_cost: 45}",
                                clients: clientLines(2, attends: "[sat dag]"), labour: "settings: {fairness: [weekends]}", extra: "weeks: 2")
        let scenario = try ScenarioLoader.parse(yaml, file: "fair.yaml")
        var rosters: [Roster] = []
        for index in 0..<2 {
            let week = PlanningPeriod.week(index, of: scenario, after: rosters)
            let outcome = try RosterPlanner(solver: GLPKSolver()).plan(week, options: PlanningOptions(timeLimitSeconds: 20, relativeGap: 0))
            #expect(RosterChecker(scenario: week).check(outcome.roster).isEmpty)
            rosters.append(outcome.roster)
        }
        #expect(rosters.map { $0.assignments.map(\.staff.rawValue) } == [["s1"], ["s2"]])
    }
}
