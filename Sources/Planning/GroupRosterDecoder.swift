import CareDomain
import Optimization

/// Reads a solution back into roster rows, and reports what the roster leaves uncovered.
///
/// Shortfalls are recounted from the rows themselves, not read from the shortfall variables,
/// so an uncovered row always matches what the roster really lacks.
struct GroupRosterDecoder {
    let model: WeekModel
    let values: [Double]

    func isChosen(_ variable: Variable) -> Bool { values[variable.index] > 0.5 }

    func decode() -> (assignments: [RosterAssignment], uncovered: [UncoveredDemand]) {
        var assignments: [RosterAssignment] = []
        var uncovered: [UncoveredDemand] = []
        let explainer = ShortfallExplainer(model: model, values: values)
        for demand in model.demands {
            let present = presentClients(in: demand)
            let workers = (model.assignments[demand.id] ?? []).filter { isChosen($0.variable) }.map(\.staff)
            let products = Array(Set(present.map(\.product))).sorted()
            let area = model.scenario.locations[demand.session.location]?.area
            for person in workers {
                assignments.append(RosterAssignment(
                    staff: person.id, activity: .group, interval: demand.session.interval, location: demand.session.location,
                    area: area, clients: present.map(\.id), products: products,
                    role: person.isVolunteer ? .volunteer : .professional, ref: demand.session.slot.name))
            }
            uncovered += shortfalls(demand, present: present, workers: workers, explainer: explainer)
        }
        uncovered += unplacedAttendance()
        return (assignments, uncovered)
    }

    func presentClients(in demand: SessionDemand) -> [Client] {
        (demand.fixedClients + demand.optionalClients.filter { client in
            model.attendanceVariable(client: client.id, session: demand.id).map(isChosen) ?? false
        }).sorted { $0.id < $1.id }
    }

    private func shortfalls(_ demand: SessionDemand, present: [Client], workers: [Staff], explainer: ShortfallExplainer) -> [UncoveredDemand] {
        let session = demand.session
        let product = present.first?.product
        func row(_ kind: UncoveredKind, need: String, count: Int, reason: String, client: ClientID? = nil) -> UncoveredDemand {
            UncoveredDemand(interval: session.interval, activity: .group, location: session.location, client: client,
                            product: product, need: need, kind: kind, hours: Double(count) * demand.hours, reason: reason,
                            ref: session.slot.name, clientsPresent: present.map(\.id))
        }
        var rows: [UncoveredDemand] = []
        let countedLevel = demand.countedLevel(present: present, products: model.scenario.products)
        let counted = workers.filter { $0.isProfessional(atLeast: countedLevel) }
        let required = demand.requiredProfessionals(present: present, products: model.scenario.products)
        if counted.count < required {
            let missing = required - counted.count
            let who = "professional\(missing == 1 ? "" : "s") (\(countedLevel.orHigher))"
            let why = present.isEmpty ? "the session asks min_staff \(session.minStaff)"
                : "\(present.count) client\(present.count == 1 ? "" : "s") present need\(present.count == 1 ? "s" : "") \(required) counted professional\(required == 1 ? "" : "s")"
            rows.append(row(.staffing, need: "\(missing) \(who)", count: missing,
                            reason: explainer.reason(for: demand, qualifies: { $0.isProfessional(atLeast: countedLevel) },
                                                     lead: "\(why) (\(countedLevel.orHigher)), \(counted.count) rostered")))
        }
        for (level, clients) in demand.leads where clients.contains(where: { client in present.contains { $0.id == client.id } }) {
            if !workers.contains(where: { $0.isProfessional(atLeast: level) }) {
                rows.append(row(.lead, need: "lead professional (\(level.orHigher))", count: 1,
                                reason: explainer.reason(for: demand, qualifies: { $0.isProfessional(atLeast: level) },
                                                         lead: "no professional of \(level.orHigher) present to hold end responsibility")))
            }
        }
        for (skill, clients) in demand.skills {
            let needing = clients.filter { client in present.contains { $0.id == client.id } }
            guard !needing.isEmpty else { continue }
            if !workers.contains(where: { $0.isProfessional(atLeast: countedLevel) && $0.skills.contains(skill) }) {
                rows.append(row(.skill, need: "skill \(skill)", count: 1,
                                reason: explainer.reason(for: demand, qualifies: { $0.isProfessional(atLeast: countedLevel) && $0.skills.contains(skill) },
                                                         lead: "\(needing.map(\.id.rawValue).joined(separator: ", ")) need\(needing.count == 1 ? "s" : "") \(skill); no professional with it present"),
                                client: needing.count == 1 ? needing[0].id : nil))
            }
        }
        return rows
    }

    /// `attends_any` clients placed in fewer sessions than asked: one row per missing session.
    private func unplacedAttendance() -> [UncoveredDemand] {
        var rows: [UncoveredDemand] = []
        let demandsByID = Dictionary(uniqueKeysWithValues: model.demands.map { ($0.id, $0) })
        for (clientID, options) in model.attendance.sorted(by: { $0.key < $1.key }) {
            guard let client = model.scenario.clients[clientID], let choice = client.attendsAny else { continue }
            let placed = options.filter { isChosen($0.variable) }.count
            guard placed < choice.count else { continue }
            let open = options.filter { !isChosen($0.variable) }.compactMap { demandsByID[$0.session] }
            let full = open.filter { demand in
                guard let capacity = demand.capacity else { return false }
                return presentClients(in: demand).count >= capacity
            }
            let reason: String
            if !open.isEmpty, full.count == open.count {
                reason = "every other session offered is at the location's capacity"
            } else {
                reason = "no offered session has the staff to take one more client without breaking the ratio or a need"
                    + (full.isEmpty ? "" : " (\(full.map { $0.session.slot.description }.joined(separator: ", ")) at capacity)")
            }
            for _ in placed..<choice.count {
                let reference = open.first ?? demandsByID[options[0].session]!
                rows.append(UncoveredDemand(
                    interval: reference.session.interval, activity: .group, location: client.location, client: client.id,
                    product: client.product, need: "attendance (\(placed) of \(choice.count) sessions placed)", kind: .attendance,
                    hours: reference.hours, reason: reason, ref: reference.session.slot.name, clientsPresent: []))
            }
        }
        return rows
    }
}
