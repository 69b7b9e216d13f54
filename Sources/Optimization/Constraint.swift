/// A linear constraint `lowerBound ≤ expression ≤ upperBound` before it is named and added.
///
/// Built with the comparison operators: `x + y <= 1`, `2 * x >= y`, `x == 3`.
public struct LinearConstraint: Sendable {
    public var expression: LinearExpression
    public var lowerBound: Double
    public var upperBound: Double
}

/// A named constraint as stored in a model: the expression's constant moved into the bounds.
public struct ConstraintDefinition: Sendable, Equatable {
    public let name: String
    public let terms: [Term]
    public let lowerBound: Double
    public let upperBound: Double

    public struct Term: Sendable, Equatable {
        public let variable: Variable
        public let coefficient: Double
    }
}

public func <= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
    LinearConstraint(expression: lhs - rhs, lowerBound: -.infinity, upperBound: 0)
}

public func >= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
    LinearConstraint(expression: lhs - rhs, lowerBound: 0, upperBound: .infinity)
}

public func == (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
    LinearConstraint(expression: lhs - rhs, lowerBound: 0, upperBound: 0)
}

public func <= (lhs: LinearExpression, rhs: Double) -> LinearConstraint { lhs <= LinearExpression(constant: rhs) }
public func >= (lhs: LinearExpression, rhs: Double) -> LinearConstraint { lhs >= LinearExpression(constant: rhs) }
public func == (lhs: LinearExpression, rhs: Double) -> LinearConstraint { lhs == LinearExpression(constant: rhs) }
public func <= (lhs: Variable, rhs: Double) -> LinearConstraint { LinearExpression(lhs) <= rhs }
public func >= (lhs: Variable, rhs: Double) -> LinearConstraint { LinearExpression(lhs) >= rhs }
