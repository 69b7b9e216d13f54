import CareDomain

/// Says why a visit, evaluation, appointment or responsibility could not be planned.
struct ClientWorkExplainer {
    let model: WeekModel

    private var scenario: Scenario { model.scenario }

    func unplacedTask(_ task: ClientTask, number: Int, causes: [StaffID: RuleViolation], responsible: StaffID?) -> UncoveredDemand {
        let product = scenario.products[task.product]
        let client = scenario.clients[task.client]
        let level = product?.minLevel.name ?? ""
        let needs = (client?.needs ?? []).sorted()
        let what: ShortfallNeed = task.kind == .visit
            ? .visit(client: task.client, number: number, minutes: task.minutes, level: level, skills: needs)
            : .evaluation(client: task.client, minutes: task.minutes)
        return UncoveredDemand(
            interval: nil, activity: task.kind == .visit ? .visit : .evaluation, location: task.location, client: task.client,
            product: task.product, need: what, kind: task.kind == .visit ? .visit : .evaluation, hours: task.hours,
            reason: reason(task, causes: causes, responsible: responsible, product: product), ref: task.kind == .visit ? "\(task.client)#\(number)" : EvaluationRule.ref(task.client, overdue: task.overdue),
            clientsPresent: [])
    }

    private func reason(_ task: ClientTask, causes: [StaffID: RuleViolation], responsible: StaffID?, product: Product?) -> ShortfallReason {
        if let early = summary(task, causes: causes, responsible: responsible, product: product) { return ShortfallReason(summary: early) }
        return ShortfallReason(summary: PlannerText(en: "no qualified person could fit it in", nl: "geen gekwalificeerde medewerker kon het inpassen"),
                               causes: ShortfallReason.grouped(causes), namesEveryone: false)
    }

    /// What stands in the way before any person's week is asked; nil when the persons' rules do.
    private func summary(_ task: ClientTask, causes: [StaffID: RuleViolation], responsible: StaffID?, product: Product?) -> PlannerText? {
        let grid = TimeGrid(step: scenario.timeStepMinutes)
        if !grid.fits(task.minutes, in: task.windows) {
            let office = !(product?.officeHours.isEmpty ?? true)
            return PlannerText(en: "the client's available time\(office ? " inside the product's office hours" : "") has no room for \(task.minutes) minutes",
                               nl: "de beschikbare tijd van de cliënt\(office ? " binnen de kantoortijden van het product" : "") heeft geen ruimte voor \(task.minutes) minuten")
        }
        if task.kind == .evaluation, responsible == nil {
            return PlannerText(en: "the client has no responsible professional to hold it", nl: "de cliënt heeft geen eindverantwoordelijke om haar te houden")
        }
        if task.options.isEmpty {
            let qualified = scenario.sortedStaff.filter { person in
                task.kind == .evaluation ? person.id == responsible
                    : (product.map(person.executes) ?? !person.isVolunteer)
                    && (scenario.clients[task.client]?.needs ?? []).isSubset(of: person.skills)
            }
            if qualified.isEmpty {
                return PlannerText(en: "nobody on the staff is qualified (level, the product's discipline and the client's needs)",
                                   nl: "niemand in het team is gekwalificeerd (niveau, discipline van het product en behoeften van de cliënt)")
            }
            let ids = qualified.map(\.id)
            return PlannerText(en: "no qualified person is available (or present) when the client can be seen: " + names.list(ids, in: .en),
                               nl: "geen gekwalificeerde medewerker is beschikbaar (of aanwezig) wanneer de cliënt kan: " + names.list(ids, in: .nl))
        }
        if causes.isEmpty {
            return PlannerText(en: "the client already has the most visits a day on every day someone could come",
                               nl: "de cliënt heeft al het maximum aantal bezoeken per dag op elke dag dat iemand kan komen")
        }
        return nil
    }

    private var names: StaffNames { StaffNames(scenario) }

    func missingResponsible(_ demand: ResponsibilityDemand, plans: [StaffID: PersonPlan], caseload: [StaffID: Int]) -> UncoveredDemand {
        let reason: PlannerText
        if demand.candidates.isEmpty {
            reason = PlannerText(en: "nobody on the staff is a professional of \(demand.level.name) or higher who may work for this client",
                                 nl: "niemand in het team is een professional van \(demand.level.name) of hoger die voor deze cliënt mag werken")
        } else {
            let full = demand.candidates.filter { candidate in
                guard let limit = scenario.staff[candidate]?.maxCaseload else { return false }
                return caseload[candidate, default: 0] >= limit
            }
            reason = full.count == demand.candidates.count
                ? PlannerText(en: "every candidate is at their max_caseload: \(names.list(full.sorted(), in: .en))",
                              nl: "elke kandidaat zit aan de max_caseload: \(names.list(full.sorted(), in: .nl))")
                : PlannerText(en: "no candidate has room for it in caseload or hours: \(names.list(demand.candidates.sorted(), in: .en))",
                              nl: "geen kandidaat heeft er ruimte voor in caseload of uren: \(names.list(demand.candidates.sorted(), in: .nl))")
        }
        let client = scenario.clients[demand.client]
        return UncoveredDemand(
            interval: nil, activity: .coordination, location: client?.location, client: demand.client, product: client?.product,
            need: .responsible(demand.level), kind: .responsible,
            hours: Double(demand.coordinationMinutes) / 60, reason: ShortfallReason(summary: reason), ref: "\(demand.client)#responsible", clientsPresent: [])
    }

    func unheldAppointment(_ demand: AppointmentDemand) -> UncoveredDemand {
        let appointment = demand.appointment
        let roles = appointment.roles.map(describe).joined(separator: ", ")
        var reason = PlannerText(en: "no time in the window at which \(appointment.roles.count) different qualified people are all free",
                                 nl: "geen tijd in het venster waarop \(appointment.roles.count) verschillende gekwalificeerde mensen allemaal vrij zijn")
        if let empty = demand.roleCandidates.firstIndex(where: { $0.isEmpty }) {
            reason = PlannerText(en: "nobody on the staff can fill the role \(describe(appointment.roles[empty]))",
                                 nl: "niemand in het team kan de rol \(describe(appointment.roles[empty])) vervullen")
        } else if Set(demand.roleCandidates.flatMap { $0 }).count < appointment.roles.count {
            reason = PlannerText(en: "fewer qualified people than roles; each role needs a different person",
                                 nl: "minder gekwalificeerde mensen dan rollen; elke rol vraagt een ander persoon")
        }
        let client = appointment.client.flatMap { scenario.clients[$0] }
        return UncoveredDemand(
            interval: nil, activity: .appointment, location: appointment.location, client: appointment.client, product: client?.product,
            need: .appointment(id: appointment.id, minutes: appointment.minutes, roles: roles), kind: .appointment, hours: demand.hours,
            reason: ShortfallReason(summary: reason), ref: appointment.id, clientsPresent: [])
    }

    private func describe(_ role: AppointmentRole) -> String {
        var words = role.skills.sorted()
        if let level = role.level { words.append("\(level.name) or higher") }
        return words.isEmpty ? "anyone" : words.joined(separator: " ")
    }

}
