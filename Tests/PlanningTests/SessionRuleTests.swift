import CareDomain
import GLPKSolver
import Optimization
@testable import Planning
import ScenarioFormat
import Testing

/// The rule verifier of the session rules: on tiny weeks, for every set of people working the
/// one session, a unit's verdict (what it says the session lacks) equals the least shortfall
/// its own MIP rows allow with exactly those people fixed, without running the planner.
@Suite("Session rules: each unit's verdict against its own rows")
struct SessionRuleTests {
    /// Staff for every case: levels below, at and above, a volunteer, skills held or not.
    static let staff = """
      a: {level: mbo2, contract_hours: 40}
      b: {level: mbo3, contract_hours: 40, skills: [verzorging]}
      c: {level: mbo4, contract_hours: 40}
      v: {volunteer: true, skills: [verzorging], contract_hours: 4}
      d: {level: hbo, contract_hours: 40, skills: [ggz]}
    """

    /// For each subset of the staff at the session: the unit's shortfall count and the rows' least.
    func compare(_ rule: any SessionRule, scenario yaml: String, shortfalls: (WeekModel, GroupSessionID) -> [Variable],
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let scenario = try ScenarioLoader.parse(yaml, file: "tiny.yaml")
        let demands = SessionDemand.build(for: scenario)
        let demand = try #require(demands.first)
        let people = scenario.sortedStaff
        var checked = 0
        for mask in 0..<(1 << people.count) {
            let working = people.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)
            // The unit's verdict: the people missing, need by need.
            let verdict = rule.requirements(of: demand, present: demand.fixedClients, products: scenario.products).reduce(0) { total, requirement in
                guard let short = requirement.shortfall(with: working) else { return total }
                if case let .professionals(count, _, _) = short { return total + count }
                return total + 1
            }
            // Its rows: exactly these people on the session, the least shortfall.
            let week = WeekModel(scenario: scenario, demands: demands, staff: people, weights: .standard, name: "verify")
            try week.build(only: [AttendanceChoiceRule(), rule])
            for (person, variable) in week.assignments[demand.id] ?? [] {
                try week.model.add(LinearExpression(variable) == (working.contains { $0.id == person.id } ? 1 : 0), name: "fix[\(person.id)]")
            }
            // Someone the calendar keeps out has no variable: the set is not possible, skip it.
            guard working.allSatisfy({ person in week.assignments[demand.id]?.contains { $0.staff.id == person.id } == true }) else { continue }
            try week.model.setObjective(LinearExpression.sum(shortfalls(week, demand.id)))
            let solution = try GLPKSolver().solve(week.model, options: SolveOptions(timeLimitSeconds: 10, relativeGap: 0))
            let least = Int((solution.objective ?? -1).rounded())
            #expect(least == verdict, "\(working.map(\.id.rawValue)): rows \(least), unit \(verdict)", sourceLocation: sourceLocation)
            checked += 1
        }
        #expect(checked > 8, sourceLocation: sourceLocation)
    }

    @Test("Ratio and min_staff: 7 clients at 1:5 of mbo3 ask 2 counted (a volunteer and an mbo2 never count); min_staff 3 asks 3")
    func staffingRatio() throws {
        let yaml = tinyScenario(ratio: 5, minLevel: "mbo3", staff: Self.staff, clients: clientLines(7))
        try compare(StaffingRatioRule(), scenario: yaml) { week, id in [week.staffingShortfall[id]].compactMap { $0 } }
        let more = tinyScenario(ratio: 5, minLevel: "mbo3", sessions: "      - {name: ochtend, days: mon, from: \"09:00\", to: \"12:30\", min_staff: 3}",
                                staff: Self.staff, clients: clientLines(2))
        try compare(StaffingRatioRule(), scenario: more) { week, id in [week.staffingShortfall[id]].compactMap { $0 } }
    }

    @Test("Lead level mbo4: someone of mbo4 or higher, never a volunteer")
    func leadLevel() throws {
        let yaml = tinyScenario(ratio: 5, minLevel: "mbo2", lead: "mbo4", staff: Self.staff, clients: clientLines(3))
        try compare(LeadLevelRule(), scenario: yaml) { week, id in (week.leadShortfall[id] ?? []).map(\.variable) }
    }

    @Test("Skill needs: verzorging and ggz held by a professional present, counted or not, never a volunteer")
    func skillNeeds() throws {
        let clients = clientLines(2, needs: "[verzorging]") + "\n" + clientLines(1, needs: "[ggz]", prefix: "g")
        let yaml = tinyScenario(ratio: 5, minLevel: "mbo3", staff: Self.staff, clients: clients)
        try compare(SkillNeedRule(), scenario: yaml) { week, id in (week.skillShortfall[id] ?? []).map(\.variable) }
    }

    @Test("The session rules' registry says a session's needs in the planner's order: leads, skills, counted professionals")
    func registryOrder() throws {
        let clients = clientLines(6, needs: "[verzorging]")
        let scenario = try ScenarioLoader.parse(tinyScenario(ratio: 5, minLevel: "mbo3", lead: "mbo4", staff: Self.staff, clients: clients), file: "tiny.yaml")
        let demand = try #require(SessionDemand.build(for: scenario).first)
        let needs = demand.needs(present: demand.fixedClients, people: [scenario.staff[StaffID("a")]!], products: scenario.products)
        let level = scenario.scale.level(named: "mbo3")!
        #expect(needs == [.lead(scenario.scale.level(named: "mbo4")!), .skill("verzorging", level: level), .professionals(count: 2, level: level)])
    }
}
