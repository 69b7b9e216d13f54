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
            let needs = mine.map { week.needs(in: $0) }
            for (position, candidate) in idle.enumerated() {
                guard rate(candidate) < rate(person) - 1e-9 else { break }
                guard candidate.maxHours + 1e-9 >= hours, mine.allSatisfy({ isEligible(candidate.id, for: $0) }) else { continue }
                var trial = week
                for session in mine {
                    trial.remove(person.id, from: session)
                    trial.add(candidate, to: session)
                }
                guard zip(mine, needs).allSatisfy({ Self.isNoWorse(trial.needs(in: $0.0), than: $0.1) }),
                      keepsRules(candidate, mine, in: trial) else { continue }
                var trialSessions = sessionsOf
                trialSessions[person.id] = nil
                trialSessions[candidate.id] = mine
                guard groupScore(of: [person, candidate], in: week, sessions: sessionsOf)
                        - groupScore(of: [person, candidate], in: trial, sessions: trialSessions) > 1e-6 else { continue }
                week = trial
                sessionsOf = trialSessions
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
