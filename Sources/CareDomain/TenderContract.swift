/// A contract or tender to staff: expected volumes per product and the terms of employment.
public struct TenderContract: Sendable {
    public var name: String
    public var scale: QualificationScale
    public var products: [ProductID: Product]
    public var volumes: [TenderVolume]
    public var fteHours: Double
    /// Share of paid hours that is client-bound (the rest: travel, training, meetings, reports).
    public var productivity: Double
    /// Share of paid hours lost to sickness and leave.
    public var absenceRate: Double
    /// No one is hired below this many hours a week.
    public var minContractHours: Double
    public var hourlyCostByLevel: [String: Double]
    public var labourRules: LabourRules

    public init(name: String, scale: QualificationScale, products: [ProductID: Product], volumes: [TenderVolume],
                fteHours: Double, productivity: Double, absenceRate: Double, minContractHours: Double,
                hourlyCostByLevel: [String: Double], labourRules: LabourRules) {
        self.name = name
        self.scale = scale
        self.products = products
        self.volumes = volumes
        self.fteHours = fteHours
        self.productivity = productivity
        self.absenceRate = absenceRate
        self.minContractHours = minContractHours
        self.hourlyCostByLevel = hourlyCostByLevel
        self.labourRules = labourRules
    }

    public func hourlyCost(of level: QualificationLevel) -> Double {
        hourlyCostByLevel[level.name] ?? StandardHourlyCost.cost(of: level)
    }
}

/// The expected demand for one product: how many clients, how much each, and when in the week.
public struct TenderVolume: Sendable {
    public let product: ProductID
    public let clients: Int
    /// Ambulatory: visits a week per client, each this long, spread over the days by share.
    public let visitsPerClient: Double
    public let visitMinutes: Int
    /// Share of the week's visits per day; empty spreads them evenly over the office-hours days.
    public let daySpread: [Weekday: Double]
    /// Group: dagdelen (sessions) a week per client, over these sessions, at most `groupSize` a group.
    public let sessionsPerClient: Double
    public let sessions: [SessionTemplate]
    public let groupSize: Int?
    /// Share of clients needing each skill.
    public let needs: [String: Double]
    /// Clients per end-responsible professional at most.
    public let caseload: Int?

    public init(product: ProductID, clients: Int, visitsPerClient: Double, visitMinutes: Int, daySpread: [Weekday: Double],
                sessionsPerClient: Double, sessions: [SessionTemplate], groupSize: Int?, needs: [String: Double], caseload: Int?) {
        self.product = product
        self.clients = clients
        self.visitsPerClient = visitsPerClient
        self.visitMinutes = visitMinutes
        self.daySpread = daySpread
        self.sessionsPerClient = sessionsPerClient
        self.sessions = sessions
        self.groupSize = groupSize
        self.needs = needs
        self.caseload = caseload
    }
}

/// The staff a contract needs at one volume: per level and skill, and in total.
public struct TenderEstimate: Sendable, Hashable {
    public struct Line: Sendable, Hashable {
        public let level: String
        public let skill: String
        public let fte: Double
        /// People at least (no one below the minimum contract, no one above one FTE).
        public let heads: Int
        /// Client-bound hours a week this group of staff delivers.
        public let clientHours: Double
        /// Employer cost a week.
        public let weeklyCost: Double

        public init(level: String, skill: String, fte: Double, heads: Int, clientHours: Double, weeklyCost: Double) {
            self.level = level
            self.skill = skill
            self.fte = fte
            self.heads = heads
            self.clientHours = clientHours
            self.weeklyCost = weeklyCost
        }
    }

    /// The volume as a share of the contract's (1 = as stated).
    public let volumeFactor: Double
    public let lines: [Line]
    public let status: String

    public init(volumeFactor: Double, lines: [Line], status: String) {
        self.volumeFactor = volumeFactor
        self.lines = lines
        self.status = status
    }

    public var fte: Double { lines.reduce(0) { $0 + $1.fte } }
    public var heads: Int { lines.reduce(0) { $0 + $1.heads } }
    public var weeklyCost: Double { lines.reduce(0) { $0 + $1.weeklyCost } }
    public var fteByLevel: [String: Double] { lines.reduce(into: [:]) { $0[$1.level, default: 0] += $1.fte } }
}

/// One product's volume planned on its own.
public struct TenderProductFigures: Sendable {
    public init(product: ProductID, clients: Int, estimate: TenderEstimate, clientHours: Double, clientSessions: Double?) {
        self.product = product
        self.clients = clients
        self.estimate = estimate
        self.clientHours = clientHours
        self.clientSessions = clientSessions
    }

    public let product: ProductID
    public let clients: Int
    public let estimate: TenderEstimate
    /// Client-bound hours a week (visits, group sessions' staff hours, coordination).
    public let clientHours: Double
    /// Client dagdelen a week (group products: clients × sessions each); nil for visits.
    public let clientSessions: Double?

    public var costPerClientYear: Double { clients > 0 ? estimate.weeklyCost * 52 / Double(clients) : 0 }
    public var costPerClientHour: Double { clientHours > 0 ? estimate.weeklyCost / clientHours : 0 }
    public var costPerDagdeel: Double? { clientSessions.flatMap { $0 > 0 ? estimate.weeklyCost / $0 : nil } }
}

/// One row of a sensitivity to a term: the term's value and the estimate there.
public struct TenderTermRow: Sendable {
    public init(term: String, value: Double, estimate: TenderEstimate, reason: PlannerText) {
        self.term = term
        self.value = value
        self.estimate = estimate
        self.reason = reason
    }

    public let term: String
    public let value: Double
    public let estimate: TenderEstimate
    public let reason: PlannerText
}

