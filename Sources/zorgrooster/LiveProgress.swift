import CareDomain
import Foundation
import Optimization
import Planning
import Synchronization

/// Set by Ctrl-C; the search polls it and stops with the best roster so far.
let interrupted = Atomic<Bool>(false)

/// The first Ctrl-C asks the search to stop (the roster found so far is still checked and
/// written, marked `stopped`); a second one ends the program at once.
func installInterruptHandler() {
    signal(SIGINT) { _ in
        if interrupted.load(ordering: .relaxed) {
            _exit(130)
        }
        interrupted.store(true, ordering: .relaxed)
        let note = "\nstopping: writing the best roster found so far (Ctrl-C again to quit at once)\n"
        _ = note.withCString { write(STDERR_FILENO, $0, strlen($0)) }
    }
}

/// One line on stderr, rewritten in place: elapsed time, incumbent, bound and gap from GLPK's
/// callback. Only on a terminal; logs and pipes get nothing.
final class LiveProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var lastShown = Date.distantPast
    private var shown = false

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    func show(_ progress: SolveProgress) {
        lock.lock(); defer { lock.unlock() }
        // At most a few updates a second: the callback fires for every node.
        guard Date().timeIntervalSince(lastShown) >= 0.25 else { return }
        lastShown = Date()
        shown = true
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + Self.line(progress)).utf8))
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    static func line(_ progress: SolveProgress) -> String {
        var parts = [String(format: "searching %.1f s", progress.elapsedSeconds)]
        // GLPK says "no bound yet" with ±DBL_MAX; such a number is not shown.
        let sensible = { (value: Double?) in value.flatMap { $0.isFinite && abs($0) < 1e15 ? $0 : nil } }
        let progress = SolveProgress(incumbent: sensible(progress.incumbent), bound: sensible(progress.bound), elapsedSeconds: progress.elapsedSeconds)
        if let incumbent = progress.incumbent { parts.append(String(format: "best %.1f", incumbent)) }
        if let bound = progress.bound { parts.append(String(format: "bound %.1f", bound)) }
        if let incumbent = progress.incumbent, let bound = progress.bound {
            parts.append(String(format: "gap %.2f%%", abs(incumbent - bound) / max(1, abs(incumbent)) * 100))
        }
        return parts.joined(separator: " · ") + "  (Ctrl-C: stop and keep the best)"
    }
}

extension PlanningFlags {
    /// The options with the live line and Ctrl-C attached, where the terminal allows.
    func interactiveOptions(for scenario: Scenario, progress: LiveProgress?) -> PlanningOptions {
        var options = options(for: scenario)
        options.shouldStop = { interrupted.load(ordering: .relaxed) }
        if let progress, !quiet, !verbose, LiveProgress.stderrIsTerminal {
            options.progress = { progress.show($0) }
        }
        return options
    }
}
