/// A qualification level such as mbo2 or hbo, ranked by the scenario's `levels` list.
public struct QualificationLevel: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let name: String
    public let rank: Int

    public init(name: String, rank: Int) {
        self.name = name
        self.rank = rank
    }

    public static func < (lhs: QualificationLevel, rhs: QualificationLevel) -> Bool { lhs.rank < rhs.rank }

    public var description: String { name }

    /// Reads as "mbo2 or higher"; the highest level reads as itself.
    public var orHigher: String { "\(name) or higher" }
}

/// The ordered list of levels, lowest first.
public struct QualificationScale: Hashable, Sendable {
    public let levels: [QualificationLevel]

    public static let defaultNames = ["mbo1", "mbo2", "mbo3", "mbo4", "hbo", "wo"]

    public init(names: [String] = QualificationScale.defaultNames) {
        levels = names.enumerated().map { QualificationLevel(name: $0.element, rank: $0.offset) }
    }

    public func level(named name: String) -> QualificationLevel? {
        levels.first { $0.name == name.lowercased() } ?? levels.first { $0.name == name }
    }
}
