import Dispatch
import Foundation
import Optimization

/// One moment by which a piece of work must be done; shared by every part, solve and step.
struct Deadline: Sendable {
    let end: Date

    init(seconds: Double, from start: Date = Date()) { end = start.addingTimeInterval(max(0, seconds)) }
    init(end: Date) { self.end = end }

    var remaining: Double { max(0, end.timeIntervalSinceNow) }
    var hasPassed: Bool { remaining <= 0 }

    /// The earlier of this deadline and `seconds` from now.
    func capped(at seconds: Double) -> Deadline { Deadline(end: min(end, Date().addingTimeInterval(max(0, seconds)))) }
}

/// A deadline that may be moved once work is under way (a part whose roster leaves nothing
/// short may run into the hire analysis's time); read and moved on one thread.
final class DeadlineClock {
    var deadline: Deadline
    init(_ deadline: Deadline) { self.deadline = deadline }
}

/// Runs a solve on a thread of its own and waits for it until the deadline; a solve that does
/// not return in time (GLPK checks its limit only between its own steps) is abandoned there, and
/// the best solution it reported through `SolveOptions.incumbent` is returned instead.
///
/// An abandoned thread keeps running until GLPK returns or the process ends; Debian's GLPK keeps
/// its state per thread, so it does not disturb solves on other threads.
enum AbandonableSolve {
    struct Outcome {
        let solution: Solution?
        let abandoned: Bool
        let error: Error?
    }

    static func run(_ solver: any Solver, model: Model, options: SolveOptions, deadline: Deadline, grace: Double = 0.3) -> Outcome {
        let box = SolveBox()
        var options = options
        let limit = deadline.remaining
        options.timeLimitSeconds = max(0.05, limit)
        let outer = options.incumbent
        options.incumbent = { values, objective in
            box.record(values, objective)
            outer?(values, objective)
        }
        let outerProgress = options.progress
        options.progress = { progress in
            if let bound = progress.bound { box.recordBound(bound) }
            outerProgress?(progress)
        }
        // Past the deadline, or once abandoned, the search is asked to stop at its next step.
        let outerStop = options.shouldStop
        options.shouldStop = { box.isAbandoned || deadline.hasPassed || outerStop?() == true }
        let done = DispatchSemaphore(value: 0)
        let prepared = options
        let thread = Thread {
            let result = Result { try solver.solve(model, options: prepared) }
            box.finish(result)
            done.signal()
        }
        // GLPK's branch-and-cut recurses; give it a generous stack.
        thread.stackSize = 64 << 20
        thread.start()
        if done.wait(timeout: .now() + limit + grace) == .success {
            switch box.result! {
            case let .success(solution): return Outcome(solution: solution, abandoned: false, error: nil)
            case let .failure(error): return Outcome(solution: nil, abandoned: false, error: error)
            }
        }
        box.abandon()
        guard let (values, objective) = box.best else {
            // No roster, but the bound GLPK reached still holds.
            let bound = box.bound.map { Solution(status: .noSolutionInTime, values: [], objective: nil, bestBound: $0, solveSeconds: limit + grace) }
            return Outcome(solution: bound, abandoned: true, error: nil)
        }
        return Outcome(solution: Solution(status: .feasible, values: values, objective: objective, bestBound: box.bound,
                                          solveSeconds: limit + grace),
                       abandoned: true, error: nil)
    }
}

/// What a solve thread hands back; locked because the waiting thread may give up on it.
private final class SolveBox: @unchecked Sendable {
    private let lock = NSLock()
    private var _result: Result<Solution, Error>?
    private var _best: ([Double], Double)?
    private var abandoned = false
    private var _bound: Double?

    var bound: Double? { lock.lock(); defer { lock.unlock() }; return _bound }

    func recordBound(_ bound: Double) {
        lock.lock(); defer { lock.unlock() }
        if bound.isFinite, !abandoned { _bound = bound }
    }

    var result: Result<Solution, Error>? { lock.lock(); defer { lock.unlock() }; return _result }
    var best: ([Double], Double)? { lock.lock(); defer { lock.unlock() }; return _best }
    var isAbandoned: Bool { lock.lock(); defer { lock.unlock() }; return abandoned }

    func record(_ values: [Double], _ objective: Double) {
        lock.lock(); defer { lock.unlock() }
        if !abandoned { _best = (values, objective) }
    }

    func finish(_ result: Result<Solution, Error>) {
        lock.lock(); defer { lock.unlock() }
        _result = result
    }

    func abandon() {
        lock.lock(); defer { lock.unlock() }
        abandoned = true
    }
}
