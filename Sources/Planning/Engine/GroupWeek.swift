import CareDomain

/// What a group session still lacks, given who works it and which clients are present.
enum GroupNeed: Hashable, Sendable {
    /// Counted professionals of at least `level` holding `disciplines` (ratio and `min_staff`).
    case professionals(count: Int, level: QualificationLevel, disciplines: Set<String> = [])
    /// A professional of at least the product's `lead_level`.
    case lead(QualificationLevel)
    /// A professional (counted or not) holding a skill a present client needs.
    case skill(String, level: QualificationLevel, disciplines: Set<String> = [])

    /// Whether one more person like `staff` meets (part of) this need.
    func isMet(by staff: Staff) -> Bool {
        switch self {
        case let .professionals(_, level, disciplines): staff.counts(atLeast: level, holding: disciplines)
        case let .lead(level): staff.isProfessional(atLeast: level)
        case let .skill(skill, _, _): staff.meetsNeed(skill)
        }
    }
}

/// The group side of one part's roster while it is built: who works each session and where the
/// `attends_any` clients are placed. Indexed like `demands`.
struct GroupWeek {
    let scenario: Scenario
    let demands: [SessionDemand]
    private(set) var workers: [[Staff]]
    private(set) var placed: [[ClientID]]
    let indexOf: [GroupSessionID: Int]

    init(scenario: Scenario, demands: [SessionDemand]) {
        self.scenario = scenario
        self.demands = demands
        workers = Array(repeating: [], count: demands.count)
        placed = Array(repeating: [], count: demands.count)
        indexOf = Dictionary(uniqueKeysWithValues: demands.enumerated().map { ($0.element.id, $0.offset) })
    }

    mutating func add(_ staff: Staff, to session: Int) { workers[session].append(staff) }
    mutating func place(_ client: ClientID, in session: Int) { placed[session].append(client) }
    mutating func remove(_ staff: StaffID, from session: Int) { workers[session].removeAll { $0.id == staff } }

    func works(_ staff: StaffID, in session: Int) -> Bool { workers[session].contains { $0.id == staff } }

    /// `sessions` in time order, as the oracle reads a person's work.
    func inTimeOrder(_ sessions: [Int]) -> [Int] {
        sessions.sorted { demands[$0].session.interval < demands[$1].session.interval }
    }

    /// Per person, the sessions they work (in session order).
    func sessionsByPerson() -> [StaffID: [Int]] {
        var sessions: [StaffID: [Int]] = [:]
        for (index, people) in workers.enumerated() { for person in people { sessions[person.id, default: []].append(index) } }
        return sessions
    }

    /// The clients present: fixed ones and the placed `attends_any` ones, by id.
    func present(in session: Int) -> [Client] {
        let demand = demands[session]
        // The fixed clients are in id order already (`SessionDemand.build`).
        if placed[session].isEmpty { return demand.fixedClients }
        let chosen = Set(placed[session])
        return (demand.fixedClients + demand.optionalClients.filter { chosen.contains($0.id) }).sorted { $0.id < $1.id }
    }

    /// Counted professionals the session asks for its present clients: 0 for an empty room without `min_staff`.
    func requiredProfessionals(in session: Int) -> Int { requiredProfessionals(in: session, present: present(in: session)) }

    private func requiredProfessionals(in session: Int, present: [Client]) -> Int {
        let demand = demands[session]
        if present.isEmpty { return demand.session.minStaff }
        return demand.requiredProfessionals(present: present, products: scenario.products)
    }

    func countedLevel(in session: Int) -> QualificationLevel {
        demands[session].countedLevel(present: present(in: session), products: scenario.products)
    }

    func disciplines(in session: Int) -> Set<String> {
        demands[session].disciplines(present: present(in: session), products: scenario.products)
    }

    /// What the session still lacks: leads first, then skills, then counted professionals.
    /// (Asked for every person tried and every client placed: the clients present are made once.)
    func needs(in session: Int) -> [GroupNeed] { needs(in: session, with: workers[session]) }

    /// What the session would lack with `people` working it (the polish asks before it moves anyone).
    func needs(in session: Int, with people: [Staff]) -> [GroupNeed] {
        demands[session].needs(present: present(in: session), people: people, products: scenario.products)
    }

    /// The session's work as a person's timed work, for the oracle.
    func timedWork(_ session: Int) -> TimedWork {
        let group = demands[session].session
        // On-call duty is kept from home: no travel to or from it.
        return TimedWork(interval: group.interval, area: group.kind == .onCall ? nil : scenario.locations[group.location]?.travelArea, label: group.description,
                         isSleep: group.kind == .sleep, sleepInFull: group.sleepCountsInFull, isGroupSession: true, isOnCall: group.kind == .onCall,
                         breakCovered: !demands[session].isLoneDuty)
    }

    /// The roster rows of the group sessions.
    func assignments() -> [RosterAssignment] { demands.indices.flatMap(assignments(of:)) }

    /// The roster rows of one session.
    func assignments(of index: Int) -> [RosterAssignment] {
        let demand = demands[index]
        let present = present(in: index)
        let products = Array(Set(present.map(\.product))).sorted()
        let area = scenario.locations[demand.session.location]?.area
        return workers[index].map { person in
            RosterAssignment(staff: person.id, activity: .group, interval: demand.session.interval, location: demand.session.location,
                             area: area, clients: present.map(\.id), products: products,
                             role: person.isVolunteer ? .volunteer : .professional, ref: demand.session.slot.name)
        }
    }
}

extension GroupWeek {
    /// The group side of an earlier roster: its people in the sessions of `demands`, and where
    /// its `attends_any` clients were present.
    static func seeded(from roster: Roster, scenario: Scenario, demands: [SessionDemand], staff: [Staff]) -> GroupWeek {
        var week = GroupWeek(scenario: scenario, demands: demands)
        let people = Dictionary(uniqueKeysWithValues: staff.map { ($0.id, $0) })
        for row in roster.assignments where row.activity == .group {
            guard let location = row.location,
                  let index = demands.firstIndex(where: { $0.session.location == location && $0.session.interval == row.interval && $0.session.slot.name == row.ref })
            else { continue }
            if let person = people[row.staff], !week.works(person.id, in: index) { week.add(person, to: index) }
            let optional = Set(demands[index].optionalClients.map(\.id))
            for client in row.clients where optional.contains(client) && !week.placed[index].contains(client) { week.place(client, in: index) }
        }
        return week
    }
}
