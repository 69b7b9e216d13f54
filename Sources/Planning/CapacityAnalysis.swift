import CareDomain
import Optimization

/// Demand against supply per level and skill, read from the roster and its uncovered rows.
///
/// Rows partition the staff demand: `(counted level, "")` for ratio and `min_staff`,
/// `(lead level, "lead")` for end responsibility, `(counted level, skill)` for client needs.
/// For each, demand = assigned + uncovered, so the figures can be counted by hand.
enum CapacityAnalysis {
    struct Key: Hashable, Comparable {
        let level: QualificationLevel
        let skill: String
        static func < (lhs: Key, rhs: Key) -> Bool { (lhs.level, lhs.skill) < (rhs.level, rhs.skill) }
    }

    static func rows(scenario: Scenario, demands: [SessionDemand], roster: Roster) -> [CapacityRow] {
        var demand: [Key: Double] = [:]
        var uncovered: [Key: Double] = [:]
        let bySession = Dictionary(grouping: roster.assignments.filter { $0.activity == .group }) {
            GroupSessionID(location: $0.location!, slot: SessionSlot(day: scenario.week.date(atMinute: $0.interval.start).weekday, name: $0.ref))
        }
        let uncoveredBySession = Dictionary(grouping: roster.uncovered.filter { $0.activity == .group && $0.interval != nil && $0.kind != .attendance }) {
            GroupSessionID(location: $0.location!, slot: SessionSlot(day: scenario.week.date(atMinute: $0.interval!.start).weekday, name: $0.ref))
        }
        for session in demands {
            let rows = bySession[session.id] ?? []
            let missing = uncoveredBySession[session.id] ?? []
            let present = Set((rows.first?.clients ?? missing.first?.clientsPresent ?? session.fixedClients.map(\.id)))
            let workers = rows.compactMap { scenario.staff[$0.staff] }
            let presentClients = present.compactMap { scenario.clients[$0] }
            // Per session rule's requirement, its row (a product's disciplines are part of what a
            // counted professional is: `ggz+verzorging`).
            for requirement in session.requirements(present: presentClients, products: scenario.products) {
                let key = Key(level: requirement.capacityLevel, skill: requirement.capacitySkill)
                let short: Double
                switch requirement.need {
                case .professionals:
                    short = missing.filter { $0.kind == .staffing }.reduce(0.0) { $0 + $1.hours }
                    let counted = workers.filter(requirement.need.isMet(by:)).count
                    // Demand is what the rules ask; staff above it is welcome but not demand.
                    demand[key, default: 0] += Double(min(counted, requirement.count)) * session.hours + short
                case .lead:
                    short = missing.filter { $0.kind == .lead }.reduce(0.0) { $0 + $1.hours }
                    demand[key, default: 0] += session.hours
                case let .skill(skill, _, _):
                    short = missing.filter { $0.need == .skill(skill) }.reduce(0.0) { $0 + $1.hours }
                    demand[key, default: 0] += session.hours
                }
                uncovered[key, default: 0] += short
            }
        }
        let limitHours = Double(scenario.labourRules.maxWeekMinutes) / 60
        return demand.keys.sorted().map { key in
            let supply = scenario.staff.values.filter { person in
                person.isProfessional(atLeast: key.level)
                    && (key.skill.isEmpty || key.skill == "lead" || key.skill.split(separator: "+").allSatisfy { person.skills.contains(String($0)) })
            }
            let available = supply.reduce(0.0) { $0 + min($1.maxHours, limitHours) }
            let short = uncovered[key] ?? 0
            return CapacityRow(level: key.level.name, skill: key.skill, demandHours: demand[key]!, availableHours: available,
                               assignedHours: demand[key]! - short, uncoveredHours: short, fteGap: short / scenario.settings.fteHours)
        }
    }
}

extension CapacityAnalysis {
    /// The demand rows with the vacancies' hours added by level and skill; a vacancy kind
    /// without a demand row of its own gets a row with only hire figures.
    static func merge(_ rows: [CapacityRow], hires: HirePlan, fteHours: Double) -> [CapacityRow] {
        var merged = rows
        for need in hires.needs {
            if let index = merged.firstIndex(where: { $0.level == need.level && $0.skill == need.skill }) {
                merged[index].hireHours += need.hours
                merged[index].hireFTE += need.fte
                merged[index].hireCost += need.cost
            } else {
                var row = CapacityRow(level: need.level, skill: need.skill, demandHours: 0, availableHours: 0,
                                      assignedHours: 0, uncoveredHours: 0, fteGap: 0)
                row.hireHours = need.hours
                row.hireFTE = need.fte
                row.hireCost = need.cost
                merged.append(row)
            }
        }
        return merged
    }
}

/// The run's headline figures.
enum RunSummaryBuilder {
    static func summary(scenario: Scenario, roster: Roster, capacity: [CapacityRow], status: TerminationStatus,
                        objective: Double?, bound: Double, seconds: Double) -> RunSummary {
        let assigned = roster.assignments.reduce(0.0) { $0 + $1.interval.hours }
        // Cost is working time: breaks out, sleep with its factor, coordination in.
        let working = scenario.workingMinutes(of: roster)
        let cost = working.reduce(0.0) { $0 + Double($1.value) / 60 * (scenario.staff[$1.key]?.hourlyCost ?? 0) }
        let uncoveredHours = roster.uncovered.reduce(0.0) { $0 + $1.hours }
        // Every capacity row is a demand of its own (staff, lead, a skill); coverage weighs them by hours.
        let staffDemand = capacity.reduce(0.0) { $0 + $1.demandHours }
        let staffShort = capacity.reduce(0.0) { $0 + $1.uncoveredHours }
        let unplanned = roster.uncovered.filter { $0.kind == .unplanned || $0.kind == .attendance }.reduce(0.0) { $0 + $1.hours }
        // Client work (visits, evaluations, appointment seats) asks what is rostered plus what is uncovered.
        let clientKinds: Set<UncoveredKind> = [.visit, .evaluation, .appointment]
        let clientShort = roster.uncovered.filter { clientKinds.contains($0.kind) }.reduce(0.0) { $0 + $1.hours }
        let clientDone = roster.assignments.filter { $0.activity != .group }.reduce(0.0) { $0 + $1.interval.hours }
        let totalDemand = staffDemand + unplanned + clientShort + clientDone
        let coverage = totalDemand > 0 ? (totalDemand - staffShort - unplanned - clientShort) / totalDemand : 1
        // Hires needed: per session the larger of the missing counted professionals and one person
        // for a missing lead or skill (one hire of the right level and skill fills both).
        var missingPeopleHours = 0.0
        let bySession = Dictionary(grouping: roster.uncovered.filter { $0.activity == .group && $0.interval != nil && $0.kind != .attendance }) {
            "\($0.location?.rawValue ?? "") \($0.interval!.start) \($0.ref)"
        }
        for rows in bySession.values {
            let hours = rows[0].interval!.hours
            let staffing = rows.filter { $0.kind == .staffing }.reduce(0.0) { $0 + $1.hours } / hours
            let other = rows.contains { $0.kind == .lead || $0.kind == .skill } ? 1.0 : 0.0
            missingPeopleHours += max(staffing, other) * hours
        }
        let gap = objective.map { abs($0 - bound) / max(1, abs($0)) }
        var summary = RunSummary(status: status.rawValue, objective: objective, bestBound: bound, gap: gap, solveSeconds: seconds,
                                 coverage: coverage, assignedHours: assigned, uncoveredHours: uncoveredHours, cost: cost,
                                 fteGap: missingPeopleHours / scenario.settings.fteHours)
        summary.unusedContractHours = RunSummary.unusedContractHours(roster, in: scenario)
        summary.workingHours = Double(working.values.reduce(0, +)) / 60
        summary.breakHours = Double(scenario.breakMinutes(of: roster).values.reduce(0, +)) / 60
        return summary.withPay(of: [(roster, scenario)])
    }
}
