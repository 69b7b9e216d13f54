/// A wish of a staff member, weighed 1 (nice) to 5 (important); soft, below any uncovered care.
public struct StaffWish: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// No work on this date.
        case dayOff(CivilDate)
        /// Not the session of this name on these days.
        case avoid(session: String, days: [Weekday])
        /// On these days, when working, this session rather than another.
        case prefer(session: String, days: [Weekday])
    }

    public let kind: Kind
    public let weight: Int

    public init(kind: Kind, weight: Int) {
        self.kind = kind
        self.weight = weight
    }

    /// The wish in a planner's words in the run's language (`what` stays the CSV's code).
    public func words(in language: ReportLanguage) -> String {
        guard language == .nl else { return what }
        switch kind {
        case .dayOff: return "vrij"
        case let .avoid(session, _): return "liever geen \(session)"
        case let .prefer(session, _): return "liefst \(session)"
        }
    }

    /// How the wish reads in `wishes.csv`: `off`, `avoid nacht`, `prefer vroeg`.
    public var what: String {
        switch kind {
        case .dayOff: "off"
        case let .avoid(session, _): "avoid \(session)"
        case let .prefer(session, _): "prefer \(session)"
        }
    }
}

/// A person who can be rostered: employee or volunteer.
public struct Staff: Sendable, Hashable, Identifiable {
    public let id: StaffID
    public let name: String
    public let level: QualificationLevel
    public let skills: Set<String>
    public let contractHours: Double
    /// A target the roster reaches where it can.
    public let minHours: Double
    /// Hard weekly ceiling; defaults to the contract hours.
    public var maxHours: Double
    /// Volunteers never count towards ratios or levels.
    public let isVolunteer: Bool
    public let hourlyCost: Double?
    public let organisation: String?
    /// Where this person may work; nil means everywhere.
    public let locations: Set<LocationID>?
    /// When this person can work; nil means any time.
    public var available: [RecurringWindow]?
    /// Whole days off (leave, sickness).
    public var absent: Set<CivilDate>
    public let homeArea: String?
    public let maxCaseload: Int?
    /// A vacancy the capacity analysis offers the model: not a real person, priced per hour.
    public var isHire = false
    /// Consents to split shifts (`split_shifts`); nil: as `labour_rules.split_shifts` says.
    public var splitShifts: Bool? = nil
    /// How the person is paid (SCENARIO.md 1.2): salaried unless said otherwise (volunteers: volunteer).
    public var contract: ContractKind = .salaried
    /// Gross hourly wage, the base of allowances; nil: `hourlyCost` ÷ `PayFigures.chargesFactor`.
    public var hourlyWage: Double? = nil
    /// Receives the irregular-hours allowance (CAO GHZ 7:9: function groups up to FWG 65).
    public var irregularAllowance = true
    /// Soft wishes (SCENARIO.md 1.1): days off, sessions to avoid or prefer.
    public var wishes: [StaffWish] = []
    /// `birth_date`: minors and older workers follow from it (`ProtectedPeople.swift`).
    public var birthDate: CivilDate? = nil
    /// `no_night_work`: pregnancy, medical advice or an agreed exemption.
    public var noNightWork = false
    /// `night_work_consent`: an older worker who agrees to night duty despite the preset's exemption.
    public var nightWorkConsent = false

    public init(id: StaffID, name: String, level: QualificationLevel, skills: Set<String>, contractHours: Double,
                minHours: Double, maxHours: Double, isVolunteer: Bool, hourlyCost: Double?, organisation: String?,
                locations: Set<LocationID>?, available: [RecurringWindow]?, absent: Set<CivilDate>,
                homeArea: String?, maxCaseload: Int?) {
        self.id = id
        self.name = name
        self.level = level
        self.skills = skills
        self.contractHours = contractHours
        self.minHours = minHours
        self.maxHours = maxHours
        self.isVolunteer = isVolunteer
        self.hourlyCost = hourlyCost
        self.organisation = organisation
        self.locations = locations
        self.available = available
        self.absent = absent
        self.homeArea = homeArea
        self.maxCaseload = maxCaseload
        self.contract = isVolunteer ? .volunteer : .salaried
    }

    /// Paid for contract hours whatever the roster (a salaried person with contract hours).
    public var isSalaried: Bool { contract == .salaried && !isVolunteer && !isHire }

    /// A professional of at least `level`: never a volunteer.
    public func isProfessional(atLeast level: QualificationLevel) -> Bool {
        !isVolunteer && self.level >= level
    }

    /// Counts towards a group session's ratio: a professional of at least `level` holding every
    /// discipline (`skills` of the products present) the session asks.
    public func counts(atLeast level: QualificationLevel, holding disciplines: Set<String>) -> Bool {
        isProfessional(atLeast: level) && disciplines.isSubset(of: skills)
    }

    /// Meets a client's skill need in a session (SCENARIO.md 1.2): any professional present with
    /// the skill, counted towards the ratio or not; never a volunteer.
    public func meetsNeed(_ skill: String) -> Bool { !isVolunteer && skills.contains(skill) }

    public func mayWork(at location: LocationID) -> Bool { locations?.contains(location) ?? true }

    /// Someone limited to named locations works only there: no visits in clients' homes.
    public var worksAtHomes: Bool { locations == nil }
}
