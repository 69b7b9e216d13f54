import CareDomain
import Foundation
import GLPKSolver
import Optimization
@testable import Planning
import ScenarioFormat
import Testing

@Suite("Neighbourhood search and the combinatorial bound")
struct NeighbourhoodSearchTests {
    /// Five mornings of 5 clients (one professional each); two flex workers, a at €30 an hour, b at €50.
    let yaml = tinyScenario(sessions: """
          - {name: ochtend, days: mon-fri, from: "09:00", to: "12:30"}
    """, staff: """
      a: {level: mbo2, contract: flex, max_hours: 20, hourly_cost: 30}
      b: {level: mbo2, contract: flex, max_hours: 20, hourly_cost: 50}
    """, clients: clientLines(5, attends: "[mon ochtend, tue ochtend, wed ochtend, thu ochtend, fri ochtend]"))

    /// The five mornings' model, built.
    func tinyWeek() throws -> WeekModel {
        let scenario = try ScenarioLoader.parse(yaml, file: "tiny.yaml")
        let week = WeekModel(scenario: scenario, demands: SessionDemand.build(for: scenario), staff: scenario.sortedStaff, weights: .standard, name: "nbhd")
        try week.build()
        return week
    }

    /// The model with b in every session and a in none: a feasible, poor start.
    func poorStart(_ week: WeekModel) throws -> [Double] {
        var fixed = week.model
        for demand in week.demands {
            for (person, variable) in week.assignments[demand.id] ?? [] { fixed.fix(variable, at: person.id == StaffID("b") ? 1 : 0) }
        }
        let solution = try GLPKSolver().solve(fixed, options: SolveOptions(timeLimitSeconds: 10, relativeGap: 0))
        return try #require(solution.values.isEmpty ? nil : solution.values)
    }

    @Test("From a poor start the search reaches the known optimum: a in every session")
    func improvesToOptimum() throws {
        let week = try tinyWeek()
        let start = try poorStart(week)
        let search = NeighbourhoodSearch(week: week, solver: GLPKSolver(), deadline: Deadline(seconds: 20))
        let outcome = search.improve(from: start)
        // a: 17.5 h × (60 an hour worked + €30 × 0.2) + one face (2) = 1,157; b's 17.5 × 70 + 2 = 1,227.
        #expect(abs(week.model.objective.value(in: start) - 1227) < 1e-6)
        #expect(abs(outcome.objective - 1157) < 1e-6, "\(outcome.objective)")
        #expect(outcome.improvements >= 1)
        let roster = GroupRosterDecoder(model: week, values: outcome.values).decode().assignments()
        #expect(Set(roster.map(\.staff)) == [StaffID("a")])
        #expect(week.model.maximumViolation(of: outcome.values) < 1e-6)
    }

    /// The search of the five mornings from the poor start, to its end, with its log.
    func searchLogged() throws -> (outcome: NeighbourhoodSearch<GLPKSolver>.Outcome, lines: LogLines) {
        let week = try tinyWeek()
        let start = try poorStart(week)
        let lines = LogLines()
        var search = NeighbourhoodSearch(week: week, solver: GLPKSolver(), deadline: Deadline(seconds: 30))
        search.log = { lines.append($0) }
        return (search.improve(from: start), lines)
    }

    @Test("A local optimum reached with time left is searched again with deeper steps (4×, then 16× the nodes), then the search ends at its local optimum")
    func deeperStepsAfterALocalOptimum() throws {
        let (outcome, lines) = try searchLogged()
        #expect(abs(outcome.objective - 1157) < 1e-6)
        let deeper = lines.all.filter { $0.contains("steps of") }
        #expect(deeper.count == 2 && deeper[0].contains("800 nodes") && deeper[1].contains("3200 nodes"), "\(deeper)")
        // The search still ends at its local optimum, long before the deadline.
        #expect(lines.all.contains { $0.hasPrefix("neighbourhood search:") && $0.contains("in all") })
    }

    @Test("No neighbourhood is solved twice from the same incumbent with the same node budget")
    func noRepeatedSteps() throws {
        let (outcome, lines) = try searchLogged()
        #expect(abs(outcome.objective - 1157) < 1e-6)
        // Between two changes of incumbent or budget, each neighbourhood's step at most once.
        // (The people group here is always a and b: the same decisions every round.)
        var seen: Set<String> = []
        var solved = 0
        for line in lines.all {
            if line.contains("→") || line.contains("steps of") { seen = []; continue }
            guard line.hasPrefix("neighbourhood "), let name = line.components(separatedBy: ": no better").first, line.contains(": no better") else { continue }
            solved += 1
            #expect(seen.insert(name).inserted, "\(name) solved again from the same incumbent")
        }
        #expect(solved > 0)
    }

    @Test("A neighbourhood frees the people with the fewest sessions together with colleagues of their location and idle people")
    func weakestPeopleNeighbourhood() throws {
        let text = tinyScenario(sessions: """
              - {name: ochtend, days: mon-fri, from: "09:00", to: "12:30"}
        """, staff: (1...6).map { "  p\($0): {level: mbo2, contract_hours: 20, hourly_cost: 30}" }.joined(separator: "\n"),
           clients: clientLines(5, attends: "[mon ochtend, tue ochtend, wed ochtend, thu ochtend, fri ochtend]"))
        let scenario = try ScenarioLoader.parse(text, file: "weakest.yaml")
        let week = WeekModel(scenario: scenario, demands: SessionDemand.build(for: scenario), staff: scenario.sortedStaff, weights: .standard, name: "weakest")
        try week.build()
        // p1, p2 and p3 one morning each, p4 two; p5 and p6 idle.
        let worker = ["p1", "p2", "p3", "p4", "p4"]
        var values = Array(repeating: 0.0, count: week.model.variables.count)
        for (day, demand) in week.demands.enumerated() {
            for (person, variable) in week.assignments[demand.id] ?? [] where person.id == StaffID(worker[day]) { values[variable.index] = 1 }
        }
        let search = NeighbourhoodSearch(week: week, solver: GLPKSolver(), deadline: Deadline(seconds: 5))
        let hood = try #require(search.neighbourhoods(around: values).first { $0.name.hasPrefix("weakest people p1") })
        for person in ["p1", "p2", "p3", "p4", "p5"] {
            let theirs = Set((week.sessionsByStaff[StaffID(person)] ?? []).map(\.variable.index))
            #expect(!theirs.isEmpty && theirs.isSubset(of: hood.decisions), "\(person)'s week is freed")
        }
    }

    @Test("The combinatorial bound is the optimum on the known week, and never above the MIP's optimum on random weeks")
    func boundIsValid() throws {
        let scenario = try ScenarioLoader.parse(yaml, file: "tiny.yaml")
        #expect(abs(try bound(scenario) - 1157) < 1e-6)
        var generator = SeededGenerator(seed: 7)
        for round in 0..<40 {
            let people = (1...Int.random(in: 2...4, using: &generator)).map { index -> String in
                let level = ["mbo2", "mbo3", "mbo4"].randomElement(using: &generator)!
                let hours = [4, 8, 12, 20].randomElement(using: &generator)!
                let skill = Bool.random(using: &generator) ? ", skills: [verzorging]" : ""
                return "  p\(index): {level: \(level), contract_hours: \(hours), max_hours: \(hours + 4), hourly_cost: \(28 + 3 * index)\(skill)}"
            }.joined(separator: "\n")
            let clients = (1...Int.random(in: 3...12, using: &generator)).map { index -> String in
                let days = ["mon", "tue", "wed"].filter { _ in Bool.random(using: &generator) }
                let slots = (days.isEmpty ? ["mon"] : days).map { "\($0) ochtend" }.joined(separator: ", ")
                let needs = Int.random(in: 0..<5, using: &generator) == 0 ? "[verzorging]" : "[]"
                return "  c\(index): {product: dag, location: huis, attends: [\(slots)], needs: \(needs)}"
            }.joined(separator: "\n")
            // Some choose their sessions: their placement must be priced, never over-priced.
            let choosing = (0..<Int.random(in: 0...6, using: &generator)).map { index -> String in
                let options = ["mon", "tue", "wed"].filter { _ in Bool.random(using: &generator) }
                let count = min(Int.random(in: 1...2, using: &generator), max(1, options.count))
                let slots = (options.isEmpty ? ["tue"] : options).map { "\($0) ochtend" }.joined(separator: ", ")
                return "  k\(index): {product: dag, location: huis, attends_any: {count: \(count), of: [\(slots)]}}"
            }.joined(separator: "\n")
            let text = tinyScenario(lead: "mbo4", sessions: """
                  - {name: ochtend, days: mon-wed, from: "09:00", to: "12:30"}
            """, staff: people, clients: clients + (choosing.isEmpty ? "" : "\n" + choosing))
            let random = try ScenarioLoader.parse(text, file: "random.yaml")
            let demands = SessionDemand.build(for: random)
            let week = WeekModel(scenario: random, demands: demands, staff: random.sortedStaff, weights: .standard, name: "bound")
            try week.build()
            let optimum = try GLPKSolver().solve(week.model, options: SolveOptions(timeLimitSeconds: 20, relativeGap: 0))
            let value = try #require(optimum.objective)
            let lower = try bound(random)
            #expect(lower <= value + 1e-6, "round \(round): bound \(lower) above the optimum \(value)")
        }
    }

    @Test("The bound prices the attends_any clients' placement: five fixed and five choosing clients in one morning ask two professionals, not one")
    func boundPricesChosenAttendance() throws {
        let text = tinyScenario(staff: """
          a: {level: mbo2, contract: flex, max_hours: 20, hourly_cost: 30}
          b: {level: mbo2, contract: flex, max_hours: 20, hourly_cost: 30}
        """, clients: clientLines(5) + "\n" + (1...5).map { "  k\($0): {product: dag, location: huis, attends_any: {count: 1, of: [mon ochtend]}}" }.joined(separator: "\n"))
        let scenario = try ScenarioLoader.parse(text, file: "choosing.yaml")
        // Two flex people of €30 for 3.5 h (3.5 × 66 each) and two faces.
        let lower = try bound(scenario)
        #expect(abs(lower - (2 * 3.5 * 66 + 2 * 2)) < 1e-6, "\(lower)")
        let week = WeekModel(scenario: scenario, demands: SessionDemand.build(for: scenario), staff: scenario.sortedStaff, weights: .standard, name: "choosing")
        try week.build()
        let optimum = try #require(try GLPKSolver().solve(week.model, options: SolveOptions(timeLimitSeconds: 20, relativeGap: 0)).objective)
        #expect(abs(optimum - 466) < 1e-6, "\(optimum)")
    }

    private func bound(_ scenario: Scenario) throws -> Double {
        let demands = SessionDemand.build(for: scenario)
        let staffing = GroupStaffing(scenario: scenario, demands: demands, staff: scenario.sortedStaff)
        return WeekLowerBound(scenario: scenario, weights: .standard, demands: demands, eligible: staffing.eligible,
                              staff: scenario.sortedStaff, work: AmbulatoryDemand(tasks: [], responsibilities: [], appointments: [])).terms().total
    }
}
