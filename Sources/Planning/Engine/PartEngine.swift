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
    /// The part's deadline; moved to `whenNothingShort` once the first roster covers everything.
    var deadline: Deadline { clock.deadline }
    private let clock: DeadlineClock
    /// Optional: a roster to start from (the hire analysis starts from the base roster).
    var seed: Roster? = nil
    /// Assignments to keep whatever else changes (see `PlanningOptions.pinned`).
    var pins: Roster? = nil
    /// Neighbourhoods solved side by side (the cores this part may use).
    var searchThreads = 1
    /// A later deadline the part may run to when its first roster leaves nothing uncovered: no
    /// hire analysis will follow it (the search never makes the roster worse).
    var whenNothingShort: Deadline? = nil

    init(solver: S, scenario: Scenario, part: IndependentParts.Part, modelWork: AmbulatoryDemand, options: PlanningOptions, deadline: Deadline) {
        self.solver = solver
        self.scenario = scenario
        self.part = part
        self.modelWork = modelWork
        self.options = options
        self.clock = DeadlineClock(deadline)
    }

    /// Above this many person-session pairs and client-work options the MIP is not built: its
    /// LP alone would not finish in time on two cores, so the greedy roster stands.
    static var largestModel: Int { 60_000 }
    /// How often a restricted model is built again around the search's roster.
    static var restrictedPasses: Int { 12 }

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
        let staffing = GroupStaffing(scenario: scenario, demands: part.demands, staff: part.staff, weights: options.weights)
        let unbuilt = WeekModel(scenario: scenario, demands: part.demands, staff: part.staff, weights: options.weights, name: part.name)
        // The bound on the other core while the greedy builds (at 2,000 staff each takes a second
        // or more, and a short limit has no second to spare).
        let bounding = WeekLowerBound(scenario: scenario, weights: options.weights, demands: part.demands,
                                      eligible: staffing.eligible, staff: part.staff, work: partWork)
        let boundSlot = ResultSlots<WeekLowerBound.Terms>(count: 1)
        let boundDone = DispatchGroup()
        DispatchQueue.global().async(group: boundDone) { boundSlot.store(0, bounding.terms()) }
        let greedy = construct(staffing: staffing, model: unbuilt)
        let constructionSeconds = Date().timeIntervalSince(started)
        boundDone.wait()
        log("construction: score \(rounded(greedy.score)), \(greedy.uncovered.count) uncovered rows, \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
        var best = greedy
        // The first improvement, before any MIP: each location's team built anew (`rebuildLocations`,
        // inside the polish) where fewer faces can staff it.
        if seed == nil, self.deadline.remaining > 1, options.shouldStop?() != true {
            let rebuilt = complete(greedy.groupWeek, staffing: staffing, model: unbuilt, values: [])
            log("polished construction: score \(rounded(rebuilt.score)), \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
            if rebuilt.score < best.score - 1e-6 { best = rebuilt }
        }
        if best.uncovered.isEmpty, let later = whenNothingShort {
            clock.deadline = later
            log("nothing short: the search may use the hire analysis's share of the time")
        }
        // Turning a MIP answer into a roster (polish, client work, reasons) costs up to what the
        // construction did: the search leaves that much of the deadline for it, at most a tenth.
        let finishing = min(Date().timeIntervalSince(started), self.deadline.remaining * 0.1)
        let deadline = self.deadline.capped(at: max(0, self.deadline.remaining - finishing))
        var status = TerminationStatus.feasible
        var bound: Double? = nil
        let terms = boundSlot.stored(0)!
        let combinatorial = terms.total
        log("lower bound \(rounded(combinatorial)): demand no one could meet \(rounded(terms.forcedShortfall)), cost \(rounded(terms.cost)), faces \(rounded(terms.faces)), above contract \(rounded(terms.aboveContract))")
        var boundSource = "per-session cost, faces and demand no one could meet"
        let tell = { (score: Double, bound: Double) in
            options.progress?(SolveProgress(incumbent: score, bound: bound, elapsedSeconds: Date().timeIntervalSince(started)))
        }
        tell(best.score, combinatorial)
        var variables = 0, constraints = 0
        var warmStart: String? = nil

        let size = estimatedSize(staffing)
        let restricted = size > Self.largestModel
        // A seeded plan (the hire analysis) keeps its seed and only fills around it: no new MIP.
        // Building a model and its warm start takes a while at size; with under a second left the
        // construction stands.
        if seed == nil, deadline.remaining > 1, options.shouldStop?() != true {
            // A restricted model offers people around one roster; once the search has moved the
            // roster, the model is built again around the new one (new people come into reach),
            // as long as a pass still improves and time is left.
            var around = best
            var model: WeekModel! = nil
            var incumbent: [Double]? = nil
            var built = true
            // A restricted pass searches at its cheapest steps only: the next pass, around the
            // roster it reached and polished (locations staffed anew), gains more than deeper
            // steps would (measured on region 1,000/2,500 at 300 s: 1,849.5 with deeper steps in
            // one pass, 1,848.3 in three passes without). A pass that finds nothing is searched
            // again one step deeper (four times the nodes, twice at most) before the passes end.
            var depth = 0
            let reachable = restricted ? reachableHours(staffing) : [:]
            for pass in 1...(restricted ? Self.restrictedPasses : 1) {
                let offeredWork = withConstructionsChoices(around)
                model = WeekModel(scenario: scenario, demands: part.demands, staff: part.staff, tasks: offeredWork.tasks,
                                  responsibilities: offeredWork.responsibilities, appointments: offeredWork.appointments,
                                  weights: options.weights, name: part.name)
                model.hoursAllowance = hoursAllowance(of: around)
                if restricted {
                    model.offered = offered(around: around.groupWeek, staffing: staffing, reachable: reachable)
                    log("pass \(pass): model restricted to \(model.offered!.values.reduce(0) { $0 + $1.count }) person-session pairs (of \(size)): the search improves within it, the bound is computed apart")
                }
                let buildStarted = Date()
                // The build may take at most half of what is left: a model too large to be ready
                // and searched in time is abandoned, and the best roster so far stands.
                model.buildDeadline = deadline.capped(at: deadline.remaining / 2)
                do {
                    try model.build()
                } catch is WeekModel.BuildAbandoned {
                    log("pass \(pass): model not built within half the time left (\(String(format: "%.2f", Date().timeIntervalSince(buildStarted))) s); the roster so far stands")
                    if pass == 1 { warmStart = "not used (the model was too large to build in time)" }
                    incumbent = nil
                    built = false
                    break
                }
                pin(model)
                variables = model.model.variables.count
                constraints = model.model.constraints.count
                log("pass \(pass): model of \(variables) variables and \(constraints) rows built in \(String(format: "%.2f", Date().timeIntervalSince(buildStarted))) s")
                let warmStarted = Date()
                let start = WarmStart.values(for: around, in: model, solver: solver, deadline: deadline.capped(at: max(1, deadline.remaining * 0.15)))
                log("pass \(pass): warm start \(start == nil ? "not found" : "completed") in \(String(format: "%.2f", Date().timeIntervalSince(warmStarted))) s")
                // The model's objective of the roster (its followers completed by GLPK) against the
                // engine's score of it: the two must agree (`HoursAndMoneyTests.scoreEqualsModel`).
                if let start, !restricted {
                    log("pass \(pass): objective check: model \(String(format: "%.6f", model.model.objective.value(in: start))) score \(String(format: "%.6f", around.score))")
                }
                if pass == 1 { warmStart = start == nil ? "not used (the greedy roster could not be completed in the model)" : nil }
                incumbent = start
                guard let start else { break }
                // The search runs to its local optimum (or the deadline); branch-and-cut on the full
                // model gets what is left, to improve further and to bound.
                var search = NeighbourhoodSearch(week: model, solver: solver, deadline: deadline,
                                                 log: options.log.map { log in { line in log("[\(part.name)] \(line)") } },
                                                 shouldStop: options.shouldStop)
                search.threads = searchThreads
                if restricted { search.depth = depth; search.deepenings = depth }
                let outcome = search.improve(from: start)
                log("neighbourhood search: \(outcome.improvements) improvements in \(outcome.steps) steps, model objective \(rounded(model.model.objective.value(in: start))) → \(rounded(outcome.objective))")
                var better = false
                if outcome.improvements > 0 {
                    incumbent = outcome.values
                    let improved = complete(GroupRosterDecoder(model: model, values: outcome.values).decode(), staffing: staffing, model: model, values: outcome.values)
                    log("neighbourhood search: score \(rounded(improved.score)) against \(rounded(best.score))")
                    tell(min(best.score, improved.score), combinatorial)
                    if improved.score < best.score - 1e-6 {
                        best = improved
                        around = improved
                        better = true
                    }
                }
                if deadline.remaining < 1 || options.shouldStop?() == true { break }
                if better { depth = 0; continue }
                guard restricted, depth < 2 else { break }
                depth += 1
            }
            if built, !restricted, deadline.remaining > 0.5, options.shouldStop?() != true {
                let partName = part.name
                var solveOptions = SolveOptions(relativeGap: options.relativeGap, initialSolution: incumbent,
                                                log: options.log.map { log in { @Sendable line in log("[\(partName)] \(line)") } },
                                                progress: options.progress.map { outer in { @Sendable progress in
                                                    // GLPK's bound, or the combinatorial one where that is higher.
                                                    outer(SolveProgress(incumbent: progress.incumbent, bound: max(progress.bound ?? combinatorial, combinatorial),
                                                                        elapsedSeconds: Date().timeIntervalSince(started)))
                                                } },
                                                shouldStop: options.shouldStop)
                solveOptions.timeLimitSeconds = deadline.remaining
                let outcome = AbandonableSolve.run(solver, model: model.model, options: solveOptions, deadline: deadline)
                // A failing solve costs only its improvement: the constructed roster stands.
                if let error = outcome.error { log("GLPK failed (\(error)); the best roster so far stands") }
                if let solution = outcome.solution {
                    if incumbent != nil { warmStart = solution.warmStartAccepted == true ? "accepted" : (outcome.abandoned ? "offered" : "rejected") }
                    if outcome.abandoned { log("GLPK did not return by the deadline; its best roster so far is used") }
                    if !solution.values.isEmpty {
                        let decoded = GroupRosterDecoder(model: model, values: solution.values).decode()
                        let improved = complete(decoded, staffing: staffing, model: model, values: solution.values)
                        log("branch-and-cut: score \(rounded(improved.score)) against \(rounded(best.score))")
                        if improved.score < best.score - 1e-6 { best = improved }
                    }
                    if let found = solution.bestBound, found.isFinite, found > combinatorial {
                        bound = found
                        boundSource = solution.status == .optimal ? "branch-and-cut (proven)" : "branch-and-cut (LP relaxation and cuts)"
                    }
                    if solution.status == .optimal, !outcome.abandoned { status = .optimal }
                    if solution.status == .stopped, options.shouldStop?() == true { status = .stopped }
                } else if outcome.abandoned {
                    log("GLPK did not return by the deadline and had no roster; the best so far stands")
                }
            } else if incumbent != nil, warmStart == nil {
                warmStart = "used by the neighbourhood search"
            }
        }
        let lower = max(bound ?? combinatorial, combinatorial)
        if options.shouldStop?() == true { status = .stopped }
        // Optimal only when the written roster is proven within the gap.
        if status == .optimal, abs(best.score - lower) / max(1, abs(best.score)) > max(options.relativeGap, 1e-6) { status = .feasible }
        if status != .stopped, abs(best.score - lower) <= max(options.relativeGap, 1e-6) * max(1, abs(best.score)) { status = .optimal }
        var report = PartReport(name: part.name, variables: variables, constraints: constraints, status: status,
                                seconds: Date().timeIntervalSince(started))
        report.constructionSeconds = constructionSeconds
        return PartResult(assignments: best.assignments, uncovered: best.uncovered, responsibilities: best.responsibilities,
                          report: report, objective: best.score, bound: min(lower, best.score), boundSource: boundSource,
                          warmStart: warmStart)
    }

    // MARK: construction and completion

    /// The greedy roster: group sessions first (their times are fixed), client work around them.
    private func construct(staffing: GroupStaffing, model: WeekModel) -> Candidate {
        var week = GroupWeek(scenario: scenario, demands: part.demands)
        if let start = seed ?? pins { week = GroupWeek.seeded(from: start, scenario: scenario, demands: part.demands, staff: part.staff) }
        let plans = makePlans(week)
        holding(heldClientWork(), in: plans) {
            if seed == nil { staffing.construct(&week, plans: plans) }
            staffing.fill(&week, plans: plans)
        }
        // The greedy picks one person per place; handing a part-timer's sessions to colleagues and
        // merging two part-timers into one idle person see the location's whole week. (The search
        // polishes its rosters the same way, in `complete`.) On the day-care regions this takes
        // a tenth off the greedy's score (2,183 → 1,936 at 1,000 staff).
        if seed == nil {
            let held = heldClientWork()
            fewerFaces(&week, staffing: staffing, pinned: pinnedWork(), held: held, stage: "construction", rebuilding: false)
            let again = makePlans(week)
            holding(held, in: again) { staffing.fill(&week, plans: again) }
            return finish(week, plans: again, staffing: staffing, model: model, values: [])
        }
        return finish(week, plans: plans, staffing: staffing, model: model, values: [])
    }

    /// Fewer faces: part-timers' sessions handed to colleagues at the location, then pairs of
    /// part-timers merged into one idle person (never someone holding kept client work), and the
    /// hand-over again, since a merge leaves room it can use; then, when `rebuilding`, each
    /// location with more faces than its busiest session staffed anew (`rebuildLocations`; not
    /// in the construction, whose greedy stays a quick first roster). Each pass gets 5% of what is left.
    private func fewerFaces(_ week: inout GroupWeek, staffing: GroupStaffing, pinned: Set<String>,
                            held: [(staff: StaffID, work: TimedWork)], stage: String, rebuilding: Bool = true) {
        let share = { deadline.capped(at: max(0.5, deadline.remaining * 0.05)) }
        let busy = Set(held.map(\.staff))
        staffing.consolidate(&week, keeping: pinned, deadline: share())
        let merging = staffing.merge(&week, keeping: pinned, busy: busy, deadline: share())
        if merging > 0 {
            log("\(stage): \(merging) pairs of part-time faces merged into idle people")
            staffing.consolidate(&week, keeping: pinned, deadline: share())
        }
        let chained = staffing.coverByChains(&week, keeping: pinned, busy: busy, deadline: share())
        if chained > 0 { log("\(stage): \(chained) needs met by a chain (someone leaves a session to a free person and takes the uncovered one)") }
        guard rebuilding else { return }
        let rebuildStarted = Date()
        let rebuilt = staffing.rebuildLocations(&week, plansFor: { trial in
            let plans = makePlans(trial)
            for item in held { plans[item.staff]?.addFixed(item.work) }
            return plans
        }, keeping: pinned, busy: busy, deadline: share())
        if rebuilt > 0 { log("\(stage): \(rebuilt) locations staffed anew with fewer faces (\(rounded(Date().timeIntervalSince(rebuildStarted))) s)") }
        let substituted = staffing.substitute(&week, keeping: pinned, busy: busy, deadline: share())
        if substituted > 0 { log("\(stage): \(substituted) weeks handed to cheaper idle people") }
        let exchanged = staffing.exchange(&week, keeping: pinned, busy: busy, deadline: share())
        if exchanged > 0 { log("\(stage): \(exchanged) pairs exchanged their weeks, the fuller to the cheaper") }
    }

    /// A MIP solution made into a roster: its group side polished until maximal, then client work.
    private func complete(_ decoded: GroupWeek, staffing: GroupStaffing, model: WeekModel, values: [Double]) -> Candidate {
        var week = decoded
        let held = heldClientWork()
        staffing.repair(&week, holding: Dictionary(grouping: held, by: \.staff).mapValues { $0.map(\.work) })
        let pinned = pinnedWork()
        staffing.trim(&week, keeping: pinned)
        fewerFaces(&week, staffing: staffing, pinned: pinned, held: held, stage: "polish")
        let plans = makePlans(week)
        holding(held, in: plans) { staffing.fill(&week, plans: plans) }
        return finish(week, plans: plans, staffing: staffing, model: model, values: values)
    }

    private func finish(_ week: GroupWeek, plans: [StaffID: PersonPlan], staffing: GroupStaffing, model: WeekModel, values: [Double]) -> Candidate {
        let client = ClientWorkScheduler(model: model, values: values, plans: plans, work: partWork, seed: seed ?? pins).schedule()
        // Client work can open room for group work: a run of days off (`min_consecutive_days_off`)
        // is the one rule where more work may allow more (an appointment on the lone free day
        // between two working days lets the day before it be worked too). The group side is
        // offered once more with the client work in the plans, so the roster stays maximal.
        var week = week
        staffing.fill(&week, plans: plans)
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

    /// Runs `body` (group staffing) with `held`, the kept client work of the seed or pins (visits,
    /// evaluations, appointments, which the scheduler places as they are afterwards) in the
    /// people's plans, so the group side never gives someone a session at a time they keep for a
    /// client (a re-plan had put s05 in a session over their pinned evaluation).
    private func holding(_ held: [(staff: StaffID, work: TimedWork)], in plans: [StaffID: PersonPlan], _ body: () -> Void) {
        for item in held { plans[item.staff]?.addFixed(item.work) }
        body()
        for item in held { plans[item.staff]?.removeFixed(item.work) }
    }

    /// The seed's or pins' client work (visits, evaluations, appointments) as the oracle sees it.
    private func heldClientWork() -> [(staff: StaffID, work: TimedWork)] {
        let kept = (seed ?? pins)?.assignments.filter { [.visit, .evaluation, .appointment].contains($0.activity) } ?? []
        return kept.map { (staff: $0.staff, work: TimedWork(kept: $0, in: scenario)) }
    }

    /// The pinned group assignments as "person session" keys (what `GroupStaffing.trim` keeps).
    private func pinnedWork() -> Set<String> {
        guard let pins else { return [] }
        let week = GroupWeek.seeded(from: pins, scenario: scenario, demands: part.demands, staff: part.staff)
        return Set(part.demands.indices.flatMap { index in week.workers[index].map { "\($0.id) \(part.demands[index].id)" } })
    }

    /// Pinned group assignments held at 1 in the model, so neither the search nor branch-and-cut
    /// moves them (pinned client work is kept by the scheduler, which places it first).
    private func pin(_ model: WeekModel) {
        guard let pins else { return }
        let week = GroupWeek.seeded(from: pins, scenario: scenario, demands: part.demands, staff: part.staff)
        for (index, demand) in part.demands.enumerated() {
            let pinned = Set(week.workers[index].map(\.id))
            guard !pinned.isEmpty else { continue }
            for (person, variable) in model.assignments[demand.id] ?? [] where pinned.contains(person.id) {
                model.model.fix(variable, at: 1)
            }
        }
        // `attends_any` clients stay where the pinned rows have them (a re-plan keeps their
        // sessions: they and their transport were told), unless no pinned row holds the session.
        var kept: [ClientID: Set<GroupSessionID>] = [:]
        for (index, demand) in part.demands.enumerated() where !week.workers[index].isEmpty {
            for client in week.placed[index] { kept[client, default: []].insert(demand.id) }
        }
        for (client, sessions) in kept {
            for choice in model.attendance[client] ?? [] {
                if sessions.contains(choice.session) { model.model.fix(choice.variable, at: 1) }
            }
        }
    }

    /// The model's client work with, besides the nearest candidates, whoever the construction
    /// chose for each visit, evaluation and responsibility: so the construction is a solution of
    /// the model (its warm start), not a roster the model calls short.
    private func withConstructionsChoices(_ greedy: Candidate) -> AmbulatoryDemand {
        let full = Dictionary(partWork.tasks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var chosen: [String: Set<StaffID>] = [:]
        for row in greedy.assignments where row.activity == .visit || row.activity == .evaluation {
            guard let client = row.clients.first else { continue }
            chosen["\(row.activity == .visit ? "visit" : "evaluation")[\(client)]", default: []].insert(row.staff)
        }
        let tasks = modelWork.tasks.map { task -> ClientTask in
            guard let people = chosen[task.id], let all = full[task.id] else { return task }
            let offered = Set(task.options.map { "\($0.staff) \($0.day)" })
            let added = all.options.filter { people.contains($0.staff) && !offered.contains("\($0.staff) \($0.day)") }
            guard !added.isEmpty else { return task }
            return ClientTask(kind: task.kind, client: task.client, product: task.product, count: task.count, minutes: task.minutes,
                              maxPerDay: task.maxPerDay, area: task.area, location: task.location, windows: task.windows,
                              maxDistinctStaff: task.maxDistinctStaff, preferredStaff: task.preferredStaff, options: task.options + added)
        }
        let responsible = Dictionary(greedy.responsibilities.map { ($0.client, $0.staff) }, uniquingKeysWith: { first, _ in first })
        let responsibilities = modelWork.responsibilities.map { demand -> ResponsibilityDemand in
            guard let person = responsible[demand.client], !demand.candidates.contains(person) else { return demand }
            return ResponsibilityDemand(client: demand.client, level: demand.level, coordinationMinutes: demand.coordinationMinutes,
                                        candidates: demand.candidates + [person], isFixed: demand.isFixed)
        }
        return AmbulatoryDemand(tasks: tasks, responsibilities: responsibilities, appointments: modelWork.appointments)
    }

    /// Per person, how far the model's hours row counts `candidate` above the limit (the model
    /// takes a session's break as if it stood alone and client work in full; a shift that joins
    /// them may need a longer break, so a candidate the oracle keeps within the limit may count
    /// above it): what the row must allow so the candidate is a solution of the model.
    private func hoursAllowance(of candidate: Candidate) -> [StaffID: Double] {
        let rules = scenario.labourRules
        let counted = RosterScore.modelMinutes(candidate.assignments, responsibilities: candidate.responsibilities, in: scenario)
        let countedInFull = rules.sleepHoursFactor < 1
            ? RosterScore.modelMinutes(candidate.assignments, responsibilities: candidate.responsibilities, in: scenario, forLimits: true) : counted
        // Only what the candidate needs above the limit: any more would be room the model could
        // give to other work that the true limit does not have.
        var allowance: [StaffID: Double] = [:]
        for person in part.staff {
            let actLimit = Double(WeeklyHoursRule.actLimitMinutes(of: person, in: scenario)) / 60
            let over = max(Double(counted[person.id] ?? 0) / 60 - min(person.maxHours, actLimit),
                           Double(countedInFull[person.id] ?? 0) / 60 - actLimit)
            if over > 1e-9 { allowance[person.id] = over }
        }
        return allowance
    }

    // MARK: size and bound

    private func estimatedSize(_ staffing: GroupStaffing) -> Int {
        staffing.eligible.reduce(0) { $0 + $1.count } + modelWork.tasks.reduce(0) { $0 + $1.options.count }
            + modelWork.appointments.reduce(0) { $0 + $1.roleCandidates.reduce(0) { $0 + $1.count } * $1.days.count }
    }

    /// Per session, the people the restricted model offers: who works it in the construction,
    /// who already works at the location, and the eligible people with the most contract hours
    /// left and the lowest cost, enough for three rosters of the session and at least 32 people
    /// where the model's size allows (measured on region 1,000/2,500 at 60 s: 16 people 1,863.4,
    /// 32 people 1,858.9, 64 people 1,876.8, its steps too slow).
    /// `reachable`: per person, the hours of the distinct session times they may work at all
    /// (`reachableHours`, the same for every pass).
    private func offered(around week: GroupWeek, staffing: GroupStaffing, reachable: [StaffID: Double]) -> [GroupSessionID: Set<StaffID>] {
        var hours: [StaffID: Double] = [:]
        var atLocation: [LocationID: Set<StaffID>] = [:]
        for (index, people) in week.workers.enumerated() {
            for person in people {
                hours[person.id, default: 0] += week.demands[index].hours
                atLocation[week.demands[index].session.location, default: []].insert(person.id)
            }
        }
        let sessions = max(1, part.demands.count)
        let perSession = max(4, min(32, Self.largestModel / 2 / sessions))
        // The ranking does not depend on the session: made once, then walked per session until
        // enough eligible people are found (at 2,000 staff a sort per session took 10 s).
        // Room is what a person can still give: contract hours left, but never more than the
        // hours of the distinct session times they may work at all (a 36-hour contract on three
        // days gives less than a 28-hour one on five, and a team of few faces needs the latter).
        let room = { (person: Staff) in min(person.contractHours, reachable[person.id] ?? 0) - (hours[person.id] ?? 0) }
        let ranked = part.staff.map { person in (key: (-room(person), person.hourlyCost ?? 0), id: person.id) }
            .sorted { ($0.key.0, $0.key.1, $0.id) < ($1.key.0, $1.key.1, $1.id) }.map(\.id)
        var offered: [GroupSessionID: Set<StaffID>] = [:]
        for (index, demand) in part.demands.enumerated() {
            var people = Set(week.workers[index].map(\.id))
            for person in (atLocation[demand.session.location] ?? []).sorted() where staffing.isEligible(person, for: index) { people.insert(person) }
            let wanted = max(perSession, 3 * week.requiredProfessionals(in: index))
            let more = max(0, wanted - people.count)
            var added = 0
            for person in ranked {
                if added >= more { break }
                guard !people.contains(person), staffing.isEligible(person, for: index) else { continue }
                people.insert(person)
                added += 1
            }
            offered[demand.id] = people
        }
        return offered
    }

    /// Per person, the hours of the distinct session times of the part they are eligible for:
    /// the most group work their availability allows, whatever the roster.
    private func reachableHours(_ staffing: GroupStaffing) -> [StaffID: Double] {
        Dictionary(uniqueKeysWithValues: part.staff.map { person -> (StaffID, Double) in
            var times: [WeekInterval: Double] = [:]
            for (index, demand) in part.demands.enumerated() where staffing.isEligible(person.id, for: index) {
                times[demand.session.interval] = demand.hours
            }
            return (person.id, times.values.reduce(0, +))
        })
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
