import CareDomain

/// Work for one person at a time at a client's: the week's visits, or a due evaluation.
struct ClientTask: Sendable {
    enum Kind: Sendable, Hashable { case visit, evaluation }

    let kind: Kind
    let client: ClientID
    let product: ProductID
    /// How many this week (visits) or 1 (evaluation).
    let count: Int
    let minutes: Int
    let maxPerDay: Int
    /// Where it happens, for travel: the client's area, or the group client's location area.
    let area: String?
    let location: LocationID?
    /// When the client can have it: availability ∩ office hours, inside the week.
    let windows: [WeekInterval]
    let maxDistinctStaff: Int?
    let preferredStaff: [StaffID]
    /// Who may do it, on which day, in which stretches of time (their availability included).
    let options: [TaskOption]
    /// An evaluation past its deadline (or never held): placed as early as the week allows.
    var overdue = false

    var hours: Double { Double(minutes) / 60 }
    var id: String { kind == .visit ? "visit[\(client)]" : "evaluation[\(client)]" }
}

/// One person on one day for a client task, with the times both can make.
struct TaskOption: Sendable {
    let staff: StaffID
    let day: Weekday
    let allowed: [WeekInterval]
}

/// A client who needs an end-responsible professional.
struct ResponsibilityDemand: Sendable {
    let client: ClientID
    let level: QualificationLevel
    let coordinationMinutes: Int
    /// Candidates; a fixed `responsible` is the only one.
    let candidates: [StaffID]
    let isFixed: Bool
}

/// An appointment with, per role and day, who could sit in it.
struct AppointmentDemand: Sendable {
    let appointment: Appointment
    let area: String?
    let location: LocationID?
    /// The window's stretch on each day it is open.
    let days: [(day: Weekday, window: WeekInterval)]
    /// roleCandidates[role] = people who qualify for that role.
    let roleCandidates: [[StaffID]]

    var hours: Double { Double(appointment.minutes * appointment.roles.count) / 60 }
}

/// Builds the week's client tasks, responsibilities and appointments from a scenario.
struct AmbulatoryDemand: Sendable {
    var tasks: [ClientTask] = []
    var responsibilities: [ResponsibilityDemand] = []
    var appointments: [AppointmentDemand] = []

    var isEmpty: Bool { tasks.isEmpty && responsibilities.isEmpty && appointments.isEmpty }

    /// - Parameter candidatesPerClient: the most visitors and responsible professionals offered
    ///   per client (nearest first, preferred and fixed ones always); 0 offers everyone qualified.
    static func build(for scenario: Scenario, candidatesPerClient: Int) -> AmbulatoryDemand {
        var demand = AmbulatoryDemand()
        let staff = scenario.sortedStaff
        let calendars = Dictionary(uniqueKeysWithValues: staff.map { ($0.id, StaffCalendar(staff: $0)) })
        for client in scenario.sortedClients {
            guard let product = scenario.products[client.product] else { continue }
            let area = clientArea(client, scenario: scenario)
            let officeHours = product.officeHours.isEmpty ? nil : product.officeHours.flatMap(\.wrappedIntervals)
            var responsibleCandidates: [StaffID] = []
            if let level = product.responsibleLevel {
                let qualified = client.responsible.map { [$0] } ?? staff.filter {
                    $0.mayBeResponsible(for: product) && (client.location.map($0.mayWork(at:)) ?? $0.worksAtHomes)
                }.map(\.id)
                responsibleCandidates = nearest(qualified, to: area, client: client, scenario: scenario,
                                                limit: client.responsible == nil ? candidatesPerClient : 0)
                demand.responsibilities.append(ResponsibilityDemand(
                    client: client.id, level: level, coordinationMinutes: product.coordinationMinutes ?? 0,
                    candidates: responsibleCandidates, isFixed: client.responsible != nil))
            }
            if let visits = client.ambulatory, visits.visitCount > 0 {
                let windows = clientWindows(client.ambulatory?.available, officeHours: officeHours)
                let qualified = staff.filter { mayVisit($0, client: client, product: product) == nil }.map(\.id)
                let offered = nearest(qualified, to: area, client: client, scenario: scenario, limit: candidatesPerClient)
                demand.tasks.append(ClientTask(
                    kind: .visit, client: client.id, product: product.id, count: visits.visitCount, minutes: visits.visitMinutes,
                    maxPerDay: visits.maxPerDay, area: area, location: nil, windows: windows,
                    maxDistinctStaff: visits.maxDistinctStaff, preferredStaff: visits.preferredStaff,
                    options: options(for: offered, windows: windows, minutes: visits.visitMinutes, calendars: calendars, scenario: scenario)))
            }
            // Due without anyone who may hold it: the task still stands, so it is reported with
            // that reason (the scheduler finds no responsible professional) rather than lost.
            let evaluationTimes = product.evaluationMonths == nil ? [] : evaluationWindows(client, scenario: scenario, officeHours: officeHours)
            if isEvaluationDue(client, product: product, week: scenario.week, windows: evaluationTimes) {
                var windows = evaluationTimes
                let deadline = evaluationDeadline(client, product: product)
                // On or before a deadline inside the week; past or never held: as early as may be.
                if let deadline, deadline >= scenario.week.monday {
                    windows = windows.intersected(with: [WeekInterval(start: 0, end: scenario.week.startMinute(of: deadline) + 1440)])
                }
                let minutes = EvaluationRule.minutes
                var task = ClientTask(
                    kind: .evaluation, client: client.id, product: product.id, count: 1, minutes: minutes, maxPerDay: 1,
                    area: area, location: client.location, windows: windows, maxDistinctStaff: nil, preferredStaff: [],
                    options: options(for: responsibleCandidates, windows: windows, minutes: minutes, calendars: calendars, scenario: scenario))
                task.overdue = deadline.map { $0 < scenario.week.monday } ?? true
                demand.tasks.append(task)
            }
        }
        for appointment in scenario.appointments.values.sorted(by: { $0.id < $1.id }) {
            demand.appointments.append(appointmentDemand(appointment, staff: staff, calendars: calendars, scenario: scenario))
        }
        return demand
    }

    /// Why `person` may not visit `client` at home, whatever the time: the product's level
    /// (`min_level`, no volunteer), the client's needs and the product's disciplines
    /// (`skills`), someone kept to named locations. Nil: qualified. The planner's candidates
    /// and the planning board's verdict both ask this.
    static func mayVisit(_ person: Staff, client: Client, product: Product) -> RuleViolation? {
        guard person.isProfessional(atLeast: product.minLevel) else { return .belowLevel(product.minLevel) }
        let missing = client.needs.union(product.skills).subtracting(person.skills)
        guard missing.isEmpty else { return .lacksSkills(missing.sorted()) }
        return person.worksAtHomes ? nil : .notAtLocation
    }

    /// Why `person` may not sit in `role` of `appointment`: the role's level and skills, and the
    /// place (its location, else the client's home). Nil: they may.
    static func mayTake(_ role: AppointmentRole, of appointment: Appointment, _ person: Staff) -> RuleViolation? {
        if let level = role.level, !person.isProfessional(atLeast: level) { return .belowLevel(level) }
        let missing = role.skills.subtracting(person.skills)
        guard missing.isEmpty else { return .lacksSkills(missing.sorted()) }
        return (appointment.location.map(person.mayWork(at:)) ?? person.worksAtHomes) ? nil : .notAtLocation
    }

    /// The most visits any roster could place: per client, the days on which some qualified
    /// person (no candidate limit) could make a visit, times `max_per_day`, capped at the count.
    /// It ignores capacity, travel and working-time rules, so it is an upper bound.
    static func placeableVisitBound(for scenario: Scenario) -> Int {
        let all = build(for: scenario, candidatesPerClient: 0)
        return all.tasks.filter { $0.kind == .visit }.reduce(0) { total, task in
            let days = Set(task.options.map(\.day)).count
            return total + min(task.count, days * task.maxPerDay)
        }
    }

    /// The area where a client is seen: their own area, else their location's.
    static func clientArea(_ client: Client, scenario: Scenario) -> String? {
        if let area = client.ambulatory?.area { return area }
        return client.location.flatMap { scenario.locations[$0]?.travelArea }
    }

    /// Whether an evaluation belongs in this week: its deadline (`last_evaluation` +
    /// `evaluation_months`) falls on or before the week's Sunday, or the client was never
    /// evaluated, or (SCENARIO.md 1.2) the deadline falls in the next week before any time the
    /// client can be evaluated then (`windows`: the week's times, the same every week): waiting
    /// would make it late.
    static func isEvaluationDue(_ client: Client, product: Product, week: PlanningWeek, windows: [WeekInterval]) -> Bool {
        guard product.evaluationMonths != nil else { return false }
        guard let deadline = evaluationDeadline(client, product: product) else { return true }
        let sunday = week.monday.adding(days: 6)
        if deadline <= sunday { return true }
        let nextSunday = sunday.adding(days: 7)
        guard deadline <= nextSunday, !windows.isEmpty else { return false }
        // Days into next week up to and including the deadline: a chance is a time starting then.
        let lastDay = deadline.daysSinceEpoch - week.monday.adding(days: 7).daysSinceEpoch
        return !windows.contains { $0.start < (lastDay + 1) * 1440 }
    }

    /// `last_evaluation` + `evaluation_months`; nil when never evaluated (due at once).
    static func evaluationDeadline(_ client: Client, product: Product) -> CivilDate? {
        guard let months = product.evaluationMonths, let last = client.lastEvaluation else { return nil }
        return last.subtracting(months: -months)
    }

    /// The client's availability (any time if not given) within office hours, inside the week.
    static func clientWindows(_ available: [RecurringWindow]?, officeHours: [WeekInterval]?) -> [WeekInterval] {
        var windows = available.map { $0.flatMap(\.wrappedIntervals) } ?? [WeekInterval(start: 0, end: PlanningWeek.minutesPerWeek)]
        if let officeHours { windows = windows.intersected(with: officeHours) }
        return windows.intersected(with: [WeekInterval(start: 0, end: PlanningWeek.minutesPerWeek)])
    }

    /// An evaluation meets the client where they are: at home when available, at the location
    /// during the sessions they attend (or may attend).
    static func evaluationWindows(_ client: Client, scenario: Scenario, officeHours: [WeekInterval]?) -> [WeekInterval] {
        if client.ambulatory != nil { return clientWindows(client.ambulatory?.available, officeHours: officeHours) }
        let slots = Set(client.attends + (client.attendsAny?.options ?? []))
        let sessions = scenario.groupSessions.filter { $0.location == client.location && slots.contains($0.slot) }.map(\.interval)
        var windows = sessions.merged
        if let officeHours { windows = windows.intersected(with: officeHours) }
        return windows.intersected(with: [WeekInterval(start: 0, end: PlanningWeek.minutesPerWeek)])
    }

    /// Per person and day, the stretches where a task of `minutes` fits (client ∩ person availability, not absent).
    private static func options(for staff: [StaffID], windows: [WeekInterval], minutes: Int,
                                calendars: [StaffID: StaffCalendar], scenario: Scenario) -> [TaskOption] {
        var result: [TaskOption] = []
        let grid = TimeGrid(step: scenario.timeStepMinutes)
        for id in staff {
            guard let calendar = calendars[id] else { continue }
            for day in Weekday.allCases {
                let allowed = calendar.workableTime(on: day, week: scenario.week).intersected(with: windows)
                if grid.fits(minutes, in: allowed) {
                    result.append(TaskOption(staff: id, day: day, allowed: allowed))
                }
            }
        }
        return result
    }

    private static func appointmentDemand(_ appointment: Appointment, staff: [Staff], calendars: [StaffID: StaffCalendar],
                                          scenario: Scenario) -> AppointmentDemand {
        let client = appointment.client.flatMap { scenario.clients[$0] }
        let area = appointment.location.flatMap { scenario.locations[$0]?.travelArea } ?? client.flatMap { clientArea($0, scenario: scenario) }
        let days = appointment.window.days.map { ($0, appointment.window.interval(on: $0)) }
        let roleCandidates = appointment.roles.map { role in
            staff.filter { mayTake(role, of: appointment, $0) == nil }.map(\.id)
        }
        return AppointmentDemand(appointment: appointment, area: area, location: appointment.location, days: days,
                                 roleCandidates: roleCandidates)
    }

    /// Preferred and fixed people first, then the nearest by travel from their home area, then by id.
    private static func nearest(_ qualified: [StaffID], to area: String?, client: Client, scenario: Scenario, limit: Int) -> [StaffID] {
        let preferred = Set(client.ambulatory?.preferredStaff ?? []).union(client.responsible.map { [$0] } ?? [])
        let ranked = qualified.sorted { lhs, rhs in
            let left = (preferred.contains(lhs) ? 0 : 1, distance(lhs, area, scenario), lhs.rawValue)
            let right = (preferred.contains(rhs) ? 0 : 1, distance(rhs, area, scenario), rhs.rawValue)
            return left < right
        }
        return limit > 0 ? Array(ranked.prefix(max(limit, preferred.count))) : ranked
    }

    private static func distance(_ staff: StaffID, _ area: String?, _ scenario: Scenario) -> Int {
        guard let home = scenario.staff[staff]?.homeArea, let area else { return 0 }
        return scenario.travel.minutes(from: home, to: area)
    }
}

/// Evaluations last an hour, with the responsible professional (SCENARIO.md).
enum EvaluationRule {
    static let minutes = 60

    /// The roster row's `ref`: `CLIENT#evaluation`, marked `-overdue` when the deadline had passed
    /// (or the client was never evaluated) before the week began (SCENARIO.md 1.2).
    static func ref(_ client: ClientID, overdue: Bool) -> String {
        "\(client)#evaluation\(overdue ? "-overdue" : "")"
    }
}

/// Start times on the scenario's grid of `time_step_minutes`, counted from midnight.
struct TimeGrid: Sendable {
    let step: Int

    /// The first grid start at or after `earliest` at which `minutes` fit inside `interval`.
    func earliestStart(in interval: WeekInterval, from earliest: Int, minutes: Int) -> Int? {
        let lower = max(interval.start, earliest)
        let start = ((lower + step - 1) / step) * step
        return start + minutes <= interval.end ? start : nil
    }

    /// Whether work of `minutes` can start on the grid inside one of the stretches.
    func fits(_ minutes: Int, in stretches: [WeekInterval]) -> Bool {
        stretches.contains { earliestStart(in: $0, from: $0.start, minutes: minutes) != nil }
    }
}
