import CGLPK
import Foundation
import Optimization

/// State shared with GLPK's C callbacks during one solve: the log, the best bound, the heuristic.
final class SearchSession: @unchecked Sendable {
    let options: SolveOptions
    let started: Date
    let sense: ObjectiveSense
    private(set) var bestBound: Double?
    private var incumbent: Double?
    private var pendingLine = ""
    private var recentLines: [String] = []
    private var initialSolutionOffered = false
    /// Whether `glp_ios_heur_sol` took the initial solution (nil: never offered).
    private(set) var warmStartAccepted: Bool?

    init(options: SolveOptions, started: Date, sense: ObjectiveSense) {
        self.options = options
        self.started = started
        self.sense = sense
    }

    var logTail: String { recentLines.suffix(5).joined(separator: " | ") }

    func receive(_ text: String) {
        pendingLine += text
        while let newline = pendingLine.firstIndex(of: "\n") {
            emit(String(pendingLine[..<newline]))
            pendingLine = String(pendingLine[pendingLine.index(after: newline)...])
        }
    }

    func flushLog() {
        if !pendingLine.isEmpty { emit(pendingLine) }
        pendingLine = ""
    }

    private func emit(_ line: String) {
        recentLines.append(line)
        if recentLines.count > 20 { recentLines.removeFirst(recentLines.count - 20) }
        options.log?(line)
    }

    /// Called from the branch-and-cut callback with each event of the search tree.
    func handle(tree: OpaquePointer) {
        let reason = glp_ios_reason(tree)
        if options.shouldStop?() == true {
            glp_ios_terminate(tree)
            return
        }
        if let limit = options.nodeLimit, reason == GLP_ISELECT {
            var active: Int32 = 0, current: Int32 = 0, total: Int32 = 0
            glp_ios_tree_size(tree, &active, &current, &total)
            if Int(total) >= limit {
                glp_ios_terminate(tree)
                return
            }
        }
        if reason == GLP_IHEUR, !initialSolutionOffered, var values = options.initialSolution {
            initialSolutionOffered = true
            values.insert(0, at: 0)  // GLPK's arrays start at 1
            let accepted = glp_ios_heur_sol(tree, values) == 0
            warmStartAccepted = accepted
            emit(accepted ? "warm start: GLPK accepted the initial solution as its incumbent"
                          : "warm start: GLPK rejected the initial solution (not integral, or not better than its incumbent)")
        }
        var changed = false
        let bestNode = glp_ios_best_node(tree)
        if bestNode != 0 {
            let bound = glp_ios_node_bound(tree, bestNode)
            if bound != bestBound { bestBound = bound; changed = true }
        }
        if reason == GLP_IBINGO || (reason == GLP_IHEUR && warmStartAccepted == true && incumbent == nil) {
            let problem = glp_ios_get_prob(tree)
            incumbent = glp_mip_obj_val(problem)
            changed = true
            if let report = options.incumbent, let incumbent {
                let count = glp_get_num_cols(problem)
                report((1...max(1, count)).prefix(Int(count)).map { glp_mip_col_val(problem, Int32($0)) }, incumbent)
            }
        }
        if changed, let progress = options.progress {
            progress(SolveProgress(incumbent: incumbent, bound: bestBound,
                                   elapsedSeconds: Date().timeIntervalSince(started)))
        }
    }
}

/// GLPK's terminal hook: every line GLPK would print goes to the session's log instead.
let terminalHook: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Int32 = { info, text in
    guard let info, let text else { return 1 }
    Unmanaged<SearchSession>.fromOpaque(info).takeUnretainedValue().receive(String(cString: text))
    return 1
}

/// GLPK's branch-and-cut callback.
let branchAndCutCallback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
    guard let tree, let info else { return }
    Unmanaged<SearchSession>.fromOpaque(info).takeUnretainedValue().handle(tree: tree)
}
