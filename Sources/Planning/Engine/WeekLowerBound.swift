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
/// - **faces**: per location, at least the most people one of its sessions needs at once, and at
///   least as many as it takes to give the location's hours when each person gives at most what
///   their `max_hours` and their eligible sessions there allow; one visitor per client visited;
/// - **hours above contract**: what the week's session hours exceed everyone's contract hours by.
/// Only fixed attendance counts: an `attends_any` client placed asks more, one left out is priced
/// above any staff it would need. Leaving coverable demand uncovered never lowers the total:
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
        for (index, demand) in demands.enumerated() {
            let present = demand.fixedClients
            guard !present.isEmpty || demand.session.minStaff > 0 else { continue }
            let level = demand.countedLevel(present: present, products: scenario.products)
            let required = present.isEmpty ? demand.session.minStaff : demand.requiredProfessionals(present: present, products: scenario.products)
            let able = eligible[index].filter { $0.isProfessional(atLeast: level) }
            terms.forcedShortfall += Double(max(0, required - able.count)) * demand.hours * care
            let ids = Set(present.map(\.id))
            var leadRate: Double? = nil
            for (lead, clients) in demand.leads where clients.contains(where: { ids.contains($0.id) }) {
                let leads = eligible[index].filter { $0.isProfessional(atLeast: lead) }
                if leads.isEmpty { terms.forcedShortfall += demand.hours * care } else {
                    leadRate = max(leadRate ?? 0, leads.map(rate).min()!)
                }
            }
            for (skill, clients) in demand.skills where clients.contains(where: { ids.contains($0.id) }) {
                if !able.contains(where: { $0.skills.contains(skill) }) { terms.forcedShortfall += demand.hours * care }
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
            sessionHours += Double(covered) * working
        }
        var facesAlone = 0.0, facesWithHours = 0.0
        for (location, hours) in hoursAt.sorted(by: { $0.key < $1.key }) {
            let (faces, above) = teamAt(location, hours: hours, atOnce: mostAtOnce[location] ?? 0)
            facesAlone += Double(faces.fewest) * weights.faceAtLocation
            facesWithHours += Double(faces.best) * weights.faceAtLocation + above * weights.contractDeviationPerHour
        }
        let contract = staff.filter { !$0.isVolunteer && !$0.isHire }.reduce(0) { $0 + $1.contractHours }
        let aboveWeek = max(0, sessionHours - contract) * weights.contractDeviationPerHour
        // Either the week's hours above everyone's contract with the fewest faces, or per location
        // the cheapest team: never both, they price the same hours.
        if facesAlone + aboveWeek >= facesWithHours {
            terms.faces = facesAlone
            terms.aboveContract = aboveWeek
        } else {
            terms.faces = facesWithHours
        }

        let people = Dictionary(uniqueKeysWithValues: staff.map { ($0.id, $0) })
        var visited: Set<ClientID> = []
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
            if task.kind == .visit { visited.insert(task.client) }
        }
        terms.faces += Double(visited.count) * weights.visitorFace
        return terms
    }

    /// The objective's price of one hour of `person`'s work (hours above contract are priced apart).
    private func rate(_ person: Staff) -> Double { weights.hourlyRate(of: person, in: scenario) }

    /// The team a location's `hours` need: `fewest`, the fewest people who can give them (each at
    /// most their `max_hours` and the hours of the sessions there they are eligible for, and never
    /// fewer than `atOnce`); and the team size `best` with `above`, its hours above the members'
    /// contracts, that prices faces plus those hours lowest. Per location this is a valid part of
    /// the bound: a person's hours above contract over the week are at least the sum of what each
    /// location alone would put above their contract.
    private func teamAt(_ location: LocationID, hours: Double, atOnce: Int) -> (faces: (fewest: Int, best: Int), above: Double) {
        var capacity: [StaffID: Double] = [:]
        let lowest = scenario.scale.levels.first!
        for (index, demand) in demands.enumerated() where demand.session.location == location {
            let working = demand.workingHours(scenario.labourRules)
            for person in eligible[index] where person.isProfessional(atLeast: lowest) {
                capacity[person.id, default: 0] += working
            }
        }
        let people = Dictionary(uniqueKeysWithValues: staff.map { ($0.id, $0) })
        let gives = capacity.keys.sorted().compactMap { id -> (most: Double, free: Double)? in
            guard let person = people[id] else { return nil }
            let most = min(capacity[id]!, person.maxHours)
            let free = person.isHire ? 0 : min(most, person.contractHours)
            return (most, free)
        }
        let byMost = gives.map(\.most).sorted(by: >)
        var fewest = byMost.count
        var total = 0.0
        for (count, given) in byMost.enumerated() {
            total += given
            if total + 1e-9 >= hours { fewest = count + 1; break }
        }
        fewest = max(fewest, atOnce)
        // For each team size from the fewest up: the members' contract hours at best.
        let byFree = gives.map(\.free).sorted(by: >)
        var best = (size: fewest, price: Double.infinity, above: 0.0)
        var free = byFree.prefix(fewest).reduce(0, +)
        for size in fewest...max(fewest, gives.count) {
            if size > fewest, size - 1 < byFree.count { free += byFree[size - 1] }
            let above = max(0, hours - free)
            let price = Double(size) * weights.faceAtLocation + above * weights.contractDeviationPerHour
            if price < best.price - 1e-9 { best = (size, price, above) }
            if above <= 0 { break }
        }
        return ((fewest, best.size), best.above)
    }
}
