import CareDomain
import Optimization

/// A person's week of hours, priced in the planner's order (SCENARIO.md 1.2): every hour worked
/// costs `workedHour`; a salaried person's first hours up to their target earn back a reward
/// that is largest for the first hours and smallest near the target (so the needed work goes to
/// whoever is furthest below their contract, in proportion to contract hours); hours beyond
/// the band above the target cost more; and the extra spend (flex and agency hours, overtime at
/// its premium) is priced in euros.
///
/// The reward never reaches `workedHour`, so no hour of work pays for itself: the roster never
/// puts someone where nobody needs them to fill a contract (SCENARIO.md: a surplus is reported,
/// never hidden). The price is convex in the hours, so the model's pieces (`addRows`) are exact:
/// the LP fills the dearest reward first, as the function does.
struct HoursPrice: Sendable {
    /// Pieces of the first hours worked, in order, each with the reward per hour it earns.
    let rewards: [(hours: Double, perHour: Double)]
    /// Per hour worked, every hour.
    let perHour: Double
    /// Above `from` hours, each hour costs `perHour` more.
    let above: [(from: Double, perHour: Double)]

    func price(_ worked: Double) -> Double {
        var total = worked * perHour
        var left = worked
        for piece in rewards where left > 0 {
            total -= min(left, piece.hours) * piece.perHour
            left -= piece.hours
        }
        for step in above where worked > step.from { total += (worked - step.from) * step.perHour }
        return total
    }

    /// The price of one more hour after `worked` hours (the right-hand slope).
    func marginal(after worked: Double) -> Double {
        var slope = perHour
        var start = 0.0
        for piece in rewards {
            if worked < start + piece.hours - 1e-9 { slope -= piece.perHour; break }
            start += piece.hours
        }
        for step in above where worked >= step.from - 1e-9 { slope += step.perHour }
        return slope
    }

    /// Points where the slope changes, with the slope after each (from 0 up), for the bound's water-filling.
    func pieces(upTo most: Double) -> [(hours: Double, slope: Double)] {
        var cuts = Set([0.0, most])
        var start = 0.0
        for piece in rewards { start += piece.hours; if start < most { cuts.insert(start) } }
        for step in above where step.from > 0 && step.from < most { cuts.insert(step.from) }
        let ordered = cuts.sorted()
        return zip(ordered, ordered.dropFirst()).map { ($1 - $0, marginal(after: $0)) }
    }
}

extension ObjectiveWeights {
    /// The hours price of `person`'s week in `scenario` (one place: the model's rows, the score,
    /// the construction's priority and the bound all take it from here).
    func hoursPrice(of person: Staff, in scenario: Scenario) -> HoursPrice {
        if person.isHire {
            return HoursPrice(rewards: [], perHour: vacancyPerHour + scenario.hourlyCost(of: person.level) * costPerEuro, above: [])
        }
        if person.isVolunteer {
            // Volunteers are paid nothing; their hours above what they offer are avoided.
            return HoursPrice(rewards: [], perHour: 0, above: [(person.contractHours, contractDeviationPerHour)])
        }
        let euros = (person.hourlyCost ?? scenario.hourlyCost(of: person.level)) * costPerEuro
        switch person.contract {
        case .agency:
            return HoursPrice(rewards: [], perHour: workedHour + agencyPerHour + euros, above: [])
        case .flex:
            return HoursPrice(rewards: rewardPieces(target: min(person.maxHours, scenario.weekTarget(of: person)), band: 0),
                              perHour: workedHour + euros, above: [])
        case .salaried, .volunteer:
            let band = scenario.pay.hoursBand
            let target = min(person.maxHours, scenario.weekTarget(of: person))
            let premium = 1 + scenario.pay.overtimePremiumPercent / 100
            let contract = min(person.contractHours, person.maxHours)
            var above: [(from: Double, perHour: Double)] = [(contract, euros * premium)]
            above.append((target * (1 + band), aboveBandPerHour))
            return HoursPrice(rewards: rewardPieces(target: target, band: band), perHour: workedHour, above: above.sorted { $0.from < $1.from })
        }
    }

    /// The reward pieces up to `target`: nine equal steps from `underContractSteepest` down to a
    /// fifth of it over the hours below the band, then `withinBandReward` over the band.
    func rewardPieces(target: Double, band: Double) -> [(hours: Double, perHour: Double)] {
        guard target > 1e-9 else { return [] }
        let steps = 9
        let below = target * (1 - band)
        var pieces = (0..<steps).map { step in
            (hours: below / Double(steps), perHour: underContractSteepest * (1 - 0.8 * Double(step) / Double(steps - 1)))
        }
        if band > 0 { pieces.append((target * band, withinBandReward)) }
        return pieces.filter { $0.hours > 1e-9 }
    }
}

extension WeekModel {
    /// Each person's hours priced as `HoursPrice`: `perHour` on the hours, one bounded variable
    /// per reward piece (at most the hours worked, all together), one per step above.
    func addHoursObjective() throws {
        for person in staff {
            let hours = workedHours(of: person)
            guard !hours.isEmpty else { continue }
            let price = weights.hoursPrice(of: person, in: scenario)
            objective.add(hours, times: price.perHour)
            var earned = LinearExpression()
            for (index, piece) in price.rewards.enumerated() {
                let reward = try model.addVariable(modelName("hours_reward", person.id.rawValue, index), lowerBound: 0, upperBound: piece.hours)
                earned.add(reward, coefficient: 1)
                objective.add(reward, coefficient: -piece.perHour)
            }
            if !price.rewards.isEmpty {
                try model.add(earned - hours <= 0, name: modelName("hours_rewarded", person.id.rawValue))
            }
            for (index, step) in price.above.enumerated() where step.perHour > 0 {
                let over = try model.addVariable(modelName("hours_above", person.id.rawValue, index))
                try model.add(hours - over <= step.from, name: modelName("above", person.id.rawValue, index))
                objective.add(over, coefficient: step.perHour)
            }
        }
    }
}

/// The hours term as a unit of the model's list (`PlanningRules.model`).
struct HoursObjective: ModelRule {
    var label: String { "hours near contract, spread over the team, then the extra spend (soft)" }
    func addRows(to week: WeekModel) throws { try week.addHoursObjective() }
}

extension HoursObjective: ObjectiveTerm {
    /// Each of the part's people's hours as the model's hours row counts them, priced.
    func price(of roster: ScoredRoster) -> Double {
        let hours = RosterScore.modelMinutes(roster.assignments, responsibilities: roster.responsibilities, in: roster.scenario)
        return roster.staff.reduce(0.0) { total, person in
            total + roster.weights.priceOfHours(Double(hours[person.id] ?? 0) / 60, by: person, in: roster.scenario)
        }
    }
}
