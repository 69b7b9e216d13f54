import CareDomain

/// One thing a session asks of the people working it, under one session rule, for the clients
/// present: `count` people who each meet `need` (`GroupNeed.isMet(by:)`).
///
/// Everything that asks what a session needs or lacks folds over these: the construction and the
/// polish (`GroupWeek.needs`), the lower bound (demand nobody eligible meets), the capacity table
/// (hours per level and skill), the hire analysis (vacancies) and the explanations. The rows in
/// the MIP are the same rule's (`ModelRule.addRows`); `SessionRuleTests` holds each against them.
struct SessionRequirement: Hashable, Sendable {
    /// What is asked; for counted professionals `count` is in the need as well.
    let need: GroupNeed
    let count: Int
    /// The capacity table's row for it: the level and the skill label (`""`, `lead`, a skill,
    /// or a product's disciplines joined by `+`).
    let capacityLevel: QualificationLevel
    let capacitySkill: String

    /// What the session still lacks of it with `people` working there; nil when they meet it.
    func shortfall(with people: [Staff]) -> GroupNeed? {
        let met = people.reduce(0) { $0 + (need.isMet(by: $1) ? 1 : 0) }
        guard met < count else { return nil }
        if case let .professionals(_, level, disciplines) = need { return .professionals(count: count - met, level: level, disciplines: disciplines) }
        return need
    }

    /// How many of it `people` (everyone who could come) cannot meet: demand no roster covers.
    func unmeetable(by people: [Staff]) -> Int {
        max(0, count - people.reduce(0) { $0 + (need.isMet(by: $1) ? 1 : 0) })
    }
}

/// A rule on what a session needs (the ratio and `min_staff`, the lead level, the skills clients
/// need): its rows (`ModelRule`), what it asks for the clients present, and its label: one unit,
/// as the person-week rules are.
protocol SessionRule: ModelRule {
    /// What the rule asks of `demand` with `present` clients (none for an empty room, except
    /// what `min_staff` asks).
    func requirements(of demand: SessionDemand, present: [Client], products: [ProductID: Product]) -> [SessionRequirement]
}

extension PlanningRules {
    /// The session rules, in the order a session's needs are said: leads first, then skills,
    /// then counted professionals.
    static let session: [any SessionRule] = [LeadLevelRule(), SkillNeedRule(), StaffingRatioRule()]
}

extension SessionDemand {
    /// Everything the session rules ask of this session with `present` clients.
    func requirements(present: [Client], products: [ProductID: Product]) -> [SessionRequirement] {
        PlanningRules.session.flatMap { $0.requirements(of: self, present: present, products: products) }
    }

    /// What the session lacks with `people` working it and `present` clients, rule by rule.
    func needs(present: [Client], people: [Staff], products: [ProductID: Product]) -> [GroupNeed] {
        requirements(present: present, products: products).compactMap { $0.shortfall(with: people) }
    }
}
