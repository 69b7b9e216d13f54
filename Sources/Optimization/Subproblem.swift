/// A model with most variables held at a known solution and only a neighbourhood left free: the
/// small MIP of a fix-and-optimise step.
///
/// Fixed variables are substituted as constants rather than given equal bounds, so the solver
/// sees only the free columns and the rows that touch them (a 400,000-column model with 2,000
/// free columns becomes a 2,000-column problem). Rows without a free variable are dropped: the
/// known solution satisfies them and nothing in them can change.
public struct Subproblem: Sendable {
    /// The small model, over the free variables only.
    public let model: Model
    /// For each of the small model's variables, the original variable's index.
    public let original: [Int]
    /// The known solution it was cut from.
    public let incumbent: [Double]

    /// Frees `decisions` and every follower (`isFollower[i]`: a variable determined by the
    /// decisions, such as a shortfall or a face) that shares a row with one of them; holds the
    /// rest at `incumbent`.
    public init(of full: Model, freeing decisions: Set<Int>, followers isFollower: [Bool], at incumbent: [Double]) throws(ModelError) {
        var free = Array(repeating: false, count: full.variables.count)
        for index in decisions where index < free.count { free[index] = true }
        var rowsTouched = Array(repeating: false, count: full.constraints.count)
        for (row, constraint) in full.constraints.enumerated() where constraint.terms.contains(where: { free[$0.variable.index] }) {
            rowsTouched[row] = true
        }
        for (row, constraint) in full.constraints.enumerated() where rowsTouched[row] {
            for term in constraint.terms where isFollower[term.variable.index] { free[term.variable.index] = true }
        }
        var small = Model(name: full.name + "_nbhd")
        var newIndex = Array(repeating: -1, count: full.variables.count)
        var original: [Int] = []
        for (index, definition) in full.variables.enumerated() where free[index] {
            let variable = try small.addVariable(definition.name, kind: definition.kind,
                                                 lowerBound: definition.lowerBound, upperBound: definition.upperBound)
            newIndex[index] = variable.index
            original.append(index)
        }
        for constraint in full.constraints where constraint.terms.contains(where: { free[$0.variable.index] }) {
            var expression = LinearExpression()
            var constant = 0.0
            for term in constraint.terms {
                if free[term.variable.index] {
                    expression.add(Variable(index: newIndex[term.variable.index]), coefficient: term.coefficient)
                } else {
                    constant += term.coefficient * incumbent[term.variable.index]
                }
            }
            try small.add(LinearConstraint(expression: expression, lowerBound: constraint.lowerBound - constant,
                                           upperBound: constraint.upperBound - constant), name: constraint.name)
        }
        var objective = LinearExpression(constant: full.objective.constant)
        for (variable, coefficient) in full.objective.sortedTerms {
            if free[variable.index] {
                objective.add(Variable(index: newIndex[variable.index]), coefficient: coefficient)
            } else {
                objective.constant += coefficient * incumbent[variable.index]
            }
        }
        try small.setObjective(objective, sense: full.sense)
        self.model = small
        self.original = original
        self.incumbent = incumbent
    }

    /// The known solution restricted to the free variables: a feasible start for the small model.
    public var start: [Double] { original.map { incumbent[$0] } }

    /// A full solution: `base` (by default the incumbent it was cut from) with the free
    /// variables set to `values`.
    public func expand(_ values: [Double], onto base: [Double]? = nil) -> [Double] {
        var full = base ?? incumbent
        for (small, index) in original.enumerated() { full[index] = values[small] }
        return full
    }
}
