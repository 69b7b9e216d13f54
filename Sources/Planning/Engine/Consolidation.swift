import CareDomain
import Foundation

extension GroupStaffing {
    /// Fewer faces per location (the faces term of `ObjectiveWeights`): a person with few
    /// sessions at a location hands all of them to colleagues who already work there, when every
    /// colleague's week keeps every rule with the session (the oracle), each session keeps every
    /// need met, and the objective falls by it (one face less against the hours and cost moved).
    ///
    /// This is the move a neighbourhood of a few people rarely holds: the person and, for each of
    /// the shifts, a colleague with room for it. It polishes the search's roster (`PartEngine`).
    /// The people with the fewest sessions go first; the deadline stops the pass between people.
    /// `only`: one location's faces (a rebuilt location's team), else every location's.
    func consolidate(_ week: inout GroupWeek, keeping pinned: Set<String> = [], only: LocationID? = nil, deadline: Deadline? = nil) {
        guard weights.faceAtLocation > 0 else { return }
        var sessionsOf = week.sessionsByPerson()
        let people = Dictionary(uniqueKeysWithValues: staff.map { ($0.id, $0) })
        var oracles: [StaffID: WorkingWeek] = [:]
        func keepsRules(_ person: Staff, _ sessions: [Int], in week: GroupWeek) -> Bool {
            let oracle = oracles[person.id] ?? WorkingWeek(staff: person, scenario: scenario)
            oracles[person.id] = oracle
            return self.keepsRules(person, sessions, in: week, oracle: oracle)
        }
        var workingAt: [LocationID: Set<StaffID>] = [:]
        for (index, people) in week.workers.enumerated() { workingAt[week.demands[index].session.location, default: []].formUnion(people.map(\.id)) }
        // Few sessions first: they are the faces that cost the most per hour of work.
        let order = staff.filter { !$0.isVolunteer && !(sessionsOf[$0.id] ?? []).isEmpty }
            .sorted { ((sessionsOf[$0.id] ?? []).count, $0.id) < ((sessionsOf[$1.id] ?? []).count, $1.id) }
        for person in order {
            if deadline?.hasPassed == true { return }
            let mine = sessionsOf[person.id] ?? []
            for location in Set(mine.map { week.demands[$0].session.location }).sorted() where only == nil || location == only {
                let moving = week.inTimeOrder(mine.filter { week.demands[$0].session.location == location })
                guard !moving.contains(where: { pinned.contains("\(person.id) \(week.demands[$0].id)") }) else { continue }
                var trial = week
                var trialSessions = sessionsOf
                var receivers: [StaffID] = []
                var handedOver = true
                for session in moving {
                    let needs = trial.needs(in: session)
                    trial.remove(person.id, from: session)
                    let demand = trial.demands[session]
                    // Colleagues already at the location: no new face.
                    let colleagues = workingAt[location] ?? []
                    let ranked = eligible[session].filter { $0.id != person.id && colleagues.contains($0.id) && !trial.works($0.id, in: session) }
                        .map { colleague -> (rise: Double, staff: Staff) in
                            let worked = (trialSessions[colleague.id] ?? []).reduce(0.0) { $0 + trial.demands[$1].hours }
                            return (objectiveRise(colleague, worked: worked, hours: demand.hours, newFace: false) + softRise(colleague, session: session, demand: demand), colleague)
                        }
                        .sorted { ($0.rise, $0.staff.id) < ($1.rise, $1.staff.id) }
                    var taken: Staff? = nil
                    for (_, colleague) in ranked {
                        guard trial.needs(in: session, with: trial.workers[session] + [colleague]) == needs,
                              keepsRules(colleague, (trialSessions[colleague.id] ?? []) + [session], in: trial) else { continue }
                        trial.add(colleague, to: session)
                        taken = colleague
                        break
                    }
                    guard let taken else { handedOver = false; break }
                    trialSessions[taken.id, default: []].append(session)
                    if !receivers.contains(taken.id) { receivers.append(taken.id) }
                }
                guard handedOver else { continue }
                let left = (sessionsOf[person.id] ?? []).filter { !moving.contains($0) }
                // Taking out pieces can make a split shift of what is left.
                guard keepsRules(person, left, in: trial) else { continue }
                trialSessions[person.id] = left
                let involved = ([person.id] + receivers).compactMap { people[$0] }
                guard groupScore(of: involved, in: week, sessions: sessionsOf) - groupScore(of: involved, in: trial, sessions: trialSessions) > 1e-9 else { continue }
                week = trial
                sessionsOf = trialSessions
                workingAt[location]?.remove(person.id)
            }
        }
    }

    /// Fewer faces by merging: two people with few sessions at a location (none shared) hand all
    /// of them to one person who works nowhere yet, when that person's week keeps every rule with
    /// them (the oracle), every session keeps its needs met, and the objective falls by it.
    ///
    /// `consolidate` hands work only to colleagues already at the location; when they are full,
    /// a week spread over part-timers stays spread. One idle person with the hours for both is
    /// the move a neighbourhood of a few people rarely holds either. `busy`: people who must
    /// not take group work here (a re-plan's kept client work is theirs).
    /// Returns how many merges it made.
    @discardableResult
    func merge(_ week: inout GroupWeek, keeping pinned: Set<String> = [], busy: Set<StaffID> = [], only: LocationID? = nil, deadline: Deadline? = nil) -> Int {
        guard weights.faceAtLocation > 0 else { return 0 }
        var count = 0
        var sessionsOf = week.sessionsByPerson()
        let people = Dictionary(uniqueKeysWithValues: staff.map { ($0.id, $0) })
        // The cheapest first: among people who may take the same sessions, cost decides.
        let order = { (person: Staff) in (weights.hourlyRate(of: person, in: scenario), -person.maxHours, person.id) }
        var idle = staff.filter { !$0.isVolunteer && !$0.isHire && !busy.contains($0.id) && (sessionsOf[$0.id] ?? []).isEmpty }
            .sorted { order($0) < order($1) }
        var merged = true
        while merged {
            merged = false
            var facesAt: [LocationID: [StaffID: [Int]]] = [:]
            for (person, sessions) in sessionsOf where !(people[person]?.isVolunteer ?? true) {
                for session in sessions { facesAt[week.demands[session].session.location, default: [:]][person, default: []].append(session) }
            }
            for location in facesAt.keys.sorted() where only == nil || location == only {
                if deadline?.hasPassed == true { return count }
                // The weakest faces (fewest sessions here), a handful: pairs of them are tried.
                let weak = facesAt[location]!.filter { entry in !entry.value.contains { pinned.contains("\(entry.key) \(week.demands[$0].id)") } }
                    .sorted { ($0.value.count, $0.key) < ($1.value.count, $1.key) }.prefix(6)
                let pairs = weak.indices.flatMap { first in weak.indices.filter { $0 > first }.map { (weak[first], weak[$0]) } }
                pairLoop: for (one, other) in pairs {
                    let moving = one.value + other.value
                    guard Set(one.value).isDisjoint(with: other.value), moving.count <= 14 else { continue }
                    let hours = moving.reduce(0.0) { $0 + week.demands[$1].hours }
                    let needs = moving.map { week.needs(in: $0) }
                    for (position, candidate) in idle.enumerated() where candidate.maxHours + 1e-9 >= hours {
                        guard moving.allSatisfy({ isEligible(candidate.id, for: $0) }) else { continue }
                        var trial = week
                        for session in one.value { trial.remove(one.key, from: session) }
                        for session in other.value { trial.remove(other.key, from: session) }
                        for session in moving { trial.add(candidate, to: session) }
                        guard zip(moving, needs).allSatisfy({ trial.needs(in: $0.0) == $0.1 }),
                              keepsRules(candidate, moving, in: trial) else { continue }
                        var trialSessions = sessionsOf
                        trialSessions[one.key] = (sessionsOf[one.key] ?? []).filter { !one.value.contains($0) }
                        trialSessions[other.key] = (sessionsOf[other.key] ?? []).filter { !other.value.contains($0) }
                        trialSessions[candidate.id] = moving
                        // Taking out pieces can make a split shift of what is left.
                        guard let first = people[one.key], let second = people[other.key],
                              keepsRules(first, trialSessions[one.key]!, in: trial), keepsRules(second, trialSessions[other.key]!, in: trial)
                        else { continue pairLoop }
                        let involved = [first, second, candidate]
                        guard groupScore(of: involved, in: week, sessions: sessionsOf) - groupScore(of: involved, in: trial, sessions: trialSessions) > 1e-9
                        else { continue }
                        week = trial
                        sessionsOf = trialSessions.filter { !$0.value.isEmpty }
                        idle.remove(at: position)
                        for freed in [first, second] where sessionsOf[freed.id] == nil && !freed.isHire {
                            let at = idle.firstIndex { order($0) > order(freed) } ?? idle.count
                            idle.insert(freed, at: at)
                        }
                        merged = true
                        count += 1
                        break pairLoop
                    }
                }
            }
        }
        return count
    }

    /// Whether `person`'s week keeps every rule with exactly `sessions` (the oracle, sessions in time order).
    func keepsRules(_ person: Staff, _ sessions: [Int], in week: GroupWeek, oracle: WorkingWeek? = nil) -> Bool {
        (oracle ?? WorkingWeek(staff: person, scenario: scenario))
            .violation(week.inTimeOrder(sessions).map { week.timedWork($0) }, coordinationMinutes: 0) == nil
    }
}
