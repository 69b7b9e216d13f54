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
    /// From staff cost to a price (`cost_price`): charges, travel, overhead, margin, indexation.
    public var costPrice = CostPriceTerms()

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
    /// The municipality's tariff: per contact hour (ambulatory) or per dagdeel (group); nil: none given.
    public var tariff: Double? = nil

    /// Face-to-face hours a week at `factor` × the volume: visits (coordination is not contact),
    /// or the clients' hours in their group sessions.
    public func contactHours(factor: Double = 1) -> Double {
        if !sessions.isEmpty {
            let hours = sessions.reduce(0.0) { $0 + Double($1.window.days.count) * Double($1.window.interval(on: $1.window.days[0]).minutes) / 60 }
            let count = sessions.reduce(0) { $0 + $1.window.days.count }
            return Double(clients) * factor * sessionsPerClient * (count > 0 ? hours / Double(count) : 0)
        }
        return Double(clients) * factor * visitsPerClient * Double(visitMinutes) / 60
    }

    /// The units a tariff is paid for a week: contact hours (ambulatory) or client dagdelen (group).
    public func tariffUnits(factor: Double = 1) -> Double {
        sessions.isEmpty ? contactHours(factor: factor) : Double(clients) * factor * sessionsPerClient
    }

    /// Visits a week at `factor` × the volume (0 for group care).
    public func visits(factor: Double = 1) -> Double { sessions.isEmpty ? Double(clients) * factor * visitsPerClient : 0 }

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

/// The terms that turn a staff cost into a cost price and a price (`cost_price` in a contract).
public struct CostPriceTerms: Sendable, Hashable {
    /// Added to `hourly_cost` where it is a gross wage rather than the employer's cost (0 when it is the cost).
    public var employerCharges = 0.0
    /// Kilometres a visit travels, and their price.
    public var kilometresPerVisit = 0.0
    public var pricePerKilometre = 0.23
    /// Paid travel time per visit, priced at the product's average staff hour. Leave it 0 when
    /// `productivity` already holds the travel (its default reading).
    public var travelMinutesPerVisit = 0.0
    /// Overhead on the direct cost (management, housing, ICT, training), as a share.
    public var overhead = 0.0
    /// Risk and profit on the cost price, as a share.
    public var margin = 0.0
    /// Price rise for the contract's term on the cost price and margin, as a share.
    public var indexation = 0.0

    public init() {}
}

/// One product's week priced step by step: staff cost, charges, travel, overhead (the cost
/// price), margin and indexation (the price), per contact hour, and against the tariff.
public struct CostPriceBuildUp: Sendable, Hashable {
    public let staffCost: Double
    public let charges: Double
    public let kilometres: Double
    public let travelTime: Double
    public let overhead: Double
    public let margin: Double
    public let indexation: Double
    public let contactHours: Double
    /// Dagdelen (group) or contact hours (ambulatory): what the tariff pays for.
    public let tariffUnits: Double
    public let tariff: Double?

    public var direct: Double { staffCost + charges + kilometres + travelTime }
    /// The build-up in order, each step with its amount; a subtotal (`cost price`, `price`) has none.
    public var steps: [(name: String, amount: Double?)] {
        [("staff cost", staffCost), ("employer charges", charges), ("kilometres", kilometres), ("travel time", travelTime),
         ("overhead", overhead), ("cost price", nil), ("margin", margin), ("indexation", indexation), ("price", nil)]
    }
    public var costPrice: Double { direct + overhead }
    public var price: Double { costPrice + margin + indexation }
    public var costPerContactHour: Double { contactHours > 0 ? costPrice / contactHours : 0 }
    public var pricePerContactHour: Double { contactHours > 0 ? price / contactHours : 0 }
    /// The cost price of one unit the tariff pays for.
    public var costPerTariffUnit: Double { tariffUnits > 0 ? costPrice / tariffUnits : 0 }
    /// What the tariff leaves above the cost price, as a share of the tariff (negative: a loss).
    public var marginAtTariff: Double? { tariff.map { $0 > 0 ? ($0 - costPerTariffUnit) / $0 : 0 } }
    /// The week's revenue at the tariff, less the cost price.
    public var resultAtTariff: Double? { tariff.map { $0 * tariffUnits - costPrice } }

    public init(staffCost: Double, staffHours: Double, volume: TenderVolume, factor: Double, terms: CostPriceTerms) {
        self.staffCost = staffCost
        charges = staffCost * terms.employerCharges
        let visits = volume.visits(factor: factor)
        kilometres = visits * terms.kilometresPerVisit * terms.pricePerKilometre
        let averageHour = staffHours > 0 ? staffCost * (1 + terms.employerCharges) / staffHours : 0
        travelTime = visits * terms.travelMinutesPerVisit / 60 * averageHour
        let direct = staffCost + charges + kilometres + travelTime
        overhead = direct * terms.overhead
        margin = (direct + overhead) * terms.margin
        indexation = (direct + overhead + margin) * terms.indexation
        contactHours = volume.contactHours(factor: factor)
        tariffUnits = volume.tariffUnits(factor: factor)
        tariff = volume.tariff
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

    /// The week priced step by step (set by `TenderExplanation`).
    public var buildUp: CostPriceBuildUp? = nil
    /// The lowest volume, as a share of the contract's, at which the tariff covers the cost price
    /// (nil: no tariff, or not within the volumes tried, `breakEvenSearched`).
    public var breakEvenFactor: Double? = nil
    public var breakEvenSearched: ClosedRange<Double>? = nil

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

