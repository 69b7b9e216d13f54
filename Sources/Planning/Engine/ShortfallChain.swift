import CareDomain

extension GroupStaffing {
    /// A need left uncovered, met by a chain of two moves: a qualified person kept out only by
    /// their own week (at their hours limit, or resting around another session of theirs) leaves
    /// one of their sessions to someone free who may take it, and takes the uncovered one. The
    /// left session keeps its needs met (`isNoWorse`), the uncovered one lacks less, and both
    /// people's weeks keep every rule by the oracle.
    ///
    /// `fill` offers each need to every free person alone, so a roster it leaves is maximal, yet
    /// may be one exchange away from covering more: in a week after a history every qualified
    /// MBO-4 at a house was at their hours limit or resting after nights while the search's
    /// people groups did not hold the right pair. Pinned sessions stay; `busy` people (kept
    /// client work) neither give nor take. Returns how many needs a chain met.
    @discardableResult
    func coverByChains(_ week: inout GroupWeek, keeping pinned: Set<String> = [], busy: Set<StaffID> = [], deadline: Deadline? = nil) -> Int {
        var sessionsOf = week.sessionsByPerson()
        let movers = staff.filter { !$0.isVolunteer && !$0.isHire && !busy.contains($0.id) }
        var count = 0
        for session in week.inTimeOrder(Array(week.demands.indices)) {
            // A session may need several chains (a lead and a counted place).
            while !week.needs(in: session).isEmpty {
                if deadline?.hasPassed == true { return count }
                guard let chained = chain(into: session, week: week, sessionsOf: sessionsOf, movers: movers, pinned: pinned,
                                          deadline: deadline) else { break }
                (week, sessionsOf) = chained
                count += 1
            }
        }
        return count
    }

    /// The first chain that lets `session` lack less, as the week and `sessionsOf` it makes.
    private func chain(into session: Int, week: GroupWeek, sessionsOf: [StaffID: [Int]], movers: [Staff],
                       pinned: Set<String>, deadline: Deadline?) -> (GroupWeek, [StaffID: [Int]])? {
        let lacking = week.needs(in: session)
        for giver in movers where isEligible(giver.id, for: session) && !week.works(giver.id, in: session) {
            let mine = sessionsOf[giver.id] ?? []
            var joined = week
            joined.add(giver, to: session)
            // Only someone who would meet part of what the session lacks.
            let lacksThen = joined.needs(in: session)
            guard lacksThen != lacking, Self.isNoWorse(lacksThen, than: lacking) else { continue }
            for left in mine where !pinned.contains("\(giver.id) \(week.demands[left].id)") {
                if deadline?.hasPassed == true { return nil }
                var trial = joined
                trial.remove(giver.id, from: left)
                let giverWeek = mine.filter { $0 != left } + [session]
                guard keepsRules(giver, giverWeek, in: trial) else { continue }
                let leftNeeds = week.needs(in: left)
                if Self.isNoWorse(trial.needs(in: left), than: leftNeeds) {
                    return (trial, moved(sessionsOf, giver.id, from: left, to: session))
                }
                for taker in movers where taker.id != giver.id && isEligible(taker.id, for: left) && !trial.works(taker.id, in: left) {
                    var taken = trial
                    taken.add(taker, to: left)
                    guard Self.isNoWorse(taken.needs(in: left), than: leftNeeds),
                          keepsRules(taker, (sessionsOf[taker.id] ?? []) + [left], in: taken) else { continue }
                    var after = moved(sessionsOf, giver.id, from: left, to: session)
                    after[taker.id, default: []].append(left)
                    return (taken, after)
                }
            }
        }
        return nil
    }

    private func moved(_ sessionsOf: [StaffID: [Int]], _ person: StaffID, from left: Int, to session: Int) -> [StaffID: [Int]] {
        var after = sessionsOf
        after[person] = (after[person] ?? []).filter { $0 != left } + [session]
        return after
    }
}
