import CareDomain

/// Visits and evaluations: who, when, where and how often; and that every visit or due
/// evaluation is either in the roster or reported uncovered.
struct ClientWorkCheck {
    let scenario: Scenario

    func check(_ roster: Roster) -> [Violation] {
        var violations: [Violation] = []
        let responsibleOf = Dictionary(roster.responsibilities.map { ($0.client, $0.staff) }, uniquingKeysWith: { first, _ in first })
        let visits = Dictionary(grouping: roster.assignments.filter { $0.activity == .visit }, by: { $0.clients.first })
        let evaluations = Dictionary(grouping: roster.assignments.filter { $0.activity == .evaluation }, by: { $0.clients.first })
        for row in roster.assignments where (row.activity == .visit || row.activity == .evaluation) && row.clients.count != 1 {
            violations.append(Violation(rule: "client", message: "\(row.activity.rawValue) row of \(row.staff) (\(row.ref)) must name exactly one client"))
        }
        // Indexed once: a region's week has thousands of clients and uncovered rows.
        var visitsReported: [ClientID: Int] = [:]
        var evaluationReported: Set<ClientID> = []
        for row in roster.uncovered {
            guard let id = row.client else { continue }
            if row.activity == .visit { visitsReported[id, default: 0] += 1 }
            if row.activity == .evaluation { evaluationReported.insert(id) }
        }
        for client in scenario.clients.values.sorted(by: { $0.id < $1.id }) {
            guard let product = scenario.products[client.product] else { continue }
            let rows = (visits[client.id] ?? []).sorted { $0.interval.start < $1.interval.start }
            let count = client.ambulatory?.visitCount ?? 0
            let minutes = client.ambulatory?.visitMinutes ?? 0
            let windows = clientWindows(client, product: product)
            for row in rows {
                violations += place(row, client: client, product: product, minutes: minutes, windows: windows, requiredLevel: product.minLevel)
            }
            let reported = visitsReported[client.id] ?? 0
            if rows.count > count {
                violations.append(Violation(rule: "visits", message: "\(client.id) gets \(rows.count) visits, \(count) asked"))
            } else if rows.count + reported != count {
                violations.append(Violation(rule: "visits", message: "\(client.id) asks \(count) visits: \(rows.count) rostered, \(reported) reported uncovered"))
            }
            let maxPerDay = client.ambulatory?.maxPerDay ?? 1
            for (date, sameDay) in Dictionary(grouping: rows, by: { scenario.week.date(atMinute: $0.interval.start) }) where sameDay.count > maxPerDay {
                violations.append(Violation(rule: "visits a day", message: "\(client.id) gets \(sameDay.count) visits on \(date), at most \(maxPerDay)"))
            }
            let visitors = Set(rows.map(\.staff))
            if let limit = client.ambulatory?.maxDistinctStaff, visitors.count > limit {
                violations.append(Violation(rule: "max distinct staff", message: "\(client.id) sees \(visitors.count) different visitors (\(visitors.map(\.rawValue).sorted().joined(separator: ", "))), at most \(limit)"))
            }
            // Evaluations.
            let held = evaluations[client.id] ?? []
            let due = isDue(client, product: product)
            let reportedEvaluation = evaluationReported.contains(client.id)
            if !due, !held.isEmpty {
                violations.append(Violation(rule: "evaluation", message: "\(client.id) is not due for an evaluation this week, yet one is rostered"))
            }
            if due, held.count + (reportedEvaluation ? 1 : 0) != 1 {
                violations.append(Violation(rule: "evaluation", message: "\(client.id) is due for an evaluation: \(held.count) rostered, \(reportedEvaluation ? 1 : 0) reported uncovered; exactly one is expected"))
            }
            for row in held {
                if isOverdue(client, product: product) != row.ref.hasSuffix("overdue") {
                    violations.append(Violation(rule: "evaluation", message: "\(client.id)'s evaluation is \(isOverdue(client, product: product) ? "overdue but its ref does not say so" : "marked overdue but is not") (ref \(row.ref))"))
                }
                if let latest = latestDate(client, product: product), scenario.week.date(atMinute: row.interval.start) > latest {
                    violations.append(Violation(rule: "evaluation deadline", message: "\(client.id)'s evaluation is held on \(scenario.week.date(atMinute: row.interval.start)), after its deadline \(latest)"))
                }
                if responsibleOf[client.id] != row.staff {
                    violations.append(Violation(rule: "evaluation", message: "\(client.id)'s evaluation is held by \(row.staff), not by the responsible professional"))
                }
                violations += place(row, client: client, product: product, minutes: 60, windows: evaluationWindows(client, product: product), requiredLevel: nil)
            }
        }
        return violations
    }

    /// One visit or evaluation row: length, grid, windows, area, qualification.
    private func place(_ row: RosterAssignment, client: Client, product: Product, minutes: Int, windows: [(start: Int, end: Int)],
                       requiredLevel: QualificationLevel?) -> [Violation] {
        var violations: [Violation] = []
        let when = row.interval.label(in: scenario.week)
        let what = "\(row.activity.rawValue) \(row.ref) of \(client.id) (\(when))"
        if row.interval.minutes != minutes {
            violations.append(Violation(rule: "length", message: "\(what) lasts \(row.interval.minutes) min, \(minutes) expected"))
        }
        if ((row.interval.start % 1440) + 1440) % 1440 % scenario.timeStepMinutes != 0 {
            violations.append(Violation(rule: "time step", message: "\(what) does not start on the \(scenario.timeStepMinutes)-minute grid"))
        }
        if !windows.contains(where: { $0.start <= row.interval.start && row.interval.end <= $0.end }) {
            let office = product.officeHours.isEmpty ? "" : " and the product's office hours"
            violations.append(Violation(rule: "client hours", message: "\(what) is not inside the client's available time\(office)"))
        }
        if row.area != expectedArea(of: client, in: scenario) && row.activity == .visit {
            violations.append(Violation(rule: "area", message: "\(what) is in area \(row.area ?? "none"), the client is in \(expectedArea(of: client, in: scenario) ?? "none")"))
        }
        if row.activity == .evaluation, row.location != client.location {
            violations.append(Violation(rule: "area", message: "\(what) is not where the client is"))
        }
        guard let person = scenario.staff[row.staff] else { return violations }
        if row.location == nil, let allowed = person.locations {
            violations.append(Violation(rule: "location", message: "\(what): \(row.staff) works only at \(allowed.map(\.rawValue).sorted().joined(separator: ", ")), not in clients' homes"))
        }
        if let level = requiredLevel {
            if person.isVolunteer || person.level < level {
                violations.append(Violation(rule: "visit level", message: "\(what): \(row.staff) is \(person.isVolunteer ? "a volunteer" : person.level.name), the product asks a professional of \(level.name) or higher"))
            }
            // The client's needs and the product's discipline (`skills`).
            let missing = client.needs.union(product.skills).subtracting(person.skills)
            if !missing.isEmpty {
                violations.append(Violation(rule: "client needs", message: "\(what): \(row.staff) lacks \(missing.sorted().joined(separator: ", "))"))
            }
        }
        return violations
    }

    /// The client's available time inside office hours, as stretches of the week.
    func clientWindows(_ client: Client, product: Product) -> [(start: Int, end: Int)] {
        let own = client.ambulatory?.available.map(coveredStretches) ?? [(start: -10080, end: 2 * 10080)]
        guard !product.officeHours.isEmpty else { return own }
        return intersect(own, coveredStretches(product.officeHours))
    }

    /// An evaluation is held at home in the client's available time, or at the location during a
    /// session the client attends or may attend; inside office hours where the product has them.
    func evaluationWindows(_ client: Client, product: Product) -> [(start: Int, end: Int)] {
        if client.ambulatory != nil { return clientWindows(client, product: product) }
        let slots = Set(client.attends + (client.attendsAny?.options ?? []))
        var stretches: [(start: Int, end: Int)] = []
        if let location = client.location, let known = scenario.locations[location] {
            for template in known.sessions {
                for day in template.window.days where slots.contains(SessionSlot(day: day, name: template.name)) {
                    let interval = template.window.interval(on: day)
                    stretches.append((interval.start, interval.end))
                }
            }
        }
        guard !product.officeHours.isEmpty else { return stretches }
        return intersect(stretches, coveredStretches(product.officeHours))
    }

    private func intersect(_ a: [(start: Int, end: Int)], _ b: [(start: Int, end: Int)]) -> [(start: Int, end: Int)] {
        var result: [(start: Int, end: Int)] = []
        for left in a {
            for right in b where max(left.start, right.start) < min(left.end, right.end) {
                result.append((max(left.start, right.start), min(left.end, right.end)))
            }
        }
        return result
    }

    /// Due when the deadline (`last_evaluation` + `evaluation_months`) is on or before the week's
    /// Sunday, or when the client was never evaluated (SCENARIO.md 1.1), or when the deadline is
    /// in the next week before any time the client can be evaluated in it (SCENARIO.md 1.2).
    private func isDue(_ client: Client, product: Product) -> Bool {
        guard let months = product.evaluationMonths else { return false }
        guard let last = client.lastEvaluation else { return true }
        let deadline = last.subtracting(months: -months)
        let sunday = scenario.week.date(of: .sun)
        if deadline <= sunday { return true }
        guard deadline <= sunday.adding(days: 7) else { return false }
        // The week's times repeat next week: is one of them on or before the deadline's day?
        let days = deadline.daysSinceEpoch - sunday.daysSinceEpoch
        let times = evaluationWindows(client, product: product).filter { $0.start >= 0 && $0.start < PlanningWeek.minutesPerWeek }
        return !times.isEmpty && !times.contains { $0.start < days * 1440 }
    }

    /// Whether the deadline had passed before the week began (or there was never an evaluation).
    private func isOverdue(_ client: Client, product: Product) -> Bool {
        guard let months = product.evaluationMonths else { return false }
        guard let last = client.lastEvaluation else { return true }
        return last.subtracting(months: -months) < scenario.week.monday
    }

    /// The last date an evaluation may be held this week: its deadline when that falls inside the week.
    func latestDate(_ client: Client, product: Product) -> CivilDate? {
        guard let months = product.evaluationMonths, let last = client.lastEvaluation else { return nil }
        let deadline = last.subtracting(months: -months)
        return deadline >= scenario.week.monday ? deadline : nil
    }
}
