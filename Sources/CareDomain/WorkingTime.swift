/// A break the Working Hours Act asks (ATW 5:4): a shift with more than `afterMinutes` of work
/// holds a pause of at least `minutes`.
public struct BreakRule: Sendable, Hashable {
    public var afterMinutes: Int
    public var minutes: Int

    public init(afterMinutes: Int, minutes: Int) {
        self.afterMinutes = afterMinutes
        self.minutes = minutes
    }
}

/// One piece of a person's timed work as working time sees it: awake work, or a sleeping shift
/// (counted with `sleep_hours_factor`, and neither work nor pause for the break rules).
public struct WorkPiece: Sendable, Hashable {
    public let interval: WeekInterval
    public let isSleep: Bool
    /// Someone can relieve the person for a break here; false for a lone duty (`LoneDuty.swift`),
    /// whose break would be no break: a shift of lone duties only takes no break out.
    public let breakCovered: Bool
    /// A sleeping shift whose work passes the agreement's limit: its sleep counts in full for
    /// pay and contract hours too (CAO GHZ 7:18).
    public let sleepInFull: Bool

    public init(_ interval: WeekInterval, isSleep: Bool = false, breakCovered: Bool = true, sleepInFull: Bool = false) {
        self.interval = interval
        self.isSleep = isSleep
        self.breakCovered = breakCovered
        self.sleepInFull = isSleep && sleepInFull
    }
}

/// Working time: what counts towards a person's hours, limits and cost. Breaks are part of a
/// shift but not of its working time (SCENARIO.md 1.1).
///
/// The break a shift still needs is the least the Act allows: the pauses it already has (gaps
/// of at least a quarter of an hour between its pieces, ATW 5:4's smallest piece) count, and a
/// shift whose work, less its break, is no longer above a threshold needs no more for it (5 h 45
/// of presence works 5 h 30 with a 15-minute pause and needs no 30). So working time is the
/// largest the law allows, which keeps every upper limit safe; it never falls when work is
/// added, so a rule that follows a chain of work until it is too long stays exact.
public enum WorkingTime {
    /// The shortest gap that counts as (part of) a break.
    public static let pausePieceMinutes = 15

    /// The unpaid break a shift with `work` minutes of awake work and `pauses` minutes of gaps
    /// still needs inside its work: the least `b` with, for every rule, work − b not above its
    /// threshold or pauses + b at least its minutes.
    public static func breakMinutes(work: Int, pauses: Int, rules: [BreakRule]) -> Int {
        // Asked for every piece of work the oracle weighs: no allocation, the rules taken in
        // threshold order (as the reader and the default keep them; sorted here only if not).
        guard !rules.isEmpty else { return 0 }
        var inOrder = true
        for index in rules.indices.dropFirst() where rules[index - 1].afterMinutes > rules[index].afterMinutes { inOrder = false }
        let tiers = inOrder ? rules : rules.sorted { ($0.afterMinutes, $0.minutes) < ($1.afterMinutes, $1.minutes) }
        guard work > tiers[0].afterMinutes else { return 0 }
        // Tier k: a pause of at least the largest of the first k tiers' minutes (none for k = 0),
        // and work no longer than tier k's threshold (none past the last).
        var best = Int.max
        var pause = 0
        for k in 0...tiers.count {
            if k > 0 { pause = max(pause, tiers[k - 1].minutes) }
            var needed = max(0, pause - pauses)
            if k < tiers.count { needed = max(needed, work - tiers[k].afterMinutes) }
            best = min(best, needed)
        }
        return best
    }

    /// The longest break any rule asks: adding work never adds more break than this.
    public static func longestBreak(_ rules: [BreakRule]) -> Int { rules.map(\.minutes).max() ?? 0 }

    /// One shift's figures: its awake work, its pauses, the break it still needs and its working minutes.
    public struct Shift: Sendable, Hashable {
        public var work = 0
        public var pauses = 0
        public var sleep = 0
        /// Of `sleep`, the minutes of duties that count in full (CAO GHZ 7:18).
        public var sleepInFull = 0
        public var start: Int
        public var end: Int
        /// Awake minutes between 00:00 and 06:00 (more than an hour make it a night shift).
        public var night = 0
        /// Some piece of it lets the person be relieved for a break (not lone duty only).
        public var breakCovered = true

        public func breakMinutes(_ rules: LabourRules) -> Int {
            breakCovered ? WorkingTime.breakMinutes(work: work, pauses: pauses, rules: rules.breaks) : 0
        }

        /// Its working minutes: sleep with `sleep_hours_factor` for pay and contract hours, or in
        /// full for the Act's limits (`forLimits`, SCENARIO.md 1.2: every hour of a sleeping shift
        /// is working time for the week's limit and the averages).
        public func workingMinutes(_ rules: LabourRules, forLimits: Bool = false) -> Int {
            work - breakMinutes(rules) + (forLimits ? sleep : sleepInFull + Int((Double(sleep - sleepInFull) * rules.sleepHoursFactor).rounded()))
        }
    }

    /// The shifts of a person's pieces of work (work separated by less than the shortened daily
    /// rest is one shift), in time order.
    public static func shifts(_ pieces: [WorkPiece], rules: LabourRules) -> [Shift] {
        var shifts: [Shift] = []
        forEachShift(pieces, rules: rules) { shifts.append($0) }
        return shifts
    }

    /// Working minutes of a person's pieces of work: per shift, its work less the break it still
    /// needs, plus its sleeping time times `sleep_hours_factor`.
    public static func minutes(_ pieces: [WorkPiece], rules: LabourRules, forLimits: Bool = false) -> Int {
        var total = 0
        forEachShift(pieces, rules: rules) { total += $0.workingMinutes(rules, forLimits: forLimits) }
        return total
    }

    /// Each shift of the pieces in time order, made in one pass. The oracle asks for every
    /// candidate, and the pieces nearly always come in order: they are sorted only when not.
    private static func forEachShift(_ pieces: [WorkPiece], rules: LabourRules, _ body: (Shift) -> Void) {
        var inOrder = true
        for index in pieces.indices.dropFirst() where pieces[index].interval < pieces[index - 1].interval { inOrder = false; break }
        let ordered = inOrder ? pieces : pieces.sorted { $0.interval < $1.interval }
        let shiftBreak = rules.shiftBreakMinutes
        var current: Shift? = nil
        for piece in ordered {
            let interval = piece.interval
            if var shift = current, interval.start - shift.end < shiftBreak {
                let gap = max(0, interval.start - shift.end)
                if gap >= pausePieceMinutes { shift.pauses += gap }
                if piece.sleepInFull { shift.sleepInFull += interval.minutes }
                if piece.isSleep { shift.sleep += interval.minutes } else { shift.work += interval.minutes; shift.night += interval.minutesBetweenMidnightAndSix }
                shift.end = max(shift.end, interval.end)
                shift.breakCovered = shift.breakCovered || piece.breakCovered
                current = shift
            } else {
                if let shift = current { body(shift) }
                current = Shift(work: piece.isSleep ? 0 : interval.minutes, pauses: 0, sleep: piece.isSleep ? interval.minutes : 0,
                                sleepInFull: piece.sleepInFull ? interval.minutes : 0,
                                start: interval.start, end: interval.end, night: piece.isSleep ? 0 : interval.minutesBetweenMidnightAndSix,
                                breakCovered: piece.breakCovered)
            }
        }
        if let shift = current { body(shift) }
    }

    /// Working minutes of one piece standing alone in its shift.
    public static func minutes(alone piece: WorkPiece, rules: LabourRules, forLimits: Bool = false) -> Int {
        let minutes = piece.interval.minutes
        if piece.isSleep { return forLimits || piece.sleepInFull ? minutes : Int((Double(minutes) * rules.sleepHoursFactor).rounded()) }
        guard piece.breakCovered else { return minutes }
        return minutes - breakMinutes(work: minutes, pauses: 0, rules: rules.breaks)
    }
}

extension Scenario {
    /// A roster row as a piece of working time (a group row at a sleeping shift sleeps; one at a
    /// lone duty takes no break out). `lone`: `loneDuties()`, made once by the caller.
    public func workPiece(_ row: RosterAssignment) -> WorkPiece {
        WorkPiece(row.interval, isSleep: row.activity == .group && isSleepShift(at: row.location, named: row.ref),
                  breakCovered: !isLone(row, in: loneDutyKeys),
                  sleepInFull: row.activity == .group && sleepCountsInFull(at: row.location, named: row.ref))
    }

    /// Each person's working minutes in `roster`: timed rows shift by shift (breaks out, sleep
    /// with its factor) plus the coordination time of the clients they are responsible for.
    /// `forLimits`: sleeping shifts in full, as the Act's week limit and averages count them.
    public func workingMinutes(of roster: Roster, forLimits: Bool = false) -> [StaffID: Int] {
        var minutes = workPieces(of: roster).mapValues { WorkingTime.minutes($0, rules: labourRules, forLimits: forLimits) }
        for row in roster.responsibilities { minutes[row.staff, default: 0] += row.coordinationMinutes }
        return minutes
    }

    /// Each person's unpaid break minutes in `roster`.
    public func breakMinutes(of roster: Roster) -> [StaffID: Int] {
        workPieces(of: roster).mapValues { WorkingTime.shifts($0, rules: labourRules).reduce(0) { $0 + $1.breakMinutes(labourRules) } }
    }

    /// Each person's timed rows as working time sees them; on-call duty is no working time.
    private func workPieces(of roster: Roster) -> [StaffID: [WorkPiece]] {
        var pieces: [StaffID: [WorkPiece]] = [:]
        for row in roster.assignments where dutyKind(of: row) != .onCall { pieces[row.staff, default: []].append(workPiece(row)) }
        return pieces
    }
}
