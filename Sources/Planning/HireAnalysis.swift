import CareDomain
import Optimization

/// "Whom to hire, and when": the week solved again with vacancies per level and skill.
///
/// A vacancy is a person available at any time under the labour rules, with no contract hours,
/// whose every hour costs `ObjectiveWeights.vacancyPerHour` plus its level's hourly cost: far
/// below an hour of uncovered care, far above anything real staff cost. So the model uses real
/// staff first, then the fewest vacancy hours, and of equal hours the cheaper level.
enum HireAnalysis {
    /// Demand kinds that more staff could cover; `unplanned` is demand the model does not plan.
    static let staffKinds: Set<UncoveredKind> = [.staffing, .lead, .skill, .attendance, .visit, .evaluation, .appointment, .responsible]

    /// Uncovered rows more staff could cover: not a visit or evaluation whose client has no time
    /// inside the product's office hours (no one, hired or not, could make it).
    static func staffable(_ roster: Roster, work: AmbulatoryDemand) -> [UncoveredDemand] {
        let timeless = Set(work.tasks.filter { $0.windows.isEmpty }.map { "\($0.client) \($0.kind)" })
        return roster.uncovered.filter { row in
            guard staffKinds.contains(row.kind) else { return false }
            guard let client = row.client, row.kind == .visit || row.kind == .evaluation else { return true }
            return !timeless.contains("\(client) \(row.kind == .visit ? ClientTask.Kind.visit : .evaluation)")
        }
    }

    /// The scenario with vacancies for the staffable rows `short`.
    static func scenarioWithVacancies(_ scenario: Scenario, demands: [SessionDemand], short: [UncoveredDemand]) -> Scenario {
        var widened = scenario
        for vacancy in vacancies(scenario: scenario, demands: demands, short: short) {
            widened.staff[vacancy.id] = vacancy
        }
        return widened
    }

    static func vacancies(scenario: Scenario, demands: [SessionDemand], short: [UncoveredDemand]) -> [Staff] {
        let weekHours = Double(scenario.labourRules.maxWeekMinutes) / 60
        var result: [Staff] = []

        // Group care: per location, each level its sessions count or lead with, and each skill
        // at the counted level; enough of each for the busiest session and for the week's hours.
        let groupShort = Dictionary(grouping: short.filter { $0.activity == .group && $0.location != nil }) { $0.location! }
        for location in groupShort.keys.sorted() {
            let rows = groupShort[location]!
            let sessions = demands.filter { $0.session.location == location }
            let bySession = Dictionary(grouping: rows) { "\($0.interval?.start ?? -1) \($0.ref)" }
            let peak = bySession.values.map { session in
                session.reduce(0.0) { total, row in
                    total + (row.kind == .staffing ? (row.interval.map { row.hours / $0.hours } ?? 1) : 1)
                }
            }.max() ?? 1
            let hours = rows.reduce(0.0) { $0 + $1.hours }
            let count = min(12, max(Int(peak.rounded(.up)), Int((hours / weekHours).rounded(.up))) + 1)
            // What the session rules ask there with everyone who may come: the levels of counted
            // professionals and leads, and each needed skill at its session's counted level.
            let asked = sessions.flatMap { $0.requirements(present: $0.possibleClients, products: scenario.products) }
            let levels = Set(asked.compactMap { requirement -> QualificationLevel? in
                switch requirement.need {
                case let .professionals(_, level, _), let .lead(level): level
                case .skill: nil
                }
            })
            // Vacancies hold the disciplines of the location's products, so that they count.
            let disciplines = sessions.reduce(into: Set<String>()) { $0.formUnion($1.disciplines) }
            for level in levels.sorted() {
                result += make(count, level: level, skills: disciplines, location: location, scenario: scenario)
            }
            var skillLevels: [String: QualificationLevel] = [:]
            for requirement in asked {
                guard case let .skill(skill, _, _) = requirement.need else { continue }
                skillLevels[skill] = max(skillLevels[skill] ?? requirement.capacityLevel, requirement.capacityLevel)
            }
            for skill in skillLevels.keys.sorted() {
                result += make(min(count, 3), level: skillLevels[skill]!, skills: disciplines.union([skill]), location: location, scenario: scenario)
            }
        }

        // Client work at home: a vacancy per product level and needed skills, and per responsible level.
        var kinds: [VacancyKind: Double] = [:]
        for row in short where row.activity != .group {
            for kind in clientWorkKinds(for: row, scenario: scenario) { kinds[kind, default: 0] += row.hours }
        }
        for kind in kinds.keys.sorted() {
            // Travel and the day's span leave fewer working hours than the week's ceiling: half as a margin.
            let count = min(12, Int((kinds[kind]! * 1.5 / weekHours).rounded(.up)) + 1)
            result += make(count, level: kind.level, skills: kind.skills, location: nil, scenario: scenario)
        }
        return result
    }

    struct VacancyKind: Hashable, Comparable {
        let level: QualificationLevel
        let skills: Set<String>
        var label: String { HireAnalysis.label(skills) }
        static func < (lhs: VacancyKind, rhs: VacancyKind) -> Bool { (lhs.level, lhs.label) < (rhs.level, rhs.label) }
    }

    /// A set of skills as one capacity-row `skill`: `ggz+verzorging`, or "" for none.
    static func label(_ skills: Set<String>) -> String { skills.sorted().joined(separator: "+") }

    private static func clientWorkKinds(for row: UncoveredDemand, scenario: Scenario) -> [VacancyKind] {
        let lowest = scenario.scale.levels.first!
        if row.kind == .appointment, let appointment = scenario.appointments[row.ref] {
            return appointment.roles.map { VacancyKind(level: $0.level ?? lowest, skills: $0.skills) }
        }
        guard let client = row.client.flatMap({ scenario.clients[$0] }), let product = scenario.products[client.product] else { return [] }
        switch row.kind {
        case .evaluation, .responsible:
            return [VacancyKind(level: product.responsibleLevel ?? product.minLevel, skills: product.responsibleSkills)]
        default:
            return [VacancyKind(level: product.minLevel, skills: client.needs.union(product.skills))]
        }
    }

    private static func make(_ count: Int, level: QualificationLevel, skills: Set<String>, location: LocationID?,
                             scenario: Scenario) -> [Staff] {
        let label = ([level.name] + skills.sorted() + [location?.rawValue ?? "thuis"]).joined(separator: "-")
        return (1...max(1, count)).map { number in
            var vacancy = Staff(
                id: StaffID("vacature-\(label)-\(number)"), name: "Vacature \(label) \(number)", level: level, skills: skills,
                contractHours: 0, minHours: 0, maxHours: Double(scenario.labourRules.maxWeekMinutes) / 60,
                isVolunteer: false, hourlyCost: scenario.hourlyCost(of: level), organisation: nil,
                locations: location.map { [$0] }, available: nil, absent: [], homeArea: nil, maxCaseload: nil)
            vacancy.isHire = true
            return vacancy
        }
    }

    // MARK: reading what the vacancies got

    static func plan(scenario: Scenario, withVacancies: Scenario, hireRoster: Roster, baseRoster: Roster,
                     demands: [SessionDemand], status: TerminationStatus) -> HirePlan {
        var hours: [Key: Double] = [:]
        var slots: [SlotKey: (uncovered: Double, hired: Double)] = [:]
        var leadTaken: Set<String> = []
        for assignment in hireRoster.assignments {
            guard let vacancy = withVacancies.staff[assignment.staff], vacancy.isHire else { continue }
            var key = Key(level: vacancy.level, skill: label(vacancy.skills))
            // A vacancy that is the session's only person of the lead level fills the lead: name it so,
            // as the capacity rows name that demand.
            let sessionKey = "\(assignment.location?.rawValue ?? "") \(assignment.interval.start) \(assignment.ref)"
            if assignment.activity == .group, vacancy.skills.isEmpty, !leadTaken.contains(sessionKey),
               let demand = session(at: assignment.location, assignment.interval, named: assignment.ref, in: demands),
               let lead = demand.leads.map(\.level).max(), vacancy.level >= lead,
               !hireRoster.assignments.contains(where: { other in
                   other.activity == .group && other.location == assignment.location && other.interval == assignment.interval
                       && other.ref == assignment.ref && scenario.staff[other.staff].map { $0.isProfessional(atLeast: lead) } == true
               }) {
                leadTaken.insert(sessionKey)
                key = Key(level: vacancy.level, skill: "lead")
            }
            hours[key, default: 0] += assignment.interval.hours
            for (slot, partHours) in slotPieces(assignment.interval, session: assignment.activity == .group ? assignment.ref : nil, key: key) {
                slots[slot, default: (0, 0)].hired += partHours
            }
        }
        for responsibility in hireRoster.responsibilities {
            guard let vacancy = withVacancies.staff[responsibility.staff], vacancy.isHire else { continue }
            hours[Key(level: vacancy.level, skill: label(vacancy.skills)), default: 0]
                += Double(responsibility.coordinationMinutes) / 60
        }
        var standIns: [SlotKey: Set<StaffID>] = [:]
        let everyone = scenario.sortedStaff
        for row in baseRoster.uncovered where staffKinds.contains(row.kind) {
            guard let interval = row.interval, let key = shortKey(row, scenario: scenario, demands: demands) else { continue }
            // Who would have come but is absent that day: then the shortage is the absence's.
            let date = scenario.week.date(atMinute: interval.start)
            let absent = everyone.filter { person in
                person.absent.contains(date) && !person.isVolunteer && person.isProfessional(atLeast: key.level)
                    && (key.skill.isEmpty || key.skill == "lead" || person.skills.contains(key.skill))
                    && (row.location == nil || person.locations?.contains(row.location!) != false)
            }.map(\.id)
            for (slot, partHours) in slotPieces(interval, session: row.activity == .group ? row.ref : nil, key: key) {
                slots[slot, default: (0, 0)].uncovered += partHours * row.hours / interval.hours
                standIns[slot, default: []].formUnion(absent)
            }
        }
        let fteHours = scenario.settings.fteHours
        let needs = hours.keys.sorted().map { key in
            HireNeed(level: key.level.name, skill: key.skill, hours: hours[key]!, fte: hours[key]! / fteHours,
                     cost: hours[key]! * scenario.hourlyCost(of: key.level))
        }
        let timed = slots.keys.sorted().map { slot in
            var timed = HireSlot(day: slot.day, daypart: slot.part, level: slot.key.level.name, skill: slot.key.skill,
                                 uncoveredHours: slots[slot]!.uncovered, hireHours: slots[slot]!.hired)
            timed.standIns = (standIns[slot] ?? []).sorted()
            return timed
        }
        let still = hireRoster.uncovered.filter { staffKinds.contains($0.kind) }.reduce(0.0) { $0 + $1.hours }
        return HirePlan(needs: needs, slots: timed, stillUncoveredHours: still, status: status.rawValue)
    }

    /// Hire figures are keyed as the capacity rows are, so the two merge by key.
    typealias Key = CapacityAnalysis.Key

    /// A day and dagdeel: a group session's own name (its whole hours on the day it starts, as
    /// the planner knows it), else the parts of the day the work falls in.
    struct SlotKey: Hashable, Comparable {
        let day: Weekday
        /// Minute of the day the dagdeel starts, so the slots read in the order of the day.
        let start: Int
        let part: String
        let key: Key
        static func < (lhs: SlotKey, rhs: SlotKey) -> Bool { (lhs.day, lhs.start, lhs.part, lhs.key) < (rhs.day, rhs.start, rhs.part, rhs.key) }
    }

    static func slotPieces(_ interval: WeekInterval, session: String?, key: Key) -> [(SlotKey, Double)] {
        if let session, !session.isEmpty, let day = Weekday(rawValue: (interval.start / 1440) % 7) {
            return [(SlotKey(day: day, start: interval.start % 1440, part: session, key: key), interval.hours)]
        }
        return Daypart.pieces(of: interval).map { day, part, hours in
            (SlotKey(day: day, start: part.minutes.lowerBound, part: part.rawValue, key: key), hours)
        }
    }

    /// The level and skill an uncovered row asks, as the capacity rows name them.
    private static func shortKey(_ row: UncoveredDemand, scenario: Scenario, demands: [SessionDemand]) -> Key? {
        if row.activity == .group {
            guard let interval = row.interval, let session = session(at: row.location, interval, named: row.ref, in: demands) else { return nil }
            let present = row.clientsPresent.compactMap { scenario.clients[$0] }
            let counted = session.countedLevel(present: present, products: scenario.products)
            switch row.kind {
            case .lead: return Key(level: session.leads.map(\.level).max() ?? counted, skill: "lead")
            case .skill:
                guard case let .skill(skill) = row.need else { return Key(level: session.countedLevel, skill: "") }
                return Key(level: session.countedLevel, skill: skill)
            default: return Key(level: counted, skill: "")
            }
        }
        return clientWorkKinds(for: row, scenario: scenario).first.map { Key(level: $0.level, skill: $0.label) }
    }

    /// The group session a roster or uncovered row belongs to.
    private static func session(at location: LocationID?, _ interval: WeekInterval, named name: String,
                                in demands: [SessionDemand]) -> SessionDemand? {
        demands.first { $0.session.location == location && $0.session.interval == interval && $0.session.slot.name == name }
    }
}
