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
    /// When the whole command began (reading the scenario included): the time limit counts from
    /// here. Nil: from the start of planning.
    public var startedAt: Date? = nil
    /// Assignments the roster must keep (`--pin`, and a re-plan's still-allowed roster): the
    /// search starts from them and never moves them.
    public var pinned: Roster? = nil
    /// A roster edited by hand (`render`): kept as it is, no search; only what it leaves short,
    /// the reasons, the hire advice and the figures are derived. Where a free, qualified person
    /// could still fill a shortfall, the roster comes back with them added (the run refuses it:
    /// a written roster is maximal).
    public var asWritten: Roster? = nil
    /// A re-plan: beside the pinned (kept) rows, people are added only where something is short;
    /// an added group row that meets no need of its session is taken out before the figures.
    public var addsOnlyWhereShort = false

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
    /// Per group session: clients present, counted professionals asked and rostered (the board's figures).
    public var sessions: [SessionStaffing] = []

    public init(roster: Roster, capacity: [CapacityRow], summary: RunSummary, parts: [PartReport], hires: HirePlan,
                sessions: [SessionStaffing] = []) {
        self.roster = roster
        self.capacity = capacity
        self.summary = summary
        self.parts = parts
        self.hires = hires
        self.sessions = sessions
    }
}

public struct PartReport: Sendable {
    public let name: String
    public let variables: Int
    public let constraints: Int
    public let status: TerminationStatus
    public let seconds: Double
    /// How long its first complete roster (the construction) took: what a second solve of the
    /// week (the hire analysis) needs at least before it has an answer.
    public var constructionSeconds = 0.0
}

/// Turns a scenario into a roster: decompose, model, solve each part, decode, explain.
public struct RosterPlanner<S: Solver>: Sendable {
    let solver: S

    public init(solver: S) { self.solver = solver }

    public func plan(_ scenario: Scenario, options: PlanningOptions) throws -> PlanOutcome {
        let started = options.startedAt.map { min($0, Date()) } ?? Date()
        // One deadline for the whole run: the roster gets 80% of the limit, the hire analysis
        // (when something is short) the next 12%; the rest is for checking and writing files.
        // A roster that leaves nothing short needs no hire analysis, so a week of one part whose
        // first roster covers everything (it never gets worse) may use the 12% as well, and so
        // may every roster when the analysis is off.
        let limit = max(0.1, options.timeLimitSeconds)
        let hireDeadline = Deadline(seconds: limit * 0.92, from: started)
        let rosterDeadline = options.analyseHires ? Deadline(seconds: limit * 0.80, from: started) : hireDeadline
        let demands = SessionDemand.build(for: scenario).filter(\.isActive)
        let ambulatory = AmbulatoryDemand.build(for: scenario, candidatesPerClient: 0)
        let modelWork = options.candidatesPerClient == 0 ? ambulatory
            : AmbulatoryDemand.build(for: scenario, candidatesPerClient: options.candidatesPerClient)
        let week = try planWeek(scenario, demands: demands, ambulatory: ambulatory, modelWork: modelWork, options: options,
                                deadline: rosterDeadline, seed: options.asWritten, whenNothingShort: hireDeadline)
        var roster = week.roster
        if options.addsOnlyWhereShort, let kept = options.pinned {
            let surplus = Set(Replanning.surplusAdditions(in: roster, kept: kept.assignments, scenario: scenario))
            if !surplus.isEmpty {
                options.log?("re-plan: \(surplus.count) added row(s) met no need and were taken out")
                roster = Roster(assignments: roster.assignments.filter { !surplus.contains($0) }, uncovered: roster.uncovered,
                                responsibilities: roster.responsibilities)
            }
        }
        let capacity = CapacityAnalysis.rows(scenario: scenario, demands: demands, roster: roster)
        var summary = RunSummaryBuilder.summary(
            scenario: scenario, roster: roster, capacity: capacity, status: week.status,
            objective: week.objective, bound: week.bound, seconds: Date().timeIntervalSince(started))
        summary.boundSource = week.boundSource
        summary.warmStart = week.warmStart
        summary.visitsAsked = ambulatory.tasks.filter { $0.kind == .visit }.reduce(0) { $0 + $1.count }
        summary.visitsPlaced = roster.assignments.filter { $0.activity == .visit }.count
        summary.visitsPlaceableBound = AmbulatoryDemand.placeableVisitBound(for: scenario)

        let short = HireAnalysis.staffable(roster, work: ambulatory)
        // What no hire could cover (a client with no time in office hours) is said even when nothing else is short.
        let beyondHiring = roster.uncovered.filter { HireAnalysis.staffKinds.contains($0.kind) }.reduce(0.0) { $0 + $1.hours }
            - short.reduce(0.0) { $0 + $1.hours }
        let stopped = options.shouldStop?() == true
        // One deadline for the whole command: the second solve needs at least what the first's
        // constructions took (its parts share the cores); with less left it is skipped and says
        // so, rather than run past the limit.
        let cores = Double(max(1, ProcessInfo.processInfo.activeProcessorCount))
        let needed = week.reports.reduce(0.0) { $0 + $1.constructionSeconds } / cores
        let noTime = options.analyseHires && !short.isEmpty && !stopped && hireDeadline.remaining < needed
        let skipped = stopped && !short.isEmpty ? "skipped: the search was stopped"
            : noTime ? "skipped: no time left within the time limit (it needs about \(Int(needed.rounded(.up))) s more; give a longer --time-limit)"
            : HirePlan.none.status
        var hires = HirePlan(needs: [], slots: [], stillUncoveredHours: max(0, beyondHiring), status: skipped)
        if noTime { options.log?("hire analysis skipped: \(String(format: "%.1f", hireDeadline.remaining)) s left, about \(String(format: "%.1f", needed)) s needed") }
        // A search stopped on request has no time for a second one.
        if options.analyseHires && !short.isEmpty && !stopped && !noTime {
            // The base roster stays as it is; vacancies fill what it leaves uncovered, where it is uncovered.
            let widened = HireAnalysis.scenarioWithVacancies(scenario, demands: demands, short: short)
            let widenedDemands = SessionDemand.build(for: widened).filter(\.isActive)
            let widenedWork = AmbulatoryDemand.build(for: widened, candidatesPerClient: 0)
            var hireOptions = options
            hireOptions.log = options.log.map { log in { @Sendable line in log("[vacatures] \(line)") } }
            let hireWeek = try planWeek(widened, demands: widenedDemands, ambulatory: widenedWork, modelWork: widenedWork,
                                        options: hireOptions, deadline: hireDeadline, seed: roster)
            hires = HireAnalysis.plan(scenario: scenario, withVacancies: widened, hireRoster: hireWeek.roster, baseRoster: roster,
                                      demands: demands, status: hireDeadline.hasPassed ? .feasible : .optimal)
            summary.fteGap = hires.fte
        }
        summary.hireHours = hires.hours
        summary.hireCost = hires.cost
        summary.solveSeconds = Date().timeIntervalSince(started)
        return PlanOutcome(roster: roster, capacity: CapacityAnalysis.merge(capacity, hires: hires, fteHours: scenario.settings.fteHours),
                           summary: summary, parts: week.reports, hires: hires, sessions: SessionStaffing.of(roster, demands: demands, scenario: scenario))
    }

    /// One plan of the week: decompose, run each part's engine under the deadline, put the roster together.
    private func planWeek(_ scenario: Scenario, demands: [SessionDemand], ambulatory: AmbulatoryDemand, modelWork: AmbulatoryDemand,
                          options: PlanningOptions, deadline: Deadline, seed: Roster?, whenNothingShort: Deadline? = nil) throws -> WeekResult {
        let parts = IndependentParts.split(demands: demands, ambulatory: ambulatory, staff: scenario.sortedStaff, scenario: scenario)
        let results = try solveInParallel(parts, scenario: scenario, modelWork: modelWork, options: options, deadline: deadline, seed: seed,
                                          whenNothingShort: whenNothingShort)
        var assignments: [RosterAssignment] = []
        var uncovered: [UncoveredDemand] = []
        var responsibilities: [Responsibility] = []
        var reports: [PartReport] = []
        var objective = 0.0, bound = 0.0
        var statuses: [TerminationStatus] = []
        var sources: Set<String> = []
        var warmStarts: [String] = []
        for result in results {
            assignments += result.assignments
            uncovered += result.uncovered
            responsibilities += result.responsibilities
            reports.append(result.report)
            statuses.append(result.report.status)
            objective += result.objective ?? 0
            bound += result.bound ?? 0
            sources.insert(result.boundSource)
            if let warm = result.warmStart { warmStarts.append("\(result.report.name): \(warm)") }
        }
        return WeekResult(roster: Roster(assignments: assignments, uncovered: uncovered, responsibilities: responsibilities),
                          reports: reports, status: Self.overallStatus(statuses), objective: objective, bound: bound,
                          boundSource: sources.sorted().joined(separator: " + "), warmStart: warmStarts.isEmpty ? nil : warmStarts.joined(separator: "; "))
    }

    struct WeekResult {
        let roster: Roster
        let reports: [PartReport]
        let status: TerminationStatus
        let objective: Double?
        let bound: Double
        let boundSource: String
        let warmStart: String?
    }

    /// Runs the parts on as many threads as there are cores, the largest first; each part may use
    /// its share of the time left (by size, as if the cores took the remaining parts evenly).
    private func solveInParallel(_ parts: [IndependentParts.Part], scenario: Scenario, modelWork: AmbulatoryDemand,
                                 options: PlanningOptions, deadline: Deadline, seed: Roster?, whenNothingShort: Deadline?) throws -> [PartResult] {
        let results = ResultSlots<Result<PartResult, Error>>(count: parts.count)
        @Sendable func size(_ part: IndependentParts.Part) -> Double { Double(part.demands.count * max(1, part.staff.count) + part.tasks.count * 10 + 1) }
        let order = parts.indices.sorted { size(parts[$0]) > size(parts[$1]) }
        let next = ResultSlots<Int>(count: 1)
        let workers = max(1, min(parts.count, ProcessInfo.processInfo.activeProcessorCount))
        let taskIndex = Dictionary(modelWork.tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let responsibilityIndex = Dictionary(modelWork.responsibilities.map { ($0.client, $0) }, uniquingKeysWith: { first, _ in first })
        let remainingSize = ResultSlots<Double>(count: 1)
        remainingSize.store(0, parts.reduce(0) { $0 + size($1) })
        // The live line sums the parts: each part's best score and bound so far, shown once every
        // part has reported (a part reports after its construction).
        let board = ResultSlots<SolveProgress>(count: parts.count)
        let started = Date()
        let outer = options.progress
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let position = next.takeTicket(limit: order.count) {
                let index = order[position]
                let part = parts[index]
                let share = min(1, Double(workers) * size(part) / max(size(part), remainingSize.value(0)))
                remainingSize.update(0) { $0 - size(part) }
                let partWork = AmbulatoryDemand(tasks: part.tasks.compactMap { taskIndex[$0.id] },
                                                responsibilities: part.responsibilities.compactMap { responsibilityIndex[$0.client] },
                                                appointments: part.appointments)
                var partOptions = options
                if let outer {
                    partOptions.progress = { progress in
                        board.store(index, progress)
                        let reports = (0..<parts.count).compactMap { board.stored($0) }
                        guard reports.count == parts.count else { return }
                        let incumbents = reports.compactMap(\.incumbent), bounds = reports.compactMap(\.bound)
                        outer(SolveProgress(incumbent: incumbents.count == parts.count ? incumbents.reduce(0, +) : nil,
                                            bound: bounds.count == parts.count ? bounds.reduce(0, +) : nil,
                                            elapsedSeconds: Date().timeIntervalSince(started)))
                    }
                }
                var engine = PartEngine(solver: solver, scenario: scenario, part: part, modelWork: partWork, options: partOptions,
                                        deadline: deadline.capped(at: deadline.remaining * share))
                engine.seed = seed
                engine.pins = options.pinned
                // With several parts, one that runs on would delay the hire analysis another needs.
                if parts.count == 1 { engine.whenNothingShort = whenNothingShort }
                // A week of one part leaves the second core to the neighbourhood search.
                engine.searchThreads = parts.count == 1 ? min(2, ProcessInfo.processInfo.activeProcessorCount) : 1
                results.store(index, Result { try engine.run() })
            }
        }
        return try results.all().map { try $0.get() }
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

    public func value(_ index: Int) -> Value {
        lock.lock(); defer { lock.unlock() }
        return values[index]!
    }

    /// The value stored at `index`, or nil when none was.
    public func stored(_ index: Int) -> Value? {
        lock.lock(); defer { lock.unlock() }
        return values[index]
    }

    public func update(_ index: Int, _ change: (Value) -> Value) {
        lock.lock(); defer { lock.unlock() }
        values[index] = change(values[index]!)
    }

    public func all() -> [Value] {
        lock.lock(); defer { lock.unlock() }
        return values.map { $0! }
    }
}
