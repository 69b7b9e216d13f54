import CGLPK
import Foundation
import Glibc
import Optimization

/// GLPK in a child process: the model goes to a fresh copy of this program (`worker` is its
/// path, run with `GLPKWorker.argument`), which solves it with `GLPKSolver` and streams its log,
/// progress and every better solution back. At the time limit (plus a grace) or on `shouldStop`
/// the child is asked to stop, then killed; a child that aborts (GLPK calls `abort()` on a call
/// it rejects) or hangs inside one of its steps costs only that solve: the caller keeps the best
/// solution it reported. Models below `smallest` variables are solved on the calling thread, where
/// starting a process would cost more than the solve.
public struct IsolatedGLPKSolver: Solver {
    public let worker: String
    public let smallest: Int
    /// After the time limit, how long the child may take to hand back its answer.
    public var grace = 0.5

    public init(worker: String, smallest: Int = 2_000) {
        self.worker = worker
        self.smallest = smallest
    }

    /// Neighbourhood steps and warm-start completions are many, small and budgeted in nodes:
    /// they run on the calling thread (abandoned at the deadline by the engine).
    public var forSmallSolves: any Solver { GLPKSolver() }

    /// The running program itself (Linux), for a command-line tool that is its own worker.
    public static var ownExecutable: String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first
    }

    public func solve(_ model: Model, options: SolveOptions) throws -> Solution {
        guard model.variables.count >= smallest, FileManager.default.isExecutableFile(atPath: worker) else {
            return try GLPKSolver().solve(model, options: options)
        }
        if let initial = options.initialSolution, initial.count != model.variables.count {
            throw GLPKError.initialSolutionSize(expected: model.variables.count, got: initial.count)
        }
        let started = Date()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: worker)
        process.arguments = [GLPKWorker.argument]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let state = ChildState()
        let reader = Thread {
            var buffer = Data()
            while true {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                guard let messages = try? ModelWire.messages(in: &buffer) else { break }
                for message in messages {
                    switch message {
                    case let .log(line): options.log?(line)
                    case let .progress(progress): options.progress?(progress)
                    case let .incumbent(values, objective):
                        state.record(values, objective)
                        options.incumbent?(values, objective)
                    case let .solution(solution): state.finish(.success(solution))
                    case let .failure(text):
                        options.log?("GLPK's child process failed: \(text)")
                        state.finish(.failure(WireError(description: text)))
                    }
                }
            }
            state.closed()
        }
        reader.start()
        // The request is written whole while the child reads it; then its stdin closes.
        let request = ModelWire.request(model, options: options)
        try? input.fileHandleForWriting.write(contentsOf: request)
        try? input.fileHandleForWriting.close()

        let limit = options.timeLimitSeconds.map { $0 + grace }
        var asked = false
        while !state.isClosed {
            let elapsed = Date().timeIntervalSince(started)
            if !asked, options.shouldStop?() == true || (limit.map { elapsed > $0 - grace } ?? false) {
                // Ask first (the child returns its best at GLPK's next step), kill if it does not.
                kill(process.processIdentifier, SIGTERM)
                asked = true
            }
            if let limit, elapsed > limit + (asked ? grace : 0) {
                kill(process.processIdentifier, SIGKILL)
                break
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        process.waitUntilExit()
        if let result = state.result {
            switch result {
            case let .success(solution): return solution
            case let .failure(error): throw error
            }
        }
        // Killed, or lost (an abort): the best solution the child reported, else none.
        let seconds = Date().timeIntervalSince(started)
        options.log?("GLPK's child process ended without an answer after \(String(format: "%.2f", seconds)) s (\(asked ? "stopped at its deadline" : "exit \(process.terminationStatus)"))")
        if let (values, objective) = state.best {
            return Solution(status: .feasible, values: values, objective: objective, bestBound: nil, solveSeconds: seconds)
        }
        if process.terminationReason == .uncaughtSignal, !asked {
            // An abort in GLPK ends only the child; the caller goes on with what it had.
            options.log?(GLPKError.childFailed(signal: process.terminationStatus, log: "").description)
        }
        return Solution(status: .noSolutionInTime, values: [], objective: nil, bestBound: nil, solveSeconds: seconds)
    }
}

/// The child's side: read one request from stdin, solve it, stream the answer to stdout.
public enum GLPKWorker {
    /// The argument that makes the program a worker.
    public static let argument = "__glpk-worker"

    nonisolated(unsafe) private static var stopRequested: sig_atomic_t = 0

    /// Runs the worker and returns its exit code.
    public static func run() -> Int32 {
        // Never outlive the planner: a solve it abandoned must not keep running after it ends.
        _ = zorgrooster_die_with_parent()
        if getppid() == 1 { return 1 }
        signal(SIGTERM) { _ in GLPKWorker.stopRequested = 1 }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        // For the tests of the parent's side only: a child that dies as GLPK's abort() would, or
        // one that hangs and ignores the request to stop.
        switch ProcessInfo.processInfo.environment["ZORGROOSTER_GLPK_WORKER_FAULT"] {
        case "abort": abort()
        case "hang":
            signal(SIGTERM, SIG_IGN)
            while true { sleep(60) }
        default: break
        }
        let send: @Sendable (ModelWire.Message) -> Void = { message in
            outputLock.lock()
            defer { outputLock.unlock() }
            try? FileHandle.standardOutput.write(contentsOf: ModelWire.frame(message))
        }
        do {
            var (model, options) = try ModelWire.decodeRequest(data)
            options.log = { send(.log($0)) }
            options.progress = { send(.progress($0)) }
            options.incumbent = { send(.incumbent($0, $1)) }
            options.shouldStop = { GLPKWorker.stopRequested != 0 }
            let solution = try GLPKSolver().solve(model, options: options)
            send(.solution(solution))
            return 0
        } catch {
            send(.failure("\(error)"))
            return 1
        }
    }
}

/// One message at a time on the child's stdout (GLPK's callbacks and log may come from its thread).
private let outputLock = NSLock()

/// What the reading thread learns, shared with the waiting one.
private final class ChildState: @unchecked Sendable {
    private let lock = NSLock()
    private var _best: ([Double], Double)?
    private var _result: Result<Solution, Error>?
    private var _closed = false

    func record(_ values: [Double], _ objective: Double) { lock.lock(); _best = (values, objective); lock.unlock() }
    func finish(_ result: Result<Solution, Error>) { lock.lock(); _result = result; lock.unlock() }
    func closed() { lock.lock(); _closed = true; lock.unlock() }
    var best: ([Double], Double)? { lock.lock(); defer { lock.unlock() }; return _best }
    var result: Result<Solution, Error>? { lock.lock(); defer { lock.unlock() }; return _result }
    var isClosed: Bool { lock.lock(); defer { lock.unlock() }; return _closed }
}
