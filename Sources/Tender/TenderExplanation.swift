import CareDomain
import Foundation
import Optimization

/// How an estimate comes about, for a buyer to hold against a tariff: per product alone its
/// staff and cost per client, per client hour and per dagdeel; the estimate's sensitivity to
/// productivity and absence beside volume; and the reason each step of a sensitivity adds people.
public struct TenderExplanation: Sendable {
    public typealias ProductFigures = TenderProductFigures
    public typealias TermRow = TenderTermRow

    public let products: [ProductFigures]
    public let terms: [TermRow]
    /// Per row of the volume sensitivity (80% to 120%), why it has more people than the row before.
    public let volumeReasons: [PlannerText]

    /// Productivity and absence around the contract's: a step of 0.05 (productivity) and 0.02 (absence).
    public static func termValues(_ contract: TenderContract) -> [(term: String, value: Double)] {
        // Productivity from high to low, absence from low to high: each step asks more people.
        let productivity = [0.1, 0.05, 0, -0.05, -0.1].map { contract.productivity + $0 }.filter { $0 > 0.05 && $0 <= 1 }
        let absence = [-0.02, 0, 0.02, 0.04, 0.06].map { contract.absenceRate + $0 }.filter { $0 >= 0 && $0 < 0.9 }
        return productivity.map { ("productivity", ($0 * 100).rounded() / 100) } + absence.map { ("absence", ($0 * 100).rounded() / 100) }
    }

    public init<S: Solver>(contract: TenderContract, volume sensitivity: [TenderEstimate], estimator: TenderEstimator<S>) throws {
        var products: [ProductFigures] = []
        for volume in contract.volumes {
            var alone = contract
            alone.volumes = [volume]
            let estimate = try estimator.estimate(alone)
            let group = contract.products[volume.product]?.setting == .group
            var figures = ProductFigures(product: volume.product, clients: volume.clients, estimate: estimate,
                                         clientHours: estimate.lines.reduce(0) { $0 + $1.clientHours },
                                         clientSessions: group ? Double(volume.clients) * volume.sessionsPerClient : nil)
            figures.buildUp = Self.buildUp(estimate, volume: volume, contract: alone, factor: 1)
            if volume.tariff != nil {
                (figures.breakEvenFactor, figures.breakEvenSearched) = try Self.breakEven(volume: volume, contract: alone, estimator: estimator,
                                                                                           at: estimate)
            }
            products.append(figures)
        }
        self.products = products
        var terms: [TermRow] = []
        var previous: TenderEstimate? = nil
        var previousTerm = ""
        for (term, value) in Self.termValues(contract) {
            var changed = contract
            if term == "productivity" { changed.productivity = value } else { changed.absenceRate = value }
            let estimate = try estimator.estimate(changed)
            let before = term == previousTerm ? previous : nil
            terms.append(TermRow(term: term, value: value, estimate: estimate,
                                 reason: before.map { Self.reason(from: $0, to: estimate, contract: contract, groupsFrom: nil, groupsTo: nil) } ?? PlannerText("")))
            previous = estimate
            previousTerm = term
        }
        self.terms = terms
        volumeReasons = sensitivity.indices.map { index in
            guard index > 0 else { return PlannerText("") }
            return Self.reason(from: sensitivity[index - 1], to: sensitivity[index], contract: contract,
                               groupsFrom: Self.groupsPerSession(contract, factor: sensitivity[index - 1].volumeFactor),
                               groupsTo: Self.groupsPerSession(contract, factor: sensitivity[index].volumeFactor))
        }
    }

    /// A one-product contract's week priced step by step at `factor` × its volume.
    public static func buildUp(_ estimate: TenderEstimate, volume: TenderVolume, contract: TenderContract, factor: Double) -> CostPriceBuildUp {
        CostPriceBuildUp(staffCost: estimate.weeklyCost, staffHours: estimate.fte * contract.fteHours, volume: volume, factor: factor,
                         terms: contract.costPrice)
    }

    /// The volumes first tried for a tariff's break-even, as shares of the contract's; between the
    /// last that does not pay and the first that does, the search narrows to 5% steps.
    public static let breakEvenFactors = [0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0]

    /// The lowest volume at which the tariff pays the cost price, for a one-product contract (nil:
    /// none in the range searched, which the second value gives). The staff cost has whole people
    /// and minimum contracts in it, so it falls per unit as the volume grows: the coarse volumes
    /// are walked up (the contract's own estimate reused) to the first that pays, then the step
    /// before it is halved to 5%. At most a tenth of the time limit is spent; what was not
    /// searched is left out of the range.
    static func breakEven<S: Solver>(volume: TenderVolume, contract: TenderContract, estimator: TenderEstimator<S>,
                                     at stated: TenderEstimate) throws -> (Double?, ClosedRange<Double>) {
        let own = Date().addingTimeInterval(max(1, estimator.timeLimitSeconds * 0.1))
        let deadline = estimator.deadline.map { min($0, own) } ?? own
        func pays(_ factor: Double) throws -> Bool {
            let estimate = abs(factor - 1) < 1e-9 ? stated : try estimator.estimate(contract, factor: factor)
            guard !estimate.lines.isEmpty else { return false }
            return (buildUp(estimate, volume: volume, contract: contract, factor: factor).resultAtTariff ?? -1) >= -1e-6
        }
        let first = breakEvenFactors[0]
        var lastFailing: Double? = nil
        for factor in breakEvenFactors {
            if Date() > deadline { return (nil, first...(lastFailing ?? first)) }
            guard try pays(factor) else { lastFailing = factor; continue }
            guard var low = lastFailing else { return (factor, first...breakEvenFactors.last!) }
            // Narrow (low, high] to the 5% step: low does not pay, high does.
            var high = factor
            while high - low > 0.05 + 1e-9, Date() <= deadline {
                let middle = ((low + high) / 2 * 20).rounded() / 20
                guard middle > low + 1e-9, middle < high - 1e-9 else { break }
                if try pays(middle) { high = middle } else { low = middle }
            }
            return (high, first...breakEvenFactors.last!)
        }
        return (nil, first...breakEvenFactors.last!)
    }

    /// The whole contract's week at one volume: its staff cost with the travel, overhead, margin
    /// and indexation of all its volumes, and the revenue of those with a tariff.
    public static func wholeBuildUp(_ estimate: TenderEstimate, contract: TenderContract) -> (costPrice: Double, price: Double, revenue: Double?) {
        let factor = estimate.volumeFactor
        let hours = estimate.fte * contract.fteHours
        // The staff cost is shared among the products (one team), so it is split by contact hours
        // to price each volume's own travel at the team's average hour.
        let contact = contract.volumes.reduce(0.0) { $0 + $1.contactHours(factor: factor) }
        var costPrice = 0.0, price = 0.0, revenue = 0.0, tariffs = 0
        for volume in contract.volumes {
            let share = contact > 0 ? volume.contactHours(factor: factor) / contact : 1 / Double(contract.volumes.count)
            let part = CostPriceBuildUp(staffCost: estimate.weeklyCost * share, staffHours: hours * share, volume: volume, factor: factor,
                                        terms: contract.costPrice)
            costPrice += part.costPrice
            price += part.price
            if let tariff = volume.tariff { revenue += tariff * part.tariffUnits; tariffs += 1 }
        }
        return (costPrice, price, tariffs > 0 ? revenue : nil)
    }

    /// The most groups any session of a group product holds at `factor` × the volume.
    static func groupsPerSession(_ contract: TenderContract, factor: Double) -> [ProductID: Int] {
        var groups: [ProductID: Int] = [:]
        for volume in contract.volumes {
            guard contract.products[volume.product]?.setting == .group, let size = volume.groupSize else { continue }
            let sessions = volume.sessions.reduce(0) { $0 + $1.window.days.count }
            guard sessions > 0 else { continue }
            let present = Int((Double(volume.clients) * factor * volume.sessionsPerClient / Double(sessions) - 1e-9).rounded(.up))
            groups[volume.product] = max(groups[volume.product] ?? 0, (present + size - 1) / size)
        }
        return groups
    }

    /// Why `after` has more people of a level than `before`: a new group (its own lead and
    /// professionals) or more client hours than the people before can give.
    static func reason(from before: TenderEstimate, to after: TenderEstimate, contract: TenderContract,
                       groupsFrom: [ProductID: Int]?, groupsTo: [ProductID: Int]?) -> PlannerText {
        var parts: [String] = [], delen: [String] = []
        if let groupsFrom, let groupsTo {
            for (product, count) in groupsTo.sorted(by: { $0.key < $1.key }) where count > (groupsFrom[product] ?? 0) {
                let level = contract.products[product]?.leadLevel
                parts.append("\(product): \(count) groups in the fullest session instead of \(groupsFrom[product] ?? 0)"
                             + (level.map { " (one more \($0.name) to lead it)" } ?? ""))
                delen.append("\(product): \(count) groepen in de volste sessie in plaats van \(groupsFrom[product] ?? 0)"
                             + (level.map { " (nog een \($0.name) om die te leiden)" } ?? ""))
            }
        }
        let beforeHeads = before.lines.reduce(into: [String: Int]()) { $0[$1.level, default: 0] += $1.heads }
        let afterHeads = after.lines.reduce(into: [String: Int]()) { $0[$1.level, default: 0] += $1.heads }
        for level in contract.scale.levels.map(\.name) where (afterHeads[level] ?? 0) > (beforeHeads[level] ?? 0) {
            let more = (afterHeads[level] ?? 0) - (beforeHeads[level] ?? 0)
            parts.append("\(more) more \(level) (\(beforeHeads[level] ?? 0) → \(afterHeads[level] ?? 0)): the client hours no longer fit the people before")
            delen.append("\(more) \(level) meer (\(beforeHeads[level] ?? 0) → \(afterHeads[level] ?? 0)): de cliënturen passen niet meer bij de mensen van daarvoor")
        }
        return PlannerText(en: parts.joined(separator: "; "), nl: delen.joined(separator: "; "))
    }
}
