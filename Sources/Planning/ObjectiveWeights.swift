/// The objective's weights, in one place, in the planner's order (SCENARIO.md 1.2): uncovered
/// care ≫ agency hours (only where nobody else can) ≫ salaried hours near contract, the work
/// spread by contract hours ≫ the extra spend in euros (flex, overtime, allowances) ≫ wishes,
/// fairness, patterns and faces.
///
/// Each weight is a price per hour (or per occurrence). `ObjectiveWeightsTests` checks the order:
/// an uncovered hour outweighs every price of an hour of work; the steepest contract reward stays
/// below the price of an hour worked (no work is invented to fill a contract); the reward's
/// smallest step outweighs a face and a wish's hour, so the work is spread before faces are saved.
public struct ObjectiveWeights: Sendable {
    /// Per hour of a missing counted professional, lead or skill in a session.
    public var uncoveredCarePerHour = 1000.0
    /// Per hour of an `attends_any` client not placed; below care so that a client is placed
    /// only where the staffing to match can be found.
    public var unplacedAttendancePerHour = 800.0
    /// Per hour a volunteer works above what they offer (`contract_hours`).
    public var contractDeviationPerHour = 4.0
    /// Per hour anyone works: above the steepest contract reward, so an hour nobody needs never pays.
    public var workedHour = 60.0
    /// Per hour, the reward for a salaried person's first hours below their target; falling in
    /// nine steps to a fifth of it at the band (`HoursPrice`), so the needed work goes to whoever
    /// is furthest below contract, in proportion to contract hours.
    public var underContractSteepest = 50.0
    /// Per hour within the band below the target: the last hours of a contract still count, a little.
    public var withinBandReward = 2.0
    /// Per hour above the target's band (hours near contract, besides the overtime's euros).
    public var aboveBandPerHour = 40.0
    /// Per agency hour, besides its euros: above everything but uncovered care, so an agency
    /// worker works only where salaried and flex people cannot.
    public var agencyPerHour = 150.0
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
    public var vacancyPerHour = 400.0
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
    /// Per shortened daily rest (two shifts less than `min_daily_rest_hours` apart): above a flex
    /// worker's 8-hour shift against a salaried colleague's, below an agency worker's, so it is
    /// used only where care needs it (SCENARIO.md 1.2).
    public var shortenedRest = 500.0
    /// Per person on an on-call duty: it has no hours and no cost, so without a price of its own
    /// a roster could put anyone on call. Above twice `unfairPerSession`, the most one more duty
    /// can take off the fairness term (the person's own deviation and the shares of the rest),
    /// so nobody is put on call beyond the need to even out nights; far below any uncovered need.
    public var onCallDuty = 2.5
    /// Per euro of extra spend (flex and agency hours, overtime, allowances; a vacancy's level cost).
    public var costPerEuro = 0.2

    public init() {}

    public static let standard = ObjectiveWeights()
}
