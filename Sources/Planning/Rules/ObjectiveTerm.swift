import CareDomain

/// A term of the objective as one unit (SCENARIO.md 1.2's order, `ObjectiveWeights`): its rows
/// live in its own file beside this price, and `RosterScore` is the sum of the prices over
/// `PlanningRules.objective`, so the score the engine keeps and the model's objective are written
/// once per term (`HoursAndMoneyTests.scoreEqualsModel` holds them equal).
protocol ObjectiveTerm: Sendable {
    /// What the term weighs, in a planner's words.
    var label: String { get }
    /// The term's price of a finished roster, as its rows price that roster in the model.
    func price(of roster: ScoredRoster) -> Double
}

/// A finished roster of one part, with what every term's price needs.
struct ScoredRoster {
    let scenario: Scenario
    let weights: ObjectiveWeights
    /// The part's people (hours, wishes, fairness are theirs).
    let staff: [Staff]
    let work: AmbulatoryDemand
    let assignments: [RosterAssignment]
    let uncovered: [UncoveredDemand]
    let responsibilities: [Responsibility]
    /// The assignments of the part's people only (filtered once: the polish scores thousands of rosters).
    let ownAssignments: [RosterAssignment]

    init(scenario: Scenario, weights: ObjectiveWeights, staff: [Staff], work: AmbulatoryDemand, assignments: [RosterAssignment],
         uncovered: [UncoveredDemand], responsibilities: [Responsibility]) {
        self.scenario = scenario
        self.weights = weights
        self.staff = staff
        self.work = work
        self.assignments = assignments
        self.uncovered = uncovered
        self.responsibilities = responsibilities
        let ids = Set(staff.map(\.id))
        ownAssignments = assignments.filter { ids.contains($0.staff) }
    }
}

/// Uncovered care: the shortfall variables belong to the rules whose need they are (ratio,
/// lead, skills, attendance, visits, appointments, responsibility); their price is one.
struct CoverageObjective: ObjectiveTerm {
    var label: String { "care covered: each hour of uncovered care, unplaced attendance, a client without a responsible" }

    func price(of roster: ScoredRoster) -> Double {
        roster.uncovered.reduce(0.0) { total, row in
            switch row.kind {
            case .attendance: total + row.hours * roster.weights.unplacedAttendancePerHour
            case .responsible: total + roster.weights.missingResponsible
            default: total + row.hours * roster.weights.uncoveredCarePerHour
            }
        }
    }
}

extension PlanningRules {
    /// Every term of the objective, in the planner's order (care, hours and money, then the
    /// preferences): the score is their sum.
    static let objective: [any ObjectiveTerm] = [
        CoverageObjective(), HoursObjective(), AllowanceObjective(), ContinuityObjective(), VisitorContinuityRule(),
        WishObjective(), KeyWorkerObjective(), FairnessObjective(), RotationObjective(), ShortenedRestObjective(),
    ]
}
