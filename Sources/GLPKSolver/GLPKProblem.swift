import CGLPK
import Optimization

/// The one owner of a `glp_prob`: loads a validated `Model` and frees the problem on deinit.
///
/// GLPK's arrays are 1-based; this type is the only place that knows it.
final class GLPKProblem {
    let pointer: OpaquePointer

    init(_ model: Model) {
        pointer = glp_create_prob()
        glp_set_prob_name(pointer, model.name)  // made usable (ASCII, ≤ 255 bytes) by Model
        glp_set_obj_dir(pointer, model.sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(pointer, 0, model.objective.constant)
        loadColumns(model)
        loadRows(model)
    }

    deinit { glp_delete_prob(pointer) }

    private func loadColumns(_ model: Model) {
        glp_add_cols(pointer, Int32(model.variables.count))
        for (offset, variable) in model.variables.enumerated() {
            let column = Int32(offset + 1)
            glp_set_col_name(pointer, column, variable.name)
            let (type, lower, upper) = boundType(variable.lowerBound, variable.upperBound)
            glp_set_col_bnds(pointer, column, type, lower, upper)
            switch variable.kind {
            case .continuous: glp_set_col_kind(pointer, column, GLP_CV)
            case .integer: glp_set_col_kind(pointer, column, GLP_IV)
            // GLP_BV resets the bounds to 0..1, which would undo a fixing: a fixed binary is an integer column.
            case .binary where lower == upper: glp_set_col_kind(pointer, column, GLP_IV)
            case .binary: glp_set_col_kind(pointer, column, GLP_BV)
            }
        }
        for (variable, coefficient) in model.objective.sortedTerms {
            glp_set_obj_coef(pointer, Int32(variable.index + 1), coefficient)
        }
    }

    private func loadRows(_ model: Model) {
        // GLPK's simplex refuses a problem without rows; a free, empty row changes nothing.
        let rowCount = max(1, model.constraints.count)
        glp_add_rows(pointer, Int32(rowCount))
        if model.constraints.isEmpty {
            glp_set_row_name(pointer, 1, "no_constraints")
            glp_set_row_bnds(pointer, 1, GLP_FR, 0, 0)
            return
        }
        var rowIndices: [Int32] = [0]
        var columnIndices: [Int32] = [0]
        var coefficients: [Double] = [0]
        for (offset, constraint) in model.constraints.enumerated() {
            let row = Int32(offset + 1)
            glp_set_row_name(pointer, row, constraint.name)
            let (type, lower, upper) = boundType(constraint.lowerBound, constraint.upperBound)
            glp_set_row_bnds(pointer, row, type, lower, upper)
            for term in constraint.terms {
                rowIndices.append(row)
                columnIndices.append(Int32(term.variable.index + 1))
                coefficients.append(term.coefficient)
            }
        }
        glp_load_matrix(pointer, Int32(coefficients.count - 1), rowIndices, columnIndices, coefficients)
    }
}

/// GLPK's bound type for a pair of bounds, with infinite ones left out.
private func boundType(_ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
    switch (lower.isFinite, upper.isFinite) {
    case (false, false): (GLP_FR, 0, 0)
    case (true, false): (GLP_LO, lower, 0)
    case (false, true): (GLP_UP, 0, upper)
    case (true, true): lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
    }
}
