import CareDomain
import Optimization

extension WeekModel {
    /// Staff wishes, soft (SCENARIO.md 1.1): a day off wished costs its weight when the person
    /// works that day; a session to avoid costs it each time it is worked; a preferred session
    /// costs it for each other session worked on those days. Never a reward, so a wish never
    /// puts anyone to work who is not needed.
    func addWishes() throws {
        let price = weights.wishPerWeight
        for person in staff where !person.wishes.isEmpty {
            let sessions = sessionsByStaff[person.id] ?? []
            for wish in person.wishes {
                let cost = price * Double(wish.weight)
                switch wish.kind {
                case let .dayOff(date):
                    let start = scenario.week.startMinute(of: date)
                    guard start >= 0, start < PlanningWeek.minutesPerWeek else { continue }
                    if let worked = try workedDayVariables(for: person)[start / 1440] { objective.add(worked, coefficient: cost) }
                case let .avoid(session, days):
                    for (demand, variable) in sessions where demand.session.slot.name == session && days.contains(demand.session.slot.day) {
                        objective.add(variable, coefficient: cost)
                    }
                case let .prefer(session, days):
                    for (demand, variable) in sessions where demand.session.slot.name != session && days.contains(demand.session.slot.day) {
                        objective.add(variable, coefficient: cost)
                    }
                }
            }
        }
    }
}

/// Wishes as a unit of the model's list: soft, so no oracle check.
struct WishObjective: ModelRule {
    var label: String { "staff wishes (soft)" }
    func addRows(to week: WeekModel) throws { try week.addWishes() }
}

extension WishObjective: ObjectiveTerm {
    /// Each wish not met, times its weight: a day off worked (any work touching the day, as the
    /// model's worked-day binary), each avoided session worked, each other session on a preferred day.
    func price(of roster: ScoredRoster) -> Double {
        guard roster.staff.contains(where: { !$0.wishes.isEmpty }) else { return 0 }
        let scenario = roster.scenario
        let byStaff = Dictionary(grouping: roster.ownAssignments, by: \.staff)
        var total = 0.0
        for person in roster.staff {
            let rows = (byStaff[person.id] ?? []).filter { $0.activity == .group }
            for wish in person.wishes {
                let cost = roster.weights.wishPerWeight * Double(wish.weight)
                switch wish.kind {
                case let .dayOff(date):
                    let start = scenario.week.startMinute(of: date)
                    guard start >= 0, start < PlanningWeek.minutesPerWeek else { continue }
                    if (byStaff[person.id] ?? []).contains(where: { $0.interval.touchedDays.contains(start / 1440) }) { total += cost }
                case let .avoid(session, days):
                    total += cost * Double(rows.filter { $0.ref == session && days.contains(scenario.week.date(atMinute: $0.interval.start).weekday) }.count)
                case let .prefer(session, days):
                    total += cost * Double(rows.filter { $0.ref != session && days.contains(scenario.week.date(atMinute: $0.interval.start).weekday) }.count)
                }
            }
        }
        return total
    }
}
