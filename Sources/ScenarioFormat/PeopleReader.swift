import CareDomain

extension ScenarioReader {
    static let staffFields = ["name", "level", "skills", "contract_hours", "min_hours", "max_hours", "volunteer",
                              "hourly_cost", "organisation", "locations", "available", "absent", "home_area", "max_caseload",
                              "split_shifts", "wishes", "contract", "hourly_wage", "irregular_allowance",
                              "birth_date", "no_night_work", "night_work_consent"]
    static let clientFields = ["product", "location", "attends", "attends_any", "needs", "responsible", "last_evaluation",
                               "area", "visits", "available", "preferred_staff", "max_distinct_staff", "key_workers"]

    func readStaff(_ nodes: [(id: String, node: ValueNode)], context: ReferenceContext) -> [StaffID: Staff] {
        var staff: [StaffID: Staff] = [:]
        for (id, node) in nodes {
            guard let fields = Fields(node, log: log, allowed: Self.staffFields, what: "a staff member") else {
                if node.isNull { log.report(node, "staff member `\(id)` has no fields", hint: "give at least `level` and `contract_hours`") }
                continue
            }
            var kind: ContractKind? = nil
            if let kindNode = fields.optional("contract"), let text = values.text(kindNode)?.trimmingSpaces {
                kind = ContractKind(rawValue: text)
                if kind == nil {
                    log.report(kindNode, "`\(text)` is not a contract type", hint: "use salaried, flex, agency or volunteer")
                }
            }
            let volunteerFlag = fields.optional("volunteer").flatMap(values.boolean)
            if let volunteerFlag, let kind, volunteerFlag != (kind == .volunteer), let node = fields.optional("volunteer") {
                log.report(node, "`volunteer: \(volunteerFlag)` contradicts `contract: \(kind.rawValue)`", hint: "keep one of the two")
            }
            let volunteer = volunteerFlag ?? (kind == .volunteer)
            let paidPerHour = kind == .flex || kind == .agency
            if paidPerHour, let kind, let node = fields.optional("contract_hours") {
                log.report(node, "\(id) is \(kind == .flex ? "a flex worker" : "an agency worker"), paid per hour worked: a contract_hours is for salaried staff",
                           hint: kind == .flex ? "leave contract_hours out and give `min_hours` and `max_hours`" : "leave contract_hours out (give `max_hours` to cap their week)")
            }
            let level: QualificationLevel? = volunteer
                ? fields.optional("level").flatMap { self.level($0, scale: context.scale) } ?? context.scale.levels.first
                : fields.required("level", hint: "add `level: mbo3` (one of \(context.scale.levels.map(\.name).joined(separator: ", ")))")
                    .flatMap { self.level($0, scale: context.scale) }
            let contract: Double? = paidPerHour ? 0 : volunteer
                ? fields.optional("contract_hours").flatMap { values.number($0, what: "contract_hours") } ?? 0
                : fields.required("contract_hours", hint: "add the weekly contract hours, e.g. `contract_hours: 32`")
                    .flatMap { values.number($0, what: "contract_hours") }
            let minHours = fields.optional("min_hours").flatMap { values.number($0, what: "min_hours") } ?? 0
            let maxHours = fields.optional("max_hours").flatMap { values.number($0, what: "max_hours") }
            if let contract, let maxNode = fields.optional("max_hours"), let maxHours, maxHours < minHours {
                log.report(maxNode, "max_hours \(format(maxHours)) is below min_hours \(format(minHours))",
                           hint: "max_hours must be at least min_hours (contract_hours is \(format(contract)))")
            }
            if maxHours == nil, !paidPerHour, let contract, minHours > contract, let minNode = fields.optional("min_hours") {
                log.report(minNode, "min_hours \(format(minHours)) is above contract_hours \(format(contract)), the default max_hours",
                           hint: "lower min_hours or set max_hours")
            }
            let locations: Set<LocationID>? = fields.optional("locations").map { node in
                Set(values.list(node).compactMap { reference($0, in: context.locations, noun: "location", plural: "locations") })
            }
            let available = fields.optional("available").flatMap { values.windows($0, what: "an availability window") }
            let absent = Set(fields.optional("absent").map { values.list($0).compactMap(values.date) } ?? [])
            let splitShifts = fields.optional("split_shifts").flatMap(values.boolean)
            let wishes = fields.optional("wishes").map { readWishes($0, context: context) } ?? []
            guard let level, let contract else { continue }
            staff[StaffID(id)] = Staff(
                id: StaffID(id), name: fields.optional("name").flatMap(values.text) ?? id, level: level,
                skills: Set(fields.optional("skills").map(values.texts) ?? []), contractHours: contract,
                // Paid per hour without a `max_hours`: no ceiling of their own, the Act's week limit holds.
                minHours: minHours, maxHours: maxHours ?? (paidPerHour ? 168 : contract), isVolunteer: volunteer,
                hourlyCost: fields.optional("hourly_cost").flatMap { values.number($0, what: "hourly_cost") },
                organisation: fields.optional("organisation").flatMap(values.text),
                locations: locations, available: available, absent: absent,
                homeArea: fields.optional("home_area").flatMap(values.text),
                maxCaseload: fields.optional("max_caseload").flatMap { values.integer($0, what: "max_caseload") })
            staff[StaffID(id)]?.splitShifts = splitShifts
            staff[StaffID(id)]?.contract = volunteer ? .volunteer : kind ?? .salaried
            staff[StaffID(id)]?.hourlyWage = fields.optional("hourly_wage").flatMap { values.number($0, exclusive: true, maximum: 10_000, what: "hourly_wage") }
            staff[StaffID(id)]?.irregularAllowance = fields.optional("irregular_allowance").flatMap(values.boolean) ?? true
            if let wage = staff[StaffID(id)]?.hourlyWage, let cost = staff[StaffID(id)]?.hourlyCost, wage > cost, kind != .agency,
               let node = fields.optional("hourly_wage") {
                log.report(node, "hourly_wage \(format(wage)) is above hourly_cost \(format(cost)); the employer's cost of an hour includes the wage",
                           hint: "hourly_cost is the wage plus employer charges (about 1.3 to 1.4 times the wage)")
            }
            staff[StaffID(id)]?.wishes = wishes
            if let node = fields.optional("birth_date"), let born = values.date(node) {
                if born.year < 1900 {
                    log.report(node, "birth_date \(born) is before 1900", hint: "write the date of birth as YYYY-MM-DD")
                } else {
                    staff[StaffID(id)]?.birthDate = born
                }
            }
            staff[StaffID(id)]?.noNightWork = fields.optional("no_night_work").flatMap(values.boolean) ?? false
            staff[StaffID(id)]?.nightWorkConsent = fields.optional("night_work_consent").flatMap(values.boolean) ?? false
        }
        return staff
    }

    /// `wishes`: `{date, off: true, weight}`, `{days, session, avoid: true, weight}` or
    /// `{days, session, prefer: true, weight}`; weight 1 (nice) to 5 (important), default 1.
    func readWishes(_ node: ValueNode, context: ReferenceContext) -> [StaffWish] {
        let sessionNames = Set(context.locations.values.flatMap { $0.sessions.map(\.name) })
        return values.list(node).compactMap { item -> StaffWish? in
            guard let fields = Fields(item, log: log, allowed: ["date", "days", "session", "off", "avoid", "prefer", "weight"], what: "a wish") else { return nil }
            let weight = fields.optional("weight").flatMap { values.integer($0, minimum: 1, what: "wish weight") } ?? 1
            if weight > 5, let weightNode = fields.optional("weight") {
                log.report(weightNode, "a wish's weight is \(weight); weights run from 1 (nice) to 5 (important)", hint: "use 1 to 5")
                return nil
            }
            let flags = ["off", "avoid", "prefer"].filter { fields.optional($0).flatMap(values.boolean) == true }
            guard flags.count == 1, let flag = flags.first else {
                log.report(item, "a wish says exactly one of `off: true`, `avoid: true` or `prefer: true`",
                           hint: "e.g. {date: 2026-03-18, off: true, weight: 5} or {days: sat-sun, session: nacht, avoid: true}")
                return nil
            }
            if flag == "off" {
                guard let dateNode = fields.required("date", hint: "a day off names its `date`, e.g. `date: 2026-03-18`"),
                      let date = values.date(dateNode) else { return nil }
                return StaffWish(kind: .dayOff(date), weight: weight)
            }
            guard let sessionNode = fields.required("session", hint: "name the session, e.g. `session: nacht`"),
                  let session = values.text(sessionNode)?.trimmingSpaces else { return nil }
            guard sessionNames.contains(session) else {
                log.report(sessionNode, "no location has a session `\(session)`", hint: "sessions: \(sessionNames.sorted().joined(separator: ", "))")
                return nil
            }
            if let dateNode = fields.optional("date") {
                log.report(dateNode, "a wish to \(flag) a session names `days`, not a `date`", hint: "write e.g. `days: sat-sun`")
                return nil
            }
            let days = fields.optional("days").flatMap(values.days) ?? Weekday.allCases
            return StaffWish(kind: flag == "avoid" ? .avoid(session: session, days: days) : .prefer(session: session, days: days), weight: weight)
        }
    }

    func readClients(_ nodes: [(id: String, node: ValueNode)], context: ReferenceContext, staff: [StaffID: Staff]) -> [ClientID: Client] {
        var clients: [ClientID: Client] = [:]
        for (id, node) in nodes {
            guard let fields = Fields(node, log: log, allowed: Self.clientFields, what: "a client") else {
                if node.isNull { log.report(node, "client `\(id)` has no fields", hint: "give at least `product`") }
                continue
            }
            let product = fields.required("product", hint: "add the client's care product, e.g. `product: groep-duurzaam`")
                .flatMap { reference($0, in: context.products, noun: "product", plural: "products") }
                .flatMap { context.products[$0] }
            let location = fields.optional("location").flatMap { reference($0, in: context.locations, noun: "location", plural: "locations") }
            if product?.setting == .group, fields.optional("location") == nil {
                log.report(at: node.location, path: node.child("location"), "a group client needs a `location`",
                           hint: "add the location whose sessions the client attends")
            }
            let attends = fields.optional("attends").map { slots($0, at: location, context: context) } ?? []
            if Set(attends).count != attends.count, let attendsNode = fields.optional("attends") {
                log.report(attendsNode, "a session is listed twice", hint: "list each session once")

            }
            let attendsAny = fields.optional("attends_any").flatMap { attendanceChoice($0, at: location, context: context) }
            if let attendsAny, let anyNode = fields.optional("attends_any"), !Set(attendsAny.options).isDisjoint(with: attends) {
                log.report(anyNode, "attends_any offers a session the client already attends",
                           hint: "leave sessions in `attends` out of `attends_any.of`")
            }
            let responsibleNode = fields.optional("responsible")
            let responsible = responsibleNode.flatMap { reference($0, in: staff, noun: "staff member", plural: "staff") }
            // A fixed responsible the product's rule refuses would leave the solver no roster to write.
            if let responsibleNode, let responsible, let person = staff[responsible], let product, let level = product.responsibleLevel,
               !person.mayBeResponsible(for: product) {
                let skills = product.responsibleSkills.sorted()
                log.report(responsibleNode, "\(responsible) (\(person.isVolunteer ? "a volunteer" : person.level.name)) may not hold end responsibility for \(product.id): it asks a professional of \(level.name) or higher\(skills.isEmpty ? "" : " with \(skills.joined(separator: ", "))")",
                           hint: "name someone who is, or leave `responsible` out and let the plan choose")
            }
            let ambulatory = readAmbulatory(fields, product: product, staff: staff)
            guard let product else { continue }
            clients[ClientID(id)] = Client(
                id: ClientID(id), product: product.id, location: location, attends: attends, attendsAny: attendsAny,
                needs: Set(fields.optional("needs").map(values.texts) ?? []), responsible: responsible,
                lastEvaluation: fields.optional("last_evaluation").flatMap(values.date), ambulatory: ambulatory)
            clients[ClientID(id)]?.keyWorkers = fields.optional("key_workers").map { node in
                values.list(node).compactMap { reference($0, in: staff, noun: "staff member", plural: "staff") }
            } ?? []
        }
        return clients
    }

    private func readAmbulatory(_ fields: Fields, product: Product?, staff: [StaffID: Staff]) -> AmbulatoryNeed? {
        let visitsNode = fields.optional("visits")
        if product?.setting == .ambulatory, visitsNode == nil {
            log.report(at: fields.node.location, path: fields.node.child("visits"), "an ambulatory client needs `visits`",
                       hint: "add visits: {count: 2, minutes: 60}")
        }
        guard let visitsNode, let visits = Fields(visitsNode, log: log, allowed: ["count", "minutes", "max_per_day"], what: "visits") else { return nil }
        let count = visits.required("count", hint: "add `count:` visits a week").flatMap { values.integer($0, what: "visit count") }
        let minutes = visits.required("minutes", hint: "add `minutes:` per visit").flatMap { values.integer($0, minimum: 1, what: "visit minutes") }
        let maxPerDay = visits.optional("max_per_day").flatMap { values.integer($0, minimum: 1, what: "max_per_day") } ?? 1
        let preferred = (fields.optional("preferred_staff").map(values.list) ?? [])
            .compactMap { reference($0, in: staff, noun: "staff member", plural: "staff") }
        guard let count, let minutes else { return nil }
        return AmbulatoryNeed(
            area: fields.optional("area").flatMap(values.text), visitCount: count, visitMinutes: minutes, maxPerDay: maxPerDay,
            available: fields.optional("available").flatMap { values.windows($0, what: "an availability window") },
            preferredStaff: preferred,
            maxDistinctStaff: fields.optional("max_distinct_staff").flatMap { values.integer($0, minimum: 1, what: "max_distinct_staff") })
    }

    private func slots(_ node: ValueNode, at location: LocationID?, context: ReferenceContext) -> [SessionSlot] {
        values.list(node).compactMap { item in
            guard let slot = values.slot(item) else { return nil }
            if let location, !context.hasSession(slot, at: location) {
                // A session whose own definition was reported wrong: its cause is said once, there.
                if context.unreadableSessions[location]?.contains(slot.name) == true { return nil }
                log.report(item, "\(location) has no session `\(slot)`", hint: context.sessionNames(at: location))
                return nil
            }
            return slot
        }
    }

    private func attendanceChoice(_ node: ValueNode, at location: LocationID?, context: ReferenceContext) -> AttendanceChoice? {
        guard let fields = Fields(node, log: log, allowed: ["count", "of"], what: "attends_any") else { return nil }
        let count = fields.required("count", hint: "add `count:`, the number of sessions to attend").flatMap { values.integer($0, minimum: 1, what: "count") }
        let options = fields.required("of", hint: "add `of: [mon ochtend, tue ochtend]`").map { slots($0, at: location, context: context) } ?? []
        guard let count else { return nil }
        if count > Set(options).count, let ofNode = fields.optional("of") {
            log.report(ofNode, "count \(count) is more than the \(Set(options).count) sessions offered",
                       hint: "offer at least \(count) sessions or lower the count")
            return nil
        }
        return AttendanceChoice(count: count, options: Array(Set(options)).sorted())
    }

    // MARK: appointments and variants

    func readAppointments(_ node: ValueNode, context: ReferenceContext, clients: [ClientID: Client]) -> [String: Appointment] {
        var appointments: [String: Appointment] = [:]
        for (id, appointmentNode) in entries(node, what: "appointments") {
            guard let fields = Fields(appointmentNode, log: log, allowed: ["client", "minutes", "window", "location", "roles"], what: "an appointment") else { continue }
            let client = fields.optional("client").flatMap { reference($0, in: clients, noun: "client", plural: "clients") }
            let location = fields.optional("location").flatMap { reference($0, in: context.locations, noun: "location", plural: "locations") }
            let minutes = fields.required("minutes", hint: "add the meeting's length, e.g. `minutes: 60`").flatMap { values.integer($0, minimum: 1, what: "minutes") }
            let window = fields.required("window", hint: "add window: {days: mon-fri, from: \"09:00\", to: \"17:00\"}").flatMap { values.window($0, what: "the appointment window") }
            let rolesNode = fields.required("roles", hint: "add roles: [{skills: [huisarts]}, {level: hbo}]")
            if let rolesNode, rolesNode.isEmptyList {
                log.report(rolesNode, "an appointment needs at least one role", hint: "add roles: [{skills: [huisarts]}, {level: hbo}]")
            }
            let roles = (rolesNode.map(values.list) ?? []).compactMap { roleNode -> AppointmentRole? in
                guard let role = Fields(roleNode, log: log, allowed: ["skills", "level"], what: "a role") else { return nil }
                return AppointmentRole(skills: Set(role.optional("skills").map(values.texts) ?? []),
                                       level: role.optional("level").flatMap { level($0, scale: context.scale) })
            }
            guard let minutes, let window, !roles.isEmpty else { continue }
            appointments[id] = Appointment(id: id, client: client, minutes: minutes, window: window, location: location, roles: roles)
        }
        return appointments
    }

    /// The `variants` section: each variant's name, client factor, fields to set and people to remove.
    func readVariants(_ node: ValueNode) -> [ScenarioVariant] {
        var variants: [ScenarioVariant] = []
        var names: Set<String> = []
        for variantNode in values.list(node) {
            guard let fields = Fields(variantNode, log: log, allowed: ["name", "scale_clients", "set", "remove"], what: "a variant") else { continue }
            guard let name = fields.required("name", hint: "add `name: \"+20% clients\"`").flatMap(values.text) else { continue }
            if !names.insert(name).inserted {
                log.report(variantNode, "two variants are named `\(name)`", hint: "give each variant its own name")
            }
            let scale = fields.optional("scale_clients").flatMap { values.number($0, exclusive: true, maximum: ScenarioVariant.largestScale, what: "scale_clients") }
            var assignments: [(path: String, value: ValueNode)] = []
            if let set = fields.optional("set") {
                if case let .mapping(pairs) = set.content {
                    assignments = pairs.map { ($0.key, $0.value) }
                } else {
                    log.report(set, "expected `path: value` pairs, found \(set.kindName)", hint: "write set: {products.ID.ratio: 4}")
                }
            }
            let removals = (fields.optional("remove").map(values.list) ?? []).compactMap(values.text)
            variants.append(ScenarioVariant(name: name, scaleClients: scale, assignments: assignments, removals: removals))
        }
        return variants
    }
}

extension ScenarioReader {
    /// An id that must name an entry of `known`; an unknown one is reported with the known ids.
    func reference<ID: CareIdentifier, Value>(_ node: ValueNode, in known: [ID: Value], noun: String, plural: String) -> ID? {
        guard let text = values.text(node) else { return nil }
        let id = ID(text)
        guard known[id] != nil else {
            // Named in its section but not read (its own problem was reported there): said once.
            if declared[noun == "staff member" ? "staff members" : noun + "s"]?.contains(text) == true { return nil }
            log.report(node, "unknown \(noun) `\(text)`", hint: knownIds(known.keys.map(\.rawValue), kind: plural))
            return nil
        }
        return id
    }
}

func knownIds(_ ids: [String], kind: String) -> String {
    let sorted = ids.sorted()
    if sorted.isEmpty { return "the scenario defines no \(kind)" }
    let shown = sorted.prefix(12).joined(separator: ", ")
    return "known \(kind): \(shown)\(sorted.count > 12 ? ", …" : "")"
}

func format(_ hours: Double) -> String {
    hours == hours.rounded() ? String(Int(hours)) : String(hours)
}
