import CGLPK
import Foundation
import Optimization

/// `Solver` backed by GLPK's simplex and branch-and-cut (`glp_simplex`, `glp_intopt`).
///
/// Each solve owns its own `glp_prob` and runs on the calling thread; Debian's GLPK keeps its
/// state per thread, so separate models may be solved on separate threads at once.
public struct GLPKSolver: Solver {
    public init() {}

    public func solve(_ model: Model, options: SolveOptions) throws -> Solution {
        let started = Date()
        if model.variables.isEmpty {
            return Solution(status: .optimal, values: [], objective: model.objective.constant,
                            bestBound: model.objective.constant, solveSeconds: 0)
        }
        if let initial = options.initialSolution, initial.count != model.variables.count {
            throw GLPKError.initialSolutionSize(expected: model.variables.count, got: initial.count)
        }
        let session = SearchSession(options: options, started: started, sense: model.sense)
        let box = Unmanaged.passRetained(session)
        defer { box.release() }
        glp_term_hook(terminalHook, box.toOpaque())
        defer {
            glp_term_hook(nil, nil)
            session.flushLog()
        }

        let problem = GLPKProblem(model)
        // `lp` is the problem's pointer: the owner must outlive every call on it (ARC may
        // otherwise free it after its last use, here right after this line).
        defer { withExtendedLifetime(problem) {} }
        let lp = problem.pointer
        glp_scale_prob(lp, GLP_SF_AUTO)

        var simplexParameters = glp_smcp()
        glp_init_smcp(&simplexParameters)
        simplexParameters.msg_lev = GLP_MSG_ERR
        simplexParameters.presolve = GLP_OFF
        if let limit = options.timeLimitSeconds { simplexParameters.tm_lim = milliseconds(limit) }
        let simplexCode = glp_simplex(lp, &simplexParameters)
        let lpStatus = glp_get_status(lp)
        let elapsed = { Date().timeIntervalSince(started) }

        guard simplexCode == 0 || simplexCode == GLP_ETMLIM else {
            throw GLPKError.simplexFailed(code: simplexCode, log: session.logTail)
        }
        switch lpStatus {
        case GLP_NOFEAS:
            return Solution(status: .infeasible, values: [], objective: nil, bestBound: nil, solveSeconds: elapsed())
        case GLP_UNBND:
            return Solution(status: .unbounded, values: [], objective: nil, bestBound: nil, solveSeconds: elapsed())
        case GLP_OPT:
            break
        default:
            return Solution(status: .noSolutionInTime, values: [], objective: nil, bestBound: nil, solveSeconds: elapsed())
        }

        // The LP relaxation's optimum bounds every integer solution, even if branch-and-cut ends early.
        let relaxationBound = glp_get_obj_val(lp)
        guard model.hasIntegerVariables else {
            let values = (1...model.variables.count).map { glp_get_col_prim(lp, Int32($0)) }
            let objective = glp_get_obj_val(lp)
            return Solution(status: .optimal, values: values, objective: objective, bestBound: objective, solveSeconds: elapsed())
        }

        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = GLP_MSG_ON
        parameters.presolve = GLP_OFF  // the tree must see our columns for glp_ios_heur_sol
        parameters.mip_gap = options.relativeGap
        parameters.mir_cuts = GLP_ON
        parameters.cov_cuts = GLP_ON
        parameters.clq_cuts = GLP_ON
        // The feasibility pump looks for a first incumbent; with one offered it only costs time.
        parameters.fp_heur = options.initialSolution == nil ? GLP_ON : GLP_OFF
        parameters.out_frq = 2000
        if let limit = options.timeLimitSeconds {
            parameters.tm_lim = milliseconds(max(0.001, limit - elapsed()))
        }
        parameters.cb_func = branchAndCutCallback
        parameters.cb_info = box.toOpaque()
        let code = glp_intopt(lp, &parameters)
        let mipStatus = glp_mip_status(lp)
        let hasSolution = mipStatus == GLP_OPT || mipStatus == GLP_FEAS

        let values = hasSolution ? (1...model.variables.count).map { glp_mip_col_val(lp, Int32($0)) } : []
        let objective = hasSolution ? glp_mip_obj_val(lp) : nil
        let status: TerminationStatus
        switch code {
        case 0 where mipStatus == GLP_OPT, GLP_EMIPGAP:
            status = .optimal
        case 0 where mipStatus == GLP_NOFEAS:
            status = .infeasible
        case GLP_ETMLIM:
            status = hasSolution ? .feasible : .noSolutionInTime
        case GLP_ESTOP:
            status = .stopped
        case 0:
            status = hasSolution ? .feasible : .noSolutionInTime
        default:
            throw GLPKError.branchAndCutFailed(code: code, log: session.logTail)
        }
        var bound: Double? = session.bestBound ?? relaxationBound
        if status == .optimal, code == 0 { bound = objective }
        if let objective, let known = bound {
            bound = model.sense == .minimize ? min(known, objective) : max(known, objective)
        }
        var solution = Solution(status: status, values: values, objective: objective, bestBound: bound, solveSeconds: elapsed())
        solution.warmStartAccepted = session.warmStartAccepted
        return solution
    }

    /// Writes the model in CPLEX LP format, for reading a model by eye or in another solver.
    public func writeLP(_ model: Model, to path: String) throws {
        let problem = GLPKProblem(model)
        var parameters = glp_cpxcp()
        glp_init_cpxcp(&parameters)
        let code = withExtendedLifetime(problem) { glp_write_lp(problem.pointer, &parameters, path) }
        if code != 0 { throw GLPKError.writeFailed(path: path) }
    }
}

private func milliseconds(_ seconds: Double) -> Int32 {
    Int32(clamping: Int((seconds * 1000).rounded(.up)))
}

/// Errors from GLPK itself; each says what happened and what to try.
public enum GLPKError: Error, CustomStringConvertible {
    case initialSolutionSize(expected: Int, got: Int)
    case simplexFailed(code: Int32, log: String)
    case branchAndCutFailed(code: Int32, log: String)
    case writeFailed(path: String)
    /// The child process solving the model died of a signal before answering (GLPK aborted).
    case childFailed(signal: Int32, log: String)

    public var description: String {
        switch self {
        case let .childFailed(signal, log):
            "GLPK's child process died (signal \(signal)) before answering.\(log.isEmpty ? "" : " GLPK said: \(log)")"
        case let .initialSolutionSize(expected, got):
            "The initial solution has \(got) values but the model has \(expected) variables."
        case let .simplexFailed(code, log):
            "GLPK's simplex failed (\(returnCodeSentence(code))). GLPK said: \(log)"
        case let .branchAndCutFailed(code, log):
            "GLPK's branch-and-cut failed (\(returnCodeSentence(code))). GLPK said: \(log)"
        case let .writeFailed(path):
            "GLPK could not write the model to \(path); check that the folder exists and is writable."
        }
    }
}

func returnCodeSentence(_ code: Int32) -> String {
    switch code {
    case GLP_EBADB: "the initial basis is invalid"
    case GLP_ESING: "the basis matrix is singular"
    case GLP_ECOND: "the basis matrix is ill-conditioned"
    case GLP_EBOUND: "some double-bounded variable has incorrect bounds"
    case GLP_EFAIL: "the solver failed"
    case GLP_EROOT: "the LP relaxation has no optimal basis"
    case GLP_EITLIM: "the iteration limit was reached"
    case GLP_ENOPFS: "the problem has no primal feasible solution"
    case GLP_ENODFS: "the problem has no dual feasible solution"
    default: "return code \(code)"
    }
}
