/// A stretch of time in the planning week, in minutes from Monday 00:00; `end` is exclusive.
public struct WeekInterval: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let start: Int
    public let end: Int

    public init(start: Int, end: Int) {
        precondition(end > start, "an interval must have positive length")
        self.start = start
        self.end = end
    }

    public var minutes: Int { end - start }
    public var hours: Double { Double(minutes) / 60 }

    public func overlaps(_ other: WeekInterval) -> Bool { start < other.end && other.start < end }
    public func contains(_ other: WeekInterval) -> Bool { start <= other.start && other.end <= end }

    /// Minutes of this interval that fall between 00:00 and 06:00 of any day.
    public var minutesBetweenMidnightAndSix: Int {
        var total = 0
        var dayStart = (start / 1440) * 1440 - (start < 0 && start % 1440 != 0 ? 1440 : 0)
        while dayStart < end {
            let nightEnd = dayStart + 360
            total += max(0, min(end, nightEnd) - max(start, dayStart))
            dayStart += 1440
        }
        return total
    }

    public static func < (lhs: WeekInterval, rhs: WeekInterval) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    public var description: String { "\(ClockTime.text(start))–\(ClockTime.text(end))" }
}

/// Clock times as minutes after midnight, written `HH:MM`.
public enum ClockTime {
    /// Reads `HH:MM` (00:00 to 24:00); nil otherwise.
    public static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        // Digits only: `+9:00` or ` 9:00` are not times of day.
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == ":" }),
              let hours = Int(parts[0]), let minutes = Int(parts[1]),
              (0...24).contains(hours), (0...59).contains(minutes), hours * 60 + minutes <= 1440
        else { return nil }
        return hours * 60 + minutes
    }

    /// `HH:MM` of a minute of the week or day, as the time of day.
    public static func text(_ minute: Int) -> String {
        let ofDay = ((minute % 1440) + 1440) % 1440
        return "\(zeroPadded(ofDay / 60, 2)):\(zeroPadded(ofDay % 60, 2))"
    }
}

/// A window that recurs on the named days, such as "mon-fri 08:30-17:00".
///
/// A window whose `to` is not after `from` ends on the next day (a night, 23:00–07:00).
public struct RecurringWindow: Hashable, Sendable {
    public let days: [Weekday]
    public let from: Int
    public let to: Int

    public init(days: [Weekday], from: Int, to: Int) {
        self.days = days
        self.from = from
        self.to = to
    }

    public func interval(on day: Weekday) -> WeekInterval {
        let dayStart = day.rawValue * 1440
        return WeekInterval(start: dayStart + from, end: to > from ? dayStart + to : dayStart + 1440 + to)
    }

    public var intervals: [WeekInterval] { days.map(interval(on:)) }
}

extension Array where Element == WeekInterval {
    /// The same time as a sorted list of disjoint intervals: touching or overlapping ones merged.
    public var merged: [WeekInterval] {
        var result: [WeekInterval] = []
        for interval in sorted() {
            if let last = result.last, interval.start <= last.end {
                result[result.count - 1] = WeekInterval(start: last.start, end: Swift.max(last.end, interval.end))
            } else {
                result.append(interval)
            }
        }
        return result
    }
}

extension Array where Element == WeekInterval {
    /// The time in both lists, as sorted disjoint intervals.
    public func intersected(with other: [WeekInterval]) -> [WeekInterval] {
        let left = merged, right = other.merged
        var result: [WeekInterval] = []
        var i = 0, j = 0
        while i < left.count, j < right.count {
            let start = Swift.max(left[i].start, right[j].start)
            let end = Swift.min(left[i].end, right[j].end)
            if end > start { result.append(WeekInterval(start: start, end: end)) }
            if left[i].end < right[j].end { i += 1 } else { j += 1 }
        }
        return result
    }
}

extension RecurringWindow {
    /// The window's intervals repeated a week before and after, so nights wrap around the week.
    public var wrappedIntervals: [WeekInterval] {
        intervals.flatMap { interval in
            [-PlanningWeek.minutesPerWeek, 0, PlanningWeek.minutesPerWeek].map {
                WeekInterval(start: interval.start + $0, end: interval.end + $0)
            }
        }
    }
}

extension Array where Element == WeekInterval {
    /// This time with `cut` taken out.
    public func subtracting(_ cut: WeekInterval) -> [WeekInterval] {
        flatMap { interval -> [WeekInterval] in
            guard interval.overlaps(cut) else { return [interval] }
            var pieces: [WeekInterval] = []
            if interval.start < cut.start { pieces.append(WeekInterval(start: interval.start, end: cut.start)) }
            if cut.end < interval.end { pieces.append(WeekInterval(start: cut.end, end: interval.end)) }
            return pieces
        }
    }
}
