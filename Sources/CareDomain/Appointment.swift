/// A moment that needs several people at once, such as a multidisciplinary meeting (MDO).
public struct Appointment: Sendable, Hashable, Identifiable {
    public let id: String
    public let client: ClientID?
    public let minutes: Int
    public let window: RecurringWindow
    public let location: LocationID?
    public let roles: [AppointmentRole]

    public init(id: String, client: ClientID?, minutes: Int, window: RecurringWindow, location: LocationID?,
                roles: [AppointmentRole]) {
        self.id = id
        self.client = client
        self.minutes = minutes
        self.window = window
        self.location = location
        self.roles = roles
    }
}

/// One seat at an appointment: a distinct person with these skills and at least this level.
public struct AppointmentRole: Sendable, Hashable {
    public let skills: Set<String>
    public let level: QualificationLevel?

    public init(skills: Set<String>, level: QualificationLevel?) {
        self.skills = skills
        self.level = level
    }
}
