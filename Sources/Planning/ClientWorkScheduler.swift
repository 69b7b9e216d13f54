import CareDomain
import Optimization

/// One person's week while client work is given its times: fixed work, flexible work per day,
/// coordination minutes.
final class PersonPlan {
    let staff: Staff
    let calendar: StaffCalendar
    let rules: WorkingWeek
    var fixed: [TimedWork]
    var days: [Weekday: [Occurrence]] = [:]
    var coordinationMinutes = 0
    /// The locations where the person works a group session this week (continuity).
    private(set) var locations: Set<LocationID> = []

    struct Occurrence {
        let task: Int
        let minutes: Int
        let allowed: [WeekInterval]
        let area: String?
        var start = 0
        /// Kept work (a pin's or a seed's row), at its own time: never dropped to make room.
        var kept = false
    }

    init(staff: Staff, scenario: Scenario, fixed: [TimedWork]) {
        self.staff = staff
        self.calendar = StaffCalendar(staff: staff)
        self.rules = WorkingWeek(staff: staff, scenario: scenario)
        self.fixed = fixed
    }

    var timedWork: [TimedWork] {
        fixed + days.values.flatMap { $0.map { TimedWork(interval: WeekInterval(start: $0.start, end: $0.start + $0.minutes), area: $0.area) } }
    }

    /// Sets the times of the day's work; false (and nothing changed) when it does not fit or
    /// breaks a working-time rule.
    func resequence(_ day: Weekday, with items: [Occurrence], searchLimit: Int? = nil) -> RuleViolation? {
        let others = fixed + days.filter { $0.key != day }.values.flatMap {
            $0.map { TimedWork(interval: WeekInterval(start: $0.start, end: $0.start + $0.minutes), area: $0.area) }
        }
        let untimed = items.map { UntimedWork(minutes: $0.minutes, allowed: $0.allowed, area: $0.area) }
        var sequencer = rules.sequencer
        if let searchLimit { sequencer.searchLimit = searchLimit }
        guard let starts = sequencer.sequence(untimed, around: others) else {
            return .noFreeTime
        }
        var timed = items
        for index in timed.indices { timed[index].start = starts[index] }
        let week = others + timed.map { TimedWork(interval: WeekInterval(start: $0.start, end: $0.start + $0.minutes), area: $0.area) }
        if let broken = rules.violation(week, coordinationMinutes: coordinationMinutes) { return broken }
        days[day] = timed
        return nil
    }

    /// Adds fixed work (a group session, or an appointment already found free with `ClientWorkScheduler.isFree`).
    func addFixed(_ work: TimedWork, location: LocationID? = nil) {
        fixed.append(work)
        if let location { locations.insert(location) }
    }

    /// Takes out fixed work added before (the same interval and label).
    func removeFixed(_ work: TimedWork) {
        if let index = fixed.firstIndex(where: { $0.interval == work.interval && $0.label == work.label }) { fixed.remove(at: index) }
    }

    /// No longer at `location` (every group session there taken out of `fixed`).
    func leave(_ location: LocationID) { locations.remove(location) }

    /// Hours of the week so far: timed work and coordination.
    var workedHours: Double {
        // Summed in place: the greedy asks this for every candidate of every need.
        var minutes = coordinationMinutes
        for work in fixed { minutes += work.interval.minutes }
        for occurrences in days.values { for occurrence in occurrences { minutes += occurrence.minutes } }
        return Double(minutes) / 60
    }
}

/// Gives the solved week's client work its times and repairs what does not fit.
///
/// The MIP places visits, evaluations and appointment seats per person and day; this sets
/// appointments at a time all their people can make, sequences each person's day exactly
/// (`DaySequencer`), takes out what does not fit or breaks a working-time rule, and tries each
/// left-over visit with every other qualified person and day before reporting it uncovered.
/// With no MIP solution it is a greedy planner on its own.
struct ClientWorkScheduler {
    let model: WeekModel
    /// The MIP's solution, or empty for the greedy (then every piece of client work is inserted).
    let values: [Double]
    /// Every person's week so far (group sessions already in it); the scheduler adds to them.
    let plans: [StaffID: PersonPlan]
    /// The part's client work with every qualified person offered (the model may offer the
    /// nearest few only): the repair tries them all, so the roster it leaves is maximal.
    let work: AmbulatoryDemand
    /// A roster whose client work is kept as it is (the hire analysis adds vacancies to the base roster).
    var seed: Roster? = nil

    struct Result {
        var assignments: [RosterAssignment] = []
        var uncovered: [UncoveredDemand] = []
        var responsibilities: [Responsibility] = []
    }

    func schedule() -> Result {
        var result = Result()
        var responsibleOf = assignResponsibility(plans: plans, result: &result)
        scheduleAppointments(plans: plans, result: &result)
        scheduleClientTasks(plans: plans, responsibleOf: &responsibleOf, result: &result)
        return result
    }

    private var solved: Bool { !values.isEmpty }

    // MARK: responsibility

    private func assignResponsibility(plans: [StaffID: PersonPlan], result: inout Result) -> [ClientID: StaffID] {
        var responsibleOf: [ClientID: StaffID] = [:]
        var caseload: [StaffID: Int] = [:]
        var open: [ResponsibilityDemand] = []
        let seeded = Dictionary((seed?.responsibilities ?? []).map { ($0.client, $0.staff) }, uniquingKeysWith: { first, _ in first })
        // The group side may have been filled after the model chose (or a seed kept) this
        // responsibility: its coordination must still fit beside that work.
        func hasRoom(_ candidate: StaffID, for demand: ResponsibilityDemand) -> Bool {
            self.hasRoom(plans[candidate], for: demand, caseload: caseload[candidate, default: 0])
        }
        for demand in work.responsibilities {
            let chosen = seeded[demand.client]
                ?? (solved ? model.responsible[demand.client]?.first(where: { values[$0.variable.index] > 0.5 })?.staff : nil)
            if let chosen, hasRoom(chosen, for: demand) {
                responsibleOf[demand.client] = chosen
                caseload[chosen, default: 0] += 1
                plans[chosen]?.coordinationMinutes += demand.coordinationMinutes
            } else {
                open.append(demand)
            }
        }
        // Repair: the first candidate with room in caseload and hours.
        for demand in open {
            let taker = demand.candidates.first { hasRoom($0, for: demand) }
            if let taker {
                responsibleOf[demand.client] = taker
                caseload[taker, default: 0] += 1
                plans[taker]?.coordinationMinutes += demand.coordinationMinutes
            } else {
                result.uncovered.append(ClientWorkExplainer(model: model).missingResponsible(demand, plans: plans, caseload: caseload))
            }
        }
        for demand in work.responsibilities {
            if let staff = responsibleOf[demand.client] {
                result.responsibilities.append(Responsibility(client: demand.client, staff: staff, coordinationMinutes: demand.coordinationMinutes))
            }
        }
        return responsibleOf
    }

    /// Whether the person has room for one more client in caseload and hours, as their week
    /// stands now (`caseload`: the clients they already hold).
    private func hasRoom(_ plan: PersonPlan?, for demand: ResponsibilityDemand, caseload: Int) -> Bool {
        guard let plan else { return false }
        if let limit = plan.staff.maxCaseload, caseload >= limit { return false }
        return plan.rules.violation(plan.timedWork, coordinationMinutes: plan.coordinationMinutes + demand.coordinationMinutes) == nil
    }

    // MARK: appointments

    private func scheduleAppointments(plans: [StaffID: PersonPlan], result: inout Result) {
        let scenario = model.scenario
        let grid = TimeGrid(step: scenario.timeStepMinutes)
        // Kept client work not placed yet (visits and evaluations come after the appointments,
        // kept appointments one by one): whoever fills a seat must leave room for it.
        var pending: [StaffID: [(ref: String, work: TimedWork)]] = [:]
        for row in seed?.assignments ?? [] where [.visit, .evaluation, .appointment].contains(row.activity) {
            pending[row.staff, default: []].append((row.activity == .appointment ? row.ref : "", TimedWork(kept: row, in: scenario)))
        }
        let isFree = { (person: StaffID, demand: AppointmentDemand, start: Int) in
            self.isFree(person, demand, start: start, plans: plans, keeping: (pending[person] ?? []).map(\.work))
        }
        for demand in work.appointments {
            let appointment = demand.appointment
            let seats = solved ? (model.appointmentSeats[appointment.id] ?? []).filter { values[$0.variable.index] > 0.5 } : []
            let chosenDay = solved ? model.appointmentDays[appointment.id]?.first { values[$0.variable.index] > 0.5 }?.day : nil
            var held: (start: Int, people: [StaffID])? = nil
            let seededRows = (seed?.assignments ?? []).filter { $0.activity == .appointment && $0.ref == appointment.id }
            // This appointment's kept rows are placed now, or moved: no longer pending either way.
            for person in Set(seededRows.map(\.staff)) { pending[person]?.removeAll { $0.ref == appointment.id } }
            // Kept whole, or (a kept person now absent) made whole at the same time by a free,
            // qualified person per missing role; else planned afresh below.
            if let first = seededRows.first {
                held = completed(demand, start: first.interval.start, keeping: seededRows.map(\.staff), isFree: isFree)
                    .map { (first.interval.start, $0) }
            }
            // The solved day and people first, then any day of the window with the same people.
            if held == nil, let chosenDay {
                let people = seats.sorted { $0.role < $1.role }.map(\.staff)
                let days = [chosenDay] + demand.days.map(\.day).filter { $0 != chosenDay }
                for day in days {
                    if let start = gridStarts(demand, day: day, grid: grid).first(where: { start in people.allSatisfy { isFree($0, demand, start) } }) {
                        held = (start, people)
                        break
                    }
                }
            }
            // Else any qualified people: at each time of the window, the first free person per role.
            if held == nil {
                search: for (day, _) in demand.days {
                    for start in gridStarts(demand, day: day, grid: grid) {
                        var people: [StaffID] = []
                        for candidates in demand.roleCandidates {
                            guard let person = candidates.first(where: { !people.contains($0) && isFree($0, demand, start) }) else { continue search }
                            people.append(person)
                        }
                        held = (start, people)
                        break search
                    }
                }
            }
            guard let held else {
                result.uncovered.append(ClientWorkExplainer(model: model).unheldAppointment(demand))
                continue
            }
            let interval = WeekInterval(start: held.start, end: held.start + appointment.minutes)
            let client = appointment.client.flatMap { scenario.clients[$0] }
            for person in held.people {
                plans[person]?.addFixed(TimedWork(interval: interval, area: demand.area))
                let staff = scenario.staff[person]!
                result.assignments.append(RosterAssignment(
                    staff: person, activity: .appointment, interval: interval, location: demand.location, area: demand.area,
                    clients: client.map { [$0.id] } ?? [], products: client.map { [$0.product] } ?? [],
                    role: staff.isVolunteer ? .volunteer : .professional, ref: appointment.id))
            }
        }
    }

    private func gridStarts(_ demand: AppointmentDemand, day: Weekday, grid: TimeGrid) -> [Int] {
        guard let window = demand.days.first(where: { $0.day == day })?.window else { return [] }
        var starts: [Int] = []
        var from = window.start
        while let start = grid.earliestStart(in: window, from: from, minutes: demand.appointment.minutes) {
            starts.append(start)
            from = start + grid.step
        }
        return starts
    }

    /// One person per role at `start`: the kept people where they qualify, a free qualified
    /// person for each role left; nil when some role finds no one.
    private func completed(_ demand: AppointmentDemand, start: Int, keeping kept: [StaffID],
                           isFree: (StaffID, AppointmentDemand, Int) -> Bool) -> [StaffID]? {
        var unused = kept
        var people: [StaffID] = []
        for candidates in demand.roleCandidates {
            if let index = unused.firstIndex(where: candidates.contains) {
                people.append(unused.remove(at: index))
            } else if let person = candidates.first(where: { !people.contains($0) && !kept.contains($0) && isFree($0, demand, start) }) {
                people.append(person)
            } else {
                return nil
            }
        }
        return people
    }

    /// Whether `person` may sit in the appointment at `start`, beside their week so far and the
    /// kept work still to be placed (`keeping`).
    private func isFree(_ person: StaffID, _ demand: AppointmentDemand, start: Int, plans: [StaffID: PersonPlan], keeping: [TimedWork] = []) -> Bool {
        guard let plan = plans[person] else { return false }
        let interval = WeekInterval(start: start, end: start + demand.appointment.minutes)
        let day = Weekday.allCases[start / 1440]
        guard plan.calendar.workableTime(on: day, week: model.scenario.week).contains(where: { $0.contains(interval) }) else { return false }
        // `brokenRule` covers overlap, travel between neighbours and from home, and the working-time rules.
        let work = TimedWork(interval: interval, area: demand.area)
        return plan.rules.violation(plan.timedWork + keeping + [work], coordinationMinutes: plan.coordinationMinutes) == nil
    }

    // MARK: visits and evaluations

    private func scheduleClientTasks(plans: [StaffID: PersonPlan], responsibleOf: inout [ClientID: StaffID], result: inout Result) {
        var missing = [Int](repeating: 0, count: work.tasks.count)
        // The solved placement, person by person and day by day (the model's tasks by id).
        var solved: [StaffID: [Weekday: [PersonPlan.Occurrence]]] = [:]
        let modelIndex = Dictionary(model.tasks.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for (index, task) in work.tasks.enumerated() {
            var placed = 0
            // The client's visits per day and visitors so far: the model's copies never go past
            // `max_per_day` or `max_distinct_staff` where kept (seeded) work already counts.
            var perDay: [Weekday: Int] = [:]
            var visitors: Set<StaffID> = []
            for row in seed?.assignments ?? [] where row.clients == [task.client] && row.activity == (task.kind == .visit ? .visit : .evaluation) {
                guard let plan = plans[row.staff], placed < task.count else { continue }
                let day = Weekday.allCases[max(0, min(6, row.interval.start / 1440))]
                plan.days[day, default: []].append(PersonPlan.Occurrence(task: index, minutes: row.interval.minutes, allowed: [row.interval],
                                                                         area: task.area, start: row.interval.start, kept: true))
                placed += 1
                perDay[day, default: 0] += 1
                visitors.insert(row.staff)
            }
            let chosen = self.solved ? modelIndex[task.id].flatMap { model.taskAssignments.indices.contains($0) ? model.taskAssignments[$0] : nil } ?? [] : []
            for (option, variable) in chosen {
                // Kept work (a pin, a seed) already counts; the model's copies only fill up to the count.
                let copies = min(Int(values[variable.index].rounded()), max(0, task.count - placed),
                                 max(0, task.maxPerDay - perDay[option.day, default: 0]))
                guard copies > 0 else { continue }
                if task.kind == .evaluation, responsibleOf[task.client] != option.staff { continue }
                if let limit = task.maxDistinctStaff, !visitors.contains(option.staff), visitors.count >= limit { continue }
                perDay[option.day, default: 0] += copies
                visitors.insert(option.staff)
                for _ in 0..<copies {
                    solved[option.staff, default: [:]][option.day, default: []].append(
                        PersonPlan.Occurrence(task: index, minutes: task.minutes, allowed: option.allowed, area: task.area))
                }
                placed += copies
            }
            missing[index] = max(0, task.count - placed)
        }
        for (person, days) in solved.sorted(by: { $0.key < $1.key }) {
            guard let plan = plans[person] else { continue }
            for (day, items) in days.sorted(by: { $0.key < $1.key }) {
                // The day's kept work (pins, a seed) stays with the model's: sequencing the
                // model's alone would set the day without it.
                let held = (plan.days[day] ?? []).filter(\.kept)
                var keep = items
                while !keep.isEmpty, plan.resequence(day, with: held + keep) != nil {
                    let drop = droppable(keep, keeping: held, day: day, plan: plan)
                    missing[keep[drop].task] += 1
                    keep.remove(at: drop)
                }
            }
        }
        // Repair: every left-over visit with every qualified person and day, hardest clients first.
        var causes: [Int: [StaffID: RuleViolation]] = [:]
        let order = work.tasks.indices.filter { missing[$0] > 0 }.sorted {
            (work.tasks[$0].options.count, $0) < (work.tasks[$1].options.count, $1)
        }
        for index in order {
            while missing[index] > 0 {
                guard insert(index, plans: plans, responsibleOf: responsibleOf, causes: &causes[index, default: [:]])
                        || handOver(index, plans: plans, responsibleOf: &responsibleOf, result: &result) else { break }
                missing[index] -= 1
            }
        }
        // Rows: placed visits numbered in time order, then the uncovered ones.
        var placedByTask: [Int: [(staff: StaffID, interval: WeekInterval)]] = [:]
        for plan in plans.values {
            for occurrence in plan.days.values.flatMap({ $0 }) {
                placedByTask[occurrence.task, default: []].append((plan.staff.id, WeekInterval(start: occurrence.start, end: occurrence.start + occurrence.minutes)))
            }
        }
        let explainer = ClientWorkExplainer(model: model)
        for (index, task) in work.tasks.enumerated() {
            let placed = (placedByTask[index] ?? []).sorted { ($0.interval.start, $0.staff) < ($1.interval.start, $1.staff) }
            for (number, visit) in placed.enumerated() {
                result.assignments.append(RosterAssignment(
                    staff: visit.staff, activity: task.kind == .visit ? .visit : .evaluation, interval: visit.interval,
                    location: task.location, area: task.area, clients: [task.client], products: [task.product],
                    role: .professional, ref: task.kind == .visit ? "\(task.client)#\(number + 1)" : EvaluationRule.ref(task.client, overdue: task.overdue)))
            }
            for number in min(placed.count, task.count)..<task.count {
                result.uncovered.append(explainer.unplacedTask(task, number: number + 1, causes: causes[index] ?? [:],
                                                               responsible: responsibleOf[task.client]))
            }
        }
    }

    /// An evaluation its responsible professional has no room for (a full week of coordination
    /// and visits): the client's responsibility, with the evaluation, to the first other
    /// candidate with room in caseload and hours who can hold it. Not where the scenario fixes
    /// the responsible or a re-plan keeps them. (Team 100/600: eight evaluations left out
    /// beside a caseload of 43 at 30 minutes on a 24-hour contract.)
    private func handOver(_ index: Int, plans: [StaffID: PersonPlan], responsibleOf: inout [ClientID: StaffID], result: inout Result) -> Bool {
        let task = work.tasks[index]
        guard task.kind == .evaluation, let current = responsibleOf[task.client], let old = plans[current],
              let demand = work.responsibilities.first(where: { $0.client == task.client }), !demand.isFixed,
              seed?.responsibilities.contains(where: { $0.client == task.client }) != true else { return false }
        var caseload: [StaffID: Int] = [:]
        for staff in responsibleOf.values { caseload[staff, default: 0] += 1 }
        for candidate in demand.candidates where candidate != current {
            guard let plan = plans[candidate], hasRoom(plan, for: demand, caseload: caseload[candidate, default: 0]) else { continue }
            plan.coordinationMinutes += demand.coordinationMinutes
            responsibleOf[task.client] = candidate
            var tried: [StaffID: RuleViolation] = [:]
            if insert(index, plans: plans, responsibleOf: responsibleOf, causes: &tried) {
                old.coordinationMinutes -= demand.coordinationMinutes
                if let row = result.responsibilities.firstIndex(where: { $0.client == task.client }) {
                    result.responsibilities[row] = Responsibility(client: task.client, staff: candidate, coordinationMinutes: demand.coordinationMinutes)
                }
                return true
            }
            plan.coordinationMinutes -= demand.coordinationMinutes
            responsibleOf[task.client] = current
        }
        return false
    }

    /// The item to take out of a day that does not fit: one whose removal lets the rest fit
    /// (the one with most other options first), else the longest.
    private func droppable(_ items: [PersonPlan.Occurrence], keeping held: [PersonPlan.Occurrence], day: Weekday, plan: PersonPlan) -> Int {
        let byFreedom = items.indices.sorted { (-work.tasks[items[$0].task].options.count, $0) < (-work.tasks[items[$1].task].options.count, $1) }
        for index in byFreedom {
            var rest = items
            rest.remove(at: index)
            if plan.resequence(day, with: held + rest) == nil { return index }
        }
        return items.indices.max { (items[$0].minutes, -$0) < (items[$1].minutes, -$1) } ?? 0
    }

    /// Partial orders the sequencer may try for one repair attempt: a day that needs more is
    /// left to the next person and day, and to the try at every free start.
    static var repairSearchLimit: Int { 2_000 }

    /// Tries one more occurrence of a task with each qualified person and day; records why each person could not.
    private func insert(_ index: Int, plans: [StaffID: PersonPlan], responsibleOf: [ClientID: StaffID], causes: inout [StaffID: RuleViolation]) -> Bool {
        let task = work.tasks[index]
        var visitors: Set<StaffID> = []
        var perDay: [Weekday: Int] = [:]
        for plan in plans.values {
            for (day, items) in plan.days {
                let count = items.filter { $0.task == index }.count
                if count > 0 { visitors.insert(plan.staff.id); perDay[day, default: 0] += count }
            }
        }
        let preferred = Set(task.preferredStaff)
        // People paid for their contract first, flex workers next, agency workers last
        // (SCENARIO.md 1.2); among each, the client's visitors, then preferred staff, then the
        // nearest: the first try usually fits, and near visitors keep the days' travel short, so
        // more visits fit. (Ordering by each person's hours price instead left visits over on the
        // 100-person team: far visitors filled days the near ones needed.)
        var distance: [StaffID: Int] = [:], paid: [StaffID: Int] = [:]
        for option in task.options where distance[option.staff] == nil {
            let person = plans[option.staff]?.staff
            distance[option.staff] = person?.homeArea.flatMap { home in task.area.map { model.scenario.travel.minutes(from: home, to: $0) } } ?? 0
            paid[option.staff] = person.map { $0.isHire ? 3 : $0.contract == .agency ? 2 : $0.contract == .flex ? 1 : 0 } ?? 3
        }
        let options = task.options.sorted { lhs, rhs in
            let left = (paid[lhs.staff]!, visitors.contains(lhs.staff) ? 0 : preferred.contains(lhs.staff) ? 1 : 2, distance[lhs.staff]!, lhs.staff.rawValue, lhs.day)
            let right = (paid[rhs.staff]!, visitors.contains(rhs.staff) ? 0 : preferred.contains(rhs.staff) ? 1 : 2, distance[rhs.staff]!, rhs.staff.rawValue, rhs.day)
            return left < right
        }
        for option in options {
            guard let plan = plans[option.staff] else { continue }
            if task.kind == .evaluation, responsibleOf[task.client] != option.staff {
                causes[option.staff] = causes[option.staff] ?? .notResponsible
                continue
            }
            if let limit = task.maxDistinctStaff, !visitors.contains(option.staff), visitors.count >= limit {
                causes[option.staff] = .maxDistinctStaff(limit)
                continue
            }
            if perDay[option.day, default: 0] >= task.maxPerDay { continue }
            // Hours first: no order of the day helps a week that is full.
            if let full = plan.rules.hoursViolation(plan.timedWork, adding: task.minutes, coordinationMinutes: plan.coordinationMinutes) {
                causes[option.staff] = full
                continue
            }
            let items = (plan.days[option.day] ?? []) + [PersonPlan.Occurrence(task: index, minutes: task.minutes, allowed: option.allowed, area: task.area)]
            if let cause = plan.resequence(option.day, with: items, searchLimit: Self.repairSearchLimit) {
                // The sequencer starts each item as early as it can; a later start with the day's
                // other work left where it is may still fit (a shorter shift, a rest kept).
                if let start = freeStart(task, option: option, plan: plan) {
                    plan.days[option.day, default: []].append(PersonPlan.Occurrence(task: index, minutes: task.minutes, allowed: option.allowed,
                                                                                    area: task.area, start: start))
                    return true
                }
                causes[option.staff] = cause
                continue
            }
            return true
        }
        return false
    }

    /// The first grid start in the option's time at which the visit fits the person's week as it
    /// stands, every rule of the oracle asked.
    private func freeStart(_ task: ClientTask, option: TaskOption, plan: PersonPlan) -> Int? {
        let grid = TimeGrid(step: model.scenario.timeStepMinutes)
        let week = plan.timedWork
        for piece in option.allowed {
            var from = piece.start
            while let start = grid.earliestStart(in: piece, from: from, minutes: task.minutes) {
                let interval = WeekInterval(start: start, end: start + task.minutes)
                if !week.contains(where: { $0.interval.overlaps(interval) }),
                   plan.rules.violation(week + [TimedWork(interval: interval, area: task.area)], coordinationMinutes: plan.coordinationMinutes) == nil {
                    return start
                }
                from = start + grid.step
            }
        }
        return nil
    }
}
