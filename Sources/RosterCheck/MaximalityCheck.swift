import CareDomain

/// The roster is maximal: no uncovered need of a group session, no uncovered visit, end
/// responsibility or evaluation, that one free, qualified person could meet without breaking any
/// rule, and no unplaced `attends_any` attendance that a session has room and staff for.
///
/// For every staffing, lead and skill row in `uncovered.csv`, each qualified person not in the
/// session is added to it on a copy of their own week, and that week is checked with the same
/// placement and working-time checks as the roster itself. For every uncovered visit, each
/// qualified person is tried at every start on the time grid inside the client's available time
/// (and the product's office hours), on days the client still has room for a visit and within
/// `max_distinct_staff`. An uncovered responsibility is offered to every qualified professional
/// with room in `max_caseload` (its coordination minutes added to their week); an uncovered
/// evaluation to the client's responsible professional at every grid start up to its deadline.
/// If a week passes, the shortfall was not forced, and the roster is reported as not maximal.
///
/// In a period, the person's later weeks must keep their rules too (`LaterWeeks`).
struct MaximalityCheck {
    let scenario: Scenario
    var later: LaterWeeks? = nil
    /// The lone duties and the sessions, read once for every candidate week tried.
    let lone: Set<String>
    let sessionsByKey: [String: GroupSession]

    init(scenario: Scenario, later: LaterWeeks? = nil) {
        self.scenario = scenario
        self.later = later
        lone = WorkingTimeCheck.loneSessions(in: scenario)
        sessionsByKey = PlacementCheck.sessions(of: scenario)
    }

    /// Whether `person`'s later weeks allow their rows of this week to be `week`'s.
    private func laterAllow(_ week: Roster, of person: StaffID, in roster: Roster) -> Bool {
        later?.allow(week.assignments, of: person, in: roster) ?? true
    }

    func check(_ roster: Roster) -> [Violation] {
        var violations: [Violation] = []
        let rowsByStaff = Dictionary(grouping: roster.assignments, by: \.staff)
        let responsibilities = Dictionary(grouping: roster.responsibilities, by: \.staff)
        let sessions = sessionsByKey
        // Made once, not per uncovered row: a 2,000-staff week has thousands of each.
        let everyone = scenario.staff.values.sorted { $0.id < $1.id }
        let workingAt = Dictionary(grouping: roster.assignments.filter { $0.activity == .group }) { "\($0.location?.rawValue ?? "")|\($0.interval.start)|\($0.ref)" }
            .mapValues { Set($0.map(\.staff)) }
        for row in roster.uncovered where [.staffing, .lead, .skill].contains(row.kind) {
            guard let location = row.location, let interval = row.interval,
                  let session = sessions["\(location)|\(interval.start)|\(row.ref)"] else { continue }
            let present = row.clientsPresent.compactMap { scenario.clients[$0] }
            let products = present.compactMap { scenario.products[$0.product] }
            let counted = products.map(\.minLevel).max() ?? SessionCheck(scenario: scenario).emptySessionLevel(session)
            let level: QualificationLevel
            var skill: String? = nil
            switch row.kind {
            case .lead: level = products.compactMap(\.leadLevel).max() ?? counted
            case .skill:
                // SCENARIO.md 1.2: any professional with the skill meets a client's need.
                level = scenario.scale.levels[0]
                if case let .skill(needed) = row.need { skill = needed }
            default: level = counted
            }
            let working = workingAt["\(location)|\(interval.start)|\(row.ref)"] ?? []
            let days = Set([scenario.week.date(atMinute: interval.start), scenario.week.date(atMinute: interval.end - 1)])
            // A counted professional (staffing) also holds the products' disciplines.
            let disciplines = row.kind != .staffing ? [] : products.reduce(into: Set<String>()) { $0.formUnion($1.skills) }
            for person in everyone {
                guard !person.isVolunteer, person.level >= level, !working.contains(person.id) else { continue }
                if let skill, !person.skills.contains(skill) { continue }
                guard disciplines.allSatisfy(person.skills.contains) else { continue }
                // What the placement check would refuse at once (place, absence), asked first.
                if let allowed = person.locations, !allowed.contains(location) { continue }
                if !person.absent.isDisjoint(with: days) { continue }
                let added = RosterAssignment(staff: person.id, activity: .group, interval: interval, location: location,
                                             area: scenario.locations[location]?.area, clients: row.clientsPresent,
                                             products: Array(Set(present.map(\.product))).sorted(), role: .professional, ref: session.slot.name)
                let week = Roster(assignments: (rowsByStaff[person.id] ?? []) + [added], uncovered: [],
                                  responsibilities: responsibilities[person.id] ?? [])
                if PlacementCheck(scenario: scenario, sessions: sessionsByKey).check(week).isEmpty && WorkingTimeCheck(scenario: scenario, lone: lone).check(week).isEmpty
                    && laterAllow(week, of: person.id, in: roster) {
                    violations.append(Violation(rule: "maximal", message: "\(row.need.text) at \(location) \(row.ref) \(interval.label(in: scenario.week)) is uncovered, but \(person.id) is free, qualified and breaks no rule by coming"))
                    break
                }
            }
        }
        violations += visits(roster, rowsByStaff: rowsByStaff, responsibilities: responsibilities)
        violations += responsibility(roster, rowsByStaff: rowsByStaff, responsibilities: responsibilities)
        violations += evaluations(roster, rowsByStaff: rowsByStaff, responsibilities: responsibilities)
        violations += attendance(roster)
        return violations
    }

    /// Unplaced `attends_any` attendance that fits a session of the client's choice as it is
    /// staffed: room under the location's capacity, and the people present still meet every need
    /// (ratio, lead, skills) with the client added. No one need come for it, so it was not forced.
    private func attendance(_ roster: Roster) -> [Violation] {
        var violations: [Violation] = []
        let sessionCheck = SessionCheck(scenario: scenario)
        var asked: Set<ClientID> = []
        for row in roster.uncovered where row.kind == .attendance {
            guard let id = row.client, asked.insert(id).inserted, let client = scenario.clients[id], let choice = client.attendsAny,
                  let location = client.location else { continue }
            let attended = roster.assignments.filter { $0.activity == .group && $0.clients.contains(id) }.map(\.interval)
            for session in scenario.groupSessions where session.location == location && choice.options.contains(session.slot) {
                let rows = roster.assignments.filter { $0.activity == .group && $0.location == location && $0.interval == session.interval && $0.ref == session.slot.name }
                // A session nobody works needs someone to come: not this check's question.
                guard let present = rows.first?.clients, !present.contains(id),
                      !attended.contains(where: { $0.overlaps(session.interval) }) else { continue }
                if let capacity = scenario.locations[location]?.capacity, present.count + 1 > capacity { continue }
                let clients = (present + [id]).compactMap { scenario.clients[$0] }
                if sessionCheck.isStaffed(session, clients: clients, people: rows.compactMap { scenario.staff[$0.staff] }) {
                    violations.append(Violation(rule: "maximal", message: "\(id) is placed in fewer sessions than asked, but \(location) \(session.slot) (\(session.interval.label(in: scenario.week))) has room and its staff suffice with \(id) added"))
                    break
                }
            }
        }
        return violations
    }

    /// An uncovered end responsibility that one qualified professional with room in caseload and
    /// hours could take (its coordination minutes added to their week).
    private func responsibility(_ roster: Roster, rowsByStaff: [StaffID: [RosterAssignment]], responsibilities: [StaffID: [Responsibility]]) -> [Violation] {
        var violations: [Violation] = []
        for row in roster.uncovered where row.kind == .responsible {
            guard let id = row.client, let client = scenario.clients[id], let product = scenario.products[client.product],
                  let level = product.responsibleLevel else { continue }
            for person in scenario.staff.values.sorted(by: { $0.id < $1.id }) {
                guard !person.isVolunteer, person.level >= level, product.responsibleSkills.isSubset(of: person.skills) else { continue }
                if let fixed = client.responsible, fixed != person.id { continue }
                if client.responsible == nil, let allowed = person.locations, !(client.location.map(allowed.contains) ?? false) { continue }
                let held = responsibilities[person.id] ?? []
                if let limit = person.maxCaseload, held.count >= limit { continue }
                let taken = Responsibility(client: id, staff: person.id, coordinationMinutes: product.coordinationMinutes ?? 0)
                let week = Roster(assignments: rowsByStaff[person.id] ?? [], uncovered: [], responsibilities: held + [taken])
                if WorkingTimeCheck(scenario: scenario, lone: lone).check(week).isEmpty && laterAllow(week, of: person.id, in: roster) {
                    violations.append(Violation(rule: "maximal", message: "\(id) has no responsible professional, but \(person.id) is qualified and has room in caseload and hours"))
                    break
                }
            }
        }
        return violations
    }

    /// An uncovered evaluation that the client's responsible professional could hold at some
    /// start on the time grid, on or before its deadline, without breaking a rule.
    private func evaluations(_ roster: Roster, rowsByStaff: [StaffID: [RosterAssignment]], responsibilities: [StaffID: [Responsibility]]) -> [Violation] {
        var violations: [Violation] = []
        let responsibleOf = Dictionary(roster.responsibilities.map { ($0.client, $0.staff) }, uniquingKeysWith: { first, _ in first })
        let work = ClientWorkCheck(scenario: scenario)
        let step = max(1, scenario.timeStepMinutes)
        for row in roster.uncovered where row.kind == .evaluation {
            guard let id = row.client, let client = scenario.clients[id], let product = scenario.products[client.product],
                  let staff = responsibleOf[id], let person = scenario.staff[staff] else { continue }
            let latest = work.latestDate(client, product: product).map { scenario.week.startMinute(of: $0) + 1440 } ?? 7 * 1440
            let own = rowsByStaff[staff] ?? []
            let area = expectedArea(of: client, in: scenario)
            search: for window in work.evaluationWindows(client, product: product) {
                var start = (max(0, window.start) + step - 1) / step * step
                while start + 60 <= min(window.end, latest) {
                    defer { start += step }
                    let interval = WeekInterval(start: start, end: start + 60)
                    guard !own.contains(where: { $0.interval.overlaps(interval) }) else { continue }
                    let added = RosterAssignment(staff: person.id, activity: .evaluation, interval: interval, location: client.location,
                                                 area: area, clients: [id], products: [client.product], role: .professional, ref: "\(id)#evaluation")
                    let week = Roster(assignments: own + [added], uncovered: [], responsibilities: responsibilities[staff] ?? [])
                    let broken = PlacementCheck(scenario: scenario, sessions: sessionsByKey).check(week) + WorkingTimeCheck(scenario: scenario, lone: lone).check(week)
                    if broken.isEmpty && laterAllow(week, of: staff, in: roster) {
                        violations.append(Violation(rule: "maximal", message: "\(id)'s evaluation is uncovered, but \(staff), the responsible professional, is free and breaks no rule by holding it \(interval.label(in: scenario.week))"))
                        break search
                    }
                    if broken.contains(where: { $0.rule == "max hours" || $0.rule == "week hours" }) { break search }
                }
            }
        }
        return violations
    }

    private func visits(_ roster: Roster, rowsByStaff: [StaffID: [RosterAssignment]], responsibilities: [StaffID: [Responsibility]]) -> [Violation] {
        var violations: [Violation] = []
        let visitsByClient = Dictionary(grouping: roster.assignments.filter { $0.activity == .visit }) { $0.clients.first }
        let staff = scenario.staff.values.sorted { $0.id < $1.id }
        var asked: Set<ClientID> = []
        for row in roster.uncovered where row.kind == .visit {
            // One finding per client is enough: a second uncovered visit of the same client asks the same.
            guard let id = row.client, asked.insert(id).inserted, let client = scenario.clients[id],
                  let product = scenario.products[client.product], let ambulatory = client.ambulatory else { continue }
            let placed = visitsByClient[id] ?? []
            var perDay: [Int: Int] = [:]
            for visit in placed { perDay[visit.interval.start / 1440, default: 0] += 1 }
            let visitors = Set(placed.map(\.staff))
            let windows = ClientWorkCheck(scenario: scenario).clientWindows(client, product: product)
                .map { (start: max(0, $0.start), end: min(7 * 1440, $0.end)) }.filter { $0.start < $0.end }
            let step = max(1, scenario.timeStepMinutes)
            search: for person in staff {
                guard !person.isVolunteer, person.level >= product.minLevel, client.needs.union(product.skills).isSubset(of: person.skills), person.locations == nil else { continue }
                if let limit = ambulatory.maxDistinctStaff, !visitors.contains(person.id), visitors.count >= limit { continue }
                let own = rowsByStaff[person.id] ?? []
                for window in windows {
                    var start = (window.start + step - 1) / step * step
                    while start + ambulatory.visitMinutes <= window.end {
                        defer { start += step }
                        let interval = WeekInterval(start: start, end: start + ambulatory.visitMinutes)
                        guard perDay[start / 1440, default: 0] < ambulatory.maxPerDay,
                              !own.contains(where: { $0.interval.overlaps(interval) }) else { continue }
                        let added = RosterAssignment(staff: person.id, activity: .visit, interval: interval, location: nil,
                                                     area: expectedArea(of: client, in: scenario), clients: [id], products: [client.product],
                                                     role: .professional, ref: "\(id)#\(placed.count + 1)")
                        let week = Roster(assignments: own + [added], uncovered: [], responsibilities: responsibilities[person.id] ?? [])
                        let broken = PlacementCheck(scenario: scenario, sessions: sessionsByKey).check(week) + WorkingTimeCheck(scenario: scenario, lone: lone).check(week)
                        if broken.isEmpty && laterAllow(week, of: person.id, in: roster) {
                            violations.append(Violation(rule: "maximal", message: "\(row.need.text) is uncovered, but \(person.id) is free, qualified and breaks no rule by visiting \(interval.label(in: scenario.week))"))
                            break search
                        }
                        // More hours never fit once the week's hours are full.
                        if broken.contains(where: { $0.rule == "max hours" || $0.rule == "week hours" }) { continue search }
                    }
                }
            }
        }
        return violations
    }
}
