import CareDomain

extension GroupStaffing {
    /// Fewer faces by building a location's team anew (ruin and recreate): every assignment in
    /// its sessions is taken out and the greedy staffs them again, with the whole week of the
    /// location open, so that a person who can take most of it (often someone idle, whom the
    /// construction had left for a location staffed before) comes first; then the hand-over and
    /// merge of part-timers at that location. Kept when every session keeps its needs met and
    /// the objective of everyone involved falls.
    ///
    /// The moves of `consolidate` and `merge` change one or two faces at a time, and the
    /// search's location neighbourhood stops at its node budget on these symmetric small MIPs
    /// (on region 1,000/2,500 a location of eight faces that seven could staff, as the same
    /// location alone with the idle people, solved to optimality, shows). `plansFor` gives the
    /// people's plans for a week (their held client work included). Returns how many locations
    /// were rebuilt; the deadline stops the pass between locations.
    @discardableResult
    func rebuildLocations(_ week: inout GroupWeek, plansFor: (GroupWeek) -> [StaffID: PersonPlan],
                          keeping pinned: Set<String> = [], busy: Set<StaffID> = [], deadline: Deadline? = nil) -> Int {
        guard weights.faceAtLocation > 0 else { return 0 }
        let sessionsAt = Dictionary(grouping: week.demands.indices, by: { week.demands[$0].session.location })
        // One set of plans for the whole pass (a plan per person takes a while at 1,000 staff):
        // each location's work is taken out of them for its trial and put back as the kept week has it.
        let plans = plansFor(week)
        func setPlans(at locations: [LocationID], from old: GroupWeek, to new: GroupWeek) {
            for location in locations {
                for index in sessionsAt[location]! {
                    for person in old.workers[index] { plans[person.id]?.removeFixed(old.timedWork(index)); plans[person.id]?.leave(location) }
                }
            }
            for location in locations {
                for index in sessionsAt[location]! {
                    for person in new.workers[index] { plans[person.id]?.addFixed(new.timedWork(index), location: location) }
                }
            }
        }
        func isPinned(_ location: LocationID) -> Bool {
            sessionsAt[location]!.contains { index in week.workers[index].contains { pinned.contains("\($0.id) \(week.demands[index].id)") } }
        }
        /// Staffs `locations` anew; true (and `week` changed) when that is better.
        func trial(_ locations: [LocationID]) -> Bool {
            let sessions = locations.flatMap { sessionsAt[$0]! }
            let needed = sessions.map { week.needs(in: $0) }
            var trial = week
            for index in sessions { for person in trial.workers[index] where !person.isVolunteer { trial.remove(person.id, from: index) } }
            setPlans(at: locations, from: week, to: trial)
            let mine = Set(sessions)
            meetNeeds(of: sessionsByScarcity(trial).filter { mine.contains($0) }, in: &trial, plans: plans)
            let met = trial
            for location in locations {
                consolidate(&trial, keeping: pinned, only: location)
                merge(&trial, keeping: pinned, busy: busy, only: location)
                consolidate(&trial, keeping: pinned, only: location)
            }
            let old = week.sessionsByPerson(), new = trial.sessionsByPerson()
            let involvedIDs = Set(sessions.flatMap { week.workers[$0].map(\.id) + trial.workers[$0].map(\.id) })
            let involved = staff.filter { involvedIDs.contains($0.id) }
            // No need left less met than before, and the objective falls.
            let better = zip(sessions, needed).allSatisfy { Self.isNoWorse(trial.needs(in: $0.0), than: $0.1) }
                && groupScore(of: involved, in: week, sessions: old) - groupScore(of: involved, in: trial, sessions: new) > 1e-6
            setPlans(at: locations, from: met, to: better ? trial : week)
            if better { week = trial }
            return better
        }
        var rebuilt = 0
        // Passes until one rebuilds nothing: a team built anew frees people another location's can use.
        var pass = 0, before = -1
        while rebuilt > before, pass < 4, deadline?.hasPassed != true {
            before = rebuilt
            pass += 1
            for location in locationsByExcessFaces(week, sessionsAt: sessionsAt) where !isPinned(location) {
                if deadline?.hasPassed == true { break }
                if trial([location]) { rebuilt += 1 }
            }
        }
        return rebuilt
    }

    /// Whether the needs `new` leaves open are among `old`'s, no professional more missing.
    static func isNoWorse(_ new: [GroupNeed], than old: [GroupNeed]) -> Bool {
        new.allSatisfy { need in
            guard case let .professionals(count, level, disciplines) = need else { return old.contains(need) }
            return old.contains { if case let .professionals(before, level2, disciplines2) = $0 { before >= count && level2 == level && disciplines2 == disciplines } else { false } }
        }
    }

    /// Locations with the most faces above their busiest session first: where a team of fewer,
    /// fuller weeks is most likely.
    private func locationsByExcessFaces(_ week: GroupWeek, sessionsAt: [LocationID: [Int]]) -> [LocationID] {
        let excess = sessionsAt.mapValues { sessions -> Int in
            let faces = Set(sessions.flatMap { week.workers[$0].filter { !$0.isVolunteer }.map(\.id) }).count
            let busiest = sessions.map { week.workers[$0].filter { !$0.isVolunteer }.count }.max() ?? 0
            return faces - busiest
        }
        return excess.keys.filter { excess[$0]! > 0 }.sorted { (-excess[$0]!, $0) < (-excess[$1]!, $1) }
    }
}
