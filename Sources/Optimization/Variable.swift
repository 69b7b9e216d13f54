/// A decision variable of a `Model`, identified by its position in the model.
public struct Variable: Hashable, Sendable, Comparable {
    public let index: Int

    public init(index: Int) { self.index = index }

    public static func < (lhs: Variable, rhs: Variable) -> Bool { lhs.index < rhs.index }
}

/// What values a variable may take besides its bounds.
public enum VariableKind: Sendable, Equatable {
    case continuous
    case integer
    /// An integer variable with bounds 0 and 1.
    case binary
}

/// Everything the model knows about one variable.
public struct VariableDefinition: Sendable, Equatable {
    public let name: String
    public let kind: VariableKind
    public let lowerBound: Double
    public let upperBound: Double
}
