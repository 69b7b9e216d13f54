import CareDomain

/// The model's objective evaluated on a finished roster, so that rosters from the construction,
/// from GLPK and from the polish are compared on one scale (`ObjectiveWeights`), and the written
/// roster's own value stands against the bound.
struct RosterScore {
    let scenario: Scenario
    let weights: ObjectiveWeights
    let staff: [Staff]
    let work: AmbulatoryDemand

    func objective(assignments: [RosterAssignment], uncovered: [UncoveredDemand], responsibilities: [Responsibility]) -> Double {
        var total = 0.0
        for row in uncovered {
            switch row.kind {
            case .attendance: total += row.hours * weights.unplacedAttendancePerHour
            case .responsible: total += weights.missingResponsible
            default: total += row.hours * weights.uncoveredCarePerHour
            }
        }
        let hours = Self.modelMinutes(assignments, responsibilities: responsibilities, in: scenario).mapValues { Double($0) / 60 }
        var faces: Set<String> = []
        for row in assignments {
            if row.activity == .group, let location = row.location { faces.insert("\(row.staff) \(location)") }
            if scenario.dutyKind(of: row) == .onCall { total += weights.onCallDuty }
        }
        total += Double(faces.count) * weights.faceAtLocation
        for person in staff { total += weights.priceOfHours(hours[person.id] ?? 0, by: person, in: scenario) }
        total += allowances(assignments)
        let visitsByClient = Dictionary(grouping: assignments.filter { $0.activity == .visit }) { $0.clients.first }
        for task in work.tasks where task.kind == .visit {
            let rows = visitsByClient[task.client] ?? []
            let preferred = Set(task.preferredStaff)
            for visitor in Set(rows.map(\.staff)) {
                total += weights.visitorFace + (!preferred.isEmpty && !preferred.contains(visitor) ? weights.notPreferredVisitor : 0)
            }
            for row in rows {
                if let home = scenario.staff[row.staff]?.homeArea, let area = task.area {
                    total += Double(scenario.travel.minutes(from: home, to: area)) * weights.travelPerMinute
                }
            }
        }
        return total + softPreferences(assignments)
    }

    /// Each person's minutes as the model's hours row counts them: a group session as if alone in
    /// its shift (break out, sleep with its factor), on-call duty none, client work in full, plus
    /// coordination; so a roster scores what its model solution does, the model's bound holds
    /// for the score, and `PartEngine` sees what the row would count for a roster.
    static func modelMinutes(_ assignments: [RosterAssignment], responsibilities: [Responsibility], in scenario: Scenario) -> [StaffID: Int] {
        var minutes: [StaffID: Int] = [:]
        for row in assignments where scenario.dutyKind(of: row) != .onCall {
            minutes[row.staff, default: 0] += row.activity == .group
                ? WorkingTime.minutes(alone: scenario.workPiece(row), rules: scenario.labourRules) : row.interval.minutes
        }
        for row in responsibilities { minutes[row.staff, default: 0] += row.coordinationMinutes }
        return minutes
    }

    /// Wishes, key workers and fairness, priced as their rules in the model price them.
    func softPreferences(_ assignments: [RosterAssignment]) -> Double {
        let ids = Set(staff.map(\.id))
        let hasWishes = staff.contains { !$0.wishes.isEmpty }
        let keyed = scenario.clients.values.contains { !$0.keyWorkers.isEmpty }
        let roster = Roster(assignments: assignments.filter { ids.contains($0.staff) }, uncovered: [])
        var total = 0.0
        // Backward rotations between consecutive group sessions, as `RotationObjective` prices them.
        // And shortened daily rests between them, as `ShortenedRestObjective` prices them.
        let rules = scenario.labourRules
        for (_, rows) in Dictionary(grouping: roster.assignments.filter { $0.activity == .group }, by: \.staff) {
            let sorted = rows.map(\.interval).sorted()
            for (earlier, later) in zip(sorted, sorted.dropFirst()) where isBackwardRotation(earlier, later) {
                total += weights.backwardRotation
            }
            let working = rows.filter { scenario.dutyKind(of: $0) != .onCall }.map(\.interval).sorted()
            for (earlier, later) in zip(working, working.dropFirst()) where isShortenedRest(earlier, later, rules: rules) {
                total += weights.shortenedRest
            }
        }
        guard hasWishes || keyed || !scenario.settings.fairness.isEmpty else { return total }
        if hasWishes {
            let byStaff = Dictionary(grouping: roster.assignments, by: \.staff)
            for person in staff {
                let rows = (byStaff[person.id] ?? []).filter { $0.activity == .group }
                for wish in person.wishes {
                    let cost = weights.wishPerWeight * Double(wish.weight)
                    switch wish.kind {
                    case let .dayOff(date):
                        let start = scenario.week.startMinute(of: date)
                        guard start >= 0, start < PlanningWeek.minutesPerWeek else { continue }
                        // As the model's worked-day binary: any work touching the day.
                        if (byStaff[person.id] ?? []).contains(where: { $0.interval.touchedDays.contains(start / 1440) }) { total += cost }
                    case let .avoid(session, days):
                        total += cost * Double(rows.filter { $0.ref == session && days.contains(scenario.week.date(atMinute: $0.interval.start).weekday) }.count)
                    case let .prefer(session, days):
                        total += cost * Double(rows.filter { $0.ref != session && days.contains(scenario.week.date(atMinute: $0.interval.start).weekday) }.count)
                    }
                }
            }
        }
        if keyed {
            for row in roster.assignments where row.activity == .group && row.role == .professional {
                // The model prices the clients who attend the session as a fixed dagdeel.
                let slot = SessionSlot(day: scenario.week.date(atMinute: row.interval.start).weekday, name: row.ref)
                let strangers = row.clients.compactMap { scenario.clients[$0] }.filter {
                    !$0.keyWorkers.isEmpty && $0.attends.contains(slot) && !$0.keyWorkers.contains(row.staff)
                }
                total += weights.notKeyWorker * Double(strangers.count)
            }
        }
        for (measure, shares) in RosterPreferences.fairness(scenario, roster: roster, among: staff.filter { !$0.isHire }) where shares.count > 1 {
            let before = scenario.history.fairnessSoFar[measure] ?? [:]
            total += weights.unfairPerSession * shares.reduce(0) { sum, share in
                let tally = before[share.staff] ?? FairTally()
                return sum + abs(share.count + tally.count - share.share - tally.share)
            }
        }
        return total
    }
}

extension RosterScore {
    /// The allowances of the group rows, as `AllowanceObjective` prices them.
    func allowances(_ assignments: [RosterAssignment]) -> Double {
        guard !scenario.pay.allowances.bands.isEmpty else { return 0 }
        let ids = Set(staff.map(\.id))
        return assignments.reduce(0.0) { sum, row in
            row.activity == .group && ids.contains(row.staff) ? sum + scenario.allowance(of: row).euros * weights.costPerEuro : sum
        }
    }
}

extension ObjectiveWeights {
    /// The objective's price of `worked` hours of `person`'s week (`HoursPrice`). The one place the
    /// score, the construction's priority and the bound take it from.
    func priceOfHours(_ worked: Double, by person: Staff, in scenario: Scenario) -> Double {
        hoursPrice(of: person, in: scenario).price(worked)
    }

    /// The price of a person's first hour: how dear their work is to the objective before any
    /// contract is filled (salaried people alike; flex dearer; agency dearer still; a vacancy dearest).
    func hourlyRate(of person: Staff, in scenario: Scenario) -> Double {
        hoursPrice(of: person, in: scenario).marginal(after: 0)
    }
}
