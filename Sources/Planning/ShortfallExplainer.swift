import CareDomain
import Optimization

/// Says why nobody filled a shortfall: for every qualified person, the rule that kept them out.
struct ShortfallExplainer {
    let model: WeekModel
    let values: [Double]

    func reason(for demand: SessionDemand, qualifies: (Staff) -> Bool, lead: String) -> String {
        let scenario = model.scenario
        let qualified = scenario.sortedStaff.filter(qualifies)
        guard !qualified.isEmpty else { return "\(lead); nobody on the staff has this qualification" }
        var groups: [String: [String]] = [:]
        for person in qualified {
            let cause = cause(for: person, in: demand)
            if let cause { groups[cause, default: []].append(person.id.rawValue) }
        }
        let parts = groups.sorted { ($0.value.count, $0.key) > ($1.value.count, $1.key) }.map { "\($0.value.joined(separator: ", ")): \($0.key)" }
        return "\(lead); of \(qualified.count) qualified: " + parts.joined(separator: "; ")
    }

    /// The first rule that keeps `person` out of the session; nil when they already work it.
    private func cause(for person: Staff, in demand: SessionDemand) -> String? {
        let scenario = model.scenario
        let session = demand.session
        let eligibility = StaffCalendar(staff: person).eligibility(for: session, in: scenario)
        guard eligibility == .eligible else { return eligibility.sentence }
        let worked = (model.sessionsByStaff[person.id] ?? []).filter { values[$0.variable.index] > 0.5 }
        if worked.contains(where: { $0.demand.id == demand.id }) { return nil }
        if let clash = worked.first(where: { $0.demand.session.interval.overlaps(session.interval) }) {
            return "busy at \(clash.demand.session.description)"
        }
        if let far = worked.first(where: { other in
            let o = other.demand.session
            let (before, after) = o.interval.end <= session.interval.start ? (o, session) : (session, o)
            return after.interval.start - before.interval.end < model.travelMinutes(from: before.location, to: after.location)
        }) {
            return "no travel time from/to \(far.demand.session.description)"
        }
        let hours = worked.reduce(0.0) { $0 + $1.demand.hours }
        let limit = min(person.maxHours, Double(scenario.labourRules.maxWeekMinutes) / 60)
        if hours + demand.hours > limit + 1e-9 {
            return "at the hours limit (\(formatHours(hours)) of \(formatHours(limit)) h)"
        }
        return "working-time rules (shift length, rest after a night or weekly rest) leave no room"
    }
}

func formatHours(_ hours: Double) -> String {
    let rounded = (hours * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}
