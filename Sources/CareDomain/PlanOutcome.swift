/// One row of the capacity-gap analysis: demand against supply for a level and skill.
public struct CapacityRow: Sendable, Hashable {
    public let level: String
    /// Empty for demand that asks a level only.
    public let skill: String
    public let demandHours: Double
    public let availableHours: Double
    public let assignedHours: Double
    public let uncoveredHours: Double
    public let fteGap: Double
    /// What the hire analysis gives this level and skill: vacancy hours, their FTE and cost.
    public var hireHours = 0.0
    public var hireFTE = 0.0
    public var hireCost = 0.0

    public init(level: String, skill: String, demandHours: Double, availableHours: Double, assignedHours: Double,
                uncoveredHours: Double, fteGap: Double) {
        self.level = level
        self.skill = skill
        self.demandHours = demandHours
        self.availableHours = availableHours
        self.assignedHours = assignedHours
        self.uncoveredHours = uncoveredHours
        self.fteGap = fteGap
    }
}

/// The run's figures for `summary.json` and the terminal.
public struct RunSummary: Sendable, Hashable {
    public var status: String
    public let objective: Double?
    public var bestBound: Double?
    public var gap: Double?
    public var solveSeconds: Double
    /// Where `best_bound` comes from: GLPK's branch-and-cut (its LP relaxation at least), or
    /// only the demand that nobody could meet at all where no model was solved.
    public var boundSource: String?
    /// Per part, whether GLPK accepted the constructed roster as its first incumbent.
    public var warmStart: String?
    /// Share of demanded hours that the roster covers (1 when nothing was demanded).
    public let coverage: Double
    public let assignedHours: Double
    public let uncoveredHours: Double
    public let cost: Double
    /// FTE to hire: the vacancies' hours over `fte_hours` when the hire analysis ran, else the
    /// missing people's hours per session.
    public var fteGap: Double
    /// Hours and employer cost of the vacancies the hire analysis fills.
    public var hireHours = 0.0
    public var hireCost = 0.0
    /// Ambulatory visits asked, placed, and the most any roster could place (each visit alone
    /// against every qualified person's days: a bound that ignores capacity and travel).
    public var visitsAsked = 0
    public var visitsPlaced = 0
    public var visitsPlaceableBound = 0
    /// Staff wishes (one per wish and date) and how many the roster meets.
    public var wishesTotal = 0
    public var wishesMet = 0
    /// The largest deviation from a fair share under `settings.fairness` (nil: not asked).
    public var fairnessLargestDeviation: Double? = nil
    /// Contract hours the roster leaves unused ("inzetbaar, niet ingezet"): per person with a
    /// contract, the hours of the days not absent (contract × days not absent ÷ 7) less the
    /// hours rostered, never below 0. A fact to report, not work to invent.
    public var unusedContractHours = 0.0
    /// Working hours (breaks out, sleeping shifts with `sleep_hours_factor`, coordination in)
    /// and the unpaid breaks inside the rostered shifts; `assignedHours` is rostered presence.
    public var workingHours = 0.0
    public var breakHours = 0.0
    /// The money as finance has it (SCENARIO.md 1.2): payroll, extra spend, hours against contract.
    public var pay = PayrollSummary()
    /// Payroll, extra spend and the advised hires' cost.
    public var totalCost: Double { pay.payroll + pay.extraSpend + hireCost }

    /// `unusedContractHours` for `roster` in `scenario`.
    public static func unusedContractHours(_ roster: Roster, in scenario: Scenario) -> Double {
        let minutes = scenario.workingMinutes(of: roster)
        return scenario.staff.values.filter { !$0.isVolunteer && !$0.isHire && $0.contractHours > 0 }.reduce(0.0) { sum, person in
            let absent = Weekday.allCases.filter { person.absent.contains(scenario.week.date(of: $0)) }.count
            let deployable = person.contractHours * Double(7 - absent) / 7
            return sum + max(0, deployable - Double(minutes[person.id] ?? 0) / 60)
        }
    }

    /// The summary with the money of `weeks` (one roster and scenario per week) filled in.
    public func withPay(of weeks: [(roster: Roster, scenario: Scenario)]) -> RunSummary {
        var summary = self
        summary.pay = PayrollSummary.totals(PayrollSummary.people(weeks))
        return summary
    }

    /// The summary with the roster's wishes and fairness filled in.
    public func withPreferences(of roster: Roster, in scenario: Scenario) -> RunSummary {
        var summary = self
        let wishes = RosterPreferences.wishes(scenario, roster: roster)
        summary.wishesTotal = wishes.count
        summary.wishesMet = wishes.filter(\.met).count
        let deviations = RosterPreferences.fairness(scenario, roster: roster).values.flatMap { $0.map(\.deviation) }
        summary.fairnessLargestDeviation = scenario.settings.fairness.isEmpty ? nil : deviations.max() ?? 0
        return summary
    }

    public init(status: String, objective: Double?, bestBound: Double?, gap: Double?, solveSeconds: Double,
                coverage: Double, assignedHours: Double, uncoveredHours: Double, cost: Double, fteGap: Double) {
        self.status = status
        self.objective = objective
        self.bestBound = bestBound
        self.gap = gap
        self.solveSeconds = solveSeconds
        self.coverage = coverage
        self.assignedHours = assignedHours
        self.uncoveredHours = uncoveredHours
        self.cost = cost
        self.fteGap = fteGap
    }
}

/// A part of the day, for "when are we short": night 00–07, morning 07–12, afternoon 12–17, evening 17–24.
public enum Daypart: String, Sendable, Hashable, CaseIterable, Comparable {
    case night, morning, afternoon, evening

    /// Minutes after midnight where the part starts and ends.
    public var minutes: Range<Int> {
        switch self {
        case .night: 0..<420
        case .morning: 420..<720
        case .afternoon: 720..<1020
        case .evening: 1020..<1440
        }
    }

    public static func < (lhs: Daypart, rhs: Daypart) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// An interval cut at day and daypart boundaries, with each piece's hours (minutes past the
    /// week's end wrap to Monday, as a Sunday night shift ends on Monday morning).
    public static func pieces(of interval: WeekInterval) -> [(Weekday, Daypart, Double)] {
        var pieces: [(Weekday, Daypart, Double)] = []
        var minute = interval.start
        while minute < interval.end {
            let dayIndex = Int((Double(minute) / 1440).rounded(.down))
            let ofDay = minute - dayIndex * 1440
            let part = allCases.first { $0.minutes.contains(ofDay) }!
            let end = min(interval.end, dayIndex * 1440 + part.minutes.upperBound)
            pieces.append((Weekday(rawValue: ((dayIndex % 7) + 7) % 7)!, part, Double(end - minute) / 60))
            minute = end
        }
        return pieces
    }
}

/// Hours the vacancies would work for one level and skill set ("" for none).
public struct HireNeed: Sendable, Hashable {
    public let level: String
    public let skill: String
    public let hours: Double
    public let fte: Double
    public let cost: Double

    public init(level: String, skill: String, hours: Double, fte: Double, cost: Double) {
        self.level = level
        self.skill = skill
        self.hours = hours
        self.fte = fte
        self.cost = cost
    }
}

/// One day and daypart for one level and skill: what the roster left uncovered, and what hires would work.
public struct HireSlot: Sendable, Hashable {
    public let day: Weekday
    /// The scenario's own dagdeel for group work (the session's name, "ochtend"), else the
    /// part of the day (`Daypart`) the work falls in.
    public let daypart: String
    public let level: String
    public let skill: String
    public let uncoveredHours: Double
    public let hireHours: Double
    /// People of this level and skill who would have worked here but are absent that day: the
    /// shortage is temporary (a stand-in for the dagdeel), not structural (a vacancy to fill).
    public var standIns: [StaffID] = []
    public var isTemporary: Bool { !standIns.isEmpty }

    public init(day: Weekday, daypart: String, level: String, skill: String, uncoveredHours: Double, hireHours: Double) {
        self.day = day
        self.daypart = daypart
        self.level = level
        self.skill = skill
        self.uncoveredHours = uncoveredHours
        self.hireHours = hireHours
    }
}

/// "Whom to hire": the fewest vacancy hours per level and skill that cover the demand the roster could not.
public struct HirePlan: Sendable, Hashable {
    public let needs: [HireNeed]
    public let slots: [HireSlot]
    /// Demand that not even the vacancies cover (for example a client's hours outside office hours).
    public let stillUncoveredHours: Double
    /// How the search with vacancies ended.
    public let status: String

    public init(needs: [HireNeed], slots: [HireSlot], stillUncoveredHours: Double, status: String) {
        self.needs = needs
        self.slots = slots
        self.stillUncoveredHours = stillUncoveredHours
        self.status = status
    }

    public static let none = HirePlan(needs: [], slots: [], stillUncoveredHours: 0, status: "not needed")

    public var hours: Double { needs.reduce(0) { $0 + $1.hours } }
    public var fte: Double { needs.reduce(0) { $0 + $1.fte } }
    public var cost: Double { needs.reduce(0) { $0 + $1.cost } }

    /// Vacancy hours where the shortage is an absence's (a stand-in for that dagdeel), and the
    /// rest: structural, a vacancy to fill.
    public var standInHours: Double { slots.filter(\.isTemporary).reduce(0) { $0 + $1.hireHours } }
    public var structuralHours: Double { max(0, slots.reduce(0) { $0 + $1.hireHours } - standInHours) }

    /// FTE per level name, summed over skills.
    public var fteByLevel: [String: Double] {
        needs.reduce(into: [:]) { $0[$1.level, default: 0] += $1.fte }
    }
}

/// One solved variant in a comparison: the figures `compare.csv` and its table show.
public struct VariantComparison: Sendable, Hashable {
    public let name: String
    /// The folder (under the comparison's output) with this variant's own files.
    public let folder: String
    public let clients: Int
    /// Staff hours the rules ask (the capacity rows' demand), so a variant's extra demand shows.
    public let demandHours: Double
    public let summary: RunSummary
    public let hires: HirePlan
    /// What the variant changes against the base, in words ("products.groep.ratio = 4").
    public var changes = ""
    /// Rostered FTE per level (hours over `fte_hours`, per week).
    public var rosteredFTE: [String: Double] = [:]
    /// Why the variant has no roster (its edits broke a rule of the format, or planning failed);
    /// nil for a variant that solved. A failed row's figures are not shown.
    public var error: String? = nil

    public init(name: String, folder: String, clients: Int, demandHours: Double, summary: RunSummary, hires: HirePlan) {
        self.name = name
        self.folder = folder
        self.clients = clients
        self.demandHours = demandHours
        self.summary = summary
        self.hires = hires
    }

    /// A variant that could not be planned: its name, what it changes and why it failed.
    public static func failed(name: String, changes: String, error: String) -> VariantComparison {
        var row = VariantComparison(name: name, folder: "", clients: 0, demandHours: 0,
                                    summary: RunSummary(status: "failed", objective: nil, bestBound: nil, gap: nil, solveSeconds: 0, coverage: 0,
                                                        assignedHours: 0, uncoveredHours: 0, cost: 0, fteGap: 0),
                                    hires: .none)
        row.changes = changes
        row.error = error
        return row
    }
}

/// What one group session of the roster asks, for the board: the clients present, the counted
/// professionals the rules ask for them (ratio or `min_staff`), the lead level where one is asked,
/// and how many counted professionals are rostered.
public struct SessionStaffing: Sendable, Hashable {
    public let location: LocationID
    public let slot: SessionSlot
    public let clientsPresent: Int
    public let requiredProfessionals: Int
    public let lead: QualificationLevel?
    public let rosteredProfessionals: Int
    /// People rostered who meet no need there (ratio, `min_staff`, lead, a client's skill): the
    /// board's "+N". Below `rosteredProfessionals − requiredProfessionals` where the extra person
    /// is the only one with a skill a client needs, or the lead.
    public var surplus = 0
    /// Per person rostered, the needed skills only they bring, for the chip.
    public var brings: [StaffID: String] = [:]
    /// Who is the only one there of the lead level (`lead_level`): the chip says so in words.
    public var bringsLead: Set<StaffID> = []

    public init(location: LocationID, slot: SessionSlot, clientsPresent: Int, requiredProfessionals: Int, lead: QualificationLevel?,
                rosteredProfessionals: Int) {
        self.location = location
        self.slot = slot
        self.clientsPresent = clientsPresent
        self.requiredProfessionals = requiredProfessionals
        self.lead = lead
        self.rosteredProfessionals = rosteredProfessionals
    }
}
