import CareDomain

/// Reads SCENARIO.md 1.2's money and calendar fields: contracts (in `readStaff`), the hours
/// balance, the hours band, overtime, allowances and the public holidays.
extension ScenarioReader {

    /// `allowances`: a preset's bands, the scenario's own bands, or both (own bands add to the preset's).
    func readAllowances(_ node: ValueNode) -> AllowanceRules {
        var rules = AllowanceRules()
        guard let fields = Fields(node, log: log, allowed: ["preset", "bands", "holidays_as"], what: "allowances") else { return rules }
        if let presetNode = fields.optional("preset"), let text = values.text(presetNode)?.trimmingSpaces {
            switch text {
            case "none": rules.preset = .none
            case "cao-gehandicaptenzorg":
                rules.preset = .caoGehandicaptenzorg
                rules.bands = AllowanceRules.caoGehandicaptenzorg
                rules.holidaysAs = .sun
            case "cao-vvt":
                log.report(presetNode, "the preset cao-vvt has no allowance bands here: the program cites every band it applies, and has no published CAO VVT text to cite",
                           hint: "write the agreement's bands yourself under `allowances.bands` (each {days, from, to, percent}), or use `preset: cao-gehandicaptenzorg` or `none`")
            default:
                log.report(presetNode, "`\(text)` is not an allowance preset", hint: "use none, cao-gehandicaptenzorg, or your own `bands`")
            }
        }
        for bandNode in fields.optional("bands").map(values.list) ?? [] {
            guard let band = Fields(bandNode, log: log, allowed: ["days", "from", "to", "percent"], what: "an allowance band") else { continue }
            let days = band.required("days", hint: "name the days, e.g. `days: mon-fri` (`holidays` for public holidays)").flatMap(readBandDays)
            let from = band.required("from", hint: "give the band's start, e.g. `from: \"20:00\"`").flatMap(values.time)
            let to = band.required("to", hint: "give the band's end, e.g. `to: \"22:00\"` (24:00 for midnight)").flatMap(values.time)
            let percent = band.required("percent", hint: "give the allowance as a percent of the hourly wage, e.g. `percent: 22`")
                .flatMap { values.number($0, maximum: 300, what: "percent") }
            guard let days, let from, let to, let percent else { continue }
            guard to > from else {
                log.report(band.optional("to") ?? bandNode, "the band ends at \(ClockTime.text(to)), not after it starts at \(ClockTime.text(from))",
                           hint: "a band lies within one day; split a band across midnight into `from: \"22:00\", to: \"24:00\"` and `from: \"00:00\", to: \"06:00\"`")
                continue
            }
            let new = AllowanceBand(days: days.days, holidays: days.holidays, from: from, to: to, percent: percent)
            if let clash = rules.bands.first(where: { overlaps($0, new) }) {
                let shared = clash.days.intersection(new.days).sorted().map(\.description) + (clash.holidays && new.holidays ? ["holidays"] : [])
                log.report(bandNode, "this band overlaps another on \(shared.joined(separator: ", ")) (\(ClockTime.text(clash.from))–\(ClockTime.text(clash.to)) at \(format(clash.percent))%)",
                           hint: "bands on the same day may not overlap: end one where the next begins")
                continue
            }
            rules.bands.append(new)
        }
        if let asNode = fields.optional("holidays_as"), let text = values.text(asNode)?.trimmingSpaces {
            if text == "own" { rules.holidaysAs = nil } else if let day = Weekday(name: text) { rules.holidaysAs = day } else {
                log.report(asNode, "`\(text)` is not a day", hint: "write `holidays_as: sun` (hours on a public holiday take Sunday's bands) or `own`")
            }
        }
        return rules
    }

    private func overlaps(_ a: AllowanceBand, _ b: AllowanceBand) -> Bool {
        let sameDay = !a.days.isDisjoint(with: b.days) || (a.holidays && b.holidays)
        return sameDay && a.from < b.to && b.from < a.to && a.dates.isEmpty && b.dates.isEmpty
    }

    /// A band's days: `mon-fri`, `[sat]`, and `holidays` for public holidays.
    private func readBandDays(_ node: ValueNode) -> (days: Set<Weekday>, holidays: Bool)? {
        var days: Set<Weekday> = []
        var holidays = false
        for item in values.list(node) {
            guard let text = values.text(item)?.trimmingSpaces.lowercased() else { return nil }
            if text == "holidays" { holidays = true; continue }
            guard let parsed = parseDays(text) else {
                log.report(item, "`\(text)` is not a day, a range of days or `holidays`", hint: "use mon … sun, a range such as `mon-fri`, or `holidays`")
                return nil
            }
            days.formUnion(parsed)
        }
        guard !days.isEmpty || holidays else {
            log.report(node, "no days given", hint: "name at least one day, e.g. `mon-fri`")
            return nil
        }
        return (days, holidays)
    }

    /// `overtime: {premium_percent}`.
    func readOvertime(_ node: ValueNode, into pay: inout PayRules) {
        guard let fields = Fields(node, log: log, allowed: ["premium_percent"], what: "overtime") else { return }
        if let premium = fields.optional("premium_percent").flatMap({ values.number($0, maximum: 300, what: "premium_percent") }) {
            pay.overtimePremiumPercent = premium
        }
    }

    /// `holidays: nl | none`, `holidays_add`, `holidays_remove`.
    func readHolidays(rule: ValueNode?, added: ValueNode?, removed: ValueNode?) -> PublicHolidays {
        var holidays = PublicHolidays()
        if let rule, let text = values.text(rule)?.trimmingSpaces {
            if let parsed = PublicHolidays.Rule(rawValue: text) { holidays.rule = parsed } else {
                log.report(rule, "`\(text)` is not a holiday calendar", hint: "use `nl` (the Dutch public holidays) or `none`")
            }
        }
        func dates(_ node: ValueNode?) -> Set<CivilDate> {
            Set((node.map(values.list) ?? []).compactMap { item -> CivilDate? in
                guard let date = values.date(item) else { return nil }
                guard PublicHolidays.computableYears.contains(date.year) else {
                    log.report(item, "\(date) lies outside the years whose holidays can be computed (\(PublicHolidays.computableYears.lowerBound)–\(PublicHolidays.computableYears.upperBound))",
                               hint: "give a date in the Gregorian calendar's years")
                    return nil
                }
                return date
            })
        }
        holidays.added = dates(added)
        holidays.removed = dates(removed)
        return holidays
    }

    /// `history.hours_balance: {s01: -12.5}`: plus/minus hours carried from earlier periods.
    func readHoursBalance(_ node: ValueNode, staff: [StaffID: Staff]) -> [StaffID: Double] {
        guard case let .mapping(pairs) = node.content else {
            log.report(node, "expected `staff id: hours` pairs", hint: "write e.g. `{s01: -12.5}`")
            return [:]
        }
        var balance: [StaffID: Double] = [:]
        for (key, value) in pairs {
            guard let person = staff[StaffID(key)] else {
                log.report(value, "`\(key)` is not a staff member", hint: "use an id from `staff`")
                continue
            }
            guard let hours = values.number(value, minimum: -1000, maximum: 1000, what: "hours_balance") else { continue }
            if person.contract != .salaried {
                log.report(value, "\(key) is \(person.contract.rawValue == "agency" ? "an agency worker" : "a \(person.contract.rawValue) worker"); only salaried people carry an hours balance",
                           hint: "leave \(key) out of `hours_balance`")
                continue
            }
            balance[StaffID(key)] = hours
        }
        return balance
    }

    /// `history.week_hours: {s01: [38, 60, 60]}`: working hours of the weeks before the period as
    /// the Act counts them, the most recent last (at most 16 weeks are read by any rule).
    func readWeekHours(_ node: ValueNode, staff: [StaffID: Staff]) -> [StaffID: [Int]] {
        readWeekLists(node, staff: staff, example: "[38, 60, 60]", mostWeeks: 52) { item in
            // A week holds 168 h; more cannot be meant.
            values.number(item, maximum: 168, what: "week_hours").map { Int(($0 * 60).rounded()) }
        }
    }

    /// `history.sleeping_duty_weeks`: duties with a sleeping shift in each week before the plan,
    /// the most recent last (for the counts over 4, 13 and 26 weeks).
    func readSleepingDutyWeeks(_ node: ValueNode, staff: [StaffID: Staff]) -> [StaffID: [Int]] {
        readWeekLists(node, staff: staff, example: "[2, 3, 2]", mostWeeks: 26) { item in
            guard let count = values.integer(item, minimum: 0, what: "sleeping_duty_weeks") else { return nil }
            // A week holds seven duties at the most (one a day).
            guard count <= 7 else {
                log.report(item, "\(count) sleeping duties in one week cannot be meant", hint: "write the duties of each week, 0 to 7")
                return nil
            }
            return count
        }
    }

    /// `{staff id: [one value a week, …]}`, the most recent week last: each list read item by
    /// item (`read` says what is wrong with an item and gives nil), kept only where every item is good.
    private func readWeekLists(_ node: ValueNode, staff: [StaffID: Staff], example: String, mostWeeks: Int,
                               read: (ValueNode) -> Int?) -> [StaffID: [Int]] {
        guard case let .mapping(pairs) = node.content else {
            log.report(node, "expected `staff id: [value, …]` pairs", hint: "write e.g. `{s01: \(example)}`, the most recent week last")
            return [:]
        }
        var weeks: [StaffID: [Int]] = [:]
        for (key, value) in pairs {
            guard staff[StaffID(key)] != nil else {
                log.report(value, "`\(key)` is not a staff member", hint: "use an id from `staff`")
                continue
            }
            guard case .sequence = value.content else {
                log.report(value, "expected a list, one value a week", hint: "write e.g. `\(key): \(example)`, the most recent week last")
                continue
            }
            let items = values.list(value)
            guard items.count <= mostWeeks else {
                log.report(value, "\(items.count) weeks given; the rules look back at most \(mostWeeks)", hint: "give the last \(mostWeeks) weeks at most")
                continue
            }
            let read = items.compactMap(read)
            if read.count == items.count { weeks[StaffID(key)] = read }
        }
        return weeks
    }
}
