import CareDomain
import Optimization

extension WeekModel {
    /// Nobody is in two places at once, and between sessions in different areas there is at
    /// least the travel time.
    ///
    /// Overlaps are written as one clique row per session start (all of a person's sessions
    /// running at that moment), which is both tighter and smaller than a row per pair.
    func addNoDoubleBooking() throws {
        for person in staff {
            let sessions = (sessionsByStaff[person.id] ?? []).sorted { $0.demand.session < $1.demand.session }
            var written: Set<[Int]> = []
            for current in sessions {
                let start = current.demand.session.interval.start
                let running = sessions.filter { $0.demand.session.interval.start <= start && $0.demand.session.interval.end > start }
                guard running.count > 1 else { continue }
                let key = running.map(\.variable.index).sorted()
                guard written.insert(key).inserted else { continue }
                try model.add(LinearExpression.sum(running.map(\.variable)) <= 1,
                              name: modelName("one_place", person.id.rawValue, current.demand.session))
            }
            for (index, earlier) in sessions.enumerated() {
                for later in sessions[(index + 1)...] {
                    let first = earlier.demand.session, second = later.demand.session
                    // On-call duty is kept from home: no travel to or from it.
                    guard !first.interval.overlaps(second.interval), first.kind != .onCall, second.kind != .onCall else { continue }
                    let (before, after) = first.interval.end <= second.interval.start ? (first, second) : (second, first)
                    let travel = travelMinutes(from: before.location, to: after.location)
                    if after.interval.start - before.interval.end < travel {
                        try model.add(earlier.variable + later.variable <= 1,
                                      name: modelName("travel", person.id.rawValue, before, after.slot.name))
                    }
                }
            }
        }
    }

    func travelMinutes(from origin: LocationID, to destination: LocationID) -> Int {
        if origin == destination { return 0 }
        let originArea = scenario.locations[origin]?.travelArea ?? origin.rawValue
        let destinationArea = scenario.locations[destination]?.travelArea ?? destination.rawValue
        return scenario.travel.minutes(from: originArea, to: destinationArea)
    }
}

/// One place at a time, with the travel time between areas: the oracle's check.
struct NoDoubleBookingRule: PersonWeekRule {
    func violation(in week: PersonWeekView) -> RuleViolation? {
        let sorted = week.work
        // Work of the history that runs into the week keeps the person busy until it ends.
        for earlier in week.prior where earlier.end > 0 {
            if sorted.contains(where: { $0.interval.overlaps(earlier) }) { return .busy("work before this week (until \(earlier.description))") }
        }
        for (index, earlier) in sorted.enumerated() {
            for later in sorted[(index + 1)...] {
                if later.interval.start >= earlier.interval.end + 24 * 60 { break }
                if later.interval.start < earlier.interval.end { return .busy(earlier.label ?? later.label ?? earlier.interval.description) }
                guard let from = earlier.area, let to = later.area else { continue }
                if later.interval.start - earlier.interval.end < week.scenario.travel.minutes(from: from, to: to) {
                    return .noTravelTime(earlier.label ?? later.label ?? earlier.interval.description)
                }
            }
        }
        return nil
    }
}

extension NoDoubleBookingRule: ModelRule {
    var label: String { "one place at a time, with travel between areas" }
    func addRows(to week: WeekModel) throws { try week.addNoDoubleBooking() }
}
