import CareDomain
import Optimization

extension WeekModel {
    /// Counted professionals (non-volunteers of at least the session's counted level) at least
    /// ceil(Σ clients present / ratio) and at least `min_staff`; the shortfall is penalised.
    ///
    /// The ratio row is scaled by the least common multiple of the ratios, so that it has
    /// integer coefficients and 10 clients at 1:5 ask exactly 2, not 2.0000000000000004.
    func addStaffingRatio() throws {
        for demand in demands {
            // Every product that may be present sets the level and the disciplines, so the row never counts too many.
            let counted = workers(in: demand.id) { $0.counts(atLeast: demand.countedLevel, holding: demand.disciplines) }
            let ratios = demand.possibleClients.map { demand.ratio(for: $0, products: scenario.products) }
            let scale = Double(ratios.reduce(1, leastCommonMultiple))
            var required = LinearExpression()
            for client in demand.possibleClients {
                required.add(presence(of: client, in: demand), times: scale / Double(demand.ratio(for: client, products: scenario.products)))
            }
            let most = max(demand.session.minStaff, Int((Double(demand.possibleClients.count) / Double(ratios.min() ?? 1)).rounded(.up)))
            guard most > 0 else { continue }
            let shortfall = try model.addVariable(modelName("short_staff", demand.id), kind: .integer, upperBound: Double(most))
            staffingShortfall[demand.id] = shortfall
            let staffed = counted + shortfall
            if !demand.possibleClients.isEmpty {
                try model.add(scale * staffed >= required, name: modelName("ratio", demand.id))
            }
            if demand.session.minStaff > 0 {
                try model.add(staffed >= Double(demand.session.minStaff), name: modelName("min_staff", demand.id))
            }
            objective.add(shortfall, coefficient: weights.uncoveredCarePerHour * demand.hours)
        }
    }
}

func leastCommonMultiple(_ a: Int, _ b: Int) -> Int {
    func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
    return a / gcd(a, b) * b
}

/// Counted professionals for the ratio and `min_staff`: rows, requirement, label.
struct StaffingRatioRule: SessionRule {
    var label: String { "counted professionals for the ratio and min_staff" }
    func addRows(to week: WeekModel) throws { try week.addStaffingRatio() }

    /// max(`min_staff`, ⌈Σ 1/ratio⌉) professionals of the present products' highest `min_level`
    /// holding their disciplines; `min_staff` alone for an empty room.
    func requirements(of demand: SessionDemand, present: [Client], products: [ProductID: Product]) -> [SessionRequirement] {
        let required = present.isEmpty ? demand.session.minStaff : demand.requiredProfessionals(present: present, products: products)
        guard required > 0 else { return [] }
        let level = demand.countedLevel(present: present, products: products)
        let disciplines = demand.disciplines(present: present, products: products)
        return [SessionRequirement(need: .professionals(count: required, level: level, disciplines: disciplines), count: required,
                                   capacityLevel: level, capacitySkill: HireAnalysis.label(disciplines))]
    }
}
