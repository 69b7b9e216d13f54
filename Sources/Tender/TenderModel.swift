import CareDomain
import Optimization

/// The minimum-cost staff mix for a contract's volume, as a mixed-integer model.
///
/// Staff come in kinds (a level, with or without one skill). Per kind: FTE (continuous) and
/// heads (integer), each head between the minimum contract and one FTE. Group sessions need
/// whole people per session (the ratio, one lead per group, a person with a needed skill per
/// group that has such clients); visits need client hours per day inside office hours; end
/// responsibility needs enough heads of the responsible level for the caseload, and their
/// coordination and evaluation hours. A kind's client hours in a week fit its paid hours ×
/// (1 − absence) × productivity; on a day, its heads × the longest shift (visits: the
/// office-hours span × productivity). Every demand figure rises with the volume, so the optimum never falls.
struct TenderModel {
    let contract: TenderContract
    let factor: Double
    var model = Model(name: "tender")
    var objective = LinearExpression()

    struct StaffKind: Hashable, Comparable {
        let level: QualificationLevel
        let skill: String
        static func < (lhs: StaffKind, rhs: StaffKind) -> Bool { (lhs.level, lhs.skill) < (rhs.level, rhs.skill) }
    }

    let kinds: [StaffKind]
    var fte: [StaffKind: Variable] = [:]
    var heads: [StaffKind: Variable] = [:]
    /// Client hours per kind: over the week, and per day.
    var weekHours: [StaffKind: LinearExpression] = [:]
    var dayHours: [StaffKind: [Weekday: LinearExpression]] = [:]
    var visitDayHours: [StaffKind: [Weekday: LinearExpression]] = [:]

    init(contract: TenderContract, factor: Double) {
        self.contract = contract
        self.factor = factor
        // Only levels some rule asks are worth hiring: a higher one costs more and does no more.
        var levels: Set<QualificationLevel> = []
        var skills: [String: QualificationLevel] = [:]
        for volume in contract.volumes {
            guard let product = contract.products[volume.product] else { continue }
            levels.formUnion([product.minLevel, product.leadLevel, product.responsibleLevel].compactMap { $0 })
            for skill in volume.needs.keys { skills[skill] = min(skills[skill] ?? product.minLevel, product.minLevel) }
        }
        var kinds = levels.map { StaffKind(level: $0, skill: "") }
        for (skill, lowest) in skills {
            kinds += levels.filter { $0 >= lowest }.map { StaffKind(level: $0, skill: skill) }
        }
        self.kinds = kinds.sorted()
    }

    var effectiveShare: Double { (1 - contract.absenceRate) * contract.productivity }

    mutating func build() throws {
        for kind in kinds {
            let name = "\(kind.level.name)_\(kind.skill.isEmpty ? "any" : kind.skill)"
            fte[kind] = try model.addVariable("fte_\(name)")
            heads[kind] = try model.addVariable("heads_\(name)", kind: .integer)
        }
        for (index, volume) in contract.volumes.enumerated() {
            guard let product = contract.products[volume.product] else { continue }
            if product.setting == .group {
                try addGroupSessions(volume, product: product, index: index)
            } else {
                try addVisits(volume, product: product, index: index)
            }
            try addResponsibility(volume, product: product, index: index)
        }
        try addStaffLimits()
        try model.setObjective(objective)
    }

    // MARK: demand

    /// Clients per session, groups, and whole people per kind per session.
    private mutating func addGroupSessions(_ volume: TenderVolume, product: Product, index: Int) throws {
        let sessions = volume.sessions.flatMap { template in template.window.days.map { (template, $0) } }
        guard !sessions.isEmpty else { return }
        let clientSessions = Double(volume.clients) * factor * volume.sessionsPerClient
        for (template, day) in sessions {
            let present = Int((clientSessions / Double(sessions.count) - 1e-9).rounded(.up))
            guard present > 0 else { continue }
            let groups = volume.groupSize.map { (present + $0 - 1) / $0 } ?? 1
            let ratio = template.ratio ?? product.ratio ?? 1
            let professionals = max((present + ratio - 1) / ratio, groups * template.minStaff)
            let hours = template.window.interval(on: day).hours
            let key = "\(index)_\(template.name)_\(day)"
            var counted = LinearExpression(), leads = LinearExpression()
            var withSkill: [String: LinearExpression] = [:]
            for kind in kinds where kind.level >= product.minLevel {
                let people = try model.addVariable("people_\(key)_\(kind.level.name)_\(kind.skill)", kind: .integer)
                counted += people
                if let lead = product.leadLevel, kind.level >= lead { leads += people }
                if !kind.skill.isEmpty { withSkill[kind.skill, default: LinearExpression()] += people }
                add(hours: hours, of: people, kind: kind, day: day, visit: false)
                // People present at once cannot outnumber the heads (absence is paid for in the FTE).
                try model.add(LinearExpression(people) - LinearExpression(heads[kind]!) <= 0, name: "present_\(key)_\(kind.level.name)_\(kind.skill)")
            }
            try model.add(counted >= Double(professionals), name: "ratio_\(key)")
            if product.leadLevel != nil { try model.add(leads >= Double(groups), name: "lead_\(key)") }
            for (skill, share) in volume.needs.sorted(by: { $0.key < $1.key }) {
                let needing = Int((Double(present) * share - 1e-9).rounded(.up))
                guard needing > 0 else { continue }
                let groupsWithSkill = volume.groupSize.map { (needing + $0 - 1) / $0 } ?? 1
                try model.add((withSkill[skill] ?? LinearExpression()) >= Double(min(groups, groupsWithSkill)), name: "skill_\(key)_\(skill)")
            }
        }
    }

    /// Visit hours per day, the skilled share by staff with the skill.
    private mutating func addVisits(_ volume: TenderVolume, product: Product, index: Int) throws {
        let days = visitDays(product: product, volume: volume)
        let weekHours = Double(volume.clients) * factor * volume.visitsPerClient * Double(volume.visitMinutes) / 60
        let skillShare = volume.needs.values.reduce(0, +)
        for (day, share) in days {
            let dayHours = weekHours * share
            let parts = volume.needs.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + [("", max(0, 1 - skillShare))]
            for (skill, partShare) in parts where partShare > 0 {
                var done = LinearExpression()
                for kind in kinds where kind.level >= product.minLevel && (skill.isEmpty || kind.skill == skill) {
                    let hours = try model.addVariable("visit_\(index)_\(day)_\(skill)_\(kind.level.name)_\(kind.skill)")
                    done += hours
                    add(hours: 1, of: hours, kind: kind, day: day, visit: true)
                }
                try model.add(done >= dayHours * partShare, name: "visits_\(index)_\(day)_\(skill)")
            }
        }
    }

    /// Enough responsible heads for the caseload; their coordination and evaluation hours.
    private mutating func addResponsibility(_ volume: TenderVolume, product: Product, index: Int) throws {
        guard let level = product.responsibleLevel else { return }
        let clients = Double(volume.clients) * factor
        let qualified = kinds.filter { $0.level >= level }
        if let caseload = volume.caseload {
            let needed = (clients / Double(caseload) - 1e-9).rounded(.up)
            try model.add(LinearExpression.sum(qualified.map { heads[$0]! }) >= needed, name: "caseload_\(index)")
        }
        // Evaluations: one hour per client each `evaluation_months`, a month being 52/12 weeks.
        let evaluationHours = product.evaluationMonths.map { clients / (Double($0) * 52 / 12) } ?? 0
        // Trajectories of at most `max_trajectory_months`: with `clients` in care at once, as many
        // start and close each such span; an hour of the responsible professional at each.
        let trajectoryHours = product.maxTrajectoryMonths.map { 2 * clients / (Double($0) * 52 / 12) } ?? 0
        let hours = clients * Double(product.coordinationMinutes ?? 0) / 60 + evaluationHours + trajectoryHours
        guard hours > 0 else { return }
        var done = LinearExpression()
        for kind in qualified {
            let share = try model.addVariable("responsible_\(index)_\(kind.level.name)_\(kind.skill)")
            done += share
            weekHours[kind, default: LinearExpression()] += share
        }
        try model.add(done >= hours, name: "responsibility_\(index)")
    }

    // MARK: supply

    private mutating func add(hours: Double, of variable: Variable, kind: StaffKind, day: Weekday, visit: Bool) {
        weekHours[kind, default: LinearExpression()].add(variable, coefficient: hours)
        dayHours[kind, default: [:]][day, default: LinearExpression()].add(variable, coefficient: hours)
        if visit { visitDayHours[kind, default: [:]][day, default: LinearExpression()].add(variable, coefficient: hours) }
    }

    private mutating func addStaffLimits() throws {
        let longestShift = Double(contract.labourRules.maxShiftMinutes) / 60
        for kind in kinds {
            let name = "\(kind.level.name)_\(kind.skill)"
            let fte = self.fte[kind]!, heads = self.heads[kind]!
            let paid = contract.fteHours * LinearExpression(fte)
            try model.add((weekHours[kind] ?? LinearExpression()) - effectiveShare * paid <= 0, name: "week_\(name)")
            try model.add(paid - contract.minContractHours * LinearExpression(heads) >= 0, name: "min_contract_\(name)")
            try model.add(paid - contract.fteHours * LinearExpression(heads) <= 0, name: "max_contract_\(name)")
            for (day, hours) in (dayHours[kind] ?? [:]).sorted(by: { $0.key < $1.key }) {
                try model.add(hours - longestShift * LinearExpression(heads) <= 0, name: "day_\(name)_\(day)")
            }
            for (day, hours) in (visitDayHours[kind] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let span = min(longestShift, officeSpan(on: day, kind: kind))
                try model.add(hours - span * contract.productivity * LinearExpression(heads) <= 0, name: "office_\(name)_\(day)")
            }
            objective.add(fte, coefficient: contract.fteHours * contract.hourlyCost(of: kind.level))
        }
    }

    // MARK: time

    /// The days visits fall on with their share: the contract's spread, else even over the office-hours days.
    func visitDays(product: Product, volume: TenderVolume) -> [(Weekday, Double)] {
        let open = Weekday.allCases.filter { day in product.officeHours.isEmpty || product.officeHours.contains { $0.days.contains(day) } }
        if volume.daySpread.isEmpty { return open.map { ($0, 1 / Double(open.count)) } }
        let total = volume.daySpread.values.reduce(0, +)
        return volume.daySpread.keys.sorted().map { ($0, volume.daySpread[$0]! / total) }
    }

    /// Hours of office time on `day` for the products this kind can visit for (24 without office hours).
    private func officeSpan(on day: Weekday, kind: StaffKind) -> Double {
        let spans = contract.volumes.compactMap { contract.products[$0.product] }
            .filter { $0.setting != .group && kind.level >= $0.minLevel }
            .map { product -> Double in
                if product.officeHours.isEmpty { return 24 }
                return product.officeHours.filter { $0.days.contains(day) }.map { $0.interval(on: day).hours }.reduce(0, +)
            }
        return spans.max() ?? 24
    }
}
