import CareDomain

/// The uncovered rows of the group sessions, recounted from the roster itself, each with the
/// reason: per qualified person, the rule the oracle says keeps them out (no catch-all).
struct ShortfallExplainer {
    let week: GroupWeek
    let staffing: GroupStaffing
    let plans: [StaffID: PersonPlan]
    /// The whole staff in id order, sorted once (every uncovered row asks it; 2,000 people).
    let everyone: [Staff]

    init(week: GroupWeek, staffing: GroupStaffing, plans: [StaffID: PersonPlan]) {
        self.week = week
        self.staffing = staffing
        self.plans = plans
        everyone = week.scenario.sortedStaff
    }

    var scenario: Scenario { week.scenario }

    func uncovered() -> [UncoveredDemand] {
        var rows: [UncoveredDemand] = []
        for index in week.demands.indices { rows += shortfalls(index) }
        return rows + unplacedAttendance()
    }

    /// Per qualified person (the whole staff, not only this part), why they are not there.
    func reason(session: Int, qualifies: (Staff) -> Bool, lead: PlannerText) -> ShortfallReason {
        let qualified = everyone.filter(qualifies)
        var causes: [StaffID: RuleViolation] = [:]
        for person in qualified {
            if let cause = cause(for: person, session: session) { causes[person.id] = cause }
        }
        return ShortfallReason(summary: lead, qualified: qualified.count, causes: ShortfallReason.grouped(causes))
    }

    /// The rule that keeps `person` out; nil when they already work the session.
    func cause(for person: Staff, session: Int) -> RuleViolation? {
        if week.works(person.id, in: session) { return nil }
        if plans[person.id] == nil {
            // Someone outside this part: by construction no location of it is theirs (asked
            // first: most of a region's staff, and the cheapest answer).
            if !person.mayWork(at: week.demands[session].session.location) { return .notAtLocation }
            let answer = StaffCalendar(staff: person).eligibility(for: week.demands[session].session, in: scenario)
            return RuleViolation(answer) ?? .notAtLocation
        }
        return staffing.violation(person, session: session, in: week, plans: plans)
    }

    private func shortfalls(_ index: Int) -> [UncoveredDemand] {
        let demand = week.demands[index]
        let session = demand.session
        let present = week.present(in: index)
        let workers = week.workers[index]
        let product = present.first?.product
        func row(_ kind: UncoveredKind, need: ShortfallNeed, count: Int, reason: ShortfallReason, client: ClientID? = nil) -> UncoveredDemand {
            UncoveredDemand(interval: session.interval, activity: .group, location: session.location, client: client,
                            product: product, need: need, kind: kind, hours: Double(count) * demand.hours, reason: reason,
                            ref: session.slot.name, clientsPresent: present.map(\.id))
        }
        var rows: [UncoveredDemand] = []
        for need in week.needs(in: index) {
            switch need {
            case let .professionals(missing, level, disciplines):
                let required = week.requiredProfessionals(in: index)
                let counted = workers.filter { $0.counts(atLeast: level, holding: disciplines) }.count
                let holding = disciplines.isEmpty ? "" : " with \(disciplines.sorted().joined(separator: ", "))"
                let houdend = disciplines.isEmpty ? "" : " met \(disciplines.sorted().joined(separator: ", "))"
                let why = present.isEmpty ? "the session asks min_staff \(session.minStaff)"
                    : "\(present.count) client\(present.count == 1 ? "" : "s") present need\(present.count == 1 ? "s" : "") \(required) counted professional\(required == 1 ? "" : "s")"
                let waarom = present.isEmpty ? "de sessie vraagt min_staff \(session.minStaff)"
                    : "\(present.count) aanwezige cliënt\(present.count == 1 ? "" : "en") \(present.count == 1 ? "vraagt" : "vragen") \(required) getelde professional\(required == 1 ? "" : "s")"
                rows.append(row(.staffing, need: .professionals(count: missing, level: level), count: missing,
                                reason: reason(session: index, qualifies: need.isMet(by:),
                                               lead: PlannerText(en: "\(why) (\(level.orHigher)\(holding)), \(counted) rostered",
                                                                 nl: "\(waarom) (\(level.orHigher(in: .nl))\(houdend)), \(counted) ingeroosterd"))))
            case let .lead(level):
                rows.append(row(.lead, need: .lead(level), count: 1,
                                reason: reason(session: index, qualifies: need.isMet(by:),
                                               lead: PlannerText(en: "no professional of \(level.orHigher) present to hold end responsibility",
                                                                 nl: "geen professional van \(level.orHigher(in: .nl)) aanwezig voor de eindverantwoordelijkheid"))))
            case let .skill(skill, _, _):
                let ids = Set(present.map(\.id))
                let needing = (demand.skills.first { $0.skill == skill }?.clients ?? []).filter { ids.contains($0.id) }
                rows.append(row(.skill, need: .skill(skill), count: 1,
                                reason: reason(session: index, qualifies: need.isMet(by:),
                                               lead: PlannerText(en: "\(needing.map(\.id.rawValue).joined(separator: ", ")) need\(needing.count == 1 ? "s" : "") \(skill); no professional with it present",
                                                                 nl: "\(needing.map(\.id.rawValue).joined(separator: ", ")) \(needing.count == 1 ? "heeft" : "hebben") \(skill) nodig; geen professional die dat heeft aanwezig")),
                                client: needing.count == 1 ? needing[0].id : nil))
            }
        }
        return rows
    }

    /// `attends_any` clients placed in fewer sessions than asked: one row per missing session.
    private func unplacedAttendance() -> [UncoveredDemand] {
        var rows: [UncoveredDemand] = []
        var options: [ClientID: (client: Client, sessions: [Int])] = [:]
        for (index, demand) in week.demands.enumerated() {
            for client in demand.optionalClients { options[client.id, default: (client, [])].sessions.append(index) }
        }
        for clientID in options.keys.sorted() {
            let (client, sessions) = options[clientID]!
            guard let choice = client.attendsAny else { continue }
            let placed = sessions.filter { week.placed[$0].contains(clientID) }.count
            guard placed < choice.count else { continue }
            let open = sessions.filter { !week.placed[$0].contains(clientID) }
            let full = open.filter { session in week.demands[session].capacity.map { week.present(in: session).count >= $0 } ?? false }
            let reason: PlannerText
            if !open.isEmpty, full.count == open.count {
                reason = PlannerText(en: "every other session offered is at the location's capacity",
                                     nl: "elke andere aangeboden sessie zit aan de capaciteit van de locatie")
            } else {
                let atCapacity = full.map { week.demands[$0].session.slot.description }.joined(separator: ", ")
                reason = PlannerText(en: "no offered session has the staff to take one more client without breaking the ratio or a need"
                                         + (full.isEmpty ? "" : " (\(atCapacity) at capacity)"),
                                     nl: "geen aangeboden sessie heeft de mensen voor nog een cliënt zonder de ratio of een behoefte te breken"
                                         + (full.isEmpty ? "" : " (\(atCapacity) vol)"))
            }
            let reference = week.demands[open.first ?? sessions[0]]
            for _ in placed..<choice.count {
                rows.append(UncoveredDemand(
                    interval: reference.session.interval, activity: .group, location: client.location, client: client.id,
                    product: client.product, need: .attendance(placed: placed, asked: choice.count), kind: .attendance,
                    hours: reference.hours, reason: ShortfallReason(summary: reason), ref: reference.session.slot.name, clientsPresent: []))
            }
        }
        return rows
    }
}
