import CareDomain
import Foundation
import GLPKSolver
import Planning
import ScenarioFormat
import Testing

/// SCENARIO.md 1.2's hours and money, with hand-worked answers.
@Suite("Hours and money")
struct HoursAndMoneyTests {
    /// Ten sessions of 3.5 h a week, each needing one professional (five clients each).
    static let tenSessions = """
          - {name: ochtend, days: mon-fri, from: "09:00", to: "12:30"}
          - {name: middag, days: mon-fri, from: "13:00", to: "16:30"}
    """
    static let tenSessionClients = (1...5).map { "  c\($0): {product: dag, location: huis, attends: [mon-fri ochtend, mon-fri middag]}" }
        .joined(separator: "\n")

    func hours(_ outcome: PlanOutcome) -> [String: Double] {
        var hours: [String: Double] = [:]
        for row in outcome.roster.assignments { hours[row.staff.rawValue, default: 0] += Double(row.interval.minutes) / 60 }
        return hours
    }

    @Test("Contracts 32/24/16/8 h and 35 h of sessions: about 14/10.5/7/3.5 h, whatever the hourly costs")
    func spreadByContract() throws {
        for costs in [[50.0, 40, 30, 20], [20.0, 30, 40, 50]] {
            let staff = zip(["a", "b", "c", "d"], zip([32, 24, 16, 8], costs)).map { id, pair in
                "  \(id): {level: mbo3, contract_hours: \(pair.0), hourly_cost: \(pair.1)}"
            }.joined(separator: "\n")
            let (_, outcome) = try planChecked(tinyScenario(sessions: Self.tenSessions, staff: staff,
                                                            clients: Self.tenSessionClients.replacingOccurrences(of: "mon-fri ochtend, mon-fri middag", with: "mon ochtend, tue ochtend, wed ochtend, thu ochtend, fri ochtend, mon middag, tue middag, wed middag, thu middag, fri middag")))
            #expect(outcome.roster.uncovered.isEmpty)
            let worked = hours(outcome)
            // 35 h of 115 h... each gets 35/80 of their contract, to the nearest session of 3.5 h.
            for (id, expected) in [("a", 14.0), ("b", 10.5), ("c", 7.0), ("d", 3.5)] {
                #expect(abs((worked[id] ?? 0) - expected) <= 3.5 + 1e-9, "\(id) works \(worked[id] ?? 0) h with costs \(costs)")
            }
            #expect((worked["a"] ?? 0) > (worked["d"] ?? 0))
        }
    }

    @Test("An agency worker is never rostered where a salaried person with room is free, however cheap")
    func agencyLast() throws {
        let staff = """
          s1: {level: mbo3, contract_hours: 36, hourly_cost: 45}
          a1: {level: mbo3, contract: agency, hourly_cost: 20}
          f1: {level: mbo3, contract: flex, max_hours: 20, hourly_cost: 25}
        """
        let (_, outcome) = try planChecked(tinyScenario(sessions: Self.tenSessions, staff: staff,
                                                        clients: clientLines(5, attends: "[mon ochtend, tue ochtend, wed middag]")))
        let worked = hours(outcome)
        #expect(worked["s1"] == 10.5)
        #expect(worked["a1"] == nil && worked["f1"] == nil)
        #expect(outcome.summary.pay.agency == 0 && outcome.summary.pay.flex == 0)
    }

    @Test("Flex before agency, and agency only where the others cannot cover")
    func flexThenAgency() throws {
        // One Monday morning of three clients at 1:1: three professionals at once.
        let staff = """
          s1: {level: mbo3, contract_hours: 3.5, hourly_cost: 45}
          a1: {level: mbo3, contract: agency, hourly_cost: 20}
          f1: {level: mbo3, contract: flex, max_hours: 20, hourly_cost: 60}
        """
        let (_, outcome) = try planChecked(tinyScenario(ratio: 1, staff: staff, clients: clientLines(3)))
        let worked = hours(outcome)
        #expect(worked["s1"] == 3.5 && worked["f1"] == 3.5 && worked["a1"] == 3.5)
        #expect(outcome.roster.uncovered.isEmpty)
        #expect(abs(outcome.summary.pay.agency - 70) < 1e-6 && abs(outcome.summary.pay.flex - 210) < 1e-6)
    }

    @Test("A person 12 h short from the last period is rostered more now")
    func negativeBalancePreferred() throws {
        let staff = """
          s1: {level: mbo3, contract_hours: 16, hourly_cost: 30}
          s2: {level: mbo3, contract_hours: 16, hourly_cost: 30}
        """
        let clients = (1...5).map { "  c\($0): {product: dag, location: huis, attends: [mon ochtend, tue ochtend, wed ochtend, thu ochtend]}" }.joined(separator: "\n")
        let (scenario, outcome) = try planChecked(tinyScenario(sessions: Self.tenSessions, staff: staff, clients: clients,
                                                               extra: "history:\n  hours_balance: {s2: -12}"))
        let worked = hours(outcome)
        #expect((worked["s2"] ?? 0) > (worked["s1"] ?? 0), "\(worked)")
        let people = PayrollSummary.people([(outcome.roster, scenario)])
        let s2 = people.first { $0.staff == StaffID("s2") }!
        #expect(s2.balanceBefore == -12 && abs(s2.balanceAfter - (-12 + (worked["s2"] ?? 0) - 16)) < 1e-9)
    }

    @Test("An early shift and a night on one day only where care needs it: a colleague takes the night; alone, the same person does both")
    func shortenedRestOnlyWhereNeeded() throws {
        let sessions = """
              - {name: vroeg, days: mon, from: "07:00", to: "15:00"}
              - {name: nacht, days: mon, from: "23:00", to: "07:00", ratio: 8}
        """
        let clients = clientLines(3, attends: "[mon vroeg, mon nacht]")
        // The hours term alone would give both to s1, furthest below contract.
        let both = "  s1: {level: mbo3, contract_hours: 36}\n  s2: {level: mbo3, contract_hours: 8}"
        let (scenario, shared) = try planChecked(tinyScenario(sessions: sessions, staff: both, clients: clients))
        #expect(shared.workers(on: .mon, "vroeg", in: scenario).count == 1)
        #expect(Set(shared.workers(on: .mon, "vroeg", in: scenario) + shared.workers(on: .mon, "nacht", in: scenario)) == ["s1", "s2"])
        let (alone, needed) = try planChecked(tinyScenario(sessions: sessions, staff: "  s1: {level: mbo3, contract_hours: 36}", clients: clients))
        #expect(needed.roster.uncovered.isEmpty)
        #expect(needed.workers(on: .mon, "nacht", in: alone) == ["s1"] && needed.workers(on: .mon, "vroeg", in: alone) == ["s1"])
    }

    @Test("The balance is carried through a period: week two starts from the history's balance plus week one's hours less its contract")
    func balanceCarriedThroughAPeriod() throws {
        let yaml = tinyScenario(staff: "  s1: {level: mbo3, contract_hours: 14}\n  s2: {level: mbo3, contract_hours: 7}", clients: clientLines(3),
                                extra: "weeks: 2\nhistory:\n  hours_balance: {s1: -4}")
        let scenario = try ScenarioLoader.parse(yaml, file: "tiny.yaml")
        let first = PlanningPeriod.week(0, of: scenario, after: [])
        #expect(first.history.weeksLeftInPeriod == 2 && first.history.hoursBalance[StaffID("s1")] == -4)
        // Week one: s1 works the 3.5-h Monday morning (s1's target: 14 + 4 / 2 = 16 h).
        #expect(abs(first.weekTarget(of: first.staff[StaffID("s1")]!) - 16) < 1e-9)
        let monday = RosterAssignment(staff: StaffID("s1"), activity: .group, interval: WeekInterval(start: 9 * 60, end: 12 * 60 + 30),
                                      location: LocationID("huis"), area: nil, clients: [], products: [], role: .professional, ref: "ochtend")
        let second = PlanningPeriod.week(1, of: scenario, after: [Roster(assignments: [monday], uncovered: [])])
        #expect(second.history.weeksLeftInPeriod == 1)
        #expect(abs((second.history.hoursBalance[StaffID("s1")] ?? 0) - (-4 + 3.5 - 14)) < 1e-9)
        #expect(abs((second.history.hoursBalance[StaffID("s2")] ?? 0) - (-7)) < 1e-9)
        // hours.csv over the period: before −4, after −4 + 3.5 − 28.
        let people = PayrollSummary.people([(Roster(assignments: [monday], uncovered: []), first), (Roster(assignments: [], uncovered: []), second)])
        let s1 = try #require(people.first { $0.staff == StaffID("s1") })
        #expect(s1.contractHours == 28 && abs(s1.balanceAfter - (-28.5)) < 1e-9)
    }

    @Test("Nobody is rostered where nobody needs them to fill a contract: the surplus is reported")
    func noInventedWork() throws {
        let staff = """
          s1: {level: mbo3, contract_hours: 36, hourly_cost: 30}
          s2: {level: mbo3, contract_hours: 36, hourly_cost: 30}
        """
        let (_, outcome) = try planChecked(tinyScenario(staff: staff, clients: clientLines(4)))
        #expect(outcome.roster.assignments.count == 1)
        #expect(outcome.summary.pay.idleContractHours > 68)
    }

    @Test("A sample roster's score equals GLPK's objective for the same assignment")
    func scoreEqualsModel() throws {
        let staff = """
          s1: {level: mbo4, contract_hours: 24, hourly_cost: 40}
          s2: {level: mbo3, contract_hours: 16, hourly_cost: 35, max_hours: 20}
          f1: {level: mbo3, contract: flex, min_hours: 4, max_hours: 12, hourly_cost: 30}
          a1: {level: mbo3, contract: agency, hourly_cost: 55}
        """
        let yaml = tinyScenario(ratio: 2, sessions: Self.tenSessions + "\n      - {name: avond, days: [sat, sun], from: \"18:00\", to: \"23:00\"}",
                                staff: staff, clients: clientLines(4, attends: "[mon ochtend, tue middag, sat avond, sun avond]"),
                                extra: "allowances: {preset: cao-gehandicaptenzorg}\novertime: {premium_percent: 25}\nhistory:\n  hours_balance: {s1: -6}")
        // Several rosters: the same week with the people's costs, contracts and balances drawn at random.
        var generator = SeededGenerator(seed: 27)
        var checked = 0
        for _ in 0..<6 {
            var text = yaml
            for (from, range) in [("hourly_cost: 40", 20...70), ("hourly_cost: 35", 20...70), ("contract_hours: 24", 4...36), ("s1: -6", -20...20)] {
                let value = Int.random(in: range, using: &generator)
                text = text.replacingOccurrences(of: from, with: from.components(separatedBy: ":")[0] + ": \(value)")
            }
            let scenario = try ScenarioLoader.parse(text, file: "tiny.yaml")
            let lines = LogLines()
            var options = PlanningOptions(timeLimitSeconds: 10, relativeGap: 0)
            options.log = { lines.append($0) }
            _ = try RosterPlanner(solver: GLPKSolver()).plan(scenario, options: options)
            for line in lines.all where line.contains("objective check:") {
                let numbers = line.components(separatedBy: " ").compactMap(Double.init)
                #expect(numbers.count == 2 && abs(numbers[0] - numbers[1]) < 1e-4 * max(1, abs(numbers[0])), "\(line)")
                checked += 1
            }
        }
        #expect(checked >= 6)
    }
}

@Suite("Allowance bands and the holiday calendar")
struct AllowanceAndHolidayTests {
    func scenario(_ extra: String, week: String = "2026-W12") throws -> Scenario {
        try ScenarioLoader.parse(tinyScenario(staff: "  s1: {level: mbo3, contract_hours: 20}", clients: clientLines(1), extra: extra)
            .replacingOccurrences(of: "week: 2026-W12", with: "week: \(week)"), file: "tiny.yaml")
    }

    @Test("The CAO Gehandicaptenzorg's bands: weekday evening and night, Saturday, Sunday, holidays, 24 December")
    func caoGehandicaptenzorgBands() throws {
        let plan = try scenario("allowances: {preset: cao-gehandicaptenzorg}")
        func at(_ day: Int, _ from: Int, _ to: Int) -> (hours: Double, weighted: Double) {
            plan.allowanceHours(of: WeekInterval(start: day * 1440 + from * 60, end: day * 1440 + to * 60))
        }
        // Monday 19-23: 20-22 at 22%, 22-23 at 44%.
        #expect(at(0, 19, 23).hours == 3 && abs(at(0, 19, 23).weighted - 0.88) < 1e-9)
        // Tuesday 05-08: 05-06 at 44%, 06-07 at 22%.
        #expect(abs(at(1, 5, 8).weighted - 0.66) < 1e-9)
        // Saturday 07-13: 07-08 at 38%, 08-12 none, 12-13 at 38%.
        #expect(at(5, 7, 13).hours == 2 && abs(at(5, 7, 13).weighted - 0.76) < 1e-9)
        // Saturday 23:00 to Sunday 01:00: 49% then 60%.
        #expect(abs(plan.allowanceHours(of: WeekInterval(start: 5 * 1440 + 23 * 60, end: 6 * 1440 + 60)).weighted - 1.09) < 1e-9)
        // Wednesday 09-17: none.
        #expect(at(2, 9, 17).hours == 0)
        // Easter Monday 2026 (6 April, week 15) takes Sunday's 60% all day.
        let easter = try scenario("allowances: {preset: cao-gehandicaptenzorg}", week: "2026-W15")
        #expect(abs(easter.allowanceHours(of: WeekInterval(start: 9 * 60, end: 17 * 60)).weighted - 4.8) < 1e-9)
        // Thursday 24 December 2026 (week 52): 18-20 at 60%, 20-22 at 60% (the higher band).
        let christmasEve = try scenario("allowances: {preset: cao-gehandicaptenzorg}", week: "2026-W52")
        #expect(abs(christmasEve.allowanceHours(of: WeekInterval(start: 3 * 1440 + 18 * 60, end: 3 * 1440 + 22 * 60)).weighted - 2.4) < 1e-9)
    }

    @Test("Own bands add to nothing else; a person without irregular_allowance earns none")
    func ownBands() throws {
        let plan = try scenario("allowances:\n  bands:\n    - {days: mon-fri, from: \"20:00\", to: \"22:00\", percent: 22}\n    - {days: [sun, holidays], from: \"00:00\", to: \"24:00\", percent: 60}")
        #expect(abs(plan.allowanceHours(of: WeekInterval(start: 19 * 60, end: 23 * 60)).weighted - 0.44) < 1e-9)
        #expect(abs(plan.allowanceHours(of: WeekInterval(start: 6 * 1440, end: 6 * 1440 + 120)).weighted - 1.2) < 1e-9)
    }

    @Test("The Dutch public holidays of 2026 and 2027")
    func holidays2026And2027() {
        func dates(_ year: Int) -> [String] { PublicHolidays.dutch(year: year).keys.map(\.description).sorted() }
        #expect(dates(2026) == ["2026-01-01", "2026-04-03", "2026-04-05", "2026-04-06", "2026-04-27", "2026-05-14",
                                "2026-05-24", "2026-05-25", "2026-12-25", "2026-12-26"])
        #expect(dates(2027) == ["2027-01-01", "2027-03-26", "2027-03-28", "2027-03-29", "2027-04-27", "2027-05-06",
                                "2027-05-16", "2027-05-17", "2027-12-25", "2027-12-26"])
        // Liberation Day in lustrum years; King's Day on the 26th when the 27th is a Sunday (2025).
        #expect(PublicHolidays.dutch(year: 2030).keys.contains(CivilDate(year: 2030, month: 5, day: 5)!))
        #expect(PublicHolidays.dutch(year: 2025).keys.contains(CivilDate(year: 2025, month: 4, day: 26)!))
        var own = PublicHolidays(added: [CivilDate(year: 2026, month: 12, day: 24)!], removed: [CivilDate(year: 2026, month: 4, day: 3)!])
        #expect(own.contains(CivilDate(year: 2026, month: 12, day: 24)!) && !own.contains(CivilDate(year: 2026, month: 4, day: 3)!))
        own.rule = .none
        #expect(!own.contains(CivilDate(year: 2026, month: 4, day: 6)!))
    }

    @Test("A location closed on public holidays holds no session on Easter Monday, and nothing is uncovered then")
    func closedOnHolidays() throws {
        let yaml = tinyScenario(sessions: "      - {name: ochtend, days: mon-tue, from: \"09:00\", to: \"12:30\"}",
                                staff: "  s1: {level: mbo3, contract_hours: 20}", clients: clientLines(3, attends: "[mon ochtend, tue ochtend]"))
            .replacingOccurrences(of: "week: 2026-W12", with: "week: 2026-W15")
            .replacingOccurrences(of: "    area: \"1000\"", with: "    area: \"1000\"\n    closed_on_holidays: true")
        let (scenario, outcome) = try planChecked(yaml)
        #expect(scenario.groupSessions.map(\.slot.day) == [.tue])
        #expect(outcome.roster.assignments.map { scenario.week.date(atMinute: $0.interval.start).description } == ["2026-04-07"])
        #expect(outcome.roster.uncovered.isEmpty)
    }
}
