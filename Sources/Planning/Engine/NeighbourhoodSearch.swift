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
/// - the **responsibilities and appointments** of the week.
/// The search ends at a local optimum (a whole round without improvement) or at the deadline.
struct NeighbourhoodSearch<S: Solver> {
    let week: WeekModel
    let solver: S
    let deadline: Deadline
    var log: ((String) -> Void)? = nil
    var shouldStop: (@Sendable () -> Bool)? = nil

    /// The longest one neighbourhood's solve may take.
    static var stepSeconds: Double { 2 }

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

    func improve(from start: [Double]) -> Outcome {
        let followers = week.followerMask()
        var incumbent = start
        var value = week.model.objective.value(in: start)
        var steps = 0, improvements = 0, sinceImprovement = 0, turn = 0
        var solveSeconds = 0.0
        let started = Date()
        while !deadline.hasPassed, shouldStop?() != true {
            let hoods = neighbourhoods(around: incumbent)
            guard !hoods.isEmpty, sinceImprovement < hoods.count else { break }
            let hood = hoods[turn % hoods.count]
            turn += 1
            steps += 1
            sinceImprovement += 1
            guard let subproblem = try? Subproblem(of: week.model, freeing: hood.decisions, followers: followers, at: incumbent),
                  !subproblem.model.variables.isEmpty else { continue }
            // A step gets at most 2 s (less when little is left): GLPK finds its better rosters
            // early and spends the rest proving them, which the search does not need.
            let cap = deadline.capped(at: min(Self.stepSeconds, max(0.5, deadline.remaining / 8)))
            var options = SolveOptions(relativeGap: 1e-4, initialSolution: subproblem.start)
            options.shouldStop = shouldStop
            let solveStarted = Date()
            let outcome = AbandonableSolve.run(solver, model: subproblem.model, options: options, deadline: cap)
            solveSeconds += Date().timeIntervalSince(solveStarted)
            guard let values = outcome.solution?.values, !values.isEmpty else { continue }
            let candidate = subproblem.expand(values)
            let candidateValue = week.model.objective.value(in: candidate)
            guard candidateValue < value - 1e-6, week.model.maximumViolation(of: candidate) < 1e-6 else { continue }
            log?("neighbourhood \(hood.name): \(String(format: "%.2f", value)) → \(String(format: "%.2f", candidateValue)) (\(subproblem.model.variables.count) free, \(subproblem.model.constraints.count) rows, \(String(format: "%.2f", Date().timeIntervalSince(solveStarted))) s, \(outcome.solution?.status.rawValue ?? "-"))")
            incumbent = candidate
            value = candidateValue
            improvements += 1
            sinceImprovement = 0
        }
        log?(String(format: "neighbourhood search: %.1f s in all, %.1f s in GLPK", Date().timeIntervalSince(started), solveSeconds))
        return Outcome(values: incumbent, objective: value, steps: steps, improvements: improvements)
    }

    /// The neighbourhoods around the incumbent, locations and days interleaved.
    func neighbourhoods(around values: [Double]) -> [Neighbourhood] {
        var byLocation: [LocationID: Set<Int>] = [:]
        var peopleAt: [LocationID: Set<StaffID>] = [:]
        var byDay: [Int: Set<Int>] = [:]
        for demand in week.demands {
            let location = demand.session.location
            let days = daysTouched(by: demand.session.interval)
            for (person, variable) in week.assignments[demand.id] ?? [] {
                byLocation[location, default: []].insert(variable.index)
                for day in days { byDay[day, default: []].insert(variable.index) }
                if values[variable.index] > 0.5 { peopleAt[location, default: []].insert(person.id) }
            }
            for client in demand.optionalClients {
                guard let variable = week.attendanceVariable(client: client.id, session: demand.id) else { continue }
                byLocation[location, default: []].insert(variable.index)
                for day in days { byDay[day, default: []].insert(variable.index) }
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
        var hoods: [Neighbourhood] = []
        for index in 0..<max(locations.count, days.count) {
            if index < locations.count { hoods.append(locations[index]) }
            if index < days.count { hoods.append(days[index]) }
        }
        if !office.isEmpty { hoods.append(Neighbourhood(name: "responsibilities and appointments", decisions: office)) }
        return hoods.filter { !$0.decisions.isEmpty }
    }

    /// The days (0 = Monday) an interval lies on; a night belongs to both.
    private func daysTouched(by interval: WeekInterval) -> [Int] {
        let first = interval.start / 1440, last = (interval.end - 1) / 1440
        return Array(first...max(first, last)).map { (($0 % 7) + 7) % 7 }
    }
}
