import CareDomain

/// Splits the week into parts that share no staff, so each is a smaller model of its own.
///
/// Two pieces of demand (a location's sessions, a client's visits or responsibility, an
/// appointment) belong to one part when someone could work on both.
enum IndependentParts {
    struct Part: Sendable {
        let name: String
        let demands: [SessionDemand]
        let staff: [Staff]
        var tasks: [ClientTask] = []
        var responsibilities: [ResponsibilityDemand] = []
        var appointments: [AppointmentDemand] = []
    }

    /// What a piece of demand is, for grouping.
    private enum Piece: Hashable, Comparable {
        case location(LocationID)
        case task(Int)
        case responsibility(Int)
        case appointment(Int)
    }

    static func split(demands: [SessionDemand], ambulatory: AmbulatoryDemand = AmbulatoryDemand(), staff: [Staff],
                      scenario: Scenario) -> [Part] {
        var links = UnionFind(count: staff.count)
        let staffIndex = Dictionary(uniqueKeysWithValues: staff.enumerated().map { ($0.element.id, $0.offset) })
        var pieceNode: [Piece: Int] = [:]
        func link(_ piece: Piece, _ people: [StaffID]) {
            let node = pieceNode[piece] ?? links.add()
            pieceNode[piece] = node
            for person in people { if let index = staffIndex[person] { links.union(node, index) } }
        }
        let locations = Set(demands.map(\.session.location)).sorted()
        for location in locations { link(.location(location), staff.filter { $0.mayWork(at: location) }.map(\.id)) }
        for (index, task) in ambulatory.tasks.enumerated() { link(.task(index), task.options.map(\.staff)) }
        for (index, demand) in ambulatory.responsibilities.enumerated() { link(.responsibility(index), demand.candidates) }
        for (index, demand) in ambulatory.appointments.enumerated() { link(.appointment(index), demand.roleCandidates.flatMap { $0 }) }

        let byRoot = Dictionary(grouping: pieceNode.keys, by: { links.root(pieceNode[$0]!) })
        let parts = byRoot.map { root, pieces -> Part in
            let sorted = pieces.sorted()
            let partLocations = Set(sorted.compactMap { if case let .location(id) = $0 { id } else { nil } })
            let people = staff.enumerated().filter { links.root($0.offset) == root }.map(\.element)
            var part = Part(name: name(locations: partLocations.sorted(), pieces: sorted, ambulatory: ambulatory),
                            demands: demands.filter { partLocations.contains($0.session.location) }.sorted { $0.session < $1.session },
                            staff: people)
            for piece in sorted {
                switch piece {
                case .location: break
                case let .task(index): part.tasks.append(ambulatory.tasks[index])
                case let .responsibility(index): part.responsibilities.append(ambulatory.responsibilities[index])
                case let .appointment(index): part.appointments.append(ambulatory.appointments[index])
                }
            }
            return part
        }
        return parts.sorted { $0.name < $1.name }
    }

    /// "linde+zon", or with clients "linde+clients c01…c40", or "appointments mdo-1".
    private static func name(locations: [LocationID], pieces: [Piece], ambulatory: AmbulatoryDemand) -> String {
        var words: [String] = []
        if !locations.isEmpty { words.append(locations.map(\.rawValue).joined(separator: "+")) }
        let clients = Set(pieces.compactMap { piece -> String? in
            switch piece {
            case let .task(index): ambulatory.tasks[index].client.rawValue
            case let .responsibility(index): ambulatory.responsibilities[index].client.rawValue
            default: nil
            }
        }).sorted()
        if let first = clients.first, let last = clients.last {
            words.append(clients.count == 1 ? "client \(first)" : "clients \(first)…\(last)")
        }
        let meetings = pieces.compactMap { if case let .appointment(index) = $0 { ambulatory.appointments[index].appointment.id } else { nil } }
        if let first = meetings.first { words.append(meetings.count == 1 ? "appointment \(first)" : "appointments \(first)…") }
        return words.joined(separator: " + ")
    }
}

/// Disjoint sets over node numbers, with path halving.
struct UnionFind {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func add() -> Int {
        parent.append(parent.count)
        return parent.count - 1
    }

    mutating func root(_ node: Int) -> Int {
        var current = node
        while parent[current] != current {
            parent[current] = parent[parent[current]]
            current = parent[current]
        }
        return current
    }

    mutating func union(_ a: Int, _ b: Int) {
        let (rootA, rootB) = (root(a), root(b))
        if rootA != rootB { parent[max(rootA, rootB)] = min(rootA, rootB) }
    }
}
