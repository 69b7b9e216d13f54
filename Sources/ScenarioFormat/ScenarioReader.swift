import CareDomain
import Foundation

/// Reads the sections of a scenario in dependency order: levels, products, locations, staff, clients.
final class ScenarioReader {
    let log: IssueLog
    let values: ValueReader
    let file: String
    let folder: String

    init(log: IssueLog, file: String, folder: String) {
        self.log = log
        self.values = ValueReader(log: log)
        self.file = file
        self.folder = folder
    }

    func read(_ original: ValueNode, variant: ScenarioVariant? = nil) -> Scenario? {
        var root = original
        if let variant {
            let place = Fields(original, log: IssueLog(), allowed: ScenarioLoader.topLevelFields, what: "")?.optional("variants")?.location
                ?? original.location
            root = VariantEditor(variant: variant, log: log, location: place).apply(to: inlinePeople(original))
        }
        guard let top = Fields(root, log: log, allowed: ScenarioLoader.topLevelFields, what: "a scenario") else {
            if root.isNull { log.report(root, "the file is empty", hint: "start from an example in scenarios/") }
            return nil
        }
        if let version = top.required("version", hint: "add `version: 1` at the top") {
            if values.text(version) != "1" {
                log.report(version, "version \(version.scalar ?? "?") is not supported", hint: "this program reads `version: 1`")
            }
        }
        let week: PlanningWeek? = top.required("week", hint: "add `week: 2026-W12` (the ISO week to plan)").flatMap { node in
            guard let text = values.text(node) else { return nil }
            guard let week = PlanningWeek(iso: text.trimmingSpaces) else {
                log.report(node, "`\(text)` is not an ISO week", hint: "write the week as YYYY-Www, e.g. 2026-W12")
                return nil
            }
            return week
        }
        let name = top.optional("name").flatMap(values.text) ?? "scenario"
        let timeStep = top.optional("time_step_minutes").flatMap { node -> Int? in
            guard let step = values.integer(node, minimum: 1, what: "time_step_minutes") else { return nil }
            if 1440 % step != 0 {
                log.report(node, "a time step of \(step) minutes does not divide a day", hint: "use 5, 10, 15, 30 or 60")
                return nil
            }
            return step
        } ?? 15
        let settings = top.optional("settings").map(readSettings) ?? RunSettings()
        let scale = top.optional("levels").flatMap(readLevels) ?? QualificationScale()
        if let settingsNode = top.optional("settings") { checkCostLevels(settings.hourlyCostByLevel, scale: scale, node: settingsNode) }
        let products = top.optional("products").map { readProducts($0, scale: scale) } ?? [:]
        let locations = top.optional("locations").map(readLocations) ?? [:]
        let labourRules = top.optional("labour_rules").map(readLabourRules) ?? LabourRules()
        let travel = top.optional("travel").map(readTravel) ?? TravelTable()

        var staffNodes = top.optional("staff").map { entries($0, what: "staff members") } ?? []
        if let fileNode = top.optional("staff_file") {
            staffNodes += csvEntries(fileNode, section: "staff", schema: .staff, existing: staffNodes)
        }
        let context = ReferenceContext(scale: scale, products: products, locations: locations)
        let staff = readStaff(staffNodes, context: context)

        var clientNodes = top.optional("clients").map { entries($0, what: "clients") } ?? []
        if let fileNode = top.optional("clients_file") {
            clientNodes += csvEntries(fileNode, section: "clients", schema: .clients, existing: clientNodes)
        }
        let clients = readClients(clientNodes, context: context, staff: staff)
        checkCapacity(locations: locations, clients: clients, node: top.optional("locations"))
        let appointments = top.optional("appointments").map { readAppointments($0, context: context, clients: clients) } ?? [:]
        if variant == nil, let variants = top.optional("variants") { _ = readVariants(variants) }

        guard let week else { return nil }
        return Scenario(name: name, week: week, timeStepMinutes: timeStep, settings: settings, scale: scale,
                        products: products, locations: locations, staff: staff, clients: clients,
                        appointments: appointments, travel: travel, labourRules: labourRules)
    }

    /// The document with `staff_file` and `clients_file` rows moved into `staff` and `clients`,
    /// so a variant can edit people wherever they were written.
    func inlinePeople(_ root: ValueNode) -> ValueNode {
        guard let top = Fields(root, log: IssueLog(), allowed: ScenarioLoader.topLevelFields, what: "a scenario") else { return root }
        var document = root
        for (section, fileField, schema) in [("staff", "staff_file", CSVSchema.staff), ("clients", "clients_file", CSVSchema.clients)] {
            guard let fileNode = top.optional(fileField) else { continue }
            let written = top.optional(section).map { entries($0, what: section) } ?? []
            let rows = csvEntries(fileNode, section: section, schema: schema, existing: written)
            let merged = (written + rows).map { (key: $0.id, value: $0.node) }
            document = document.replacing(fileField, with: nil)
                .replacing(section, with: ValueNode(content: .mapping(merged), location: fileNode.location, path: section))
        }
        return document
    }

    /// The `id: {fields}` pairs of a section, with each id checked.
    func entries(_ node: ValueNode, what: String) -> [(id: String, node: ValueNode)] {
        guard case let .mapping(pairs) = node.content else {
            if !node.isNull {
                log.report(node, "expected \(what) as `id: {fields}` pairs, found \(node.kindName)",
                           hint: "write each entry as an id followed by its indented fields")
            }
            return []
        }
        return pairs.compactMap { key, value in
            guard isIdentifier(key) else {
                log.report(value, "`\(key)` is not a valid id", hint: "ids use letters, digits, `_`, `.` and `-` only")
                return nil
            }
            return (key, value)
        }
    }

    // MARK: settings, levels, labour rules, travel

    func readSettings(_ node: ValueNode) -> RunSettings {
        var settings = RunSettings()
        guard let fields = Fields(node, log: log, allowed: ["time_limit_seconds", "relative_gap", "fte_hours", "hourly_cost"], what: "settings") else { return settings }
        settings.timeLimitSeconds = fields.optional("time_limit_seconds").flatMap { values.number($0, exclusive: true, what: "time_limit_seconds") }
        settings.relativeGap = fields.optional("relative_gap").flatMap { values.number($0, what: "relative_gap") }
        if let gap = settings.relativeGap, gap >= 1, let node = fields.optional("relative_gap") {
            log.report(node, "relative_gap \(gap) is 100% or more", hint: "write the gap as a fraction, e.g. 0.01 for 1%")
        }
        if let fte = fields.optional("fte_hours").flatMap({ values.number($0, exclusive: true, what: "fte_hours") }) {
            settings.fteHours = fte
        }
        settings.hourlyCostByLevel = fields.optional("hourly_cost").map(readHourlyCosts) ?? [:]
        return settings
    }

    /// `hourly_cost: {level: euro}`; the level names are checked once the levels are known.
    func readHourlyCosts(_ node: ValueNode) -> [String: Double] {
        guard case let .mapping(pairs) = node.content else {
            log.report(node, "expected euro per level, found \(node.kindName)", hint: "write hourly_cost: {mbo2: 35, mbo4: 44, hbo: 52}")
            return [:]
        }
        var costs: [String: Double] = [:]
        for (name, value) in pairs {
            if let cost = values.number(value, what: "hourly_cost.\(name)") { costs[name] = cost }
        }
        return costs
    }

    func checkCostLevels(_ costs: [String: Double], scale: QualificationScale, node: ValueNode) {
        for name in costs.keys.sorted() where scale.level(named: name) == nil {
            log.report(node, "hourly_cost names `\(name)`, which is not a level",
                       hint: "levels: \(scale.levels.map(\.name).joined(separator: ", "))")
        }
    }

    func readLevels(_ node: ValueNode) -> QualificationScale? {
        let names = values.texts(node).map { $0.trimmingSpaces }
        guard !names.isEmpty else {
            log.report(node, "the level list is empty", hint: "list levels lowest first, e.g. [mbo1, mbo2, mbo3, mbo4, hbo, wo]")
            return nil
        }
        if Set(names).count != names.count {
            log.report(node, "a level appears twice", hint: "name each level once, lowest first")
            return nil
        }
        return QualificationScale(names: names)
    }

    func readLabourRules(_ node: ValueNode) -> LabourRules {
        var rules = LabourRules()
        let names: [(String, WritableKeyPath<LabourRules, Int>)] = [
            ("max_shift_hours", \.maxShiftMinutes), ("max_night_shift_hours", \.maxNightShiftMinutes),
            ("max_week_hours", \.maxWeekMinutes), ("min_daily_rest_hours", \.minDailyRestMinutes),
            ("min_rest_after_night_hours", \.minRestAfterNightMinutes), ("min_weekly_rest_hours", \.minWeeklyRestMinutes),
            ("rest_after_night_series_hours", \.restAfterNightSeriesMinutes),
        ]
        guard let fields = Fields(node, log: log, allowed: names.map(\.0), what: "labour_rules") else { return rules }
        for (name, keyPath) in names {
            guard let node = fields.optional(name), let hours = values.number(node, exclusive: true, what: name) else { continue }
            guard hours * 60 >= 1 else {
                log.report(node, "\(name) is \(hours) h, less than a minute", hint: "write hours, e.g. `10` or `9.5`")
                continue
            }
            rules[keyPath: keyPath] = Int((hours * 60).rounded())
        }
        return rules
    }

    func readTravel(_ node: ValueNode) -> TravelTable {
        var table = TravelTable()
        guard let fields = Fields(node, log: log, allowed: ["default_minutes", "minutes"], what: "travel") else { return table }
        if let value = fields.optional("default_minutes").flatMap({ values.integer($0, what: "default_minutes") }) {
            table.defaultMinutes = value
        }
        if let minutes = fields.optional("minutes"), case let .mapping(pairs) = minutes.content {
            for (key, value) in pairs {
                guard let dash = key.firstIndex(of: "-"), dash != key.startIndex, key.index(after: dash) != key.endIndex else {
                    log.report(value, "`\(key)` does not name two areas", hint: "write the pair as \"AREA-AREA\", e.g. \"7901-7903\"")
                    continue
                }
                if let travel = values.integer(value, what: "travel minutes") {
                    table.minutes[AreaPair(String(key[..<dash]), String(key[key.index(after: dash)...]))] = travel
                }
            }
        } else if let minutes = fields.optional("minutes") {
            log.report(minutes, "expected a mapping of area pairs to minutes", hint: "write minutes: {\"7901-7903\": 10}")
        }
        return table
    }

    // MARK: products

    func readProducts(_ node: ValueNode, scale: QualificationScale) -> [ProductID: Product] {
        var products: [ProductID: Product] = [:]
        let allowed = ["name", "setting", "ratio", "min_level", "lead_level", "responsible_level",
                       "coordination_minutes", "evaluation_months", "office_hours"]
        for (id, productNode) in entries(node, what: "products") {
            guard let fields = Fields(productNode, log: log, allowed: allowed, what: "a product") else {
                if productNode.isNull { log.report(productNode, "product `\(id)` has no fields", hint: "give at least `setting` and `min_level`") }
                continue
            }
            let setting: CareSetting? = fields.required("setting", hint: "add `setting: group` or `setting: ambulatory`").flatMap { node in
                guard let text = values.text(node) else { return nil }
                guard let setting = CareSetting(rawValue: text) else {
                    log.report(node, "`\(text)` is not a care setting", hint: "use `group` or `ambulatory`")
                    return nil
                }
                return setting
            }
            let ratio = fields.optional("ratio").flatMap { values.integer($0, minimum: 1, what: "ratio") }
            if setting == .group, fields.optional("ratio") == nil {
                log.report(at: productNode.location, path: productNode.child("ratio"), "a group product needs a `ratio`",
                           hint: "add `ratio: 5` for at most 5 clients per counted professional")
            }
            let minLevel = fields.required("min_level", hint: "add `min_level: mbo2` (the least level that executes this product)")
                .flatMap { level($0, scale: scale) }
            let leadLevel = fields.optional("lead_level").flatMap { level($0, scale: scale) }
            let responsibleLevel = fields.optional("responsible_level").flatMap { level($0, scale: scale) }
            let coordination = fields.optional("coordination_minutes").flatMap { values.integer($0, what: "coordination_minutes") }
            let evaluation = fields.optional("evaluation_months").flatMap { values.integer($0, minimum: 1, what: "evaluation_months") }
            let officeHours = fields.optional("office_hours").flatMap { values.windows($0, what: "office hours") } ?? []
            guard let setting, let minLevel else { continue }
            products[ProductID(id)] = Product(
                id: ProductID(id), name: fields.optional("name").flatMap(values.text) ?? id, setting: setting,
                ratio: ratio, minLevel: minLevel, leadLevel: leadLevel, responsibleLevel: responsibleLevel,
                coordinationMinutes: coordination, evaluationMonths: evaluation, officeHours: officeHours)
        }
        return products
    }

    func level(_ node: ValueNode, scale: QualificationScale) -> QualificationLevel? {
        guard let text = values.text(node) else { return nil }
        guard let level = scale.level(named: text.trimmingSpaces) else {
            log.report(node, "`\(text)` is not one of the levels", hint: "use one of: \(scale.levels.map(\.name).joined(separator: ", "))")
            return nil
        }
        return level
    }

    // MARK: locations

    func readLocations(_ node: ValueNode) -> [LocationID: Location] {
        var locations: [LocationID: Location] = [:]
        for (id, locationNode) in entries(node, what: "locations") {
            guard let fields = Fields(locationNode, log: log, allowed: ["name", "area", "capacity", "sessions"], what: "a location") else { continue }
            var sessions: [SessionTemplate] = []
            var seen: Set<SessionSlot> = []
            for sessionNode in fields.optional("sessions").map(values.list) ?? [] {
                guard let session = readSession(sessionNode) else { continue }
                for day in session.window.days {
                    let slot = SessionSlot(day: day, name: session.name)
                    if !seen.insert(slot).inserted {
                        log.report(sessionNode, "session `\(session.name)` is defined twice on \(day)",
                                   hint: "give each session of a day its own name")
                    }
                }
                sessions.append(session)
            }
            locations[LocationID(id)] = Location(
                id: LocationID(id), name: fields.optional("name").flatMap(values.text) ?? id,
                area: fields.optional("area").flatMap(values.text),
                capacity: fields.optional("capacity").flatMap { values.integer($0, minimum: 1, what: "capacity") },
                sessions: sessions)
        }
        return locations
    }

    func readSession(_ node: ValueNode) -> SessionTemplate? {
        guard let fields = Fields(node, log: log, allowed: ["name", "days", "from", "to", "min_staff", "ratio"], what: "a session") else { return nil }
        let name = fields.required("name", hint: "add `name: ochtend`").flatMap { values.identifier($0, what: "session") }
        let days = fields.required("days", hint: "add `days: mon-fri`").flatMap(values.days)
        let from = fields.required("from", hint: "add `from: \"09:00\"`").flatMap(values.time)
        let to = fields.required("to", hint: "add `to: \"12:30\"`").flatMap(values.time)
        let minStaff = fields.optional("min_staff").flatMap { values.integer($0, what: "min_staff") } ?? 0
        let ratio = fields.optional("ratio").flatMap { values.integer($0, minimum: 1, what: "ratio") }
        guard let name, let days, let from, let to else { return nil }
        if from == to || from == 1440 {
            log.report(fields.optional("to") ?? node, "session `\(name)` has no length (from \(ClockTime.text(from)) to \(ClockTime.text(to)))",
                       hint: "a session needs `to` different from `from`; a `to` before `from` ends the next day")
            return nil
        }
        return SessionTemplate(name: name, window: RecurringWindow(days: days, from: from, to: to), minStaff: minStaff, ratio: ratio)
    }

    func checkCapacity(locations: [LocationID: Location], clients: [ClientID: Client], node: ValueNode?) {
        for location in locations.values.sorted(by: { $0.id < $1.id }) {
            guard let capacity = location.capacity else { continue }
            var fixed: [SessionSlot: Int] = [:]
            for client in clients.values where client.location == location.id {
                for slot in client.attends { fixed[slot, default: 0] += 1 }
            }
            for (slot, count) in fixed.sorted(by: { $0.key < $1.key }) where count > capacity {
                let place = node.map { SourceLocation(file: $0.location.file, line: $0.location.line, column: $0.location.column) }
                    ?? SourceLocation(file: file, line: 1, column: 1)
                log.report(at: place, path: "locations.\(location.id).capacity",
                           "\(count) clients attend \(slot) at \(location.id), above its capacity of \(capacity)",
                           hint: "raise the capacity or move clients to another session")
            }
        }
    }
}

/// What the staff and client readers check references against.
struct ReferenceContext {
    let scale: QualificationScale
    let products: [ProductID: Product]
    let locations: [LocationID: Location]

    func hasSession(_ slot: SessionSlot, at location: LocationID) -> Bool {
        locations[location]?.sessions.contains { $0.name == slot.name && $0.window.days.contains(slot.day) } ?? false
    }

    func sessionNames(at location: LocationID) -> String {
        let names = locations[location]?.sessions.map { "\($0.name) (\($0.window.days.map(\.description).joined(separator: ",")))" } ?? []
        return names.isEmpty ? "the location has no sessions" : "sessions there: \(names.joined(separator: "; "))"
    }
}
