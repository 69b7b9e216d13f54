import CareDomain
import Foundation

/// Staffs group sessions person by person through the feasibility oracle: the greedy first
/// roster (`construct`) and the polish that makes any roster maximal (`fill`).
///
/// Demand goes most constrained first: every session's lead, then its skills, then its counted
/// professionals, each pass over the sessions with the fewest qualified people first. Among the
/// people the oracle accepts, the stated priority picks: someone below `min_hours` (a target the
/// roster reaches where it can), then the least the objective rises by taking them (hours above
/// contract, employer cost, a new face at the location shared over the sessions there the person
/// may go on to work: `ObjectiveWeights`, so the greedy and the MIP agree on what is better), then
/// the lowest level that meets the need (seniors stay free for leads), then the most contract
/// hours left.
struct GroupStaffing {
    let scenario: Scenario
    let staff: [Staff]
    var weights: ObjectiveWeights = .standard
    /// Per session: the people whose calendar allows it at all (location, availability, absence, length).
    let eligible: [[Staff]]
    private let eligibility: [StaffID: [Eligibility]]
    /// Per session: how many of its fixed clients name key workers, and per person how many name
    /// them (the key workers' term of `softRise`, asked for every candidate).
    private let keyWorkerClients: [(total: Int, naming: [StaffID: Int])]
    /// Per location, its sessions (indices into `demands`): what a new face there may go on to work.
    private let sessionsAt: [LocationID: [Int]]
    /// Per session, the positions in `staff` of its eligible people (in `eligible`'s order): the
    /// construction's face price counts by index, not by hashed id (a million counts at 1,000 staff).
    private let eligiblePositions: [[Int]]

    init(scenario: Scenario, demands: [SessionDemand], staff: [Staff], weights: ObjectiveWeights = .standard) {
        self.scenario = scenario
        self.staff = staff
        self.weights = weights
        var eligible = Array(repeating: [Staff](), count: demands.count)
        var positions = Array(repeating: [Int](), count: demands.count)
        var eligibility: [StaffID: [Eligibility]] = [:]
        // Every person against every session (10 million answers at 2,000 staff): on both cores.
        let answersSlot = ResultSlots<[Eligibility]>(count: staff.count)
        DispatchQueue.concurrentPerform(iterations: min(2, max(1, staff.count))) { half in
            for position in stride(from: half, to: staff.count, by: 2) {
                let calendar = StaffCalendar(staff: staff[position])
                answersSlot.store(position, demands.map { calendar.eligibility(for: $0.session, in: scenario) })
            }
        }
        for (position, person) in staff.enumerated() {
            let answers = answersSlot.stored(position) ?? []
            for (index, answer) in answers.enumerated() where answer == .eligible {
                eligible[index].append(person)
                positions[index].append(position)
            }
            eligibility[person.id] = answers
        }
        self.eligible = eligible
        self.eligibility = eligibility
        eligiblePositions = positions
        sessionsAt = Dictionary(grouping: demands.indices, by: { demands[$0].session.location })
        keyWorkerClients = demands.map { demand in
            let naming = demand.fixedClients.filter { !$0.keyWorkers.isEmpty }
            return (naming.count, naming.reduce(into: [StaffID: Int]()) { counts, client in
                for person in Set(client.keyWorkers) { counts[person, default: 0] += 1 }
            })
        }
    }

    /// Whether the person's calendar allows the session at all (location, availability, absence, length).
    func isEligible(_ person: StaffID, for session: Int) -> Bool { eligibility[person]?[session] == .eligible }

    /// Why `person` cannot take `session` now, as the rule that forbids it; nil when they can.
    func violation(_ person: Staff, session: Int, in week: GroupWeek, plans: [StaffID: PersonPlan]) -> RuleViolation? {
        if week.works(person.id, in: session) { return .alreadyThere }
        if let answer = eligibility[person.id]?[session], let broken = RuleViolation(answer) { return broken }
        guard let plan = plans[person.id] else { return .notAtLocation }
        return plan.rules.violation(plan.timedWork, adding: week.timedWork(session), coordinationMinutes: plan.coordinationMinutes)
    }

    /// Takes out of a MIP's roster the sessions a person's week cannot hold by the oracle, the
    /// latest first, until the week keeps every rule. The model counts a session's hours as if
    /// it stood alone in its shift; a shift that joins it to other work may need a different
    /// break, which only the oracle sees. (`fill` then offers what was freed to others.)
    /// `held`: client work kept as it is (a re-plan's), which the sessions must leave room for.
    func repair(_ week: inout GroupWeek, holding held: [StaffID: [TimedWork]] = [:]) {
        let sessionsOf = week.sessionsByPerson()
        for person in staff {
            guard let mine = sessionsOf[person.id], !mine.isEmpty else { continue }
            var sessions = week.inTimeOrder(mine)
            let oracle = WorkingWeek(staff: person, scenario: scenario)
            while !sessions.isEmpty, oracle.violation(sessions.map { week.timedWork($0) } + (held[person.id] ?? []), coordinationMinutes: 0) != nil {
                week.remove(person.id, from: sessions.removeLast())
            }
        }
    }

    /// Takes out of a MIP's roster the people a session does not need: where a session keeps
    /// every need met without someone (no lead, skill or counted place goes missing) and their
    /// week keeps every rule without it (taking out a middle piece can make a split shift),
    /// they are taken out when the objective falls by it (cost, a face, on-call duty; a wish to
    /// work it keeps them). GLPK stopped at a deadline may hand back such surplus, which no later
    /// step would remove. Pinned assignments stay.
    func trim(_ week: inout GroupWeek, keeping pinned: Set<String> = []) {
        var sessionsOf = week.sessionsByPerson()
        for index in week.demands.indices {
            let needs = week.needs(in: index)
            // The largest saving first, until no one more can go.
            while true {
                var best: (saving: Double, person: Staff, rest: [Int], week: GroupWeek)? = nil
                for person in week.workers[index] where !person.isVolunteer && !pinned.contains("\(person.id) \(week.demands[index].id)") {
                    // Asked before any copy of the week: most people are needed.
                    guard week.needs(in: index, with: week.workers[index].filter { $0.id != person.id }) == needs else { continue }
                    let rest = week.inTimeOrder((sessionsOf[person.id] ?? []).filter { $0 != index })
                    guard keepsRules(person, rest, in: week) else { continue }
                    var without = week
                    without.remove(person.id, from: index)
                    let saving = groupScore(of: [person], in: week, sessions: sessionsOf) - groupScore(of: [person], in: without, sessions: sessionsOf)
                    if saving > 1e-9, best.map({ saving > $0.saving + 1e-9 || (abs(saving - $0.saving) <= 1e-9 && person.id < $0.person.id) }) ?? true {
                        best = (saving, person, rest, without)
                    }
                }
                guard let chosen = best else { break }
                week = chosen.week
                sessionsOf[chosen.person.id] = chosen.rest
            }
        }
    }

    /// The objective of `persons`' group sessions (`sessions`: where each may work; the rows are
    /// those `week` gives them), as `RosterScore` prices it: what taking out or moving their work
    /// changes. Fairness compares people with each other, so with it the whole group side is scored.
    func groupScore(of persons: [Staff], in week: GroupWeek, sessions: [StaffID: [Int]]) -> Double {
        let fairness = !scenario.settings.fairness.isEmpty
        let rows = fairness ? week.assignments() : persons.flatMap { person in
            Set(sessions[person.id] ?? []).sorted().filter { week.works(person.id, in: $0) }
                .flatMap { week.assignments(of: $0) }.filter { $0.staff == person.id }
        }
        return RosterScore(scenario: scenario, weights: weights, staff: fairness ? staff : persons, work: AmbulatoryDemand())
            .objective(assignments: rows, uncovered: [], responsibilities: [])
    }

    /// The greedy first roster: `attends_any` placement, then leads, skills and counted professionals.
    func construct(_ week: inout GroupWeek, plans: [StaffID: PersonPlan]) {
        placeAttendance(&week)
        meetNeeds(of: sessionsByScarcity(week), in: &week, plans: plans)
    }

    /// Staffs `sessions` (in that order) in three passes over them: the leads, then the skills,
    /// then the counted professionals, so that scarce leads and skills are placed before the
    /// ratio takes the people who hold them.
    func meetNeeds(of sessions: [Int], in week: inout GroupWeek, plans: [StaffID: PersonPlan]) {
        for pass in 0..<3 {
            for session in sessions {
                for need in week.needs(in: session) where passIndex(need) == pass {
                    meet(need, in: session, week: &week, plans: plans)
                }
            }
        }
    }

    /// Makes the roster maximal: every remaining need is offered to every qualified person the
    /// oracle accepts, and every unplaced `attends_any` client to every session it may join.
    func fill(_ week: inout GroupWeek, plans: [StaffID: PersonPlan]) {
        for session in sessionsByScarcity(week) { meetAll(in: session, week: &week, plans: plans) }
        placeLeftOverAttendance(&week, plans: plans)
    }

    /// Meets a session's needs in order (lead, skills, professionals), each asked afresh: a lead
    /// who comes also counts towards the ratio.
    private func meetAll(in session: Int, week: inout GroupWeek, plans: [StaffID: PersonPlan]) {
        for pass in 0..<3 {
            for need in week.needs(in: session) where passIndex(need) == pass { meet(need, in: session, week: &week, plans: plans) }
        }
    }

    /// Meets as much of `need` as qualified free people allow.
    private func meet(_ need: GroupNeed, in session: Int, week: inout GroupWeek, plans: [StaffID: PersonPlan]) {
        var count: Int
        switch need {
        case let .professionals(missing, _, _): count = missing
        case .lead, .skill: count = 1
        }
        let location = week.demands[session].session.location
        let hours = week.demands[session].hours
        // Ranked once, the oracle asked only down the ranking until someone may come: the
        // oracle walks a person's whole week, the priority is a few lookups. Taking one person
        // changes no one else's priority or verdict, so the ranking serves every place of the need.
        let working = Set(week.workers[session].map(\.id))
        let people = eligible[session]
        // The location's other sessions that still lack someone: what a new face may go on to take.
        let stillOpen = (sessionsAt[location] ?? []).filter { $0 != session && !week.needs(in: $0).isEmpty }
        var takes = Array(repeating: 0, count: staff.count)
        for other in stillOpen {
            let there = Set(week.workers[other].map(\.id))
            for position in eligiblePositions[other] where !there.contains(staff[position].id) { takes[position] += 1 }
        }
        let positions = eligiblePositions[session]
        var open = people.indices.filter { need.isMet(by: people[$0]) && !working.contains(people[$0].id) }
            .map { (index: $0, priority: priority(people[$0], session: session, demand: week.demands[session], hours: hours, plans: plans,
                                                  mayTake: takes[positions[$0]])) }
        while count > 0 {
            var chosen: Staff? = nil
            // The best-ranked first; usually the oracle accepts them, so no full sort is needed.
            while chosen == nil, let best = open.indices.min(by: { open[$0].priority < open[$1].priority }) {
                let person = people[open[best].index]
                if violation(person, session: session, in: week, plans: plans) == nil { chosen = person }
                open.swapAt(best, open.count - 1)
                open.removeLast()
            }
            guard let chosen else { return }
            week.add(chosen, to: session)
            plans[chosen.id]?.addFixed(week.timedWork(session), location: location)
            count -= 1
        }
    }

    private func priority(_ person: Staff, session: Int, demand: SessionDemand, hours: Double, plans: [StaffID: PersonPlan],
                          mayTake: Int) -> PersonPriority {
        let plan = plans[person.id]
        let worked = plan?.workedHours ?? 0
        let location = demand.session.location
        let newFace = plan?.locations.contains(location) != true
        // A new face at the location is priced per session it may go on to work there (`mayTake`:
        // the open sessions it is eligible for, as far as its hours reach): the face is paid once, and a
        // person who can take most of the location's week saves the faces of those who could
        // take a little. Without this the cheapest person wins each session and the week is
        // spread over many part-timers (a fifth more faces on the day-care regions).
        var faceShare = 0.0
        if newFace {
            let room = Int(((person.maxHours - worked) / max(hours, 0.25)).rounded(.down))
            let more = min(mayTake, max(0, room - 1))
            faceShare = weights.faceAtLocation / Double(1 + more)
        }
        return PersonPriority(
            belowMinimum: worked + 1e-9 < person.minHours ? 0 : 1,
            objectiveRise: objectiveRise(person, worked: worked, hours: hours, newFace: false) + faceShare
                + softRise(person, session: session, demand: demand),
            level: person.level.rank,
            hoursLeft: -(person.contractHours - worked),
            id: person.id.rawValue)
    }

    /// What `hours` more of group work by `person` adds to the objective, priced as `RosterScore` does.
    func objectiveRise(_ person: Staff, worked: Double, hours: Double, newFace: Bool) -> Double {
        (newFace ? weights.faceAtLocation : 0)
            + weights.priceOfHours(worked + hours, by: person, in: scenario) - weights.priceOfHours(worked, by: person, in: scenario)
    }

    /// What the session adds to `person`'s wishes and to the key workers' objective, priced as
    /// `WishObjective` and `KeyWorkerObjective` price them on a roster (a wished day off as if not yet worked).
    func softRise(_ person: Staff, session index: Int, demand: SessionDemand) -> Double {
        var rise = 0.0
        let session = demand.session
        for wish in person.wishes {
            let cost = weights.wishPerWeight * Double(wish.weight)
            switch wish.kind {
            case let .dayOff(date):
                let start = scenario.week.startMinute(of: date)
                if start >= 0, session.interval.touchedDays.contains(start / 1440) { rise += cost }
            case let .avoid(name, days): if session.slot.name == name && days.contains(session.slot.day) { rise += cost }
            case let .prefer(name, days): if session.slot.name != name && days.contains(session.slot.day) { rise += cost }
            }
        }
        if !person.isVolunteer {
            let clients = keyWorkerClients[index]
            rise += weights.notKeyWorker * Double(clients.total - (clients.naming[person.id] ?? 0))
        }
        return rise
    }

    private func passIndex(_ need: GroupNeed) -> Int {
        switch need {
        case .lead: 0
        case .skill: 1
        case .professionals: 2
        }
    }

    /// Sessions with the fewest eligible people per required professional first, then in time order.
    func sessionsByScarcity(_ week: GroupWeek) -> [Int] {
        // Each session's scarcity once, not in every comparison (it counts the clients present).
        let scarcity = week.demands.indices.map { Double(eligible[$0].count) / Double(max(1, week.requiredProfessionals(in: $0))) }
        return week.demands.indices.sorted { lhs, rhs in
            (scarcity[lhs], week.demands[lhs].session) < (scarcity[rhs], week.demands[rhs].session)
        }
    }

    // MARK: attends_any

    /// Whether the client is already in another session at the time of `session` (fixed or
    /// placed): one place at a time.
    private func clashes(_ week: GroupWeek, client: ClientID, session: Int) -> Bool {
        let interval = week.demands[session].session.interval
        return week.demands.indices.contains { other in
            other != session && week.demands[other].session.interval.overlaps(interval)
                && (week.placed[other].contains(client) || week.demands[other].fixedClients.contains { $0.id == client })
        }
    }

    /// Each `attends_any` client in `count` of its sessions: where one more client asks no more
    /// staff first, then the least busy, within the location's capacity.
    private func placeAttendance(_ week: inout GroupWeek) {
        for (client, options) in attendanceOptions(week) {
            guard let wanted = client.attendsAny?.count else { continue }
            // Places already taken (a pinned roster) count towards the client's sessions.
            var open = options.filter { !week.placed[$0].contains(client.id) }
            for _ in 0..<max(0, wanted - placedCount(week, client.id)) {
                // Each option's key computed once: `extraStaff` tries the placement on a copy of the week.
                let keyed = open.filter { hasRoom(week, $0) && !clashes(week, client: client.id, session: $0) }
                    .map { (session: $0, extra: extraStaff(week, client: client.id, session: $0), present: week.present(in: $0).count) }
                guard let chosen = keyed.min(by: { lhs, rhs in
                    (lhs.extra, lhs.present, week.demands[lhs.session].session) < (rhs.extra, rhs.present, week.demands[rhs.session].session)
                })?.session else { break }
                week.place(client.id, in: chosen)
                open.removeAll { $0 == chosen }
            }
        }
    }

    /// Unplaced attendance after staffing: into a session with room whose needs free people can still meet.
    private func placeLeftOverAttendance(_ week: inout GroupWeek, plans: [StaffID: PersonPlan]) {
        for (client, options) in attendanceOptions(week) {
            guard let wanted = client.attendsAny?.count else { continue }
            for session in options where placedCount(week, client.id) < wanted && !week.placed[session].contains(client.id) && hasRoom(week, session)
                && !clashes(week, client: client.id, session: session) {
                let before = week
                week.place(client.id, in: session)
                meetAll(in: session, week: &week, plans: plans)
                if !week.needs(in: session).isEmpty {
                    // Undo: the staff it would take are not there (people added stay out of the plans too).
                    for person in week.workers[session] where !before.works(person.id, in: session) {
                        plans[person.id]?.removeFixed(week.timedWork(session))
                    }
                    week = before
                }
            }
        }
    }

    private func attendanceOptions(_ week: GroupWeek) -> [(client: Client, sessions: [Int])] {
        var byClient: [ClientID: (Client, [Int])] = [:]
        for (index, demand) in week.demands.enumerated() {
            for client in demand.optionalClients { byClient[client.id, default: (client, [])].1.append(index) }
        }
        return byClient.keys.sorted().map { (byClient[$0]!.0, byClient[$0]!.1) }
    }

    private func placedCount(_ week: GroupWeek, _ client: ClientID) -> Int {
        week.placed.reduce(0) { $0 + ($1.contains(client) ? 1 : 0) }
    }

    private func hasRoom(_ week: GroupWeek, _ session: Int) -> Bool {
        guard let capacity = week.demands[session].capacity else { return true }
        return week.present(in: session).count < capacity
    }

    private func extraStaff(_ week: GroupWeek, client: ClientID, session: Int) -> Int {
        var trial = week
        let before = trial.needs(in: session).count + trial.requiredProfessionals(in: session)
        trial.place(client, in: session)
        return trial.needs(in: session).count + trial.requiredProfessionals(in: session) - before
    }
}

/// The order in which the construction prefers people (smaller first).
private struct PersonPriority: Comparable {
    let belowMinimum: Int
    let objectiveRise: Double
    let level: Int
    let hoursLeft: Double
    let id: String

    static func < (lhs: Self, rhs: Self) -> Bool {
        // Rises within a thousandth are ties, so that float noise does not decide.
        let left = (lhs.objectiveRise * 1000).rounded(), right = (rhs.objectiveRise * 1000).rounded()
        return (lhs.belowMinimum, left, lhs.level, lhs.hoursLeft, lhs.id) < (rhs.belowMinimum, right, rhs.level, rhs.hoursLeft, rhs.id)
    }
}
