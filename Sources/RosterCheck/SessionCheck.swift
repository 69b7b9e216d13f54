import CareDomain

/// Every session: attendance, capacity, ratio and `min_staff`, lead level and client needs,
/// and an uncovered row for each shortfall that is really there (and none for one that is not).
struct SessionCheck {
    let scenario: Scenario

    func check(_ roster: Roster) -> [Violation] {
        var violations: [Violation] = []
        let groupRows = roster.assignments.filter { $0.activity == .group }
        let sessionUncovered = roster.uncovered.filter { $0.activity == .group && $0.interval != nil && $0.kind != .attendance }
        var placements: [ClientID: Int] = [:]
        // One place at a time: an `attends_any` client is never placed in a session at the time
        // of another of theirs (their own `attends` may overlap: the scenario says so, and they
        // count in both; `validate` warns).
        var sessionsOf: [ClientID: [(interval: WeekInterval, label: String, chosen: Bool)]] = [:]
        var listed: Set<String> = []
        for row in groupRows where listed.insert("\(row.location?.rawValue ?? "")|\(row.interval.start)|\(row.ref)").inserted {
            guard let day = Weekday(rawValue: ((row.interval.start / 1440) % 7 + 7) % 7) else { continue }
            for client in row.clients {
                let fixed = scenario.clients[client]?.attends.contains(SessionSlot(day: day, name: row.ref)) ?? false
                sessionsOf[client, default: []].append((row.interval, "\(row.location?.rawValue ?? "") \(row.ref)", !fixed))
            }
        }
        for (client, sessions) in sessionsOf.sorted(by: { $0.key < $1.key }) {
            let ordered = sessions.sorted { $0.interval < $1.interval }
            for (index, earlier) in ordered.enumerated() {
                for later in ordered[(index + 1)...] where earlier.interval.overlaps(later.interval) && (earlier.chosen || later.chosen) {
                violations.append(Violation(rule: "client twice at once", message: "\(client) is placed at \(earlier.label) and \(later.label) at once (\(later.interval.label(in: scenario.week)))"))
                }
            }
        }
        for session in scenario.groupSessions {
            let rows = groupRows.filter { $0.location == session.location && $0.interval.start == session.interval.start && $0.ref == session.slot.name }
            let missing = sessionUncovered.filter { $0.location == session.location && $0.interval!.start == session.interval.start && $0.ref == session.slot.name }
            let label = "\(session.location) \(session.slot) (\(session.interval.label(in: scenario.week)))"
            let fixed = scenario.clients.values.filter { $0.location == session.location && $0.attends.contains(session.slot) }.map(\.id)
            // Who is present: as the rows say (they must agree), else as the uncovered rows say, else the fixed attendees.
            let lists = Set(rows.map { Set($0.clients) })
            if lists.count > 1 {
                violations.append(Violation(rule: "attendance", message: "rows of \(label) disagree on which clients are present"))
            }
            let present = lists.first ?? Set(missing.first?.clientsPresent ?? fixed)
            for client in fixed where !present.contains(client) {
                violations.append(Violation(rule: "attendance", message: "\(client) attends \(label) but is not listed as present"))
            }
            for clientID in present {
                guard let client = scenario.clients[clientID] else {
                    violations.append(Violation(rule: "attendance", message: "unknown client \(clientID) in \(label)"))
                    continue
                }
                let offered = client.location == session.location && (client.attends.contains(session.slot) || client.attendsAny?.options.contains(session.slot) == true)
                if !offered { violations.append(Violation(rule: "attendance", message: "\(clientID) does not attend \(label)")) }
                if client.attendsAny?.options.contains(session.slot) == true { placements[clientID, default: 0] += 1 }
            }
            if let capacity = scenario.locations[session.location]?.capacity, present.count > capacity {
                violations.append(Violation(rule: "capacity", message: "\(present.count) clients in \(label), capacity \(capacity)"))
            }
            if present.isEmpty && session.minStaff == 0 {
                if !rows.isEmpty || !missing.isEmpty {
                    // Staff in an empty session break no rule; uncovered rows for it are not real.
                    for row in missing { violations.append(Violation(rule: "uncovered not real", message: "\(label) has no clients, yet `\(row.need.text)` is reported missing")) }
                }
                continue
            }
            violations += staffing(session: session, label: label, present: present, rows: rows, missing: missing)
        }
        let unplaced = Dictionary(grouping: roster.uncovered.filter { $0.kind == .attendance }.compactMap(\.client), by: { $0 }).mapValues(\.count)
        for client in scenario.clients.values {
            guard let choice = client.attendsAny else { continue }
            let placed = placements[client.id] ?? 0
            let reported = unplaced[client.id] ?? 0
            if placed > choice.count {
                violations.append(Violation(rule: "attendance", message: "\(client.id) is placed in \(placed) sessions, more than the \(choice.count) asked"))
            } else if placed + reported != choice.count {
                violations.append(Violation(rule: "attendance", message: "\(client.id) asks \(choice.count) sessions: \(placed) placed, \(reported) reported uncovered"))
            }
        }
        return violations
    }

    private func staffing(session: GroupSession, label: String, present: Set<ClientID>, rows: [RosterAssignment], missing: [UncoveredDemand]) -> [Violation] {
        var violations: [Violation] = []
        let clients = present.compactMap { scenario.clients[$0] }
        let products = Set(clients.map(\.product)).compactMap { scenario.products[$0] }
        let people = rows.compactMap { scenario.staff[$0.staff] }
        let (counted, minLevel) = countedProfessionals(session, clients: clients, people: people)
        let required = requiredProfessionals(session, clients: clients)
        let reportedStaff = missing.filter { $0.kind == .staffing }.reduce(0.0) { $0 + $1.hours }
        let shortHours = Double(max(0, required - counted.count)) * session.interval.hours
        if abs(reportedStaff - shortHours) > 0.01 {
            violations.append(Violation(rule: "ratio", message: shortHours > reportedStaff
                ? "\(label): \(present.count) clients need \(required) counted professionals (\(minLevel) or higher), \(counted.count) rostered, and \(formatted(shortHours - reportedStaff)) h of it is not reported uncovered"
                : "\(label): \(formatted(reportedStaff)) h of staff reported missing, but only \(formatted(shortHours)) h is"))
        }
        for product in products {
            guard let lead = product.leadLevel else { continue }
            let hasLead = people.contains { !$0.isVolunteer && $0.level >= lead }
            let reported = missing.contains { $0.kind == .lead }
            if !hasLead && !reported {
                violations.append(Violation(rule: "lead level", message: "\(label): nobody of \(lead) or higher present for \(product.id), and not reported"))
            }
        }
        let leadReported = missing.contains { $0.kind == .lead }
        let leadMissing = products.contains { product in product.leadLevel.map { lead in !people.contains { !$0.isVolunteer && $0.level >= lead } } ?? false }
        if leadReported && !leadMissing {
            violations.append(Violation(rule: "uncovered not real", message: "\(label): a lead is reported missing but one is present"))
        }
        let needed = Set(clients.flatMap(\.needs))
        for skill in needed.sorted() {
            // SCENARIO.md 1.2: any professional present with the skill, counted or not.
            let held = people.contains { !$0.isVolunteer && $0.skills.contains(skill) }
            let reported = missing.contains { $0.need == .skill(skill) }
            if !held && !reported {
                violations.append(Violation(rule: "client needs", message: "\(label): a client needs \(skill) and no professional with it is present, not reported"))
            }
            if held && reported {
                violations.append(Violation(rule: "uncovered not real", message: "\(label): \(skill) is reported missing but is present"))
            }
        }
        for row in missing where row.kind == .skill && !needed.contains(where: { row.need == .skill($0) }) {
            violations.append(Violation(rule: "uncovered not real", message: "\(label): `\(row.need.text)` is reported, but no present client needs it"))
        }
        return violations
    }
}

extension SessionCheck {
    /// Counted professionals a session needs for these clients: `min_staff`, and ceil(Σ 1/ratio)
    /// in whole numbers (Σ L / ratio over the clients, divided by L and rounded up).
    func requiredProfessionals(_ session: GroupSession, clients: [Client]) -> Int {
        let ratios = clients.map { session.ratio ?? scenario.products[$0.product]?.ratio ?? 1 }
        var common = 1
        for ratio in ratios { common = common / greatestCommonDivisor(common, ratio) * ratio }
        let scaledNeed = ratios.reduce(0) { $0 + common / $1 }
        return max(session.minStaff, (scaledNeed + common - 1) / common)
    }

    /// The people who count towards the ratio for these clients: professionals (no volunteers) of
    /// at least the products' highest `min_level`, holding every product's `skills` (SCENARIO.md
    /// 1.1: disciplines); and that level.
    func countedProfessionals(_ session: GroupSession, clients: [Client], people: [Staff]) -> (counted: [Staff], minLevel: QualificationLevel) {
        let products = Set(clients.map(\.product)).compactMap { scenario.products[$0] }
        let minLevel = products.map(\.minLevel).max() ?? emptySessionLevel(session)
        let disciplines = products.reduce(into: Set<String>()) { $0.formUnion($1.skills) }
        return (people.filter { !$0.isVolunteer && $0.level >= minLevel && disciplines.allSatisfy($0.skills.contains) }, minLevel)
    }

    /// The level a session with no client present asks of its `min_staff`: the work is the care
    /// of the location, so the highest `min_level` of the products of the clients who may come
    /// to this session, else of the location's clients, else the lowest of the group products.
    func emptySessionLevel(_ session: GroupSession) -> QualificationLevel {
        let atLocation = scenario.clients.values.filter { $0.location == session.location }
        let mayCome = atLocation.filter { $0.attends.contains(session.slot) || $0.attendsAny?.options.contains(session.slot) == true }
        func highest(_ clients: [Client]) -> QualificationLevel? { clients.compactMap { scenario.products[$0.product]?.minLevel }.max() }
        return highest(mayCome) ?? highest(atLocation)
            ?? scenario.products.values.filter { $0.setting == .group }.map(\.minLevel).min() ?? scenario.scale.levels[0]
    }

    /// Whether the people present meet every need of these clients: counted professionals for the
    /// ratio, each product's lead, each client's skills.
    func isStaffed(_ session: GroupSession, clients: [Client], people: [Staff]) -> Bool {
        let products = Set(clients.map(\.product)).compactMap { scenario.products[$0] }
        let counted = countedProfessionals(session, clients: clients, people: people).counted
        guard counted.count >= requiredProfessionals(session, clients: clients) else { return false }
        for product in products {
            if let lead = product.leadLevel, !people.contains(where: { !$0.isVolunteer && $0.level >= lead }) { return false }
        }
        return Set(clients.flatMap(\.needs)).allSatisfy { skill in people.contains { !$0.isVolunteer && $0.skills.contains(skill) } }
    }
}

func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int { b == 0 ? a : greatestCommonDivisor(b, a % b) }

func formatted(_ hours: Double) -> String {
    let rounded = (hours * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}
