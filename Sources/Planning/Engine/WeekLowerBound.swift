import CareDomain

/// A lower bound on the objective (`RosterScore`) of any roster of a part, without a solver.
///
/// The objective is a sum of non-negative terms, so a lower bound of each term, summed, bounds
/// the whole. Per term:
/// - **demand no one could meet**: per session, the counted professionals, leads and skills no
///   eligible person has; per client task, the visits beyond its days × `max_per_day`;
/// - **employer cost**: per session, the people it can have (at most the eligible ones), each at
///   the cheapest eligible rate, one of them at the cheapest lead's rate where a lead is asked;
///   per placeable visit, the cheapest candidate's hours and travel;
/// - **faces**: per location, at least the most people one of its sessions needs at once (and the
///   average its sessions need, `attends_any` placements included), and at
///   least as many as it takes to give the location's hours when each person gives at most what
///   their `max_hours` and their eligible sessions there allow; one visitor per client visited;
/// - **hours**: each person's hours price above their first-hour rate (`HoursPrice`: the
///   contract reward running out, the band, overtime), at its least for the hours the week needs
///   (`hoursAboveRates`).
/// `attends_any` clients add what their placement must cost at least (`attendancePlacements`):
/// one left out is priced above any staff it would need. Leaving coverable demand uncovered never lowers the total:
/// each uncovered person-session costs more than the face and hours it saves.
struct WeekLowerBound {
    let scenario: Scenario
    let weights: ObjectiveWeights
    let demands: [SessionDemand]
    let eligible: [[Staff]]
    let staff: [Staff]
    let work: AmbulatoryDemand

    struct Terms {
        var forcedShortfall = 0.0
        var cost = 0.0
        var faces = 0.0
        var aboveContract = 0.0
        var total: Double { forcedShortfall + cost + faces + aboveContract }
    }

    func terms() -> Terms {
        var terms = Terms()
        let care = weights.uncoveredCarePerHour
        var hoursAt: [LocationID: Double] = [:]
        var mostAtOnce: [LocationID: Int] = [:]
        var sessionHours = 0.0
        // Per location, the places its sessions ask and how many sessions there are (staffed or
        // not): the most at once is at least the average.
        var placesAt: [LocationID: Int] = [:]
        let sessionsAt = Dictionary(grouping: demands, by: \.session.location).mapValues(\.count)
        for (index, demand) in demands.enumerated() {
            // What the session rules ask for the clients sure to be there, each met only by those
            // eligible who meet it: the rest is shortfall whatever the roster.
            var required = 0, able: [Staff] = []
            var leadRate: Double? = nil
            for requirement in demand.requirements(present: demand.fixedClients, products: scenario.products) {
                let meeting = eligible[index].filter(requirement.need.isMet(by:))
                terms.forcedShortfall += Double(requirement.unmeetable(by: meeting)) * demand.hours * care
                switch requirement.need {
                case .professionals: (required, able) = (requirement.count, meeting)
                case .lead: if let cheapest = meeting.map(rate).min() { leadRate = max(leadRate ?? 0, cheapest) }
                case .skill: break
                }
            }
            let covered = min(required, able.count)
            guard covered > 0 else { continue }
            let cheapest = able.map(rate).min()!
            let first = leadRate.map { max($0, cheapest) } ?? cheapest
            // Cost and contract hours see working time (breaks out), as the score does; shortfall sees presence.
            let working = demand.workingHours(scenario.labourRules)
            terms.cost += working * (first + Double(covered - 1) * cheapest)
            let location = demand.session.location
            hoursAt[location, default: 0] += Double(covered) * working
            mostAtOnce[location] = max(mostAtOnce[location] ?? 0, covered)
            placesAt[location, default: 0] += covered
            sessionHours += Double(covered) * working
        }
        let placements = attendancePlacements()
        terms.cost += placements.cost
        for (location, extra) in placements.extraAt {
            hoursAt[location, default: 0] += extra.hours
            sessionHours += extra.hours
            placesAt[location, default: 0] += extra.places
        }
        for (location, peak) in placements.peakAt { mostAtOnce[location] = max(mostAtOnce[location] ?? 0, peak) }
        for (location, places) in placesAt {
            guard let sessions = sessionsAt[location], sessions > 0 else { continue }
            mostAtOnce[location] = max(mostAtOnce[location] ?? 0, (places + sessions - 1) / sessions)
        }
        for (location, hours) in hoursAt.sorted(by: { $0.key < $1.key }) {
            terms.faces += Double(fewestAt(location, hours: hours, atOnce: mostAtOnce[location] ?? 0)) * weights.faceAtLocation
        }

        let people = Dictionary(uniqueKeysWithValues: staff.map { ($0.id, $0) })
        var visited: Set<ClientID> = []
        var taskHours = 0.0
        for task in work.tasks {
            let days = Set(task.options.map(\.day)).count
            let placeable = min(task.count, days * task.maxPerDay)
            terms.forcedShortfall += Double(task.count - placeable) * task.hours * care
            guard placeable > 0 else { continue }
            let candidates = Set(task.options.map(\.staff)).sorted().compactMap { people[$0] }
            guard let cheapest = candidates.map(rate).min() else { continue }
            let travel = candidates.compactMap { person -> Int? in
                guard let home = person.homeArea, let area = task.area else { return nil }
                return scenario.travel.minutes(from: home, to: area)
            }
            // Someone without a home area travels nothing in the objective.
            let nearest = travel.count == candidates.count ? Double(travel.min() ?? 0) : 0
            terms.cost += Double(placeable) * (task.hours * cheapest + nearest * weights.travelPerMinute)
            taskHours += Double(placeable) * task.hours
            if task.kind == .visit { visited.insert(task.client) }
        }
        terms.faces += Double(visited.count) * weights.visitorFace
        terms.aboveContract = hoursAboveRates(sessionHours + taskHours)
        return terms
    }

    /// The least the hours' prices can add above each person's first-hour rate (which `cost`
    /// counts) when the people together work at least `hours`: each price less its rate is
    /// convex and rises from 0, so filling the cheapest slopes first over all people (every
    /// one a candidate for every hour: a relaxation) is the exact least of the relaxed sum.
    func hoursAboveRates(_ hours: Double) -> Double {
        guard hours > 1e-9 else { return 0 }
        var pieces: [(hours: Double, slope: Double)] = []
        for person in staff where !person.isVolunteer {
            let price = weights.hoursPrice(of: person, in: scenario)
            let rate = price.marginal(after: 0)
            pieces += price.pieces(upTo: max(0, person.maxHours)).map { ($0.hours, max(0, $0.slope - rate)) }
        }
        var left = hours, total = 0.0
        for piece in pieces.sorted(by: { $0.slope < $1.slope }) where left > 1e-9 {
            total += min(left, piece.hours) * piece.slope
            left -= piece.hours
        }
        return total
    }

    /// What placing the `attends_any` clients must add: sessions joined by clients who may attend
    /// either are one group; the group's clients bring a load of Σ count / ratio professionals
    /// (the largest ratio among each client's options), of which the sessions' slack (the
    /// professionals their fixed clients ask for, minus the load those clients bring) takes
    /// part at no cost; the rest is at least its whole number of professionals more, each at
    /// the cheapest rate and the shortest working hours of the group. (A sum of whole extra
    /// professionals per session is at least the whole number above the group's sum; a client
    /// left out costs `unplacedAttendancePerHour`, far above any professional.) Where the group
    /// lies at one location, those professionals count towards its faces too, and so does the
    /// group's average load per session: some session of it needs at least that many at once. (A
    /// roster that leaves a client out escapes at most one professional and one face per place
    /// left out, and pays `unplacedAttendancePerHour` for it, thousands of times more.)
    private func attendancePlacements() -> (cost: Double, extraAt: [LocationID: (places: Int, hours: Double)], peakAt: [LocationID: Int]) {
        var options: [ClientID: [Int]] = [:]
        var clients: [ClientID: Client] = [:]
        for (index, demand) in demands.enumerated() {
            for client in demand.optionalClients {
                options[client.id, default: []].append(index)
                clients[client.id] = client
            }
        }
        guard !options.isEmpty else { return (0, [:], [:]) }
        var parent = Array(demands.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index { parent[index] = parent[parent[index]]; index = parent[index] }
            return index
        }
        for sessions in options.values { for other in sessions.dropFirst() { parent[root(other)] = root(sessions[0]) } }
        var load: [Int: Double] = [:], slack: [Int: Double] = [:], unit: [Int: Double] = [:], shortest: [Int: Double] = [:]
        var fixedLoads: [Int: Double] = [:], members: [Int: Int] = [:]
        var locations: [Int: Set<LocationID>] = [:]
        for id in options.keys.sorted() {
            let client = clients[id]!, sessions = options[id]!
            let count = min(client.attendsAny?.count ?? 0, sessions.count)
            let ratio = sessions.map { demands[$0].ratio(for: client, products: scenario.products) }.max() ?? 1
            load[root(sessions[0]), default: 0] += Double(count) / Double(max(1, ratio))
        }
        let lowest = scenario.scale.levels.first!
        for index in Set(options.values.flatMap { $0 }).sorted() {
            let demand = demands[index], group = root(index)
            let present = demand.fixedClients
            let fixedLoad = present.reduce(0.0) { $0 + 1 / Double(max(1, demand.ratio(for: $1, products: scenario.products))) }
            let required = present.isEmpty ? demand.session.minStaff : demand.requiredProfessionals(present: present, products: scenario.products)
            slack[group, default: 0] += max(0, Double(required) - fixedLoad)
            fixedLoads[group, default: 0] += fixedLoad
            members[group, default: 0] += 1
            let working = demand.workingHours(scenario.labourRules)
            if let cheapest = eligible[index].filter({ $0.isProfessional(atLeast: lowest) }).map(rate).min() {
                unit[group] = min(unit[group] ?? .infinity, cheapest * working)
            }
            shortest[group] = min(shortest[group] ?? .infinity, working)
            locations[group, default: []].insert(demand.session.location)
        }
        var cost = 0.0
        var extraAt: [LocationID: (places: Int, hours: Double)] = [:]
        var peakAt: [LocationID: Int] = [:]
        for group in load.keys.sorted() {
            // Whatever the placement, some session of the group carries at least the average load.
            if let places = locations[group], places.count == 1, let count = members[group], count > 0 {
                let average = ((fixedLoads[group] ?? 0) + load[group]!) / Double(count)
                let peak = Int((average - 1e-9).rounded(.up))
                peakAt[places.first!] = max(peakAt[places.first!] ?? 0, peak)
            }
            let beyond = load[group]! - (slack[group] ?? 0)
            guard beyond > 1e-9, let price = unit[group] else { continue }
            let extra = (beyond - 1e-9).rounded(.up)
            cost += extra * price
            if let places = locations[group], places.count == 1, let hours = shortest[group] {
                let before = extraAt[places.first!] ?? (0, 0)
                extraAt[places.first!] = (before.places + Int(extra), before.hours + extra * hours)
            }
        }
        return (cost, extraAt, peakAt)
    }

    /// The objective's price of one hour of `person`'s work (hours above contract are priced apart).
    private func rate(_ person: Staff) -> Double { weights.hourlyRate(of: person, in: scenario) }

    /// The fewest people who can give a location's `hours` (each at most their `max_hours` and the
    /// hours of the sessions there they are eligible for), and never fewer than `atOnce`.
    private func fewestAt(_ location: LocationID, hours: Double, atOnce: Int) -> Int {
        var capacity: [StaffID: Double] = [:]
        let lowest = scenario.scale.levels.first!
        for (index, demand) in demands.enumerated() where demand.session.location == location {
            let working = demand.workingHours(scenario.labourRules)
            for person in eligible[index] where person.isProfessional(atLeast: lowest) {
                capacity[person.id, default: 0] += working
            }
        }
        let people = Dictionary(uniqueKeysWithValues: staff.map { ($0.id, $0) })
        let byMost = capacity.keys.sorted().compactMap { id in people[id].map { min(capacity[id]!, $0.maxHours) } }.sorted(by: >)
        var fewest = byMost.count
        var total = 0.0
        for (count, given) in byMost.enumerated() {
            total += given
            if total + 1e-9 >= hours { fewest = count + 1; break }
        }
        return max(fewest, atOnce)
    }
}
