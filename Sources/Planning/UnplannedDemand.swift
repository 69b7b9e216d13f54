import CareDomain

/// Demand this version does not yet plan: ambulatory visits, appointments and due evaluations.
///
/// They are reported as uncovered with that reason, so a scenario that holds them is never
/// silently half-planned.
enum UnplannedDemand {
    static let reason = "not planned by this version of zorgrooster (group care only); plan it by hand"

    static func rows(for scenario: Scenario) -> [UncoveredDemand] {
        var rows: [UncoveredDemand] = []
        for client in scenario.sortedClients {
            if let visits = client.ambulatory {
                for number in 0..<visits.visitCount where visits.visitMinutes > 0 {
                    rows.append(UncoveredDemand(
                        interval: nil, activity: .visit, location: nil, client: client.id, product: client.product,
                        need: "visit \(client.id)#\(number + 1) (\(visits.visitMinutes) min)", kind: .unplanned,
                        hours: Double(visits.visitMinutes) / 60, reason: reason, ref: "\(client.id)#\(number + 1)", clientsPresent: []))
                }
            }
            if let product = scenario.products[client.product], let months = product.evaluationMonths,
               let last = client.lastEvaluation, last <= scenario.week.friday.subtracting(months: months) {
                rows.append(UncoveredDemand(
                    interval: nil, activity: .evaluation, location: client.location, client: client.id, product: client.product,
                    need: "evaluation (last \(last), due every \(months) months)", kind: .unplanned, hours: 1,
                    reason: reason, ref: "evaluation \(client.id)", clientsPresent: []))
            }
        }
        for appointment in scenario.appointments.values.sorted(by: { $0.id < $1.id }) {
            rows.append(UncoveredDemand(
                interval: nil, activity: .appointment, location: appointment.location, client: appointment.client, product: nil,
                need: "appointment \(appointment.id) (\(appointment.roles.count) people, \(appointment.minutes) min)", kind: .unplanned,
                hours: Double(appointment.minutes * appointment.roles.count) / 60, reason: reason, ref: appointment.id, clientsPresent: []))
        }
        return rows
    }
}
