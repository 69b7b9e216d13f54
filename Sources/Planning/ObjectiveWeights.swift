/// The objective's weights, in one place: uncovered demand ≫ contract hours ≫ continuity ≫ cost,
/// with staff wishes between uncovered care and cost, key workers and fairness small.
///
/// Each weight is a cost per hour (or per occurrence, for continuity). The order is kept by
/// magnitude: one hour of uncovered care outweighs a full week of contract-hour deviation for one
/// person (`ObjectiveWeightsTests` checks this), which in turn outweighs continuity and cost.
public struct ObjectiveWeights: Sendable {
    /// Per hour of a missing counted professional, lead or skill in a session.
    public var uncoveredCarePerHour = 1000.0
    /// Per hour of an `attends_any` client not placed; below care so that a client is placed
    /// only where the staffing to match can be found.
    public var unplacedAttendancePerHour = 800.0
    /// Per hour a person works below `min_hours` (kept for the order test; the model no longer
    /// prices hours below a target, which would reward phantom staff: see `ContractHoursObjective`).
    public var belowMinimumHoursPerHour = 20.0
    /// Per hour a person works above `contract_hours`.
    public var contractDeviationPerHour = 4.0
    /// Per person working at a location this week: fewer, familiar faces per location.
    public var faceAtLocation = 2.0
    /// Per client without an end-responsible professional.
    public var missingResponsible = 500.0
    /// Per person visiting a client this week: fewest different faces at the door.
    public var visitorFace = 2.0
    /// Extra per visitor who is not among the client's `preferred_staff`.
    public var notPreferredVisitor = 3.0
    /// Per minute of travel from a visitor's home area to the client: nearby people first.
    public var travelPerMinute = 0.01
    /// Per hour a vacancy works in the hire analysis (plus its level's hourly cost): below an
    /// uncovered hour, above any real person's hour, so vacancies fill only what staff cannot.
    public var vacancyPerHour = 100.0
    /// Per day an overdue evaluation waits after the week's first day: as early as the week allows,
    /// above continuity and cost, far below any uncovered care.
    public var overdueEvaluationPerDay = 5.0
    /// Per weight point of a wish not met (weights 1 to 5): below any uncovered care, above a
    /// face and an hour's cost.
    public var wishPerWeight = 3.0
    /// Per client and session worked by someone not among the client's `key_workers`.
    public var notKeyWorker = 0.5
    /// Per session of a `settings.fairness` kind a person works above or below their fair share.
    public var unfairPerSession = 1.0
    /// Per backward rotation (late → early, night → late within 24 h): above a face at a location,
    /// as a wish of weight 1, so a quick return is avoided wherever someone else can take it.
    public var backwardRotation = 3.0
    /// Per person on an on-call duty: it has no hours and no cost, so without a price of its own
    /// a roster could put anyone on call. Above twice `unfairPerSession`, the most one more duty
    /// can take off the fairness term (the person's own deviation and the shares of the rest),
    /// so nobody is put on call beyond the need to even out nights; far below any uncovered need.
    public var onCallDuty = 2.5
    /// Per euro of employer cost.
    public var costPerEuro = 0.005

    public init() {}

    public static let standard = ObjectiveWeights()
}
