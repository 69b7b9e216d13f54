import CareDomain

/// Splits the week into parts that share no staff, so each is a smaller model of its own.
enum IndependentParts {
    struct Part: Sendable {
        let name: String
        let demands: [SessionDemand]
        let staff: [Staff]
    }

    static func split(demands: [SessionDemand], staff: [Staff], scenario: Scenario) -> [Part] {
        guard !demands.isEmpty else { return [] }
        // Union-find over locations: two locations join when someone may work at both.
        var parent = Dictionary(uniqueKeysWithValues: Set(demands.map(\.session.location)).map { ($0, $0) })
        func root(_ location: LocationID) -> LocationID {
            var current = location
            while parent[current]! != current { current = parent[current]! }
            return current
        }
        var staffLocations: [StaffID: [LocationID]] = [:]
        for person in staff {
            let locations = parent.keys.filter { person.mayWork(at: $0) }.sorted()
            staffLocations[person.id] = locations
            for location in locations.dropFirst() {
                let a = root(locations[0]), b = root(location)
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        let groups = Dictionary(grouping: demands, by: { root($0.session.location) })
        return groups.keys.sorted().map { key in
            let locations = Set(parent.keys.filter { root($0) == key })
            let people = staff.filter { person in staffLocations[person.id]?.contains(where: locations.contains) == true }
            return Part(name: locations.sorted().map(\.rawValue).joined(separator: "+"),
                        demands: groups[key]!.sorted { $0.session < $1.session }, staff: people)
        }
    }
}
