import CareDomain

/// The fields of one mapping node, checked against the names the format allows.
struct Fields {
    let node: ValueNode
    private let entries: [String: ValueNode]
    let log: IssueLog

    /// Reads `node` as a mapping; reports a non-mapping and every field not in `allowed`.
    init?(_ node: ValueNode, log: IssueLog, allowed: [String], what: String) {
        guard case let .mapping(pairs) = node.content else {
            if !node.isNull {
                log.report(node, "expected \(what) (a mapping of fields), found \(node.kindName)",
                           hint: "write it as `field: value` lines indented under \(node.path.isEmpty ? "the top level" : node.path)")
            }
            return nil
        }
        self.node = node
        self.log = log
        var entries: [String: ValueNode] = [:]
        for (key, value) in pairs {
            if !allowed.contains(key) {
                let suggestion = closestName(to: key, among: allowed).map { "did you mean `\($0)`? " } ?? ""
                log.report(value, "unknown field `\(key)` in \(what)",
                           hint: "\(suggestion)allowed fields: \(allowed.joined(separator: ", "))")
            } else if entries[key] == nil {
                entries[key] = value
            }
        }
        self.entries = entries
    }

    func optional(_ key: String) -> ValueNode? {
        guard let value = entries[key], !value.isNull else { return nil }
        return value
    }

    func required(_ key: String, hint: String) -> ValueNode? {
        if let value = optional(key) { return value }
        log.report(at: node.location, path: node.child(key), "required field `\(key)` is missing", hint: hint)
        return nil
    }

    var keys: [String] { Array(entries.keys) }
}

/// Reads single values from nodes, reporting each mistake with its place and a hint.
struct ValueReader {
    let log: IssueLog

    func text(_ node: ValueNode) -> String? {
        guard let text = node.scalar else {
            log.report(node, "expected a single value, found \(node.kindName)")
            return nil
        }
        return text
    }

    func identifier(_ node: ValueNode, what: String) -> String? {
        guard let text = text(node) else { return nil }
        guard isIdentifier(text) else {
            log.report(node, "`\(text)` is not a valid \(what) id", hint: "ids use letters, digits, `_`, `.` and `-` only")
            return nil
        }
        return text
    }

    /// The largest value a field may hold, by the name its messages use (`hourly_cost.mbo2`
    /// by `hourly_cost`): beyond it a value is a mistake, and would overflow the week's minute
    /// arithmetic or fill memory. Other numbers stop at a million.
    static let largest: [String: Double] = [
        "contract_hours": 168, "min_hours": 168, "max_hours": 168, "fte_hours": 168, "min_contract_hours": 168,
        "max_shift_hours": 168, "max_night_shift_hours": 168, "max_week_hours": 168, "min_daily_rest_hours": 168,
        "min_rest_after_night_hours": 168, "min_weekly_rest_hours": 168, "rest_after_night_series_hours": 168,
        "hourly_cost": 100_000, "time_limit_seconds": 86_400, "relative_gap": 0.999,
        "visit count": 168, "visit minutes": 1440, "minutes": 1440, "visit_minutes": 1440, "coordination_minutes": 10_080,
        "max_per_day": 24, "count": 1000, "time_step_minutes": 1440, "default_minutes": 1440, "travel minutes": 1440,
        "ratio": 100, "min_staff": 1000, "capacity": 100_000, "evaluation_months": 1200, "max_caseload": 100_000,
        "max_distinct_staff": 10_000, "productivity": 1, "sessions_per_client": 100, "visits_per_client": 1000,
        "clients": 1_000_000, "group_size": 10_000, "caseload": 100_000, "needs": 1,
    ]

    static func largest(for what: String) -> Double {
        largest[what] ?? largest[String(what.prefix { $0 != "." })] ?? 1_000_000
    }

    func integer(_ node: ValueNode, minimum: Int = 0, what: String) -> Int? {
        guard let text = text(node) else { return nil }
        guard let value = Int(text.trimmingSpaces) else {
            log.report(node, "`\(text)` is not a whole number", hint: "write \(what) as a whole number, e.g. `\(max(minimum, 1))`")
            return nil
        }
        guard value >= minimum else {
            log.report(node, "\(what) is \(value), below the least allowed value \(minimum)",
                       hint: "use \(minimum) or more")
            return nil
        }
        let most = Self.largest(for: what)
        guard Double(value) <= most else {
            log.report(node, "\(what) is \(value), more than can be meant", hint: "use a value of at most \(Int(most))")
            return nil
        }
        return value
    }

    func number(_ node: ValueNode, minimum: Double = 0, exclusive: Bool = false, maximum: Double? = nil, what: String) -> Double? {
        guard let text = text(node) else { return nil }
        guard let value = Double(text.trimmingSpaces), value.isFinite else {
            log.report(node, "`\(text)` is not a number", hint: "write \(what) as a number with a decimal point, e.g. `32` or `41.5`")
            return nil
        }
        let most = maximum ?? Self.largest(for: what)
        if value > most {
            let bound = most == most.rounded() ? String(Int(most)) : String(most)
            log.report(node, "\(what) is \(text), more than can be meant", hint: "use a value of at most \(bound)")
            return nil
        }
        guard exclusive ? value > minimum : value >= minimum else {
            let bound = minimum == minimum.rounded() ? String(Int(minimum)) : String(minimum)
            log.report(node, "\(what) is \(text)\(value < 0 ? ", a negative value" : ""), which is not allowed",
                       hint: "use a value \(exclusive ? "above" : "of at least") \(bound)")
            return nil
        }
        return value
    }

    func boolean(_ node: ValueNode) -> Bool? {
        guard let text = text(node) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            log.report(node, "`\(text)` is not true or false", hint: "write `true` or `false`")
            return nil
        }
    }

    func list(_ node: ValueNode) -> [ValueNode] {
        switch node.content {
        case let .sequence(items): return items
        case .scalar: return [node]
        case .null: return []
        case .mapping:
            log.report(node, "expected a list, found a mapping of fields", hint: "write a list as `[a, b]` or as `- a` lines")
            return []
        }
    }

    func texts(_ node: ValueNode) -> [String] { list(node).compactMap(text) }

    /// Reads `mon-fri`, `sat`, `[mon, wed]` or `[mon-wed, fri]`.
    func days(_ node: ValueNode) -> [Weekday]? {
        var days: [Weekday] = []
        for item in list(node) {
            guard let text = text(item) else { return nil }
            guard let parsed = parseDays(text) else {
                log.report(item, "`\(text)` is not a day or a range of days",
                           hint: "use mon tue wed thu fri sat sun, a range such as `mon-fri`, or a list `[mon, wed]`")
                return nil
            }
            days.append(contentsOf: parsed)
        }
        if days.isEmpty {
            log.report(node, "no days given", hint: "name at least one day, e.g. `mon-fri`")
            return nil
        }
        return Array(Set(days)).sorted()
    }

    func time(_ node: ValueNode) -> Int? {
        guard let text = text(node) else { return nil }
        guard let minutes = ClockTime.minutes(text.trimmingSpaces) else {
            log.report(node, "`\(text)` is not a time of day", hint: "write times as \"HH:MM\" from 00:00 to 24:00, e.g. \"08:30\"")
            return nil
        }
        return minutes
    }

    func date(_ node: ValueNode) -> CivilDate? {
        guard let text = text(node) else { return nil }
        guard let date = CivilDate(iso: text.trimmingSpaces) else {
            log.report(node, "`\(text)` is not a date", hint: "write dates as YYYY-MM-DD, e.g. 2026-03-18")
            return nil
        }
        return date
    }

    /// Reads `{days: mon-fri, from: "08:00", to: "17:00"}`.
    func window(_ node: ValueNode, what: String) -> RecurringWindow? {
        guard let fields = Fields(node, log: log, allowed: ["days", "from", "to"], what: what) else {
            if node.isNull { log.report(node, "\(what) is empty", hint: "write {days: mon-fri, from: \"08:00\", to: \"17:00\"}") }
            return nil
        }
        let days = fields.required("days", hint: "add `days: mon-fri` or a list of days").flatMap(days)
        let from = fields.required("from", hint: "add `from: \"08:00\"`").flatMap(time)
        let to = fields.required("to", hint: "add `to: \"17:00\"`").flatMap(time)
        guard let days, let from, let to else { return nil }
        if from == to || (from == 1440) {
            log.report(fields.optional("to") ?? node, "`from` and `to` are both \(ClockTime.text(from))\(from == 1440 ? " (24:00 can only end a window)" : "")",
                       hint: "a window needs a positive length; a window whose `to` is before `from` ends the next day")
            return nil
        }
        return RecurringWindow(days: days, from: from, to: to)
    }

    func windows(_ node: ValueNode, what: String) -> [RecurringWindow]? {
        if case .mapping = node.content { return window(node, what: what).map { [$0] } }
        let items = list(node)
        let windows = items.compactMap { window($0, what: what) }
        return windows.count == items.count ? windows : nil
    }

    /// Reads `mon ochtend`.
    func slot(_ node: ValueNode) -> SessionSlot? {
        guard let text = text(node) else { return nil }
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let day = Weekday(name: String(parts[0])) else {
            log.report(node, "`\(text)` does not name a session", hint: "write \"<day> <session name>\", e.g. \"mon ochtend\"")
            return nil
        }
        return SessionSlot(day: day, name: String(parts[1]))
    }
}

func parseDays(_ text: String) -> [Weekday]? {
    let trimmed = text.trimmingSpaces.lowercased()
    if let day = Weekday(name: trimmed) { return [day] }
    // Empty pieces kept: `mon--fri` is a mistake, not a range.
    let ends = trimmed.split(separator: "-", omittingEmptySubsequences: false)
    guard ends.count == 2, let first = Weekday(name: String(ends[0])), let last = Weekday(name: String(ends[1])),
          first <= last else { return nil }
    return Weekday.allCases.filter { $0 >= first && $0 <= last }
}

func isIdentifier(_ text: String) -> Bool {
    !text.isEmpty && text.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "_.-".unicodeScalars.contains($0)
    }
}

/// The allowed name nearest to a misspelt one, if it is close enough to be the likely intent.
public func closestName(to name: String, among candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(name.lowercased(), $0)) }.min { $0.1 < $1.1 }
    guard let (best, distance) = scored, distance <= max(2, name.count / 3) else { return nil }
    return best
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(1, b.count) where !b.isEmpty {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
