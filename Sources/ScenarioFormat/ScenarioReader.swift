import CareDomain
import Foundation
import SwiftCSV

/// Reads the sections of a scenario in dependency order: levels, products, locations, staff, clients.
final class ScenarioReader {
    let log: IssueLog
    let values: ValueReader
    let file: String
    let folder: String
    /// The ids each section names (`products`, `locations`, …), read or not: a reference to one
    /// whose own definition was wrong is a follow-on of that problem, not a second one.
    private(set) var declared: [String: Set<String>] = [:]

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
            // Years a roster is planned for: 1900 to 2999 (the workbook's dates start in 1900;
            // four-digit dates in every file), the whole period inside (checked with `weeks`).
            guard (1900...2999).contains(week.year) else {
                log.report(node, "`\(text)` lies outside the years 1900 to 2999 that rosters are planned for",
                           hint: "write the week to plan, e.g. 2026-W12")
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
        let (locations, unreadableSessions) = top.optional("locations").map(readLocations) ?? ([:], [:])
        let labourRules = top.optional("labour_rules").map(readLabourRules) ?? LabourRules()
        let travel = top.optional("travel").map(readTravel) ?? TravelTable()
        var periodWeeks = 1
        if let weeks = top.optional("weeks"), let count = values.integer(weeks, minimum: 1, what: "weeks") {
            if count > 8 {
                log.report(weeks, "weeks is \(count); a plan covers 1 to 8 weeks", hint: "plan at most 8 weeks at once; give the earlier period's roster as `history.roster_file`")
            } else if let week, week.adding(weeks: count - 1).year > 2999 {
                log.report(weeks, "the period of \(count) weeks from \(week) runs past 2999", hint: "plan weeks up to 2999-W52")
            } else {
                periodWeeks = count
            }
        }

        var staffNodes = top.optional("staff").map { entries($0, what: "staff members") } ?? []
        if let fileNode = top.optional("staff_file") {
            staffNodes += csvEntries(fileNode, section: "staff", schema: .staff, existing: staffNodes)
        }
        let context = ReferenceContext(scale: scale, products: products, locations: locations, unreadableSessions: unreadableSessions)
        let staff = readStaff(staffNodes, context: context)

        var clientNodes = top.optional("clients").map { entries($0, what: "clients") } ?? []
        if let fileNode = top.optional("clients_file") {
            clientNodes += csvEntries(fileNode, section: "clients", schema: .clients, existing: clientNodes)
        }
        let clients = readClients(clientNodes, context: context, staff: staff)
        checkCapacity(locations: locations, clients: clients, node: top.optional("locations"))
        let appointments = top.optional("appointments").map { readAppointments($0, context: context, clients: clients) } ?? [:]
        if variant == nil, let variants = top.optional("variants") { _ = readVariants(variants) }

        let history = top.optional("history").map { readHistory($0, week: week, staff: staff, locations: locations, rules: labourRules) } ?? WorkHistory()
        guard let week else { return nil }
        var scenario = Scenario(name: name, week: week, timeStepMinutes: timeStep, settings: settings, scale: scale,
                                products: products, locations: locations, staff: staff, clients: clients,
                                appointments: appointments, travel: travel, labourRules: labourRules)
        scenario.history = history
        scenario.weeks = periodWeeks
        // A salaried person owed hours (a negative balance) may work them off: without a stated
        // `max_hours`, their ceiling is their contract plus their share of the balance per week.
        let statedMax = Set(staffNodes.filter { entry in
            if case let .mapping(pairs) = entry.node.content { return pairs.contains { $0.key == "max_hours" } }
            return false
        }.map(\.id))
        for (id, balance) in history.hoursBalance where balance < 0 && !statedMax.contains(id.rawValue) {
            guard let person = scenario.staff[id] else { continue }
            scenario.staff[id]?.maxHours = person.contractHours - balance / Double(periodWeeks)
        }
        scenario.pay.hoursBand = settings.hoursBand
        if let node = top.optional("allowances") { scenario.pay.allowances = readAllowances(node) }
        if let node = top.optional("overtime") { readOvertime(node, into: &scenario.pay) }
        scenario.holidays = readHolidays(rule: top.optional("holidays"), added: top.optional("holidays_add"), removed: top.optional("holidays_remove"))
        checkSize(scenario, node: top.optional("staff") ?? top.optional("staff_file") ?? root)
        // Lone duties (no break out of their time) follow from the sessions and clients, once.
        scenario.loneDutyKeys = scenario.loneDuties()
        return scenario
    }

    /// The most person-session pairs (staff × sessions of the period) and person-visit pairs a
    /// plan takes: ten times the largest week measured (2,000 staff who may all work at 100
    /// locations, about half a gigabyte); beyond it, memory would run out before a roster.
    static let largestPersonSessionPairs = 20_000_000
    static let largestPersonVisitPairs = 20_000_000

    /// Refuses a scenario too large to plan before any memory is spent on it.
    func checkSize(_ scenario: Scenario, node: ValueNode) {
        let sessionsPerWeek = scenario.locations.values.reduce(0) { sum, location in
            sum + location.sessions.reduce(0) { $0 + $1.window.days.count }
        }
        let sessions = sessionsPerWeek * scenario.weeks
        let visits = scenario.clients.values.reduce(0) { $0 + ($1.ambulatory?.visitCount ?? 0) } * scenario.weeks
        // Counts are bounded field by field, so these products cannot overflow.
        let people = scenario.staff.count
        if people * sessions > Self.largestPersonSessionPairs {
            log.report(node, "the plan would weigh \(people) staff against \(sessions) sessions (\(people * sessions) pairs), more than the \(Self.largestPersonSessionPairs) this version plans at once",
                       hint: "plan regions apart (one scenario per group of locations that share staff) or fewer weeks at a time")
        } else if people * visits > Self.largestPersonVisitPairs {
            log.report(node, "the plan would weigh \(people) staff against \(visits) visits (\(people * visits) pairs), more than the \(Self.largestPersonVisitPairs) this version plans at once",
                       hint: "plan neighbourhood teams apart or fewer weeks at a time")
        }
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
        declared[what, default: []].formUnion(pairs.map(\.0))
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
        guard let fields = Fields(node, log: log, allowed: ["time_limit_seconds", "relative_gap", "fte_hours", "hourly_cost", "fairness", "hours_band"], what: "settings") else { return settings }
        for item in fields.optional("fairness").map(values.list) ?? [] {
            guard let text = values.text(item) else { continue }
            guard let measure = FairnessMeasure(rawValue: text.trimmingSpaces) else {
                log.report(item, "`\(text)` is not something to spread fairly", hint: "use weekends, nights, evenings or sleeping_nights")
                continue
            }
            settings.fairness.insert(measure)
        }
        settings.timeLimitSeconds = fields.optional("time_limit_seconds").flatMap { values.number($0, exclusive: true, what: "time_limit_seconds") }
        settings.relativeGap = fields.optional("relative_gap").flatMap { values.number($0, what: "relative_gap") }
        if let gap = settings.relativeGap, gap >= 1, let node = fields.optional("relative_gap") {
            log.report(node, "relative_gap \(gap) is 100% or more", hint: "write the gap as a fraction, e.g. 0.01 for 1%")
        }
        if let fte = fields.optional("fte_hours").flatMap({ values.number($0, exclusive: true, what: "fte_hours") }) {
            settings.fteHours = fte
        }
        settings.hourlyCostByLevel = fields.optional("hourly_cost").map(readHourlyCosts) ?? [:]
        settings.hoursBand = fields.optional("hours_band").flatMap { values.number($0, maximum: 1, what: "hours_band") } ?? 0.1
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
        // The preset gives the starting values; every field set beside it overrides its value.
        if case let .mapping(pairs) = node.content, let preset = pairs.first(where: { $0.key == "preset" })?.value, let text = values.text(preset) {
            if let known = LabourPreset(rawValue: text.trimmingSpaces) {
                rules = known.rules
            } else {
                log.report(preset, "`\(text)` is not a labour-rules preset",
                           hint: "use \(LabourPreset.allCases.map(\.rawValue).joined(separator: ", ")), or leave `preset` out for the Working Hours Act")
            }
        }
        let names: [(String, WritableKeyPath<LabourRules, Int>)] = [
            ("max_shift_hours", \.maxShiftMinutes), ("max_night_shift_hours", \.maxNightShiftMinutes),
            ("max_week_hours", \.maxWeekMinutes), ("min_daily_rest_hours", \.minDailyRestMinutes),
            ("min_rest_after_night_hours", \.minRestAfterNightMinutes), ("min_weekly_rest_hours", \.minWeeklyRestMinutes),
            ("rest_after_night_series_hours", \.restAfterNightSeriesMinutes), ("reduced_daily_rest_hours", \.reducedDailyRestMinutes),
        ]
        let counts: [(String, WritableKeyPath<LabourRules, Int>, Int)] = [
            ("max_consecutive_shifts_with_night", \.maxConsecutiveShiftsWithNight, 1), ("max_night_shifts_16_weeks", \.maxNightShifts16Weeks, 0),
        ]
        let patterns: [(String, WritableKeyPath<LabourRules, Int?>, Int, Int)] = [
            ("max_consecutive_working_days", \.maxConsecutiveWorkingDays, 1, 13), ("min_consecutive_days_off", \.minConsecutiveDaysOff, 1, 7),
            ("max_weekends_worked", \.maxWeekendsWorked, 0, 4), ("min_free_weekends_52_weeks", \.minFreeWeekends52Weeks, 0, 52),
        ]
        guard let fields = Fields(node, log: log, allowed: ["preset", "max_average_week_hours", "max_average_week_hours_16_weeks", "night_worker_average_week_hours", "on_call", "night_series", "lone_duty_breaks", "weekly_rest", "sleep_hours_factor", "split_shifts", "shortened_rest_after_night_hours", "long_night_shifts", "sleeping_duties"] + names.map(\.0) + counts.map(\.0) + patterns.map(\.0) + ["breaks", "daily_rest_reductions", "rolling_rest"],
                                  what: "labour_rules") else { return rules }
        if let mode = fields.optional("weekly_rest"), let text = values.text(mode) {
            if let known = WeeklyRestMode(rawValue: text.trimmingSpaces) {
                rules.weeklyRest = known
            } else {
                log.report(mode, "`\(text)` is not a weekly rest rule",
                           hint: "use `every-7-days` (min_weekly_rest_hours in every week) or `72h-per-14-days` (72 h in each two weeks, in pieces of at least 32 h)")
            }
        }
        if let list = fields.optional("daily_rest_reductions") {
            if fields.optional("reduced_daily_rest_hours") != nil {
                log.report(list, "both reduced_daily_rest_hours and daily_rest_reductions are set",
                           hint: "keep one: daily_rest_reductions lists every shortening, e.g. [{hours: 8, times: 1}, {hours: 10, times: 1}]")
            }
            let reductions = readRestReductions(list)
            if let shortest = reductions.first {
                rules.reducedDailyRestMinutes = shortest.minutes
                rules.furtherRestReductions = Array(reductions.dropFirst())
                if shortest.times > 1 { rules.furtherRestReductions.append(RestReduction(minutes: shortest.minutes, times: shortest.times - 1)) }
            } else {
                rules.reducedDailyRestMinutes = rules.minDailyRestMinutes
                rules.furtherRestReductions = []
            }
        }
        if let rolling = fields.optional("rolling_rest") {
            if case .scalar = rolling.content, values.text(rolling).map({ ["none", "null", "~", ""].contains($0) }) == true {
                rules.rollingRest = nil
            } else if let parts = Fields(rolling, log: log, allowed: ["hours", "days"], what: "rolling_rest") {
                let hint = "write `{hours: 32, days: 9}`: 32 h of uninterrupted rest in every 9×24 h"
                if let hours = parts.required("hours", hint: hint).flatMap({ values.number($0, exclusive: true, what: "rolling_rest.hours") }),
                   let days = parts.required("days", hint: hint).flatMap({ values.integer($0, minimum: 2, what: "rolling_rest.days") }) {
                    if days > 14 || hours >= Double(days * 24) {
                        log.report(rolling, "\(hours) h of rest in every \(days)×24 h cannot be meant", hint: "use at most 14 days and fewer hours than the period holds")
                    } else {
                        rules.rollingRest = RollingRest(minutes: Int((hours * 60).rounded()), periodMinutes: days * 1440)
                    }
                }
            }
        }
        if let factor = fields.optional("sleep_hours_factor"), let value = values.number(factor, what: "sleep_hours_factor") {
            if value > 1 {
                log.report(factor, "sleep_hours_factor \(value) is more than 1", hint: "write the share of a sleeping shift that counts as working time, from 0 to 1 (1: in full)")
            } else {
                rules.sleepHoursFactor = value
            }
        }
        if let list = fields.optional("breaks") { rules.breaks = readBreaks(list) }
        for (name, keyPath) in names {
            guard let node = fields.optional(name), let hours = values.number(node, exclusive: true, what: name) else { continue }
            guard hours * 60 >= 1 else {
                log.report(node, "\(name) is \(hours) h, less than a minute", hint: "write hours, e.g. `10` or `9.5`")
                continue
            }
            rules[keyPath: keyPath] = Int((hours * 60).rounded())
        }
        if let node = fields.optional("shortened_rest_after_night_hours"), let hours = values.number(node, what: "shortened_rest_after_night_hours") {
            let minutes = Int((hours * 60).rounded())
            // The Act allows 8 h at the least, and a shortening is shorter than the rest itself.
            if minutes < 8 * 60 || minutes >= rules.minRestAfterNightMinutes {
                log.report(node, "shortened_rest_after_night_hours is \(hours); the Act allows the rest after a night to be shortened to 8 h at the least, below min_rest_after_night_hours",
                           hint: "write 8 to \(rules.minRestAfterNightMinutes / 60 - 1), or leave it out: never shortened")
            } else {
                rules.shortenedRestAfterNightMinutes = minutes
            }
        }
        if let split = fields.optional("split_shifts").flatMap(values.boolean) { rules.splitShifts = split }
        if let node = fields.optional("long_night_shifts") { rules.longNights = readLongNights(node, rules: rules) }
        if let node = fields.optional("sleeping_duties") { rules.sleepingDuties = readSleepingDuties(node, starting: rules.sleepingDuties) }
        for (name, keyPath, least) in counts {
            guard let node = fields.optional(name), let count = values.integer(node, minimum: least, what: name) else { continue }
            rules[keyPath: keyPath] = count
        }
        for (name, keyPath, least, most) in patterns {
            guard let node = fields.optional(name), let count = values.integer(node, minimum: least, what: name) else { continue }
            guard count <= most else {
                log.report(node, "\(name) is \(count), more than can be meant", hint: "use a value from \(least) to \(most)")
                continue
            }
            rules[keyPath: keyPath] = count
        }
        if let average = fields.optional("max_average_week_hours"), let parts = Fields(average, log: log, allowed: ["hours", "weeks"], what: "max_average_week_hours") {
            if let hours = parts.required("hours", hint: "write `{hours: 55, weeks: 4}`").flatMap({ values.number($0, exclusive: true, what: "max_week_hours") }) {
                rules.maxAverageWeekMinutes = Int((hours * 60).rounded())
            }
            if let weeks = parts.required("weeks", hint: "write `{hours: 55, weeks: 4}`").flatMap({ values.integer($0, minimum: 1, what: "average weeks") }) {
                rules.averageWeeks = weeks
            }
        }
        if let node = fields.optional("lone_duty_breaks"), let text = values.text(node) {
            switch text.trimmingSpaces {
            case "working-time": rules.loneDutyBreaksAreWorkingTime = true
            case "unpaid": rules.loneDutyBreaksAreWorkingTime = false
            default: log.report(node, "`\(text)` is not a way to count a lone duty's break",
                                hint: "use `working-time` (nobody relieves them: the break is paid work) or `unpaid` (a colleague nearby relieves them)")
            }
        }
        if let node = fields.optional("night_series"), let text = values.text(node) {
            if let reading = NightSeriesReading(rawValue: text.trimmingSpaces) { rules.nightSeries = reading } else {
                log.report(node, "`\(text)` is not a reading of nights in a row",
                           hint: "use `consecutive` (the Act: no day between the nights) or `within-rest` (any night within rest_after_night_series_hours)")
            }
        }
        // On-call duty (ATW 5:9; CAO GHZ 7:16 through the preset).
        if let node = fields.optional("on_call"),
           let parts = Fields(node, log: log, allowed: ["max_days_28", "max_days_in_a_row", "free_before_night_hours", "free_after_night_hours"], what: "on_call") {
            for (name, keyPath) in [("max_days_28", \OnCallRules.maxDaysIn28), ("max_days_in_a_row", \OnCallRules.maxDaysInARow)] {
                guard let value = parts.optional(name) else { continue }
                if case let .scalar(text) = value.content, text.trimmingSpaces == "none" { rules.onCall[keyPath: keyPath] = nil; continue }
                guard let days = values.integer(value, minimum: 0, what: "on_call.\(name)") else { continue }
                if days > 28 { log.report(value, "\(days) days cannot be meant", hint: "write at most 28, or `none` for no limit"); continue }
                rules.onCall[keyPath: keyPath] = days
            }
            for (name, keyPath) in [("free_before_night_hours", \OnCallRules.freeBeforeNightMinutes), ("free_after_night_hours", \OnCallRules.freeAfterNightMinutes)] {
                guard let value = parts.optional(name), let hours = values.number(value, maximum: 48, what: "on_call.\(name)") else { continue }
                rules.onCall[keyPath: keyPath] = Int((hours * 60).rounded())
            }
        }
        // The long averages (ATW 5:7: 48 h over 16 weeks; 5:8: 40 h for night workers), or `none`.
        for (name, keyPath, example) in [("max_average_week_hours_16_weeks", \LabourRules.longAverage, "{hours: 48, weeks: 16}"),
                                         ("night_worker_average_week_hours", \LabourRules.nightWorkerAverage, "{hours: 40, weeks: 16, night_shifts: 16}")] {
            guard let node = fields.optional(name) else { continue }
            if case let .scalar(text) = node.content, text.trimmingSpaces == "none" { rules[keyPath: keyPath] = nil; continue }
            let nightly = name.hasPrefix("night")
            guard let parts = Fields(node, log: log, allowed: nightly ? ["hours", "weeks", "night_shifts"] : ["hours", "weeks"], what: name),
                  var limit = rules[keyPath: keyPath] else { continue }
            if let hours = parts.optional("hours").flatMap({ values.number($0, exclusive: true, maximum: 168, what: "\(name).hours") }) {
                limit.minutes = Int((hours * 60).rounded())
            }
            if let weeks = parts.optional("weeks").flatMap({ values.integer($0, minimum: 1, what: "\(name).weeks") }) {
                if weeks > 52 { log.report(parts.optional("weeks")!, "\(weeks) weeks cannot be meant", hint: "write at most 52, e.g. \(example)") } else { limit.weeks = weeks }
            }
            if nightly, let nights = parts.optional("night_shifts").flatMap({ values.integer($0, minimum: 1, what: "\(name).night_shifts") }) {
                limit.nightShifts = nights
            }
            rules[keyPath: keyPath] = limit
        }
        if fields.optional("min_daily_rest_hours") != nil || fields.optional("reduced_daily_rest_hours") != nil,
           rules.reducedDailyRestMinutes > rules.minDailyRestMinutes {
            // Only a smaller value shortens anything; a larger one is a slip.
            log.report(fields.optional("reduced_daily_rest_hours") ?? node,
                       "reduced_daily_rest_hours (\(Double(rules.reducedDailyRestMinutes) / 60) h) is longer than min_daily_rest_hours (\(Double(rules.minDailyRestMinutes) / 60) h)",
                       hint: "set it to at most min_daily_rest_hours; equal to it means the rest is never shortened")
        }
        return rules
    }

    /// `daily_rest_reductions: [{hours: 8, times: 1}, {hours: 10, times: 1}]`: the shortenings of
    /// the daily rest allowed in every 7×24 h, shortest first; `[]` for none.
    func readRestReductions(_ node: ValueNode) -> [RestReduction] {
        guard case let .sequence(items) = node.content else {
            log.report(node, "expected a list of shortened rests, found \(node.kindName)", hint: "write `daily_rest_reductions: [{hours: 8, times: 1}, {hours: 10, times: 1}]`, or `[]` for none")
            return []
        }
        var reductions: [RestReduction] = []
        for item in items {
            guard let parts = Fields(item, log: log, allowed: ["hours", "times"], what: "a shortened rest") else { continue }
            let hint = "write e.g. `{hours: 8, times: 1}`"
            guard let hours = parts.required("hours", hint: hint).flatMap({ values.number($0, exclusive: true, what: "hours") }) else { continue }
            let times = parts.optional("times").flatMap { values.integer($0, minimum: 1, what: "times") } ?? 1
            guard hours <= 24 else {
                log.report(item, "a daily rest of \(hours) h cannot be meant", hint: "write the shortened rest in hours, below min_daily_rest_hours")
                continue
            }
            reductions.append(RestReduction(minutes: Int((hours * 60).rounded()), times: times))
        }
        return reductions.sorted { $0.minutes < $1.minutes }
    }

    /// `breaks: [{after_hours: 5.5, minutes: 30}, …]`: more than `after_hours` of work in a shift
    /// asks a pause of `minutes` (ATW 5:4); `[]` for none.
    func readBreaks(_ node: ValueNode) -> [BreakRule] {
        guard case let .sequence(items) = node.content else {
            log.report(node, "expected a list of breaks, found \(node.kindName)", hint: "write `breaks: [{after_hours: 5.5, minutes: 30}, {after_hours: 10, minutes: 45}]`, or `[]` for none")
            return LabourRules().breaks
        }
        var breaks: [BreakRule] = []
        for item in items {
            guard let parts = Fields(item, log: log, allowed: ["after_hours", "minutes"], what: "a break") else { continue }
            let hint = "write e.g. `{after_hours: 5.5, minutes: 30}`"
            guard let after = parts.required("after_hours", hint: hint).flatMap({ values.number($0, exclusive: true, what: "after_hours") }),
                  let minutes = parts.required("minutes", hint: hint).flatMap({ values.integer($0, minimum: 1, what: "break minutes") }) else { continue }
            guard after <= 24, minutes < Int(after * 60) else {
                log.report(item, "a break of \(minutes) min after \(after) h cannot be meant", hint: "after_hours is at most 24 and the break shorter than the work before it")
                continue
            }
            breaks.append(BreakRule(afterMinutes: Int((after * 60).rounded()), minutes: minutes))
        }
        return breaks
    }

    /// `labour_rules.long_night_shifts`: the Act's allowance for nights longer than
    /// `max_night_shift_hours` (ATW 5:8), `true` for the Act's own values or a mapping stricter
    /// than them; `false`/absent: none.
    func readLongNights(_ node: ValueNode, rules: LabourRules) -> LongNightAllowance? {
        if case .scalar = node.content, let on = values.boolean(node) { return on ? .act : nil }
        let act = LongNightAllowance.act
        guard let fields = Fields(node, log: log, allowed: ["max_hours", "per_14_days", "per_52_weeks", "rest_after_hours"], what: "long_night_shifts") else { return nil }
        var allowance = act
        if let node = fields.optional("max_hours"), let hours = values.number(node, exclusive: true, what: "long_night_shifts.max_hours") {
            let minutes = Int((hours * 60).rounded())
            if minutes > act.maxMinutes || minutes <= rules.maxNightShiftMinutes {
                log.report(node, "long_night_shifts.max_hours is \(hours); the Act allows a night shift of at most 12 h, and the allowance is for nights longer than max_night_shift_hours (\(RuleViolation.hoursText(Double(rules.maxNightShiftMinutes) / 60)))",
                           hint: "write a value above \(RuleViolation.hoursText(Double(rules.maxNightShiftMinutes) / 60)) and at most 12")
                return nil
            }
            allowance.maxMinutes = minutes
        }
        for (name, keyPath, most) in [("per_14_days", \LongNightAllowance.per14Days, act.per14Days), ("per_52_weeks", \LongNightAllowance.per52Weeks, act.per52Weeks)] {
            guard let node = fields.optional(name), let count = values.integer(node, minimum: 0, what: "long_night_shifts.\(name)") else { continue }
            guard count <= most else {
                log.report(node, "long_night_shifts.\(name) is \(count); the Act allows at most \(most)", hint: "write 0 to \(most)")
                continue
            }
            allowance[keyPath: keyPath] = count
        }
        if let node = fields.optional("rest_after_hours"), let hours = values.number(node, exclusive: true, what: "long_night_shifts.rest_after_hours") {
            let minutes = Int((hours * 60).rounded())
            guard minutes >= act.restAfterMinutes, minutes <= 48 * 60 else {
                log.report(node, "long_night_shifts.rest_after_hours is \(hours); the Act asks at least 12 h after such a night", hint: "write 12 or more")
                return allowance
            }
            allowance.restAfterMinutes = minutes
        }
        return allowance
    }

    /// `labour_rules.sleeping_duties`: the Arbeidstijdenbesluit's limits on duties with a
    /// sleeping shift (4.8:1), an agreement's stricter counts, and CAO GHZ 7:18's work minutes.
    func readSleepingDuties(_ node: ValueNode, starting: SleepingDutyRules) -> SleepingDutyRules {
        var rules = starting
        guard let fields = Fields(node, log: log, allowed: ["max_26_weeks", "max_13_weeks", "max_4_weeks", "max_7_days", "rest_before_hours", "work_minutes_limit"],
                                  what: "sleeping_duties") else { return rules }
        let counts: [(String, WritableKeyPath<SleepingDutyRules, Int?>, Int)] = [
            ("max_26_weeks", \.max26Weeks, 52), ("max_13_weeks", \.max13Weeks, 91), ("max_4_weeks", \.max4Weeks, 28), ("max_7_days", \.max7Days, 7),
        ]
        for (name, keyPath, most) in counts {
            guard let node = fields.optional(name), let count = values.integer(node, minimum: 0, what: "sleeping_duties.\(name)") else { continue }
            // The Arbeidstijdenbesluit's 52 in 26 weeks is a ceiling; the others, what the days hold.
            guard count <= most else {
                log.report(node, "sleeping_duties.\(name) is \(count), more than \(name == "max_26_weeks" ? "the Arbeidstijdenbesluit allows (52 in 26 weeks)" : "the period holds days")",
                           hint: "write 0 to \(most)")
                continue
            }
            rules[keyPath: keyPath] = count
        }
        if let node = fields.optional("rest_before_hours"), let hours = values.number(node, what: "sleeping_duties.rest_before_hours") {
            let minutes = Int((hours * 60).rounded())
            if minutes < 11 * 60 || minutes > 48 * 60 {
                log.report(node, "sleeping_duties.rest_before_hours is \(hours); the Arbeidstijdenbesluit asks at least 11 h before a sleeping duty",
                           hint: "write 11 or more (at most 48)")
            } else {
                rules.restBeforeMinutes = minutes
            }
        }
        if let node = fields.optional("work_minutes_limit") {
            if case .scalar = node.content, values.text(node).map({ ["none", "null", "~", ""].contains($0) }) == true {
                rules.workMinutesLimit = nil
            } else if let minutes = values.integer(node, minimum: 0, what: "sleeping_duties.work_minutes_limit") {
                rules.workMinutesLimit = minutes
            }
        }
        return rules
    }

    /// `history`: the roster before the first Monday (`roster_file`, a roster.csv written earlier)
    /// and the counts it cannot show.
    func readHistory(_ node: ValueNode, week: PlanningWeek?, staff: [StaffID: Staff], locations: [LocationID: Location] = [:],
                     rules: LabourRules = LabourRules()) -> WorkHistory {
        var history = WorkHistory()
        guard let fields = Fields(node, log: log, allowed: ["roster_file", "night_shifts_16_weeks", "sundays_worked_52_weeks", "weekends_worked_52_weeks", "hours_balance", "week_hours", "long_night_shifts_52_weeks", "sleeping_duty_weeks"], what: "history") else { return history }
        for (name, keyPath) in [("night_shifts_16_weeks", \WorkHistory.nightShifts16Weeks), ("sundays_worked_52_weeks", \WorkHistory.sundaysWorked52Weeks),
                                ("weekends_worked_52_weeks", \WorkHistory.weekendsWorked52Weeks), ("long_night_shifts_52_weeks", \WorkHistory.longNightShifts52Weeks)] {
            guard let counts = fields.optional(name) else { continue }
            guard case let .mapping(pairs) = counts.content else {
                log.report(counts, "expected `staff id: count` pairs", hint: "write e.g. `{s01: 12}`")
                continue
            }
            for (key, value) in pairs {
                guard staff[StaffID(key)] != nil else {
                    log.report(value, "`\(key)` is not a staff member", hint: "use an id from `staff`")
                    continue
                }
                if let count = values.integer(value, what: ["night_shifts_16_weeks": "nights in 16 weeks", "sundays_worked_52_weeks": "Sundays in 52 weeks",
                                                            "long_night_shifts_52_weeks": "long nights in 52 weeks"][name] ?? "weekends in 52 weeks") {
                    history[keyPath: keyPath][StaffID(key)] = count
                }
            }
        }
        if let balance = fields.optional("hours_balance") { history.hoursBalance = readHoursBalance(balance, staff: staff) }
        let stated = fields.optional("week_hours").map { readWeekHours($0, staff: staff) } ?? [:]
        let statedSleep = fields.optional("sleeping_duty_weeks").map { readSleepingDutyWeeks($0, staff: staff) } ?? [:]
        var fromFile: (weeks: Int, minutes: [StaffID: [Int: Int]]) = (0, [:])
        var sleepFromFile: (weeks: Int, counts: [StaffID: [Int: Int]]) = (0, [:])
        if let fileNode = fields.optional("roster_file"), let week {
            fromFile = readHistoryRoster(fileNode, week: week, staff: staff, locations: locations, rules: rules, into: &history, sleeping: &sleepFromFile)
        }
        // Sleeping duties a week: the roster file's weeks where it reaches, `sleeping_duty_weeks` further back.
        for id in Set(statedSleep.keys).union(sleepFromFile.counts.keys).sorted() {
            let own = statedSleep[id] ?? []
            let furthest = max(sleepFromFile.weeks, own.count)
            history.sleepingDutyWeeks[id] = (1...max(1, furthest)).reversed().map { back in
                back <= sleepFromFile.weeks ? sleepFromFile.counts[id]?[back] ?? 0 : (back <= own.count ? own[own.count - back] : 0)
            }
        }
        // The roster file's weeks where it reaches (a person without rows in them worked none),
        // `week_hours` further back.
        for id in Set(stated.keys).union(fromFile.minutes.keys).sorted() {
            let own = stated[id] ?? []
            let furthest = max(fromFile.weeks, own.count)
            history.weekMinutes[id] = (1...max(1, furthest)).reversed().map { back in
                back <= fromFile.weeks ? fromFile.minutes[id]?[back] ?? 0 : (back <= own.count ? own[own.count - back] : 0)
            }
        }
        return history
    }

    /// The rows of an earlier roster.csv that start before the first Monday: each person's work
    /// of the last eight days, and their nights of 16 weeks and Sundays of 52 weeks. Returns the
    /// working minutes of each of the 16 weeks before the plan it reaches (1: the week just
    /// before), as the Act counts them (breaks out, sleep in full), and how many weeks back it reaches.
    @discardableResult
    private func readHistoryRoster(_ fileNode: ValueNode, week: PlanningWeek, staff: [StaffID: Staff], locations: [LocationID: Location],
                                   rules: LabourRules, into history: inout WorkHistory,
                                   sleeping: inout (weeks: Int, counts: [StaffID: [Int: Int]])) -> (weeks: Int, minutes: [StaffID: [Int: Int]]) {
        var weekPieces: [StaffID: [Int: [WorkPiece]]] = [:]
        var reach = 0
        func weekMinutes() -> (weeks: Int, minutes: [StaffID: [Int: Int]]) {
            (reach, weekPieces.mapValues { $0.mapValues { WorkingTime.minutes($0, rules: rules, forLimits: true) } })
        }
        guard let name = values.text(fileNode) else { return weekMinutes() }
        let path = name.hasPrefix("/") ? name : (folder as NSString).appendingPathComponent(name)
        guard let text = try? InputFile.text(atPath: path, limit: InputFile.largestCSVBytes).get() else {
            log.report(fileNode, "cannot read `\(name)` (or it is not UTF-8 text of at most \(InputFile.largestCSVBytes >> 20) MiB)",
                       hint: "the path is relative to the scenario file's folder; give a roster.csv written by `zorgrooster solve`")
            return weekMinutes()
        }
        let table: CSV<Named>
        do {
            table = try CSV<Named>(string: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, delimiter: .comma)
        } catch {
            log.report(fileNode, "`\(name)` is not valid CSV: \(error)", hint: "give a roster.csv written by `zorgrooster solve`")
            return weekMinutes()
        }
        for column in ["date", "start", "end", "staff_id"] where !table.header.contains(column) {
            log.report(at: SourceLocation(file: path, line: 1, column: 1), path: "history.roster_file",
                       "column `\(column)` is missing from the header", hint: "give a roster.csv written by `zorgrooster solve`")
            return weekMinutes()
        }
        var work: [StaffID: [WeekInterval]] = [:]
        var nights: [StaffID: Int] = [:]
        var sundays: [StaffID: Set<CivilDate>] = [:]
        var weekends: [StaffID: Set<Int>] = [:]
        var weekendsInYear: [StaffID: Set<Int>] = [:]
        var yearWork: [StaffID: [WorkPiece]] = [:]
        for (offset, row) in table.rows.enumerated() {
            let place = SourceLocation(file: path, line: offset + 2, column: 1)
            guard let date = CivilDate(iso: row["date"] ?? ""), let start = ClockTime.minutes(row["start"] ?? ""),
                  let end = ClockTime.minutes(row["end"] ?? ""), start < 1440 else {
                log.report(at: place, path: "history.roster_file", "date, start or end is not a valid date or HH:MM time",
                           hint: "dates as YYYY-MM-DD, times as HH:MM (a row past midnight ends on the next date)")
                continue
            }
            let id = StaffID(row["staff_id"] ?? "")
            // Rows of people no longer on staff, and rows from the first Monday on, do not bind this plan.
            guard staff[id] != nil else { continue }
            // On-call duty (a group row at an on-call session) left the person free: no work to look back on.
            let kind = row["activity"] == "group" ? locations[LocationID(row["location"] ?? "")]?.sessions.first(where: { $0.name == row["ref"] })?.kind : nil
            let from = week.startMinute(of: date) + start
            if kind == .onCall {
                // The person was free; only the limits on on-call days look back on it.
                let day = Int((Double(from) / 1440).rounded(.down))
                if from < 0, day >= -28 { history.onCallDays[id, default: []].insert(day) }
                continue
            }
            guard from < 0 else { continue }
            let interval = WeekInterval(start: from, end: week.startMinute(of: date) + (end > start ? end : end + 1440))
            // Weeks back (1: the week just before the plan), for the averages over 4 and 16 weeks.
            let back = -Int((Double(from) / Double(PlanningWeek.minutesPerWeek)).rounded(.down))
            if back <= 16 {
                reach = max(reach, back)
                weekPieces[id, default: [:]][back, default: []].append(WorkPiece(interval, isSleep: kind == .sleep))
            }
            if interval.end > -PersonWeekLookBack.minutes { work[id, default: []].append(interval) }
            // Duties with a sleeping shift of 26 weeks (Arbeidstijdenbesluit 4.8:1), the recent ones by their start.
            if kind == .sleep, back <= 26 {
                sleeping.weeks = max(sleeping.weeks, back)
                sleeping.counts[id, default: [:]][back, default: 0] += 1
                if interval.end > -PersonWeekLookBack.minutes { history.priorSleepDuties[id, default: []].append(from) }
            }
            if interval.start >= -52 * PlanningWeek.minutesPerWeek { yearWork[id, default: []].append(WorkPiece(interval, isSleep: kind == .sleep)) }
            if interval.start >= -16 * PlanningWeek.minutesPerWeek, interval.minutesBetweenMidnightAndSix > LabourRules.nightShiftThresholdMinutes,
               LabourRules.endsLate(interval.end) {
                nights[id, default: 0] += 1
            }
            // Weekends of the four weeks before: the week offset of each Saturday or Sunday touched.
            for day in interval.touchedDays where day < 0 && day >= -28 && ((day % 7) + 7) % 7 >= 5 {
                weekends[id, default: []].insert(Int((Double(day) / 7).rounded(.down)))
            }
            // And of the 52 weeks before, for the free weekends a year.
            for day in interval.touchedDays where day < 0 && day >= -364 && ((day % 7) + 7) % 7 >= 5 {
                weekendsInYear[id, default: []].insert(Int((Double(day) / 7).rounded(.down)))
            }
            if interval.start >= -52 * PlanningWeek.minutesPerWeek {
                for day in [date, week.date(atMinute: interval.end - 1)] where day.weekday == .sun && week.startMinute(of: day) < 0 {
                    sundays[id, default: []].insert(day)
                }
            }
        }
        for (id, intervals) in work { history.priorWork[id] = intervals.sorted() }
        for (id, count) in nights { history.nightShifts16Weeks[id, default: 0] += count }
        for (id, pieces) in yearWork {
            let long = PlanningPeriod.longNightShifts(pieces, rules: rules)
            if long > 0 { history.longNightShifts52Weeks[id, default: 0] += long }
        }
        for (id, starts) in history.priorSleepDuties { history.priorSleepDuties[id] = starts.sorted() }
        for (id, days) in sundays { history.sundaysWorked52Weeks[id, default: 0] += days.count }
        history.weekendsWorked = weekends
        for (id, found) in weekendsInYear { history.weekendsWorked52Weeks[id, default: 0] += found.count }
        return weekMinutes()
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
                       "coordination_minutes", "evaluation_months", "office_hours", "skills", "responsible_skills", "max_trajectory_months"]
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
            let trajectory = fields.optional("max_trajectory_months").flatMap { values.integer($0, minimum: 1, what: "evaluation_months") }
            if let node = fields.optional("responsible_skills"), responsibleLevel == nil {
                log.report(node, "responsible_skills without a responsible_level", hint: "add `responsible_level: hbo`, or remove responsible_skills")
            }
            guard let setting, let minLevel else { continue }
            var product = Product(
                id: ProductID(id), name: fields.optional("name").flatMap(values.text) ?? id, setting: setting,
                ratio: ratio, minLevel: minLevel, leadLevel: leadLevel, responsibleLevel: responsibleLevel,
                coordinationMinutes: coordination, evaluationMonths: evaluation, officeHours: officeHours)
            product.skills = Set((fields.optional("skills").map(values.texts) ?? []).map(\.trimmingSpaces))
            product.responsibleSkills = Set((fields.optional("responsible_skills").map(values.texts) ?? []).map(\.trimmingSpaces))
            product.maxTrajectoryMonths = trajectory
            products[ProductID(id)] = product
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

    /// The locations, and per location the names of sessions whose definition is wrong (a bad
    /// time): a client attending one is a follow-on of that one problem, not a problem of its own.
    func readLocations(_ node: ValueNode) -> ([LocationID: Location], [LocationID: Set<String>]) {
        var locations: [LocationID: Location] = [:]
        var unreadable: [LocationID: Set<String>] = [:]
        for (id, locationNode) in entries(node, what: "locations") {
            guard let fields = Fields(locationNode, log: log, allowed: ["name", "area", "capacity", "sessions", "closed_on_holidays"], what: "a location") else { continue }
            var sessions: [SessionTemplate] = []
            var seen: Set<SessionSlot> = []
            for sessionNode in fields.optional("sessions").map(values.list) ?? [] {
                guard let session = readSession(sessionNode) else {
                    // Its name read quietly: the problem itself was reported once already.
                    let quiet = IssueLog()
                    if let name = Fields(sessionNode, log: quiet, allowed: ["name", "days", "from", "to", "min_staff", "ratio", "kind", "work_minutes"], what: "")?
                        .optional("name").flatMap({ ValueReader(log: quiet).text($0) }) {
                        unreadable[LocationID(id), default: []].insert(name.trimmingSpaces)
                    }
                    continue
                }
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
            locations[LocationID(id)]?.closedOnHolidays = fields.optional("closed_on_holidays").flatMap(values.boolean) ?? false
        }
        return (locations, unreadable)
    }

    func readSession(_ node: ValueNode) -> SessionTemplate? {
        guard let fields = Fields(node, log: log, allowed: ["name", "days", "from", "to", "min_staff", "ratio", "kind", "work_minutes"], what: "a session") else { return nil }
        var kind = DutyKind.work
        if let node = fields.optional("kind"), let text = values.text(node) {
            switch text {
            case "work", "awake": kind = .work
            case "sleep": kind = .sleep
            case "on-call": kind = .onCall
            default:
                log.report(node, "`\(text)` is not a kind of session", hint: "use `sleep` for a sleeping shift, `on-call` for on-call duty from home, or leave `kind` out for waking work")
            }
        }
        let name = fields.required("name", hint: "add `name: ochtend`").flatMap { values.identifier($0, what: "session") }
        let days = fields.required("days", hint: "add `days: mon-fri`").flatMap(values.days)
        let from = fields.required("from", hint: "add `from: \"09:00\"`").flatMap(values.time)
        let to = fields.required("to", hint: "add `to: \"12:30\"`").flatMap(values.time)
        let minStaff = fields.optional("min_staff").flatMap { values.integer($0, what: "min_staff") } ?? 0
        let ratio = fields.optional("ratio").flatMap { values.integer($0, minimum: 1, what: "ratio") }
        guard let name, let days, let from, let to else { return nil }
        if from == 1440 {
            // 24:00 ends a day; nothing starts then.
            log.report(fields.optional("from") ?? node, "session `\(name)` starts at 24:00, the end of a day",
                       hint: "start it at \"00:00\" (of the next day's `days`), or end the session before at \"24:00\"")
            return nil
        }
        if from == to {
            log.report(fields.optional("to") ?? node, "session `\(name)` has no length (from \(ClockTime.text(from)) to \(ClockTime.text(to)))",
                       hint: "a session needs `to` different from `from`; a `to` before `from` ends the next day")
            return nil
        }
        var template = SessionTemplate(name: name, window: RecurringWindow(days: days, from: from, to: to), minStaff: minStaff, ratio: ratio)
        template.kind = kind
        if let node = fields.optional("work_minutes"), let minutes = values.integer(node, minimum: 0, what: "work_minutes") {
            // The work a sleeping duty usually holds during the sleep (CAO GHZ 7:18 counts it against its limit).
            if kind == .sleep { template.sleepWorkMinutes = minutes } else {
                log.report(node, "work_minutes is for a sleeping shift (`kind: sleep`): the usual minutes of work during the sleep",
                           hint: "add `kind: sleep`, or remove work_minutes (a waking session is work throughout)")
            }
        }
        return template
    }

    func checkCapacity(locations: [LocationID: Location], clients: [ClientID: Client], node: ValueNode?) {
        for location in locations.values.sorted(by: { $0.id < $1.id }) {
            guard let capacity = location.capacity else { continue }
            var fixed: [SessionSlot: Int] = [:]
            for client in clients.values where client.location == location.id {
                for slot in client.attends { fixed[slot, default: 0] += 1 }
            }
            // One message per location (one cause), its sessions listed, fullest first.
            let over = fixed.filter { $0.value > capacity }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            guard let fullest = over.first else { continue }
            let place = node.map { SourceLocation(file: $0.location.file, line: $0.location.line, column: $0.location.column) }
                ?? SourceLocation(file: file, line: 1, column: 1)
            let shown = over.prefix(5).map { "\($0.key) (\($0.value))" }.joined(separator: ", ") + (over.count > 5 ? " and \(over.count - 5) more" : "")
            log.report(at: place, path: "locations.\(location.id).capacity",
                       over.count == 1 ? "\(fullest.value) clients attend \(fullest.key) at \(location.id), above its capacity of \(capacity)"
                           : "\(over.count) sessions at \(location.id) have more clients than its capacity of \(capacity): \(shown)",
                       hint: "raise the capacity to at least \(fullest.value) or move clients to another session")
        }
    }
}

/// What the staff and client readers check references against.
struct ReferenceContext {
    let scale: QualificationScale
    let products: [ProductID: Product]
    let locations: [LocationID: Location]
    /// Sessions whose definition is wrong, by location: attending one is no second problem.
    var unreadableSessions: [LocationID: Set<String>] = [:]

    func hasSession(_ slot: SessionSlot, at location: LocationID) -> Bool {
        locations[location]?.sessions.contains { $0.name == slot.name && $0.window.days.contains(slot.day) } ?? false
    }

    func sessionNames(at location: LocationID) -> String {
        let names = locations[location]?.sessions.map { "\($0.name) (\($0.window.days.map(\.description).joined(separator: ",")))" } ?? []
        return names.isEmpty ? "the location has no sessions" : "sessions there: \(names.joined(separator: "; "))"
    }
}
