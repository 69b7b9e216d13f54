/// A client and what they need this week.
public struct Client: Sendable, Hashable, Identifiable {
    public let id: ClientID
    public let product: ProductID
    /// Group: the location whose sessions the client attends.
    public let location: LocationID?
    /// Group: fixed sessions.
    public let attends: [SessionSlot]
    /// Group: a number of sessions chosen by the planner from a list.
    public let attendsAny: AttendanceChoice?
    /// Skills someone present (group) or the visitor (ambulatory) must have.
    public let needs: Set<String>
    public var responsible: StaffID?
    public var lastEvaluation: CivilDate?
    /// Preferred for this client's sessions (24-hour care: the same few faces), soft.
    public var keyWorkers: [StaffID] = []
    public let ambulatory: AmbulatoryNeed?

    public init(id: ClientID, product: ProductID, location: LocationID?, attends: [SessionSlot],
                attendsAny: AttendanceChoice?, needs: Set<String>, responsible: StaffID?,
                lastEvaluation: CivilDate?, ambulatory: AmbulatoryNeed?) {
        self.id = id
        self.product = product
        self.location = location
        self.attends = attends
        self.attendsAny = attendsAny
        self.needs = needs
        self.responsible = responsible
        self.lastEvaluation = lastEvaluation
        self.ambulatory = ambulatory
    }
}

/// `attends_any`: `count` sessions out of `options`.
public struct AttendanceChoice: Sendable, Hashable {
    public let count: Int
    public let options: [SessionSlot]

    public init(count: Int, options: [SessionSlot]) {
        self.count = count
        self.options = options
    }
}

/// The ambulatory part of a client: visits at home in their area.
public struct AmbulatoryNeed: Sendable, Hashable {
    public let area: String?
    public let visitCount: Int
    public let visitMinutes: Int
    public let maxPerDay: Int
    public let available: [RecurringWindow]?
    public let preferredStaff: [StaffID]
    public let maxDistinctStaff: Int?

    public init(area: String?, visitCount: Int, visitMinutes: Int, maxPerDay: Int, available: [RecurringWindow]?,
                preferredStaff: [StaffID], maxDistinctStaff: Int?) {
        self.area = area
        self.visitCount = visitCount
        self.visitMinutes = visitMinutes
        self.maxPerDay = maxPerDay
        self.available = available
        self.preferredStaff = preferredStaff
        self.maxDistinctStaff = maxDistinctStaff
    }
}
