import CareDomain

/// The stretches a list of recurring windows covers, joined where they touch, repeated a week
/// before and after so that a Sunday-night window continues into Monday.
func coveredStretches(_ windows: [RecurringWindow]) -> [(start: Int, end: Int)] {
    var pieces: [(start: Int, end: Int)] = []
    for window in windows {
        for day in window.days {
            let start = day.rawValue * 1440 + window.from
            let end = window.to > window.from ? day.rawValue * 1440 + window.to : (day.rawValue + 1) * 1440 + window.to
            for shift in [-10080, 0, 10080] { pieces.append((start + shift, end + shift)) }
        }
    }
    pieces.sort { $0.start < $1.start }
    var joined: [(start: Int, end: Int)] = []
    for piece in pieces {
        if let last = joined.last, piece.start <= last.end {
            joined[joined.count - 1].end = max(last.end, piece.end)
        } else {
            joined.append(piece)
        }
    }
    return joined
}

/// Whether the windows cover the interval without a gap.
func covers(_ windows: [RecurringWindow], _ interval: WeekInterval) -> Bool {
    coveredStretches(windows).contains { $0.start <= interval.start && interval.end <= $0.end }
}

/// Where a roster row happens, for travel: a location's area (or the location itself), else the row's area.
func travelArea(of row: RosterAssignment, in scenario: Scenario) -> String? {
    if let location = row.location, let known = scenario.locations[location] { return known.area ?? "location:\(location)" }
    return row.area
}

/// The area where a client is seen: their own `area`, else their location's.
func expectedArea(of client: Client, in scenario: Scenario) -> String? {
    if let area = client.ambulatory?.area { return area }
    guard let location = client.location, let known = scenario.locations[location] else { return nil }
    return known.area ?? "location:\(location)"
}
