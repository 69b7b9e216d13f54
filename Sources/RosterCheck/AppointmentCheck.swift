import CareDomain

/// Appointments: all roles filled by different qualified people at one time inside the window,
/// at the location or the client's area; or the appointment reported uncovered.
struct AppointmentCheck {
    let scenario: Scenario

    func check(_ roster: Roster) -> [Violation] {
        var violations: [Violation] = []
        let rows = Dictionary(grouping: roster.assignments.filter { $0.activity == .appointment }, by: \.ref)
        for id in rows.keys.sorted() where scenario.appointments[id] == nil {
            violations.append(Violation(rule: "appointment", message: "appointment rows name `\(id)`, which the scenario does not have"))
        }
        let unheldAppointments = Set(roster.uncovered.filter { $0.activity == .appointment }.map(\.ref))
        for appointment in scenario.appointments.values.sorted(by: { $0.id < $1.id }) {
            let seats = rows[appointment.id] ?? []
            let reported = unheldAppointments.contains(appointment.id)
            if seats.isEmpty {
                if !reported { violations.append(Violation(rule: "appointment", message: "\(appointment.id) is neither rostered nor reported uncovered")) }
                continue
            }
            if reported { violations.append(Violation(rule: "uncovered not real", message: "\(appointment.id) is rostered and also reported uncovered")) }
            let label = "\(appointment.id) (\(seats[0].interval.label(in: scenario.week)))"
            if Set(seats.map(\.interval)).count > 1 {
                violations.append(Violation(rule: "appointment", message: "\(appointment.id): its people are not all there at one time"))
            }
            let interval = seats[0].interval
            if interval.minutes != appointment.minutes {
                violations.append(Violation(rule: "appointment", message: "\(label) lasts \(interval.minutes) min, \(appointment.minutes) expected"))
            }
            if !covers([appointment.window], interval) {
                violations.append(Violation(rule: "appointment", message: "\(label) is outside its window"))
            }
            if seats.first?.location != appointment.location {
                violations.append(Violation(rule: "appointment", message: "\(label) is not at \(appointment.location?.rawValue ?? "the client's area")"))
            }
            if appointment.location == nil, let client = appointment.client.flatMap({ scenario.clients[$0] }),
               seats.contains(where: { $0.area != expectedArea(of: client, in: scenario) }) {
                violations.append(Violation(rule: "appointment", message: "\(label) is not in the client's area"))
            }
            let people = seats.map(\.staff)
            for person in people {
                guard let allowed = scenario.staff[person]?.locations else { continue }
                if !(appointment.location.map(allowed.contains) ?? false) {
                    violations.append(Violation(rule: "location", message: "\(label): \(person) works only at \(allowed.map(\.rawValue).sorted().joined(separator: ", "))"))
                }
            }
            if Set(people).count != people.count {
                violations.append(Violation(rule: "appointment", message: "\(label): one person sits in two roles"))
            }
            if people.count != appointment.roles.count || !canSeat(people, in: appointment.roles) {
                violations.append(Violation(rule: "appointment roles", message: "\(label): \(people.map(\.rawValue).sorted().joined(separator: ", ")) cannot fill the \(appointment.roles.count) roles, one each"))
            }
        }
        return violations
    }

    /// Whether the people can be matched one-to-one to the roles (a small bipartite matching).
    private func canSeat(_ people: [StaffID], in roles: [AppointmentRole]) -> Bool {
        func fits(_ id: StaffID, _ role: AppointmentRole) -> Bool {
            guard let person = scenario.staff[id] else { return false }
            if let level = role.level, person.isVolunteer || person.level < level { return false }
            return role.skills.isSubset(of: person.skills)
        }
        func assign(_ role: Int, _ used: Set<StaffID>) -> Bool {
            if role == roles.count { return true }
            for person in people where !used.contains(person) && fits(person, roles[role]) {
                if assign(role + 1, used.union([person])) { return true }
            }
            return false
        }
        return assign(0, [])
    }
}
