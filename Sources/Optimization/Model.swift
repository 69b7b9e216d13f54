/// A solver-neutral mixed-integer linear program.
///
/// Everything is validated as it is added, so that a solver backend never receives a bound,
/// coefficient or name it could reject (GLPK aborts the process on invalid calls).
public struct Model: Sendable {
    public let name: String
    public private(set) var variables: [VariableDefinition] = []
    public private(set) var constraints: [ConstraintDefinition] = []
    public private(set) var objective = LinearExpression()
    public private(set) var sense: ObjectiveSense = .minimize

    public init(name: String) { self.name = Self.usableName(name) }

    /// The largest magnitude of a coefficient or finite bound a model takes. Far above any
    /// care figure (a week's minutes times a price per hour is under 1e8), and far below where
    /// GLPK's scaling and simplex lose their footing (`glp_scale_prob` aborted on 1e300).
    public static let largestMagnitude = 1e12

    private static func isSane(_ value: Double) -> Bool { !value.isFinite || abs(value) <= largestMagnitude }

    public var hasIntegerVariables: Bool { variables.contains { $0.kind != .continuous } }

    /// Adds a variable; binary variables get bounds 0 and 1 whatever is passed.
    @discardableResult
    public mutating func addVariable(
        _ name: String, kind: VariableKind = .continuous,
        lowerBound: Double = 0, upperBound: Double = .infinity
    ) throws(ModelError) -> Variable {
        let (lower, upper) = kind == .binary ? (0.0, 1.0) : (lowerBound, upperBound)
        guard !lower.isNaN, !upper.isNaN, lower <= upper, lower < .infinity, upper > -.infinity, Self.isSane(lower), Self.isSane(upper) else {
            throw .invalidBounds(name: name, lower: lower, upper: upper)
        }
        if kind == .integer, (lower.isFinite && lower != lower.rounded()) || (upper.isFinite && upper != upper.rounded()) {
            throw .invalidBounds(name: name, lower: lower, upper: upper)
        }
        variables.append(VariableDefinition(name: Self.usableName(name), kind: kind, lowerBound: lower, upperBound: upper))
        return Variable(index: variables.count - 1)
    }

    /// Adds a named constraint; the expression's constant is moved into the bounds.
    public mutating func add(_ constraint: LinearConstraint, name: String) throws(ModelError) {
        let name = Self.usableName(name)
        var terms: [ConstraintDefinition.Term] = []
        for (variable, coefficient) in constraint.expression.sortedTerms {
            guard variable.index >= 0, variable.index < variables.count else {
                throw .unknownVariable(constraint: name, index: variable.index)
            }
            guard coefficient.isFinite, abs(coefficient) <= Self.largestMagnitude else { throw .invalidCoefficient(constraint: name, value: coefficient) }
            terms.append(.init(variable: variable, coefficient: coefficient))
        }
        let lower = constraint.lowerBound - constraint.expression.constant
        let upper = constraint.upperBound - constraint.expression.constant
        guard !lower.isNaN, !upper.isNaN, lower <= upper, Self.isSane(lower), Self.isSane(upper) else {
            throw .invalidBounds(name: name, lower: lower, upper: upper)
        }
        constraints.append(ConstraintDefinition(name: name, terms: terms, lowerBound: lower, upperBound: upper))
    }

    public mutating func setObjective(_ expression: LinearExpression, sense: ObjectiveSense = .minimize) throws(ModelError) {
        for (variable, coefficient) in expression.sortedTerms {
            guard variable.index < variables.count else { throw .unknownVariable(constraint: "objective", index: variable.index) }
            guard coefficient.isFinite, abs(coefficient) <= Self.largestMagnitude else { throw .invalidCoefficient(constraint: "objective", value: coefficient) }
        }
        guard expression.constant.isFinite, abs(expression.constant) <= Self.largestMagnitude else { throw .invalidCoefficient(constraint: "objective", value: expression.constant) }
        objective = expression
        self.sense = sense
    }

    /// Fixes a variable at `value` (both bounds): how a neighbourhood search or a warm-start
    /// completion holds the rest of a solution in place. The value is clamped to the variable's bounds.
    public mutating func fix(_ variable: Variable, at value: Double) {
        let old = variables[variable.index]
        var fixed = min(max(value, old.lowerBound), old.upperBound)
        if old.kind != .continuous { fixed = fixed.rounded() }
        variables[variable.index] = VariableDefinition(name: old.name, kind: old.kind, lowerBound: fixed, upperBound: fixed)
    }

    /// The largest violation of any bound or constraint by `values` (0 when all hold).
    public func maximumViolation(of values: [Double]) -> Double {
        var worst = 0.0
        for (index, variable) in variables.enumerated() {
            let value = values[index]
            worst = max(worst, variable.lowerBound - value, value - variable.upperBound)
            if variable.kind != .continuous { worst = max(worst, abs(value - value.rounded())) }
        }
        for constraint in constraints {
            let activity = constraint.terms.reduce(0.0) { $0 + $1.coefficient * values[$1.variable.index] }
            worst = max(worst, constraint.lowerBound - activity, activity - constraint.upperBound)
        }
        return worst
    }

    /// A name GLPK takes: printable ASCII without spaces (others become `_`), at most 255 bytes.
    /// Names come from care terms (a skill "persoonlijke verzorging", a name with an umlaut), so
    /// they are made usable here, once, for every model, rather than refused.
    public static func usableName(_ name: String) -> String {
        let cleaned = String(String.UnicodeScalarView(name.unicodeScalars.map { $0.value > 32 && $0.value < 127 ? $0 : "_" }))
        return cleaned.isEmpty ? "_" : String(cleaned.prefix(255))
    }
}

public enum ObjectiveSense: Sendable, Equatable {
    case minimize, maximize
}

/// A mistake in building a model, caught before any solver sees it.
public enum ModelError: Error, Equatable, CustomStringConvertible {
    case invalidBounds(name: String, lower: Double, upper: Double)
    case invalidCoefficient(constraint: String, value: Double)
    case unknownVariable(constraint: String, index: Int)

    public var description: String {
        switch self {
        case let .invalidBounds(name, lower, upper):
            "'\(name)' has bounds \(lower) … \(upper): the lower bound must be finite-or-minus-infinity and not above the upper bound."
        case let .invalidCoefficient(constraint, value):
            "'\(constraint)' has coefficient \(value): coefficients must be finite numbers."
        case let .unknownVariable(constraint, index):
            "'\(constraint)' uses variable #\(index), which this model does not have."
        }
    }
}
