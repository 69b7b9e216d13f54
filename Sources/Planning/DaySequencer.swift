import CareDomain

/// Work already fixed at a time in a person's week (a group session, an appointment, a placed visit).
struct TimedWork: Sendable {
    let interval: WeekInterval
    let area: String?
    /// What the work is, for a reason such as "busy at linde mon ochtend".
    var label: String? = nil
    /// A sleeping shift: no night work, a duty of up to 24 h, 11 h rest after it.
    var isSleep = false
    /// A sleeping shift that counts in full for the hours (its work passes the agreement's limit).
    var sleepInFull = false
    /// A group session (a piece of a shift for the split-shift rule; visits are not).
    var isGroupSession = false
    /// On-call duty: it keeps the person from other work then, and is nothing else to the rules.
    var isOnCall = false
    /// Someone can relieve the person for a break (false: a lone duty, whose break is working time).
    var breakCovered = true
}

extension TimedWork {
    /// A kept roster row (a seed's or a re-plan's) as the oracle sees it: where it happens is its
    /// location's travel area, else the row's area.
    init(kept row: RosterAssignment, in scenario: Scenario) {
        self.init(interval: row.interval, area: row.location.flatMap { scenario.locations[$0]?.travelArea } ?? row.area)
        breakCovered = !scenario.isLone(row, in: scenario.loneDutyKeys)
        // Client work named by its ref and day ("busy at a08#1 2026-03-16 14:00–15:00"); a group
        // session's label is its session's (`Replanning.timedWork`).
        if row.activity != .group { label = "\(row.ref) \(scenario.week.date(atMinute: row.interval.start)) \(row.interval)" }
    }
}

/// Work still to be given a time on one day: its length, where on the day it may lie, and where.
struct UntimedWork: Sendable {
    let minutes: Int
    let allowed: [WeekInterval]
    let area: String?
}

/// Where a day's search stands: the work left (a bit per item), when and where the last piece
/// ended, and the next fixed item.
struct SequencingState: Hashable {
    let left: UInt64
    let end: Int?
    let area: String?
    let nextFixed: Int
}

/// Sets the times of one person's flexible work on one day, around their fixed work.
///
/// An exact search over the order of the day's work (a day holds a handful of visits): for a
/// given order, starting each item at its earliest grid time is best, so the search tries
/// orders, each item as early as travel, its windows and the next fixed item allow. A person's
/// working stretch starts and ends at home (`home_area`) inside their availability.
struct DaySequencer {
    let travel: TravelTable
    let grid: TimeGrid
    let homeArea: String?
    /// Merged availability stretches (wrapped around the week), or nil for any time.
    let availability: [WeekInterval]?
    /// How many partial orders the search may try before it gives up on a day.
    var searchLimit = 50_000

    /// Start minutes for `work` (in its order), or nil when no order fits.
    func sequence(_ work: [UntimedWork], around fixed: [TimedWork]) -> [Int]? {
        if work.isEmpty { return [] }
        let fixed = fixed.sorted { $0.interval.start < $1.interval.start }
        let earliest = work.flatMap(\.allowed).map(\.start).min() ?? 0
        // Fixed work that ends before any flexible work could start is passed at once.
        var firstFixed = 0
        var previous: TimedWork? = nil
        while firstFixed < fixed.count, fixed[firstFixed].interval.end <= earliest {
            previous = fixed[firstFixed]
            firstFixed += 1
        }
        var starts = [Int](repeating: 0, count: work.count)
        var tried = 0
        let latestEnd = work.flatMap(\.allowed).map(\.end).max() ?? 0
        // States already found to lead nowhere: what is left, where and when the last piece of
        // work ended, and which fixed item comes next. Orders that reach the same state need not
        // be searched again (earliest starts make the rest depend on nothing else).
        var deadEnds = Set<SequencingState>()
        let remember = work.count <= 64
        func search(previous: TimedWork?, nextFixed: Int, remaining: [Int]) -> Bool {
            tried += 1
            if tried > searchLimit { return false }
            if remaining.isEmpty {
                guard nextFixed < fixed.count else { return canGoHome(after: previous) }
                return canFollow(previous, with: fixed[nextFixed])
            }
            let state = remember ? SequencingState(left: remaining.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) }, end: previous?.interval.end,
                                                   area: previous?.area, nextFixed: nextFixed) : nil
            if let state, deadEnds.contains(state) { return false }
            for index in remaining {
                let item = work[index]
                guard let start = earliestStart(of: item, after: previous) else { continue }
                let placed = TimedWork(interval: WeekInterval(start: start, end: start + item.minutes), area: item.area)
                if nextFixed < fixed.count, !canFollow(placed, with: fixed[nextFixed]) { continue }
                starts[index] = start
                if search(previous: placed, nextFixed: nextFixed, remaining: remaining.filter { $0 != index }) { return true }
            }
            // Or pass the next fixed item first.
            if nextFixed < fixed.count, canFollow(previous, with: fixed[nextFixed]), fixed[nextFixed].interval.start < latestEnd,
               search(previous: fixed[nextFixed], nextFixed: nextFixed + 1, remaining: remaining) {
                return true
            }
            // A state cut off by the search limit is not known to be dead.
            if let state, tried <= searchLimit { deadEnds.insert(state) }
            return false
        }
        return search(previous: previous, nextFixed: firstFixed, remaining: Array(work.indices)) ? starts : nil
    }

    /// The earliest grid start for `item` after `previous`, travel and a journey from home included.
    private func earliestStart(of item: UntimedWork, after previous: TimedWork?) -> Int? {
        for piece in item.allowed {
            var from = piece.start
            while let start = grid.earliestStart(in: piece, from: from, minutes: item.minutes) {
                let candidate = TimedWork(interval: WeekInterval(start: start, end: start + item.minutes), area: item.area)
                if canFollow(previous, with: candidate) { return start }
                // Move on to the first time that could work: after the previous item and its travel.
                let next = max(start + grid.step, (previous?.interval.end ?? start) + minutesBetween(previous?.area, item.area))
                if next <= start { return nil }
                from = next
            }
        }
        return nil
    }

    /// Whether `next` can follow `previous`: no overlap, travel between them, and where they lie in
    /// different availability stretches, the journey home and out again inside each.
    func canFollow(_ previous: TimedWork?, with next: TimedWork) -> Bool {
        guard let availability else {
            guard let previous else { return true }
            return next.interval.start - previous.interval.end >= minutesBetween(previous.area, next.area)
        }
        guard let nextStretch = availability.first(where: { $0.contains(next.interval) }) else { return false }
        if let previous, previous.interval.end > nextStretch.start {
            return next.interval.start - previous.interval.end >= minutesBetween(previous.area, next.area)
        }
        if let previous, !canGoHome(after: previous) { return false }
        return next.interval.start - nextStretch.start >= minutesBetween(homeArea, next.area)
    }

    /// Whether the person gets home from `last` inside the availability stretch it lies in.
    func canGoHome(after last: TimedWork?) -> Bool {
        guard let last, let availability, let stretch = availability.first(where: { $0.contains(last.interval) }) else { return true }
        return stretch.end - last.interval.end >= minutesBetween(last.area, homeArea)
    }

    private func minutesBetween(_ origin: String?, _ destination: String?) -> Int {
        guard let origin, let destination else { return 0 }
        return travel.minutes(from: origin, to: destination)
    }
}
