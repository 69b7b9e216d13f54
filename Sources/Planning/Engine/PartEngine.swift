import CareDomain
import Foundation
import Optimization

/// Plans one independent part of the week as an anytime search under the run's deadline.
///
/// 1. **Construct** a complete roster greedily through the oracle (group sessions, then client
///    work around them), maximal by construction.
/// 2. Where the part's MIP is small enough to build and solve, give GLPK that roster as its first
///    incumbent (`glp_ios_heur_sol`, after completing the model's other variables with the roster
///    held fixed) and let branch-and-cut improve it until the deadline; a solve that overruns is
///    abandoned with its best incumbent.
/// 3. **Polish** GLPK's roster until maximal, and keep whichever of the two scores better on the
///    model's own objective. The bound is GLPK's (at least its LP relaxation), else the demand
///    that no one could meet at all.
struct PartEngine<S: Solver> {
    let solver: S
    let scenario: Scenario
    let part: IndependentParts.Part
    /// The part's client work with only the nearest candidates offered: what the MIP sees.
    let modelWork: AmbulatoryDemand
    let options: PlanningOptions
    let deadline: Deadline
    /// Optional: a roster to start from (the hire analysis starts from the base roster).
    var seed: Roster? = nil

    /// Above this many person-session pairs and client-work options the MIP is not built: its
    /// LP alone would not finish in time on two cores, so the greedy roster stands.
    static var largestModel: Int { 60_000 }

    struct Candidate {
        var assignments: [RosterAssignment]
        var uncovered: [UncoveredDemand]
        var responsibilities: [Responsibility]
        var groupWeek: GroupWeek
        var score: Double
    }

    var partWork: AmbulatoryDemand {
        AmbulatoryDemand(tasks: part.tasks, responsibilities: part.responsibilities, appointments: part.appointments)
    }

    func run() throws -> PartResult {
        let started = Date()
        let staffing = GroupStaffing(scenario: scenario, demands: part.demands, staff: part.staff)
        let unbuilt = WeekModel(scenario: scenario, demands: part.demands, staff: part.staff, weights: options.weights, name: part.name)
        let greedy = construct(staffing: staffing, model: unbuilt)
        log("construction: score \(rounded(greedy.score)), \(greedy.uncovered.count) uncovered rows, \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
        var best = greedy
        var status = TerminationStatus.feasible
        var bound: Double? = nil
        var boundSource = "demand no one could meet"
        var variables = 0, constraints = 0
        var warmStart: String? = nil

        let size = estimatedSize(staffing)
        // A seeded plan (the hire analysis) keeps its seed and only fills around it: no new MIP.
        if seed == nil, size <= Self.largestModel, deadline.remaining > 0.5, options.shouldStop?() != true {
            let model = WeekModel(scenario: scenario, demands: part.demands, staff: part.staff, tasks: modelWork.tasks,
                                  responsibilities: modelWork.responsibilities, appointments: modelWork.appointments,
                                  weights: options.weights, name: part.name)
            try model.build()
            variables = model.model.variables.count
            constraints = model.model.constraints.count
            let start = WarmStart.values(for: greedy, in: model, solver: solver, deadline: deadline.capped(at: max(1, deadline.remaining * 0.15)))
            warmStart = start == nil ? "not used (the greedy roster could not be completed in the model)" : nil
            var solveOptions = SolveOptions(relativeGap: options.relativeGap, initialSolution: start,
                                            log: options.log.map { log in { @Sendable line in log("[\(part.name)] \(line)") } },
                                            progress: options.progress, shouldStop: options.shouldStop)
            solveOptions.timeLimitSeconds = deadline.remaining
            let outcome = AbandonableSolve.run(solver, model: model.model, options: solveOptions, deadline: deadline)
            if let error = outcome.error { throw error }
            if let solution = outcome.solution {
                if start != nil { warmStart = solution.warmStartAccepted == true ? "accepted" : (outcome.abandoned ? "offered" : "rejected") }
                if outcome.abandoned { log("GLPK did not return by the deadline; its best roster so far is used") }
                if !solution.values.isEmpty {
                    let decoded = GroupRosterDecoder(model: model, values: solution.values).decode()
                    let improved = complete(decoded, staffing: staffing, model: model, values: solution.values)
                    log("branch-and-cut: score \(rounded(improved.score)) against the construction's \(rounded(greedy.score))")
                    if improved.score < best.score - 1e-6 { best = improved }
                }
                if let found = solution.bestBound, found.isFinite {
                    bound = found
                    boundSource = solution.status == .optimal ? "branch-and-cut (proven)" : "branch-and-cut (LP relaxation and cuts)"
                }
                if solution.status == .optimal, !outcome.abandoned { status = .optimal }
                if solution.status == .stopped, options.shouldStop?() == true { status = .stopped }
            } else if outcome.abandoned {
                log("GLPK did not return by the deadline and had no roster; the construction's stands")
            }
        } else if size > Self.largestModel {
            log("model not built: \(size) person-session pairs and client-work options (above \(Self.largestModel)); the construction stands")
        }
        let lower = bound ?? forcedShortfallBound(staffing)
        if options.shouldStop?() == true { status = .stopped }
        // Optimal only when the written roster is proven within the gap.
        if status == .optimal, abs(best.score - lower) / max(1, abs(best.score)) > max(options.relativeGap, 1e-6) { status = .feasible }
        if status != .stopped, abs(best.score - lower) <= max(options.relativeGap, 1e-6) * max(1, abs(best.score)) { status = .optimal }
        let report = PartReport(name: part.name, variables: variables, constraints: constraints, status: status,
                                seconds: Date().timeIntervalSince(started))
        return PartResult(assignments: best.assignments, uncovered: best.uncovered, responsibilities: best.responsibilities,
                          report: report, objective: best.score, bound: min(lower, best.score), boundSource: boundSource,
                          warmStart: warmStart)
    }

    // MARK: construction and completion

    /// The greedy roster: group sessions first (their times are fixed), client work around them.
    private func construct(staffing: GroupStaffing, model: WeekModel) -> Candidate {
        var week = GroupWeek(scenario: scenario, demands: part.demands)
        if let seed { week = GroupWeek.seeded(from: seed, scenario: scenario, demands: part.demands, staff: part.staff) }
        let plans = makePlans(week)
        if seed == nil { staffing.construct(&week, plans: plans) }
        staffing.fill(&week, plans: plans)
        return finish(week, plans: plans, staffing: staffing, model: model, values: [])
    }

    /// A MIP solution made into a roster: its group side polished until maximal, then client work.
    private func complete(_ decoded: GroupWeek, staffing: GroupStaffing, model: WeekModel, values: [Double]) -> Candidate {
        var week = decoded
        let plans = makePlans(week)
        staffing.fill(&week, plans: plans)
        return finish(week, plans: plans, staffing: staffing, model: model, values: values)
    }

    private func finish(_ week: GroupWeek, plans: [StaffID: PersonPlan], staffing: GroupStaffing, model: WeekModel, values: [Double]) -> Candidate {
        let client = ClientWorkScheduler(model: model, values: values, plans: plans, work: partWork, seed: seed).schedule()
        let groupRows = ShortfallExplainer(week: week, staffing: staffing, plans: plans).uncovered()
        let assignments = week.assignments() + client.assignments
        let uncovered = groupRows + client.uncovered
        return Candidate(assignments: assignments, uncovered: uncovered, responsibilities: client.responsibilities, groupWeek: week,
                         score: RosterScore(scenario: scenario, weights: options.weights, staff: part.staff, work: partWork)
                            .objective(assignments: assignments, uncovered: uncovered, responsibilities: client.responsibilities))
    }

    private func makePlans(_ week: GroupWeek) -> [StaffID: PersonPlan] {
        var plans: [StaffID: PersonPlan] = [:]
        for person in part.staff { plans[person.id] = PersonPlan(staff: person, scenario: scenario, fixed: []) }
        for (index, people) in week.workers.enumerated() {
            for person in people { plans[person.id]?.addFixed(week.timedWork(index), location: week.demands[index].session.location) }
        }
        return plans
    }

    // MARK: size and bound

    private func estimatedSize(_ staffing: GroupStaffing) -> Int {
        staffing.eligible.reduce(0) { $0 + $1.count } + modelWork.tasks.reduce(0) { $0 + $1.options.count }
            + modelWork.appointments.reduce(0) { $0 + $1.roleCandidates.reduce(0) { $0 + $1.count } * $1.days.count }
    }

    /// A lower bound without a solver: demand that nobody could meet at all, priced as the model
    /// prices it (every other term of the objective is a non-negative penalty).
    private func forcedShortfallBound(_ staffing: GroupStaffing) -> Double {
        var total = 0.0
        let care = options.weights.uncoveredCarePerHour
        for (index, demand) in part.demands.enumerated() {
            let present = demand.fixedClients
            guard !present.isEmpty || demand.session.minStaff > 0 else { continue }
            let level = demand.countedLevel(present: present, products: scenario.products)
            let required = present.isEmpty ? demand.session.minStaff : demand.requiredProfessionals(present: present, products: scenario.products)
            let able = staffing.eligible[index].filter { $0.isProfessional(atLeast: level) }.count
            total += Double(max(0, required - able)) * demand.hours * care
            let ids = Set(present.map(\.id))
            for (lead, clients) in demand.leads where clients.contains(where: { ids.contains($0.id) }) {
                if !staffing.eligible[index].contains(where: { $0.isProfessional(atLeast: lead) }) { total += demand.hours * care }
            }
            for (skill, clients) in demand.skills where clients.contains(where: { ids.contains($0.id) }) {
                if !staffing.eligible[index].contains(where: { $0.isProfessional(atLeast: level) && $0.skills.contains(skill) }) {
                    total += demand.hours * care
                }
            }
        }
        for task in part.tasks {
            let days = Set(task.options.map(\.day)).count
            total += Double(max(0, task.count - days * task.maxPerDay)) * task.hours * care
        }
        return total
    }

    private func log(_ line: String) { options.log?("[\(part.name)] \(line)") }
    private func rounded(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// One part's answer.
struct PartResult: Sendable {
    let assignments: [RosterAssignment]
    let uncovered: [UncoveredDemand]
    let responsibilities: [Responsibility]
    let report: PartReport
    let objective: Double?
    let bound: Double?
    let boundSource: String
    let warmStart: String?
}
