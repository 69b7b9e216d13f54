/// Options for one solve.
public struct SolveOptions: Sendable {
    /// Stop after this many seconds and return the best solution found; nil means no limit.
    public var timeLimitSeconds: Double?
    /// Stop when the relative gap between incumbent and bound is at most this.
    public var relativeGap: Double
    /// A feasible solution to start from (one value per variable), for example from a heuristic.
    public var initialSolution: [Double]?
    /// Receives the solver's log lines (they are never printed directly).
    public var log: (@Sendable (String) -> Void)?
    /// Receives progress whenever the search finds a better solution or bound.
    public var progress: (@Sendable (SolveProgress) -> Void)?
    /// Asked now and then during the search; returning true stops it with the best solution so far.
    public var shouldStop: (@Sendable () -> Bool)?
    /// Receives each better solution the search finds (values, objective), so that a caller who
    /// abandons a solve at its deadline still has the best one.
    public var incumbent: (@Sendable ([Double], Double) -> Void)?
    /// Stop branch-and-cut once its tree has this many nodes (nil: no limit): a budget counted in
    /// work rather than seconds, so a search that keeps it ends the same way on any machine.
    public var nodeLimit: Int?

    public init(timeLimitSeconds: Double? = nil, relativeGap: Double = 1e-4,
                initialSolution: [Double]? = nil,
                log: (@Sendable (String) -> Void)? = nil,
                progress: (@Sendable (SolveProgress) -> Void)? = nil,
                shouldStop: (@Sendable () -> Bool)? = nil) {
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.initialSolution = initialSolution
        self.log = log
        self.progress = progress
        self.shouldStop = shouldStop
    }
}

/// A snapshot of a running search.
public struct SolveProgress: Sendable, Equatable {
    public let incumbent: Double?
    public let bound: Double?
    public let elapsedSeconds: Double

    public init(incumbent: Double?, bound: Double?, elapsedSeconds: Double) {
        self.incumbent = incumbent
        self.bound = bound
        self.elapsedSeconds = elapsedSeconds
    }
}

/// Why the solver stopped.
public enum TerminationStatus: String, Sendable, Equatable {
    case optimal
    case feasible
    case infeasible
    case unbounded
    case noSolutionInTime = "no_solution"
    /// Stopped on request (`shouldStop`), with or without a solution.
    case stopped

    public var sentence: String {
        switch self {
        case .optimal: "The solution is optimal within the requested gap."
        case .feasible: "A feasible solution was found, but the search stopped (time limit) before proving it within the requested gap."
        case .infeasible: "The model has no feasible solution."
        case .unbounded: "The objective can improve without limit; the model lacks a bound."
        case .noSolutionInTime: "The search stopped before it found any feasible solution."
        case .stopped: "The search was stopped on request; the best solution found so far is returned."
        }
    }

    public var hasSolution: Bool { self == .optimal || self == .feasible }
}

/// The outcome of a solve.
public struct Solution: Sendable {
    public let status: TerminationStatus
    /// One value per variable; empty when there is no solution.
    public let values: [Double]
    public let objective: Double?
    public let bestBound: Double?
    public let solveSeconds: Double
    /// Whether the solver took `SolveOptions.initialSolution` as its first incumbent (nil: none offered or not asked).
    public var warmStartAccepted: Bool?

    public init(status: TerminationStatus, values: [Double], objective: Double?, bestBound: Double?, solveSeconds: Double) {
        self.status = status
        self.values = values
        self.objective = objective
        self.bestBound = bestBound
        self.solveSeconds = solveSeconds
    }

    /// Relative gap |objective − bound| / max(1, |objective|), or nil without both.
    public var relativeGap: Double? {
        guard let objective, let bestBound else { return nil }
        return abs(objective - bestBound) / max(1, abs(objective))
    }

    public subscript(variable: Variable) -> Double { values[variable.index] }
}

/// A MIP solver backend.
public protocol Solver: Sendable {
    func solve(_ model: Model, options: SolveOptions) throws -> Solution
    /// The solver for many small, budgeted solves (a neighbourhood step, completing a fixed
    /// roster), where starting a process for each would cost more than the solve itself.
    var forSmallSolves: any Solver { get }
}

extension Solver {
    public var forSmallSolves: any Solver { self }
}
