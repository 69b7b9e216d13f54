import CareDomain

/// A board move's client work judged at once (the planning side's reading; the independent
/// checker judges the whole roster when the move is made): each visit, evaluation or
/// appointment seat the move adds asked of who may do it, when the client can have it, how often
/// and by how many faces, and of the person's calendar; each appointment it touches of its time
/// and roles; a visit or evaluation it takes away without placing it again, of whether someone
/// free could do it then (maximality). The person's whole week is asked of the oracle by
/// `MoveVerdict` with the rest of the move.
public enum ClientWorkMove {
    /// The problems, and the people they name (their week need not be asked again).
    static func problems(added: [RosterAssignment], removed: [RosterAssignment], before: Roster, after: Roster, scenario: Scenario,
                         work: @escaping (RosterAssignment) -> TimedWork) -> (problems: [MoveProblem], named: Set<StaffID>) {
        var problems: [MoveProblem] = []
        var named: Set<StaffID> = []
        func say(_ row: RosterAssignment, _ violation: RuleViolation) {
            problems.append(.person(row.staff, at: label(row, in: scenario), violation))
            named.insert(row.staff)
        }
        for row in added where row.activity == .visit || row.activity == .evaluation {
            guard let person = scenario.staff[row.staff] else { continue }
            if let violation = clientRule(row, person: person, same: rows(of: row, in: after), responsible: responsible(of: row, in: after),
                                          scenario: scenario) {
                say(row, violation)
            }
        }
        for ref in Set((added + removed).filter { $0.activity == .appointment }.map(\.ref)).sorted() {
            guard let appointment = scenario.appointments[ref] else { continue }
            let seats = after.assignments.filter { $0.activity == .appointment && $0.ref == ref }
            let newcomers = added.filter { $0.activity == .appointment && $0.ref == ref }
            for row in newcomers {
                guard let person = scenario.staff[row.staff] else { continue }
                let twice = seats.filter { $0.staff == row.staff }.count > 1
                let others = seats.filter { $0 != row }.compactMap { scenario.staff[$0.staff] }
                let role = roleRule(person, at: appointment, besides: others)
                let together = inWindow(row.interval, appointment, scenario.week) && Set(seats.map(\.interval)).count == 1
                let found: [RuleViolation?] = [twice ? .alreadyThere : nil, role, calendar(person, row.interval, in: scenario.week),
                                               together ? nil : .appointmentTime]
                if let violation = found.compactMap({ $0 }).first { say(row, violation) }
            }
            // Everyone taken off: the appointment is reported uncovered, unless free people
            // could hold it then (maximality).
            if seats.isEmpty, let held = removed.first(where: { $0.activity == .appointment && $0.ref == ref }),
               let free = freeToHold(appointment, like: held, after: after, scenario: scenario, work: work) {
                problems.append(.leftShort(label(held, in: scenario), lacking: "the appointment", ontbreekt: "het overleg", free: free))
            }
            guard !seats.isEmpty, !newcomers.contains(where: { named.contains($0.staff) }) else { continue }
            let people = seats.compactMap { scenario.staff[$0.staff] }
            if people.count != appointment.roles.count || !seatable(people, in: appointment) {
                problems.append(.appointmentIncomplete(ref, seated: people.count, roles: appointment.roles.count))
            }
        }
        // Visits and evaluations taken off and not placed again: someone free could do them then?
        for row in removed where row.activity == .visit || row.activity == .evaluation {
            guard let client = row.clients.first else { continue }
            let count = { (roster: Roster) in roster.assignments.filter { $0.activity == row.activity && $0.clients.first == client }.count }
            guard count(after) < count(before) else { continue }
            if let free = firstFree(for: row, after: after, scenario: scenario, work: work) {
                let visit = row.activity == .visit
                problems.append(.leftShort(label(row, in: scenario), lacking: visit ? "a visit" : "an evaluation",
                                           ontbreekt: visit ? "een bezoek" : "een evaluatie", free: free))
            }
        }
        return (problems, named)
    }

    /// The first rule of client work `piece` breaks when added to `roster`: a visit's or
    /// evaluation's (`clientRule`), or an appointment seat's (a role the person may take, their
    /// calendar, the appointment's window).
    static func rule(_ piece: RosterAssignment, person: Staff, on roster: Roster, scenario: Scenario) -> RuleViolation? {
        guard piece.activity == .appointment else {
            return clientRule(piece, person: person, same: rows(of: piece, in: roster) + [piece], responsible: responsible(of: piece, in: roster),
                              scenario: scenario)
        }
        guard let appointment = scenario.appointments[piece.ref] else { return nil }
        // Held in full: whom they could stand in for (any role they may take); else the open role.
        let seated = roster.assignments.filter { $0.activity == .appointment && $0.ref == piece.ref && $0.staff != person.id }.compactMap { scenario.staff[$0.staff] }
        if let broken = roleRule(person, at: appointment, besides: seated.count < appointment.roles.count ? seated : []) { return broken }
        return calendar(person, piece.interval, in: scenario.week) ?? (inWindow(piece.interval, appointment, scenario.week) ? nil : .appointmentTime)
    }

    /// The client's rows of the same work (visits, or evaluations) on `roster`.
    static func rows(of row: RosterAssignment, in roster: Roster) -> [RosterAssignment] {
        roster.assignments.filter { $0.activity == row.activity && $0.clients.first == row.clients.first }
    }

    static func responsible(of row: RosterAssignment, in roster: Roster) -> StaffID? {
        roster.responsibilities.first { $0.client == row.clients.first }?.staff
    }

    /// The first rule of client work a visit or evaluation row breaks, if any: `same`, the
    /// client's rows of that work with it; `responsible`, the client's responsible professional.
    static func clientRule(_ row: RosterAssignment, person: Staff, same: [RosterAssignment], responsible: StaffID?, scenario: Scenario) -> RuleViolation? {
        guard let client = row.clients.first.flatMap({ scenario.clients[$0] }) else { return nil }
        let week = scenario.week
        let step = scenario.timeStepMinutes
        let onGrid = ((row.interval.start % 1440) + 1440) % 1440 % step == 0
        let day = week.date(atMinute: row.interval.start)
        // In the order a planner checks: who, then when, then how often.
        var howOften: [() -> RuleViolation?] = []
        guard let windows = windows(of: row, in: scenario) else { return .moreVisitsThanAsked(0) }
        let who = who(row, person: person, responsible: responsible, scenario: scenario)
        if row.activity == .evaluation {
            howOften.append { same.count > 1 ? .alreadyThere : nil }
        } else if let need = client.ambulatory {
            howOften.append { same.count > need.visitCount ? .moreVisitsThanAsked(need.visitCount) : nil }
            howOften.append {
                let that = same.filter { week.date(atMinute: $0.interval.start) == day }.count
                return that > need.maxPerDay ? .visitsADay(need.maxPerDay) : nil
            }
            howOften.append {
                guard let limit = need.maxDistinctStaff else { return nil }
                return Set(same.map(\.staff)).count > limit ? .maxDistinctStaff(limit) : nil
            }
        }
        if let who { return who }
        guard onGrid else { return .offTimeGrid(step) }
        guard windows.contains(where: { $0.contains(row.interval) }) else { return .outsideClientHours }
        if let busy = calendar(person, row.interval, in: week) { return busy }
        for rule in howOften { if let broken = rule() { return broken } }
        return nil
    }

    /// When the client can have the visit or evaluation `row` is of: their available time (an
    /// evaluation's: at home, or at the location in their sessions) within the product's office
    /// hours; nil for work that is neither, or a client without visits.
    static func windows(of row: RosterAssignment, in scenario: Scenario) -> [WeekInterval]? {
        guard let client = row.clients.first.flatMap({ scenario.clients[$0] }), let product = scenario.products[client.product] else { return nil }
        let officeHours = product.officeHours.isEmpty ? nil : product.officeHours.flatMap(\.wrappedIntervals)
        switch row.activity {
        case .evaluation: return AmbulatoryDemand.evaluationWindows(client, scenario: scenario, officeHours: officeHours)
        case .visit: return client.ambulatory.map { AmbulatoryDemand.clientWindows($0.available, officeHours: officeHours) }
        default: return nil
        }
    }

    /// Who may do `piece` at all, whatever its time: a visit's level, skills and place, an
    /// evaluation's responsible professional, an appointment seat's role and place.
    /// `responsible`: the client's responsible professional.
    static func who(_ piece: RosterAssignment, person: Staff, responsible: StaffID?, scenario: Scenario) -> RuleViolation? {
        switch piece.activity {
        case .visit:
            guard let client = piece.clients.first.flatMap({ scenario.clients[$0] }), let product = scenario.products[client.product] else { return nil }
            return AmbulatoryDemand.mayVisit(person, client: client, product: product)
        case .evaluation: return responsible == person.id ? nil : .notResponsible
        case .appointment:
            guard let appointment = scenario.appointments[piece.ref] else { return nil }
            return roleRule(person, at: appointment, besides: [])
        default: return nil
        }
    }

    /// The grid starts in the week at which work of `minutes` fits `windows` (the client's,
    /// `windows(of:in:)`) and `person`'s workable time, earliest first.
    static func starts(minutes: Int, within windows: [WeekInterval], person: Staff, in scenario: Scenario) -> [Int] {
        let calendar = StaffCalendar(staff: person)
        let open = Weekday.allCases.flatMap { calendar.workableTime(on: $0, week: scenario.week) }.intersected(with: windows)
        let grid = TimeGrid(step: scenario.timeStepMinutes)
        var found: [Int] = []
        for stretch in open {
            var from = stretch.start
            while let start = grid.earliestStart(in: stretch, from: from, minutes: minutes) {
                found.append(start)
                from = start + grid.step
            }
        }
        return found
    }

    /// Absent that day, or outside the person's availability.
    static func calendar(_ person: Staff, _ interval: WeekInterval, in week: PlanningWeek) -> RuleViolation? {
        let day = week.date(atMinute: interval.start)
        if person.absent.contains(day) { return .absent(day) }
        let open = StaffCalendar(staff: person).workableTime(on: day.weekday, week: week)
        return open.contains { $0.contains(interval) } ? nil : .unavailable
    }

    static func inWindow(_ interval: WeekInterval, _ appointment: Appointment, _ week: PlanningWeek) -> Bool {
        let day = week.date(atMinute: interval.start).weekday
        return appointment.window.days.contains(day) && appointment.window.interval(on: day).contains(interval)
    }

    /// Why `person` cannot sit at `appointment` beside `others` (already seated): the rule of
    /// a role the others leave open that they may not take; nil when each has a role of their own.
    static func roleRule(_ person: Staff, at appointment: Appointment, besides others: [Staff]) -> RuleViolation? {
        let roles = appointment.roles
        guard others.count < roles.count else { return .appointmentRoles }
        if seatable(others + [person], in: appointment) { return nil }
        for (index, role) in roles.enumerated() {
            var rest = roles
            rest.remove(at: index)
            guard seatable(others, in: appointment, roles: rest) else { continue }
            if let broken = AmbulatoryDemand.mayTake(role, of: appointment, person) { return broken }
        }
        return .appointmentRoles
    }

    /// Whether each of `people` can sit in a role of their own among `roles` (the appointment's
    /// unless given): a small matching, tried person by person.
    static func seatable(_ people: [Staff], in appointment: Appointment, roles: [AppointmentRole]? = nil) -> Bool {
        let roles = roles ?? appointment.roles
        guard people.count <= roles.count else { return false }
        func seat(_ index: Int, _ used: Set<Int>) -> Bool {
            guard index < people.count else { return true }
            return roles.indices.contains { role in
                !used.contains(role) && AmbulatoryDemand.mayTake(roles[role], of: appointment, people[index]) == nil && seat(index + 1, used.union([role]))
            }
        }
        return seat(0, [])
    }

    /// Someone (in id order) who could do the visit or evaluation `row` at its time on the roster
    /// `after`, breaking no rule: qualified, free in their calendar, the client's limits kept, and
    /// their week with it kept by the oracle.
    static func firstFree(for row: RosterAssignment, after: Roster, scenario: Scenario, work: @escaping (RosterAssignment) -> TimedWork) -> StaffID? {
        let same = rows(of: row, in: after), responsible = responsible(of: row, in: after)
        let weeks = FreeToTake(after, in: scenario, work: work)
        return scenario.sortedStaff.first { person in
            guard !person.isVolunteer, !person.isHire, person.id != row.staff else { return false }
            let candidate = row.handed(to: person.id)
            return clientRule(candidate, person: person, same: same + [candidate], responsible: responsible, scenario: scenario) == nil
                && weeks.keepsEveryRule(person, adding: candidate)
        }?.id
    }

    /// The roster row of `staff` doing client work starting at `start` (minutes from the week's
    /// Monday), as the planner writes it: a visit of `client` (its length, the client's area, the
    /// next free `CLIENT#n`), the client's evaluation (an hour, marked overdue where it is), or a
    /// seat at `appointment` (at its other people's time and place where it has any). Nil where
    /// the scenario has no such client work.
    public static func row(for staff: StaffID, activity: Activity, client: ClientID?, appointment: String?, start: Int,
                           on roster: Roster, in scenario: Scenario) -> RosterAssignment? {
        switch activity {
        case .visit, .evaluation:
            guard let id = client, let client = scenario.clients[id], let product = scenario.products[client.product] else { return nil }
            let area = AmbulatoryDemand.clientArea(client, scenario: scenario)
            if activity == .visit {
                guard let need = client.ambulatory, need.visitCount > 0 else { return nil }
                let taken = Set(roster.assignments.filter { $0.activity == .visit && $0.clients.first == id }.map(\.ref))
                let number = (1...).first { !taken.contains("\(id)#\($0)") } ?? 1
                return RosterAssignment(staff: staff, activity: .visit, interval: WeekInterval(start: start, end: start + need.visitMinutes), location: nil,
                                        area: area, clients: [id], products: [product.id], role: .professional, ref: "\(id)#\(number)")
            }
            guard product.evaluationMonths != nil else { return nil }
            let overdue = AmbulatoryDemand.evaluationDeadline(client, product: product).map { $0 < scenario.week.monday } ?? true
            return RosterAssignment(staff: staff, activity: .evaluation, interval: WeekInterval(start: start, end: start + EvaluationRule.minutes),
                                    location: client.location, area: area, clients: [id], products: [product.id], role: .professional,
                                    ref: EvaluationRule.ref(id, overdue: overdue))
        case .appointment:
            guard let id = appointment, let held = scenario.appointments[id] else { return nil }
            if let seat = roster.assignments.first(where: { $0.activity == .appointment && $0.ref == id }) { return seat.handed(to: staff) }
            let client = held.client.flatMap { scenario.clients[$0] }
            let area = held.location.flatMap { scenario.locations[$0]?.travelArea } ?? client.flatMap { AmbulatoryDemand.clientArea($0, scenario: scenario) }
            return RosterAssignment(staff: staff, activity: .appointment, interval: WeekInterval(start: start, end: start + held.minutes),
                                    location: held.location, area: area, clients: client.map { [$0.id] } ?? [],
                                    products: client.map { [$0.product] } ?? [], role: .professional, ref: id)
        case .group, .coordination:
            return nil
        }
    }

    /// The first of a set of free people who could hold `appointment` at `held`'s time on the
    /// roster `after`, one in each role, each breaking no rule; nil when no such set exists.
    static func freeToHold(_ appointment: Appointment, like held: RosterAssignment, after: Roster, scenario: Scenario,
                           work: @escaping (RosterAssignment) -> TimedWork) -> StaffID? {
        let weeks = FreeToTake(after, in: scenario, work: work)
        let roles = appointment.roles
        // A role with as many candidates as there are roles can always be seated last, so no
        // role needs more than that many (the search stays small in a region of a thousand).
        var pool: [[Staff]] = Array(repeating: [], count: roles.count)
        for person in scenario.sortedStaff where !person.isVolunteer && !person.isHire {
            let wanted = roles.indices.filter { pool[$0].count < roles.count && AmbulatoryDemand.mayTake(roles[$0], of: appointment, person) == nil }
            guard !wanted.isEmpty, calendar(person, held.interval, in: scenario.week) == nil else { continue }
            guard weeks.keepsEveryRule(person, adding: held.handed(to: person.id)) else { continue }
            for role in wanted { pool[role].append(person) }
            if pool.allSatisfy({ $0.count >= roles.count }) { break }
        }
        func seat(_ role: Int, _ used: [StaffID]) -> [StaffID]? {
            guard role < roles.count else { return used }
            for person in pool[role] where !used.contains(person.id) {
                if let found = seat(role + 1, used + [person.id]) { return found }
            }
            return nil
        }
        return seat(0, [])?.min()
    }

    /// "a13#1 2026-03-16 14:00": the row's work and when.
    static func label(_ row: RosterAssignment, in scenario: Scenario) -> String {
        "\(row.ref) \(scenario.week.date(atMinute: row.interval.start)) \(ClockTime.text(row.interval.start))"
    }
}
