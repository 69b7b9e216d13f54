import CareDomain
import Optimization

extension WeekModel {
    /// A person's day has room for the work placed on it: visits, evaluations and appointment
    /// seats, the least travel each could need, and the part of their group sessions that falls
    /// in the same stretch, together fit between the earliest and latest time any of it may lie.
    ///
    /// This is a relaxation of the real sequencing (travel is counted at its least, windows only
    /// through their span), so it never removes a roster that could be sequenced; the
    /// `DaySequencer` then sets the times and hands back what does not fit.
    func addPersonDayCapacity() throws {
        for person in staff {
            let byDay = Dictionary(grouping: dayWorkByStaff[person.id] ?? [], by: \.day)
            for (day, work) in byDay.sorted(by: { $0.key < $1.key }) {
                guard let first = work.flatMap(\.allowed).min(by: { $0.start < $1.start }),
                      let last = work.flatMap(\.allowed).max(by: { $0.end < $1.end }) else { continue }
                let span = WeekInterval(start: first.start, end: last.end)
                let sessions = (sessionsByStaff[person.id] ?? []).filter { $0.demand.session.interval.overlaps(span) }
                let otherAreas = work.map(\.area) + sessions.map { Optional(scenario.locations[$0.demand.session.location]?.travelArea ?? "") }
                var load = LinearExpression()
                var worst = 0.0
                var allowance = 0
                for (index, item) in work.enumerated() {
                    let neighbours = otherAreas.enumerated().filter { $0.offset != index }.map(\.element)
                    let leastTravel = neighbours.map { travel(from: $0, to: item.area) }.min() ?? 0
                    allowance = max(allowance, leastTravel)
                    let upper = model.variables[item.variable.index].upperBound
                    load.add(item.variable, coefficient: Double(item.minutes + leastTravel))
                    worst += upper * Double(item.minutes + leastTravel)
                }
                for session in sessions {
                    let interval = session.demand.session.interval
                    let overlap = min(interval.end, span.end) - max(interval.start, span.start)
                    load.add(session.variable, coefficient: Double(overlap))
                    worst += Double(overlap)
                }
                let room = Double(span.minutes + allowance)
                guard worst > room else { continue }
                try model.add(load <= room, name: modelName("day_room", person.id, day))
            }
        }
    }

    /// Travel minutes between two areas; none when either is unknown or they are the same.
    func travel(from origin: String?, to destination: String?) -> Int {
        guard let origin, let destination else { return 0 }
        return scenario.travel.minutes(from: origin, to: destination)
    }
}

/// The rule as a unit of the model's list (`PlanningRules.model`).
struct PersonDayCapacityRule: ModelRule {
    var label: String { "a person's day has room for the work placed on it" }
    func addRows(to week: WeekModel) throws { try week.addPersonDayCapacity() }
}
