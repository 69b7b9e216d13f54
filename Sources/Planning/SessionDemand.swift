import CareDomain

/// What one group session asks of its staff, before anyone is rostered.
struct SessionDemand: Sendable {
    let session: GroupSession
    let fixedClients: [Client]
    /// `attends_any` clients who may be placed in this session.
    let optionalClients: [Client]
    /// The level every counted professional needs: the highest `min_level` of the products present.
    let countedLevel: QualificationLevel
    /// The disciplines (product `skills`) every counted professional holds: those of every product
    /// that may be present (the model's; `disciplines(present:)` for the clients actually present).
    var disciplines: Set<String> = []
    /// Lead levels asked by the products present, with the clients who bring each.
    let leads: [(level: QualificationLevel, clients: [Client])]
    /// Skills the clients present need, with the clients who need each.
    let skills: [(skill: String, clients: [Client])]
    let capacity: Int?

    /// A lone duty (`LoneDuty.swift`): its break is working time.
    var isLoneDuty = false

    var id: GroupSessionID { session.id }
    var hours: Double { session.interval.hours }
    /// The working hours of one person on it, standing alone in a shift: its break out, a
    /// sleeping shift's time with `sleep_hours_factor`, on-call duty none.
    /// `forLimits`: a sleeping shift in full, as the Act's limits count it.
    func workingHours(_ rules: LabourRules, forLimits: Bool = false) -> Double {
        // On-call duty is no working time.
        guard session.kind != .onCall else { return 0 }
        return Double(WorkingTime.minutes(alone: WorkPiece(session.interval, isSleep: session.kind == .sleep, breakCovered: !isLoneDuty,
                                                                    sleepInFull: session.sleepCountsInFull),
                                          rules: rules, forLimits: forLimits)) / 60
    }
    var possibleClients: [Client] { fixedClients + optionalClients }
    /// A session is planned when someone may attend or the location asks staff regardless.
    var isActive: Bool { !possibleClients.isEmpty || session.minStaff > 0 }

    /// The ratio that applies to `client` here: the session's own, else the product's.
    func ratio(for client: Client, products: [ProductID: Product]) -> Int {
        session.ratio ?? products[client.product]?.ratio ?? 1
    }

    /// The counted level for the clients actually present (the model uses every product that might be).
    func countedLevel(present: [Client], products: [ProductID: Product]) -> QualificationLevel {
        present.compactMap { products[$0.product]?.minLevel }.max() ?? self.countedLevel
    }

    /// The disciplines of the products of the clients present.
    func disciplines(present: [Client], products: [ProductID: Product]) -> Set<String> {
        present.reduce(into: Set<String>()) { $0.formUnion(products[$1.product]?.skills ?? []) }
    }

    /// max(`min_staff`, ceil(Σ 1 / ratio)) for the clients present, in whole numbers as the model counts it.
    func requiredProfessionals(present: [Client], products: [ProductID: Product]) -> Int {
        let ratios = present.map { ratio(for: $0, products: products) }
        let common = ratios.reduce(1, leastCommonMultiple)
        let scaledNeed = ratios.reduce(0) { $0 + common / $1 }
        return max(session.minStaff, (scaledNeed + common - 1) / common)
    }

    static func build(for scenario: Scenario) -> [SessionDemand] {
        let groupProducts = scenario.products.values.filter { $0.setting == .group }
        let lowestGroupLevel = groupProducts.map(\.minLevel).min() ?? scenario.scale.levels.first!
        let byLocation = Dictionary(grouping: scenario.sortedClients.filter { $0.location != nil }, by: { $0.location! })
        return scenario.groupSessions.map { session in
            let atLocation = byLocation[session.location] ?? []
            let fixed = atLocation.filter { $0.attends.contains(session.slot) }
            // An offered session at the time of one the client attends anyway is no option: they
            // are in one place at a time.
            let optional = atLocation.filter { client in
                client.attendsAny?.options.contains(session.slot) == true
                    && !client.attends.contains { slot in
                        scenario.locations[session.location]?.sessions.first { $0.name == slot.name && $0.window.days.contains(slot.day) }
                            .map { $0.window.interval(on: slot.day).overlaps(session.interval) } ?? false
                    }
            }
            let possible = fixed + optional
            let products = Set(possible.map(\.product)).compactMap { scenario.products[$0] }
            let locationProducts = Set(atLocation.map(\.product)).compactMap { scenario.products[$0] }
            let countedLevel = products.map(\.minLevel).max() ?? locationProducts.map(\.minLevel).max() ?? lowestGroupLevel
            var leadClients: [QualificationLevel: [Client]] = [:]
            for client in possible {
                if let lead = scenario.products[client.product]?.leadLevel { leadClients[lead, default: []].append(client) }
            }
            var skillClients: [String: [Client]] = [:]
            for client in possible {
                for skill in client.needs { skillClients[skill, default: []].append(client) }
            }
            var demand = SessionDemand(
                session: session, fixedClients: fixed, optionalClients: optional, countedLevel: countedLevel,
                disciplines: products.reduce(into: Set<String>()) { $0.formUnion($1.skills) },
                leads: leadClients.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                skills: skillClients.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                capacity: scenario.locations[session.location]?.capacity)
            demand.isLoneDuty = scenario.loneDutyKeys.contains(Scenario.loneKey(session.location, session.slot.name, day: session.slot.day))
            return demand
        }
    }
}

extension SessionStaffing {
    /// The board's figures of each session from the roster: the clients it lists as present
    /// (on its rows, or on its uncovered rows when nobody came), asked for as the rules ask.
    static func of(_ roster: Roster, demands: [SessionDemand], scenario: Scenario) -> [SessionStaffing] {
        var present: [GroupSessionID: Set<ClientID>] = [:]
        var rostered: [GroupSessionID: [StaffID]] = [:]
        for row in roster.assignments where row.activity == .group {
            guard let location = row.location, let day = Weekday(rawValue: row.interval.start / 1440) else { continue }
            let id = GroupSessionID(location: location, slot: SessionSlot(day: day, name: row.ref))
            present[id, default: []].formUnion(row.clients)
            rostered[id, default: []].append(row.staff)
        }
        for row in roster.uncovered where row.activity == .group {
            guard let location = row.location, let interval = row.interval, let day = Weekday(rawValue: interval.start / 1440) else { continue }
            present[GroupSessionID(location: location, slot: SessionSlot(day: day, name: row.ref)), default: []].formUnion(row.clientsPresent)
        }
        return demands.map { demand in
            let id = GroupSessionID(location: demand.session.location, slot: demand.session.slot)
            let ids = present[id] ?? []
            let clients = (demand.fixedClients + demand.optionalClients).filter { ids.contains($0.id) }
            let required = clients.isEmpty ? demand.session.minStaff : demand.requiredProfessionals(present: clients, products: scenario.products)
            let level = demand.countedLevel(present: clients, products: scenario.products)
            let disciplines = demand.disciplines(present: clients, products: scenario.products)
            let lead = demand.leads.filter { $0.clients.contains { ids.contains($0.id) } }.map(\.level).max()
            let counted = (rostered[id] ?? []).compactMap { scenario.staff[$0] }.filter { $0.counts(atLeast: level, holding: disciplines) }.count
            var figures = SessionStaffing(location: id.location, slot: id.slot, clientsPresent: clients.count, requiredProfessionals: required,
                                          lead: lead, rosteredProfessionals: counted)
            // Who is needed: the only holder of a skill a client present needs, or of the lead level.
            let people = (rostered[id] ?? []).compactMap { scenario.staff[$0] }.filter { !$0.isVolunteer }
            let needed = Set(clients.flatMap(\.needs))
            for person in people {
                var only: [String] = []
                for skill in needed.sorted() where person.meetsNeed(skill) && !people.contains(where: { $0.id != person.id && $0.meetsNeed(skill) }) {
                    only.append(skill)
                }
                if let lead, person.isProfessional(atLeast: lead), !people.contains(where: { $0.id != person.id && $0.isProfessional(atLeast: lead) }) {
                    figures.bringsLead.insert(person.id)
                }
                if !only.isEmpty { figures.brings[person.id] = only.joined(separator: ", ") }
            }
            // Surplus: beyond what the ratio asks, and not the one who brings a skill or the lead.
            let countedPeople = people.filter { $0.counts(atLeast: level, holding: disciplines) }
            let free = countedPeople.filter { figures.brings[$0.id] == nil && !figures.bringsLead.contains($0.id) }.count
            figures.surplus = max(0, min(counted - required, free))
            return figures
        }
    }
}
