import CareDomain

extension GroupStaffing {
    /// Cheaper hands for the same week: a person's whole group week given to one idle person of a
    /// lower hourly rate who may work every session of it (eligible, and their week keeps every
    /// rule by the oracle), when every session keeps its needs met (a lead stays where one is
    /// asked) and the objective falls. The faces stay as many; the cost falls.
    ///
    /// On the day-care regions the team moves (`consolidate`, `merge`, `rebuildLocations`) reach
    /// few faces with whoever has the hours, often a costlier level than the sessions need
    /// besides their lead; the search's people groups hold an idle person of the same days and
    /// hours by chance only. The most expensive people go first; `busy` people (kept client
    /// work) neither give nor take. Returns how many weeks changed hands.
    @discardableResult
    func substitute(_ week: inout GroupWeek, keeping pinned: Set<String> = [], busy: Set<StaffID> = [], deadline: Deadline? = nil) -> Int {
        var sessionsOf = week.sessionsByPerson()
        let rate = { (person: Staff) in weights.hourlyRate(of: person, in: scenario) }
        let order = { (person: Staff) in (rate(person), -person.maxHours, person.id) }
        var idle = staff.filter { !$0.isVolunteer && !$0.isHire && !busy.contains($0.id) && (sessionsOf[$0.id] ?? []).isEmpty }
            .sorted { order($0) < order($1) }
        let working = staff.filter { !$0.isVolunteer && !busy.contains($0.id) && !(sessionsOf[$0.id] ?? []).isEmpty }
            .sorted { (-rate($0), $0.id) < (-rate($1), $1.id) }
        var count = 0
        for person in working {
            if deadline?.hasPassed == true { break }
            let mine = week.inTimeOrder(sessionsOf[person.id] ?? [])
            guard !mine.isEmpty, !mine.contains(where: { pinned.contains("\(person.id) \(week.demands[$0].id)") }) else { continue }
            let hours = mine.reduce(0.0) { $0 + week.demands[$1].hours }
            for (position, candidate) in idle.enumerated() {
                guard rate(candidate) < rate(person) - 1e-9 else { break }
                guard candidate.maxHours + 1e-9 >= hours, mine.allSatisfy({ isEligible(candidate.id, for: $0) }) else { continue }
                guard let handed = handedOver([(person, candidate, mine)], in: week, sessionsOf: sessionsOf) else { continue }
                (week, sessionsOf) = handed
                idle.remove(at: position)
                if !person.isHire {
                    let at = idle.firstIndex { order($0) > order(person) } ?? idle.count
                    idle.insert(person, at: at)
                }
                count += 1
                break
            }
        }
        return count
    }
}

extension GroupStaffing {
    /// The fuller week to the cheaper hand: two working people of different rates exchange their
    /// whole group weeks when the cheaper one works fewer hours now, each may work every session
    /// of the other's week (eligible, and the oracle accepts it), every session keeps its needs
    /// met and the objective falls. The faces stay as many (each still works where one of the
    /// two worked); the costlier rate pays for the shorter week.
    ///
    /// What is left of the cost above the bound on the day-care regions is MBO-4 hours in places
    /// an MBO-2 could fill: the fewest faces need the fullest weeks, and an MBO-4 often holds a
    /// fuller week than an MBO-2 elsewhere who could hold it. Returns how many pairs exchanged.
    @discardableResult
    func exchange(_ week: inout GroupWeek, keeping pinned: Set<String> = [], busy: Set<StaffID> = [], deadline: Deadline? = nil) -> Int {
        var sessionsOf = week.sessionsByPerson()
        let rate = { (person: Staff) in weights.hourlyRate(of: person, in: scenario) }
        let demands = week.demands
        func hours(_ sessions: [Int]) -> Double { sessions.reduce(0.0) { $0 + demands[$1].hours } }
        func movable(_ person: Staff) -> Bool {
            let mine = sessionsOf[person.id] ?? []
            return !mine.isEmpty && !mine.contains { pinned.contains("\(person.id) \(demands[$0].id)") }
        }
        let working = staff.filter { !$0.isVolunteer && !$0.isHire && !busy.contains($0.id) && !(sessionsOf[$0.id] ?? []).isEmpty }
            .sorted { (-rate($0), $0.id) < (-rate($1), $1.id) }
        var count = 0
        for person in working {
            if deadline?.hasPassed == true { break }
            guard movable(person) else { continue }
            for other in working.reversed() {
                guard rate(other) < rate(person) - 1e-9 else { break }
                guard movable(other) else { continue }
                let mine = week.inTimeOrder(sessionsOf[person.id]!), theirs = week.inTimeOrder(sessionsOf[other.id]!)
                guard hours(theirs) + 1e-9 < hours(mine), Set(mine).isDisjoint(with: theirs),
                      other.maxHours + 1e-9 >= hours(mine), person.maxHours + 1e-9 >= hours(theirs),
                      mine.allSatisfy({ isEligible(other.id, for: $0) }), theirs.allSatisfy({ isEligible(person.id, for: $0) })
                else { continue }
                guard let handed = handedOver([(person, other, mine), (other, person, theirs)], in: week, sessionsOf: sessionsOf) else { continue }
                (week, sessionsOf) = handed
                count += 1
                break
            }
        }
        return count
    }

    /// `week` with sessions handed over (each move: a giver's `sessions` to a receiver), when every
    /// moved session keeps its needs met (`isNoWorse`), each receiver's new week keeps every rule
    /// (the oracle) and the objective of the people involved falls; nil otherwise. `sessionsOf`
    /// is `week.sessionsByPerson()`, returned as it becomes. The one check of `substitute` and
    /// `exchange`.
    private func handedOver(_ moves: [(from: Staff, to: Staff, sessions: [Int])], in week: GroupWeek,
                            sessionsOf: [StaffID: [Int]]) -> (week: GroupWeek, sessionsOf: [StaffID: [Int]])? {
        let moved = moves.flatMap(\.sessions)
        let needs = moved.map { week.needs(in: $0) }
        var trial = week
        var after = sessionsOf
        for move in moves {
            for session in move.sessions {
                trial.remove(move.from.id, from: session)
                trial.add(move.to, to: session)
            }
            after[move.from.id] = (after[move.from.id] ?? []).filter { !move.sessions.contains($0) }
        }
        for move in moves { after[move.to.id, default: []] += move.sessions }
        for move in moves where after[move.from.id]?.isEmpty == true { after[move.from.id] = nil }
        guard zip(moved, needs).allSatisfy({ Self.isNoWorse(trial.needs(in: $0.0), than: $0.1) }),
              moves.allSatisfy({ keepsRules($0.to, after[$0.to.id] ?? [], in: trial) }) else { return nil }
        var people: [Staff] = []
        for person in moves.flatMap({ [$0.from, $0.to] }) where !people.contains(where: { $0.id == person.id }) { people.append(person) }
        guard groupScore(of: people, in: week, sessions: sessionsOf) - groupScore(of: people, in: trial, sessions: after) > 1e-6 else { return nil }
        return (trial, after)
    }
}
