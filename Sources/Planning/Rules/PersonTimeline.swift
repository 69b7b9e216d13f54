import CareDomain
import Optimization

/// One piece of a person's timed work as the rules that look back see it: a session the model
/// decides (its variable) or work of the history, which is fixed (no variable).
struct TimelineEntry {
    let interval: WeekInterval
    let variable: Variable?
    /// A sleeping shift: no night work.
    var isSleep = false

    var isNight: Bool { !isSleep && interval.minutesBetweenMidnightAndSix > LabourRules.nightShiftThresholdMinutes }
}

extension WeekModel {
    /// A person's possible sessions with the history's work before them, in time order.
    func timeline(of person: Staff) -> [TimelineEntry] {
        let prior = scenario.history.work(of: person.id).filter { $0.end > -PersonWeekView.lookBackMinutes }
            .map { TimelineEntry(interval: $0, variable: nil) }
        let sessions = workingSessions(of: person.id).map {
            TimelineEntry(interval: $0.demand.session.interval, variable: $0.variable, isSleep: $0.demand.session.kind == .sleep)
        }
        return (prior + sessions).sorted { $0.interval < $1.interval }
    }

    /// Pairs of a person's entries (in time order) whose gap lies in `gaps`, with the entries
    /// between them; pairs with the history's fixed work between them are left out (that work
    /// stands between them whatever the roster does).
    func pairs(in entries: [TimelineEntry], gaps: Range<Int>) -> [(earlier: TimelineEntry, later: TimelineEntry, between: [TimelineEntry])] {
        var found: [(earlier: TimelineEntry, later: TimelineEntry, between: [TimelineEntry])] = []
        for (index, earlier) in entries.enumerated() {
            for later in entries[(index + 1)...] {
                let gap = later.interval.start - earlier.interval.end
                if gap >= gaps.upperBound { break }
                guard gap >= gaps.lowerBound else { continue }
                let between = entries.filter { $0.interval.start >= earlier.interval.end && $0.interval.end <= later.interval.start }
                guard !between.contains(where: { $0.variable == nil }) else { continue }
                found.append((earlier, later, between))
            }
        }
        return found
    }

    /// Adds `Σ members − Σ minus ≤ limit`, with the history's fixed work moved to the constant;
    /// nothing when the row cannot bind (the history alone broke it, or too few are free).
    func addTogether(_ members: [TimelineEntry], minus: [TimelineEntry] = [], limit: Int, name: String) throws {
        let free = members.compactMap(\.variable)
        guard !free.isEmpty else { return }
        let fixed = members.count - free.count
        let fixedMinus = minus.filter { $0.variable == nil }.count
        // Where the history alone already breaks it, none of the free work may join.
        let room = Double(max(0, limit - fixed + fixedMinus))
        guard Double(free.count) > room else { return }
        var expression = LinearExpression.sum(free)
        for entry in minus { if let variable = entry.variable { expression.add(variable, coefficient: -1) } }
        try model.add(expression <= room, name: name)
    }
}

extension WeekModel {
    /// Binaries "the person works on day d" for the days of the week (and the Monday after, which
    /// a Sunday night reaches), tied both ways to the work that touches each day: worked when any
    /// of it is, and not worked when none is (a rule on days off may not pretend work).
    func workedDayVariables(for person: Staff) throws -> [Int: Variable] {
        if let made = workedDays[person.id] { return made }
        var touching: [Int: [Variable]] = [:]
        for (demand, variable) in workingSessions(of: person.id) {
            for day in demand.session.interval.touchedDays { touching[day, default: []].append(variable) }
        }
        for work in dayWorkByStaff[person.id] ?? [] { touching[work.day.rawValue, default: []].append(work.variable) }
        var made: [Int: Variable] = [:]
        for (day, variables) in touching.sorted(by: { $0.key < $1.key }) {
            let worked = try model.addVariable(modelName("works_on_day", person.id.rawValue, day), kind: .binary)
            for variable in variables {
                try model.add(LinearExpression(variable) - worked <= 0, name: modelName("day_worked", person.id.rawValue, day, variable.index))
            }
            try model.add(LinearExpression(worked) - LinearExpression.sum(variables) <= 0, name: modelName("day_worked_only", person.id.rawValue, day))
            made[day] = worked
        }
        workedDays[person.id] = made
        return made
    }
}

extension PersonWeekView {
    /// The days with some work of the history or the week on them (0 = Monday).
    var workedDays: Set<Int> {
        Set(prior.flatMap(\.touchedDays) + work.flatMap(\.interval.touchedDays))
    }
}

extension WeekModel {
    /// A person's timeline with the sessions at the same time (and of the same kind) as one slot.
    /// No one works two sessions at once, so a row over chains of slots (each slot's variables
    /// summed) forbids exactly what the rows over every chain of sessions did, with far fewer
    /// chains for a floater of several houses.
    func timeSlots(of person: Staff) -> [TimeSlot] {
        var slots: [TimeSlot] = []
        for entry in timeline(of: person) {
            if let last = slots.last, last.interval == entry.interval, last.isSleep == entry.isSleep {
                slots[slots.count - 1].add(entry)
            } else {
                slots.append(TimeSlot(entry))
            }
        }
        return slots
    }

    /// `Σ slots' variables − Σ minus slots' variables ≤ limit`, a slot with the history's work in
    /// it counted as worked (in `minus` too).
    func addSlotsTogether(_ chain: [TimeSlot], minus: [TimeSlot] = [], limit: Int, name: String) throws {
        let fixed = chain.filter(\.isFixed).count
        let free = chain.filter { !$0.isFixed }.flatMap(\.variables)
        guard !free.isEmpty else { return }
        // Where the history alone already fills the series, none of the free work may join.
        var expression = LinearExpression.sum(free)
        for slot in minus where !slot.isFixed { for variable in slot.variables { expression.add(variable, coefficient: -1) } }
        try model.add(expression <= Double(max(0, limit - fixed + minus.filter(\.isFixed).count)), name: name)
    }
}

/// The sessions of one person at one time: at most one of them is worked.
struct TimeSlot {
    let interval: WeekInterval
    let isSleep: Bool
    let isNight: Bool
    var variables: [Variable] = []
    /// The history's work is here: the slot is worked whatever the roster does.
    var isFixed = false

    init(_ entry: TimelineEntry) {
        interval = entry.interval
        isSleep = entry.isSleep
        isNight = entry.isNight
        add(entry)
    }

    mutating func add(_ entry: TimelineEntry) {
        if let variable = entry.variable { variables.append(variable) } else { isFixed = true }
    }
}

