/// What a roster row is for.
public enum Activity: String, Sendable, Hashable, CaseIterable {
    case group, visit, appointment, evaluation, coordination
}

/// Whether a person counts as a professional at an activity.
public enum RosterRole: String, Sendable, Hashable {
    case professional, volunteer
}

/// One person at one activity.
public struct RosterAssignment: Sendable, Hashable, Comparable {
    public let staff: StaffID
    public let activity: Activity
    public let interval: WeekInterval
    public let location: LocationID?
    public let area: String?
    public let clients: [ClientID]
    public let products: [ProductID]
    public let role: RosterRole
    /// The session name for `group`, `CLIENT#N` for a visit, the appointment id for `appointment`.
    public let ref: String

    public init(staff: StaffID, activity: Activity, interval: WeekInterval, location: LocationID?, area: String?,
                clients: [ClientID], products: [ProductID], role: RosterRole, ref: String) {
        self.staff = staff
        self.activity = activity
        self.interval = interval
        self.location = location
        self.area = area
        self.clients = clients
        self.products = products
        self.role = role
        self.ref = ref
    }

    /// The same work by `staff` as a professional, at `interval` where given: a hand-over on the
    /// planning board, or a candidate for it.
    public func handed(to staff: StaffID, at interval: WeekInterval? = nil) -> RosterAssignment {
        RosterAssignment(staff: staff, activity: activity, interval: interval ?? self.interval, location: location, area: area,
                         clients: clients, products: products, role: .professional, ref: ref)
    }

    public static func < (lhs: RosterAssignment, rhs: RosterAssignment) -> Bool {
        (lhs.interval, lhs.location?.rawValue ?? "", lhs.ref, lhs.staff) < (rhs.interval, rhs.location?.rawValue ?? "", rhs.ref, rhs.staff)
    }
}

/// Demand the roster does not meet, with the reason in a planner's words.
public struct UncoveredDemand: Sendable, Hashable, Comparable {
    /// When the demand falls; nil for weekly demand not tied to a time (an unplanned visit).
    public let interval: WeekInterval?
    public let activity: Activity
    public let location: LocationID?
    public let client: ClientID?
    public let product: ProductID?
    /// What is missing, e.g. `.professionals(count: 1, level: mbo2)`.
    public let need: ShortfallNeed
    public let kind: UncoveredKind
    public let hours: Double
    public let reason: ShortfallReason
    /// Group: the session name; the clients present (for sessions without anyone rostered).
    public let ref: String
    public let clientsPresent: [ClientID]

    public init(interval: WeekInterval?, activity: Activity, location: LocationID?, client: ClientID?,
                product: ProductID?, need: ShortfallNeed, kind: UncoveredKind, hours: Double, reason: ShortfallReason,
                ref: String, clientsPresent: [ClientID]) {
        self.interval = interval
        self.activity = activity
        self.location = location
        self.client = client
        self.product = product
        self.need = need
        self.kind = kind
        self.hours = hours
        self.reason = reason
        self.ref = ref
        self.clientsPresent = clientsPresent
    }

    public static func < (lhs: UncoveredDemand, rhs: UncoveredDemand) -> Bool {
        (lhs.interval?.start ?? Int.max, lhs.interval?.end ?? 0, lhs.location?.rawValue ?? "", lhs.kind.rawValue, lhs.need.text, lhs.client?.rawValue ?? "")
            < (rhs.interval?.start ?? Int.max, rhs.interval?.end ?? 0, rhs.location?.rawValue ?? "", rhs.kind.rawValue, rhs.need.text, rhs.client?.rawValue ?? "")
    }
}

/// The kinds of shortfall, each with its own row shape.
public enum UncoveredKind: String, Sendable, Hashable, CaseIterable {
    /// Too few counted professionals for the ratio or `min_staff`; `need` counts them.
    case staffing
    /// Nobody of the product's `lead_level` present.
    case lead
    /// Nobody present with a skill a client needs.
    case skill
    /// An `attends_any` client placed in fewer sessions than asked.
    case attendance
    /// An ambulatory visit that could not be placed; `ref` is `CLIENT#N`.
    case visit
    /// A due evaluation that could not be held.
    case evaluation
    /// An appointment that could not be held with all its roles at one time.
    case appointment
    /// Nobody could take end responsibility for a client.
    case responsible
    /// Demand of a kind this version does not plan.
    case unplanned
}

/// A client's end-responsible professional and the weekly coordination time that comes with it.
public struct Responsibility: Sendable, Hashable, Comparable {
    public let client: ClientID
    public let staff: StaffID
    /// Counted towards the professional's hours, not placed at a time.
    public let coordinationMinutes: Int

    public init(client: ClientID, staff: StaffID, coordinationMinutes: Int) {
        self.client = client
        self.staff = staff
        self.coordinationMinutes = coordinationMinutes
    }

    public static func < (lhs: Responsibility, rhs: Responsibility) -> Bool { lhs.client < rhs.client }
}

/// The planner's answer for the week.
public struct Roster: Sendable {
    public var assignments: [RosterAssignment]
    public var uncovered: [UncoveredDemand]
    public var responsibilities: [Responsibility]

    public init(assignments: [RosterAssignment], uncovered: [UncoveredDemand], responsibilities: [Responsibility] = []) {
        self.assignments = assignments.sorted()
        self.uncovered = uncovered.sorted()
        self.responsibilities = responsibilities.sorted()
    }

    /// Coordination minutes per responsible professional.
    public var coordinationMinutes: [StaffID: Int] {
        responsibilities.reduce(into: [:]) { $0[$1.staff, default: 0] += $1.coordinationMinutes }
    }
}

/// One change between two rosters (a re-plan): a person's work at one time before and after,
/// as `changes.csv` lists it and the report marks it.
public struct RosterChange: Sendable, Comparable {
    public let interval: WeekInterval
    public let staff: StaffID
    /// The activity and place, e.g. "group linde ochtend"; empty where there was (or is) none.
    public let before: String
    public let after: String
    /// The client the change concerns, to phone: a client moved between sessions (then `staff`
    /// is empty), or the client of a visit or evaluation that moved.
    public var client: ClientID? = nil

    public init(interval: WeekInterval, staff: StaffID, before: String, after: String, client: ClientID? = nil) {
        self.interval = interval
        self.staff = staff
        self.before = before
        self.after = after
        self.client = client
    }

    public static func < (lhs: RosterChange, rhs: RosterChange) -> Bool {
        (lhs.interval.start, lhs.interval.end, lhs.staff, lhs.client?.rawValue ?? "", lhs.before, lhs.after)
            < (rhs.interval.start, rhs.interval.end, rhs.staff, rhs.client?.rawValue ?? "", rhs.before, rhs.after)
    }
}
