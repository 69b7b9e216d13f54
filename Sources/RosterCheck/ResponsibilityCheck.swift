import CareDomain

/// End responsibility: one professional of the product's `responsible_level` per client (the
/// fixed `responsible` where given), within `max_caseload`, with the product's coordination
/// minutes; or the client reported uncovered for it.
struct ResponsibilityCheck {
    let scenario: Scenario

    func check(_ roster: Roster) -> [Violation] {
        var violations: [Violation] = []
        let byClient = Dictionary(grouping: roster.responsibilities, by: \.client)
        for client in byClient.keys.sorted() where scenario.clients[client] == nil {
            violations.append(Violation(rule: "responsibility", message: "responsibility names unknown client \(client)"))
        }
        let unheld = Set(roster.uncovered.filter { $0.kind == .responsible }.compactMap(\.client))
        for client in scenario.clients.values.sorted(by: { $0.id < $1.id }) {
            guard let product = scenario.products[client.product] else { continue }
            let rows = byClient[client.id] ?? []
            let reported = unheld.contains(client.id)
            guard let level = product.responsibleLevel else {
                if !rows.isEmpty { violations.append(Violation(rule: "responsibility", message: "\(client.id)'s product asks no responsible professional, yet one is listed")) }
                continue
            }
            if rows.count + (reported ? 1 : 0) != 1 {
                violations.append(Violation(rule: "responsibility", message: "\(client.id) needs one responsible professional: \(rows.count) listed, \(reported ? "also" : "not") reported uncovered"))
            }
            for row in rows {
                guard let person = scenario.staff[row.staff] else {
                    violations.append(Violation(rule: "responsibility", message: "\(client.id)'s responsible \(row.staff) is not on the staff"))
                    continue
                }
                if person.isVolunteer || person.level < level {
                    violations.append(Violation(rule: "responsible level", message: "\(client.id)'s responsible \(row.staff) is \(person.isVolunteer ? "a volunteer" : person.level.name), \(level.name) or higher is asked"))
                }
                let lacking = product.responsibleSkills.subtracting(person.skills)
                if !lacking.isEmpty {
                    violations.append(Violation(rule: "responsible skills", message: "\(client.id)'s responsible \(row.staff) lacks \(lacking.sorted().joined(separator: ", ")) (responsible_skills)"))
                }
                if let fixed = client.responsible, fixed != row.staff {
                    violations.append(Violation(rule: "responsibility", message: "\(client.id)'s responsible is fixed to \(fixed), not \(row.staff)"))
                }
                if let allowed = person.locations, client.responsible == nil, !(client.location.map(allowed.contains) ?? false) {
                    violations.append(Violation(rule: "responsibility", message: "\(client.id)'s responsible \(row.staff) does not work \(client.location.map { "at \($0)" } ?? "in clients' homes")"))
                }
                if row.coordinationMinutes != (product.coordinationMinutes ?? 0) {
                    violations.append(Violation(rule: "coordination", message: "\(client.id): \(row.coordinationMinutes) coordination minutes counted, the product says \(product.coordinationMinutes ?? 0)"))
                }
            }
        }
        for (staffID, rows) in Dictionary(grouping: roster.responsibilities, by: \.staff).sorted(by: { $0.key < $1.key }) {
            if let limit = scenario.staff[staffID]?.maxCaseload, rows.count > limit {
                violations.append(Violation(rule: "max caseload", message: "\(staffID) is responsible for \(rows.count) clients, max_caseload is \(limit)"))
            }
        }
        return violations
    }
}
