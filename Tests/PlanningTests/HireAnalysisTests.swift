import CareDomain
import GLPKSolver
import Optimization
import Planning
import RosterCheck
import ScenarioFormat
import Testing

/// "Whom to hire": vacancy hours per level and skill, counted by hand on small weeks.
@Suite("Capacity gap via vacancies")
struct HireAnalysisTests {
    static let fourMBO2 = (1...4).map { "  s\($0): {level: mbo2, contract_hours: 20, hourly_cost: 35}" }.joined(separator: "\n")

    @Test("23 clients at 1:5 with 4 counted professionals: one MBO-2 for 3.5 hours, 3.5/36 FTE")
    func oneProfessionalShort() throws {
        let (_, outcome) = try planChecked(tinyScenario(staff: Self.fourMBO2, clients: clientLines(23)))
        #expect(outcome.uncovered(.staffing).map(\.hours) == [3.5])
        let mbo2 = try #require(outcome.capacity.first { $0.level == "mbo2" && $0.skill == "" })
        #expect(mbo2.demandHours == 5 * 3.5)
        #expect(mbo2.uncoveredHours == 3.5)
        #expect(mbo2.hireHours == 3.5)
        #expect(abs(mbo2.hireFTE - 3.5 / 36) < 1e-9)
        #expect(abs(mbo2.hireCost - 3.5 * 35) < 1e-9)
        // The scenario's own dagdeel, whole (09:00–12:30 is "ochtend", not morning 3 h and afternoon 0.5 h).
        #expect(outcome.hires.slots == [HireSlot(day: .mon, daypart: "ochtend", level: "mbo2", skill: "",
                                                   uncoveredHours: 3.5, hireHours: 3.5)])
        #expect(abs(outcome.summary.fteGap - 3.5 / 36) < 1e-9)
    }

    @Test("The cheaper level is hired when either would do, at the scenario's hourly cost")
    func cheapestLevel() throws {
        let staff = Self.fourMBO2 + "\n  s5: {level: mbo4, contract_hours: 20}"
        let yaml = tinyScenario(lead: "mbo4", staff: staff, clients: clientLines(28),
                                extra: "settings: {fte_hours: 32, hourly_cost: {mbo2: 30, mbo4: 45}}")
        let (_, outcome) = try planChecked(yaml)
        #expect(outcome.hires.needs == [HireNeed(level: "mbo2", skill: "", hours: 3.5, fte: 3.5 / 32, cost: 3.5 * 30)])
    }

    @Test("One lead-level hire fills both a missing professional and the missing lead: 3.5 hours, not 7")
    func oneHireForTwoNeeds() throws {
        let (_, outcome) = try planChecked(tinyScenario(lead: "mbo4", staff: Self.fourMBO2, clients: clientLines(23)))
        #expect(outcome.hires.hours == 3.5)
        #expect(outcome.hires.needs.map(\.level) == ["mbo4"])
    }

    @Test("A missing lead is hired at the lead level and named as the lead row")
    func missingLead() throws {
        let yaml = tinyScenario(lead: "mbo4", staff: Self.fourMBO2, clients: clientLines(10))
        let (_, outcome) = try planChecked(yaml)
        #expect(outcome.uncovered(.lead).count == 1)
        #expect(outcome.hires.needs.map(\.level) == ["mbo4"])
        #expect(outcome.hires.needs.map(\.skill) == ["lead"])
        let lead = try #require(outcome.capacity.first { $0.skill == "lead" })
        #expect(lead.uncoveredHours == 3.5 && lead.hireHours == 3.5)
    }

    @Test("Nothing short: no vacancies, no second solve")
    func nothingShort() throws {
        let (_, outcome) = try planChecked(tinyScenario(staff: Self.fourMBO2, clients: clientLines(20)))
        #expect(outcome.hires == .none)
        #expect(outcome.capacity.allSatisfy { $0.hireHours == 0 })
    }

    @Test("An evening shift past midnight splits over dayparts and days")
    func dayparts() {
        let pieces = Daypart.pieces(of: WeekInterval(start: 6 * 1440 + 22 * 60, end: 7 * 1440 + 8 * 60))
        #expect(pieces.map(\.0) == [.sun, .mon, .mon])
        #expect(pieces.map(\.1) == [.evening, .night, .morning])
        #expect(pieces.map(\.2) == [2, 7, 1])
    }

    @Test("Visits: three 60-minute visits, an MBO-4 with 2 hours and an HBO with half an hour; the hire is one MBO-4 hour")
    func visitHire() throws {
        let yaml = ambulatoryScenario(
            staff: "  s1: {level: mbo4, contract_hours: 2, max_hours: 2}\n  h1: {level: hbo, contract_hours: 0, max_hours: 0.5}",
            clients: """
              k1: {product: thuis, area: "1000", visits: {count: 3, minutes: 60}}
            """)
        let (_, outcome) = try planChecked(yaml)
        #expect(outcome.uncovered(.visit).count == 1)
        #expect(outcome.hires.needs.map(\.level) == ["mbo4"])
        #expect(outcome.hires.hours == 1)
        #expect(outcome.hires.cost == 44)
        #expect(outcome.hires.stillUncoveredHours == 0)
    }

    @Test("A visit no one could make (the client is free only in the evening) is not hired for; it is said")
    func beyondHiring() throws {
        let yaml = ambulatoryScenario(
            staff: "  s1: {level: mbo4, contract_hours: 36}\n  h1: {level: hbo, contract_hours: 4}",
            clients: """
              k1: {product: thuis, area: "1000", visits: {count: 1, minutes: 60}, available: [{days: mon-fri, from: "19:00", to: "21:00"}]}
            """)
        let (_, outcome) = try planChecked(yaml)
        #expect(outcome.uncovered(.visit).count == 1)
        #expect(outcome.hires.needs.isEmpty)
        #expect(outcome.hires.status == "not needed")
        #expect(outcome.hires.stillUncoveredHours == 1)
    }
}

/// A search stopped on request (Ctrl-C) still hands back the best roster it found.
@Suite("Stopped searches")
struct StoppedSearchTests {
    /// GLPK's answer, reported as if the user had stopped the search after it.
    struct StoppedGLPK: Solver {
        func solve(_ model: Model, options: SolveOptions) throws -> Solution {
            var search = options
            search.shouldStop = nil
            let found = try GLPKSolver().solve(model, options: search)
            return Solution(status: .stopped, values: found.values, objective: found.objective, bestBound: found.bestBound,
                            solveSeconds: found.solveSeconds)
        }
    }

    @Test("the roster found before the stop is kept, checked and marked stopped; no vacancy solve follows")
    func keepsBest() throws {
        let yaml = tinyScenario(staff: HireAnalysisTests.fourMBO2, clients: clientLines(23))
        let scenario = try ScenarioLoader.parse(yaml, file: "stop.yaml")
        var options = PlanningOptions(timeLimitSeconds: 30, relativeGap: 0)
        options.shouldStop = { true }
        let outcome = try RosterPlanner(solver: StoppedGLPK()).plan(scenario, options: options)
        #expect(outcome.summary.status == "stopped")
        #expect(outcome.roster.assignments.count == 4)
        #expect(RosterChecker(scenario: scenario).check(outcome.roster).isEmpty)
        #expect(outcome.hires.status == "skipped: the search was stopped")
    }
}
