import CareDomain
import Dispatch
import Foundation
import Optimization

/// Options for one planning run.
public struct PlanningOptions: Sendable {
    public var timeLimitSeconds: Double
    public var relativeGap: Double
    public var weights: ObjectiveWeights
    public var log: (@Sendable (String) -> Void)?
    public var progress: (@Sendable (SolveProgress) -> Void)?
    public var shouldStop: (@Sendable () -> Bool)?
    /// The most visitors and responsible professionals offered per client, nearest first
    /// (preferred and fixed people always); 0 offers everyone qualified.
    public var candidatesPerClient = 10
    /// Solve the week again with vacancies to say whom to hire, when the roster leaves demand uncovered.
    public var analyseHires = true

    public init(timeLimitSeconds: Double = 60, relativeGap: Double = 0.01, weights: ObjectiveWeights = .standard,
                log: (@Sendable (String) -> Void)? = nil, progress: (@Sendable (SolveProgress) -> Void)? = nil,
                shouldStop: (@Sendable () -> Bool)? = nil) {
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.weights = weights
        self.log = log
        self.progress = progress
        self.shouldStop = shouldStop
    }
}

/// The planner's full answer: the roster, the capacity gap and how the solve went.
public struct PlanOutcome: Sendable {
    public let roster: Roster
    public let capacity: [CapacityRow]
    public let summary: RunSummary
    /// Per independent part: its size and how its solve ended.
    public let parts: [PartReport]
    /// Whom to hire, and when; `HirePlan.none` when nothing is short or the analysis was off.
    public let hires: HirePlan
}

public struct PartReport: Sendable {
    public let name: String
    public let variables: Int
    public let constraints: Int
    public let status: TerminationStatus
    public let seconds: Double
}

/// Turns a scenario into a roster: decompose, model, solve each part, decode, explain.
public struct RosterPlanner<S: Solver>: Sendable {
    let solver: S

    public init(solver: S) { self.solver = solver }

    public func plan(_ scenario: Scenario, options: PlanningOptions) throws -> PlanOutcome {
        let started = Date()
        let demands = SessionDemand.build(for: scenario).filter(\.isActive)
        let ambulatory = AmbulatoryDemand.build(for: scenario, candidatesPerClient: options.candidatesPerClient)
        let week = try planWeek(scenario, demands: demands, ambulatory: ambulatory, options: options)
        let roster = week.roster
        let capacity = CapacityAnalysis.rows(scenario: scenario, demands: demands, roster: roster)
        var summary = RunSummaryBuilder.summary(
            scenario: scenario, roster: roster, capacity: capacity, status: week.status,
            objective: week.objective, bound: week.bound, seconds: Date().timeIntervalSince(started))
        summary.visitsAsked = ambulatory.tasks.filter { $0.kind == .visit }.reduce(0) { $0 + $1.count }
        summary.visitsPlaced = roster.assignments.filter { $0.activity == .visit }.count
        summary.visitsPlaceableBound = AmbulatoryDemand.placeableVisitBound(for: scenario)

        let short = HireAnalysis.staffable(roster, work: ambulatory)
        // What no hire could cover (a client with no time in office hours) is said even when nothing else is short.
        let beyondHiring = roster.uncovered.filter { HireAnalysis.staffKinds.contains($0.kind) }.reduce(0.0) { $0 + $1.hours }
            - short.reduce(0.0) { $0 + $1.hours }
        let stopped = options.shouldStop?() == true
        var hires = HirePlan(needs: [], slots: [], stillUncoveredHours: max(0, beyondHiring),
                             status: stopped && !short.isEmpty ? "skipped: the search was stopped" : HirePlan.none.status)
        // A search stopped on request has no time for a second one.
        if options.analyseHires && !short.isEmpty && !stopped {
            let widened = HireAnalysis.scenarioWithVacancies(scenario, demands: demands, short: short)
            let widenedDemands = SessionDemand.build(for: widened).filter(\.isActive)
            let widenedWork = AmbulatoryDemand.build(for: widened, candidatesPerClient: options.candidatesPerClient)
            var hireOptions = options
            hireOptions.log = options.log.map { log in { @Sendable line in log("[vacatures] \(line)") } }
            let hireWeek = try planWeek(widened, demands: widenedDemands, ambulatory: widenedWork, options: hireOptions)
            hires = HireAnalysis.plan(scenario: scenario, withVacancies: widened, hireRoster: hireWeek.roster, baseRoster: roster,
                                      demands: demands, status: hireWeek.status)
            summary.fteGap = hires.fte
        }
        summary.hireHours = hires.hours
        summary.hireCost = hires.cost
        return PlanOutcome(roster: roster, capacity: CapacityAnalysis.merge(capacity, hires: hires, fteHours: scenario.settings.fteHours),
                           summary: summary, parts: week.reports, hires: hires)
    }

    /// One solve of the week: decompose, solve the parts, put the roster together.
    private func planWeek(_ scenario: Scenario, demands: [SessionDemand], ambulatory: AmbulatoryDemand,
                          options: PlanningOptions) throws -> WeekResult {
        let parts = IndependentParts.split(demands: demands, ambulatory: ambulatory, staff: scenario.sortedStaff, scenario: scenario)
        let results = try solveInParallel(parts, scenario: scenario, options: options)
        var assignments: [RosterAssignment] = []
        var uncovered: [UncoveredDemand] = []
        var responsibilities: [Responsibility] = []
        var reports: [PartReport] = []
        var objective: Double? = 0, bound = 0.0
        var statuses: [TerminationStatus] = []
        for result in results {
            assignments += result.assignments
            uncovered += result.uncovered
            responsibilities += result.responsibilities
            reports.append(result.report)
            statuses.append(result.report.status)
            // A part without a solution from the search has no objective to report (its roster is the repair's).
            objective = result.objective.flatMap { value in objective.map { $0 + value } }
            // Without a bound from the search, 0 is the only sure one: every objective term is a non-negative penalty.
            bound += result.bound ?? 0
        }
        return WeekResult(roster: Roster(assignments: assignments, uncovered: uncovered, responsibilities: responsibilities),
                          reports: reports, status: Self.overallStatus(statuses), objective: objective, bound: bound)
    }

    struct WeekResult {
        let roster: Roster
        let reports: [PartReport]
        let status: TerminationStatus
        let objective: Double?
        let bound: Double
    }

    struct PartResult: Sendable {
        let assignments: [RosterAssignment]
        let uncovered: [UncoveredDemand]
        let responsibilities: [Responsibility]
        let report: PartReport
        let objective: Double?
        let bound: Double?
    }

    /// Solves the parts on as many threads as there are cores; GLPK keeps its state per thread.
    private func solveInParallel(_ parts: [IndependentParts.Part], scenario: Scenario, options: PlanningOptions) throws -> [PartResult] {
        let results = ResultSlots<Result<PartResult, Error>>(count: parts.count)
        let order = parts.indices.sorted { parts[$0].demands.count > parts[$1].demands.count }
        let next = ResultSlots<Int>(count: 1)
        let workers = max(1, min(parts.count, ProcessInfo.processInfo.activeProcessorCount))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let position = next.takeTicket(limit: order.count) {
                let index = order[position]
                results.store(index, Result { try solvePart(parts[index], scenario: scenario, options: options) })
            }
        }
        return try results.all().map { try $0.get() }
    }

    private func solvePart(_ part: IndependentParts.Part, scenario: Scenario, options: PlanningOptions) throws -> PartResult {
        let weekModel = WeekModel(scenario: scenario, demands: part.demands, staff: part.staff, tasks: part.tasks,
                                  responsibilities: part.responsibilities, appointments: part.appointments,
                                  weights: options.weights, name: part.name)
        try weekModel.build()
        let partName = part.name
        var partLog: (@Sendable (String) -> Void)? = nil
        if let log = options.log {
            partLog = { line in log("[\(partName)] \(line)") }
        }
        let solveOptions = SolveOptions(
            timeLimitSeconds: options.timeLimitSeconds, relativeGap: options.relativeGap,
            log: partLog, progress: options.progress, shouldStop: options.shouldStop)
        let solution = try solver.solve(weekModel.model, options: solveOptions)
        // Without a solution in time, the empty roster stands: every demand is then reported uncovered.
        // A search stopped on request may still have found rosters: keep the best (its values are there).
        let found = !solution.values.isEmpty
        let values = found ? solution.values : [Double](repeating: 0, count: weekModel.model.variables.count)
        let decoded = GroupRosterDecoder(model: weekModel, values: values).decode()
        let clientWork = ClientWorkScheduler(model: weekModel, values: values, groupWork: decoded.assignments).schedule()
        let report = PartReport(name: part.name, variables: weekModel.model.variables.count,
                                constraints: weekModel.model.constraints.count, status: solution.status,
                                seconds: solution.solveSeconds)
        let objective = found ? (solution.objective ?? weekModel.model.objective.value(in: values)) : nil
        return PartResult(assignments: decoded.assignments + clientWork.assignments, uncovered: decoded.uncovered + clientWork.uncovered,
                          responsibilities: clientWork.responsibilities, report: report,
                          objective: objective, bound: solution.bestBound)
    }

    static func overallStatus(_ statuses: [TerminationStatus]) -> TerminationStatus {
        for worst in [TerminationStatus.stopped, .feasible] where statuses.contains(worst) { return worst }
        if statuses.contains(where: { !$0.hasSolution }) { return .feasible }
        return .optimal
    }
}

/// Thread-safe slots for results computed on several threads.
public final class ResultSlots<Value>: @unchecked Sendable {
    private var values: [Value?]
    private var ticket = 0
    private let lock = NSLock()

    public init(count: Int) { values = Array(repeating: nil, count: count) }

    public func store(_ index: Int, _ value: Value) {
        lock.lock(); defer { lock.unlock() }
        values[index] = value
    }

    public func takeTicket(limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard ticket < limit else { return nil }
        ticket += 1
        return ticket - 1
    }

    public func all() -> [Value] {
        lock.lock(); defer { lock.unlock() }
        return values.map { $0! }
    }
}
