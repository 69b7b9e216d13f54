/// One row of the capacity-gap analysis: demand against supply for a level and skill.
public struct CapacityRow: Sendable, Hashable {
    public let level: String
    /// Empty for demand that asks a level only.
    public let skill: String
    public let demandHours: Double
    public let availableHours: Double
    public let assignedHours: Double
    public let uncoveredHours: Double
    public let fteGap: Double

    public init(level: String, skill: String, demandHours: Double, availableHours: Double, assignedHours: Double,
                uncoveredHours: Double, fteGap: Double) {
        self.level = level
        self.skill = skill
        self.demandHours = demandHours
        self.availableHours = availableHours
        self.assignedHours = assignedHours
        self.uncoveredHours = uncoveredHours
        self.fteGap = fteGap
    }
}

/// The run's figures for `summary.json` and the terminal.
public struct RunSummary: Sendable, Hashable {
    public let status: String
    public let objective: Double?
    public let bestBound: Double?
    public let gap: Double?
    public let solveSeconds: Double
    /// Share of demanded hours that the roster covers (1 when nothing was demanded).
    public let coverage: Double
    public let assignedHours: Double
    public let uncoveredHours: Double
    public let cost: Double
    public let fteGap: Double
    /// Ambulatory visits asked, placed, and the most any roster could place (each visit alone
    /// against every qualified person's days: a bound that ignores capacity and travel).
    public var visitsAsked = 0
    public var visitsPlaced = 0
    public var visitsPlaceableBound = 0

    public init(status: String, objective: Double?, bestBound: Double?, gap: Double?, solveSeconds: Double,
                coverage: Double, assignedHours: Double, uncoveredHours: Double, cost: Double, fteGap: Double) {
        self.status = status
        self.objective = objective
        self.bestBound = bestBound
        self.gap = gap
        self.solveSeconds = solveSeconds
        self.coverage = coverage
        self.assignedHours = assignedHours
        self.uncoveredHours = uncoveredHours
        self.cost = cost
        self.fteGap = fteGap
    }
}
