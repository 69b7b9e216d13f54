import CareDomain
import Foundation
import GLPKSolver
import Planning
import RosterCheck
import ScenarioFormat
import Testing
@testable import ZorgroosterRun

/// A planner bug must not leave a planner without a roster: when the checker refuses the best
/// roster, the construction alone is planned again and written if the checker passes it.
@Suite("The checker's safety net")
struct SafetyNetTests {
    static let scenario = CommandLineTests.packageRoot.appendingPathComponent("scenarios/dagbesteding-de-linde.yaml").path

    /// A planner whose first (full) roster has one of its group rows twice: the same person twice
    /// in one session, which the checker refuses. Later calls plan as the real planner does.
    final class FaultyPlanner: @unchecked Sendable {
        var calls = 0
        func plan(_ scenario: Scenario, options: PlanningOptions) throws -> PlanOutcome {
            calls += 1
            let outcome = try RosterPlanner(solver: GLPKSolver()).plan(scenario, options: options)
            guard calls == 1, let twice = outcome.roster.assignments.first(where: { $0.activity == .group }) else { return outcome }
            let roster = Roster(assignments: outcome.roster.assignments + [twice], uncovered: outcome.roster.uncovered,
                                responsibilities: outcome.roster.responsibilities)
            return PlanOutcome(roster: roster, capacity: outcome.capacity, summary: outcome.summary, parts: outcome.parts,
                               hires: outcome.hires, sessions: outcome.sessions)
        }
    }

    @Test("A roster the checker refuses is replaced by the construction, which passes")
    func fallsBackToConstruction() throws {
        let scenario = try ScenarioLoader.load(path: Self.scenario)
        let planner = FaultyPlanner()
        let outcome = try planAndCheck(scenario, options: PlanningOptions(timeLimitSeconds: 5, relativeGap: 0.01), planner: planner.plan)
        #expect(planner.calls == 2, "the broken roster was not refused, or no construction was planned")
        #expect(RosterChecker(scenario: scenario).check(outcome.roster).isEmpty)
        #expect(!outcome.roster.assignments.isEmpty)
    }

    /// A planner that breaks its roster (a row twice) whenever it is asked to keep pins.
    final class PinBreakingPlanner: @unchecked Sendable {
        var calls = 0
        func plan(_ scenario: Scenario, options: PlanningOptions) throws -> PlanOutcome {
            calls += 1
            let outcome = try RosterPlanner(solver: GLPKSolver()).plan(scenario, options: options)
            guard options.pinned != nil, let twice = outcome.roster.assignments.first(where: { $0.activity == .group }) else { return outcome }
            return PlanOutcome(roster: Roster(assignments: outcome.roster.assignments + [twice], uncovered: outcome.roster.uncovered,
                                              responsibilities: outcome.roster.responsibilities),
                               capacity: outcome.capacity, summary: outcome.summary, parts: outcome.parts, hires: outcome.hires, sessions: outcome.sessions)
        }
    }

    @Test("A re-plan whose kept assignments break a rule keeps fewer and still writes a checked roster; user pins that do stay an error (exit 2)")
    func keptAssignmentsGiveWay() throws {
        let scenario = try ScenarioLoader.load(path: Self.scenario)
        var options = PlanningOptions(timeLimitSeconds: 5, relativeGap: 0.01)
        let first = try planAndCheck(scenario, options: options)
        options.pinned = Roster(assignments: first.roster.assignments, uncovered: [], responsibilities: first.roster.responsibilities)
        let planner = PinBreakingPlanner()
        let outcome = try planAndCheck(scenario, options: options, keptMayMove: true, planner: planner.plan)
        #expect(planner.calls == 2)
        #expect(RosterChecker(scenario: scenario).check(outcome.roster).isEmpty)
        #expect(throws: RunFailure.self) { try planAndCheck(scenario, options: options, planner: PinBreakingPlanner().plan) }
    }
}
