/// A linear expression `Σ coefficient·variable + constant`.
///
/// Terms are kept in a dictionary for cheap accumulation; `sortedTerms` gives them in variable
/// order so that everything built from an expression is deterministic.
public struct LinearExpression: Sendable {
    public private(set) var coefficients: [Variable: Double]
    public var constant: Double

    public init(_ coefficients: [Variable: Double] = [:], constant: Double = 0) {
        self.coefficients = coefficients
        self.constant = constant
    }

    public init(_ variable: Variable) {
        self.init([variable: 1])
    }

    public init(constant: Double) {
        self.init([:], constant: constant)
    }

    public var isEmpty: Bool { coefficients.isEmpty }

    /// The terms in variable order, without zero coefficients.
    public var sortedTerms: [(variable: Variable, coefficient: Double)] {
        coefficients.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    public mutating func add(_ variable: Variable, coefficient: Double = 1) {
        coefficients[variable, default: 0] += coefficient
    }

    public mutating func add(_ other: LinearExpression, times factor: Double = 1) {
        for (variable, coefficient) in other.coefficients {
            coefficients[variable, default: 0] += coefficient * factor
        }
        constant += other.constant * factor
    }

    /// The expression's value for a full assignment of variable values.
    public func value(in values: [Double]) -> Double {
        coefficients.reduce(constant) { $0 + $1.value * values[$1.key.index] }
    }

    /// The sum of the given variables, each with coefficient 1.
    public static func sum<S: Sequence>(_ variables: S) -> LinearExpression where S.Element == Variable {
        var expression = LinearExpression()
        for variable in variables { expression.add(variable) }
        return expression
    }
}

public func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    var result = lhs
    result.add(rhs)
    return result
}

public func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    var result = lhs
    result.add(rhs, times: -1)
    return result
}

public func * (factor: Double, expression: LinearExpression) -> LinearExpression {
    var result = LinearExpression()
    result.add(expression, times: factor)
    return result
}

public func + (lhs: Variable, rhs: Variable) -> LinearExpression { LinearExpression(lhs) + LinearExpression(rhs) }
public func + (lhs: LinearExpression, rhs: Variable) -> LinearExpression { lhs + LinearExpression(rhs) }
public func + (lhs: Variable, rhs: LinearExpression) -> LinearExpression { LinearExpression(lhs) + rhs }
public func - (lhs: Variable, rhs: Variable) -> LinearExpression { LinearExpression(lhs) - LinearExpression(rhs) }
public func - (lhs: LinearExpression, rhs: Variable) -> LinearExpression { lhs - LinearExpression(rhs) }
public func - (lhs: Variable, rhs: LinearExpression) -> LinearExpression { LinearExpression(lhs) - rhs }
public func * (factor: Double, variable: Variable) -> LinearExpression { LinearExpression([variable: factor]) }

public func += (lhs: inout LinearExpression, rhs: LinearExpression) { lhs.add(rhs) }
public func += (lhs: inout LinearExpression, rhs: Variable) { lhs.add(rhs) }
public func -= (lhs: inout LinearExpression, rhs: LinearExpression) { lhs.add(rhs, times: -1) }
