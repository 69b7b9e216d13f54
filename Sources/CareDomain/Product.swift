/// How a product is delivered.
public enum CareSetting: String, Sendable, Hashable {
    /// In a group at a location (day care sessions, 24-hour shifts).
    case group
    /// Visits to one client at a time.
    case ambulatory
}

/// A care product and the contract rules that come with it.
public struct Product: Sendable, Hashable, Identifiable {
    public let id: ProductID
    public let name: String
    public let setting: CareSetting
    /// Group: at most this many clients per counted professional.
    public let ratio: Int?
    /// Every counted professional (group) or visitor (ambulatory) has at least this level.
    public let minLevel: QualificationLevel
    /// Group: someone of at least this level is present in every session.
    public let leadLevel: QualificationLevel?
    /// Each client has one responsible professional of at least this level.
    public let responsibleLevel: QualificationLevel?
    public let coordinationMinutes: Int?
    public let evaluationMonths: Int?
    /// Ambulatory: visits lie wholly inside these windows.
    public let officeHours: [RecurringWindow]
    /// The discipline: every counted professional (group) or visitor (ambulatory) also holds these.
    public var skills: Set<String> = []
    /// And the responsible professional these.
    public var responsibleSkills: Set<String> = []
    /// A trajectory's length, for `estimate`; a week's plan does not read it.
    public var maxTrajectoryMonths: Int? = nil

    public init(id: ProductID, name: String, setting: CareSetting, ratio: Int?, minLevel: QualificationLevel,
                leadLevel: QualificationLevel?, responsibleLevel: QualificationLevel?, coordinationMinutes: Int?,
                evaluationMonths: Int?, officeHours: [RecurringWindow]) {
        self.id = id
        self.name = name
        self.setting = setting
        self.ratio = ratio
        self.minLevel = minLevel
        self.leadLevel = leadLevel
        self.responsibleLevel = responsibleLevel
        self.coordinationMinutes = coordinationMinutes
        self.evaluationMonths = evaluationMonths
        self.officeHours = officeHours
    }
}

extension Staff {
    /// Executes `product`: a professional of its `min_level` or higher with its discipline's skills.
    public func executes(_ product: Product) -> Bool {
        isProfessional(atLeast: product.minLevel) && product.skills.isSubset(of: skills)
    }

    /// May hold end responsibility for `product`'s clients: its `responsible_level` and `responsible_skills`.
    public func mayBeResponsible(for product: Product) -> Bool {
        guard let level = product.responsibleLevel else { return false }
        return isProfessional(atLeast: level) && product.responsibleSkills.isSubset(of: skills)
    }
}
