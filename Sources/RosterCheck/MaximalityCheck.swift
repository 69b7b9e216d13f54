import CareDomain

/// The roster is maximal: no uncovered need of a group session that one free, qualified person
/// could meet by coming, without breaking any rule.
///
/// For every staffing, lead and skill row in `uncovered.csv`, each qualified person not in the
/// session is added to it on a copy of their own week, and that week is checked with the same
/// placement and working-time checks as the roster itself. If the week passes, the shortfall was
/// not forced, and the roster is reported as not maximal.
struct MaximalityCheck {
    let scenario: Scenario

    func check(_ roster: Roster) -> [Violation] {
        var violations: [Violation] = []
        let rowsByStaff = Dictionary(grouping: roster.assignments, by: \.staff)
        let responsibilities = Dictionary(grouping: roster.responsibilities, by: \.staff)
        let sessions = Dictionary(scenario.groupSessions.map { ("\($0.location)|\($0.interval.start)|\($0.slot.name)", $0) },
                                  uniquingKeysWith: { first, _ in first })
        for row in roster.uncovered where [.staffing, .lead, .skill].contains(row.kind) {
            guard let location = row.location, let interval = row.interval,
                  let session = sessions["\(location)|\(interval.start)|\(row.ref)"] else { continue }
            let present = row.clientsPresent.compactMap { scenario.clients[$0] }
            let products = present.compactMap { scenario.products[$0.product] }
            let counted = products.map(\.minLevel).max() ?? scenario.scale.levels[0]
            let level: QualificationLevel
            var skill: String? = nil
            switch row.kind {
            case .lead: level = products.compactMap(\.leadLevel).max() ?? counted
            case .skill:
                level = counted
                if case let .skill(needed) = row.need { skill = needed }
            default: level = counted
            }
            let working = Set((roster.assignments.filter { $0.activity == .group && $0.location == location && $0.interval == interval && $0.ref == row.ref }).map(\.staff))
            for person in scenario.staff.values.sorted(by: { $0.id < $1.id }) {
                guard !person.isVolunteer, person.level >= level, !working.contains(person.id) else { continue }
                if let skill, !person.skills.contains(skill) { continue }
                let added = RosterAssignment(staff: person.id, activity: .group, interval: interval, location: location,
                                             area: scenario.locations[location]?.area, clients: row.clientsPresent,
                                             products: Array(Set(present.map(\.product))).sorted(), role: .professional, ref: session.slot.name)
                let week = Roster(assignments: (rowsByStaff[person.id] ?? []) + [added], uncovered: [],
                                  responsibilities: responsibilities[person.id] ?? [])
                if PlacementCheck(scenario: scenario).check(week).isEmpty && WorkingTimeCheck(scenario: scenario).check(week).isEmpty {
                    violations.append(Violation(rule: "maximal", message: "\(row.need.text) at \(location) \(row.ref) \(interval.label(in: scenario.week)) is uncovered, but \(person.id) is free, qualified and breaks no rule by coming"))
                    break
                }
            }
        }
        return violations
    }
}
