/// A named dagdeel or shift that a location runs on some days ("ochtend", "nacht").
public struct SessionTemplate: Sendable, Hashable {
    public let name: String
    public let window: RecurringWindow
    /// Counted professionals at least this many, even with few clients.
    public let minStaff: Int
    /// Overrides the products' ratio in this session.
    public let ratio: Int?
    /// A waking duty, or a sleeping shift (`kind: sleep`, the slaapdienst of 24-hour care).
    public var kind: DutyKind = .work
    /// A sleeping shift's usual minutes of work during the sleep (`work_minutes`): above the
    /// agreement's `sleeping_duties.work_minutes_limit` the duty counts in full (CAO GHZ 7:18).
    public var sleepWorkMinutes: Int? = nil

    public init(name: String, window: RecurringWindow, minStaff: Int, ratio: Int?) {
        self.name = name
        self.window = window
        self.minStaff = minStaff
        self.ratio = ratio
    }
}

/// What a session asks of the people on it.
public enum DutyKind: String, Sendable, Hashable {
    /// Awake and working the whole time.
    case work
    /// Present and asleep unless needed (aanwezigheidsdienst): it may follow a late shift without
    /// making a night shift of the whole; the duty with its sleep lasts at most 24 h and 11 h
    /// rest follow it.
    case sleep
    /// On-call duty (bereikbaarheidsdienst): the person stays free unless called. It is no
    /// working time, no shift and no break in a rest; it only keeps them from other work then.
    case onCall = "on-call"

    /// The longest duty that holds a sleeping shift.
    public static let longestSleepDutyMinutes = 24 * 60
}

/// Where groups meet and homes run around the clock.
public struct Location: Sendable, Hashable, Identifiable {
    public let id: LocationID
    public let name: String
    /// Travel area; a location without one is an area of its own.
    public let area: String?
    /// Most clients present at once.
    public let capacity: Int?
    public let sessions: [SessionTemplate]
    /// No sessions on a public holiday (`closed_on_holidays`, day care), so no demand then either.
    public var closedOnHolidays = false

    public init(id: LocationID, name: String, area: String?, capacity: Int?, sessions: [SessionTemplate]) {
        self.id = id
        self.name = name
        self.area = area
        self.capacity = capacity
        self.sessions = sessions
    }

    /// The area used for travel times.
    public var travelArea: String { area ?? "location:\(id.rawValue)" }
}

/// "<day> <session name>", as clients name the sessions they attend.
public struct SessionSlot: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let day: Weekday
    public let name: String

    public init(day: Weekday, name: String) {
        self.day = day
        self.name = name
    }

    public var description: String { "\(day) \(name)" }

    public static func < (lhs: SessionSlot, rhs: SessionSlot) -> Bool { (lhs.day, lhs.name) < (rhs.day, rhs.name) }
}

/// One concrete session of the week: a location's template on one day.
public struct GroupSession: Sendable, Hashable, Identifiable, Comparable, CustomStringConvertible {
    public let location: LocationID
    public let slot: SessionSlot
    public let interval: WeekInterval
    public let minStaff: Int
    public let ratio: Int?
    public var kind: DutyKind = .work
    /// A sleeping shift with more work in it than the agreement's limit: its sleep counts in full
    /// for pay and contract hours, not with `sleep_hours_factor` (CAO GHZ 7:18).
    public var sleepCountsInFull = false

    public init(location: LocationID, slot: SessionSlot, interval: WeekInterval, minStaff: Int, ratio: Int?) {
        self.location = location
        self.slot = slot
        self.interval = interval
        self.minStaff = minStaff
        self.ratio = ratio
    }

    public var id: GroupSessionID { GroupSessionID(location: location, slot: slot) }
    public var description: String { "\(location) \(slot)" }

    public static func < (lhs: GroupSession, rhs: GroupSession) -> Bool {
        (lhs.interval, lhs.location, lhs.slot.name) < (rhs.interval, rhs.location, rhs.slot.name)
    }
}

public struct GroupSessionID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let location: LocationID
    public let slot: SessionSlot

    public init(location: LocationID, slot: SessionSlot) {
        self.location = location
        self.slot = slot
    }

    public var description: String { "\(location) \(slot)" }

    public static func < (lhs: GroupSessionID, rhs: GroupSessionID) -> Bool { (lhs.location, lhs.slot) < (rhs.location, rhs.slot) }
}
