import CareDomain
import Foundation
import Optimization

/// Large-neighbourhood search over the week's MIP (fix-and-optimise, as in Santos, Toffolo et
/// al., Annals of OR 2016): free one neighbourhood of decisions, hold every other decision at the
/// incumbent, solve that small MIP with GLPK under a short cap, keep it when it is better.
///
/// Neighbourhoods, in a fixed order so that a search that reaches its end is deterministic:
/// - a **location**: every person's place in its sessions, and the whole week of the people who
///   work there now (so they may move to other locations);
/// - a **day** with the night before it: every session, visit, evaluation and appointment on it;
/// - **three days of a location** (its sessions starting on them), for 24-hour houses whose
///   rests and rotations tie each day to the next;
/// - a **group of people** (eight, drawn afresh each round by a fixed shuffle, twice as many
///   after each round without improvement): their whole weeks, so they may swap shifts among
///   themselves (the employee neighbourhood of nurse rostering); and the **weakest people**, the
///   three with the fewest sessions with colleagues of their locations;
/// - the **responsibilities and appointments** of the week.
/// The search ends at a local optimum (three rounds in a row without improvement) or at the deadline.
/// Each step's budget is counted in branch-and-cut nodes, with seconds only as a guard, so a
/// search that reaches its local optimum before the deadline gives the same roster every run.
struct NeighbourhoodSearch<S: Solver> {
    let week: WeekModel
    let solver: S
    let deadline: Deadline
    var log: ((String) -> Void)? = nil
    var shouldStop: (@Sendable () -> Bool)? = nil

    /// Rounds in a row without improvement before the search ends.
    static var patience: Int { 3 }

    /// The least time a step's guard allows.
    static var stepSeconds: Double { 2 }
    /// The branch-and-cut nodes one step may use: the step's budget in work, so that steps that
    /// keep it give the same answer on a busy or a quiet machine; `stepSeconds` is the guard.
    static var stepNodes: Int { 200 }

    struct Outcome {
        let values: [Double]
        let objective: Double
        let steps: Int
        let improvements: Int
    }

    struct Neighbourhood {
        let name: String
        let decisions: Set<Int>
    }

    /// The incumbent (its number among the improvements) and node budget a step was solved from.
    private struct SolvedFrom: Equatable {
        let incumbent: Int
        let nodes: Int
    }

    /// Solves at once: with two, the next two neighbourhoods are solved side by side from the
    /// same incumbent (GLPK keeps its state per thread), and the second is merged onto the first
    /// when the whole solution stays feasible and better.
    var threads = 1
    /// How many times a local optimum may be searched again with four times the nodes (the
    /// deeper steps). A restricted model gains more from being built again around its local
    /// optimum, with new people in reach, than from deeper steps (`PartEngine` starts it at 0
    /// and goes one deeper only for a pass that found nothing).
    var deepenings = 2
    /// The deepenings already made: steps start at `stepNodes` × 4^depth.
    var depth = 0

    func improve(from start: [Double]) -> Outcome {
        let followers = week.followerMask()
        var incumbent = start
        var value = week.model.objective.value(in: start)
        var steps = 0, improvements = 0, sinceImprovement = 0, turn = 0
        var solveSeconds = 0.0
        var lastRoundLength = 1
        let started = Date()
        // A local optimum reached with much of the time left is searched again with deeper steps
        // (four times the nodes, twice at most): the steps that stop at their node budget are the
        // large people groups, which held most of the improvements. Branch-and-cut keeps a quarter
        // of the search's time for its bound.
        var nodes = Self.stepNodes << (2 * depth)
        let reserve = max(2, deadline.remaining / 4)
        // Which incumbent (counted by improvements) and budget each neighbourhood was last solved
        // from without improvement.
        var version = 0
        var unchanged: [Set<Int>: SolvedFrom] = [:]
        while !deadline.hasPassed, shouldStop?() != true {
            // Each round without improvement doubles the people groups: a local optimum of small
            // swaps is left through larger ones.
            let stale = min(Self.patience - 1, sinceImprovement / max(1, lastRoundLength))
            let hoods = neighbourhoods(around: incumbent, round: turn / max(1, lastRoundLength), groupScale: 1 << stale)
            // People groups are drawn afresh each round, so a round without improvement is not
            // yet a local optimum; `patience` such rounds in a row are.
            if !hoods.isEmpty, sinceImprovement >= Self.patience * hoods.count, nodes < Self.stepNodes << (2 * deepenings), deadline.remaining > reserve {
                nodes *= 4
                sinceImprovement = 0
                log?("neighbourhood search: local optimum \(String(format: "%.2f", value)); steps of \(nodes) nodes from here")
            }
            guard !hoods.isEmpty, sinceImprovement < Self.patience * hoods.count else { break }
            lastRoundLength = hoods.count
            // The next neighbourhoods not yet solved from this incumbent with this budget: the
            // same small MIP from the same values under the same node budget gives the same
            // answer, so a round without improvement solves only what is new in it (the people
            // groups drawn afresh) and reaches the local optimum, or the deeper steps, sooner.
            // (Region 150/400 at 300 s spent about 100 s solving such repeats.) Only once a whole
            // round has gone by without improvement: before that, skipping a neighbourhood whose
            // decisions repeat another's in the same round only changes the search's path
            // (measured: team 100/600 at 60 s 5.8 → 8.0 h short).
            var batch: [Neighbourhood] = []
            var scanned = 0
            while batch.count < max(1, threads), scanned < hoods.count {
                let hood = hoods[(turn + scanned) % hoods.count]
                scanned += 1
                if sinceImprovement + scanned > hoods.count, unchanged[hood.decisions] == SolvedFrom(incumbent: version, nodes: nodes) { continue }
                batch.append(hood)
            }
            turn += scanned
            sinceImprovement += scanned
            guard !batch.isEmpty else { continue }
            steps += batch.count
            let solvedFrom = SolvedFrom(incumbent: version, nodes: nodes)
            let solveStarted = Date()
            let answers = solve(batch, around: incumbent, followers: followers, nodes: nodes)
            solveSeconds += Date().timeIntervalSince(solveStarted)
            for (hood, answer) in zip(batch, answers) {
                guard let (subproblem, values, status) = answer else {
                    log?("neighbourhood \(hood.name): no answer (\(hood.decisions.count) decisions)")
                    continue
                }
                // Onto the incumbent as it now stands: the first answer may already have moved it.
                let candidate = subproblem.expand(values, onto: incumbent)
                let candidateValue = week.model.objective.value(in: candidate)
                guard candidateValue < value - 1e-6, week.model.maximumViolation(of: candidate) < 1e-6 else {
                    unchanged[hood.decisions] = solvedFrom
                    log?("neighbourhood \(hood.name): no better (\(subproblem.model.variables.count) free, \(status), \(String(format: "%.1f", Date().timeIntervalSince(solveStarted))) s)")
                    continue
                }
                log?("neighbourhood \(hood.name): \(String(format: "%.2f", value)) → \(String(format: "%.2f", candidateValue)) (\(subproblem.model.variables.count) free, \(status))")
                incumbent = candidate
                value = candidateValue
                version += 1
                improvements += 1
                sinceImprovement = 0
            }
        }
        log?(String(format: "neighbourhood search: %.1f s in all, %.1f s in GLPK", Date().timeIntervalSince(started), solveSeconds))
        return Outcome(values: incumbent, objective: value, steps: steps, improvements: improvements)
    }

    /// Each neighbourhood's small MIP solved from the incumbent, side by side on their own threads.
    private func solve(_ batch: [Neighbourhood], around incumbent: [Double], followers: [Bool], nodes: Int) -> [(Subproblem, [Double], String)?] {
        // A step's budget is `stepNodes` of branch-and-cut; its time is only a guard, a tenth of
        // what is left (at least `stepSeconds`): GLPK finds its better rosters early and spends
        // the rest proving them, which the search does not need.
        let cap = deadline.capped(at: max(Self.stepSeconds, deadline.remaining / 10))
        let answers = ResultSlots<(Subproblem, [Double], String)?>(count: batch.count)
        // Only values cross to the threads: the model, the solver, the neighbourhoods.
        let (model, solver, shouldStop) = (week.model, solver, shouldStop)
        let decisions = batch.map(\.decisions)
        DispatchQueue.concurrentPerform(iterations: batch.count) { position in
            guard let subproblem = try? Subproblem(of: model, freeing: decisions[position], followers: followers, at: incumbent),
                  !subproblem.model.variables.isEmpty else { return }
            var options = SolveOptions(relativeGap: 1e-4, initialSolution: subproblem.start)
            options.shouldStop = shouldStop
            options.nodeLimit = nodes
            let outcome = AbandonableSolve.run(solver.forSmallSolves, model: subproblem.model, options: options, deadline: cap)
            guard let values = outcome.solution?.values, !values.isEmpty else { return }
            answers.store(position, (subproblem, values, outcome.solution?.status.rawValue ?? "-"))
        }
        return (0..<batch.count).map { answers.stored($0) ?? nil }
    }

    /// The neighbourhoods around the incumbent: locations, days and groups of people interleaved.
    func neighbourhoods(around values: [Double], round: Int = 0, groupScale: Int = 1) -> [Neighbourhood] {
        var byLocation: [LocationID: Set<Int>] = [:]
        var peopleAt: [LocationID: Set<StaffID>] = [:]
        var byDay: [Int: Set<Int>] = [:]
        // A location's sessions that start on a day (0 = Monday), for the windows below.
        var byLocationDay: [LocationID: [Int: Set<Int>]] = [:]
        for demand in week.demands {
            let location = demand.session.location
            let days = daysTouched(by: demand.session.interval)
            let startDay = ((demand.session.interval.start / 1440) % 7 + 7) % 7
            for (person, variable) in week.assignments[demand.id] ?? [] {
                byLocation[location, default: []].insert(variable.index)
                for day in days { byDay[day, default: []].insert(variable.index) }
                byLocationDay[location, default: [:]][startDay, default: []].insert(variable.index)
                if values[variable.index] > 0.5 { peopleAt[location, default: []].insert(person.id) }
            }
            for client in demand.optionalClients {
                guard let variable = week.attendanceVariable(client: client.id, session: demand.id) else { continue }
                byLocation[location, default: []].insert(variable.index)
                for day in days { byDay[day, default: []].insert(variable.index) }
                byLocationDay[location, default: [:]][startDay, default: []].insert(variable.index)
            }
        }
        for (location, people) in peopleAt {
            for person in people {
                for (_, variable) in week.sessionsByStaff[person] ?? [] { byLocation[location, default: []].insert(variable.index) }
            }
        }
        for options in week.taskAssignments {
            for (option, variable) in options { byDay[option.day.rawValue, default: []].insert(variable.index) }
        }
        var office = Set<Int>()
        for choices in week.responsible.values { for (_, variable) in choices { office.insert(variable.index) } }
        for days in week.appointmentDays.values { for (_, variable) in days { office.insert(variable.index) } }
        for seats in week.appointmentSeats.values { for seat in seats { office.insert(seat.variable.index) } }

        let locations = byLocation.keys.sorted().map { Neighbourhood(name: "location \($0)", decisions: byLocation[$0]!) }
        let days = byDay.keys.sorted().map { Neighbourhood(name: "day \(Weekday(rawValue: $0).map { "\($0)" } ?? "\($0)")", decisions: byDay[$0]!) }
        let groups = peopleGroups(round: round, around: values, scale: groupScale)
        // Three days of one location (every session starting on them, everyone who may work
        // them): between a day, whose rests and rotations tie it to its neighbours, and the whole
        // location, too large to search in a step. Windows start on even days one round, odd the next.
        var windows: [Neighbourhood] = []
        for location in byLocationDay.keys.sorted() {
            let days = byLocationDay[location]!
            guard days.count > 3 else { continue }
            for first in stride(from: round % 2, to: 7, by: 2) {
                let span = (first..<min(7, first + 3)).filter { days[$0] != nil }
                guard span.count > 1 else { continue }
                windows.append(Neighbourhood(name: "\(location) \(span.compactMap { Weekday(rawValue: $0).map { "\($0)" } }.joined(separator: "-"))",
                                             decisions: span.reduce(into: Set<Int>()) { $0.formUnion(days[$1]!) }))
            }
        }
        var hoods: [Neighbourhood] = []
        for index in 0..<max(locations.count, days.count, groups.count, windows.count) {
            if index < locations.count { hoods.append(locations[index]) }
            if index < days.count { hoods.append(days[index]) }
            if index < groups.count { hoods.append(groups[index]) }
            if index < windows.count { hoods.append(windows[index]) }
        }
        if !office.isEmpty { hoods.append(Neighbourhood(name: "responsibilities and appointments", decisions: office)) }
        return hoods.filter { !$0.decisions.isEmpty }
    }

    /// Six people who work now and two who do not (times `scale`), drawn by a fixed shuffle per
    /// round; each group frees the whole week of its people (sessions, visits, responsibilities).
    /// Every other round the groups are drawn per location (who works there now, and who is idle
    /// and may work there), so that the people freed together can take each other's shifts: in
    /// houses of their own, a group drawn from everyone holds two or three colleagues at most.
    private func peopleGroups(round: Int, around values: [Double], scale: Int) -> [Neighbourhood] {
        var decisions: [StaffID: Set<Int>] = [:]
        for (person, sessions) in week.sessionsByStaff { decisions[person] = Set(sessions.map(\.variable.index)) }
        for options in week.taskAssignments { for (option, variable) in options { decisions[option.staff, default: []].insert(variable.index) } }
        for choices in week.responsible.values { for (person, variable) in choices { decisions[person, default: []].insert(variable.index) } }
        let people = week.staff.map(\.id).filter { decisions[$0] != nil }.sorted()
        guard people.count > 1 else { return [] }
        let isWorking = { (person: StaffID) in decisions[person]!.contains { values[$0] > 0.5 } }
        let (busy, free) = (6 * scale, 2 * scale)
        func groups(of working: [StaffID], _ idle: [StaffID], named prefix: String) -> [Neighbourhood] {
            let count = max((working.count + busy - 1) / busy, 1)
            return (0..<count).compactMap { group in
                let members = Array(working.dropFirst(group * busy).prefix(busy)) + Array(idle.dropFirst(group * free).prefix(free))
                guard members.count > 1 else { return nil }
                return Neighbourhood(name: "\(prefix)people \(members[0])…", decisions: members.reduce(into: Set<Int>()) { $0.formUnion(decisions[$1] ?? []) })
            }
        }
        let locations = Set(week.demands.map(\.session.location))
        // Who may work where, and how many sessions each works where now (one pass for both kinds of group).
        var sessionsWorked: [StaffID: Int] = [:], locationsOf: [StaffID: Set<LocationID>] = [:], mayWorkAt: [LocationID: Set<StaffID>] = [:]
        for demand in week.demands {
            for (person, variable) in week.assignments[demand.id] ?? [] {
                mayWorkAt[demand.session.location, default: []].insert(person.id)
                if values[variable.index] > 0.5 {
                    sessionsWorked[person.id, default: 0] += 1
                    locationsOf[person.id, default: []].insert(demand.session.location)
                }
            }
        }
        // The people with the fewest sessions, with colleagues of their locations (drawn afresh
        // each round) and two who do not work: a part-timer's few shifts are the face the
        // objective most wants gone, and taking them over needs colleagues to re-arrange theirs
        // (a house of 30 where three people work 3, 3 and 2 shifts and the rest 4 each).
        // In a part of up to 60 people every round (homes 30/1: 101.1 → 99.7, CP-SAT's objective);
        // in larger parts only once a round has gone by without improvement, as their rounds are
        // long and the other neighbourhoods still improve (drawn every round it cost region
        // 1,000/2,500 1,858.9 → 1,867.8 and team 100/600 6.8 → 11 h short at 60 s).
        let weakest = people.count <= 60 || scale > 1
            ? weakestGroup(people: people, decisions: decisions, isWorking: isWorking, sessionsWorked: sessionsWorked, locationsOf: locationsOf,
                           mayWorkAt: mayWorkAt, round: round, scale: max(1, scale / 2)) : []
        guard round % 2 == 1, locations.count > 1 else {
            return weakest + groups(of: shuffled(people.filter(isWorking), round: round), shuffled(people.filter { !isWorking($0) }, round: round), named: "")
        }
        var workingAt: [LocationID: Set<StaffID>] = [:]
        for (person, places) in locationsOf { for place in places { workingAt[place, default: []].insert(person) } }
        return weakest + locations.sorted().flatMap { location in
            let working = (workingAt[location] ?? []).sorted()
            let idle = (mayWorkAt[location] ?? []).filter { !isWorking($0) }.sorted()
            return groups(of: shuffled(working, round: round), shuffled(idle, round: round), named: "\(location): ")
        }
    }

    /// Three people (times `scale`) who work the fewest sessions, five colleagues who work at
    /// their locations, and two idle people who may: their whole weeks.
    private func weakestGroup(people: [StaffID], decisions: [StaffID: Set<Int>], isWorking: (StaffID) -> Bool,
                              sessionsWorked: [StaffID: Int], locationsOf: [StaffID: Set<LocationID>], mayWorkAt: [LocationID: Set<StaffID>],
                              round: Int, scale: Int) -> [Neighbourhood] {
        let working = people.filter { (sessionsWorked[$0] ?? 0) > 0 }
        guard working.count > 3 * scale else { return [] }
        let weak = working.sorted { (sessionsWorked[$0]!, $0) < (sessionsWorked[$1]!, $1) }.prefix(3 * scale)
        let places = weak.reduce(into: Set<LocationID>()) { $0.formUnion(locationsOf[$1] ?? []) }
        let chosen = Set(weak)
        let colleagues = shuffled(working.filter { !chosen.contains($0) && !(locationsOf[$0] ?? []).isDisjoint(with: places) }, round: round).prefix(5 * scale)
        let idle = shuffled(places.reduce(into: Set<StaffID>()) { $0.formUnion(mayWorkAt[$1] ?? []) }.filter { !isWorking($0) }.sorted(), round: round).prefix(2 * scale)
        let members = Array(weak) + colleagues + idle
        return [Neighbourhood(name: "weakest people \(members[0])…", decisions: members.reduce(into: Set<Int>()) { $0.formUnion(decisions[$1] ?? []) })]
    }

    /// A fixed shuffle per round (Fisher–Yates with a linear congruential sequence).
    private func shuffled(_ people: [StaffID], round: Int) -> [StaffID] {
        var people = people
        var state = UInt64(truncatingIfNeeded: round) &* 0x9E37_79B9_7F4A_7C15 &+ 0x2545_F491_4F6C_DD1D
        for index in stride(from: people.count - 1, to: 0, by: -1) {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            people.swapAt(index, Int((state >> 33) % UInt64(index + 1)))
        }
        return people
    }

    /// The days (0 = Monday) an interval lies on; a night belongs to both.
    private func daysTouched(by interval: WeekInterval) -> [Int] {
        let first = interval.start / 1440, last = (interval.end - 1) / 1440
        return Array(first...max(first, last)).map { (($0 % 7) + 7) % 7 }
    }
}
