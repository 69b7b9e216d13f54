/// One planning week of one care provider: everything the planner and the checker need.
public struct Scenario: Sendable {
    public var name: String
    public var week: PlanningWeek
    public var timeStepMinutes: Int
    public var settings: RunSettings
    public var scale: QualificationScale
    public var products: [ProductID: Product]
    public var locations: [LocationID: Location]
    public var staff: [StaffID: Staff]
    public var clients: [ClientID: Client]
    public var appointments: [String: Appointment]
    public var travel: TravelTable
    public var labourRules: LabourRules
    /// Work done before the first Monday, as rules that look back see it.
    public var history: WorkHistory = WorkHistory()
    /// Consecutive ISO weeks planned as one roster (`weeks`, 1 to 8).
    public var weeks = 1
    /// The week's lone duties ("location|session|day", `LoneDuty.swift`): worked out once when
    /// the scenario is read, since every count of working time asks.
    public var loneDutyKeys: Set<String> = []
    /// Hours band, overtime premium and allowances (SCENARIO.md 1.2).
    public var pay = PayRules()
    /// The public holidays (`holidays`, `holidays_add`, `holidays_remove`).
    public var holidays = PublicHolidays()

    public init(name: String, week: PlanningWeek, timeStepMinutes: Int = 15, settings: RunSettings = RunSettings(),
                scale: QualificationScale = QualificationScale(), products: [ProductID: Product] = [:],
                locations: [LocationID: Location] = [:], staff: [StaffID: Staff] = [:],
                clients: [ClientID: Client] = [:], appointments: [String: Appointment] = [:],
                travel: TravelTable = TravelTable(), labourRules: LabourRules = LabourRules()) {
        self.name = name
        self.week = week
        self.timeStepMinutes = timeStepMinutes
        self.settings = settings
        self.scale = scale
        self.products = products
        self.locations = locations
        self.staff = staff
        self.clients = clients
        self.appointments = appointments
        self.travel = travel
        self.labourRules = labourRules
    }

    /// Every session of the week, in time order.
    public var groupSessions: [GroupSession] {
        locations.values.flatMap { location in
            location.sessions.flatMap { template in
                // A location closed on public holidays holds no session that starts on one.
                template.window.days.filter { !location.closedOnHolidays || !holidays.contains(week.date(of: $0)) }.map { day in
                    var session = GroupSession(location: location.id, slot: SessionSlot(day: day, name: template.name),
                                               interval: template.window.interval(on: day),
                                               minStaff: template.minStaff, ratio: template.ratio)
                    session.kind = template.kind
                    session.sleepCountsInFull = labourRules.sleepingDuties.countsInFull(template)
                    return session
                }
            }
        }.sorted()
    }

    /// Whether the session `name` at `location` is a sleeping shift (roster rows name their session).
    /// The duty kind of the session a group row belongs to (`work` for other rows).
    public func dutyKind(of row: RosterAssignment) -> DutyKind {
        guard row.activity == .group, let location = row.location else { return .work }
        return locations[location]?.sessions.first { $0.name == row.ref }?.kind ?? .work
    }

    /// Whether the sleeping shift `name` at `location` counts in full (its work above the limit).
    public func sleepCountsInFull(at location: LocationID?, named name: String) -> Bool {
        guard let location, let template = locations[location]?.sessions.first(where: { $0.name == name }) else { return false }
        return labourRules.sleepingDuties.countsInFull(template)
    }

    public func isSleepShift(at location: LocationID?, named name: String) -> Bool {
        guard let location else { return false }
        return self.locations[location]?.sessions.first { $0.name == name }?.kind == .sleep
    }

    public var sortedStaff: [Staff] { staff.values.sorted { $0.id < $1.id } }
    public var sortedClients: [Client] { clients.values.sorted { $0.id < $1.id } }

    /// Employer cost of an hour at `level`: the scenario's `hourly_cost`, else the mean of its
    /// staff at that level who state a cost, else the standard table.
    public func hourlyCost(of level: QualificationLevel) -> Double {
        if let stated = settings.hourlyCostByLevel[level.name] { return stated }
        let costs = staff.values.filter { $0.level == level && !$0.isVolunteer && !$0.isHire }.compactMap(\.hourlyCost)
        if !costs.isEmpty { return costs.reduce(0, +) / Double(costs.count) }
        return StandardHourlyCost.cost(of: level)
    }
}
